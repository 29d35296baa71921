/**
 * The status rule, the same everywhere (screens, CLI, overviews). Explained to users in the help
 * text 'help.results.*' of the catalogue; keep the two in step.
 *
 * 1. Per moment the latest definitive value counts, else the latest provisional one.
 * 2. The target is the one (in force) whose period holds the latest measurement; after the last
 *    period, the last target; before the first, the first.
 * 3. The measured value: the latest moment (niveau), the sum over the target's period (aantal),
 *    or the running total since the baseline (cumulatief). Percentages with numerator and
 *    denominator are pooled.
 * 4. Reached (behaald): hoger is beter: value >= target (the lower bound of a range);
 *    lager is beter: value <= target (the upper bound of a range); bandbreedte: inside the range.
 *    A count per period that must stay low is only reached when its period is over.
 * 5. Otherwise progress = (value - start) / (target - start), from the baseline (the first
 *    measurement when there is none) towards the target, so direction is respected; a count per
 *    period starts at 0 at the start of its period. Expected progress = the share of the time from
 *    the start date to the end of the target's period that has passed at the measurement date.
 * 6. Lag = expected - progress (in percentage points). Lag <= onTrackMargin: op koers;
 *    <= attentionMargin: aandacht; more: achter. After the end of the target's period a target
 *    not reached is at best aandacht. No measurement or no target: geen gegevens.
 */
import { daysBetween } from './schoolYear';
import { aggregateValue, currentTargets, effectivePerMoment, resolveTarget, valueOf } from './values';
import type { Aggregation, Baseline, Direction, MeasurementValue, ResultStatus, TargetRevision, Thresholds } from './types';
import { DEFAULT_THRESHOLDS } from './types';

export interface IndicatorForStatus {
  direction: Direction;
  aggregation: Aggregation;
  baseline: Baseline;
  targets: readonly TargetRevision[];
  measurements: readonly MeasurementValue[];
}

export interface Evaluation {
  status: ResultStatus;
  /** The measured value compared (period sum or running total where the aggregation says so). */
  value: number | null;
  /** The latest value that counts, as entered. */
  latest: { value: number | null; date: string; status: MeasurementValue['status']; id: string } | null;
  target: TargetRevision | null;
  /** The target as numbers (a relative target resolved on the baseline). */
  resolved: { min: number; max: number } | null;
  /** 0 at the start of the route, 1 at the target; null where it cannot be computed. */
  progress: number | null;
  expected: number | null;
  reached: boolean;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

function pickTarget(targets: TargetRevision[], date: string): TargetRevision | null {
  if (!targets.length) return null;
  const holding = targets.filter((t) => t.periodStart <= date && date <= t.periodEnd);
  // Several targets can hold a date (a school-year target inside a longer period): the shortest wins.
  if (holding.length) return holding.sort((a, b) => daysBetween(a.periodStart, a.periodEnd) - daysBetween(b.periodStart, b.periodEnd))[0]!;
  return targets.find((t) => t.periodStart > date) ?? targets[targets.length - 1]!;
}

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
  const eps = 1e-9;
  if (lag <= th.onTrackMargin / 100 + eps) return 'op_koers';
  if (lag <= th.attentionMargin / 100 + eps) return 'aandacht';
  return 'achter';
}

export function evaluate(ind: IndicatorForStatus, asOf: string, thresholds: Thresholds = DEFAULT_THRESHOLDS): Evaluation {
  const eff = effectivePerMoment(ind.measurements.filter((m) => m.date <= asOf)).map((e) => e.current);
  const latestM = eff[eff.length - 1];
  const empty: Evaluation = { status: 'geen_gegevens', value: null, latest: null, target: null, resolved: null, progress: null, expected: null, reached: false };
  if (!latestM) return { ...empty, target: pickTarget(currentTargets([...ind.targets]), asOf) };
  const latest = { value: valueOf(latestM), date: latestM.date, status: latestM.status, id: latestM.id };
  const target = pickTarget(currentTargets([...ind.targets]), latestM.date);
  const base = { ...empty, latest, target };
  if (!target) return base;

  const period = { start: target.periodStart, end: target.periodEnd };
  const agg = aggregateValue(ind.aggregation, eff, period, ind.baseline);
  const value = agg.value;
  const at = agg.date ?? latestM.date;
  const first = eff[0]!;
  const baselineValue = ind.baseline.value;
  const resolved = resolveTarget(target.spec, baselineValue);
  if (value === null || !resolved) return { ...base, value, resolved };

  const periodOver = asOf >= target.periodEnd;
  let reached: boolean;
  if (ind.direction === 'hoger') reached = value >= resolved.min - 1e-9;
  else if (ind.direction === 'lager') reached = value <= resolved.max + 1e-9 && (ind.aggregation !== 'aantal' || periodOver);
  else reached = value >= resolved.min - 1e-9 && value <= resolved.max + 1e-9;
  if (reached) return { ...base, status: 'behaald', value, resolved, progress: 1, expected: null, reached };

  // Where the route starts: a count per period at 0 on the first day of its period; otherwise the baseline.
  const countPerPeriod = ind.aggregation === 'aantal';
  const startValue = countPerPeriod ? 0 : (baselineValue ?? valueOf(first) ?? value);
  const startDate = countPerPeriod ? target.periodStart : (ind.baseline.date ?? first.date);
  const expected = periodOver ? 1 : expectedProgress(startDate, target.periodEnd, at);

  let progress: number;
  let lag: number;
  if (ind.direction === 'bandbreedte') {
    // Outside the band: how far from the nearer edge, measured against the distance the baseline had.
    const edge = value < resolved.min ? resolved.min : resolved.max;
    const outside = startValue < resolved.min || startValue > resolved.max;
    if (outside) {
      progress = progressBetween(startValue, edge, value, false);
      lag = expected - progress;
    } else {
      const width = Math.max(resolved.max - resolved.min, Math.abs(edge) * 0.1, 1e-9);
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
  // Once the target's period is over, a target not reached is never "op koers".
  const status = statusForLag(lag, thresholds);
  return { ...base, status: periodOver && status === 'op_koers' ? 'aandacht' : status, value, resolved, progress, expected, reached };
}
