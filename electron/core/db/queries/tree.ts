/**
 * Reading the programme tree. Lists stored as JSON are parsed here; order is the user's
 * (sort_order, when they reordered) and otherwise the natural order of the codes.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
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
  OutlineActivityRow,
  OutlineMeasure,
  PlannedParticipants,
  ProgrammeLine,
  ProgrammeTree,
  SubActivity,
  TreeLine,
  TreeOutline,
  Warning,
} from '../../../../shared/schemas/tree';
import { holdsOneActivity } from '../../../../shared/schemas/tree';
import { isFiltered, matches, type TreeFilters } from '../../../../shared/tree-filter';

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
export const compareInOrder = (a: { sortOrder: number; code: string; name: string }, b: { sortOrder: number; code: string; name: string }): number =>
  a.sortOrder - b.sortOrder || compareCodes(a.code, b.code) || a.name.localeCompare(b.name, 'nl');

export function inOrder<T extends { sortOrder: number; code: string; name: string }>(items: readonly T[]): T[] {
  return [...items].sort(compareInOrder);
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

/** Rows grouped by a key, in the order they came. */
function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** A programme (not in the Prullenbak) and its live lines: the head of the whole tree and of the outline. */
async function programmeAndLines(db: Db, programmeId: string) {
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
  return { p, lines };
}

type LineRow = NonNullable<Awaited<ReturnType<typeof programmeAndLines>>>['lines'][number];

/** Measures under their lines in tree order; those without a live line last, under "Zonder programmalijn". */
function underLines<M extends { lineId: string | null; sortOrder: number; code: string; name: string }, R>(lines: LineRow[], measures: readonly M[], toMeasure: (m: M) => R) {
  const measuresOf = groupBy(measures, (m) => m.lineId);
  const out: { id: string | null; code: string; name: string; description: string; measures: R[] }[] = inOrder(lines).map((l) => ({
    id: l.id,
    code: l.code,
    name: l.name,
    description: l.description,
    measures: inOrder(measuresOf.get(l.id) ?? []).map(toMeasure),
  }));
  const lineIds = new Set(lines.map((l) => l.id));
  const loose = inOrder(measures.filter((m) => !m.lineId || !lineIds.has(m.lineId)));
  if (loose.length) out.push({ id: null, code: '', name: t('tree.noLine'), description: '', measures: loose.map(toMeasure) });
  return out;
}

/**
 * The whole tree of one programme in four set-based queries (joined on the programme, only the
 * columns the tree shows), grouped in one pass: for the overview, filters and the CLI.
 */
export async function programmeTree(db: Db, programmeId: string): Promise<ProgrammeTree | undefined> {
  const head = await programmeAndLines(db, programmeId);
  if (!head) return undefined;
  const { p, lines } = head;
  const measures = await db.selectFrom('measure').selectAll().where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute();
  const activities = await db
    .selectFrom('activity as a')
    .innerJoin('measure as m', 'm.id', 'a.measureId')
    .select(['a.id', 'a.measureId', 'a.code', 'a.name', 'a.status', 'a.targetGroups', 'a.leadOrganisationId', 'a.executorIds', 'a.startDate', 'a.endDate', 'a.sortOrder'])
    .where('m.programmeId', '=', programmeId)
    .where('m.deletedAt', 'is', null)
    .where('a.deletedAt', 'is', null)
    .execute();
  const subRows = await db
    .selectFrom('subActivity as s')
    .innerJoin('activity as a', 'a.id', 's.activityId')
    .innerJoin('measure as m', 'm.id', 'a.measureId')
    .select(['s.id', 's.activityId', 's.number', 's.name', 's.period', 's.sortOrder'])
    .where('m.programmeId', '=', programmeId)
    .where('m.deletedAt', 'is', null)
    .where('a.deletedAt', 'is', null)
    .where('s.deletedAt', 'is', null)
    .execute();
  const subsOf = groupBy(subRows, (s) => s.activityId);
  const activitiesOf = groupBy(activities, (a) => a.measureId);

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
    activities: inOrder(activitiesOf.get(m.id) ?? []).map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      status: a.status as ItemStatus,
      targetGroups: parseList(a.targetGroups),
      leadOrganisationId: a.leadOrganisationId,
      executorIds: parseList(a.executorIds),
      startDate: a.startDate,
      endDate: a.endDate,
      subActivities: inOrder((subsOf.get(a.id) ?? []).map((x) => ({ ...x, code: x.number }))).map((x) => ({ id: x.id, number: x.number, name: x.name, period: x.period })),
    })),
  });

  const out: TreeLine[] = underLines(lines, measures, treeMeasure);
  return { ...p, lines: out };
}

// ---- The programme page's tree in parts (issue 13): the outline at once, activities when opened.

export type OutlineFilters = { partnerId?: string; targetGroup?: string; status?: string };
const asTreeFilters = (f: OutlineFilters): TreeFilters => ({ partner: f.partnerId ?? '', targetGroup: f.targetGroup ?? '', status: f.status ?? '' });

