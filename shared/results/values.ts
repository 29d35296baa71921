/** Measured values: what a measurement is worth, which one counts per moment, and how moments add up. */
import type { Aggregation, CategoryCount, MeasurementValue, TargetRevision, TargetSpec } from './types';

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
  /** Every value for the moment, oldest first, the one that counts included. */
  all: M[];
}

/**
 * One value per measurement moment (date): the latest definitive one, else the latest provisional
 * one. Replaced values stay in `all`.
 */
export function effectivePerMoment<M extends MeasurementValue>(ms: readonly M[]): Effective<M>[] {
  const byDate = new Map<string, M[]>();
  for (const m of ms) {
    const list = byDate.get(m.date) ?? [];
    list.push(m);
    byDate.set(m.date, list);
  }
  const out: Effective<M>[] = [];
  for (const [, list] of [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const all = [...list].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
    const definitive = all.filter((m) => m.status === 'definitief');
    const current = definitive.length ? definitive[definitive.length - 1]! : all[all.length - 1]!;
    out.push({ current, all });
  }
  return out;
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

/** The value an indicator has for a period, as of a date, given its aggregation. */
export function aggregateValue(
  aggregation: Aggregation,
  effective: readonly MeasurementValue[],
  period: { start: string; end: string },
  baseline: { value: number | null; date: string | null },
): { value: number | null; date: string | null } {
  const sorted = [...effective].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (aggregation === 'aantal') {
    const inside = sorted.filter((m) => m.date >= period.start && m.date <= period.end);
    return { value: combine(inside), date: inside.length ? inside[inside.length - 1]!.date : null };
  }
  const upTo = sorted.filter((m) => m.date <= period.end);
  if (!upTo.length) return { value: null, date: null };
  const last = upTo[upTo.length - 1]!;
  if (aggregation === 'niveau') return { value: valueOf(last), date: last.date };
  const since = upTo.filter((m) => !baseline.date || m.date > baseline.date);
  const pooled = since.length > 0 && since.every((m) => m.numerator !== null && m.denominator !== null);
  const added = combine(since);
  if (added === null) return { value: since.length ? null : baseline.value, date: last.date };
  return { value: pooled ? added : (baseline.value ?? 0) + added, date: last.date };
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
