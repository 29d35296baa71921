import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { HistoryEntry, TrashItem } from '../../../shared/schemas/history';

type Json = string | number | boolean | null;

function toEntry(r: {
  changeSetId: number;
  at: string;
  user: string;
  label: string;
  action: string;
  source: string | null;
  undoneBy: number | null;
  entity: string;
  entityId: string;
  op: string;
  fields: string;
}): HistoryEntry {
  const fields = JSON.parse(r.fields) as Record<string, [Json, Json]>;
  return {
    changeSetId: r.changeSetId,
    at: r.at,
    user: r.user,
    label: r.label,
    action: r.action,
    source: r.source,
    undone: r.undoneBy !== null,
    entity: r.entity,
    entityId: r.entityId,
    op: r.op as HistoryEntry['op'],
    changes: Object.entries(fields).map(([field, [o, n]]) => ({ field, old: o, new: n })),
  };
}

function base(db: Kysely<Database>) {
  return db
    .selectFrom('change')
    .innerJoin('changeSet', 'changeSet.id', 'change.changeSetId')
    .select([
      'change.changeSetId',
      'changeSet.at',
      'changeSet.user',
      'changeSet.label',
      'changeSet.action',
      'changeSet.source',
      'changeSet.undoneBy',
      'change.entity',
      'change.entityId',
      'change.op',
      'change.fields',
    ])
    .orderBy('change.id', 'desc');
}

export async function historyForEntity(db: Kysely<Database>, entity: string, id: string): Promise<HistoryEntry[]> {
  const rows = await base(db).where('change.entity', '=', entity).where('change.entityId', '=', id).execute();
  return rows.map(toEntry);
}

export async function recentHistory(db: Kysely<Database>, limit: number): Promise<HistoryEntry[]> {
  const rows = await base(db).limit(limit).execute();
  return rows.map(toEntry);
}

export async function listTrash(db: Kysely<Database>): Promise<TrashItem[]> {
  const rows = await db
    .selectFrom('trash')
    .innerJoin('changeSet', 'changeSet.id', 'trash.changeSetId')
    .select(['trash.changeSetId', 'trash.entity', 'trash.entityId', 'trash.label', 'trash.deletedAt', 'changeSet.user'])
    .select((eb) =>
      eb
        .selectFrom('change')
        .whereRef('change.changeSetId', '=', 'trash.changeSetId')
        .where('change.op', '=', 'delete')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('total'),
    )
    .where('trash.restoredAt', 'is', null)
    .orderBy('trash.deletedAt', 'desc')
    .execute();
  return rows.map((r) => ({
    changeSetId: r.changeSetId,
    entity: r.entity,
    entityId: r.entityId,
    label: r.label,
    deletedAt: r.deletedAt,
    user: r.user,
    childCount: Math.max(0, Number(r.total ?? 1) - 1),
  }));
}
