/**
 * A write based on an older version of a record is refused by the core (someone else changed it
 * since). This shows what is stored now next to what the user has, and lets the user choose:
 * load the newest version, keep their own (the write is repeated with the version the core named),
 * or go back to the form unchanged.
 */
import { useCallback } from 'react';
import { ApiError } from '../api';
import { useAsk } from './ChoiceDialog';
import { t } from '../i18n';
import { formatDateTime } from '../format';
import type { ConflictInfo } from '../../../shared/result';

export interface ConflictOptions {
  /** Discard the user's version and show the stored one. */
  onReload(): void;
  /** A delete offers "Toch verwijderen" instead of "Mijn versie opslaan". */
  kind?: 'save' | 'delete';
}

function body(c: ConflictInfo) {
  const who = c.by && c.at ? t('conflict.dialogBy', { user: c.by, when: formatDateTime(c.at) }) : t('conflict.dialogSomeone');
  const parts = [who];
  if (!c.fields.length) return parts;
  return [
    ...parts,
    <table key="fields" className="conflict-table">
      <thead>
        <tr>
          <th scope="col">{t('conflict.colField')}</th>
          <th scope="col">{t('conflict.colCurrent')}</th>
          <th scope="col">{t('conflict.colYours')}</th>
        </tr>
      </thead>
      <tbody>
        {c.fields.map((f) => (
          <tr key={f.field}>
            <th scope="row">{f.label}</th>
            <td>{f.current.length > 200 ? f.current.slice(0, 199) + '…' : f.current}</td>
            <td>{f.yours.length > 200 ? f.yours.slice(0, 199) + '…' : f.yours}</td>
          </tr>
        ))}
      </tbody>
    </table>,
  ];
}

/**
 * `const guarded = useConflictGuard();`
 * `const saved = await guarded((v) => call('x.update', { ...input, rowVersion: v ?? loaded.rowVersion }), { onReload })`
 * resolves the write's result, or undefined when the user chose to reload or to go back.
 * Any other error is thrown as before.
 */
export function useConflictGuard() {
  const ask = useAsk();
  return useCallback(
    async <T,>(write: (rowVersion?: number) => Promise<T>, opts: ConflictOptions): Promise<T | undefined> => {
      try {
        return await write();
      } catch (e) {
        if (!(e instanceof ApiError) || !e.conflict) throw e;
        const c = e.conflict;
        const del = opts.kind === 'delete';
        const answer = await ask({
          title: t('conflict.title'),
          body: body(c),
          choices: [
            { value: 'reload', label: t(del ? 'conflict.view' : 'conflict.reload'), kind: 'primary' },
            { value: 'mine', label: t(del ? 'conflict.deleteAnyway' : 'conflict.saveMine'), kind: 'danger' },
            { value: 'cancel', label: t('action.cancel'), cancel: true },
          ],
        });
        if (answer === 'mine') return write(c.rowVersion);
        if (answer === 'reload') opts.onReload();
        return undefined;
      }
    },
    [ask],
  );
}
