/**
 * Reading one cell as a typed value, and writing typed values so Excel shows them as numbers,
 * amounts, percentages, dates or plain text (never as a formula). Everything here is per cell; the
 * caller adds where the cell is (sheet, row, column) to every message.
 */
import type { WStyle, WValue } from './xlsx/writer';
import { parseMoney } from '../../../shared/money';
import { formatDate, isValidIsoDate, parseDateInput } from '../../../shared/dates';
import { MAX_CENTS } from '../../../shared/schemas/fields';
import { t } from '../../../shared/i18n/nl';
import { EXCEL_MAX_TEXT } from './text-limits';

export type CellType = 'id' | 'text' | 'longText' | 'money' | 'int' | 'decimal' | 'percent' | 'date' | 'datetime' | 'choice' | 'bool';

export interface Choice {
  value: string;
  label: string;
}

export interface CellRule {
  type: CellType;
  required?: boolean;
  allowNegative?: boolean;
  choices?: readonly Choice[];
  maxLength?: number;
  /** Stored value = value read × scale (a percentage stored as 0-100 is read as a fraction, scale 100). */
  scale?: number;
  /** A number format instead of the type's own (a year as 2026, not 2.026). */
  numFmt?: string;
}

export type CellValue = string | number | boolean | null;
export type CellRead = { ok: true; value: CellValue; note?: string } | { ok: false; message: string };

/** Ends a text that was too long for one Excel cell and was cut on export (see cutForExcel). */
export const CUT_MARK = ' [… ingekort door Regieboek]';

/**
 * A stored text longer than an Excel cell holds (only older data: every boundary now refuses such
 * texts) is cut, ending in CUT_MARK, with a note for the cell's comment; an import recognises the
 * cut text and leaves the stored one as it is. Null when the text fits.
 */
export function cutForExcel(s: string): { text: string; note: string } | null {
  if (s.length <= EXCEL_MAX_TEXT) return null;
  let keep = EXCEL_MAX_TEXT - CUT_MARK.length;
  // Never split a character made of two UTF-16 units (an emoji, say).
  if (/[\ud800-\udbff]/.test(s[keep - 1] ?? '')) keep--;
  return { text: s.slice(0, keep) + CUT_MARK, note: t('xl.write.cut', { length: nlInt(s.length), max: nlInt(EXCEL_MAX_TEXT), shown: nlInt(keep) }) };
}

const nlInt = (n: number) => n.toLocaleString('nl-NL');
/** Excel serial day numbers we accept as dates: 01-01-1990 up to 31-12-2100. */
const SERIAL_MIN = 32_874;
const SERIAL_MAX = 73_415;
const MAX_INT = 1_000_000_000;
const MAX_DECIMAL = 1e12;

// Format codes are stored in Excel's invariant (en-US) syntax; a Dutch Excel or LibreOffice shows
// '#,##0.00' as 1.234,56. '[$€-413]' is the euro sign of the nl-NL locale.
export const NUMFMT = {
  money: '[$€-413] #,##0.00;[$€-413] -#,##0.00',
  int: '#,##0',
  decimal: '#,##0.##',
  percent: '0.0%',
  year: '0',
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
  text: '@',
} as const;

/** A column's letters (1 = A, 27 = AA). */
export { colName as colLetter } from './xlsx/writer';

const fail = (message: string): CellRead => ({ ok: false, message });
/** A value read, with the note about it (a module function, not a closure per cell: imports read every cell). */
const done = (value: CellValue, note: string | undefined): CellRead => ({ ok: true, value, note });
/** A number times a scale, without binary noise (0.4 × 100 is 40, not 40.00000000000001). */
const scaled = (n: number, scale: number) => Math.round(n * scale * 1e9) / 1e9;
// Tab and line breaks are text; every other control character is not.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
const show = (v: unknown) => String(v).slice(0, 60);

/**
 * A cell to read: from the streaming reader (xlsx/reader.ts) or an exceljs cell (tests). `merged`
 * is the address of the merged range's top-left cell when this cell is covered by it.
 */
