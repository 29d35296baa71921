/** Measured values: what a measurement is worth, which one counts per moment, and how moments add up. */
import type { Aggregation, CategoryCount, MeasurementValue, TargetRevision, TargetSpec } from './types';
import { describedAt, within } from './periods';

export function categorySum(categories: CategoryCount[] | null): number | null {
  return categories && categories.length ? categories.reduce((s, c) => s + c.count, 0) : null;
}

/**
 * Counts per category against an entered total. A mismatch is reported, never repaired: the
 * entered total stays the value, and the screen says the categories do not add up.
 */
export function categoryCheck(m: Pick<MeasurementValue, 'value' | 'categories'>): { sum: number | null; total: number | null; mismatch: boolean } {
  const sum = categorySum(m.categories);
  const total = m.value ?? sum;
  return { sum, total, mismatch: sum !== null && m.value !== null && Math.abs(sum - m.value) > 1e-9 };
}

/** The value of one measurement: a percentage from numerator/denominator, the entered value, or the category total. */
export function valueOf(m: Pick<MeasurementValue, 'value' | 'numerator' | 'denominator' | 'categories'>): number | null {
  if (m.numerator !== null && m.denominator !== null && m.denominator > 0) return (m.numerator / m.denominator) * 100;
  if (m.value !== null) return m.value;
  return categorySum(m.categories);
}

