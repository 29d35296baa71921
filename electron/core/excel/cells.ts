/**
 * Reading one cell as a typed value, and writing typed values so Excel shows them as numbers,
 * amounts, percentages, dates or plain text (never as a formula). Everything here is per cell; the
 * caller adds where the cell is (sheet, row, column) to every message.
 */
import type ExcelJS from 'exceljs';
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
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
  text: '@',
} as const;

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const fail = (message: string): CellRead => ({ ok: false, message });
const show = (v: unknown) => String(v).slice(0, 60);

/** The value a cell holds, with formulas replaced by their cached result. */
function unwrap(cell: ExcelJS.Cell, rule: CellRule): { raw: unknown; note?: string } | { error: string } {
  if (cell.isMerged && cell.master.address !== cell.address) return { error: t('xl.cell.merged', { master: cell.master.address }) };
  let raw: unknown = cell.value;
  let note: string | undefined;
  if (raw && typeof raw === 'object' && !(raw instanceof Date)) {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      if (rule.type === 'id') return { error: t('xl.cell.formulaInId') };
      const result = o.result;
      if (result === undefined || result === null || result === '') return { error: t('xl.cell.formulaNoResult', { formula: String(o.formula ?? o.sharedFormula) }) };
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object))
        return { error: t('xl.cell.errorValue', { value: String((result as { error: unknown }).error) }) };
      note = t('xl.cell.formulaUsed', { formula: String(o.formula ?? o.sharedFormula) });
      raw = result;
    } else if ('error' in o) return { error: t('xl.cell.errorValue', { value: String(o.error) }) };
    else if ('richText' in o) raw = (o.richText as { text: string }[]).map((r) => r.text).join('');
    else if ('text' in o) raw = typeof o.text === 'string' ? o.text : ((o.text as { richText?: { text: string }[] }).richText ?? []).map((r) => r.text).join('');
  }
  return { raw, note };
}

