/**
 * The Geschiedenis as people read it: one entry per user action (a change set), naming where it
 * happened (programme, round, measure …), with its field changes folded in and every value as the
 * screens show it (names for ids, labels for codes, € and dd-mm-jjjj, summaries for frozen facts).
 * Nothing here returns a stored JSON value or an id to the screen.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { HistoryFeed, HistoryFeedInput, HistoryItem, HistorySet, ShownChange } from '../../../shared/schemas/history';
import { entities, entityName } from './entities';
import { Names, latestSnapshot } from './display';
import { fieldLabel } from '../../../shared/i18n/nl';
import { shorten } from '../../../shared/display';
import { looseDb } from '../db/loose';

type Row = Record<string, unknown>;

/** Records shown per entry; the rest is counted ("en nog 1.390 andere"). */
const ITEMS_PER_SET = 25;
/** Longer values are shortened in the list; the full text goes along to be opened. */
const SHORT = 160;

/** Bookkeeping columns a person never needs to see in the history. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'deletedIn', 'rowVersion', 'sortOrder']);

/** The columns that lead from a record to the one it belongs to, in the order they are followed. */
const PARENT_FIELDS = ['interviewId', 'roundId', 'budgetLineId', 'indicatorId', 'activityId', 'measureId', 'setId', 'programmeId', 'organisationId'];
const PARENT_ENTITY: Record<string, string> = {
  interviewId: 'monitoringInterview',
  roundId: 'monitoringRound',
  budgetLineId: 'budgetLine',
  indicatorId: 'indicator',
  activityId: 'activity',
  measureId: 'measure',
  setId: 'questionSet',
  programmeId: 'programme',
  organisationId: 'organisation',
};
/** What "where" names, outermost first. */
const WHERE_ORDER = ['programme', 'monitoringRound', 'measure', 'activity', 'indicator', 'organisation'];
/** Which record of an action is its main one: the first in this order (a submission's input, not its answers). */
const RANK = [
  'programme',
  'programmeLine',
  'measure',
  'activity',
  'monitoringRound',
  'monitoringInterview',
  'indicator',
  'organisation',
  'budgetLine',
  'award',
  'questionSet',
];
const rank = (entity: string) => {
  const i = RANK.indexOf(entity);
  return i < 0 ? RANK.length : i;
};

