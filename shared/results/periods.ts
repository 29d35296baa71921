/**
 * Reporting periods. Every measurement and every target is about a period; a measurement keeps its
 * own date (when it was measured or published) apart from it. Kinds: a school year (1 Aug - 31 Jul),
 * a calendar year, a calendar half year, a calendar quarter, or a custom range ("vrij").
 *
 * A period has a code, the same in the store's exports, the CLI and Excel: "2016/2017", "2017",
 * "2017-H1", "2017-K3", "2017-01-01/2017-03-15"; and a Dutch label for screens: "2016/2017", "2017",
 * "1e halfjaar 2017", "3e kwartaal 2017", "01-01-2017 – 15-03-2017".
 */
import { formatDate, isValidIsoDate, parseDateInput } from '../dates';

export const PERIOD_KINDS = ['schooljaar', 'kalenderjaar', 'halfjaar', 'kwartaal', 'vrij'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** The kinds that follow each other without gaps, so "the period before" exists. */
export type FixedPeriodKind = Exclude<PeriodKind, 'vrij'>;

export interface Period {
  kind: PeriodKind;
  /** First day, ISO. */
  start: string;
  /** Last day, ISO (inclusive). */
  end: string;
}

/** Which period a measurement moment reports on: the one it falls in, or the one that ended before it. */
export const MOMENT_PERIODS = ['lopend', 'vorig'] as const;
export type MomentPeriod = (typeof MOMENT_PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ym = (iso: string) => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)) });

/** Months a period of this kind lasts, and the month it starts in (school years start in August). */
const SHAPE: Record<FixedPeriodKind, { months: number; firstMonth: number }> = {
  schooljaar: { months: 12, firstMonth: 8 },
  kalenderjaar: { months: 12, firstMonth: 1 },
  halfjaar: { months: 6, firstMonth: 1 },
  kwartaal: { months: 3, firstMonth: 1 },
};

/** The period of a fixed kind that starts in year y, month m (m may run past 12). */
function fromStart(kind: FixedPeriodKind, y: number, m: number): Period {
  const sy = y + Math.floor((m - 1) / 12);
  const sm = ((m - 1) % 12) + 1;
  const endAbs = sm - 1 + SHAPE[kind].months; // 1-based month of the last month, relative to sy
  const ey = sy + Math.floor((endAbs - 1) / 12);
  const em = ((endAbs - 1) % 12) + 1;
  return { kind, start: `${sy}-${pad(sm)}-01`, end: `${ey}-${pad(em)}-${pad(lastDay(ey, em))}` };
}

/** The period of a kind that holds the date. */
export function periodOf(kind: FixedPeriodKind, date: string): Period {
  const { y, m } = ym(date);
  const { months, firstMonth } = SHAPE[kind];
  // Months since the first start month of year y, rounded down to whole periods.
  const offset = (((m - firstMonth) % 12) + 12) % 12;
  const startYear = m >= firstMonth ? y : y - 1;
  const startMonth = firstMonth + Math.floor(offset / months) * months;
  return fromStart(kind, startYear, startMonth);
}

/** The period of the same kind right before / after this one. */
export function shiftPeriod(p: Period, by: -1 | 1): Period {
  if (p.kind === 'vrij') throw new Error('A custom range has no neighbour');
  const { y, m } = ym(p.start);
  const months = SHAPE[p.kind].months * by;
  const abs = y * 12 + (m - 1) + months;
  return fromStart(p.kind, Math.floor(abs / 12), (abs % 12) + 1);
}

/** Every period of a kind that overlaps start..end, in order. */
export function periodsBetween(kind: FixedPeriodKind, start: string, end: string): Period[] {
  if (!isValidIsoDate(start) || !isValidIsoDate(end) || end < start) return [];
  const out: Period[] = [];
  for (let p = periodOf(kind, start); p.start <= end; p = shiftPeriod(p, 1)) out.push(p);
  return out;
}

/** The kind a date range is, read from its days: 2016-08-01..2017-07-31 is a school year. */
export function classifyRange(start: string, end: string): Period {
  for (const kind of ['schooljaar', 'kalenderjaar', 'halfjaar', 'kwartaal'] as const) {
    const p = periodOf(kind, start);
    if (p.start === start && p.end === end) return p;
  }
  return { kind: 'vrij', start, end };
}

