import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { HistoryEntry, TrashItem } from '../../../shared/schemas/history';
import { entities } from './entities';
import { looseDb } from '../db/loose';

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
}, labels: Map<string, string>): HistoryEntry {
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
    itemLabel: labels.get(`${r.entity}:${r.entityId}`) ?? '—',
    op: r.op as HistoryEntry['op'],
    changes: Object.entries(fields).map(([field, [o, n]]) => ({ field, old: o, new: n })),
  };
}

/** The current name of every record the entries speak of, from its row or, once purged, its snapshot. */
async function labelsFor(db: Kysely<Database>, rows: { entity: string; entityId: string }[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const byEntity = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!byEntity.has(r.entity)) byEntity.set(r.entity, new Set());
    byEntity.get(r.entity)!.add(r.entityId);
  }
  for (const [entity, ids] of byEntity) {
    const def = entities[entity];
    if (!def) continue;
    const list = [...ids];
    for (let i = 0; i < list.length; i += 500) {
      const found = await looseDb(db).selectFrom(def.table).selectAll().where('id', 'in', list.slice(i, i + 500)).execute();
      for (const row of found) labels.set(`${entity}:${String(row.id)}`, def.label(row));
    }
    const missing = list.filter((id) => !labels.has(`${entity}:${id}`));
    if (missing.length) {
      const snaps = await db.selectFrom('change').select(['entityId', 'snapshot']).where('entity', '=', entity).where('entityId', 'in', missing).where('snapshot', 'is not', null).execute();
      for (const s of snaps) {
        try {
          labels.set(`${entity}:${s.entityId}`, def.label(JSON.parse(s.snapshot!) as Record<string, unknown>));
        } catch {
          // a snapshot without the label's fields: keep the dash
        }
      }
    }
  }
  return labels;
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
  const labels = await labelsFor(db, rows);
  return rows.map((r) => toEntry(r, labels));
}

export async function recentHistory(db: Kysely<Database>, limit: number): Promise<HistoryEntry[]> {
  const rows = await base(db).limit(limit).execute();
  const labels = await labelsFor(db, rows);
  return rows.map((r) => toEntry(r, labels));
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
