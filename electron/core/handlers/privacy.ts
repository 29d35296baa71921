import { handlers, type HandlerContext } from './types';
import { confirm } from '../privacy/guard';
import { compact, eraseFieldHistory, eraseTrash, type ErasureResult } from '../privacy/erase';
import { scanWorkspace } from '../privacy/scan';
import { backupFiles, backupRef, backupsHolding, deleteBackups } from '../privacy/backups';
import type { ErasureOutcome } from '../../../shared/schemas/privacy';

/** After an erasure: the bytes out of the file and its -wal, and the backups that still hold the data. */
function finish(ctx: HandlerContext, r: ErasureResult): ErasureOutcome {
  const ws = ctx.app.requireWorkspace();
  const { walEmptied } = r.changeSetId === null ? { walEmptied: true } : compact(ws.sqlite);
  return { records: r.records, changeSets: r.changeSets, walEmptied, backups: backupsHolding(backupFiles(ws.path), r.erased) };
}

export const privacyHandlers = handlers({
  'privacy.confirm': async ({ items }, ctx) => {
    await confirm(
      ctx.db(),
      items.map(({ key, entity, field }) => ({ key, entity, field, message: '' })),
      ctx.user,
    );
    return null;
  },

  'privacy.scan': async (_, ctx) => {
    const r = await scanWorkspace(ctx.db());
    return { ...r, backups: backupFiles(ctx.app.requireWorkspace().path).map(backupRef) };
  },

  'privacy.deleteBackups': ({ files }, ctx) => {
    const ws = ctx.app.requireWorkspace();
    deleteBackups(backupFiles(ws.path), files);
    return backupFiles(ws.path).map(backupRef);
  },

  'trash.erase': async ({ changeSetId }, ctx) => finish(ctx, await eraseTrash(ctx.db(), ctx, [changeSetId])),

  'trash.empty': async (_, ctx) => finish(ctx, await eraseTrash(ctx.db(), ctx, 'all')),

  'history.eraseField': async ({ entity, id, field }, ctx) => finish(ctx, await eraseFieldHistory(ctx.db(), ctx, entity, id, field)),
});
