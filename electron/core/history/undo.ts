/**
 * Ctrl+Z: reverses the newest change set that is not itself an undo and not yet undone, in one
 * transaction, and records the reversal as a change set of its own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { tracked } from './tracker';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';

export async function undoLast(db: Kysely<Database>, user: string): Promise<{ label: string }> {
  const target = await db
    .selectFrom('changeSet')
    .selectAll()
    .where('undoes', 'is', null)
    .where('undoneBy', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!target) throw new UserError('user_error', t('err.nothingToUndo'));
  // An erasure is a barrier: its values are "[gewist]", so undoing it (or past it) would write that back.
  if (target.erased || target.action === 'erase') throw new UserError('user_error', t('privacy.undoBarrier', { label: target.label }));
  const changes = await db.selectFrom('change').selectAll().where('changeSetId', '=', target.id).orderBy('id', 'desc').execute();

  await tracked(db, { user, action: 'undo', label: t('label.undo', { label: target.label }), undoes: target.id }, async (tr) => {
    const restoredSets = new Set<number>();
    for (const c of changes) {
      const fields = JSON.parse(c.fields) as Record<string, [unknown, unknown]>;
      switch (c.op) {
        case 'create':
          await tr.purge(c.entity, c.entityId);
          break;
        case 'update': {
          const back: Record<string, unknown> = {};
          for (const [k, [old]] of Object.entries(fields)) back[k] = old;
          await tr.setFields(c.entity, c.entityId, back);
          break;
        }
        case 'delete':
          // One restore per trash item brings back the row and its children together.
          if (!restoredSets.has(target.id)) {
            restoredSets.add(target.id);
            await tr.restoreTrashed(target.id);
          }
          break;
        case 'restore': {
          const snap = JSON.parse(c.snapshot ?? '{}') as { trashedIn?: number };
          if (snap.trashedIn) await tr.retrash(snap.trashedIn, c.entity, c.entityId);
          break;
        }
        case 'purge': {
          // Undoing an undo is not offered (no redo), so a purge is final.
          break;
        }
      }
    }
    await tr.trx.updateTable('changeSet').set({ undoneBy: tr.changeSetId }).where('id', '=', target.id).execute();
  });
  return { label: target.label };
}