function dateFromSerial(serial: number): string | null {
  const days = Math.round(serial);
  if (days < SERIAL_MIN || days > SERIAL_MAX) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const serialOf = (d: Date) => d.getTime() / 86_400_000 + 25_569;

/** Plain numbers typed as text: Dutch first ("1.234,56", "0,4"), English where it cannot be Dutch ("1,234.56", "12.5"). */
export function parseNumberText(input: string, opts: { whole?: boolean } = {}): { ok: true; value: number } | { ok: false; message: string } {
  let s = input.replace(/[\s\u00a0\u202f]/g, '');
  let sign = 1;
  if (/^[-\u2212]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const bad = { ok: false as const, message: t('xl.cell.notNumber', { value: show(input.trim()) }) };
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return bad;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  const groups3 = (whole: string, sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(whole);
  let normal: string;
  if (dots && commas) {
    const dutch = s.lastIndexOf(',') > s.lastIndexOf('.');
    const [whole, frac] = dutch ? [s.slice(0, s.lastIndexOf(',')), s.slice(s.lastIndexOf(',') + 1)] : [s.slice(0, s.lastIndexOf('.')), s.slice(s.lastIndexOf('.') + 1)];
    if (!groups3(whole, dutch ? '.' : ',') || /[.,]/.test(frac)) return { ok: false, message: t('xl.cell.ambiguousNumber', { value: show(input.trim()) }) };
    normal = whole.replace(/[.,]/g, '') + '.' + frac;
  } else if (commas) {
    if (commas > 1) {
      if (!groups3(s, ',')) return { ok: false, message: t('xl.cell.ambiguousNumber', { value: show(input.trim()) }) };
      normal = s.replace(/,/g, '');
    } else normal = s.replace(',', '.');
  } else if (dots) {
    if (groups3(s, '.')) {
      // "1.234" is 1234 in Dutch and 1.234 in English: only a whole-number column can tell.
      if (!opts.whole) return { ok: false, message: t('xl.cell.ambiguousNumber', { value: show(input.trim()) }) };
      normal = s.replace(/\./g, '');
    } else if (dots === 1) normal = s;
    else return { ok: false, message: t('xl.cell.ambiguousNumber', { value: show(input.trim()) }) };
  } else normal = s;
  const value = sign * Number(normal);
  if (!Number.isFinite(value)) return bad;
  return { ok: true, value };
}

/** Reads one cell as the column's type. Text in a number column is refused, never read as 0. */
export function readCell(cell: ExcelJS.Cell, rule: CellRule): CellRead {
  const u = unwrap(cell, rule);
  if ('error' in u) return fail(u.error);
  const { note } = u;
  let raw = u.raw;
  if (typeof raw === 'string') {
    raw = raw.replace(/\r\n?/g, '\n');
    if ((raw as string).trim() === '') raw = null;
  }
  if (raw === null || raw === undefined) return rule.required ? fail(t('xl.cell.required')) : { ok: true, value: null, note };
  const done = (value: CellValue): CellRead => ({ ok: true, value, note });

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
      if (rule.type === 'id' && !/^[\p{L}\p{N}._:\-/]{1,64}$/u.test(s)) return fail(t('xl.cell.badId', { value: show(s) }));
      // A text cut on export is judged by the import against the stored one (import.ts).
      if (rule.maxLength && s.length > rule.maxLength && !s.endsWith(CUT_MARK)) return fail(t('xl.cell.tooLong', { max: nlInt(rule.maxLength), length: nlInt(s.length) }));
      return done(s);
    }
    case 'money': {
      let cents: number;
      if (typeof raw === 'number') {
        if (!Number.isFinite(raw)) return fail(t('xl.cell.notNumber', { value: show(raw) }));
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
          if (!p.ok) return fail(/^"?[^\d]*"?$/.test(raw.trim()) ? t('xl.cell.textInNumber', { value: show(raw.trim()) }) : p.message);
          cents = p.cents;
        }
      } else return fail(t('xl.cell.textInNumber', { value: show(raw) }));
      if (cents < 0 && !rule.allowNegative) return fail(t('xl.cell.negative'));
      return done(cents);
    }
    case 'int':
    case 'decimal': {
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string') {
        const p = parseNumberText(raw, { whole: rule.type === 'int' });
        if (!p.ok) return fail(/\d/.test(raw) ? p.message : t('xl.cell.textInNumber', { value: show(raw.trim()) }));
        n = p.value;
      } else return fail(t('xl.cell.textInNumber', { value: show(raw) }));
      if (!Number.isFinite(n)) return fail(t('xl.cell.notNumber', { value: show(raw) }));
      if (rule.type === 'int' && !Number.isInteger(n)) return fail(t('xl.cell.notWhole', { value: show(raw) }));
      if (Math.abs(n) > (rule.type === 'int' ? MAX_INT : MAX_DECIMAL)) return fail(t('xl.cell.hugeNumber', { value: show(raw) }));
      if (n < 0 && !rule.allowNegative) return fail(t('xl.cell.negative'));
      return done(n);
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
        if (!p.ok) return fail(/\d/.test(s) ? p.message : t('xl.cell.textInNumber', { value: show(s) }));
        if (!pct && Math.abs(p.value) > 1) return fail(t('xl.cell.ambiguousPercent', { value: show(s) }));
        n = pct ? p.value / 100 : p.value;
      } else return fail(t('xl.cell.textInNumber', { value: show(raw) }));
      if (Math.abs(n) > 100) return fail(t('xl.cell.hugeNumber', { value: show(raw) }));
      if (n < 0 && !rule.allowNegative) return fail(t('xl.cell.negative'));
      return done(Math.round(n * 1e9) / 1e9);
    }
    case 'date':
    case 'datetime': {
      if (raw instanceof Date) {
        if (Number.isNaN(raw.getTime())) return fail(t('xl.cell.notDate', { value: show(raw) }));
        if (rule.type === 'datetime') return done(raw.toISOString());
        const iso = dateFromSerial(serialOf(raw));
        return iso ? done(iso) : fail(t('xl.cell.dateRange', { value: formatDate(raw.toISOString().slice(0, 10)) }));
      }
      if (typeof raw === 'number') {
        // A workbook made on an old Mac counts days from 1904: 1462 days later than 1900.
        const d1904 = (cell.worksheet?.workbook as { properties?: { date1904?: boolean } } | undefined)?.properties?.date1904;
        const iso = dateFromSerial(raw + (d1904 ? 1462 : 0));
        return iso ? done(iso) : fail(t('xl.cell.dateRange', { value: show(raw) }));
      }
      if (typeof raw === 'string') {
        const s = raw.trim();
        if (rule.type === 'datetime' && !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s)) return done(new Date(s).toISOString());
        const iso = parseDateInput(s);
        if (!iso || !isValidIsoDate(iso)) return fail(t('xl.cell.notDate', { value: show(s) }));
        const serial = serialOf(new Date(iso + 'T00:00:00Z'));
        if (serial < SERIAL_MIN || serial > SERIAL_MAX) return fail(t('xl.cell.dateRange', { value: show(s) }));
        return done(iso);
      }
      return fail(t('xl.cell.notDate', { value: show(raw) }));
    }
    case 'choice': {
      const s = String(raw).trim().toLowerCase();
      const hit = (rule.choices ?? []).find((c) => c.value.toLowerCase() === s || c.label.toLowerCase() === s);
      if (!hit) return fail(t('xl.cell.notChoice', { value: show(raw), choices: (rule.choices ?? []).map((c) => c.label).join(', ') }));
      return done(hit.value);
    }
    case 'bool': {
      if (typeof raw === 'boolean') return done(raw);
      const s = String(raw).trim().toLowerCase();
      if (['ja', 'j', 'yes', 'waar', 'true', '1'].includes(s)) return done(true);
      if (['nee', 'n', 'no', 'onwaar', 'false', '0'].includes(s)) return done(false);
      return fail(t('xl.cell.notBool', { value: show(raw) }));
    }
  }
}

