/** Numbers as people in the Netherlands read them: 1.234,5 and 12,5%. Built by hand, same output everywhere. */
import { formatCents } from '../money';
import type { Unit } from './types';
import { t } from '../i18n/nl';

export function formatNumber(n: number, maxDecimals = 2): string {
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const [whole, frac = ''] = fixed.split('.');
  const trimmed = frac.replace(/0+$/, '');
  const body = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (trimmed ? `,${trimmed}` : '');
  return (neg && body.replace(/[0.,]/g, '') !== '' ? '-' : '') + body;
}

/** A value in its unit: "12,5%", "€ 1.234,56" (euro values are cents), "14 dagen", "1.234". */
export function formatIndicatorValue(unit: Unit, v: number | null, freeUnit = ''): string {
  if (v === null || Number.isNaN(v)) return '—';
  switch (unit) {
    case 'percentage':
      return `${formatNumber(v, 2)}%`;
    case 'euro':
      return formatCents(Math.round(v));
    case 'dagen':
      return `${formatNumber(v, 1)} ${v === 1 ? 'dag' : 'dagen'}`;
    case 'aantal':
      return formatNumber(v, 1);
    case 'vrij':
      return freeUnit ? `${formatNumber(v, 2)} ${freeUnit}` : formatNumber(v, 2);
  }
}

export function formatRange(unit: Unit, r: { min: number; max: number } | null, freeUnit = ''): string {
  if (!r) return '—';
  if (r.min === r.max) return formatIndicatorValue(unit, r.min, freeUnit);
  return `${formatIndicatorValue(unit, r.min, freeUnit)} – ${formatIndicatorValue(unit, r.max, freeUnit)}`;
}

/**
 * Reads a number as typed in Dutch ("12,5", "1.234", "1.234,5"). Returns null for anything that is
 * not a number: a field with text is refused, never read as 0.
 */
export function parseNumberInput(s: string): number | null {
  const r = readNumberInput(s);
  return r.dot ? null : r.value;
}

/**
 * Reads a number as typed and says how: `dot` is true when a dot was read as the decimal sign
 * ("0.975", "97.5": a thousands group never starts with 0 and always has three digits), so a
 * field can show "Gelezen als 0,975%" instead of refusing or silently reading 975.
 */
export function readNumberInput(s: string): { value: number | null; dot: boolean } {
  const t = s.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(/^\u2212/, '-');
  if (!t) return { value: null, dot: false };
  if (/^-?\d+(,\d+)?$/.test(t)) return { value: Number(t.replace(',', '.')), dot: false };
  if (/^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(t)) return { value: Number(t.replace(/\./g, '').replace(',', '.')), dot: false };
  if (/^-?\d+\.\d+$/.test(t)) return { value: Number(t), dot: true };
  return { value: null, dot: false };
}

/**
 * How a percentage field read what was typed: "Gelezen als 97,5%." (and, when a dot was read as
 * the decimal sign, that it was), so "0.975" never silently becomes 975 or 0,975% unseen.
 */
export function percentReading(s: string): string | undefined {
  const r = readNumberInput(s);
  if (r.value === null) return undefined;
  return t(r.dot ? 'val.readAsDot' : 'val.readAs', { value: `${formatNumber(r.value, 6)}%` });
}

/** A percentage between 0 and 100 as typed, or the message that says how it was read and why it is refused. */
export function readPercentage(s: string): { value: number | null; error?: string } {
  const r = readNumberInput(s);
  if (r.value === null) return { value: null, error: t('val.number') };
  if (r.value < 0 || r.value > 100) return { value: null, error: `${percentReading(s)} ${t('val.percentRangeFull')}` };
  return { value: r.value };
}
