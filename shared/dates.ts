/** Dates are ISO strings (yyyy-mm-dd) in the store and dd-mm-jjjj on screen. */
import { t as tr } from './i18n/nl';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The calendar date of a moment in local time, as yyyy-mm-dd. */
export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "2026-07-31" -> "31-07-2026". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso.slice(0, 10));
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * The users' time zone. Regieboek is used by Dutch regional offices; a moment is shown in Dutch
 * time whatever zone the process runs in (the core and the browser host may run in UTC).
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const CLOCK = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function zonedParts(d: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const out: Record<string, string> = {};
  for (const part of CLOCK.formatToParts(d)) out[part.type] = part.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** The calendar date of a moment in Dutch time, as yyyy-mm-dd. */
export function dutchIsoDate(d: Date): string {
  const p = zonedParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "2026-11-23T14:05:00.000Z" -> "23-11-2026 15:05" in Dutch time (summer time included). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = zonedParts(d);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/**
 * Why a typed date is refused, in Dutch, or null when it is a date. A date in the right shape
 * whose day does not exist ("31-2-2017") is told so, with the number of days of that month.
 */
export function dateInputProblem(s: string): string | null {
  const t = s.trim();
  if (parseDateInput(t) !== null) return null;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t) ?? (/^(\d{4})-(\d{2})-(\d{2})$/.exec(t) && [t, t.slice(8, 10), t.slice(5, 7), t.slice(0, 4)]);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12) return tr('val.dateNoMonth', { value: t, month: mo });
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return tr('val.dateNoDay', { value: t, month: MONTHS[mo - 1]!, year: y, days, day: d });
  }
  return tr('val.date');
}

/** The message for a date field that could not be read (the generic one when nothing more is known). */
export const dateError = (s: string): string => dateInputProblem(s) ?? tr('val.date');

/** Accepts "31-07-2026", "31-7-2026", "31/07/2026" and ISO; returns ISO or null. */
export function parseDateInput(s: string): string | null {
  const t = s.trim();
  if (ISO.test(t)) return isValidIsoDate(t) ? t : null;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** The school year (1 Aug - 31 Jul) a date falls in, as "2025/2026". */
export function schoolYearOf(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const start = m >= 8 ? y : y - 1;
  return `${start}/${start + 1}`;
}
