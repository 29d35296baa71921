/**
 * Reading targets and results. Rows are loaded per batch of owners and turned into views with the
 * pure rules of shared/results, so the screens, the CLI and the overviews agree on every status.
 */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { allHold, keepResults, noteAllHold, type StoredResult } from './indicator-results';
import type { Database, IndicatorTable, MeasurementTable, TargetTable } from '../schema';
import { compareInOrder, inOrder, parseList } from './tree';
import { evaluate, type Evaluation } from '../../../../shared/results/status';
import { categoryCheck, currentTargets, effectivePerMoment, resolveTarget, valueOf } from '../../../../shared/results/values';
import { missedMoments, momentDeadlines, staleProvisional } from '../../../../shared/results/moments';
import { addDays, schoolYearRange } from '../../../../shared/results/schoolYear';
import { periodCode, periodLabel, type MomentPeriod, type Period, type PeriodKind } from '../../../../shared/results/periods';
import { DEFAULT_THRESHOLDS, RESULT_STATUSES, type MeasurementValue, type ResultStatus, type TargetRevision, type TargetSpec, type Thresholds } from '../../../../shared/results/types';
import { pageOf, RESULTS_ATTENTION, RESULTS_PAGE, summaryOf, type ProgrammeSummary } from '../../../../shared/schemas/results';
import type { AttentionItem, EvaluationView, IndicatorSummary, IndicatorView, MeasurementView, ProgrammeResults, ProgrammeResultsOf, TargetView } from '../../../../shared/schemas/results';
import type { MeasureShape } from '../../../../shared/schemas/tree';
import { t } from '../../../../shared/i18n/nl';
import { formatNumber } from '../../../../shared/results/format';
import { today } from '../../clock';

type Db = Kysely<Database>;
type AttentionReason = IndicatorView['attention'][number];

export const PARTICIPANTS_PREFIX = 'deelnemers:';

export interface ProgrammeInfo {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
}

export interface Context {
  today: string;
  thresholds: Thresholds;
  programme: ProgrammeInfo;
}

/** A target row as the results read it. */
type TargetRow = Omit<Selectable<TargetTable>, 'updatedAt' | 'deletedAt' | 'deletedIn'>;

export async function thresholdsFor(db: Db, programmeId: string): Promise<Thresholds> {
  const r = await db.selectFrom('resultSettings').select(['onTrackMargin', 'attentionMargin']).where('programmeId', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst();
  return r ?? DEFAULT_THRESHOLDS;
}

export function toSpec(r: Pick<TargetTable, 'kind' | 'value' | 'min' | 'max' | 'percent'>): TargetSpec {
  if (r.kind === 'bereik') return { kind: 'bereik', min: r.min!, max: r.max! };
  if (r.kind === 'relatief') return { kind: 'relatief', percent: r.percent! };
  return { kind: 'exact', value: r.value! };
}

export function toRevision(r: TargetRow): TargetRevision {
  return {
    id: r.id,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    periodKind: r.periodKind as PeriodKind,
    schoolYear: r.schoolYear,
    spec: toSpec(r),
    supersedesId: r.supersedesId,
    reason: r.reason,
    decisionDate: r.decisionDate,
    createdAt: r.createdAt,
  };
}

export const periodOfRow = (r: Pick<MeasurementTable, 'periodKind' | 'periodStart' | 'periodEnd'>): Period => ({ kind: r.periodKind as PeriodKind, start: r.periodStart, end: r.periodEnd });

export function measurementValue(r: Pick<Selectable<MeasurementTable>, 'id' | 'date' | 'periodKind' | 'periodStart' | 'periodEnd' | 'value' | 'numerator' | 'denominator' | 'categories' | 'status' | 'recordedAt'>): MeasurementValue {
  return {
    id: r.id,
    date: r.date,
    period: periodOfRow(r),
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    categories: r.categories ? JSON.parse(r.categories) : null,
    status: r.status as MeasurementValue['status'],
    recordedAt: r.recordedAt,
  };
}

export function toMeasurementValue(r: Selectable<MeasurementTable>): MeasurementValue & { row: Selectable<MeasurementTable> } {
  return { ...measurementValue(r), row: r };
}

/** The built-in participants indicator: targets are the activity's planned participants per school year. */
export function participantTargets(activityId: string, planned: { schoolYear: string; count: number }[], createdAt: string): Selectable<TargetTable>[] {
  return planned.map((p) => {
    const r = schoolYearRange(p.schoolYear);
    return {
      id: `${PARTICIPANTS_PREFIX}${activityId}:${p.schoolYear}`,
      indicatorId: `${PARTICIPANTS_PREFIX}${activityId}`,
      schoolYear: p.schoolYear,
      periodKind: 'schooljaar',
      periodStart: r.start,
      periodEnd: r.end,
      kind: 'exact',
      value: p.count,
      min: null,
      max: null,
      percent: null,
      supersedesId: null,
      reason: '',
      decisionDate: null,
      createdAt,
      updatedAt: createdAt,
      deletedAt: null,
      deletedIn: null,
      // Not stored: its figures live on the activity.
      rowVersion: 0,
    };
  });
}

export function virtualParticipants(activityId: string, at: string): Selectable<IndicatorTable> {
  return {
    id: `${PARTICIPANTS_PREFIX}${activityId}`,
    activityId,
    measureId: null,
    builtin: 'deelnemers',
    name: t('results.builtin.participants'),
    description: t('results.builtin.note'),
    unit: 'aantal',
    freeUnit: '',
    direction: 'hoger',
    aggregation: 'aantal',
    dataSource: '',
    momentKind: 'jaarlijks',
    momentDates: '["07-31"]',
    categories: '[]',
    baselineValue: null,
    baselineDate: null,
    baselineSource: '',
    baselineNote: '',
    sortOrder: -1,
    periodKind: 'schooljaar',
    momentPeriods: '["lopend"]',
    parentId: null,
    phrase: '',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletedIn: null,
    // 0 until its first write stores it.
    rowVersion: 0,
  };
}

/** The order an indicator's measurements are listed in (and its "categorieen" reasons found in). */
const measurementOrder = (a: Pick<Period, 'start' | 'end'> & { date: string; recordedAt: string }, b: Pick<Period, 'start' | 'end'> & { date: string; recordedAt: string }) =>
  a.end.localeCompare(b.end) || a.start.localeCompare(b.start) || a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt);

