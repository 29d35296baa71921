/**
 * The values in a DUO file: counts and percentages in the file's own number style (found once per
 * file: "1.234" and "2,02%" in older files, "1234" and "2.02" in newer ones), values DUO suppressed
 * for privacy (e.g. -1), school years in their several spellings, and DUO's names for types of
 * education. Nothing is guessed: what cannot be read says so, in Dutch.
 */
import { parsePeriod, periodCode, periodOf } from '../../../shared/results/periods';
import type { Onderwijssoort } from './plan';
import { headerNorm } from './columns';

export interface NumberStyle {
  decimal: ',' | '.';
  thousands: '.' | ',' | null;
}

/**
 * The style of the numbers in these cells. A decimal part of one or two digits ("2,02", "0.5") or
 * both marks in one number decide; a comma-separated file cannot use the comma inside unquoted
 * numbers; otherwise DUO's Dutch style (decimal comma, thousands dot).
 */
export function detectNumberStyle(samples: string[], separator: string | null): NumberStyle {
  let comma = 0;
  let dot = 0;
  for (const raw of samples) {
    const s = raw.replace(/[%\s]/g, '');
    if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^-?\d+,\d{1,2}$/.test(s) || /^-?\d+,\d{4,}$/.test(s)) comma++;
    else if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^-?\d+\.\d{1,2}$/.test(s) || /^-?\d+\.\d{4,}$/.test(s)) dot++;
  }
  if (dot > comma) return { decimal: '.', thousands: ',' };
  if (comma > dot) return { decimal: ',', thousands: '.' };
  return separator === ',' ? { decimal: '.', thousands: null } : { decimal: ',', thousands: '.' };
}

export type Parsed = { kind: 'value'; value: number } | { kind: 'empty' } | { kind: 'suppressed'; text: string } | { kind: 'bad'; text: string };

// DUO marks counts it withholds for privacy; a negative count (-1) means the same.
const SUPPRESSED = new Set(['*', '-', 'x', '.', '<5', '<=5', '≤5', '<10', 'nvt', 'n.v.t.', 'onderdrukt', 'privacy', 'geheim']);

/** A number in the file's style; a percentage may end in "%". */
export function parseNumber(raw: string, style: NumberStyle, opts: { percent?: boolean } = {}): Parsed {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  const compact = text.replace(/\s+/g, '').toLowerCase();
  if (SUPPRESSED.has(compact)) return { kind: 'suppressed', text };
  let s = compact;
  if (opts.percent) s = s.replace(/%$/, '');
  if (style.thousands) s = s.split(style.thousands).join('');
  if (style.decimal === ',') s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { kind: 'bad', text };
  const value = Number(s);
  if (value < 0) return { kind: 'suppressed', text };
  return { kind: 'value', value };
}

/**
 * "2016/2017", "2016-2017", "2016/17", "schooljaar 2016-2017": the school year, read as the results'
 * reporting periods read it (shared/results/periods.ts) so a DUO figure is about the same school year
 * as a measurement; "2016": a single year, which is a school year only by the user's choice.
 */
export function parseSchoolYear(raw: string, yearIs: 'begin' | 'eind' | null): { schoolYear: string } | { single: number } | { bad: string } {
  const s = raw.trim().toLowerCase().replace(/^(schooljaar|sj|jaar)\s*/, '');
  // "2016/17": DUO's short form of the second year.
  const short = /^(\d{4})\s*[-/–]\s*(\d{2})$/.exec(s);
  const text = short ? `${short[1]}/${Math.floor(Number(short[1]) / 100) * 100 + Number(short[2])}` : s.replace('–', '-');
  const p = parsePeriod(text);
  if (p?.kind === 'schooljaar') return { schoolYear: periodCode(p) };
  if (p?.kind === 'kalenderjaar') {
    const y = Number(text);
    if (y < 1990 || y > 2100) return { bad: raw };
    if (!yearIs) return { single: y };
    return { schoolYear: periodCode(periodOf('schooljaar', yearIs === 'begin' ? `${y}-08-01` : `${y}-07-31`)) };
  }
  return { bad: raw };
}

export type SoortOutcome = { soort: Onderwijssoort } | { skip: 'total' | 'outside' } | { unknown: true };

/**
 * DUO's type of education (and year) to Regieboek's six kinds of VSV figure. Totals are skipped (they
 * would count twice), and so are kinds Regieboek has no figure for (vso, pro, vavo).
 */
export function soortOf(raw: string): SoortOutcome {
  const s = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
  const n = headerNorm(raw);
  if (!n) return { unknown: true };
  if (/totaal|total/.test(n)) return { skip: 'total' };
  if (/^(vso|pro|praktijkonderwijs|vavo|voortgezetspeciaal)/.test(n) || /\b(vso|pro|vavo)\b/.test(s)) return { skip: 'outside' };
  const year = /(?:leerjaar|lj|jaar)\s*([1-6])\b/.exec(s)?.[1] ?? /\b([1-6])$/.exec(s)?.[1];
  // "vmbo" holds "mbo": it is looked at first.
  if (/vmbo/.test(n) || /\b(bb|kb|gl|tl|gt)\b/.test(s)) {
    if (/bovenbouw/.test(n)) return { soort: 'vmbo_bovenbouw' };
    if (/onderbouw/.test(n)) return { soort: 'vo_onderbouw' };
    if (year) return { soort: Number(year) <= 2 ? 'vo_onderbouw' : 'vmbo_bovenbouw' };
    return { unknown: true };
  }
  if (/mbo|entree|\b(bol|bbl)\b/.test(n) || /\b(bol|bbl)\b/.test(s)) {
    if (/entree|niveau ?1\b|\bn ?1\b|mbo ?1\b/.test(s) || /niveau1$|mbo1$|n1$/.test(n)) return { soort: 'mbo1' };
    if (/niveau ?2\b|\bn ?2\b|mbo ?2\b/.test(s) || /niveau2$|mbo2$|n2$/.test(n)) return { soort: 'mbo2' };
    if (/niveau ?(3|4|3 ?\/ ?4|3 ?en ?4)\b|\bn ?(3|4)\b|mbo ?(3|4|3\/4)\b/.test(s) || /(niveau|mbo|n)(3|4|34|3en4)$/.test(n)) return { soort: 'mbo34' };
    return { unknown: true };
  }
  if (/onderbouw|brugjaar|brugklas/.test(n)) return { soort: 'vo_onderbouw' };
  if (/havo|vwo|atheneum|gymnasium/.test(n)) {
    if (/bovenbouw/.test(n)) return { soort: 'havo_vwo_bovenbouw' };
    if (year) return { soort: Number(year) <= 3 ? 'vo_onderbouw' : 'havo_vwo_bovenbouw' };
    return { unknown: true };
  }
  return { unknown: true };
}

/** "voorlopig"/"definitief" (also V/D, prov./def.); null when the text says neither. */
export function statusOf(raw: string): 'voorlopig' | 'definitief' | null {
  const n = headerNorm(raw);
  if (n === 'v' || n.startsWith('voorl') || n.startsWith('prov')) return 'voorlopig';
  if (n === 'd' || n.startsWith('def')) return 'definitief';
  return null;
}

/** A file DUO names "…voorlopig…" or "…definitief…" says which figures it holds. */
export function statusFromFileName(name: string): 'voorlopig' | 'definitief' | null {
  const n = name.toLowerCase();
  const v = /voorlopig/.test(n);
  const d = /definitief/.test(n);
  return v === d ? null : v ? 'voorlopig' : 'definitief';
}
