/** Small helpers shared by the bench scripts. */
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  bench: string;
  metric: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** 95th percentile, where a script measures enough runs for one. */
  p95Ms?: number;
  /** Size of the answer in bytes (JSON as sent by the browser host). */
  bytes?: number;
  reference?: { what: string; medianMs: number };
  /** What the figures are in: milliseconds (default) or megabytes (peak memory). */
  unit?: 'ms' | 'MB';
  /** The target for this row, and whether this run met it (printed in its own column). */
  target?: { text: string; met: boolean };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function row(bench: string, metric: string, samples: number[], reference?: { what: string; samples: number[] }): BenchRow {
  return {
    bench,
    metric,
    runs: samples.length,
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    ...(reference ? { reference: { what: reference.what, medianMs: median(reference.samples) } } : {}),
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

/** Each bench script prints its rows on one line with this prefix; bench/run.ts collects them. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

export function report(rows: BenchRow[]): void {
  console.log(RESULT_PREFIX + JSON.stringify(rows));
}