/** What the filters read of every activity of a programme (not the rows' text): light columns only. */
async function activityFilterFacts(db: Db, programmeId: string) {
  const rows = await db
    .selectFrom('activity as a')
    .innerJoin('measure as m', 'm.id', 'a.measureId')
    .select(['a.id', 'a.measureId', 'a.status', 'a.targetGroups', 'a.leadOrganisationId', 'a.executorIds'])
    .where('m.programmeId', '=', programmeId)
    .where('m.deletedAt', 'is', null)
    .where('a.deletedAt', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, measureId: r.measureId, status: r.status, targetGroups: parseList(r.targetGroups), leadOrganisationId: r.leadOrganisationId, executorIds: parseList(r.executorIds) }));
}

/**
 * The activities of some measures of a programme that match the filters, with what a tree row
 * shows; sub-activities as a count. Measures in the order asked, activities in tree order.
 */
export async function outlineActivities(db: Db, programmeId: string, measureIds: readonly string[], filters: OutlineFilters = {}): Promise<OutlineActivityRow[]> {
  if (measureIds.length === 0) return [];
  const f = asTreeFilters(filters);
  const rows = await db
    .selectFrom('activity as a')
    .innerJoin('measure as m', 'm.id', 'a.measureId')
    .select(['a.id', 'a.measureId', 'a.code', 'a.name', 'a.status', 'a.targetGroups', 'a.leadOrganisationId', 'a.executorIds', 'a.startDate', 'a.endDate', 'a.sortOrder'])
    .select(sql<number>`(SELECT count(*) FROM sub_activity s WHERE s.activity_id = a.id AND s.deleted_at IS NULL)`.as('subCount'))
    .where('m.programmeId', '=', programmeId)
    .where('m.deletedAt', 'is', null)
    .where('a.deletedAt', 'is', null)
    .where('a.measureId', 'in', measureIds)
    .execute();
  const byMeasure = new Map<string, typeof rows>();
  for (const r of rows) {
    if (isFiltered(f) && !matches({ ...r, targetGroups: parseList(r.targetGroups), executorIds: parseList(r.executorIds) }, f)) continue;
    const list = byMeasure.get(r.measureId);
    if (list) list.push(r);
    else byMeasure.set(r.measureId, [r]);
  }
  return [...new Set(measureIds)].flatMap((m) =>
    inOrder(byMeasure.get(m) ?? []).map((a) => ({
      id: a.id,
      measureId: a.measureId,
      code: a.code,
      name: a.name,
      status: a.status as ItemStatus,
      startDate: a.startDate,
      endDate: a.endDate,
      subCount: Number(a.subCount),
    })),
  );
}

/**
 * Lines and their measures with counts and status; an item that is its own activity brings that
 * activity along. With filters, only what matches (the rule of shared/tree-filter.ts: a measure
 * stays when it matches itself or holds matching activities).
 */
export async function programmeOutline(db: Db, programmeId: string, filters: OutlineFilters = {}): Promise<TreeOutline | undefined> {
  const head = await programmeAndLines(db, programmeId);
  if (!head) return undefined;
  const { p, lines } = head;
  const f = asTreeFilters(filters);
  const on = isFiltered(f);
  const measures = (
    await db
      .selectFrom('measure as m')
      .select(['m.id', 'm.lineId', 'm.code', 'm.name', 'm.status', 'm.plusvoorziening', 'm.targetGroups', 'm.leadOrganisationId', 'm.executorIds', 'm.shape', 'm.sortOrder'])
      .where('m.programmeId', '=', programmeId)
      .where('m.deletedAt', 'is', null)
      .execute()
  ).map((m) => ({ ...m, targetGroups: parseList(m.targetGroups), executorIds: parseList(m.executorIds) }));
  const activities = await activityFilterFacts(db, programmeId);
  const groups = new Set<string>();
  const counts = new Map<string, { all: number; shown: number }>();
  for (const x of [...measures, ...activities]) for (const g of x.targetGroups) groups.add(g);
  for (const a of activities) {
    const c = counts.get(a.measureId) ?? { all: 0, shown: 0 };
    c.all++;
    if (!on || matches(a, f)) c.shown++;
    counts.set(a.measureId, c);
  }
  const visible = measures.filter((m) => !on || (counts.get(m.id)?.shown ?? 0) > 0 || matches(m, f));
  const ownIds = visible.filter((m) => holdsOneActivity(m.shape)).map((m) => m.id);
  const own = new Map((await outlineActivities(db, programmeId, ownIds)).map((a) => [a.measureId, a]));

  const toMeasure = (m: (typeof measures)[number]): OutlineMeasure => ({
    id: m.id,
    code: m.code,
    name: m.name,
    status: m.status as ItemStatus,
    plusvoorziening: m.plusvoorziening === 1,
    shape: m.shape as MeasureShape,
    activityCount: counts.get(m.id)?.all ?? 0,
    shownCount: counts.get(m.id)?.shown ?? 0,
    own: own.get(m.id) ?? null,
  });
  const out: TreeOutline['lines'] = underLines(lines, visible, toMeasure);
  return {
    ...p,
    lines: on ? out.filter((l) => l.measures.length > 0) : out,
    targetGroups: [...groups].sort((a, b) => a.localeCompare(b, 'nl')),
    totalActivities: activities.length,
    shownActivities: [...visible].reduce((n, m) => n + (counts.get(m.id)?.shown ?? 0), 0),
  };
}
