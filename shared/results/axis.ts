/**
 * The value axis of every trend chart, one rule: counts and amounts start at 0, and so do
 * percentages that lie low (a VSV rate of 2%); percentages that lie high (a 97% rate) start at a
 * round base at least 10 percentage points below the highest value, so a difference of one point
 * never fills the whole chart. Bottom, middle and top are labelled, so the scale is always read.
 */
export interface Axis {
  lo: number;
  hi: number;
  ticks: number[];
}

/** The next round number at or above v: 2,3 -> 2,5; 98 -> 100; 430 -> 450. */
function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const step = 10 ** Math.floor(Math.log10(v)) / 2;
  return Math.ceil(v / step - 1e-9) * step;
}

export function valueAxis(values: readonly number[], kind: 'count' | 'percentage'): Axis {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 1;
  let lo: number;
  let hi: number;
  if (kind === 'percentage' && min >= 50) {
    lo = Math.max(0, Math.floor(Math.min(min, max - 10) / 10) * 10);
    hi = Math.min(100, Math.max(niceCeil(max), lo + 10));
    if (max > 100) hi = niceCeil(max);
  } else {
    lo = Math.min(0, min);
    hi = max > lo ? niceCeil(max) : lo + 1;
    if (hi <= lo) hi = lo + 1;
  }
  return { lo, hi, ticks: [lo, (lo + hi) / 2, hi] };
}
