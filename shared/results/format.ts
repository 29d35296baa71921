/** Numbers as people in the Netherlands read them: 1.234,5 and 12,5%. Built by hand, same output everywhere. */
import { formatCents } from '../money';
import type { Unit } from './types';

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
  const t = s.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(/^\u2212/, '-');
  if (!t) return null;
  if (/^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  return null;
}
