/**
 * Targets and results over the bridge. Numbers are JSON numbers: text in a number field is refused
 * with the field named ("Waarde: vul een getal in."), never read as 0. Rules that need the store
 * (the programme's school years, the indicator's unit, the status) are checked in the handlers.
 */
import { z } from 'zod';
import { choice, id, isoDate, longText, requiredText, rowVersion, storedVersion, TEXT_MAX, tooLong } from './fields';
import { t } from '../i18n/nl';
import { AGGREGATIONS, DIRECTIONS, MEASUREMENT_STATUSES, MOMENT_KINDS, RESULT_STATUSES, TARGET_KINDS, UNITS } from '../results/types';
import { EVALUATION_BASES, EVALUATION_NOTES } from '../results/status';
import { isSchoolYear } from '../results/schoolYear';
import { MONTH_DAY } from '../results/moments';
import { MOMENT_PERIODS, PERIOD_KINDS, parsePeriod } from '../results/periods';
import { isValidIsoDate } from '../dates';
import { MEASURE_SHAPES } from './tree';

export const ONDERWIJSSOORTEN = ['vo_onderbouw', 'vmbo_bovenbouw', 'havo_vwo_bovenbouw', 'mbo1', 'mbo2', 'mbo34'] as const;
export type Onderwijssoort = (typeof ONDERWIJSSOORTEN)[number];

const MAX = 1e12;
export const num = () =>
  z
    .number({ error: t('val.number') })
    .refine(Number.isFinite, { error: t('val.number') })
    .refine((n) => Math.abs(n) <= MAX, { error: t('val.tooBig') });
const count = () => z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(0, t('val.notNegative')).max(100_000_000, t('val.tooBig'));
const shortText = (max: number = TEXT_MAX.line) => z.string({ error: t('val.notText') }).trim().max(max, tooLong(max));
const pct = () => num().refine((n) => n >= 0 && n <= 100, { error: t('val.percentRange') });
export const schoolYear = () => z.string({ error: t('val.schoolYear') }).trim().refine(isSchoolYear, { error: t('val.schoolYear') });

// ---- Indicators

const indicatorFields = {
  name: requiredText(200),
  description: longText(5000),
  unit: choice(UNITS),
  freeUnit: shortText(40),
  direction: choice(DIRECTIONS),
  aggregation: choice(AGGREGATIONS),
  dataSource: shortText(200),
  momentKind: choice(MOMENT_KINDS),
  momentDates: z.array(z.string({ error: t('val.notText') }).trim().max(10, tooLong(10))).max(24),
  categories: z.array(requiredText(100)).max(20),
  baselineValue: num().nullable(),
  baselineDate: isoDate().nullable(),
  baselineSource: shortText(200),
  baselineNote: longText(5000),
  /** The kind of period its values and targets are about. */
  periodKind: choice(PERIOD_KINDS).default('schooljaar'),
  /** Per moment the period it reports on; left empty, each moment gets the default (periods.defaultMomentPeriod). */
  momentPeriods: z.array(choice(MOMENT_PERIODS)).max(24).default([]),
  /** A "waarvan" indicator: part of this (percentage) indicator of the same activity or measure. */
  parentId: id().nullable().default(null),
  /** The words after the number, as in "98% in beeld". */
  phrase: shortText(80).default(''),
};

type IndicatorShape = { unit: string; baselineValue: number | null; momentKind: string; momentDates: string[]; momentPeriods: string[]; categories: string[] };
function checkIndicator(v: IndicatorShape, ctx: z.RefinementCtx) {
  if (v.unit === 'percentage' && v.baselineValue !== null && (v.baselineValue < 0 || v.baselineValue > 100))
    ctx.addIssue({ code: 'custom', message: t('val.percentRange'), path: ['baselineValue'] });
  const datesOk =
    v.momentKind === 'lijst'
      ? v.momentDates.length >= 1 && v.momentDates.every(isValidIsoDate)
      : v.momentDates.length === (v.momentKind === 'jaarlijks' ? 1 : 2) && v.momentDates.every((d) => MONTH_DAY.test(d));
  if (!datesOk) ctx.addIssue({ code: 'custom', message: v.momentKind === 'lijst' ? t('val.date') : t('val.monthDay'), path: ['momentDates'] });
  if (v.momentPeriods.length && v.momentPeriods.length !== v.momentDates.length) ctx.addIssue({ code: 'custom', message: t('val.momentPeriods'), path: ['momentPeriods'] });
  if (new Set(v.categories.map((c) => c.toLowerCase())).size !== v.categories.length) ctx.addIssue({ code: 'custom', message: t('val.categoryTwice'), path: ['categories'] });
}

