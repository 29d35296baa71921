/**
 * The core's one clock. Every "today" and "now" in the core comes from here, so the date a status,
 * an overdue action or the example region depends on can be set: REGIEBOEK_TODAY=yyyy-mm-dd for
 * the CLI and the browser host, `setToday` (through makeCore({ today })) in tests. Nothing else in
 * the core reads the system date.
 */
import { isValidIsoDate, localIsoDate } from '../../shared/dates';
import { UserError } from './errors';
import { t } from '../../shared/i18n/nl';

let fixed: string | null = null;

/** Fixes today for this process (tests); null hands the clock back to REGIEBOEK_TODAY or the system. */
export function setToday(iso: string | null): void {
  if (iso !== null && !isValidIsoDate(iso)) throw new Error(`setToday: not an ISO date: ${iso}`);
  fixed = iso;
}

function setDate(): string | null {
  if (fixed) return fixed;
  const env = process.env.REGIEBOEK_TODAY?.trim();
  if (!env) return null;
  if (!isValidIsoDate(env)) throw new UserError('invalid_input', t('err.badToday', { value: env }));
  return env;
}

/** Today as yyyy-mm-dd in local time. */
export function today(): string {
  return setDate() ?? localIsoDate(new Date());
}

/**
 * Now as an ISO timestamp (UTC), for change sets and "made at" stamps. With a set date the time of
 * day still runs, so stamps within a session keep their order and fall on the set day.
 */
export function now(): Date {
  const real = new Date();
  const set = setDate();
  if (!set) return real;
  const realToday = localIsoDate(real);
  if (set === realToday) return real;
  const [y, m, d] = set.split('-').map(Number) as [number, number, number];
  const shifted = new Date(real);
  shifted.setFullYear(y, m - 1, d);
  return shifted;
}

export const nowIso = (): string => now().toISOString();