export interface Effective<M extends MeasurementValue = MeasurementValue> {
  /** The value that counts for this moment. */
  current: M;
  /** Every value for the moment (same period, same date), oldest first, the one that counts included. */
  all: M[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Order of what a measurement is about: by period (end, then start), then by date. */
export const byPeriodThenDate = (a: Pick<MeasurementValue, 'period' | 'date'>, b: Pick<MeasurementValue, 'period' | 'date'>) =>
  cmp(a.period.end, b.period.end) || cmp(a.period.start, b.period.start) || cmp(a.date, b.date);

/**
 * The values that count, one per moment (a moment is a period and a date), in the order of
 * byPeriodThenDate:
 * - per moment the latest recorded definitive value, else the latest recorded provisional one;
 * - a definitive value also replaces the provisional values of its period measured on or before
 *   its date (DUO's provisional figure of March and its definitive one of November are about the
 *   same school year). A provisional value dated after it still counts (a later, newer count).
 * Replaced values stay in `all` of their own moment or drop out entirely; nothing is deleted.
 */
export function effectivePerMoment<M extends MeasurementValue>(ms: readonly M[]): Effective<M>[] {
  const byMoment = new Map<string, M[]>();
  for (const m of ms) {
    const k = `${m.period.start}|${m.period.end}|${m.date}`;
    byMoment.set(k, [...(byMoment.get(k) ?? []), m]);
  }
  const moments: Effective<M>[] = [];
  for (const list of byMoment.values()) {
    const all = [...list].sort((a, b) => cmp(a.recordedAt, b.recordedAt));
    const definitive = all.filter((m) => m.status === 'definitief');
    moments.push({ current: definitive.length ? definitive[definitive.length - 1]! : all[all.length - 1]!, all });
  }
  const replaced = (e: Effective<M>) =>
    e.current.status === 'voorlopig' &&
    moments.some((o) => o.current.status === 'definitief' && o.current.period.start === e.current.period.start && o.current.period.end === e.current.period.end && o.current.date >= e.current.date);
  return moments.filter((e) => !replaced(e)).sort((a, b) => byPeriodThenDate(a.current, b.current));
}

/**
 * Adds up moments. Percentages known as numerator/denominator are pooled (Σ teller / Σ noemer),
 * never summed or averaged as percentages.
 */
export function combine(ms: readonly MeasurementValue[]): number | null {
  if (!ms.length) return null;
  if (ms.every((m) => m.numerator !== null && m.denominator !== null)) {
    const den = ms.reduce((s, m) => s + m.denominator!, 0);
    return den > 0 ? (ms.reduce((s, m) => s + m.numerator!, 0) / den) * 100 : null;
  }
  let sum = 0;
  for (const m of ms) {
    const v = valueOf(m);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/**
 * The value an indicator has for a target's period, from the values that count, given its aggregation:
 * - niveau: the latest value about a period inside the target's period;
 * - aantal: the values about periods inside the target's period added up (ratios pooled);
 * - cumulatief: the baseline plus every value since the baseline's date up to the end of the
 *   target's period (ratios pooled from their own numbers).
 * `date` is the day the value speaks for (see describedAt).
 */
export function aggregateValue(
  aggregation: Aggregation,
  effective: readonly MeasurementValue[],
  period: { start: string; end: string },
  baseline: { value: number | null; date: string | null },
): { value: number | null; date: string | null } {
  const sorted = [...effective].sort(byPeriodThenDate);
  const last = <T>(xs: T[]) => xs[xs.length - 1];
  if (aggregation === 'aantal' || aggregation === 'niveau') {
    const inside = sorted.filter((m) => within(m.period, period));
    const l = last(inside);
    if (!l) return { value: null, date: null };
    return { value: aggregation === 'niveau' ? valueOf(l) : combine(inside), date: describedAt(l) };
  }
  const upTo = sorted.filter((m) => m.period.end <= period.end);
  const l = last(upTo);
  if (!l) return { value: null, date: null };
  const since = upTo.filter((m) => !baseline.date || describedAt(m) > baseline.date);
  const pooled = since.length > 0 && since.every((m) => m.numerator !== null && m.denominator !== null);
  const added = combine(since);
  if (added === null) return { value: since.length ? null : baseline.value, date: describedAt(l) };
  return { value: pooled ? added : (baseline.value ?? 0) + added, date: describedAt(l) };
}

/** A target as the value(s) it stands for: a relative target on the baseline becomes a number. */
export function resolveTarget(spec: TargetSpec, baselineValue: number | null): { min: number; max: number } | null {
  switch (spec.kind) {
    case 'exact':
      return { min: spec.value, max: spec.value };
    case 'bereik':
      return { min: spec.min, max: spec.max };
    case 'relatief':
      if (baselineValue === null) return null;
      {
        const v = baselineValue * (1 + spec.percent / 100);
        const r = Math.round(v * 1e9) / 1e9;
        return { min: r, max: r };
      }
  }
}

/**
 * The target a period is measured against: of the targets in force, those whose period holds all of
 * it; the shortest of them (a school-year target inside a target for the whole programme). None
 * when no target's period holds it: a measurement is never compared with another period's target.
 */
export function targetFor<T extends Pick<TargetRevision, 'id' | 'supersedesId' | 'periodStart' | 'periodEnd'>>(revisions: readonly T[], period: { start: string; end: string }): T | null {
  const holding = currentTargets(revisions).filter((t) => within(period, { start: t.periodStart, end: t.periodEnd }));
  const length = (t: T) => Date.parse(t.periodEnd) - Date.parse(t.periodStart);
  return holding.sort((a, b) => length(a) - length(b) || cmp(b.periodStart, a.periodStart))[0] ?? null;
}

/** The targets that are in force: every revision not superseded by a later one. */
export function currentTargets<T extends Pick<TargetRevision, 'id' | 'supersedesId' | 'periodStart' | 'periodEnd'>>(revisions: readonly T[]): T[] {
  const superseded = new Set(revisions.map((r) => r.supersedesId).filter((x): x is string => !!x));
  return revisions.filter((r) => !superseded.has(r.id)).sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
}

/** The chain of a target, oldest first: the revision in force last. */
export function revisionChain<T extends Pick<TargetRevision, 'id' | 'supersedesId'>>(revisions: readonly T[], current: T): T[] {
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const chain: T[] = [current];
  let r: T | undefined = current;
  while (r?.supersedesId && (r = byId.get(r.supersedesId)) && !chain.includes(r)) chain.unshift(r);
  return chain;
}
