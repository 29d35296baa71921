/**
 * The status rule, the same everywhere (screens, facts panel, steering workbook, Excel, CLI). It is
 * explained to users in the help text 'help.results.*' of the catalogue; keep the two in step.
 * Every edge below is a case in tests/unit/results-status.test.ts.
 *
 * 1. Known values: measurements dated on or before the day of the status (asOf).
 * 2. The values that count: per moment (period and date) the latest definitive value, else the
 *    latest provisional one; a definitive value also replaces the provisional values of its period
 *    measured on or before it (values.effectivePerMoment).
 * 3. The latest value is the one about the latest period (then the latest date). Its period decides
 *    the target: the shortest target in force whose period holds that period (values.targetFor);
 *    of two as long, the one that starts later. Overlapping targets are normal (a school year's
 *    target inside the programme's). No such target: "geen gegevens", with the reason — never
 *    another period's target.
 * 4. The value compared: the latest value (niveau), the values about periods inside the target's
 *    period added up (aantal), or the running total since the baseline (cumulatief).
 * 5. Reached (behaald): hoger is beter: value >= target (the lower bound of a range);
 *    lager is beter: value <= target (the upper bound of a range); bandbreedte: inside the range.
 *    A count per period that must stay low is only reached once its period is over.
 * 6. The target's period is over from its last day on (asOf >= its end; a value measured after
 *    it, such as November's figure about the school year before, is therefore final).
 * 7. A route exists from the baseline (value and date) to the target, and for a count per period
 *    from 0 on the first day of its period. Progress = (value - start) / (target - start); expected
 *    progress = the share of the time from the start to the end of the target's period that has
 *    passed at the day the value speaks for (1 once the period is over). Lag = expected - progress
 *    (a count that must stay low: progress - expected). Lag <= onTrackMargin: op koers;
 *    <= attentionMargin: aandacht; more: achter. Once the period is over, at best aandacht.
 * 8. No baseline (niveau, cumulatief; or a baseline without a date, or one equal to the target):
 *    no route, and the status comes from the target alone:
 *    the distance to the target as a share of the target <= attentionMargin: aandacht; more (or a
 *    target of 0 missed): achter. Never "op koers" without a route.
 */
import { daysBetween } from './schoolYear';
import { aggregateValue, currentTargets, effectivePerMoment, resolveTarget, targetFor, valueOf } from './values';
import { describedAt, type Period } from './periods';
import type { Aggregation, Baseline, Direction, MeasurementValue, ResultStatus, TargetRevision, Thresholds } from './types';
import { DEFAULT_THRESHOLDS } from './types';

export interface IndicatorForStatus {
  direction: Direction;
  aggregation: Aggregation;
  baseline: Baseline;
  targets: readonly TargetRevision[];
  measurements: readonly MeasurementValue[];
}

/** Why there is no status: no value yet, no target for the value's period, a relative target without a baseline. */
export const EVALUATION_NOTES = ['geen_meting', 'geen_streefwaarde', 'geen_nulmeting', 'geen_waarde'] as const;
export type EvaluationNote = (typeof EVALUATION_NOTES)[number];

/** What the status is based on: the route from the baseline, or the target alone (no baseline). */
export const EVALUATION_BASES = ['route', 'streefwaarde'] as const;
export type EvaluationBasis = (typeof EVALUATION_BASES)[number];

