/**
 * History stores ids for references (a move is measureId old -> new). People read names, so
 * entries get a label for each referenced value, looked up also in the Prullenbak.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { HistoryEntry } from '../../../shared/schemas/history';
import { entityDef } from './entities';
import { readRow } from './tracker';

const references: Record<string, string> = {
  measureId: 'measure',
  lineId: 'programmeLine',
  programmeId: 'programme',
  activityId: 'activity',
  organisationId: 'organisation',
  leadOrganisationId: 'organisation',
  executorIds: 'organisation',
  contactSchoolId: 'organisation',
  contactMunicipalityId: 'organisation',
};

/**
 * A record that is no longer in the file: the name from its last snapshot in the history, "[gewist]"
 * once an erasure scrubbed it (or left none), never a bare id.
 */
async function goneLabel(db: Kysely<Database>, entity: string, id: string): Promise<string> {
  const s = await db.selectFrom('change').select('snapshot').where('entity', '=', entity).where('entityId', '=', id).where('snapshot', 'is not', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
  try {
    const label = s?.snapshot ? entityDef(entity).label(JSON.parse(s.snapshot) as Record<string, unknown>) : '';
    return label && !label.includes('[gewist]') ? label : '[gewist]';
  } catch {
    return '[gewist]';
  }
}

export async function withReferenceLabels(db: Kysely<Database>, entries: HistoryEntry[]): Promise<HistoryEntry[]> {
  const cache = new Map<string, string>();
  const label = async (entity: string, id: string): Promise<string> => {
    const key = `${entity}:${id}`;
    if (!cache.has(key)) {
      const row = await readRow(db, entity, id, { includeDeleted: true });
      cache.set(key, row ? entityDef(entity).label(row) : await goneLabel(db, entity, id));
    }
    return cache.get(key)!;
  };
  const describe = async (entity: string, v: unknown): Promise<string | undefined> => {
    if (typeof v !== 'string' || v === '') return undefined;
    if (v.startsWith('[')) {
      const ids = JSON.parse(v) as unknown;
      if (!Array.isArray(ids)) return undefined;
      return (await Promise.all(ids.map((id) => label(entity, String(id))))).join(', ') || '—';
    }
    return label(entity, v);
  };
  for (const e of entries)
    for (const c of e.changes) {
      const entity = references[c.field];
      if (!entity) continue;
      c.oldLabel = await describe(entity, c.old);
      c.newLabel = await describe(entity, c.new);
    }
  return entries;
}