/**
 * Writes a typed value. Text is always a string cell (an xlsx string cell is never evaluated) in
 * text format '@', so editing it in Excel keeps it text: "=SOM(A1)" stays those characters.
 */
export function writeCell(cell: ExcelJS.Cell, rule: CellRule, value: CellValue): void {
  if (value === null || value === undefined || value === '') {
    cell.value = null;
    if (rule.type === 'id' || rule.type === 'text' || rule.type === 'longText') cell.numFmt = NUMFMT.text;
    return;
  }
  switch (rule.type) {
    case 'id':
    case 'text':
    case 'longText': {
      const s = String(value);
      const cut = cutForExcel(s);
      cell.value = cut ? cut.text : s;
      if (cut) cell.note = cut.note;
      cell.numFmt = NUMFMT.text;
      if (rule.type === 'longText') cell.alignment = { wrapText: true, vertical: 'top' };
      return;
    }
    case 'money':
      cell.value = Number(value) / 100;
      cell.numFmt = NUMFMT.money;
      return;
    case 'int':
      cell.value = Number(value);
      cell.numFmt = NUMFMT.int;
      return;
    case 'decimal':
      cell.value = Number(value);
      cell.numFmt = NUMFMT.decimal;
      return;
    case 'percent':
      cell.value = Number(value);
      cell.numFmt = NUMFMT.percent;
      return;
    case 'date':
      cell.value = new Date(String(value).slice(0, 10) + 'T00:00:00Z');
      cell.numFmt = NUMFMT.date;
      return;
    case 'datetime':
      cell.value = new Date(String(value));
      cell.numFmt = NUMFMT.datetime;
      return;
    case 'choice':
      cell.value = rule.choices?.find((c) => c.value === value)?.label ?? String(value);
      return;
    case 'bool':
      cell.value = value ? t('xl.yes') : t('xl.no');
      return;
  }
}

/** The text of a cell as a person reads it, for headers and labels. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('result' in o) return String(o.result ?? '');
    if ('text' in o) return String(o.text);
    return '';
  }
  if (v instanceof Date) return formatDate(v.toISOString().slice(0, 10));
  return String(v);
}
