/**
 * A write based on an older version of a record is refused by the core (someone else changed it
 * since). This shows what is stored now next to what the user has, and lets the user choose:
 * load the newest version, keep their own (the write is repeated with the version the core named),
 * or go back to the form unchanged.
 */
import { useCallback } from 'react';
import { useAsk } from './ChoiceDialog';
import { t } from '../i18n';
import { formatDateTime } from '../format';
import type { ConflictInfo } from '../../../shared/result';

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

export type ConflictChoice = 'reload' | 'mine' | 'cancel';

/** The question itself: what changed, and the three ways on. useAct asks it for every versioned write. */
export function useConflictQuestion() {
  const ask = useAsk();
  return useCallback(
    (c: ConflictInfo, kind: 'save' | 'delete' = 'save'): Promise<ConflictChoice> => {
      const del = kind === 'delete';
      return ask<ConflictChoice>({
        title: t('conflict.title'),
        body: body(c),
        choices: [
          { value: 'reload', label: t(del ? 'conflict.view' : 'conflict.reload'), kind: 'primary' },
          { value: 'mine', label: t(del ? 'conflict.deleteAnyway' : 'conflict.saveMine'), kind: 'danger' },
          { value: 'cancel', label: t('action.cancel'), cancel: true },
        ],
      });
    },
    [ask],
  );
}