export const IndicatorInput = z
  .strictObject({ activityId: id().nullable(), measureId: id().nullable(), ...indicatorFields })
  .superRefine(checkIndicator)
  .refine((v) => (v.activityId === null) !== (v.measureId === null), { error: t('val.required'), path: ['activityId'] });
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const IndicatorUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...indicatorFields }).superRefine(checkIndicator);
export type IndicatorUpdate = z.infer<typeof IndicatorUpdate>;

// ---- Targets

const targetSpecFields = {
  kind: choice(TARGET_KINDS),
  value: num().nullable(),
  min: num().nullable(),
  max: num().nullable(),
  percent: num().refine((n) => n >= -100, { error: t('val.percentBelow100') }).nullable(),
};
type SpecShape = { kind: string; value: number | null; min: number | null; max: number | null; percent: number | null };
function checkSpec(v: SpecShape, ctx: z.RefinementCtx) {
  if (v.kind === 'exact' && v.value === null) ctx.addIssue({ code: 'custom', message: t('val.number'), path: ['value'] });
  if (v.kind === 'bereik') {
    if (v.min === null) ctx.addIssue({ code: 'custom', message: t('val.number'), path: ['min'] });
    if (v.max === null) ctx.addIssue({ code: 'custom', message: t('val.number'), path: ['max'] });
    if (v.min !== null && v.max !== null && v.min > v.max) ctx.addIssue({ code: 'custom', message: t('val.minAboveMax'), path: ['min'] });
  }
  if (v.kind === 'relatief' && v.percent === null) ctx.addIssue({ code: 'custom', message: t('val.number'), path: ['percent'] });
}

/** A "waarvan" part entered with its parent: its own target for the same period (a percentage). */
export const TargetPart = z.strictObject({ indicatorId: id(), value: num() });

export const TargetInput = z
  .strictObject({
    indicatorId: id(),
    schoolYear: schoolYear().nullable(),
    periodStart: isoDate().nullable(),
    periodEnd: isoDate().nullable(),
    ...targetSpecFields,
    /** The parts' targets for the same period, stored in the same change set. */
    parts: z.array(TargetPart).max(10).default([]),
  })
  .superRefine(checkSpec)
  .superRefine((v, ctx) => {
    if (v.schoolYear === null && (v.periodStart === null || v.periodEnd === null))
      ctx.addIssue({ code: 'custom', message: t('val.required'), path: [v.periodStart === null && v.periodEnd !== null ? 'periodStart' : 'schoolYear'] });
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) ctx.addIssue({ code: 'custom', message: t('val.periodOrder'), path: ['periodEnd'] });
  });
export type TargetInput = z.infer<typeof TargetInput>;

export const TargetRevise = z
  .strictObject({
    id: id(),
    rowVersion: rowVersion(),
    ...targetSpecFields,
    reason: z.string({ error: t('val.reasonRequired') }).trim().min(1, t('val.reasonRequired')).max(2000, tooLong(2000)),
    decisionDate: z.string({ error: t('val.decisionDateRequired') }).min(1, t('val.decisionDateRequired')).refine(isValidIsoDate, { error: t('val.date') }),
  })
  .superRefine(checkSpec);
export type TargetRevise = z.infer<typeof TargetRevise>;

// ---- Measurements

export const CategoryCount = z.strictObject({ name: requiredText(100), count: count() });

/** A "waarvan" part measured with its parent: a percentage, or a count of the parent's numerator. */
export const MeasurementPart = z
  .strictObject({
    indicatorId: id(),
    value: num().nullable(),
    numerator: num().refine((n) => n >= 0, { error: t('val.notNegative') }).nullable(),
  })
  .refine((v) => v.value !== null || v.numerator !== null, { error: t('val.oneValue'), path: ['value'] });

