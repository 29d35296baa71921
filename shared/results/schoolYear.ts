/** School years run from 1 August to 31 July and are written "2025/2026". */
import { isValidIsoDate, schoolYearOf } from '../dates';

export { schoolYearOf };

export const SCHOOL_YEAR_RE = /^(\d{4})\/(\d{4})$/;

export function isSchoolYear(s: string): boolean {
  const m = SCHOOL_YEAR_RE.exec(s);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** First and last day of a school year: "2025/2026" -> 2025-08-01 .. 2026-07-31. */
export function schoolYearRange(year: string): { start: string; end: string } {
  const m = SCHOOL_YEAR_RE.exec(year);
  if (!m || !isSchoolYear(year)) throw new Error(`Not a school year: ${year}`);
  return { start: `${m[1]}-08-01`, end: `${m[2]}-07-31` };
}

/** Every school year that overlaps the period, in order. */
export function schoolYearsBetween(start: string, end: string): string[] {
  if (!isValidIsoDate(start) || !isValidIsoDate(end) || end < start) return [];
  const out: string[] = [];
  let y = Number(schoolYearOf(start).slice(0, 4));
  const last = Number(schoolYearOf(end).slice(0, 4));
  for (; y <= last; y++) out.push(`${y}/${y + 1}`);
  return out;
}

/** Is the date inside one of the school years of the period (the period widened to whole school years)? */
export function inSchoolYearsOf(date: string, periodStart: string, periodEnd: string): boolean {
  const years = schoolYearsBetween(periodStart, periodEnd);
  if (!years.length || !isValidIsoDate(date)) return false;
  return date >= schoolYearRange(years[0]!).start && date <= schoolYearRange(years[years.length - 1]!).end;
}

const DAY = 86_400_000;
export const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY).toISOString().slice(0, 10);
}
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}
