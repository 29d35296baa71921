/**
 * The example region is written as it looked on one day (WRITTEN_ON): a programme in its third
 * school year, two monitoring rounds held, figures up to November. Seeded on a later (or earlier)
 * day, every date and every year in its texts moves by whole years, so the running programme is
 * as far along on the clock's today as it was on that day, and nothing in it lies in the future.
 * School years keep their 1 August start; 29 February becomes 28 February in a common year.
 */
import { isValidIsoDate } from '../../../shared/dates';

export const WRITTEN_ON = '2026-11-23';

/** Whole years n with WRITTEN_ON + n years <= today < WRITTEN_ON + (n + 1) years. */
export function yearsSinceWritten(today: string): number {
  const n = Number(today.slice(0, 4)) - Number(WRITTEN_ON.slice(0, 4));
  return today.slice(5) < WRITTEN_ON.slice(5) ? n - 1 : n;
}

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export class DemoCalendar {
  constructor(readonly years: number) {}

  static on(today: string): DemoCalendar {
    return new DemoCalendar(yearsSinceWritten(today));
  }

  year(y: number): number {
    return y + this.years;
  }

  /** An ISO date (or timestamp) as written, moved to the clock's year. */
  date(iso: string): string {
    const y = this.year(Number(iso.slice(0, 4)));
    const md = iso.slice(5, 10) === '02-29' && !leap(y) ? '02-28' : iso.slice(5, 10);
    return `${y}-${md}${iso.slice(10)}`;
  }

  /** A text as written: every date (2026-11-01) and year (2026, 2024/2025, 2024-2028) in it moved. */
  text(s: string): string {
    if (!this.years) return s;
    return s.replace(/\b((?:19|20)\d{2})(-\d{2}-\d{2})?\b/g, (m, y: string, md?: string) => (md && isValidIsoDate(m) ? this.date(m) : String(this.year(Number(y))) + (md ?? '')));
  }

  /** Every string in a plain data value moved with text(); ids (id, fooId, fooIds), numbers and the rest stay. */
  deep<T>(v: T): T {
    if (typeof v === 'string') return this.text(v) as T;
    if (Array.isArray(v)) return v.map((x) => this.deep(x)) as T;
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, /^id$|Ids?$/.test(k) ? x : this.deep(x)])) as T;
    return v;
  }
}
