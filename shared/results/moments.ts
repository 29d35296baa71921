/** Measurement moments, and what the "Aandacht nodig" list looks for. */
import { isValidIsoDate } from '../dates';
import { addDays, daysBetween } from './schoolYear';
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

/** A measurement this many days either side of a moment counts for it. */
export const MOMENT_WINDOW_DAYS = 45;
/** A moment is only "missed" once this many days have passed, time to enter the figure. */
export const MOMENT_GRACE_DAYS = 30;

export function missedMoments(spec: MomentSpec, from: string, asOf: string, ms: readonly Pick<MeasurementValue, 'date'>[]): string[] {
  const until = addDays(asOf, -MOMENT_GRACE_DAYS);
  return momentsBetween(spec, from, until).filter((m) => !ms.some((x) => Math.abs(daysBetween(m, x.date)) <= MOMENT_WINDOW_DAYS));
}

/** Values that still count while provisional, measured more than a year before asOf. */
export function staleProvisional<M extends MeasurementValue>(ms: readonly M[], asOf: string): M[] {
  const yearAgo = addDays(asOf, -365);
  return effectivePerMoment(ms)
    .map((e) => e.current)
    .filter((m) => m.status === 'voorlopig' && m.date < yearAgo);
}