/** Rows by id, from the table or (once removed) the newest snapshot; one instance per request. */
class Rows {
  private cache = new Map<string, Row | null>();
  constructor(private readonly db: Kysely<Database>) {}
  async get(entity: string, id: string): Promise<Row | null> {
    const key = `${entity}:${id}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const def = entities[entity];
    let row: Row | null = null;
    if (def) {
      row = (await looseDb<Row>(this.db).selectFrom(def.table).selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
      row ??= await latestSnapshot(this.db, entity, id);
    }
    this.cache.set(key, row);
    return row;
  }
}

/** The programme, round, measure … a record belongs to, outermost first (the record itself left out). */
async function whereOf(rows: Rows, names: Names, entity: string, id: string): Promise<HistorySet['where']> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const walk = async (e: string, i: string, depth: number) => {
    if (depth > 6 || seen.has(`${e}:${i}`)) return;
    seen.add(`${e}:${i}`);
    const row = await rows.get(e, i);
    if (!row) return;
    for (const f of PARENT_FIELDS) {
      const v = row[f];
      const parent = PARENT_ENTITY[f]!;
      if (typeof v !== 'string' || !v || parent === e) continue;
      if (WHERE_ORDER.includes(parent) && !found.has(parent)) found.set(parent, await names.of(parent, v));
      await walk(parent, v, depth + 1);
    }
  };
  await walk(entity, id, 0);
  found.delete(entity);
  return WHERE_ORDER.filter((e) => found.has(e)).map((e) => ({ entity: e, entityName: entityName(e), label: found.get(e)! }));
}

async function shownChanges(names: Names, entity: string, op: string, fields: string): Promise<ShownChange[]> {
  // A creation lists its whole row and a move to the Prullenbak only its marks: the entry's wording says it.
  if (op !== 'update' && op !== 'restore') return [];
  let parsed: Record<string, [unknown, unknown]>;
  try {
    parsed = JSON.parse(fields) as Record<string, [unknown, unknown]>;
  } catch {
    return [];
  }
  const out: ShownChange[] = [];
  for (const [field, [o, n]] of Object.entries(parsed)) {
    if (HIDDEN.has(field)) continue;
    const oldFull = await names.value(entity, field, o);
    const newFull = await names.value(entity, field, n);
    if (oldFull === newFull) continue;
    const c: ShownChange = { field, label: fieldLabel(field), old: shorten(oldFull, SHORT), new: shorten(newFull, SHORT) };
    if (oldFull.length > SHORT) c.oldFull = oldFull;
    if (newFull.length > SHORT) c.newFull = newFull;
    out.push(c);
  }
  return out;
}

export async function historyFeed(db: Kysely<Database>, f: HistoryFeedInput): Promise<HistoryFeed> {
  const limit = f.limit ?? 40;
  const record = f.entity && f.id ? { entity: f.entity, id: f.id } : null;
  let q = db.selectFrom('changeSet').selectAll().orderBy('id', 'desc').limit(limit + 1);
  if (f.before) q = q.where('id', '<', f.before);
  if (f.user) q = q.where('user', '=', f.user);
  if (f.from) q = q.where('at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('at', '<', new Date(f.to).toISOString());
  if (record)
    q = q.where('id', 'in', db.selectFrom('change').select('changeSetId').where('entity', '=', record.entity).where('entityId', '=', record.id));
  const found = await q.execute();
  const names = new Names(db);
  const rows = new Rows(db);

  const sets: HistorySet[] = [];
  for (const cs of found.slice(0, limit)) {
    const counts = await db
      .selectFrom('change')
      .select(['entity', 'op'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('changeSetId', '=', cs.id)
      .groupBy(['entity', 'op'])
      .execute();
    // The filtered record's own changes first, then the action's main records, then in order.
    const changes = db.selectFrom('change').select(['id', 'entity', 'entityId', 'op', 'fields']).where('changeSetId', '=', cs.id);
    const mine = record ? await changes.where('entity', '=', record.entity).where('entityId', '=', record.id).orderBy('id').execute() : [];
    const ranked = await changes
      .where('entity', 'in', RANK)
      .orderBy('id')
      .limit(ITEMS_PER_SET * 4)
      .execute();
    const rest = await changes.orderBy('id').limit(ITEMS_PER_SET * 2).execute();
    ranked.sort((a, b) => rank(a.entity) - rank(b.entity) || a.id - b.id);
    const chosen: typeof rest = [];
    const taken = new Set<number>();
    for (const c of [...mine, ...ranked, ...rest]) {
      if (chosen.length >= ITEMS_PER_SET || taken.has(c.id)) continue;
      taken.add(c.id);
      chosen.push(c);
    }
    const items: HistoryItem[] = [];
    for (const c of chosen)
      items.push({
        entity: c.entity,
        entityName: entityName(c.entity),
        entityId: c.entityId,
        itemLabel: await names.of(c.entity, c.entityId),
        op: c.op as HistoryItem['op'],
        changes: await shownChanges(names, c.entity, c.op, c.fields),
      });
    const records = counts.reduce((s, c) => s + Number(c.n), 0);
    // "Where" is told from the filtered record, else from the action's main record.
    const whereFrom = mine[0] ?? [...chosen].sort((a, b) => rank(a.entity) - rank(b.entity) || a.id - b.id)[0];
    sets.push({
      changeSetId: cs.id,
      at: cs.at,
      user: cs.user,
      label: cs.label,
      action: cs.action,
      source: cs.source,
      undone: cs.undoneBy !== null,
      where: whereFrom ? await whereOf(rows, names, whereFrom.entity, whereFrom.entityId) : [],
      records,
      summary: counts
        .map((c) => ({ entity: c.entity, entityName: entityName(c.entity), op: c.op, n: Number(c.n) }))
        .sort((a, b) => rank(a.entity) - rank(b.entity) || b.n - a.n),
      items,
      moreItems: Math.max(0, records - items.length),
    });
  }

  const users = (await db.selectFrom('changeSet').select('user').distinct().orderBy('user').execute()).map((r) => r.user);
  return {
    sets,
    more: found.length > limit,
    users,
    record: record ? { entity: record.entity, entityName: entityName(record.entity), label: await names.of(record.entity, record.id) } : null,
  };
}
