/**
 * Values as people read them, for the history and conflict messages: shared/display.ts formats
 * money, dates and codes; here ids become the names of the records they point at (also when that
 * record is in the Prullenbak or was removed by an undo).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { entities } from './entities';
import { formatValue } from '../../../shared/display';
import { looseDb } from '../db/loose';

type Db = Kysely<Database> | Transaction<Database>;

/** Columns that hold the id of another record, and the kind of record. */
export const REFERENCES: Record<string, string> = {
  measureId: 'measure',
  lineId: 'programmeLine',
  programmeId: 'programme',
  activityId: 'activity',
  organisationId: 'organisation',
  leadOrganisationId: 'organisation',
  executorIds: 'organisation',
  contactSchoolId: 'organisation',
  contactMunicipalityId: 'organisation',
  partnerId: 'organisation',
  ownerOrganisationId: 'organisation',
  budgetLineId: 'budgetLine',
  indicatorId: 'indicator',
  roundId: 'monitoringRound',
  interviewId: 'monitoringInterview',
  setId: 'questionSet',
  questionId: 'question',
  contactId: 'contact',
  supersedesId: 'target',
};

/** An erased record's snapshot holds "[gewist]" values: it is called that, not "[gewist] [gewist]". */
export const snapshotLabel = (label: string) => (label.includes('[gewist]') ? '[gewist]' : label);

/** A removed record's newest snapshot in the history, or null (none, or not readable). */
export async function latestSnapshot(db: Db, entity: string, id: string): Promise<Record<string, unknown> | null> {
  const snap = await db
    .selectFrom('change')
    .select('snapshot')
    .where('entity', '=', entity)
    .where('entityId', '=', id)
    .where('snapshot', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  try {
    return snap?.snapshot ? (JSON.parse(snap.snapshot) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Reads names once per record; one instance per request. */
export class Names {
  private cache = new Map<string, string>();
  constructor(private readonly db: Db) {}

  /** What a record is called: its row, or once removed, the newest snapshot in the history. */
  async of(entity: string, id: string): Promise<string> {
    const key = `${entity}:${id}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const def = entities[entity];
    let name = '—';
    if (def) {
      const row = await looseDb(this.db).selectFrom(def.table).selectAll().where('id', '=', id).executeTakeFirst();
      if (row) name = def.label(row);
      else {
        const snap = await latestSnapshot(this.db, entity, id);
        try {
          if (snap) name = snapshotLabel(def.label(snap));
        } catch {
          // a snapshot without the label's fields (scrubbed): keep the dash
        }
      }
    }
    this.cache.set(key, name);
    return name;
  }

  /** A column's value as a person reads it: names for ids, labels for codes, € and dates. */
  async value(entity: string, field: string, v: unknown): Promise<string> {
    const ref = REFERENCES[field];
    if (ref && typeof v === 'string' && v !== '') {
      if (v.startsWith('[')) {
        try {
          const ids = JSON.parse(v) as unknown;
          if (Array.isArray(ids)) return (await Promise.all(ids.map((x) => this.of(ref, String(x))))).join(', ') || '—';
        } catch {
          // not a list after all
        }
      }
      return this.of(ref, v);
    }
    return formatValue(field, v, entity);
  }
}
