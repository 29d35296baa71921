/**
 * Reading the programme tree. Lists stored as JSON are parsed here; order is the user's
 * (sort_order, when they reordered) and otherwise the natural order of the codes.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ActivityTable, Database, MeasureTable } from '../schema';
import { compareCodes } from '../../../../shared/natsort';
import { formatDate } from '../../../../shared/dates';
import { t } from '../../../../shared/i18n/nl';
import type {
  Activity,
  ItemStatus,
  Measure,
  MeasureShape,
  MeasureDetail,
  PlannedParticipants,
  ProgrammeLine,
  ProgrammeTree,
  SubActivity,
  TreeLine,
  Warning,
} from '../../../../shared/schemas/tree';

type Db = Kysely<Database>;

export function parseList<T = string>(json: string): T[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

/** User order first (after a reorder), then natural code order, then name. */
export function inOrder<T extends { sortOrder: number; code: string; name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.sortOrder - b.sortOrder || compareCodes(a.code, b.code) || a.name.localeCompare(b.name, 'nl'));
}

export async function organisationNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organisation').select(['id', 'name']).where('deletedAt', 'is', null).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const named = (names: Map<string, string>, id: string | null) => (id && names.has(id) ? { id, name: names.get(id)! } : null);
const namedList = (names: Map<string, string>, ids: string[]) => ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));

export async function findLine(db: Db, id: string): Promise<ProgrammeLine | undefined> {
  return db
    .selectFrom('programmeLine')
    .select(['id', 'programmeId', 'code', 'name', 'description', 'sortOrder', 'rowVersion'])
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}

function toMeasure(
  r: Selectable<MeasureTable> & { programmeName: string; lineCode: string | null; lineName: string | null },
  names: Map<string, string>,
): Measure {
  const executorIds = parseList(r.executorIds);
  return {
    id: r.id,
    programmeId: r.programmeId,
    programmeName: r.programmeName,
    lineId: r.lineId,
    lineCode: r.lineCode,
    lineName: r.lineName,
    code: r.code,
    name: r.name,
    description: r.description,
    plusvoorziening: r.plusvoorziening === 1,
    targetGroups: parseList(r.targetGroups),
    leadOrganisationId: r.leadOrganisationId,
    executorIds,
    lead: named(names, r.leadOrganisationId),
    executors: namedList(names, executorIds),
    status: r.status as ItemStatus,
    shape: r.shape as MeasureShape,
    sortOrder: r.sortOrder,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    rowVersion: r.rowVersion,
  };
}

function measureQuery(db: Db) {
  return db
    .selectFrom('measure')
    .innerJoin('programme', 'programme.id', 'measure.programmeId')
    .leftJoin('programmeLine', (j) => j.onRef('programmeLine.id', '=', 'measure.lineId').on('programmeLine.deletedAt', 'is', null))
    .selectAll('measure')
    .select(['programme.name as programmeName', 'programmeLine.code as lineCode', 'programmeLine.name as lineName'])
    .where('measure.deletedAt', 'is', null);
}

export async function findMeasure(db: Db, id: string): Promise<Measure | undefined> {
  const r = await measureQuery(db).where('measure.id', '=', id).executeTakeFirst();
  return r && toMeasure(r, await organisationNames(db));
}

export async function findMeasureDetail(db: Db, id: string): Promise<MeasureDetail | undefined> {
  const m = await findMeasure(db, id);
  if (!m) return undefined;
  const ids = await db.selectFrom('activity').select('id').where('measureId', '=', id).where('deletedAt', 'is', null).execute();
  const activities = (await Promise.all(ids.map((a) => findActivity(db, a.id)))).filter((a): a is Activity => !!a);
  return { ...m, activities: inOrder(activities) };
}

export async function subActivitiesOf(db: Db, activityIds: string[]): Promise<Map<string, SubActivity[]>> {
  const out = new Map<string, SubActivity[]>();
  if (activityIds.length === 0) return out;
  const rows = await db
    .selectFrom('subActivity')
    .select(['id', 'activityId', 'number', 'name', 'period', 'intendedResult', 'sortOrder', 'rowVersion'])
    .where('activityId', 'in', activityIds)
    .where('deletedAt', 'is', null)
    .execute();
  for (const r of rows) out.set(r.activityId, [...(out.get(r.activityId) ?? []), r]);
  for (const [k, list] of out) out.set(k, inOrder(list.map((s) => ({ ...s, code: s.number }))).map(({ code: _c, ...s }) => s));
  return out;
}

/** Dates outside the programme period are allowed (plans shift) but worth a look. */
export function periodWarnings(a: { startDate: string | null; endDate: string | null }, start: string, end: string): Warning[] {
  const out: Warning[] = [];
  const check = (field: 'startDate' | 'endDate', date: string | null, which: string) => {
    if (date && (date < start || date > end))
      out.push({ field, message: t('activity.outsidePeriod', { which, date: formatDate(date), start: formatDate(start), end: formatDate(end) }) });
  };
  check('startDate', a.startDate, t('activity.startWord'));
  check('endDate', a.endDate, t('activity.endWord'));
  return out;
}

