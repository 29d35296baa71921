import { handlers, type HandlerContext } from './types';
import { confirm } from '../privacy/guard';
import { compact, eraseFieldHistory, eraseTrash, type ErasureResult } from '../privacy/erase';
import { scanWorkspace } from '../privacy/scan';
import { backupsHolding, deleteBackups, workspaceBackups } from '../privacy/backups';
import type { ErasureOutcome } from '../../../shared/schemas/privacy';

/** After an erasure: the bytes out of the file and its -wal, and the backups that still hold the data. */
function finish(ctx: HandlerContext, r: ErasureResult): ErasureOutcome {
  const ws = ctx.app.requireWorkspace();
  const { walEmptied } = r.changeSetId === null ? { walEmptied: true } : compact(ws.sqlite);
  return { records: r.records, changeSets: r.changeSets, walEmptied, backups: backupsHolding(ctx.app.backupsDir, ws.path, { records: r.erased, values: r.values }) };
}

const listed = (ctx: HandlerContext) => workspaceBackups(ctx.app.backupsDir, ctx.app.requireWorkspace().path).map(({ kind: _k, ...b }) => b);

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
    return { ...r, backups: listed(ctx) };
  },

  'privacy.deleteBackups': ({ files }, ctx) => {
    deleteBackups(ctx.app.backupsDir, ctx.app.requireWorkspace().path, files);
    return listed(ctx);
  },

  'trash.erase': async ({ changeSetId }, ctx) => finish(ctx, await eraseTrash(ctx.db(), ctx, [changeSetId])),

  'trash.empty': async (_, ctx) => finish(ctx, await eraseTrash(ctx.db(), ctx, 'all')),

  'history.eraseField': async ({ entity, id, field }, ctx) => finish(ctx, await eraseFieldHistory(ctx.db(), ctx, entity, id, field)),
});
