/**
 * Tables on sheets: writing a header row and typed rows with the layout every Regieboek workbook
 * shares (frozen header, filter, fitting widths, print setup), and reading them back by header
 * text, so moved columns still read, and missing, extra or merged header cells are reported.
 */
import type ExcelJS from 'exceljs';
import { colLetter, readCell, writeCell, type CellRule, type CellValue } from './cells';
import { norm, xText } from './book';
import type { XCell, XRow, XSheet } from './xlsx/reader';
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
  /** The row is hidden in the file (a change in it is worth a second look). */
  hidden: boolean;
}

export interface ReadTable {
  rows: ReadRow[];
  /** The sheet cannot be read at all. */
  errors: Issue[];
  /** Worth telling, not a reason to refuse: extra columns, skipped empty rows, missing optional columns. */
  notices: Issue[];
  present: ReadonlySet<string>;
}

export interface ReadOptions {
  requiredColumns?: readonly string[];
  /** Only these columns are read (typed and checked); the others a partner cannot change. Default: all. */
  read?: ReadonlySet<string>;
  date1904?: boolean;
}

const isEmpty = (c: XCell | undefined) => {
  const v = c?.value;
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
};

/** Finds the header row (within the first 10 rows) by the fixed header texts, not by position. */
export function readTable(ws: XSheet, columns: readonly ColumnSpec[], opts: ReadOptions = {}): ReadTable {
  const sheet = ws.name;
  const byHeader = new Map(columns.map((c) => [norm(c.header), c]));
  let header: XRow | undefined;
  let best = 0;
  for (const row of ws.rows) {
    if (row.r > 10) break;
    let hits = 0;
    for (const cell of row.cells) if (cell && byHeader.has(norm(xText(cell)))) hits++;
    if (hits > best) {
      best = hits;
      header = row;
    }
  }
  if (!header)
    return { rows: [], errors: [{ sheet, message: t('xl.read.noHeader', { headers: columns.map((c) => `"${c.header}"`).join(', ') }) }], notices: [], present: new Set() };
  const headerRow = header.r;

  const errors: Issue[] = [];
  const notices: Issue[] = [];
  const colOf = new Map<string, number>();
  for (const m of ws.merges)
    if (m.r1 <= headerRow && headerRow <= m.r2 && m.c2 > m.c1)
      errors.push({ sheet, row: headerRow, col: m.c1, header: xText(header.cells[m.c1]).trim(), message: t('xl.read.mergedHeader', { range: m.ref }) });
  header.cells.forEach((cell, c) => {
    if (!cell || cell.merged) return;
    if (ws.merges.some((m) => m.r1 <= headerRow && headerRow <= m.r2 && m.c1 === c && m.c2 > m.c1)) return;
    const text = xText(cell).trim();
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

  const read = columns.filter((c) => colOf.has(c.key) && (!opts.read || opts.read.has(c.key)));
  const mapped = [...colOf.values()];
  const present = new Set(colOf.keys());
  const cols = Object.fromEntries(colOf);
  const ctx = { date1904: opts.date1904 };
  const rows: ReadRow[] = [];
  let lastFilled = headerRow;
  for (const row of ws.rows) {
    if (row.r <= headerRow) continue;
    // A row with nothing in the table's columns is empty, whatever else it holds.
    if (mapped.every((c) => isEmpty(row.cells[c]) && !row.cells[c]?.merged)) continue;
    if (row.r > lastFilled + 1) notices.push({ sheet, row: lastFilled + 1, message: t('xl.read.emptyRows', { from: lastFilled + 1, to: row.r - 1 }) });
    lastFilled = row.r;
    const values: Row = {};
    const issues: Issue[] = [];
    const notes: Issue[] = [];
    for (const spec of read) {
      const c = colOf.get(spec.key)!;
      const res = readCell(row.cells[c], spec, ctx);
      if (res.ok) {
        values[spec.key] = res.value;
        if (res.note) notes.push({ sheet, row: row.r, col: c, header: spec.header, message: res.note });
      } else issues.push({ sheet, row: row.r, col: c, header: spec.header, message: res.message });
    }
    rows.push({ rowNumber: row.r, values, present, issues, notes, cols, hidden: row.hidden });
  }
  return { rows, errors, notices, present };
}

/** The values of a key/value sheet such as "Info" (label in column A, value in column B). */
export function readKeyValues(ws: XSheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of ws.rows) {
    const k = norm(xText(row.cells[1]));
    if (k && !out.has(k)) out.set(k, xText(row.cells[2]).trim());
  }
  return out;
}
