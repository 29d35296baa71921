/**
 * Budget routes, the pure part (no DOM): #/begroting/<programme>/<tab>/<key=value>... Every figure
 * links to its filter, so a drill-down is one click and a reload keeps it.
 */
import type { BudgetFilter } from '../../../shared/schemas/budget';

export type Filter = Omit<BudgetFilter, 'programmeId'>;

const keys: [string, keyof Filter][] = [
  ['maatregel', 'measureId'],
  ['activiteit', 'activityId'],
  ['jaar', 'year'],
  ['bron', 'fundingSource'],
  ['categorie', 'category'],
  ['partner', 'partnerId'],
  ['regels', 'lineIds'],
  ['cofinanciering', 'cofin'],
];

export function filterParts(f: Filter): string[] {
  const out: string[] = [];
  for (const [name, k] of keys) {
    const v = f[k];
    if (v === undefined) continue;
    if (k === 'cofin') {
      if (v === true) out.push(`${name}=ja`);
    } else if (k === 'partnerId' && v === null) out.push(`${name}=geen`);
    else if (Array.isArray(v)) out.push(`${name}=${v.join(',')}`);
    else out.push(`${name}=${String(v)}`);
  }
  return out;
}

export function parseFilter(parts: string[]): Filter {
  const f: Record<string, unknown> = {};
  for (const p of parts) {
    const i = p.indexOf('=');
    if (i < 0) continue;
    const name = p.slice(0, i);
    const v = p.slice(i + 1);
    const k = keys.find(([n]) => n === name)?.[1];
    if (!k) continue;
    if (k === 'year') f.year = Number(v);
    else if (k === 'lineIds') f.lineIds = v.split(',').filter(Boolean);
    else if (k === 'cofin') f.cofin = v === 'ja';
    else if (k === 'partnerId') f.partnerId = v === 'geen' ? null : v;
    else f[k] = v;
  }
  return f as Filter;
}

export const TABS = ['overzicht', 'bronnen', 'partners', 'categorieen', 'toekenningen', 'regels', 'bestedingen', 'controles'] as const;
export type Tab = (typeof TABS)[number];