export interface CellLike {
  value: unknown;
  numFmt?: string;
  merged?: string;
  isMerged?: boolean;
  master?: { address: string };
  address?: string;
}

export interface ReadContext {
  /** The workbook counts days from 1904 (an old Mac): bare serial numbers are 1462 days later. */
  date1904?: boolean;
}

/** The value a cell holds, with formulas replaced by their cached result. */
function unwrap(cell: CellLike, rule: CellRule): { raw: unknown; note?: string } | { error: string } {
  const mergedWith = cell.merged ?? (cell.isMerged && cell.master && cell.master.address !== cell.address ? cell.master.address : undefined);
  if (mergedWith) return { error: t('xl.cell.merged', { master: mergedWith }) };
  let raw: unknown = cell.value;
  let note: string | undefined;
  if (raw && typeof raw === 'object' && !(raw instanceof Date)) {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const formula = String(o.formula || o.sharedFormula || '');
      if (rule.type === 'id') return { error: t('xl.cell.formulaInId') };
      const result = o.result;
      if (result === undefined || result === null || result === '') return { error: t('xl.cell.formulaNoResult', { formula }) };
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object))
        return { error: t('xl.cell.errorValue', { value: String((result as { error: unknown }).error) }) };
      note = t('xl.cell.formulaUsed', { formula });
      raw = result;
    } else if ('error' in o) return { error: t('xl.cell.errorValue', { value: String(o.error) }) };
    else if ('richText' in o) raw = (o.richText as { text: string }[]).map((r) => r.text).join('');
    else if ('text' in o) raw = typeof o.text === 'string' ? o.text : ((o.text as { richText?: { text: string }[] }).richText ?? []).map((r) => r.text).join('');
  }
  return { raw, note };
}

/** Day number -> yyyy-mm-dd, kept: a workbook holds many cells of few dates (an import reads them all). */
const isoOfDay = new Map<number, string>();

/** A moment as an ISO string, kept likewise (the moments of one import repeat: made at, changed at). */
const isoOfTime = new Map<number, string>();
function isoOfMoment(d: Date): string {
  const ms = d.getTime();
  let iso = isoOfTime.get(ms);
  if (iso === undefined) {
    if (isoOfTime.size >= 20_000) isoOfTime.clear();
    iso = d.toISOString();
    isoOfTime.set(ms, iso);
  }
  return iso;
}

function dateFromSerial(serial: number): string | null {
  const days = Math.round(serial);
  if (days < SERIAL_MIN || days > SERIAL_MAX) return null;
  let iso = isoOfDay.get(days);
  if (iso === undefined) {
    if (isoOfDay.size >= 20_000) isoOfDay.clear();
    iso = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
    isoOfDay.set(days, iso);
  }
  return iso;
}

const serialOf = (d: Date) => d.getTime() / 86_400_000 + 25_569;

/** One example of what to write, fitting the column: a count, a number, an amount, a percentage, a date. */
export function exampleFor(rule: Pick<CellRule, 'type'>): string {
  return t(`xl.example.${rule.type === 'int' ? 'int' : rule.type === 'money' ? 'money' : rule.type === 'percent' ? 'percent' : rule.type === 'date' || rule.type === 'datetime' ? 'date' : 'decimal'}`);
}