/** What an indicator's status and attention reasons need of its row. */
export type IndicatorRule = Pick<
  Selectable<IndicatorTable>,
  'direction' | 'aggregation' | 'baselineValue' | 'baselineDate' | 'momentKind' | 'momentDates' | 'momentPeriods' | 'periodKind'
>;

/** An indicator judged by the one status rule: its evaluation, the measurements that count and its attention reasons. */
export interface Assessment {
  ev: Evaluation;
  /** Ids of the measurements that count, one per moment (over all of them, as the indicator's screen marks them). */
  counting: Set<string>;
  attention: AttentionReason[];
}

/**
 * The status (shared/results/status.ts) and the "Aandacht nodig" reasons of one indicator. The full
 * view (buildView) and the overview's bulk path (programmeResults) both come through here, so they
 * cannot disagree.
 */
export function assess(row: IndicatorRule, revisions: TargetRevision[], ms: MeasurementValue[], ctx: Context): Assessment {
  const baseline = { value: row.baselineValue, date: row.baselineDate };
  const direction = row.direction as IndicatorView['direction'];
  const aggregation = row.aggregation as IndicatorView['aggregation'];
  const effective = effectivePerMoment(ms);
  const counting = new Set(effective.map((e) => e.current.id));
  const ev = evaluate({ direction, aggregation, baseline, targets: revisions, measurements: ms }, ctx.today, ctx.thresholds);

  const attention: AttentionReason[] = [];
  if (ev.status === 'achter' || ev.status === 'aandacht') attention.push({ kind: ev.status, date: ev.latest?.date ?? null, detail: '' });
  const { plan, range, targetPeriods } = momentsOf(row, revisions, ctx);
  const known = ms.filter((m) => m.date <= ctx.today);
  for (const mo of missedMoments(plan, range, ctx.today, known, targetPeriods)) attention.push({ kind: 'gemist', date: mo.date, detail: periodLabel(mo.period) });
  for (const m of staleProvisional(ms, ctx.today, effective)) attention.push({ kind: 'voorlopig', date: m.date, detail: '' });
  const mismatched = ms
    .map((m) => ({ m, chk: categoryCheck(m) }))
    .filter((x) => x.chk.mismatch && counting.has(x.m.id))
    .sort((a, b) => measurementOrder({ ...a.m.period, date: a.m.date, recordedAt: a.m.recordedAt }, { ...b.m.period, date: b.m.date, recordedAt: b.m.recordedAt }));
  for (const { m, chk } of mismatched) attention.push({ kind: 'categorieen', date: m.date, detail: `${formatNumber(chk.sum ?? 0)}/${formatNumber(m.value ?? 0)}` });
  return { ev, counting, attention };
}

/**
 * The moments an indicator is expected to report at: up to the end of the programme (its last one
 * included), from the day after the baseline (or the programme's start); only moments about a
 * period with a target count (a year without planned participants is not missed).
 */
function momentsOf(row: IndicatorRule, revisions: TargetRevision[], ctx: Context) {
  const from = row.baselineDate && row.baselineDate >= ctx.programme.periodStart ? addDays(row.baselineDate, 1) : ctx.programme.periodStart;
  const plan = { kind: row.momentKind as IndicatorView['momentKind'], dates: parseList<string>(row.momentDates), periods: parseList<MomentPeriod>(row.momentPeriods), periodKind: row.periodKind as PeriodKind };
  const targetPeriods = currentTargets(revisions).map((x) => ({ start: x.periodStart, end: x.periodEnd }));
  return { plan, range: { from, to: ctx.programme.periodEnd }, targetPeriods };
}

/** No day on which a judgement changes by itself: rows without dates ahead keep theirs until a write. */
export const NO_CHANGE = '9999-12-31';

/**
 * The first day after ctx.today on which assess() could judge the same rows differently, or
 * NO_CHANGE. assess() reads the day in these places only, and each gives its days here: a
 * measurement becomes known on its date (status rule 1); a provisional value is stale from a year
 * and a day after its date; a target is the day's target from its start to its end and its period is
 * over from its end (rules 3 and 6); a moment is missed once its grace has passed (momentDeadlines).
 * Any change to this list or to assess() must keep tests/unit/indicator-results.test.ts green: it
 * judges every day up to the returned one and finds the same result.
 */
export function nextChange(row: IndicatorRule, revisions: TargetRevision[], ms: MeasurementValue[], ctx: Context): string {
  let next = NO_CHANGE;
  for (const { day } of changeDays(row, revisions, ms, ctx)) if (day > ctx.today && day < next) next = day;
  return next;
}

/** Why a day is in nextChange's list (the test removes each reason in turn and shows it is needed). */
export type ChangeReason = 'meting' | 'voorlopig' | 'streefwaarde' | 'moment';

/** Every day on which assess() may judge the same rows differently, with its reason. */
export function changeDays(row: IndicatorRule, revisions: TargetRevision[], ms: MeasurementValue[], ctx: Context): { reason: ChangeReason; day: string }[] {
  const days: { reason: ChangeReason; day: string }[] = [];
  for (const m of ms) days.push({ reason: 'meting', day: m.date }, { reason: 'voorlopig', day: addDays(m.date, 366) });
  for (const r of revisions) days.push({ reason: 'streefwaarde', day: r.periodStart }, { reason: 'streefwaarde', day: r.periodEnd }, { reason: 'streefwaarde', day: addDays(r.periodEnd, 1) });
  const { plan, range, targetPeriods } = momentsOf(row, revisions, ctx);
  for (const day of momentDeadlines(plan, range, targetPeriods)) days.push({ reason: 'moment', day });
  return days;
}

/** The evaluation as the screens and sheets read it. */
export function evaluationView(ev: Evaluation): EvaluationView {
  return {
    status: ev.status,
    value: noMinusZero(ev.value),
    latest: ev.latest && { value: ev.latest.value, date: ev.latest.date, period: periodCode(ev.latest.period), periodLabel: periodLabel(ev.latest.period), status: ev.latest.status },
    targetId: ev.target?.id ?? null,
    basis: ev.basis,
    note: ev.note,
    resolvedMin: noMinusZero(ev.resolved?.min ?? null),
    resolvedMax: noMinusZero(ev.resolved?.max ?? null),
    progress: noMinusZero(ev.progress),
    expected: noMinusZero(ev.expected),
  };
}

/** -0 (no progress yet on a falling route) as 0: JSON has no -0, and a kept judgement is JSON. */
const noMinusZero = (n: number | null): number | null => (n === 0 ? 0 : n);