/** Is this a real period: valid days in order, and for a fixed kind exactly one period of it? */
export function isValidPeriod(p: Period): boolean {
  if (!isValidIsoDate(p.start) || !isValidIsoDate(p.end) || p.end < p.start) return false;
  if (p.kind === 'vrij') return true;
  const q = periodOf(p.kind, p.start);
  return q.start === p.start && q.end === p.end;
}

export const samePeriod = (a: Pick<Period, 'start' | 'end'>, b: Pick<Period, 'start' | 'end'>): boolean => a.start === b.start && a.end === b.end;

/** Does `outer` hold all of `inner`? */
export const within = (inner: Pick<Period, 'start' | 'end'>, outer: Pick<Period, 'start' | 'end'>): boolean => inner.start >= outer.start && inner.end <= outer.end;

/**
 * The day a measurement speaks for: its date, or the last day of its period when it was measured
 * after the period ended (the November figure about 2016/2017 describes 31-07-2017).
 */
export const describedAt = (m: { date: string; period: Pick<Period, 'end'> }): string => (m.date < m.period.end ? m.date : m.period.end);

// ---- Codes and labels

export function periodCode(p: Period): string {
  const { y, m } = ym(p.start);
  switch (p.kind) {
    case 'schooljaar':
      return `${y}/${y + 1}`;
    case 'kalenderjaar':
      return String(y);
    case 'halfjaar':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'kwartaal':
      return `${y}-K${Math.ceil(m / 3)}`;
    case 'vrij':
      return `${p.start}/${p.end}`;
  }
}

export function periodLabel(p: Period): string {
  const { y, m } = ym(p.start);
  switch (p.kind) {
    case 'halfjaar':
      return `${m <= 6 ? 1 : 2}e halfjaar ${y}`;
    case 'kwartaal':
      return `${Math.ceil(m / 3)}e kwartaal ${y}`;
    case 'vrij':
      return `${formatDate(p.start)} – ${formatDate(p.end)}`;
    default:
      return periodCode(p);
  }
}

/**
 * Reads a period as people and files write it: "2016/2017" and "2016-2017", "2017", "2017-H1",
 * "H1 2017", "1e halfjaar 2017", "2017-K2", "K2 2017", "Q2 2017", "2e kwartaal 2017",
 * "2017-01-01/2017-03-15", "01-01-2017 – 15-03-2017" or "01-01-2017 t/m 15-03-2017".
 * Returns null for anything else (never a guess).
 */