export const MeasurementInput = z
  .strictObject({
    indicatorId: id(),
    /** When it was measured or published. */
    date: isoDate(),
    /** The period it is about, as a code ("2016/2017", "2017", "2017-H1", "2017-K3", "2017-01-01/2017-03-15"); null: from the indicator's moments. */
    period: z
      .string({ error: t('val.period') })
      .trim()
      .refine((s) => parsePeriod(s) !== null, { error: t('val.period') })
      .nullable()
      .default(null),
    value: num().nullable(),
    numerator: num().refine((n) => n >= 0, { error: t('val.notNegative') }).nullable(),
    denominator: num().refine((n) => n > 0, { error: t('val.denominatorZero') }).nullable(),
    categories: z.array(CategoryCount).max(20).nullable(),
    status: choice(MEASUREMENT_STATUSES),
    source: shortText(200),
    explanation: longText(5000),
    /** "Waarvan" parts measured with it: same date, period and status, one change set. */
    parts: z.array(MeasurementPart).max(10).default([]),
  })
  .superRefine((v, ctx) => {
    // A numerator alone is a "waarvan" part's count: its denominator is the parent's numerator (checked in the handler).
    if (v.denominator !== null && v.numerator === null) ctx.addIssue({ code: 'custom', message: t('val.number'), path: ['numerator'] });
    if (v.numerator !== null && v.denominator !== null && v.numerator > v.denominator) ctx.addIssue({ code: 'custom', message: t('val.numeratorTooBig'), path: ['numerator'] });
    if (v.value === null && v.numerator === null && (!v.categories || v.categories.length === 0)) ctx.addIssue({ code: 'custom', message: t('val.oneValue'), path: ['value'] });
  });
export type MeasurementInput = z.infer<typeof MeasurementInput>;

// ---- Region figures and thresholds

export const RegionFigureInput = z
  .strictObject({
    schoolYear: schoolYear(),
    onderwijssoort: choice(ONDERWIJSSOORTEN),
    students: count(),
    leavers: count(),
    percentage: pct().nullable(),
    nationalNorm: pct().nullable(),
    status: choice(MEASUREMENT_STATUSES),
    definitionVersion: shortText(40),
    source: shortText(200),
  })
  .superRefine((v, ctx) => {
    if (v.leavers > v.students) ctx.addIssue({ code: 'custom', message: t('val.leaversTooMany'), path: ['leavers'] });
    if (v.percentage !== null && v.students > 0) {
      const computed = (v.leavers / v.students) * 100;
      if (Math.abs(computed - v.percentage) > 0.05 + 1e-9)
        ctx.addIssue({ code: 'custom', message: t('val.percentageMismatch', { computed: computed.toFixed(2).replace('.', ',') }), path: ['percentage'] });
    }
  });
export type RegionFigureInput = z.infer<typeof RegionFigureInput>;

export const Thresholds = z
  .strictObject({
    onTrackMargin: count().max(100, t('val.percentRange')),
    attentionMargin: count().max(100, t('val.percentRange')),
  })
  .refine((v) => v.attentionMargin >= v.onTrackMargin, { error: t('val.thresholdOrder'), path: ['attentionMargin'] });

export const ThresholdsUpdate = z
  .strictObject({ programmeId: id(), onTrackMargin: count().max(100, t('val.percentRange')), attentionMargin: count().max(100, t('val.percentRange')) })
  .refine((v) => v.attentionMargin >= v.onTrackMargin, { error: t('val.thresholdOrder'), path: ['attentionMargin'] });

// ---- What the screens get

const nums = z.number().nullable();

export const TargetView = z.object({
  id: z.string(),
  indicatorId: z.string(),
  schoolYear: z.string().nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  /** The period's code ("2016/2017", "2017-H1"). */
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  kind: z.enum(TARGET_KINDS),
  value: nums,
  min: nums,
  max: nums,
  percent: nums,
  supersedesId: z.string().nullable(),
  reason: z.string(),
  decisionDate: z.string().nullable(),
  createdAt: z.string(),
  resolvedMin: nums,
  resolvedMax: nums,
  /** In force (not superseded by a revision). */
  current: z.boolean(),
  rowVersion: storedVersion(),
});
export type TargetView = z.infer<typeof TargetView>;