export function targetView(r: TargetRow, baselineValue: number | null, inForce: Set<string>): TargetView {
  const resolved = resolveTarget(toSpec(r), baselineValue);
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    schoolYear: r.schoolYear,
    periodKind: r.periodKind as PeriodKind,
    period: periodCode(periodOfRow(r)),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    kind: r.kind as TargetView['kind'],
    value: r.value,
    min: r.min,
    max: r.max,
    percent: r.percent,
    supersedesId: r.supersedesId,
    reason: r.reason,
    decisionDate: r.decisionDate,
    createdAt: r.createdAt,
    resolvedMin: resolved?.min ?? null,
    resolvedMax: resolved?.max ?? null,
    current: inForce.has(r.id),
    rowVersion: r.rowVersion,
  };
}

export function buildView(row: Selectable<IndicatorTable>, targetRows: Selectable<TargetTable>[], measurementRows: Selectable<MeasurementTable>[], ctx: Context, virtual = false): IndicatorView {
  const revisions = targetRows.map(toRevision);
  const inForce = new Set(currentTargets(revisions).map((r) => r.id));
  const ms = measurementRows.map(toMeasurementValue);
  const { ev, counting, attention } = assess(row, revisions, ms, ctx);

  const targets: TargetView[] = targetRows
    .map((r) => targetView(r, row.baselineValue, inForce))
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.createdAt.localeCompare(b.createdAt));

  const measurements: MeasurementView[] = ms
    .map((m) => {
      const chk = categoryCheck(m);
      const r = m.row;
      return {
        id: r.id,
        indicatorId: r.indicatorId,
        date: r.date,
        schoolYear: r.schoolYear,
        periodKind: m.period.kind,
        periodStart: m.period.start,
        periodEnd: m.period.end,
        period: periodCode(m.period),
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        categories: m.categories,
        status: m.status,
        source: r.source,
        explanation: r.explanation,
        recordedAt: r.recordedAt,
        computedValue: valueOf(m),
        counts: counting.has(r.id),
        categorySum: chk.sum,
        mismatch: chk.mismatch,
        rowVersion: r.rowVersion,
      };
    })
    .sort((a, b) => measurementOrder({ start: a.periodStart, end: a.periodEnd, date: a.date, recordedAt: a.recordedAt }, { start: b.periodStart, end: b.periodEnd, date: b.date, recordedAt: b.recordedAt }));

  return {
    id: row.id,
    activityId: row.activityId,
    measureId: row.measureId,
    builtin: row.builtin,
    name: row.name,
    description: row.description,
    unit: row.unit as IndicatorView['unit'],
    freeUnit: row.freeUnit,
    direction: row.direction as IndicatorView['direction'],
    aggregation: row.aggregation as IndicatorView['aggregation'],
    dataSource: row.dataSource,
    momentKind: row.momentKind as IndicatorView['momentKind'],
    momentDates: parseList(row.momentDates),
    categories: parseList(row.categories),
    baselineValue: row.baselineValue,
    baselineDate: row.baselineDate,
    baselineSource: row.baselineSource,
    baselineNote: row.baselineNote,
    periodKind: row.periodKind as PeriodKind,
    momentPeriods: parseList<MomentPeriod>(row.momentPeriods),
    parentId: row.parentId,
    phrase: row.phrase,
    virtual,
    targets,
    measurements,
    evaluation: evaluationView(ev),
    attention,
    rowVersion: row.rowVersion,
  };
}

interface ActivityOwner {
  id: string;
  measureId: string;
  plannedParticipants: string;
  createdAt: string;
}

/**
 * Views of every indicator on these activities and measures, the built-in participants indicator
 * included for each activity with planned participants.
 */
export async function indicatorViews(db: Db, owners: { activities: ActivityOwner[]; measureIds: string[] }, ctx: Context): Promise<IndicatorView[]> {
  const activityIds = owners.activities.map((a) => a.id);
  if (activityIds.length === 0 && owners.measureIds.length === 0) return [];
  const rows = await db
    .selectFrom('indicator')
    .selectAll()
    .where('deletedAt', 'is', null)
    .where((eb) =>
      eb.or([
        ...(activityIds.length ? [eb('activityId', 'in', activityIds)] : []),
        ...(owners.measureIds.length ? [eb('measureId', 'in', owners.measureIds)] : []),
      ]),
    )
    .orderBy('sortOrder')
    .orderBy('createdAt')
    .execute();
  return viewsFor(db, rows, owners.activities, ctx);
}

/** Rows of one indicator: its targets (the participants indicator's from its activity) and measurements. */
interface IndicatorRows<R, T, M> {
  row: R;
  targets: T[];
  measurements: M[];
  virtual: boolean;
}

/** The indicator columns the status, the attention list and the overview need. */
type LeanIndicatorRow = IndicatorRule & Pick<Selectable<IndicatorTable>, 'id' | 'activityId' | 'measureId' | 'builtin' | 'name' | 'unit' | 'freeUnit' | 'parentId' | 'phrase' | 'createdAt'>;

/**
 * Each indicator with its rows, the built-in participants indicator included for each activity
 * with planned participants (virtual until stored): built-in first, then the order of entry.
 */
function withParticipants<R extends Pick<LeanIndicatorRow, 'id' | 'activityId' | 'builtin' | 'createdAt'>, T extends TargetRow, M extends { indicatorId: string }>(
  rows: R[],
  targets: T[],
  measurements: M[],
  activities: ActivityOwner[],
): IndicatorRows<R | Selectable<IndicatorTable>, T | Selectable<TargetTable>, M>[] {
  const group = <X extends { indicatorId: string }>(list: X[]) => {
    const m = new Map<string, X[]>();
    for (const x of list) {
      const g = m.get(x.indicatorId);
      if (g) g.push(x);
      else m.set(x.indicatorId, [x]);
    }
    return m;
  };
  const tBy = group(targets);
  const mBy = group(measurements);
  const planned = new Map(activities.map((a) => [a.id, parseList<{ schoolYear: string; count: number }>(a.plannedParticipants)]));
  const out: IndicatorRows<R | Selectable<IndicatorTable>, T | Selectable<TargetTable>, M>[] = [];
  const withBuiltin = new Set(rows.filter((r) => r.builtin === 'deelnemers').map((r) => r.activityId));
  for (const a of activities)
    if (!withBuiltin.has(a.id) && (planned.get(a.id) ?? []).length > 0)
      out.push({ row: virtualParticipants(a.id, a.createdAt), targets: participantTargets(a.id, planned.get(a.id)!, a.createdAt), measurements: [], virtual: true });
  for (const r of rows) {
    const ts = r.builtin === 'deelnemers' && r.activityId ? participantTargets(r.activityId, planned.get(r.activityId) ?? [], r.createdAt).map((x) => ({ ...x, indicatorId: r.id })) : (tBy.get(r.id) ?? []);
    out.push({ row: r, targets: ts, measurements: mBy.get(r.id) ?? [], virtual: false });
  }
  // Built-in first, then the order of entry.
  return out.sort((a, b) => (a.row.builtin ? 0 : 1) - (b.row.builtin ? 0 : 1));
}

