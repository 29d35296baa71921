/**
 * Erasure from any screen (Prullenbak, Geschiedenis, Privacycontrole): one question before (it cannot
 * be undone), one notice after, and — when backups made before still hold the data — the offer to
 * delete them.
 */
import { useCallback } from 'react';
import { call } from './api';
import { useAsk } from './components/ChoiceDialog';
import { useNotify } from './notify';
import { useAct } from './useAct';
import { fieldLabel, t } from './i18n';
import { formatDateTime } from './format';
import { formatBytes } from '../../shared/size';
import type { ErasureOutcome, BackupRef } from '../../shared/schemas/privacy';

const count = (n: number, what: 'records' | 'changes') => t(n === 1 ? `erase.${what}.one` : `erase.${what}.other`, { n });
const doneItems = (o: ErasureOutcome) => t('erase.doneItems', { records: count(o.records, 'records'), sets: count(o.changeSets, 'changes') });
export const backupLabel = (b: BackupRef) => t('erase.backup.item', { name: b.name, date: formatDateTime(b.madeAt), size: formatBytes(b.bytes) });

export function useErase() {
  const ask = useAsk();
  const notify = useNotify();
  const { act } = useAct();

  const run = useCallback(
    async (title: string, body: string, action: string, erase: () => Promise<ErasureOutcome>, done: (o: ErasureOutcome) => string): Promise<boolean> => {
      const go = await ask({
        title,
        body: [body, t('erase.final')],
        choices: [
          { value: 'cancel', label: t('erase.cancel'), cancel: true },
          { value: 'erase', label: action, kind: 'danger' },
        ],
      });
      if (go !== 'erase') return false;
      // useAct shows a refusal and reloads every screen; the notice depends on the outcome, so it is given here.
      const r = await act(erase);
      if (!r.ok) return false;
      const out = r.value;
      if (!out.records && !out.changeSets) notify(t('erase.nothing'));
      else if (out.walEmptied) notify(`${done(out)} ${t('erase.bytesGone')}`);
      else notify(`${done(out)} ${t('erase.walBusy')}`, 'error');
      if (out.backups.length) {
        const del = await ask({
          title: t('erase.backups.title'),
          body: [t('erase.backups.body'), ...out.backups.map(backupLabel)],
          choices: [
            { value: 'keep', label: t('erase.backups.keep'), cancel: true },
            { value: 'delete', label: t('erase.backups.delete'), kind: 'danger' },
          ],
        });
        if (del === 'delete') await act(() => call('privacy.deleteBackups', { files: out.backups.map((b) => b.file) }), { done: t(out.backups.length === 1 ? 'erase.backups.deleted.one' : 'erase.backups.deleted.other', { n: out.backups.length }) });
      }
      return true;
    },
    [ask, notify, act],
  );

  return {
    eraseItem: (changeSetId: number, label: string) =>
      run(t('erase.askItem.title', { label }), t('erase.askItem.body'), t('erase.action.item'), () => call('trash.erase', { changeSetId }), doneItems),
    emptyTrash: (n: number) =>
      run(t('erase.askEmpty.title'), t(n === 1 ? 'erase.askEmpty.body.one' : 'erase.askEmpty.body.other', { n }), t('erase.action.empty'), () => call('trash.empty'), doneItems),
    eraseField: (entity: string, id: string, field: string) =>
      run(
        t('erase.askField.title', { field: field === 'label' ? t('erase.labels') : fieldLabel(field, entity) }),
        t('erase.askField.body'),
        t('erase.action.field'),
        () => call('history.eraseField', { entity, id, field }),
        (o) => t('erase.doneField', { sets: count(o.changeSets, 'changes') }),
      ),
  };
}
