/**
 * Tables on sheets: writing a header row and typed rows with the layout every Regieboek workbook
 * shares (frozen header, filter, fitting widths, print setup), and reading them back by header
 * text, so moved columns still read, and missing, extra or merged header cells are reported.
 */
import { cellStyle, cellValue, colLetter, readCell, type CellRule, type CellValue } from './cells';
import type { SheetWriter, WStyle } from './xlsx/writer';
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

const HEADER_FILL = 'FFDCE6F1';
export const INPUT_FILL = 'FFFFF8DC';
export const ERROR_FILL = 'FFF8CBAD';
const HEADER_STYLE: WStyle = { bold: true, fill: HEADER_FILL, vertical: 'top', wrap: true, borderBottom: true };

export interface TableOptions {
  /** Put each column's help text in a comment on its header cell. */
  headerNotes?: boolean;
  /** Keys of columns a partner fills in: unlocked and shaded. */
  editable?: ReadonlySet<string>;
  /** Keys of columns hidden from view (ids in a partner's workbook). */
  hidden?: ReadonlySet<string>;
  /** Give each row the height its wrapped text needs (sheets that are printed). */
  fitRows?: boolean;
  /** A rule for one cell instead of its column's (a percentage indicator's value on a Metingen row). */
  ruleOf?: (row: Row, column: ColumnSpec) => ColumnSpec;
  /** Rows whose input cells stay locked and unshaded (an answer of an input that was submitted). */
  locked?: (row: Row) => boolean;
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

/** Excel's row height for one line of 11-point Calibri, in points, and its largest row. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/**
 * Lines a text needs in a column `width` characters wide when wrapped (Excel and LibreOffice do
 * not size rows of a file they open; a row too low lets the text run over the row below in print).
 */
export function linesFor(text: string, width: number): number {
  // A character of 11-point Calibri is a little narrower than Excel's width unit; keep a margin.
  const perLine = Math.max(1, Math.floor(width * 1.05) - 1);
  let lines = 0;
  for (const part of text.split('\n')) {
    let line = 0;
    let n = 1;
    for (const word of part.split(' ')) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= perLine) line += 1 + w;
      else {
        n++;
        line = w;
      }
      while (line > perLine) {
        n++;
        line -= perLine;
      }
    }
    lines += n;
  }
  return lines;
}

/** Bold type (the header row) wraps sooner: reckon its lines as if the column were a tenth narrower. */
const BOLD = 1.1;
const longestWord = (text: string) => Math.max(0, ...text.split(/[\s-]+/).map((w) => w.length));

/** The height a row needs for its wrapped cells, or undefined for one plain line. */
export function rowHeight(texts: readonly { text: string; width: number }[], size = 11): number | undefined {
  let lines = 1;
  for (const x of texts) lines = Math.max(lines, linesFor(x.text, x.width));
  return lines > 1 || size !== 11 ? Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT * (size / 11))) : undefined;
}

/** Writes a header row and the rows; returns the number of the last row written. */
export function writeTable(ws: SheetWriter, columns: readonly ColumnSpec[], rows: readonly Row[], opts: TableOptions = {}): number {
  // With wrapped long text in a row, everything else in it aligns to the top too.
  const topAlign = columns.some((c) => c.type === 'longText');
  const styleOf = (rule: CellRule, editable: boolean): WStyle => {
    const base = cellStyle(rule);
    return {
      ...base,
      ...(topAlign ? { vertical: 'top' as const } : {}),
      ...(editable ? { unlocked: true, fill: INPUT_FILL } : {}),
    };
  };
  const widths = columns.map((c) => {
    const widest = Math.max(c.header.length * 0.9, ...rows.map((r) => widthOf(r[c.key] ?? null, c)));
    // Never exactly 9: exceljs drops a width equal to Excel's default when it reads a file back.
    const min = c.type === 'money' ? 16 : c.type === 'datetime' ? 17 : c.type === 'date' ? 12 : 10;
    const width = c.width ?? Math.min(60, Math.max(min, Math.ceil(widest) + 2));
    if (!opts.fitRows) return width;
    // A printed report never breaks a word inside (a header word in bold, a word of wrapped text):
    // the column grows to the longest one (a bold character takes about 0.95 of a width unit, a regular one 0.85).
    let word = Math.ceil(longestWord(c.header) * 0.95) + 1;
    if (c.type === 'longText') for (const r of rows) word = Math.max(word, Math.ceil(longestWord(String(r[c.key] ?? '')) * 0.85) + 1);
    return Math.max(width, Math.min(60, word));
  });
  columns.forEach((c, i) => {
    ws.set(1, i + 1, c.header, HEADER_STYLE);
    if (opts.headerNotes) ws.note(1, i + 1, c.help);
    ws.col(i + 1, { width: widths[i], ...(opts.hidden?.has(c.key) ? { hidden: true } : {}) });
  });
  if (opts.fitRows) {
    const h = rowHeight(columns.map((c, i) => ({ text: c.header, width: widths[i]! / BOLD })));
    if (h) ws.height(1, h);
  }
  const styles = columns.map((c) => styleOf(c, !!opts.editable?.has(c.key)));
  const own = new Map<string, WStyle>();
  rows.forEach((r, ri) => {
    const rowNo = ri + 2;
    const wrapped: { text: string; width: number }[] = [];
    const locked = opts.locked?.(r) ?? false;
    columns.forEach((c, ci) => {
      const rule = opts.ruleOf ? opts.ruleOf(r, c) : c;
      const { value, note } = cellValue(rule, r[c.key] ?? null);
      let style = styles[ci]!;
      if (rule !== c || (locked && opts.editable?.has(c.key))) {
        const key = `${ci}:${rule.type}:${rule.numFmt ?? ''}:${locked}`;
        if (!own.has(key)) own.set(key, styleOf(rule, !locked && !!opts.editable?.has(c.key)));
        style = own.get(key)!;
      }
      ws.set(rowNo, ci + 1, value, style);
      if (note) ws.note(rowNo, ci + 1, note);
      if (opts.fitRows && typeof value === 'string' && !opts.hidden?.has(c.key) && (rule.type === 'longText' || value.length > widths[ci]!)) wrapped.push({ text: value, width: widths[ci]! });
    });
    if (opts.fitRows && wrapped.length) {
      const h = rowHeight(wrapped);
      if (h) ws.height(rowNo, h);
    }
  });
  freezeAndFilter(ws, columns.length, 1);
  return rows.length + 1;
}