async function viewsFor(db: Db, rows: Selectable<IndicatorTable>[], activities: ActivityOwner[], ctx: Context): Promise<IndicatorView[]> {
  const ids = rows.map((r) => r.id);
  const targets = ids.length ? await db.selectFrom('target').selectAll().where('indicatorId', 'in', ids).where('deletedAt', 'is', null).execute() : [];
  const measurements = ids.length ? await db.selectFrom('measurement').selectAll().where('indicatorId', 'in', ids).where('deletedAt', 'is', null).execute() : [];
  return withParticipants(rows, targets, measurements, activities).map((x) => buildView(x.row, x.targets, x.measurements, ctx, x.virtual));
}

export async function programmeInfo(db: Db, id: string): Promise<ProgrammeInfo | undefined> {
  return db.selectFrom('programme').select(['id', 'name', 'periodStart', 'periodEnd']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
}

/** Where an indicator hangs: its activity or measure, and the programme above. */
export async function ownerOf(db: Db, ind: { activityId: string | null; measureId: string | null }) {
  if (ind.activityId) {
    return db
      .selectFrom('activity')
      .innerJoin('measure', 'measure.id', 'activity.measureId')
      .innerJoin('programme', 'programme.id', 'measure.programmeId')
      .select([
        'activity.id as id',
        'activity.code as code',
        'activity.name as name',
        'activity.measureId as measureId',
        'activity.plannedParticipants as plannedParticipants',
        'activity.createdAt as createdAt',
        'measure.code as measureCode',
        'measure.name as measureName',
        'programme.id as programmeId',
      ])
      .where('activity.id', '=', ind.activityId)
      .where('activity.deletedAt', 'is', null)
      .executeTakeFirst()
      .then((r) => r && { kind: 'activity' as const, ...r });
  }
  return db
    .selectFrom('measure')
    .select(['measure.id as id', 'measure.code as code', 'measure.name as name', 'measure.programmeId as programmeId', 'measure.createdAt as createdAt'])
    .where('measure.id', '=', ind.measureId ?? '')
    .where('measure.deletedAt', 'is', null)
    .executeTakeFirst()
    .then((r) => r && { kind: 'measure' as const, ...r, measureId: r.id, measureCode: r.code, measureName: r.name, plannedParticipants: '[]' });
}

export async function contextFor(db: Db, programmeId: string): Promise<Context | undefined> {
  const programme = await programmeInfo(db, programmeId);
  if (!programme) return undefined;
  return { today: today(), thresholds: await thresholdsFor(db, programmeId), programme };
}

/** One indicator's view (a stored one, or the virtual participants indicator of an activity). */
export async function indicatorView(db: Db, id: string): Promise<IndicatorView | undefined> {
  const stored = await db.selectFrom('indicator').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  const row = stored ?? (id.startsWith(PARTICIPANTS_PREFIX) ? virtualParticipants(id.slice(PARTICIPANTS_PREFIX.length), '') : undefined);
  if (!row) return undefined;
  const owner = await ownerOf(db, row);
  if (!owner) return undefined;
  const ctx = await contextFor(db, owner.programmeId);
  if (!ctx) return undefined;
  const activities = owner.kind === 'activity' ? [{ id: owner.id, measureId: owner.measureId, plannedParticipants: owner.plannedParticipants, createdAt: owner.createdAt }] : [];
  const views = await viewsFor(db, stored ? [stored] : [], activities, ctx);
  return views.find((v) => v.id === id);
}

const zeroCounts = (): Record<ResultStatus, number> => Object.fromEntries(RESULT_STATUSES.map((s) => [s, 0])) as Record<ResultStatus, number>;
function countStatuses(views: readonly { evaluation: { status: ResultStatus } }[]): Record<ResultStatus, number> {
  const c = zeroCounts();
  for (const v of views) c[v.evaluation.status]++;
  return c;
}

/**
 * What the results overview, the counts and the steering workbook need of an indicator: its
 * evaluation and attention reasons, the target its latest value was compared with and that value's
 * numerator and denominator, without views of all its targets and measurements (indicator.get and
 * results.forActivity give those when one is opened).
 */
export interface IndicatorResult extends Omit<IndicatorSummary, 'evaluation'> {
  virtual: boolean;
  baselineValue: number | null;
  baselineDate: string | null;
  evaluation: EvaluationView;
  attention: AttentionReason[];
  /** The target of evaluation.targetId, as the indicator's screen shows it. */
  target: TargetView | null;
  /** The measurement that counts for the latest value (as the indicator's screen marks it): its numerator and denominator. */
  counted: { numerator: number | null; denominator: number | null } | null;
}

const LEAN_MEASUREMENT = ['id', 'indicatorId', 'date', 'periodKind', 'periodStart', 'periodEnd', 'value', 'numerator', 'denominator', 'categories', 'status', 'recordedAt'] as const;
type LeanMeasurementRow = Pick<Selectable<MeasurementTable>, (typeof LEAN_MEASUREMENT)[number]>;
const LEAN_INDICATOR = [
  'id', 'activityId', 'measureId', 'builtin', 'name', 'unit', 'freeUnit', 'direction', 'aggregation', 'parentId', 'phrase',
  'baselineValue', 'baselineDate', 'momentKind', 'momentDates', 'momentPeriods', 'periodKind', 'createdAt',
] as const satisfies readonly (keyof LeanIndicatorRow)[];
const TARGET_COLUMNS = [
  'id', 'indicatorId', 'schoolYear', 'periodKind', 'periodStart', 'periodEnd', 'kind', 'value', 'min', 'max', 'percent', 'supersedesId', 'reason', 'decisionDate', 'createdAt', 'rowVersion',
] as const satisfies readonly (keyof TargetRow)[];
/** "period_start AS "periodStart", ...": our own constant names, as the CamelCasePlugin would write them. */
const columns = (names: readonly string[]) => sql.raw(names.map((n) => `${n.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} AS "${n}"`).join(', '));

function indicatorResult(x: IndicatorRows<LeanIndicatorRow, TargetRow, LeanMeasurementRow>, ctx: Context): IndicatorResult {
  const { row } = x;
  const revisions = x.targets.map(toRevision);
  const ms = x.measurements.map(measurementValue);
  const { ev, counting, attention } = assess(row, revisions, ms, ctx);
  const targetRow = ev.target ? x.targets.find((r) => r.id === ev.target!.id) : undefined;
  // The same measurement the steering sheet took from the full view: counted, same date, same period code, first in list order.
  let counted: MeasurementValue | null = null;
  if (ev.latest) {
    const code = periodCode(ev.latest.period);
    for (const m of ms)
      if (m.date === ev.latest.date && counting.has(m.id) && periodCode(m.period) === code && (!counted || measurementOrder({ ...m.period, date: m.date, recordedAt: m.recordedAt }, { ...counted.period, date: counted.date, recordedAt: counted.recordedAt }) < 0))
        counted = m;
  }
  return {
    id: row.id,
    activityId: row.activityId,
    measureId: row.measureId,
    builtin: row.builtin,
    name: row.name,
    unit: row.unit as IndicatorView['unit'],
    freeUnit: row.freeUnit,
    direction: row.direction as IndicatorView['direction'],
    parentId: row.parentId,
    phrase: row.phrase,
    virtual: x.virtual,
    baselineValue: row.baselineValue,
    baselineDate: row.baselineDate,
    evaluation: evaluationView(ev),
    attention,
    // The target compared is always one in force (values.targetFor).
    target: targetRow ? targetView(targetRow, row.baselineValue, new Set([targetRow.id])) : null,
    counted: counted && { numerator: counted.numerator, denominator: counted.denominator },
  };
}

/** "Aandacht nodig", most urgent first (then by date). */
const ATTENTION_ORDER = { achter: 0, gemist: 1, aandacht: 2, categorieen: 3, voorlopig: 4 } as const;

/** Programme results with indicators of one shape: IndicatorResult (overview, sheets) or IndicatorView (CLI, plan). */
type OwnedIndicator = { id: string; name: string; activityId: string | null; measureId: string | null; evaluation: { status: ResultStatus }; attention: AttentionReason[] };

/** Contexts of several programmes at once (two queries), for the ones that exist. */
async function contextsFor(db: Db, ids: readonly string[]): Promise<Map<string, Context>> {
  if (!ids.length) return new Map();
  const programmes = await db.selectFrom('programme').select(['id', 'name', 'periodStart', 'periodEnd']).where('id', 'in', ids).where('deletedAt', 'is', null).execute();
  const settings = await db.selectFrom('resultSettings').select(['programmeId', 'onTrackMargin', 'attentionMargin']).where('programmeId', 'in', ids).where('deletedAt', 'is', null).execute();
  const th = new Map(settings.map((r) => [r.programmeId, { onTrackMargin: r.onTrackMargin, attentionMargin: r.attentionMargin }]));
  const day = today();
  return new Map(programmes.map((p) => [p.id, { today: day, thresholds: th.get(p.id) ?? DEFAULT_THRESHOLDS, programme: p }]));
}

interface Owners {
  activities: ActivityOwner[];
  measureIds: string[];
  /** The programme of each measure and activity. */
  programmeOf: Map<string, string>;
}

/**
 * Per programme, per measure and activity in plan order: its indicators, their status counts, and
 * the programme's "Aandacht nodig" list (most urgent first). Several programmes in one pass (the
 * steering workbook shows them all).
 */
async function resultsOf<I extends OwnedIndicator>(
  db: Db,
  programmeIds: readonly string[],
  indicatorsOf: (ctxs: Map<string, Context>, owners: Owners) => Promise<I[]>,
): Promise<Map<string, ProgrammeResultsOf<I>>> {
  const ctxs = await contextsFor(db, programmeIds);
  const out = new Map<string, ProgrammeResultsOf<I>>();
  if (!ctxs.size) return out;
  const ids = [...ctxs.keys()];
  // selectAll: the CLI reads older files as they are (before migration 6 there is no shape).
  const measures = await db.selectFrom('measure').selectAll().where('programmeId', 'in', ids).where('deletedAt', 'is', null).execute();
  const measureIds = measures.map((m) => m.id);
  const activities = measureIds.length
    ? await db
        .selectFrom('activity')
        .select(['id', 'code', 'name', 'measureId', 'plannedParticipants', 'createdAt', 'sortOrder'])
        .where('measureId', 'in', db.selectFrom('measure').select('id').where('programmeId', 'in', ids).where('deletedAt', 'is', null))
        .where('deletedAt', 'is', null)
        .execute()
    : [];
  const programmeOf = new Map<string, string>(measures.map((m) => [m.id, m.programmeId]));
  for (const a of activities) programmeOf.set(a.id, programmeOf.get(a.measureId)!);
  const views = await indicatorsOf(ctxs, { activities, measureIds, programmeOf });
  const byOwner = new Map<string, I[]>();
  for (const v of views) {
    const k = v.activityId ?? v.measureId!;
    const list = byOwner.get(k);
    if (list) list.push(v);
    else byOwner.set(k, [v]);
  }
  const actsBy = new Map<string, typeof activities>();
  for (const a of activities) {
    const list = actsBy.get(a.measureId);
    if (list) list.push(a);
    else actsBy.set(a.measureId, [a]);
  }
  for (const [programmeId, ctx] of ctxs) {
    const attention: AttentionItem[] = [];
    const all: I[] = [];
    const outMeasures = inOrder(measures.filter((m) => m.programmeId === programmeId)).map((m) => {
      const acts = inOrder(actsBy.get(m.id) ?? []).map((a) => {
        const inds = byOwner.get(a.id) ?? [];
        for (const v of inds) for (const r of v.attention) attention.push({ ...r, indicatorId: v.id, indicatorName: v.name, ownerKind: 'activity', ownerId: a.id, ownerName: [a.code, a.name].filter(Boolean).join(' ') });
        return { id: a.id, code: a.code, name: a.name, counts: countStatuses(inds), indicators: inds };
      });
      const own = byOwner.get(m.id) ?? [];
      for (const v of own) for (const r of v.attention) attention.push({ ...r, indicatorId: v.id, indicatorName: v.name, ownerKind: 'measure', ownerId: m.id, ownerName: [m.code, m.name].filter(Boolean).join(' ') });
      const mine = [...own, ...acts.flatMap((a) => a.indicators)];
      all.push(...mine);
      return { id: m.id, code: m.code, name: m.name, counts: countStatuses(mine), indicators: own, activities: acts, shape: ((m as { shape?: string }).shape ?? 'measure') as MeasureShape };
    });
    attention.sort((a, b) => ATTENTION_ORDER[a.kind] - ATTENTION_ORDER[b.kind] || (a.date ?? '').localeCompare(b.date ?? ''));
    out.set(programmeId, { programme: ctx.programme, thresholds: ctx.thresholds, today: ctx.today, counts: countStatuses(all), measures: outMeasures, attention });
  }
  return out;
}

/** Which indicators a set of programmes has: the ones stored, of live owners in live measures. */
const indicatorIdsOf = (programmes: RawBuilder<unknown>) => sql`SELECT i.id FROM indicator i WHERE i.deleted_at IS NULL AND (
  i.measure_id IN (SELECT id FROM measure WHERE programme_id IN (${programmes}) AND deleted_at IS NULL)
  OR i.activity_id IN (SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id IN (${programmes}) AND a.deleted_at IS NULL AND m.deleted_at IS NULL))`;

/** The live measures and activities of a programme: the owners of its indicators. */
const liveOwnersOf = (programmeId: string) => sql`SELECT id FROM measure WHERE programme_id = ${programmeId} AND deleted_at IS NULL
  UNION ALL SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = ${programmeId} AND a.deleted_at IS NULL AND m.deleted_at IS NULL`;

/**
 * Bump when assess(), indicatorResult(), summaryOf() or the IndicatorResult shape change: judgements
 * kept in a file by an older build are then judged again instead of being shown.
 */
export const RESULT_RULES_VERSION = 1;

/** What a kept judgement depends on besides its own rows and the day (exported for the bench's reference). */
export const contextKey = (ctx: Pick<Context, 'programme' | 'thresholds'>) =>
  JSON.stringify([RESULT_RULES_VERSION, ctx.programme.periodStart, ctx.programme.periodEnd, ctx.thresholds.onTrackMargin, ctx.thresholds.attentionMargin]);

/** A kept judgement that holds: made in the same context, for a day in [as_of, valid_until). */
const holds = (ctx: Context) => sql`r.context = ${contextKey(ctx)} AND r.as_of <= ${ctx.today} AND r.valid_until > ${ctx.today}`;

/** The rows the indicators with these ids (a subquery or a list) and the built-in participants indicators of these activities are judged from. */
async function rowsForJudging(raw: Db, ids: RawBuilder<unknown>, activities: ActivityOwner[]) {
  const rows = (await sql<LeanIndicatorRow>`SELECT ${columns(LEAN_INDICATOR)} FROM indicator WHERE id IN (${ids}) ORDER BY sort_order, created_at`.execute(raw)).rows;
  const targets = (await sql<TargetRow>`SELECT ${columns(TARGET_COLUMNS)} FROM target WHERE deleted_at IS NULL AND indicator_id IN (${ids})`.execute(raw)).rows;
  const measurements = (await sql<LeanMeasurementRow>`SELECT ${columns(LEAN_MEASUREMENT)} FROM measurement WHERE deleted_at IS NULL AND indicator_id IN (${ids})`.execute(raw)).rows;
  return withParticipants(rows, targets, measurements, activities);
}

type RowsForJudging = Awaited<ReturnType<typeof rowsForJudging>>[number];

/** One indicator judged for ctx.today, with the first day the same rows may be judged differently. */
export function judgeOn(x: RowsForJudging, ctx: Context): { result: IndicatorResult; validUntil: string } {
  return { result: indicatorResult(x, ctx), validUntil: nextChange(x.row, x.targets.map(toRevision), x.measurements.map(measurementValue), ctx) };
}

/** Every indicator of a programme with its rows and context, read without kept judgements (tests, the bench). */
export async function programmeRowsForJudging(db: Db, programmeId: string): Promise<{ ctx: Context; rows: RowsForJudging[] } | undefined> {
  const ctx = (await contextsFor(db, [programmeId])).get(programmeId);
  if (!ctx) return undefined;
  const raw = db.withoutPlugins();
  const activities = (
    await sql<ActivityOwner>`SELECT a.id, a.measure_id AS "measureId", a.planned_participants AS "plannedParticipants", a.created_at AS "createdAt"
      FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = ${programmeId} AND a.deleted_at IS NULL AND m.deleted_at IS NULL`.execute(raw)
  ).rows;
  return { ctx, rows: await rowsForJudging(raw, indicatorIdsOf(sql.join([programmeId])), activities) };
}

/**
 * Judges the indicators with these ids (a subquery or a list) and the built-in participants
 * indicators of these activities: each result with the first day it may change (nextChange).
 */
async function judge(raw: Db, ids: RawBuilder<unknown>, activities: ActivityOwner[], contextOf: (owner: string) => Context) {
  const out = new Map<string, { result: IndicatorResult; validUntil: string }>();
  for (const x of await rowsForJudging(raw, ids, activities)) out.set(x.row.id, judgeOn(x, contextOf(x.row.activityId ?? x.row.measureId!)));
  return out;
}

/** A judgement as indicator_result keeps it. */
function keptRow(result: IndicatorResult, ownerId: string, validUntil: string, ctx: Context): StoredResult {
  return {
    indicatorId: result.id,
    ownerId,
    context: contextKey(ctx),
    asOf: ctx.today,
    validUntil,
    status: result.evaluation.status,
    attention: JSON.stringify(result.attention),
    summary: JSON.stringify(summaryOf(result)),
    result: JSON.stringify(result),
  };
}

/**
 * Makes sure every indicator of the programme has a judgement that holds today: finds in SQL the
 * ones without (stored ones, and the built-in participants indicator of each activity with planned
 * participants that has none stored, as withParticipants shows them), judges those and keeps them.
 * After a write that is the few it touched; on a file's first use, all of them.
 */
async function judgeWhatIsStale(raw: Db, programmeId: string, ctx: Context): Promise<void> {
  if (await allHold(raw, programmeId, contextKey(ctx), ctx.today)) return;
  const staleStored = (
    await sql<{ id: string; activityId: string | null }>`SELECT i.id, i.activity_id AS "activityId" FROM indicator i LEFT JOIN indicator_result r INDEXED BY indicator_result_holds ON r.indicator_id = i.id
      WHERE i.id IN (${indicatorIdsOf(sql.join([programmeId]))}) AND (r.indicator_id IS NULL OR NOT (${holds(ctx)}))`.execute(raw)
  ).rows;
  const staleBuiltin = (
    await sql<{ id: string }>`SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id
      WHERE m.programme_id = ${programmeId} AND a.deleted_at IS NULL AND m.deleted_at IS NULL
        AND json_type(a.planned_participants) = 'array' AND json_array_length(a.planned_participants) > 0
        AND NOT EXISTS (SELECT 1 FROM indicator i WHERE i.activity_id = a.id AND i.builtin = 'deelnemers' AND i.deleted_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM indicator_result r WHERE r.indicator_id = ${PARTICIPANTS_PREFIX} || a.id AND ${holds(ctx)})`.execute(raw)
  ).rows;
  if (staleStored.length || staleBuiltin.length) await judgeAndKeep(raw, programmeId, staleStored, staleBuiltin, ctx);
  await noteAllHold(raw, programmeId, contextKey(ctx), ctx.today, sql`r.owner_id IN (${liveOwnersOf(programmeId)}) AND ${holds(ctx)}`, NO_CHANGE);
}

async function judgeAndKeep(raw: Db, programmeId: string, staleStored: { id: string; activityId: string | null }[], staleBuiltin: { id: string }[], ctx: Context): Promise<void> {
  // Many (a file's first use, a day past many moments): the whole programme's rows as one set, not id lists.
  const many = staleStored.length + staleBuiltin.length > 1000;
  const activityIds = [...new Set([...staleStored.flatMap((r) => (r.activityId ? [r.activityId] : [])), ...staleBuiltin.map((a) => a.id)])];
  const owners = many
    ? sql`SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = ${programmeId} AND a.deleted_at IS NULL AND m.deleted_at IS NULL`
    : sql.join(activityIds);
  const activities = activityIds.length
    ? (await sql<ActivityOwner>`SELECT id, measure_id AS "measureId", planned_participants AS "plannedParticipants", created_at AS "createdAt" FROM activity WHERE id IN (${owners})`.execute(raw)).rows
    : [];
  const ids = many ? indicatorIdsOf(sql.join([programmeId])) : sql.join(staleStored.map((r) => r.id));
  const judged = await judge(raw, ids, activities, () => ctx);
  const wanted = [...staleStored.map((r) => r.id), ...staleBuiltin.map((a) => `${PARTICIPANTS_PREFIX}${a.id}`)];
  await keepResults(
    raw,
    wanted.map((id) => {
      const j = judged.get(id)!;
      return keptRow(j.result, j.result.activityId ?? j.result.measureId!, j.validUntil, ctx);
    }),
  );
}

/**
 * Programmes' results with every indicator's whole result (the steering workbook): judgements kept
 * in indicator_result where they hold today (judgeWhatIsStale first), read in one pass.
 */
export async function programmesResults(db: Db, programmeIds: readonly string[]): Promise<Map<string, ProgrammeResultsOf<IndicatorResult>>> {
  return inOneRead(db, (trx) =>
    resultsOf(trx, programmeIds, async (ctxs) => {
      const raw = trx.withoutPlugins();
      for (const [id, ctx] of ctxs) await judgeWhatIsStale(raw, id, ctx);
      const rows: (ShownPlace & { result: string })[] = [];
      for (const [id, ctx] of ctxs)
        for (const r of (
          await sql<ShownPlace & { result: string }>`SELECT r.indicator_id AS id, r.result, coalesce(i.builtin, CASE WHEN r.indicator_id LIKE 'deelnemers:%' THEN 'deelnemers' END) AS builtin,
              coalesce(i.sort_order, -1) AS "sortOrder", coalesce(i.created_at, '') AS "createdAt"
            FROM indicator_result r LEFT JOIN indicator i ON i.id = r.indicator_id WHERE r.owner_id IN (${liveOwnersOf(id)}) AND ${holds(ctx)}`.execute(raw)
        ).rows)
          rows.push(r);
      // Each owner's indicators in the order shown (resultsOf groups them by owner in this order).
      return rows.sort(byShownPlace).map((r) => JSON.parse(r.result) as IndicatorResult);
    }),
  );
}

/** One programme's results with every indicator's whole result. */
export async function programmeResults(db: Db, programmeId: string): Promise<ProgrammeResultsOf<IndicatorResult> | undefined> {
  return (await programmesResults(db, [programmeId])).get(programmeId);
}

/**
 * Reads that must see one state of the file (a write between the judging and the reading would
 * delete judgements just kept) run in one transaction; inside a caller's transaction, in that one.
 */
async function inOneRead<T>(db: Db, f: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? f(db) : db.transaction().execute(f);
}

/** An indicator's place under its owner, as withParticipants orders them: built-in first, then the order of entry. */
interface ShownPlace {
  id: string;
  builtin: string | null;
  sortOrder: number;
  createdAt: string;
}
const byShownPlace = (a: ShownPlace, b: ShownPlace) =>
  (a.builtin ? 0 : 1) - (b.builtin ? 0 : 1) || (a.id.startsWith(PARTICIPANTS_PREFIX) ? 0 : 1) - (b.id.startsWith(PARTICIPANTS_PREFIX) ? 0 : 1) || a.sortOrder - b.sortOrder || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/**
 * The results overview (results.forProgramme): the status counts and "Aandacht nodig" over the whole
 * programme, summed and picked in SQL from the kept judgements, and one page of measures with
 * their indicators' summaries. Nothing is read of the measures and activities off the page but
 * their order and the attention list's names.
 */
export async function programmeOverview(db: Db, programmeId: string, opts: { page?: number; measureId?: string }): Promise<ProgrammeSummary | undefined> {
  return inOneRead(db, async (trx) => {
    const ctx = (await contextsFor(trx, [programmeId])).get(programmeId);
    if (!ctx) return undefined;
    const raw = trx.withoutPlugins();
    await judgeWhatIsStale(raw, programmeId, ctx);
    const owners = liveOwnersOf(programmeId);

    const counts = zeroCounts();
    for (const r of (await sql<{ status: ResultStatus; n: number }>`SELECT r.status, count(*) AS n FROM indicator_result r WHERE r.owner_id IN (${owners}) AND ${holds(ctx)} GROUP BY r.status`.execute(raw)).rows)
      counts[r.status] = Number(r.n);

    const measures = inOrder(await trx.selectFrom('measure').select(['id', 'code', 'name', 'sortOrder', 'shape']).where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute());
    const position = new Map(measures.map((m, i) => [m.id, i]));
    const page = pageOf(measures, opts);

    // The page: its measures' activities and every indicator's summary, in the order shown.
    const pageIds = page.measures.map((m) => m.id);
    const activities = pageIds.length
      ? inOrder(await trx.selectFrom('activity').select(['id', 'code', 'name', 'measureId', 'sortOrder']).where('measureId', 'in', pageIds).where('deletedAt', 'is', null).execute())
      : [];
    const pageOwners = [...pageIds, ...activities.map((a) => a.id)];
    type PageRow = ShownPlace & { ownerId: string; summary: string };
    const pageRows = pageOwners.length
      ? (
          await sql<PageRow>`SELECT r.indicator_id AS id, r.owner_id AS "ownerId", r.summary, coalesce(i.builtin, CASE WHEN r.indicator_id LIKE 'deelnemers:%' THEN 'deelnemers' END) AS builtin, coalesce(i.sort_order, -1) AS "sortOrder", coalesce(i.created_at, '') AS "createdAt"
            FROM indicator_result r LEFT JOIN indicator i ON i.id = r.indicator_id WHERE r.owner_id IN (${sql.join(pageOwners)}) AND ${holds(ctx)}`.execute(raw)
        ).rows
      : [];
    const summariesOf = new Map<string, IndicatorSummary[]>();
    for (const r of pageRows.sort(byShownPlace)) {
      const list = summariesOf.get(r.ownerId);
      const s = JSON.parse(r.summary) as IndicatorSummary;
      if (list) list.push(s);
      else summariesOf.set(r.ownerId, [s]);
    }
    const pageMeasures = page.measures.map((m) => {
      const acts = activities
        .filter((a) => a.measureId === m.id)
        .map((a) => {
          const inds = summariesOf.get(a.id) ?? [];
          return { id: a.id, code: a.code, name: a.name, counts: countStatuses(inds), indicators: inds };
        });
      const own = summariesOf.get(m.id) ?? [];
      return { id: m.id, code: m.code, name: m.name, counts: countStatuses([...own, ...acts.flatMap((a) => a.indicators)]), indicators: own, activities: acts, shape: m.shape as MeasureShape };
    });

    // "Aandacht nodig": every reason of every judgement, most urgent first, as resultsOf orders them.
    // Only the first RESULTS_ATTENTION are shown: the reasons up to the last shown one's kind and
    // date are read in full and ordered; the rest are only counted.
    const reasons = sql`SELECT r.indicator_id, r.owner_id, j.value ->> 'kind' AS kind, coalesce(j.value ->> 'date', '') AS day,
        CASE j.value ->> 'kind' ${sql.join(Object.entries(ATTENTION_ORDER).map(([k, n]) => sql`WHEN ${k} THEN ${n}`), sql` `)} END AS k
      FROM indicator_result r, json_each(r.attention) j WHERE r.owner_id IN (${owners}) AND ${holds(ctx)} AND r.attention <> '[]'`;
    const keys = (await sql<{ k: number; day: string }>`SELECT k, day FROM (${reasons})`.execute(raw)).rows;
    const attentionCount = keys.length;
    const byUrgency = (a: { k: number; day: string }, b: { k: number; day: string }) => a.k - b.k || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);
    const last = keys.length > RESULTS_ATTENTION ? keys.sort(byUrgency)[RESULTS_ATTENTION - 1]! : null;
    type AttentionRow = ShownPlace & { ownerId: string; attention: string; indicatorName: string | null; aCode: string | null; aName: string | null; aSort: number | null; measureId: string };
    const rows = (
      await sql<AttentionRow>`SELECT r.indicator_id AS id, r.owner_id AS "ownerId", r.attention, i.name AS "indicatorName", coalesce(i.builtin, CASE WHEN r.indicator_id LIKE 'deelnemers:%' THEN 'deelnemers' END) AS builtin,
          coalesce(i.sort_order, -1) AS "sortOrder", coalesce(i.created_at, '') AS "createdAt", a.code AS "aCode", a.name AS "aName", a.sort_order AS "aSort", coalesce(a.measure_id, r.owner_id) AS "measureId"
        FROM indicator_result r LEFT JOIN indicator i ON i.id = r.indicator_id LEFT JOIN activity a ON a.id = r.owner_id
        WHERE r.indicator_id IN (SELECT indicator_id FROM (${reasons}) ${last ? sql`WHERE k < ${last.k} OR (k = ${last.k} AND day <= ${last.day})` : sql``})`.execute(raw)
    ).rows;
    const ownerOrder = (a: AttentionRow, b: AttentionRow) => {
      const am = a.aCode === null ? 1 : 0;
      const bm = b.aCode === null ? 1 : 0;
      if (am || bm) return am - bm;
      return compareInOrder({ sortOrder: a.aSort!, code: a.aCode!, name: a.aName! }, { sortOrder: b.aSort!, code: b.aCode!, name: b.aName! });
    };
    rows.sort((a, b) => position.get(a.measureId)! - position.get(b.measureId)! || ownerOrder(a, b) || (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0) || byShownPlace(a, b));
    const measureById = new Map(measures.map((m) => [m.id, m]));
    const participantsName = t('results.builtin.participants');
    const attention: AttentionItem[] = rows.flatMap((r) => {
      const owner = r.aCode === null ? measureById.get(r.ownerId)! : { code: r.aCode, name: r.aName! };
      const ownerName = [owner.code, owner.name].filter(Boolean).join(' ');
      const ownerKind = r.aCode === null ? ('measure' as const) : ('activity' as const);
      return (JSON.parse(r.attention) as AttentionReason[]).map((x) => ({ ...x, indicatorId: r.id, indicatorName: r.indicatorName ?? participantsName, ownerKind, ownerId: r.ownerId, ownerName }));
    });
    attention.sort((a, b) => ATTENTION_ORDER[a.kind] - ATTENTION_ORDER[b.kind] || (a.date ?? '').localeCompare(b.date ?? ''));

    return {
      programme: ctx.programme,
      thresholds: ctx.thresholds,
      today: ctx.today,
      counts,
      measureCount: page.chosen,
      page: page.page,
      pageSize: RESULTS_PAGE,
      measures: pageMeasures,
      attention: attention.slice(0, RESULTS_ATTENTION),
      attentionCount,
    };
  });
}

/** The same with every indicator's full view (targets and measurements): the CLI's `resultaten` and the plan export. */
export async function programmeViews(db: Db, programmeId: string): Promise<ProgrammeResults | undefined> {
  const r = await resultsOf(db, [programmeId], (ctxs, owners) => indicatorViews(db, owners, ctxs.get(programmeId)!));
  return r.get(programmeId);
}
