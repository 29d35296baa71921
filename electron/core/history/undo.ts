/**
 * Undo and redo. Every window (or CLI run) has its own stack: Ctrl+Z reverses the newest change set
 * of that session that is still in effect; redo reverses the newest undo, as long as the session made
 * no new change after it. A reversal is itself a change set (action 'undo' or 'redo', `undoes`
 * pointing at what it reverses), so an undo can always be redone and a redo undone again.
 *
 * Before anything is written, every record the change set touched must still be as the change set
 * left it. If someone changed it since (another window, a colleague, the CLI), the reversal is refused
 * with a Dutch message naming who, and nothing changes.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ChangeSetTable, ChangeTable, Database } from '../db/schema';
import { readRow, tracked, type Op, type Tracker } from './tracker';
import { entityDef, entityName } from './entities';
import { byWhom, lastChangeOf, sameValue } from './conflict';
import { UserError } from '../errors';
import { t, type MessageKey } from '../../../shared/i18n/nl';
import type { UndoResult } from '../../../shared/schemas/history';

type Db = Kysely<Database> | Transaction<Database>;
type SetRow = Selectable<ChangeSetTable>;
type ChangeRow = Selectable<ChangeTable>;
type Row = Record<string, unknown>;
export type Direction = 'undo' | 'redo';

/** More records than this are never reversed by a keystroke alone: the screen asks first. */
export const CONFIRM_ABOVE = 25;

export interface Who {
  user: string;
  session: string;
}

