/**
 * The plan's own structure: a measure that is itself its one activity (`single`) or that holds the
 * place of an activity directly under a programme line (`activity`). The item keeps its template in
 * one activity row under the measure, so every path that works for an activity under a measure
 * works for it too. This module is the one place that keeps the two rows agreeing: every write
 * that touches one writes the shared fields of the other in the same change set.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Tracker } from '../history/tracker';
import { UserError } from '../errors';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { holdsOneActivity, SHARED_FIELDS } from '../../../shared/schemas/tree';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

export async function liveActivities(db: Db, measureId: string): Promise<{ id: string; code: string; name: string }[]> {
  return db.selectFrom('activity').select(['id', 'code', 'name']).where('measureId', '=', measureId).where('deletedAt', 'is', null).orderBy('sortOrder').orderBy('id').execute();
}

/** The activity of a measure that holds one; undefined for an ordinary measure. */
export async function ownActivityOf(db: Db, measureId: string): Promise<string | undefined> {
  const m = await db.selectFrom('measure').select('shape').where('id', '=', measureId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!m || !holdsOneActivity(m.shape)) return undefined;
  return (await liveActivities(db, measureId))[0]?.id;
}

const pick = (row: Row): Row => Object.fromEntries(SHARED_FIELDS.map((k) => [k, row[k]]));

/**
 * Copies the shared fields from one row to the other when the measure holds one activity. `from`
 * says which row was just written; the other follows. Only differing fields are written, so the
 * history shows the follow-up change next to the one the user made.
 */
export async function syncOwnActivity(tr: Tracker, measureId: string, from: 'measure' | 'activity'): Promise<void> {
  const m = await tr.trx.selectFrom('measure').selectAll().where('id', '=', measureId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!m || !holdsOneActivity(m.shape)) return;
  const a = await tr.trx.selectFrom('activity').selectAll().where('measureId', '=', measureId).where('deletedAt', 'is', null).orderBy('sortOrder').orderBy('id').executeTakeFirst();
  if (!a) return;
  if (from === 'measure') await tr.update('activity', a.id, pick(m));
  else await tr.update('measure', measureId, pick(a));
}

/**
 * A measure becomes (or is created as) one that holds one activity: with no activity one is made
 * from the measure's fields; with one, the measure's shared fields are written to it; with more it
 * is refused. Indicators and budget lines on the measure itself move to the activity, so the item
 * has one place for each and the activity's pages show everything.
 */
export async function adoptOwnActivity(tr: Tracker, measureId: string): Promise<string> {
  const m = await tr.trx.selectFrom('measure').selectAll().where('id', '=', measureId).executeTakeFirstOrThrow();
  const acts = await liveActivities(tr.trx, measureId);
  if (acts.length > 1) throw new UserError('invalid_input', `${fieldLabel('shape')}: ${t('shape.tooManyActivities', { n: acts.length })}`, 'shape');
  let activityId = acts[0]?.id;
  if (!activityId) {
    activityId = randomUUID();
    await tr.insert('activity', {
      id: activityId,
      measureId,
      ...pick(m),
      aim: '',
      startDate: null,
      endDate: null,
      durationNote: '',
      subActivitiesDuration: '',
      targetGroupNeed: '',
      plannedParticipants: '[]',
      lookBackEarlier: '',
      lookBackAimReached: '',
      resultsGeneral: '',
      resultsPerSubActivity: '',
      resultsVsvContribution: '',
      resultsResponsible: '',
      measurementMoments: '',
      indicatorsMonitoring: '',
      organisationStructure: '',
      sustainabilityHow: '',
      sustainabilityWho: '',
      sustainabilityFrom: '',
      sortOrder: 0,
      createdAt: tr.at,
      updatedAt: tr.at,
      deletedAt: null,
      deletedIn: null,
    });
  } else await syncOwnActivity(tr, measureId, 'measure');
  await moveMeasureLevelToActivity(tr, measureId, activityId);
  return activityId;
}

async function moveMeasureLevelToActivity(tr: Tracker, measureId: string, activityId: string): Promise<void> {
  const indicators = await tr.trx.selectFrom('indicator').select('id').where('measureId', '=', measureId).where('deletedAt', 'is', null).execute();
  for (const i of indicators) await tr.update('indicator', i.id, { measureId: null, activityId });
  const lines = await tr.trx.selectFrom('budgetLine').select('id').where('measureId', '=', measureId).where('activityId', 'is', null).where('deletedAt', 'is', null).execute();
  for (const l of lines) await tr.update('budgetLine', l.id, { activityId });
}

/** The fields of a new wrapper measure, taken from the activity it holds. */
export function measureFromActivity(a: Row): Row {
  return { ...pick(a), plusvoorziening: 0 };
}
