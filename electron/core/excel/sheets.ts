/**
 * Tables on sheets: writing a header row and typed rows with the layout every Regieboek workbook
 * shares (frozen header, filter, fitting widths, print setup), and reading them back by header
 * text, so moved columns still read, and missing, extra or merged header cells are reported.
 */
import type ExcelJS from 'exceljs';
import { cellText, colLetter, readCell, writeCell, type CellRule, type CellValue } from './cells';
import { norm } from './book';
import { formatDate } from '../../../shared/dates';
import { t } from '../../../shared/i18n/nl';

export interface ColumnSpec extends CellRule {
  /** Field name in the record. */
  key: string;
  /** Fixed header text: part of the file format (docs/EXCHANGE.md). */
  header: string;
  /** Definition, for the legend and the header's comment. */
  help: string;
  width?: number;
  /** Written, and read for new records, but never compared or changed by an import (timestamps). */
  informational?: boolean;
}

export type Row = Record<string, CellValue>;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } };

export interface TableOptions {
  /** Put each column's help text in a comment on its header cell. */
  headerNotes?: boolean;
  /** Keys of columns a partner fills in: unlocked and shaded. */
  editable?: ReadonlySet<string>;
  /** Keys of columns hidden from view (ids in a partner's workbook). */
  hidden?: ReadonlySet<string>;
}

function widthOf(v: CellValue, rule: CellRule): number {
  if (v === null) return 0;
  switch (rule.type) {
    case 'money':
      return 16;
    case 'date':
      return 11;
    case 'datetime':
      return 17;
    case 'percent':
      return 8;
    case 'longText':
      return Math.min(60, Math.max(...String(v).split('\n').map((l) => l.length)));
    default:
      return String(v).length;
  }
}

/** Writes a header row and the rows; returns the number of the last row written. */
export function writeTable(ws: ExcelJS.Worksheet, columns: readonly ColumnSpec[], rows: readonly Row[], opts: TableOptions = {}): number {
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
    if (opts.headerNotes) cell.note = c.help;
  });
  // With wrapped long text in a row, everything else in it aligns to the top too.
  const topAlign = columns.some((c) => c.type === 'longText');
  rows.forEach((r, ri) => {
    const row = ws.getRow(ri + 2);
    columns.forEach((c, ci) => {
      const cell = row.getCell(ci + 1);
      writeCell(cell, c, r[c.key] ?? null);
      if (topAlign && c.type !== 'longText') cell.alignment = { ...cell.alignment, vertical: 'top' };
      if (opts.editable?.has(c.key)) {
        cell.protection = { locked: false };
        cell.fill = INPUT_FILL;
      }
    });
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const widest = Math.max(c.header.length * 0.9, ...rows.map((r) => widthOf(r[c.key] ?? null, c)));
    // Never exactly 9: exceljs drops a width equal to Excel's default when it reads a file back.
    const min = c.type === 'money' ? 16 : c.type === 'datetime' ? 17 : c.type === 'date' ? 12 : 10;
    col.width = c.width ?? Math.min(60, Math.max(min, Math.ceil(widest) + 2));
    if (opts.hidden?.has(c.key)) col.hidden = true;
  });
  freezeAndFilter(ws, columns.length, 1);
  return rows.length + 1;
}

export function freezeAndFilter(ws: ExcelJS.Worksheet, columnCount: number, headerRow: number): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  if (columnCount > 0) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columnCount } };
}

/** The calendar date of a moment on this computer's clock, as dd-mm-jjjj. */
function localDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return Number.isNaN(d.getTime()) ? formatDate(iso) : `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`;
}

/** Escapes text for Excel's header/footer codes, where & starts a code. */
const hf = (s: string) => s.replace(/&/g, '&&');

/** Landscape, one page wide, header row repeated, region and date in header and footer. */
export function printSetup(ws: ExcelJS.Worksheet, o: { title: string; region: string; date: string; headerRow?: number }): void {
  ws.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${o.headerRow ?? 1}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: `&L${hf(o.region)}&C&B${hf(o.title)}&R${hf(localDate(o.date))}`,
    oddFooter: `&L${hf(t('app.name'))} — ${hf(ws.name)}&R${hf(t('xl.print.page'))} &P / &N`,
  };
}

// ---- Reading ----------------------------------------------------------------------------------

export interface Issue {
  sheet: string;
  row?: number;
  /** 1-based column number in the file. */
  col?: number;
  header?: string;
  message: string;
}

/** "Blad "Programma's", rij 4, kolom "Einddatum" (D): …" */
export function where(i: Omit<Issue, 'message'>): string {
  const parts = [t('xl.where.sheet', { sheet: i.sheet })];
  if (i.row) parts.push(t('xl.where.row', { row: i.row }));
  if (i.col) parts.push(i.header ? t('xl.where.column', { header: i.header, col: colLetter(i.col) }) : t('xl.where.col', { col: colLetter(i.col) }));
  else if (i.header) parts.push(t('xl.where.columnName', { header: i.header }));
  return parts.join(', ');
}

