/** Measurement moments, and what the "Aandacht nodig" list looks for. */
import { isValidIsoDate } from '../dates';
import { addDays } from './schoolYear';
import { reportingPeriod, samePeriod, within, type MomentPeriod, type Period, type PeriodKind } from './periods';
import type { MeasurementValue, MomentSpec } from './types';
import { effectivePerMoment } from './values';

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
  const all = momentsWithPeriods(plan, range.from, addDays(range.to, 366), targetPeriods).filter((mo) => mo.date <= range.to || mo.period.end <= range.to);
  const until = addDays(asOf, -MOMENT_GRACE_DAYS);
  return all.filter((mo, i) => {
    if (mo.date > until) return false;
    if (!targetPeriods.some((p) => within(mo.period, p))) return false;
    const next = all.slice(i + 1).find((o) => samePeriod(o.period, mo.period));
    const lo = addDays(mo.date, -MOMENT_WINDOW_DAYS);
    const hi = next ? addDays(next.date, -MOMENT_WINDOW_DAYS) : null;
    return !ms.some((x) => samePeriod(x.period, mo.period) && x.date >= lo && (hi === null || x.date < hi));
  });
}

/** Values that still count while provisional, measured more than a year before asOf. */
export function staleProvisional<M extends MeasurementValue>(ms: readonly M[], asOf: string): M[] {
  const yearAgo = addDays(asOf, -365);
  return effectivePerMoment(ms)
    .map((e) => e.current)
    .filter((m) => m.status === 'voorlopig' && m.date < yearAgo);
}