/** The newest change set of this session still in effect (a change or a redo, not undone). */
export async function undoTarget(db: Db, session: string): Promise<SetRow | undefined> {
  return db
    .selectFrom('changeSet')
    .selectAll()
    .where('session', '=', session)
    .where('action', '!=', 'undo')
    .where('undoneBy', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The newest undo of this session not yet redone, unless the session changed something after it. */
export async function redoTarget(db: Db, session: string): Promise<SetRow | undefined> {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const page = await db.selectFrom('changeSet').selectAll().where('session', '=', session).where('id', '<', before).orderBy('id', 'desc').limit(200).execute();
    if (!page.length) return undefined;
    for (const s of page) {
      if (s.action === 'redo') continue;
      if (s.action !== 'undo') return undefined;
      if (s.undoneBy === null) return s;
    }
    before = page[page.length - 1]!.id;
  }
}

/** The label of the user's own action a chain of undos and redos goes back to. */
async function rootLabel(db: Db, set: SetRow): Promise<string> {
  let s: SetRow | undefined = set;
  for (let i = 0; s && s.undoes !== null && i < 10_000; i++) s = await db.selectFrom('changeSet').selectAll().where('id', '=', s.undoes).executeTakeFirst();
  return s?.label ?? set.label;
}

const key = (c: { entity: string; entityId: string }) => `${c.entity}\u0000${c.entityId}`;
const fieldsOf = (c: ChangeRow) => JSON.parse(c.fields) as Record<string, [unknown, unknown]>;
const snapshotOf = (c: ChangeRow) => JSON.parse(c.snapshot ?? '{}') as Row;

/** What reversing each kind of change does to a record, for the question and the summary. */
const EFFECT: Record<string, string> = {
  create: 'undo.sum.removed',
  purge: 'undo.sum.back',
  delete: 'undo.sum.fromTrash',
  restore: 'undo.sum.toTrash',
  update: 'undo.sum.reverted',
};
const EFFECT_ORDER = ['create', 'purge', 'delete', 'restore', 'update'];

export interface Plan {
  target: SetRow;
  changes: ChangeRow[];
  records: number;
  summary: string;
  label: string;
}

const nl = (n: number) => n.toLocaleString('nl-NL');

export async function planReverse(db: Db, target: SetRow): Promise<Plan> {
  const changes = await db.selectFrom('change').selectAll().where('changeSetId', '=', target.id).orderBy('id').execute();
  // Per record the weightiest thing the reversal does to it (a record made and edited in one action is removed).
  const effect = new Map<string, string>();
  for (const c of changes) {
    const prev = effect.get(key(c));
    if (prev === undefined || EFFECT_ORDER.indexOf(c.op) < EFFECT_ORDER.indexOf(prev)) effect.set(key(c), c.op);
  }
  const counts = new Map<string, number>();
  for (const op of effect.values()) counts.set(op, (counts.get(op) ?? 0) + 1);
  const summary = EFFECT_ORDER.filter((op) => counts.get(op))
    .map((op) => {
      const n = counts.get(op)!;
      return t(`${EFFECT[op]!}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n: nl(n) });
    })
    .join(' ');
  return { target, changes, records: effect.size, summary, label: await rootLabel(db, target) };
}

/** Every record as the change set left it: whole rows it made, the columns it set, rows it removed. */
function leftBy(changes: ChangeRow[]): Map<string, { entity: string; id: string; absent: boolean; cols: Row }> {
  const out = new Map<string, { entity: string; id: string; absent: boolean; cols: Row }>();
  for (const c of changes) {
    const k = key(c);
    if (c.op === 'create') {
      const { rowVersion: _v, ...cols } = snapshotOf(c);
      out.set(k, { entity: c.entity, id: c.entityId, absent: false, cols });
    } else if (c.op === 'purge') out.set(k, { entity: c.entity, id: c.entityId, absent: true, cols: {} });
    else {
      const s = out.get(k) ?? { entity: c.entity, id: c.entityId, absent: false, cols: {} };
      for (const [f, [, v]] of Object.entries(fieldsOf(c))) s.cols[f] = v;
      s.absent = false;
      out.set(k, s);
    }
  }
  return out;
}

function refusal(direction: Direction, what: string): UserError {
  return new UserError('conflict', t(direction === 'undo' ? 'undo.conflict' : 'redo.conflict', { what }));
}

/** Refuses (and writes nothing) when a record is no longer as the change set left it. */
async function assertUntouched(db: Db, plan: Plan, direction: Direction, me: Who): Promise<void> {
  for (const r of leftBy(plan.changes).values()) {
    const row = await readRow(db, r.entity, r.id, { includeDeleted: true });
    const changed = r.absent ? !!row : !row || Object.entries(r.cols).some(([f, v]) => !sameValue(row[f], v));
    if (!changed) continue;
    const def = entityDef(r.entity);
    const name = row ? def.label(row) : ((await lastSnapshotLabel(db, r.entity, r.id)) ?? '—');
    const record = t('conflict.record', { entity: entityName(r.entity), name });
    const later = await lastChangeOf(db, r.entity, r.id, plan.target.id);
    const what = later && later.session !== me.session ? t('conflict.changedBy', { record, by: byWhom(later, me.user) }) : t('conflict.changed', { record });
    throw refusal(direction, what);
  }
}

async function lastSnapshotLabel(db: Db, entity: string, id: string): Promise<string | undefined> {
  const s = await db.selectFrom('change').select('snapshot').where('entity', '=', entity).where('entityId', '=', id).where('snapshot', 'is not', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
  try {
    return s?.snapshot ? entityDef(entity).label(JSON.parse(s.snapshot) as Row) : undefined;
  } catch {
    return undefined;
  }
}

const INVERSE: Record<string, Op> = { update: 'update', delete: 'restore', restore: 'delete' };

async function applyInverse(tr: Tracker, changes: ChangeRow[]): Promise<void> {
  for (const c of [...changes].reverse()) {
    if (c.op === 'create') await tr.purge(c.entity, c.entityId);
    else if (c.op === 'purge') await tr.reinsert(c.entity, snapshotOf(c));
    else {
      const back: Row = {};
      for (const [f, [old]] of Object.entries(fieldsOf(c))) back[f] = old;
      await tr.setFields(c.entity, c.entityId, back, INVERSE[c.op] ?? 'update');
    }
  }
}

const isForeignKeyError = (e: unknown) => (e as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

/** Reverses one change set as a change set of its own; refuses in Dutch when others built on it. */
export async function reverse(db: Kysely<Database>, me: Who, plan: Plan, direction: Direction): Promise<number> {
  const label = t(direction === 'undo' ? 'label.undo' : 'label.redo', { label: plan.label });
  try {
    return await tracked(db, { user: me.user, session: me.session, action: direction, label, undoes: plan.target.id }, async (tr) => {
      const target = await tr.trx.selectFrom('changeSet').select('undoneBy').where('id', '=', plan.target.id).executeTakeFirst();
      if (!target || target.undoneBy !== null) throw new UserError('conflict', t('undo.moved'));
      await assertUntouched(tr.trx, plan, direction, me);
      // Rows may point at each other within the set (a revised target at a later one): checked at commit.
      await sql`PRAGMA defer_foreign_keys = ON`.execute(tr.trx);
      await applyInverse(tr, plan.changes);
      await tr.trx.updateTable('changeSet').set({ undoneBy: tr.changeSetId }).where('id', '=', plan.target.id).execute();
      return tr.changeSetId;
    });
  } catch (e) {
    if (!isForeignKeyError(e)) throw e;
    // A record someone else added since still points at one this reversal would remove.
    const later = await db
      .selectFrom('changeSet')
      .selectAll()
      .where('id', '>', plan.target.id)
      .where((eb) => eb.or([eb('session', '!=', me.session), eb('session', 'is', null)]))
      .where('undoneBy', 'is', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    throw refusal(direction, later ? t('conflict.dependsBy', { label: later.label, by: byWhom(later, me.user) }) : t('conflict.depends'));
  }
}

/**
 * Ctrl+Z or Ctrl+Shift+Z for one session. A big change set is only reversed when the caller names
 * it (changeSetId), after the screen asked; otherwise the answer is the question to ask.
 */
export async function step(db: Kysely<Database>, me: Who, direction: Direction, confirmed?: number): Promise<UndoResult> {
  const target = direction === 'undo' ? await undoTarget(db, me.session) : await redoTarget(db, me.session);
  if (!target) throw new UserError('user_error', t(direction === 'undo' ? 'err.nothingToUndo' : 'err.nothingToRedo'));
  if (confirmed !== undefined && confirmed !== target.id) throw new UserError('conflict', t('undo.moved'));
  const plan = await planReverse(db, target);
  const base = { changeSetId: target.id, label: plan.label, summary: plan.summary, records: plan.records };
  const question = t(direction === 'undo' ? 'undo.ask' : 'redo.ask', { label: plan.label });
  if (plan.records > CONFIRM_ABOVE && confirmed === undefined) return { status: 'confirm', question, ...base };
  await reverse(db, me, plan, direction);
  return { status: 'done', ...base };
}

/** What Ctrl+Z and Ctrl+Shift+Z would do now in this session (for the buttons' titles). */
export async function stackState(db: Kysely<Database>, session: string): Promise<{ undo: string | null; redo: string | null }> {
  const u = await undoTarget(db, session);
  const r = await redoTarget(db, session);
  return { undo: u ? await rootLabel(db, u) : null, redo: r ? await rootLabel(db, r) : null };
}
