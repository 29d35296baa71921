/**
 * Planned participants, one definition for every screen and sheet: an activity plans a number of
 * young people per school year; its total is the sum of those years, and a measure's (or a
 * programme's) figures are the sums over its activities, per school year and in total. The amount
 * per planned participant is the planned budget divided by that total. Counts are shown nl-NL
 * ("12.400").
 */
import { isSchoolYear, schoolYearOf, schoolYearsBetween } from './results/schoolYear';
import { describedAt } from './results/periods';
import { effectivePerMoment, valueOf } from './results/values';
import type { MeasurementValue } from './results/types';
import { t } from './i18n/nl';

export interface YearCount {
  schoolYear: string;
  count: number;
}

export interface Participants {
  /** Per school year, in order. */
  perYear: YearCount[];
  total: number;
}

/** The planned participants of one activity, or the sum over several activities. */
export function sumParticipants(lists: readonly (readonly YearCount[])[]): Participants {
  const byYear = new Map<string, number>();
  for (const list of lists) for (const p of list) byYear.set(p.schoolYear, (byYear.get(p.schoolYear) ?? 0) + (Number(p.count) || 0));
  const perYear = [...byYear.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([schoolYear, count]) => ({ schoolYear, count }));
  return { perYear, total: perYear.reduce((s, p) => s + p.count, 0) };
}

/**
 * Participants reached per school year, from the built-in indicator's measurements by the results'
 * own rule (a count per period: the values that count, definitive before provisional, added up per
 * school year they speak for).
 */
export function reachedPerYear(ms: readonly MeasurementValue[]): YearCount[] {
  const lists = effectivePerMoment(ms).map((e) => e.current);
  const byYear = new Map<string, number>();
  for (const m of lists) {
    const v = valueOf(m);
    if (v === null) continue;
    const y = schoolYearOf(describedAt(m));
    byYear.set(y, (byYear.get(y) ?? 0) + v);
  }
  return sumParticipants([[...byYear].map(([schoolYear, count]) => ({ schoolYear, count }))]).perYear;
}

/** "12.400": a count as people in the Netherlands read it; null is "—". */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The school years a programme runs through ("2016/2017" … "2019/2020"). */
export function programmeSchoolYears(programme: { periodStart: string; periodEnd: string }): string[] {
  return schoolYearsBetween(programme.periodStart, programme.periodEnd);
}

/** The school year an activity's "1e jaar" is: that of its start date, else the programme's first. */
export function firstSchoolYear(activityStart: string | null | undefined, programme: { periodStart: string; periodEnd: string }): string {
  const years = programmeSchoolYears(programme);
  const own = activityStart ? schoolYearOf(activityStart) : null;
  return own && years.includes(own) ? own : (years[0] ?? schoolYearOf(programme.periodStart));
}

const shift = (year: string, by: number) => {
  const y = Number(year.slice(0, 4)) + by;
  return `${y}/${y + 1}`;
};

/**
 * Reads numbers per year as plans write them, relative to the activity's first school year:
 * "1e jaar 400, 2e jaar 800, 3e jaar 1000, 4e jaar 1000", "jaar 1: 400; jaar 2: 800", one per line,
 * or just "400, 800, 1000, 1000" (in order from the first year). Thousands may have a dot ("1.000").
 * Nothing is guessed: what cannot be read is reported and left out.
 */
export function parseRelativeYears(text: string, first: string): { rows: YearCount[]; errors: string[] } {
  const rows: YearCount[] = [];
  const errors: string[] = [];
  if (!isSchoolYear(first)) return { rows, errors: [t('participants.noFirstYear')] };
  const parts = text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  parts.forEach((part, i) => {
    const m = /^(?:(\d{1,2})\s*(?:e|ste|de)?\s*jaar|jaar\s*(\d{1,2}))\s*[:=]?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:\s*deelnemers)?$/i.exec(part) ?? /^()()(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(part);
    if (!m) return void errors.push(t('participants.unreadable', { part }));
    const n = m[1] || m[2] ? Number(m[1] || m[2]) : i + 1;
    if (n < 1 || n > 20) return void errors.push(t('participants.badYear', { part }));
    const count = Number(m[3]!.replace(/\./g, ''));
    const schoolYear = shift(first, n - 1);
    if (rows.some((r) => r.schoolYear === schoolYear)) return void errors.push(t('participants.twice', { part, year: schoolYear }));
    rows.push({ schoolYear, count });
  });
  return { rows: rows.sort((a, b) => (a.schoolYear < b.schoolYear ? -1 : 1)), errors };
}