export interface Evaluation {
  status: ResultStatus;
  /** The measured value compared (period sum or running total where the aggregation says so). */
  value: number | null;
  /** The latest value that counts, as entered, with its date and the period it is about. */
  latest: { value: number | null; date: string; period: Period; status: MeasurementValue['status']; id: string } | null;
  target: TargetRevision | null;
  /** The target as numbers (a relative target resolved on the baseline). */
  resolved: { min: number; max: number } | null;
  /** 0 at the start of the route, 1 at the target; null without a route. */
  progress: number | null;
  expected: number | null;
  reached: boolean;
  basis: EvaluationBasis | null;
  note: EvaluationNote | null;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const EPS = 1e-9;

export function progressBetween(start: number, goal: number, value: number, reached: boolean): number {
  if (goal === start) return reached ? 1 : 0;
  return (value - start) / (goal - start);
}

export function expectedProgress(startDate: string, targetDate: string, at: string): number {
  const total = daysBetween(startDate, targetDate);
  if (total <= 0) return 1;
  return clamp01(daysBetween(startDate, at) / total);
}

export function statusForLag(lag: number, th: Thresholds = DEFAULT_THRESHOLDS): ResultStatus {
  if (lag <= th.onTrackMargin / 100 + EPS) return 'op_koers';
  if (lag <= th.attentionMargin / 100 + EPS) return 'aandacht';
  return 'achter';
}

/** Rule 8: how far the value is from the target, as a share of the target (no route). */
export function shortfall(direction: Direction, value: number, target: { min: number; max: number }): number {
  // A band: from its nearer edge (a value inside it is no distance away).
  const edge = direction === 'hoger' ? target.min : direction === 'lager' ? target.max : Math.min(Math.max(value, target.min), target.max);
  const gap = Math.abs(value - edge);
  if (gap <= EPS) return 0;
  return edge === 0 ? Infinity : gap / Math.abs(edge);
}

export function statusForShortfall(share: number, th: Thresholds = DEFAULT_THRESHOLDS): ResultStatus {
  return share <= th.attentionMargin / 100 + EPS ? 'aandacht' : 'achter';
}

/** The target in force for a day (shown before there is any value). */
function targetOnDay(targets: readonly TargetRevision[], day: string): TargetRevision | null {
  return targetFor(targets, { start: day, end: day });
}

export function evaluate(ind: IndicatorForStatus, asOf: string, thresholds: Thresholds = DEFAULT_THRESHOLDS): Evaluation {
  const eff = effectivePerMoment(ind.measurements.filter((m) => m.date <= asOf)).map((e) => e.current);
  const latestM = eff[eff.length - 1];
  const empty: Evaluation = { status: 'geen_gegevens', value: null, latest: null, target: null, resolved: null, progress: null, expected: null, reached: false, basis: null, note: null };
  if (!latestM) return { ...empty, target: targetOnDay(currentTargets([...ind.targets]), asOf), note: 'geen_meting' };
  const latest = { value: valueOf(latestM), date: latestM.date, period: latestM.period, status: latestM.status, id: latestM.id };
  const target = targetFor(ind.targets, latestM.period);
  const base = { ...empty, latest, target };
  if (!target) return { ...base, note: 'geen_streefwaarde' };

  const period = { start: target.periodStart, end: target.periodEnd };
  const agg = aggregateValue(ind.aggregation, eff, period, ind.baseline);
  const value = agg.value;
  const at = agg.date ?? describedAt(latestM);
  const resolved = resolveTarget(target.spec, ind.baseline.value);
  if (!resolved) return { ...base, value, note: 'geen_nulmeting' };
  if (value === null) return { ...base, resolved, note: 'geen_waarde' };

  const over = asOf >= target.periodEnd;
  const countPerPeriod = ind.aggregation === 'aantal';
  let reached: boolean;
  if (ind.direction === 'hoger') reached = value >= resolved.min - EPS;
  else if (ind.direction === 'lager') reached = value <= resolved.max + EPS && (!countPerPeriod || over);
  else reached = value >= resolved.min - EPS && value <= resolved.max + EPS;

  // The route from the baseline needs its value, its date and some distance to the target.
  const goalOf = (r: { min: number; max: number }) => (ind.direction === 'lager' ? r.max : r.min);
  const routeFromBaseline = ind.baseline.value !== null && ind.baseline.date !== null && (ind.direction === 'bandbreedte' || Math.abs(goalOf(resolved) - ind.baseline.value) > EPS);
  const hasRoute = countPerPeriod || routeFromBaseline;
  const basis: EvaluationBasis = hasRoute ? 'route' : 'streefwaarde';
  if (reached) return { ...base, status: 'behaald', value, resolved, progress: hasRoute ? 1 : null, expected: null, reached, basis };
  if (!hasRoute) return { ...base, status: statusForShortfall(shortfall(ind.direction, value, resolved), thresholds), value, resolved, basis };

  // The route: a count per period from 0 on the first day of its period; otherwise from the baseline.
  const startValue = countPerPeriod ? 0 : ind.baseline.value!;
  const startDate = countPerPeriod ? target.periodStart : ind.baseline.date!;
  const expected = over ? 1 : expectedProgress(startDate, target.periodEnd, at);

  let progress: number;
  let lag: number;
  if (ind.direction === 'bandbreedte') {
    // Outside the band: how far from the nearer edge, measured against the distance the start had.
    const edge = value < resolved.min ? resolved.min : resolved.max;
    const outside = startValue < resolved.min || startValue > resolved.max;
    if (outside) {
      progress = progressBetween(startValue, edge, value, false);
      lag = expected - progress;
    } else {
      const width = Math.max(resolved.max - resolved.min, Math.abs(edge) * 0.1, EPS);
      progress = 1 - Math.abs(value - edge) / width;
      lag = 1 - progress;
    }
  } else if (countPerPeriod && ind.direction === 'lager') {
    // A budget: the count so far should not run ahead of the share of the period that has passed.
    progress = resolved.max === 0 ? (value > 0 ? 2 : 0) : value / resolved.max;
    lag = progress - expected;
  } else {
    const goal = ind.direction === 'hoger' ? resolved.min : resolved.max;
    progress = progressBetween(startValue, goal, value, false);
    lag = expected - progress;
  }
  const status = statusForLag(lag, thresholds);
  // Once the target's period is over, a target not reached is never "op koers".
  return { ...base, status: over && status === 'op_koers' ? 'aandacht' : status, value, resolved, progress, expected, reached, basis };
}