export const MeasurementView = z.object({
  id: z.string(),
  indicatorId: z.string(),
  /** When it was measured or published. */
  date: z.string(),
  schoolYear: z.string(),
  /** The period it is about: kind, days and code ("2016/2017"). */
  periodKind: z.enum(PERIOD_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  period: z.string(),
  value: nums,
  numerator: nums,
  denominator: nums,
  categories: z.array(z.object({ name: z.string(), count: z.number() })).nullable(),
  status: z.enum(MEASUREMENT_STATUSES),
  source: z.string(),
  explanation: z.string(),
  recordedAt: z.string(),
  computedValue: nums,
  /** The value that counts for its moment (latest definitive, else latest provisional). */
  counts: z.boolean(),
  categorySum: nums,
  mismatch: z.boolean(),
  rowVersion: storedVersion(),
});
export type MeasurementView = z.infer<typeof MeasurementView>;

export const ATTENTION_KINDS = ['achter', 'aandacht', 'gemist', 'voorlopig', 'categorieen'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];
export const AttentionReason = z.object({ kind: z.enum(ATTENTION_KINDS), date: z.string().nullable(), detail: z.string() });

export const EvaluationView = z.object({
  status: z.enum(RESULT_STATUSES),
  value: nums,
  /** The latest value that counts: its date and, apart from it, the period it is about. */
  latest: z.object({ value: nums, date: z.string(), period: z.string(), periodLabel: z.string(), status: z.enum(MEASUREMENT_STATUSES) }).nullable(),
  targetId: z.string().nullable(),
  /** route: progress from the baseline; streefwaarde: no baseline, the target alone. */
  basis: z.enum(EVALUATION_BASES).nullable(),
  /** Why there is no status (geen_streefwaarde: no target for the latest value's period). */
  note: z.enum(EVALUATION_NOTES).nullable(),
  resolvedMin: nums,
  resolvedMax: nums,
  progress: nums,
  expected: nums,
});
export type EvaluationView = z.infer<typeof EvaluationView>;

export const IndicatorView = z.object({
  id: z.string(),
  activityId: z.string().nullable(),
  measureId: z.string().nullable(),
  builtin: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  unit: z.enum(UNITS),
  freeUnit: z.string(),
  direction: z.enum(DIRECTIONS),
  aggregation: z.enum(AGGREGATIONS),
  dataSource: z.string(),
  momentKind: z.enum(MOMENT_KINDS),
  momentDates: z.array(z.string()),
  categories: z.array(z.string()),
  baselineValue: nums,
  baselineDate: z.string().nullable(),
  baselineSource: z.string(),
  baselineNote: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  momentPeriods: z.array(z.enum(MOMENT_PERIODS)),
  /** Part of this indicator ("waarvan"), and the words after its number. */
  parentId: z.string().nullable(),
  phrase: z.string(),
  /** Not yet stored: the built-in participants indicator before its first measurement. */
  virtual: z.boolean(),
  targets: z.array(TargetView),
  measurements: z.array(MeasurementView),
  evaluation: EvaluationView,
  attention: z.array(AttentionReason),
  /** 0 while virtual (not stored yet). */
  rowVersion: storedVersion(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const ThresholdsView = z.object({ onTrackMargin: z.number(), attentionMargin: z.number() });

const Owner = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const ActivityResults = z.object({
  activity: Owner.extend({ measureId: z.string(), measureCode: z.string(), measureName: z.string() }),
  programme: z.object({ id: z.string(), name: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  thresholds: ThresholdsView,
  today: z.string(),
  indicators: z.array(IndicatorView),
});
export type ActivityResults = z.infer<typeof ActivityResults>;

const StatusCounts = z.record(z.enum(RESULT_STATUSES), z.number());

export const AttentionItem = AttentionReason.extend({
  indicatorId: z.string(),
  indicatorName: z.string(),
  ownerKind: z.enum(['activity', 'measure']),
  ownerId: z.string(),
  ownerName: z.string(),
});
export type AttentionItem = z.infer<typeof AttentionItem>;

export const ProgrammeResults = z.object({
  programme: z.object({ id: z.string(), name: z.string(), periodStart: z.string(), periodEnd: z.string() }),
  thresholds: ThresholdsView,
  today: z.string(),
  counts: StatusCounts,
  measures: z.array(
    Owner.extend({
      counts: StatusCounts,
      indicators: z.array(IndicatorView),
      activities: z.array(Owner.extend({ counts: StatusCounts, indicators: z.array(IndicatorView) })),
      /** The plan's own structure: a measure that is its own activity is one row on the screens. */
      shape: z.enum(MEASURE_SHAPES),
    }),
  ),
  attention: z.array(AttentionItem),
});
export type ProgrammeResults = z.infer<typeof ProgrammeResults>;

type MeasureResults = ProgrammeResults['measures'][number];
/** ProgrammeResults with indicators of another shape (the core's lean results for the overview and the sheets). */
export type ProgrammeResultsOf<I> = Omit<ProgrammeResults, 'measures'> & {
  measures: (Omit<MeasureResults, 'indicators' | 'activities'> & { indicators: I[]; activities: (Omit<MeasureResults['activities'][number], 'indicators'> & { indicators: I[] })[] })[];
};

/**
 * What the results overview shows of an indicator (issue 13): name, place, status and the latest
 * value against the current target. Its targets and measurements load when it is opened
 * (indicator.get / results.forActivity), so the overview's answer stays small at any size.
 */
export const IndicatorSummary = IndicatorView.pick({ id: true, activityId: true, measureId: true, builtin: true, name: true, unit: true, freeUnit: true, direction: true, parentId: true, phrase: true }).extend({
  evaluation: EvaluationView.pick({ status: true, value: true, latest: true, resolvedMin: true, resolvedMax: true }),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

/**
 * The channel results.forProgramme: ProgrammeResults with indicator summaries, one page of
 * measures (or the one asked for) and the first items of the attention list, with their counts.
 */
export const RESULTS_PAGE = 40;
export const RESULTS_ATTENTION = 100;
export const ProgrammeSummary = ProgrammeResults.extend({
  measureCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  attentionCount: z.number().int(),
  measures: z.array(
    Owner.extend({
      counts: StatusCounts,
      indicators: z.array(IndicatorSummary),
      activities: z.array(Owner.extend({ counts: StatusCounts, indicators: z.array(IndicatorSummary) })),
      shape: z.enum(MEASURE_SHAPES),
    }),
  ),
});
export type ProgrammeSummary = z.infer<typeof ProgrammeSummary>;

/** What a summary is made of: a full view or the core's lean result of an indicator. */
type SummarySource = Omit<IndicatorSummary, 'evaluation'> & { evaluation: IndicatorSummary['evaluation'] };

/** The summary of an indicator (one rule for what the overview gets). */
export function summaryOf(v: SummarySource): IndicatorSummary {
  const e = v.evaluation;
  return {
    id: v.id,
    activityId: v.activityId,
    measureId: v.measureId,
    builtin: v.builtin,
    name: v.name,
    unit: v.unit,
    freeUnit: v.freeUnit,
    direction: v.direction,
    parentId: v.parentId,
    phrase: v.phrase,
    evaluation: { status: e.status, value: e.value, latest: e.latest, resolvedMin: e.resolvedMin, resolvedMax: e.resolvedMax },
  };
}

/** The measures on the page asked for (or the one measure asked for), and the page's number. */
export function pageOf<M extends { id: string }>(measures: readonly M[], opts: { page?: number; measureId?: string } = {}): { chosen: number; page: number; measures: M[] } {
  const chosen = opts.measureId ? measures.filter((m) => m.id === opts.measureId) : measures;
  const page = Math.max(0, Math.min(opts.page ?? 0, Math.ceil(chosen.length / RESULTS_PAGE) - 1));
  return { chosen: chosen.length, page, measures: chosen.slice(page * RESULTS_PAGE, (page + 1) * RESULTS_PAGE) };
}

/**
 * One page of the results overview made from full results: the definition the core's
 * programmeOverview (which reads kept judgements) is tested against.
 */
export function programmeSummary(r: ProgrammeResultsOf<SummarySource>, opts: { page?: number; measureId?: string } = {}): ProgrammeSummary {
  const p = pageOf(r.measures, opts);
  return {
    ...r,
    measureCount: p.chosen,
    page: p.page,
    pageSize: RESULTS_PAGE,
    measures: p.measures.map((m) => ({
      ...m,
      indicators: m.indicators.map(summaryOf),
      activities: m.activities.map((a) => ({ ...a, indicators: a.indicators.map(summaryOf) })),
    })),
    attention: r.attention.slice(0, RESULTS_ATTENTION),
    attentionCount: r.attention.length,
  };
}

export const RegionFigure = z.object({
  id: z.string(),
  schoolYear: z.string(),
  onderwijssoort: z.enum(ONDERWIJSSOORTEN),
  /** null: DUO suppressed the figure for privacy (a DUO file's import); never read as 0. */
  students: z.number().nullable(),
  leavers: z.number().nullable(),
  percentage: z.number().nullable(),
  nationalNorm: nums,
  status: z.enum(MEASUREMENT_STATUSES),
  definitionVersion: z.string(),
  source: z.string(),
  rowVersion: storedVersion(),
});
export type RegionFigure = z.infer<typeof RegionFigure>;