export function parsePeriod(text: string): Period | null {
  const s = text.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4}) ?[/-] ?(\d{4})$/.exec(s);
  if (m) return Number(m[2]) === Number(m[1]) + 1 ? fromStart('schooljaar', Number(m[1]), 8) : null;
  if (/^\d{4}$/.test(s)) return fromStart('kalenderjaar', Number(s), 1);
  const half = yearAndNumber(s, /^(\d{4})-?H([12])$/i, [/^H([12]) (\d{4})$/i, /^([12])e halfjaar (\d{4})$/i]);
  if (half) return fromStart('halfjaar', half.year, half.n === 1 ? 1 : 7);
  const quarter = yearAndNumber(s, /^(\d{4})-?[KQ]([1-4])$/i, [/^[KQ]([1-4]) (\d{4})$/i, /^([1-4])e kwartaal (\d{4})$/i]);
  if (quarter) return fromStart('kwartaal', quarter.year, (quarter.n - 1) * 3 + 1);
  const day = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})`;
  m = new RegExp(`^${day} ?(?:/|–|-|t/m|tot en met) ?${day}$`, 'i').exec(s);
  if (m) {
    const a = parseDateInput(m[1]!);
    const b = parseDateInput(m[2]!);
    if (a && b && a <= b) return classifyRange(a, b);
  }
  return null;
}

/** A year and a number, written year-first ("2017-H1") or number-first ("H1 2017", "1e halfjaar 2017"). */
function yearAndNumber(s: string, yearFirst: RegExp, numberFirst: RegExp[]): { year: number; n: number } | null {
  const m = yearFirst.exec(s);
  if (m) return { year: Number(m[1]), n: Number(m[2]) };
  for (const re of numberFirst) {
    const x = re.exec(s);
    if (x) return { year: Number(x[2]), n: Number(x[1]) };
  }
  return null;
}

// ---- Which period a moment reports on

/**
 * The default for a moment (MM-DD) of an indicator whose periods are of this kind: the period that
 * ended before it when the moment lies in the first month of a period (a count on 1 August closes
 * the school year before it); in a school year also in November and December, when DUO publishes
 * the figures about the school year that ended. Otherwise the period the moment lies in
 * (peildatum 1 oktober counts for the running school year).
 */
export function defaultMomentPeriod(kind: PeriodKind, monthDay: string): MomentPeriod {
  const month = Number(monthDay.slice(0, 2));
  if (kind === 'vrij') return 'lopend';
  if (kind === 'schooljaar') return month === 8 || month === 11 || month === 12 ? 'vorig' : 'lopend';
  const { months, firstMonth } = SHAPE[kind];
  return (((month - firstMonth) % months) + months) % months === 0 ? 'vorig' : 'lopend';
}

/**
 * The period a measurement on `date` reports on, for an indicator with periods of `kind` and a
 * moment rule. For custom ranges the indicator's own target periods are the periods: the one that
 * holds the date ("lopend") or the last one that ended before it ("vorig"); without one, the school
 * year rule applies.
 */
export function reportingPeriod(kind: PeriodKind, rule: MomentPeriod, date: string, targetPeriods: readonly Pick<Period, 'start' | 'end'>[] = []): Period {
  if (kind === 'vrij') {
    const sorted = [...targetPeriods].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
    const hit = rule === 'lopend' ? sorted.filter((p) => p.start <= date && date <= p.end).sort((a, b) => span(a) - span(b))[0] : sorted.filter((p) => p.end < date).pop();
    if (hit) return classifyRange(hit.start, hit.end);
    return reportingPeriod('schooljaar', rule, date);
  }
  const p = periodOf(kind, date);
  return rule === 'vorig' ? shiftPeriod(p, -1) : p;
}

const span = (p: Pick<Period, 'start' | 'end'>) => Date.parse(p.end) - Date.parse(p.start);

/**
 * The rule for a measurement dated `date` on an indicator with these moments: the rule of the moment
 * nearest the date (within `windowDays`), else "the period it falls in".
 */
export function momentRuleFor(spec: { kind: 'jaarlijks' | 'halfjaarlijks' | 'lijst'; dates: readonly string[]; periods: readonly MomentPeriod[] }, date: string, windowDays: number): MomentPeriod {
  let best: { d: number; rule: MomentPeriod } | null = null;
  const y = Number(date.slice(0, 4));
  spec.dates.forEach((md, i) => {
    const rule = spec.periods[i] ?? 'lopend';
    const candidates = spec.kind === 'lijst' ? [md] : [y - 1, y, y + 1].map((yy) => `${yy}-${md}`).filter(isValidIsoDate);
    for (const c of candidates) {
      const d = Math.abs(Date.parse(c) - Date.parse(date)) / 86_400_000;
      if (d <= windowDays && (!best || d < best.d)) best = { d, rule };
    }
  });
  return (best as { d: number; rule: MomentPeriod } | null)?.rule ?? 'lopend';
}

/**
 * The days periods of a programme may cover: its period widened to whole calendar years and whole
 * school years (a 01-08-2016 – 31-07-2020 programme takes periods from 01-01-2016 to 31-12-2020).
 * A period outside it belongs to another programme.
 */
export function programmeWindow(start: string, end: string): { start: string; end: string } {
  const sy = periodOf('schooljaar', start).start;
  const ey = periodOf('schooljaar', end).end;
  const jan = `${start.slice(0, 4)}-01-01`;
  const dec = `${end.slice(0, 4)}-12-31`;
  return { start: sy < jan ? sy : jan, end: ey > dec ? ey : dec };
}