/** Plain numbers typed as text: Dutch first ("1.234,56", "0,4"), English where it cannot be Dutch ("1,234.56", "12.5"). */
export function parseNumberText(input: string, opts: { whole?: boolean } = {}): { ok: true; value: number } | { ok: false; message: string } {
  let s = input.replace(/[\s\u00a0\u202f]/g, '');
  let sign = 1;
  if (/^[-\u2212]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const example = exampleFor({ type: opts.whole ? 'int' : 'decimal' });
  const bad = { ok: false as const, message: t('xl.cell.notNumber', { value: show(input.trim()), example }) };
  const ambiguous = { ok: false as const, message: t(opts.whole ? 'xl.cell.ambiguousWhole' : 'xl.cell.ambiguousNumber', { value: show(input.trim()) }) };
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return bad;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  const groups3 = (whole: string, sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(whole);
  let normal: string;
  if (dots && commas) {
    const dutch = s.lastIndexOf(',') > s.lastIndexOf('.');
    const [whole, frac] = dutch ? [s.slice(0, s.lastIndexOf(',')), s.slice(s.lastIndexOf(',') + 1)] : [s.slice(0, s.lastIndexOf('.')), s.slice(s.lastIndexOf('.') + 1)];
    if (!groups3(whole, dutch ? '.' : ',') || /[.,]/.test(frac)) return ambiguous;
    normal = whole.replace(/[.,]/g, '') + '.' + frac;
  } else if (commas) {
    if (commas > 1) {
      if (!groups3(s, ',')) return ambiguous;
      normal = s.replace(/,/g, '');
    } else normal = s.replace(',', '.');
  } else if (dots) {
    if (groups3(s, '.')) {
      // "1.234" is 1234 in Dutch and 1.234 in English: only a whole-number column can tell.
      if (!opts.whole) return ambiguous;
      normal = s.replace(/\./g, '');
    } else if (dots === 1) normal = s;
    else return ambiguous;
  } else normal = s;
  const value = sign * Number(normal);
  if (!Number.isFinite(value)) return bad;
  return { ok: true, value };
}

/** Reads one cell as the column's type. Text in a number column is refused, never read as 0. */
export function readCell(cell: CellLike | undefined, rule: CellRule, ctx: ReadContext = {}): CellRead {
  if (!cell) return rule.required ? fail(t('xl.cell.required')) : { ok: true, value: null };
  let raw: unknown = cell.value;
  let note: string | undefined;
  // Most cells hold a plain value outside a merged range: nothing to unwrap (an import reads them all).
  if (cell.merged !== undefined || cell.isMerged || (raw !== null && typeof raw === 'object' && !(raw instanceof Date))) {
    const u = unwrap(cell, rule);
    if ('error' in u) return fail(u.error);
    note = u.note;
    raw = u.raw;
  }
  if (typeof raw === 'string') {
    if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
    if ((raw as string).trim() === '') raw = null;
  }
  if (raw === null || raw === undefined) return rule.required ? fail(t('xl.cell.required')) : { ok: true, value: null, note };

  switch (rule.type) {
    case 'id':
    case 'text':
    case 'longText': {
      let s: string;
      if (typeof raw === 'string') s = rule.type === 'longText' ? raw : raw.trim();
      else if (typeof raw === 'number') s = String(raw);
      else if (raw instanceof Date) s = formatDate(raw.toISOString().slice(0, 10));
      else if (typeof raw === 'boolean') s = raw ? t('xl.yes') : t('xl.no');
      else return fail(t('xl.cell.notText'));
      // Characters no one types (from a broken copy, or Excel's _x0001_ escapes): say where, never store them.
      const ctrl = CONTROL.exec(s);
      if (ctrl) return fail(t('xl.cell.controlChar', { code: `U+${ctrl[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, pos: ctrl.index + 1 }));
      // Ids are mostly ASCII (UUIDs): the cheap test first, letters of any script only when needed.
      if (rule.type === 'id' && !/^[A-Za-z0-9._:\-/]{1,64}$/.test(s) && !/^[\p{L}\p{N}._:\-/]{1,64}$/u.test(s)) return fail(t('xl.cell.badId', { value: show(s) }));
      // A text cut on export is judged by the import against the stored one (import.ts).
      if (rule.maxLength && s.length > rule.maxLength && !s.endsWith(CUT_MARK)) return fail(t('xl.cell.tooLong', { max: nlInt(rule.maxLength), length: nlInt(s.length) }));
      return done(s, note);
    }
    case 'money': {
      let cents: number;
      if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) return fail(t('xl.cell.notNumber', { value: show(raw), example: exampleFor(rule) }));
        cents = Math.round(raw * 100);
        if (Math.abs(raw * 100 - cents) > 1e-6 * Math.max(1, Math.abs(cents))) return fail(t('xl.cell.moreThanCents', { value: show(raw) }));
        if (Math.abs(cents) > MAX_CENTS) return fail(t('xl.cell.tooBig'));
      } else if (typeof raw === 'string') {
        const english = /^[-\u2212]?\s*(€|EUR)?\s*(\d{1,3}(,\d{3})+|\d+)\.\d{1,2}$/i.exec(raw.trim());
        if (english) {
          const n = Number(raw.trim().replace(/[^\d.\-\u2212]/g, '').replace('\u2212', '-'));
          cents = Math.round(n * 100);
          if (Math.abs(cents) > MAX_CENTS) return fail(t('xl.cell.tooBig'));
        } else {
          const p = parseMoney(raw, { allowNegative: true });
          if (!p.ok) return fail(/^"?[^\d]*"?$/.test(raw.trim()) ? t('xl.cell.textInNumber', { value: show(raw.trim()), example: exampleFor(rule) }) : p.message);
          cents = p.cents;
        }
      } else return fail(t('xl.cell.textInNumber', { value: show(raw), example: exampleFor(rule) }));
      if (cents < 0 && !rule.allowNegative) return fail(t('xl.cell.negative'));
      return done(rule.scale ? scaled(cents, rule.scale) : cents, note);
    }
    case 'int':
    case 'decimal': {
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string') {
        const p = parseNumberText(raw, { whole: rule.type === 'int' });
        if (!p.ok) return fail(/\d/.test(raw) ? p.message : t('xl.cell.textInNumber', { value: show(raw.trim()), example: exampleFor(rule) }));
        n = p.value;
      } else return fail(t('xl.cell.textInNumber', { value: show(raw), example: exampleFor(rule) }));
      if (!Number.isFinite(n)) return fail(t('xl.cell.notNumber', { value: show(raw), example: exampleFor(rule) }));
      if (rule.type === 'int' && !Number.isInteger(n)) return fail(t('xl.cell.notWhole', { value: show(raw) }));
      if (Math.abs(n) > (rule.type === 'int' ? MAX_INT : MAX_DECIMAL)) return fail(t('xl.cell.hugeNumber', { value: show(raw) }));
      if (n < 0 && !rule.allowNegative) return fail(t('xl.cell.negative'));
      return done(rule.scale ? scaled(n, rule.scale) : n, note);
    }
    case 'percent': {
      let n: number;
      if (typeof raw === 'number') {
        const fmt = cell.numFmt ?? '';
        if (!fmt.includes('%') && Math.abs(raw) > 1) return fail(t('xl.cell.ambiguousPercent', { value: show(raw) }));
        n = raw;
      } else if (typeof raw === 'string') {
        const s = raw.trim();
        const pct = s.endsWith('%');
        const p = parseNumberText(pct ? s.slice(0, -1) : s);
        if (!p.ok) return fail(/\d/.test(s) ? p.message : t('xl.cell.textInNumber', { value: show(s), example: exampleFor(rule) }));
        if (!pct && Math.abs(p.value) > 1) return fail(t('xl.cell.ambiguousPercent', { value: show(s) }));
        n = pct ? p.value / 100 : p.value;
      } else return fail(t('xl.cell.textInNumber', { value: show(raw), example: exampleFor(rule) }));
      if (Math.abs(n) > 100) return fail(t('xl.cell.hugeNumber', { value: show(raw) }));
      if (n < 0 && !rule.allowNegative) return fail(t('xl.cell.negative'));
      return done(scaled(n, rule.scale ?? 1), note);
    }
    case 'date':
    case 'datetime': {
      if (raw instanceof Date) {
        if (Number.isNaN(raw.getTime())) return fail(t('xl.cell.notDate', { value: show(raw) }));
        if (rule.type === 'datetime') return done(isoOfMoment(raw), note);
        const iso = dateFromSerial(serialOf(raw));
        return iso ? done(iso, note) : fail(t('xl.cell.dateRange', { value: formatDate(raw.toISOString().slice(0, 10)) }));
      }
      if (typeof raw === 'number') {
        // A workbook made on an old Mac counts days from 1904: 1462 days later than 1900.
        const iso = dateFromSerial(raw + (ctx.date1904 ? 1462 : 0));
        return iso ? done(iso, note) : fail(t('xl.cell.dateRange', { value: show(raw) }));
      }
      if (typeof raw === 'string') {
        const s = raw.trim();
        if (rule.type === 'datetime' && !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s)) return done(new Date(s).toISOString(), note);
        const iso = parseDateInput(s);
        if (!iso || !isValidIsoDate(iso)) return fail(t('xl.cell.notDate', { value: show(s) }));
        const serial = serialOf(new Date(iso + 'T00:00:00Z'));
        if (serial < SERIAL_MIN || serial > SERIAL_MAX) return fail(t('xl.cell.dateRange', { value: show(s) }));
        return done(iso, note);
      }
      return fail(t('xl.cell.notDate', { value: show(raw) }));
    }
    case 'choice': {
      const s = String(raw).trim().toLowerCase();
      const hit = (rule.choices ?? []).find((c) => c.value.toLowerCase() === s || c.label.toLowerCase() === s);
      if (!hit) return fail(t('xl.cell.notChoice', { value: show(raw), choices: (rule.choices ?? []).map((c) => c.label).join(', ') }));
      return done(hit.value, note);
    }
    case 'bool': {
      if (typeof raw === 'boolean') return done(raw, note);
      const s = String(raw).trim().toLowerCase();
      if (['ja', 'j', 'yes', 'waar', 'true', '1'].includes(s)) return done(true, note);
      if (['nee', 'n', 'no', 'onwaar', 'false', '0'].includes(s)) return done(false, note);
      return fail(t('xl.cell.notBool', { value: show(raw) }));
    }
  }
}

/**
 * The cell value for a stored value: text as a string cell (never a formula, whatever it starts
 * with), amounts in euro, percentages as fractions, dates as dates, choices by their Dutch label,
 * flags as Ja/Nee. A text longer than a cell is cut, with the note for its comment.
 */
export function cellValue(rule: CellRule, value: CellValue): { value: WValue; note?: string } {
  if (value === null || value === undefined || value === '') return { value: null };
  switch (rule.type) {
    case 'id':
    case 'text':
    case 'longText': {
      const s = String(value);
      const cut = cutForExcel(s);
      return cut ? { value: cut.text, note: cut.note } : { value: s };
    }
    case 'money':
      return { value: Number(value) / (rule.scale ?? 1) / 100 };
    case 'int':
    case 'decimal':
    case 'percent':
      return { value: rule.scale ? Number(value) / rule.scale : Number(value) };
    case 'date':
      return { value: new Date(String(value).slice(0, 10) + 'T00:00:00Z') };
    case 'datetime':
      return { value: new Date(String(value)) };
    case 'choice':
      return { value: rule.choices?.find((c) => c.value === value)?.label ?? String(value) };
    case 'bool':
      return { value: value ? t('xl.yes') : t('xl.no') };
  }
}

/**
 * The look of a column's cells: Excel number formats in nl-NL (text as '@', so an edited
 * "=SOM(…)" stays text in Excel too), long text wrapped at the top.
 */
export function cellStyle(rule: CellRule): WStyle {
  if (rule.numFmt) return { numFmt: rule.numFmt };
  switch (rule.type) {
    case 'id':
    case 'text':
      return { numFmt: NUMFMT.text };
    case 'longText':
      return { numFmt: NUMFMT.text, wrap: true, vertical: 'top' };
    case 'money':
      return { numFmt: NUMFMT.money };
    case 'int':
      return { numFmt: NUMFMT.int };
    case 'decimal':
      return { numFmt: NUMFMT.decimal };
    case 'percent':
      return { numFmt: NUMFMT.percent };
    case 'date':
      return { numFmt: NUMFMT.date };
    case 'datetime':
      return { numFmt: NUMFMT.datetime };
    default:
      return {};
  }
}
