/** Measurement moments, and what the "Aandacht nodig" list looks for. */
import { isValidIsoDate } from '../dates';
import { addDays } from './schoolYear';
import { reportingPeriod, samePeriod, within, type MomentPeriod, type Period, type PeriodKind } from './periods';
import type { MeasurementValue, MomentSpec } from './types';
import { effectivePerMoment, type Effective } from './values';

export const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Every moment of the spec from `from` up to and including `to`. */
export function momentsBetween(spec: MomentSpec, from: string, to: string): string[] {
  if (to < from) return [];
  if (spec.kind === 'lijst') return spec.dates.filter((d) => d >= from && d <= to).sort();
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    for (const md of spec.dates) {
      const d = `${y}-${md}`;
      if (isValidIsoDate(d) && d >= from && d <= to) out.push(d);
    }
  return out.sort();
}

/** A measurement from this many days before a moment on counts for it. */
export const MOMENT_WINDOW_DAYS = 45;
/** A moment is only "missed" once this many days have passed, time to enter the figure. */
export const MOMENT_GRACE_DAYS = 30;

export interface MomentPlan extends MomentSpec {
  /** The kind of period the indicator's values are about. */
  periodKind: PeriodKind;
}

/** Every moment from..to (inclusive) with the period it reports on (see periods.reportingPeriod). */
export function momentsWithPeriods(plan: MomentPlan, from: string, to: string, targetPeriods: readonly Pick<Period, 'start' | 'end'>[] = []): { date: string; period: Period }[] {
  const ruleOf = (d: string): MomentPeriod => {
    const i = plan.dates.indexOf(plan.kind === 'lijst' ? d : d.slice(5));
    return plan.periods?.[i] ?? 'lopend';
  };
  return momentsBetween(plan, from, to).map((date) => ({ date, period: reportingPeriod(plan.periodKind, ruleOf(date), date, targetPeriods) }));
}

/**
 * Moments passed without a value. A moment counts from `from` up to `to` (the programme's end; its
 * last moment included), and after `to` when it reports on a period that ended by then (November's
 * figure about the last school year); only once MOMENT_GRACE_DAYS have passed since it (asOf), and
 * only when its period has a target. It has its value when a measurement about the same period is dated from
 * MOMENT_WINDOW_DAYS before it on, and before the window of the next moment about the same period
 * (two half-yearly moments about one school year each need their own value).
 */
export function missedMoments(
  plan: MomentPlan,
  range: { from: string; to: string },
  asOf: string,
  ms: readonly Pick<MeasurementValue, 'date' | 'period'>[],
  targetPeriods: readonly Pick<Period, 'start' | 'end'>[],
): { date: string; period: Period }[] {
  const until = addDays(asOf, -MOMENT_GRACE_DAYS);
  return momentWindows(plan, range, targetPeriods)
    .filter((w) => w.date <= until && targetPeriods.some((p) => within(w.period, p)) && !ms.some((x) => samePeriod(x.period, w.period) && x.date >= w.lo && (w.hi === null || x.date < w.hi)))
    .map((w) => ({ date: w.date, period: w.period }));
}

/**
 * The days on which missedMoments' answer can change while only asOf moves on: each moment's date
 * plus its grace (a moment counts as missed from then on). Stored judgements use it (results.ts nextChange).
 */
export function momentDeadlines(plan: MomentPlan, range: { from: string; to: string }, targetPeriods: readonly Pick<Period, 'start' | 'end'>[]): string[] {
  return momentWindows(plan, range, targetPeriods).map((w) => addDays(w.date, MOMENT_GRACE_DAYS));
}

interface MomentWindow {
  date: string;
  period: Period;
  /** A value about the moment's period dated from lo (and before hi, the next such moment's window) counts for it. */
  lo: string;
  hi: string | null;
}

/**
 * The moments of missedMoments with their windows. They depend on the plan, the range and the
 * target periods only, which thousands of indicators share in a big region: kept per key (a pure
 * result, never stale), the cache emptied when it grows large.
 */
const windowCache = new Map<string, MomentWindow[]>();
function momentWindows(plan: MomentPlan, range: { from: string; to: string }, targetPeriods: readonly Pick<Period, 'start' | 'end'>[]): MomentWindow[] {
  const key = [plan.kind, plan.periodKind, plan.dates.join(','), (plan.periods ?? []).join(','), range.from, range.to, targetPeriods.map((p) => `${p.start}/${p.end}`).join(',')].join('|');
  const hit = windowCache.get(key);
  if (hit) return hit;
  const all = momentsWithPeriods(plan, range.from, addDays(range.to, 366), targetPeriods).filter((mo) => mo.date <= range.to || mo.period.end <= range.to);
  const windows = all.map((mo, i) => {
    const next = all.slice(i + 1).find((o) => samePeriod(o.period, mo.period));
    return { ...mo, lo: addDays(mo.date, -MOMENT_WINDOW_DAYS), hi: next ? addDays(next.date, -MOMENT_WINDOW_DAYS) : null };
  });
  if (windowCache.size >= 2000) windowCache.clear();
  windowCache.set(key, windows);
  return windows;
}

/**
 * Values that still count while provisional, measured more than a year before asOf. `effective`:
 * effectivePerMoment(ms) when the caller has it already (the results overview judges thousands).
 */
export function staleProvisional<M extends MeasurementValue>(ms: readonly M[], asOf: string, effective: readonly Effective<M>[] = effectivePerMoment(ms)): M[] {
  const yearAgo = addDays(asOf, -365);
  return effective
    .map((e) => e.current)
    .filter((m) => m.status === 'voorlopig' && m.date < yearAgo);
}