export function freezeAndFilter(ws: SheetWriter, columnCount: number, headerRow: number, lastRow = headerRow): void {
  ws.freeze(headerRow);
  if (columnCount > 0) ws.autoFilter(headerRow, 1, Math.max(headerRow, lastRow), columnCount);
}

/** The calendar date of a moment on this computer's clock, as dd-mm-jjjj. */
function localDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return Number.isNaN(d.getTime()) ? formatDate(iso) : `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`;
}

/** Escapes text for Excel's header/footer codes, where & starts a code. */
const hf = (s: string) => s.replace(/&/g, '&&');

export interface PrintOptions {
  title: string;
  region: string;
  date: string;
  headerRow?: number;
  /** Columns that identify a row (programme, code, measure): repeated on every page of a wide sheet. */
  keyColumns?: number;
  /**
   * A report that must stay readable on paper: fit the width on one page only down to 80%; a wider
   * sheet prints at full size over more pages, broken between columns, its key columns repeated.
   */
  readable?: boolean;
}

/** Printable width of A4 landscape with half-inch margins, in points. */
const PAGE_PT = (297 / 25.4 - 1) * 72;
/**
 * A column's printed width in points. LibreOffice draws a width of n characters as 7n points, Excel
 * as about 5.25n + 4; the wider one decides, so a page that fits in LibreOffice fits in Excel too.
 */
const pt = (width: number) => width * 7;
/** The smallest print scale that still reads well (11-point type printed at about 9 points). */
const MIN_SCALE = 0.8;
/** The scale a sheet too wide for one page is printed at, over more pages. */
const SPLIT_SCALE = 80;

/** The columns (0-based) that start a new page, when keys repeat on every page (greedy, whole columns). */
export function columnBreaks(widths: readonly number[], keys: number, room = PAGE_PT): number[] {
  const keyPt = widths.slice(0, keys).reduce((n, w) => n + pt(w), 0);
  const breaks: number[] = [];
  let used = keyPt;
  for (let c = keys; c < widths.length; c++) {
    const w = pt(widths[c]!);
    if (used + w > room && used > keyPt) {
      breaks.push(c);
      used = keyPt;
    }
    used += w;
  }
  return breaks;
}

/** Landscape A4, header row repeated, region and date in header and footer; see PrintOptions for the width. */
export function printSetup(ws: SheetWriter, o: PrintOptions): void {
  const widths = ws.cols.map((c) => c?.width ?? 9).slice(1);
  const total = widths.reduce((n, w) => n + pt(w), 0);
  const split = !!o.readable && !!o.keyColumns && total * MIN_SCALE > PAGE_PT;
  ws.page = {
    landscape: true,
    ...(split
      ? { scale: SPLIT_SCALE, titleCols: [1, o.keyColumns!] as [number, number], colBreaks: columnBreaks(widths, o.keyColumns!, (PAGE_PT * 100) / SPLIT_SCALE), overThenDown: true }
      : { fitToWidth: 1, fitToHeight: 0 }),
    titleRows: [1, o.headerRow ?? 1],
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    header: `&L${hf(o.region)}&C&B${hf(o.title)}&R${hf(localDate(o.date))}`,
    footer: `&L${hf(t('app.name'))} — ${hf(ws.name)}&R${hf(t('xl.print.page'))} &P / &N`,
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
  /** Only these columns are read (typed and checked); the others, which a partner cannot change, are kept as plain text for labels. Default: all. */
  read?: ReadonlySet<string>;
  date1904?: boolean;
  /** A rule for one cell instead of its column's, from what the row holds so far (its parent's id comes first). */
  ruleOf?: (values: Row, column: ColumnSpec) => ColumnSpec;
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
  const shown = opts.read ? columns.filter((c) => colOf.has(c.key) && !opts.read!.has(c.key)) : [];
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
    if (row.r > lastFilled + 1) notices.push({ sheet, row: lastFilled + 1, message: row.r - 1 === lastFilled + 1 ? t('xl.read.emptyRow', { from: lastFilled + 1 }) : t('xl.read.emptyRows', { from: lastFilled + 1, to: row.r - 1 }) });
    lastFilled = row.r;
    const values: Row = {};
    const issues: Issue[] = [];
    const notes: Issue[] = [];
    for (const spec of shown) values[spec.key] = xText(row.cells[colOf.get(spec.key)!]).trim() || null;
    for (const spec of read) {
      const c = colOf.get(spec.key)!;
      const res = readCell(row.cells[c], opts.ruleOf ? opts.ruleOf(values, spec) : spec, ctx);
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