export async function findActivity(db: Db, id: string): Promise<Activity | undefined> {
  const r = await db
    .selectFrom('activity')
    .innerJoin('measure', 'measure.id', 'activity.measureId')
    .innerJoin('programme', 'programme.id', 'measure.programmeId')
    .leftJoin('programmeLine', (j) => j.onRef('programmeLine.id', '=', 'measure.lineId').on('programmeLine.deletedAt', 'is', null))
    .selectAll('activity')
    .select([
      'measure.code as measureCode',
      'measure.name as measureName',
      'measure.shape as measureShape',
      'measure.lineId as lineId',
      'programme.id as programmeId',
      'programme.name as programmeName',
      'programme.periodStart as programmeStart',
      'programme.periodEnd as programmeEnd',
      'programmeLine.code as lineCode',
      'programmeLine.name as lineName',
    ])
    .where('activity.id', '=', id)
    .where('activity.deletedAt', 'is', null)
    .executeTakeFirst();
  if (!r) return undefined;
  const names = await organisationNames(db);
  const subs = await subActivitiesOf(db, [id]);
  return toActivity(r, names, subs.get(id) ?? []);
}

function toActivity(
  r: Selectable<ActivityTable> & {
    measureCode: string;
    measureName: string;
    measureShape: string;
    lineId: string | null;
    programmeId: string;
    programmeName: string;
    programmeStart: string;
    programmeEnd: string;
    lineCode: string | null;
    lineName: string | null;
  },
  names: Map<string, string>,
  subActivities: SubActivity[],
): Activity {
  const { deletedAt: _d, deletedIn: _i, ...rest } = r;
  const executorIds = parseList(r.executorIds);
  return {
    ...rest,
    status: r.status as ItemStatus,
    measureShape: r.measureShape as MeasureShape,
    targetGroups: parseList(r.targetGroups),
    plannedParticipants: parseList<PlannedParticipants>(r.plannedParticipants),
    executorIds,
    lead: named(names, r.leadOrganisationId),
    executors: namedList(names, executorIds),
    subActivities,
    warnings: periodWarnings(r, r.programmeStart, r.programmeEnd),
  };
}

/** The whole tree of one programme in three queries, for the overview, filters and the CLI. */
export async function programmeTree(db: Db, programmeId: string): Promise<ProgrammeTree | undefined> {
  const p = await db
    .selectFrom('programme')
    .select(['id', 'name', 'periodStart', 'periodEnd'])
    .where('id', '=', programmeId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!p) return undefined;
  const lines = await db
    .selectFrom('programmeLine')
    .select(['id', 'code', 'name', 'description', 'sortOrder'])
    .where('programmeId', '=', programmeId)
    .where('deletedAt', 'is', null)
    .execute();
  const measures = await db.selectFrom('measure').selectAll().where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute();
  const activities = measures.length
    ? await db
        .selectFrom('activity')
        .select(['id', 'measureId', 'code', 'name', 'status', 'targetGroups', 'leadOrganisationId', 'executorIds', 'startDate', 'endDate', 'sortOrder'])
        .where(
          'measureId',
          'in',
          measures.map((m) => m.id),
        )
        .where('deletedAt', 'is', null)
        .execute()
    : [];
  const subs = await subActivitiesOf(
    db,
    activities.map((a) => a.id),
  );

  const treeMeasure = (m: (typeof measures)[number]) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    status: m.status as ItemStatus,
    plusvoorziening: m.plusvoorziening === 1,
    targetGroups: parseList(m.targetGroups),
    leadOrganisationId: m.leadOrganisationId,
    executorIds: parseList(m.executorIds),
    // The CLI reads older files as they are; before migration 6 every measure was an ordinary one.
    shape: ((m as { shape?: string }).shape ?? 'measure') as MeasureShape,
    activities: inOrder(activities.filter((a) => a.measureId === m.id)).map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      status: a.status as ItemStatus,
      targetGroups: parseList(a.targetGroups),
      leadOrganisationId: a.leadOrganisationId,
      executorIds: parseList(a.executorIds),
      startDate: a.startDate,
      endDate: a.endDate,
      subActivities: (subs.get(a.id) ?? []).map((s) => ({ id: s.id, number: s.number, name: s.name, period: s.period })),
    })),
  });

  const out: TreeLine[] = inOrder(lines).map((l) => ({
    id: l.id,
    code: l.code,
    name: l.name,
    description: l.description,
    measures: inOrder(measures.filter((m) => m.lineId === l.id)).map(treeMeasure),
  }));
  const lineIds = new Set(lines.map((l) => l.id));
  const loose = inOrder(measures.filter((m) => !m.lineId || !lineIds.has(m.lineId)));
  if (loose.length) out.push({ id: null, code: '', name: t('tree.noLine'), description: '', measures: loose.map(treeMeasure) });
  return { ...p, lines: out };
}