export const describe = (i: Issue) => `${where(i)}: ${i.message}`;

export interface ReadRow {
  rowNumber: number;
  values: Row;
  /** Columns present in the file (a missing column leaves the stored value as it is). */
  present: ReadonlySet<string>;
  issues: Issue[];
  notes: Issue[];
  /** Column number of each key, for marking cells in the error workbook. */
  cols: Record<string, number>;
}

export interface ReadTable {
  rows: ReadRow[];
  /** The sheet cannot be read at all. */
  errors: Issue[];
  /** Worth telling, not a reason to refuse: extra columns, skipped empty rows, missing optional columns. */
  notices: Issue[];
  present: ReadonlySet<string>;
}

/** Finds the header row (within the first 10 rows) by the fixed header texts, not by position. */
export function readTable(ws: ExcelJS.Worksheet, columns: readonly ColumnSpec[], opts: { requiredColumns?: readonly string[] } = {}): ReadTable {
  const sheet = ws.name;
  const byHeader = new Map(columns.map((c) => [norm(c.header), c]));
  let headerRow = 0;
  let best = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    let hits = 0;
    ws.getRow(r).eachCell((cell) => {
      if (byHeader.has(norm(cellText(cell)))) hits++;
    });
    if (hits > best) {
      best = hits;
      headerRow = r;
    }
  }
  if (!headerRow)
    return { rows: [], errors: [{ sheet, message: t('xl.read.noHeader', { headers: columns.map((c) => `"${c.header}"`).join(', ') }) }], notices: [], present: new Set() };

  const errors: Issue[] = [];
  const notices: Issue[] = [];
  const colOf = new Map<string, number>();
  ws.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, c) => {
    const text = cellText(cell).trim();
    if (cell.isMerged) {
      const range = Object.values((ws as unknown as { _merges: Record<string, { range: string; tl: string }> })._merges).find((m) => m.tl === cell.master.address);
      if (cell.master.address === cell.address)
        errors.push({ sheet, row: headerRow, col: c, header: text, message: t('xl.read.mergedHeader', { range: range?.range ?? cell.address }) });
      return;
    }
    if (!text) return;
    const spec = byHeader.get(norm(text));
    if (!spec) {
      notices.push({ sheet, row: headerRow, col: c, header: text, message: t('xl.read.extraColumn') });
      return;
    }
    if (colOf.has(spec.key)) {
      errors.push({ sheet, row: headerRow, col: c, header: text, message: t('xl.read.duplicateColumn', { col: colLetter(colOf.get(spec.key)!) }) });
      return;
    }
    colOf.set(spec.key, c);
  });
  const required = new Set(opts.requiredColumns ?? []);
  for (const c of columns) {
    if (colOf.has(c.key)) continue;
    if (required.has(c.key)) errors.push({ sheet, row: headerRow, message: t('xl.read.missingColumn', { header: c.header }) });
    else notices.push({ sheet, row: headerRow, message: t('xl.read.missingOptional', { header: c.header }) });
  }
  if (errors.length) return { rows: [], errors, notices, present: new Set(colOf.keys()) };

  const rows: ReadRow[] = [];
  let emptyRun: number[] = [];
  const lastRow = ws.rowCount;
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const empty = [...colOf.values()].every((c) => {
      const v = row.getCell(c).value;
      return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
    });
    if (empty) {
      emptyRun.push(r);
      continue;
    }
    if (emptyRun.length) {
      notices.push({ sheet, row: emptyRun[0], message: emptyRun.length === 1 ? t('xl.read.emptyRow', { from: emptyRun[0]! }) : t('xl.read.emptyRows', { from: emptyRun[0]!, to: emptyRun[emptyRun.length - 1]! }) });
      emptyRun = [];
    }
    const values: Row = {};
    const issues: Issue[] = [];
    const notes: Issue[] = [];
    for (const spec of columns) {
      const c = colOf.get(spec.key);
      if (c === undefined) continue;
      const res = readCell(row.getCell(c), spec);
      if (res.ok) {
        values[spec.key] = res.value;
        if (res.note) notes.push({ sheet, row: r, col: c, header: spec.header, message: res.note });
      } else issues.push({ sheet, row: r, col: c, header: spec.header, message: res.message });
    }
    rows.push({ rowNumber: r, values, present: new Set(colOf.keys()), issues, notes, cols: Object.fromEntries(colOf) });
  }
  return { rows, errors, notices, present: new Set(colOf.keys()) };
}

/** The values of a key/value sheet such as "Info" (label in column A, value in column B). */
export function readKeyValues(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow((row) => {
    const k = norm(cellText(row.getCell(1)));
    if (k && !out.has(k)) out.set(k, cellText(row.getCell(2)).trim());
  });
  return out;
}
