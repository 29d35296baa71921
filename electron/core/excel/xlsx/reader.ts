/**
 * A streaming .xlsx reader that works by content, not by what a file declares. Each sheet's XML is
 * unpacked in chunks and scanned row by row; only cells with a value are kept (a styled empty cell
 * in row 1,048,576 costs nothing), the work stops at the last row with a value, and a value beyond
 * the row or column limit stops the read at once. Every part shares one budget of unpacked bytes.
 *
 * What it gives is close to exceljs's cell values (so cells.ts reads both): text, numbers, booleans,
 * dates (numbers in a date format), `{ formula, result }` and `{ error }`, each with its number
 * format; plus what an import must mention: hidden rows and sheets, merged cells, macros, links to
 * other files. Excel's `_xHHHH_` escapes in text are decoded.
 */
import { StringDecoder } from 'node:string_decoder';
import { Budget, unpack, unpackStream, zipEntries, ZipError, type ZipEntry } from './zip';

export type XResult = string | number | boolean | Date | { error: string } | null;
export type XValue = XResult | { formula: string; result: XResult };

export interface XCell {
  value: XValue;
  numFmt: string;
  /** Set when the cell lies inside a merged range but is not its top-left cell. */
  merged?: string;
}

export interface XRow {
  r: number;
  hidden: boolean;
  /** Cells with a value, by column number (1 = A); sparse. */
  cells: (XCell | undefined)[];
}

export interface XSheet {
  name: string;
  hidden: boolean;
  /** Rows with at least one value, in order. */
  rows: XRow[];
  /** Merged ranges, as 1-based row/column bounds and the top-left address. */
  merges: { r1: number; c1: number; r2: number; c2: number; ref: string }[];
}

export interface XBook {
  sheets: XSheet[];
  date1904: boolean;
  /** The document title (docProps/core.xml). */
  title: string;
  /** A macro-enabled workbook (.xlsm) or a VBA project inside. */
  macros: boolean;
  /** Number of links to other workbooks. */
  externalLinks: number;
}

export interface ReadLimits {
  maxUnpackedBytes: number;
  maxRows: number;
  maxSheets: number;
  maxColumns: number;
}

/** Why a workbook cannot be read, with where; book.ts makes the Dutch message. */
export class XlsxError extends Error {
  constructor(
    readonly reason: 'truncated' | 'encrypted' | 'unpackedTooBig' | 'notWorkbook' | 'tooManySheets' | 'tooManyRows' | 'tooManyColumns' | 'missingPart' | 'badValue',
    readonly detail: { sheet?: string; row?: number; col?: number; part?: string } = {},
  ) {
    super(reason);
  }
}

const XML_ENTITY = /&(?:(lt)|(gt)|(amp)|(quot)|(apos)|#(\d+)|#x([0-9a-fA-F]+));/g;

/** XML text to a string: entities and character references. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(XML_ENTITY, (_m, lt, gt, amp, quot, apos, dec: string, hex: string) =>
    lt ? '<' : gt ? '>' : amp ? '&' : quot ? '"' : apos ? "'" : String.fromCodePoint(Math.min(0x10ffff, dec ? Number(dec) : parseInt(hex, 16))),
  );
}

/** Excel writes characters XML cannot hold as `_xHHHH_` (and a literal "_x" sequence as `_x005F_x…`). */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const text = (xml: string) => decodeExcelEscapes(unescapeXml(xml));

const attrRe = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = attrRe.get(name);
  if (!re) attrRe.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** The text of a string item (<si> or <is>): every <t>, without phonetic runs (<rPh>). */
function stringItem(xml: string): string {
  let s = xml;
  if (s.indexOf('rPh') >= 0) s = s.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out += m[1];
  return text(out);
}

// ---- Number formats -------------------------------------------------------------------------------

/** Excel's built-in number formats that matter here (dates, times, percentages, text). */
const BUILTIN_FMT: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'dd-mm-yyyy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** A number format that shows a date or time (letters d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

interface Styles {
  /** Number format code per cell style (xf) index. */
  fmt: string[];
  isDate: boolean[];
}

function parseStyles(xml: string): Styles {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const fmt: string[] = [];
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    fmt.push(custom.get(id) ?? BUILTIN_FMT[id] ?? ((id >= 27 && id <= 36) || (id >= 50 && id <= 58) ? 'yyyy-mm-dd' : 'General'));
  }
  return { fmt, isDate: fmt.map(isDateFormat) };
}

// ---- Parts ----------------------------------------------------------------------------------------

const MACRO_TYPE = /macroEnabled/i;

/** Resolves a relationship target against the folder of the part that names it. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relations(xml: string, base: string): { id: string; type: string; target: string; external: boolean }[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: resolve(base, attr(m[0], 'Target') ?? ''),
    external: attr(m[0], 'TargetMode') === 'External',
  }));
}

/** Serial day number (1900 or 1904 based) to a Date, as exceljs does: UTC, rounded to the millisecond. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const colNumber = (letters: string) => {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
};

/** Scans the <si> items of the shared strings part chunk by chunk. */
async function sharedStrings(buf: Buffer, e: ZipEntry, budget: Budget): Promise<string[]> {
  const out: string[] = [];
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for await (const chunk of unpackStream(buf, e, budget)) {
    pending += decoder.write(chunk);
    re.lastIndex = 0;
    let last = 0;
    for (let m = re.exec(pending); m; m = re.exec(pending)) {
      out.push(m[1] === undefined ? '' : stringItem(m[1]));
      last = re.lastIndex;
    }
    pending = pending.slice(last);
  }
  return out;
}

interface SheetContext {
  name: string;
  strings: string[];
  styles: Styles;
  date1904: boolean;
  limits: ReadLimits;
}

const ROW_OPEN = /<((?:\w+:)?)row\b([^>]*?)(\/?)>/g;
const DATA_END = /<\/(?:\w+:)?sheetData>/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const CELL_REF = /\sr\s*=\s*["']([A-Za-z]{1,3})(\d+)["']/;
const CELL_STYLE = /\ss\s*=\s*["'](\d+)["']/;
const CELL_TYPE = /\st\s*=\s*["'](\w+)["']/;
const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const IS = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

/** What plainAttrs read from a cell's attributes (module variables: one cell at a time, nothing allocated). */
let plainCol = 0;
let plainType = 'n';
let plainStyle = 0;

/**
 * A cell's attributes in the plain form Excel and Regieboek write (` r="B12" s="3" t="s"`: only r,
 * s and t, each once, double quotes, one space before each, r in capitals): read without a regular
 * expression, exactly as CELL_REF, CELL_STYLE and CELL_TYPE read them. Any other form returns
 * false and the caller uses those expressions.
 */
function plainAttrs(a: string): boolean {
  let col = -1;
  let type = '';
  let style = -1;
  let i = 0;
  const n = a.length;
  while (i < n) {
    // ` x="`
    if (a.charCodeAt(i) !== 32 || a.charCodeAt(i + 2) !== 61 || a.charCodeAt(i + 3) !== 34) return false;
    const name = a.charCodeAt(i + 1);
    const start = i + 4;
    const end = a.indexOf('"', start);
    if (end < 0) return false;
    if (name === 114 /* r */) {
      if (col >= 0) return false;
      let j = start;
      let c = 0;
      while (j < end && j - start < 3) {
        const ch = a.charCodeAt(j);
        if (ch < 65 || ch > 90) break;
        c = c * 26 + (ch - 64);
        j++;
      }
      if (j === start || j === end) return false;
      for (let k = j; k < end; k++) {
        const ch = a.charCodeAt(k);
        if (ch < 48 || ch > 57) return false;
      }
      col = c;
    } else if (name === 115 /* s */) {
      if (style >= 0 || end === start) return false;
      let v = 0;
      for (let k = start; k < end; k++) {
        const ch = a.charCodeAt(k);
        if (ch < 48 || ch > 57) return false;
        v = v * 10 + (ch - 48);
      }
      style = v;
    } else if (name === 116 /* t */) {
      if (type || end === start) return false;
      type = a.slice(start, end);
      if (!/^\w+$/.test(type)) return false;
    } else return false;
    i = end + 1;
  }
  if (col < 0) return false;
  plainCol = col;
  plainType = type || 'n';
  plainStyle = style < 0 ? 0 : style;
  return true;
}

/** The text of a body that is only `<v>…</v>` (no formula, no inline string); null for any other body. */
function plainValue(body: string): string | null {
  const close = body.length - 4;
  if (close < 3 || body.charCodeAt(0) !== 60 || body.charCodeAt(1) !== 118 || body.charCodeAt(2) !== 62) return null;
  if (body.indexOf('<', 3) !== close || !body.endsWith('</v>')) return null;
  return body.slice(3, close);
}

/** One <row>…</row>: its cells with a value; null when it has none. */
function parseRow(attrs: string, inner: string, r: number, ctx: SheetContext, shared: Map<string, string>): XRow | null {
  const cells: (XCell | undefined)[] = [];
  let any = false;
  let col = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const a = m[1]!;
    const plain = plainAttrs(a);
    if (plain) col = plainCol;
    else {
      const ref = CELL_REF.exec(a);
      col = ref ? colNumber(ref[1]!.toUpperCase()) : col + 1;
    }
    const body = m[2];
    if (body === undefined || body === '') continue; // styled but empty
    const type = plain ? plainType : (CELL_TYPE.exec(a)?.[1] ?? 'n');
    const style = plain ? plainStyle : Number(CELL_STYLE.exec(a)?.[1] ?? 0);
    // The common body, <v>…</v>, without regular expressions; any other through V and F.
    const pv = plainValue(body);
    const fm = pv === null ? F.exec(body) : null;
    let value: XResult = null;
    const raw = pv ?? V.exec(body)?.[1] ?? null;
    switch (type) {
      case 's': {
        if (raw === null) break;
        const s = ctx.strings[Number(raw)];
        if (s === undefined) throw new XlsxError('badValue', { sheet: ctx.name, row: r, col });
        value = s;
        break;
      }
      case 'inlineStr': {
        const is = IS.exec(body);
        value = is ? stringItem(is[1]!) : raw !== null ? text(raw) : null;
        break;
      }
      case 'str':
        value = raw === null ? null : text(raw);
        break;
      case 'b':
        value = raw === null ? null : raw.trim() === '1' || raw.trim() === 'true';
        break;
      case 'e':
        value = raw === null ? null : { error: unescapeXml(raw) };
        break;
      case 'd': {
        const d = raw === null ? null : new Date(unescapeXml(raw));
        value = d && !Number.isNaN(d.getTime()) ? d : raw === null ? null : text(raw);
        break;
      }
      default: {
        if (raw === null || raw.trim() === '') break;
        const n = Number(raw);
        if (!Number.isFinite(n)) throw new XlsxError('badValue', { sheet: ctx.name, row: r, col });
        value = ctx.styles.isDate[style] ? serialToDate(n, ctx.date1904) : n;
      }
    }
    let cellValue: XValue = value;
    if (fm) {
      const fa = fm[1] ?? '';
      let formula = fm[2] === undefined ? '' : unescapeXml(fm[2]);
      const si = attr(fa, 'si');
      if (si !== undefined) {
        if (formula) shared.set(si, formula);
        else formula = shared.get(si) ?? '';
      }
      cellValue = { formula, result: value };
    } else if (value === null || value === '') continue;
    if (col > ctx.limits.maxColumns) throw new XlsxError('tooManyColumns', { sheet: ctx.name, row: r, col });
    cells[col] = { value: cellValue, numFmt: ctx.styles.fmt[style] ?? 'General' };
    any = true;
  }
  if (!any) return null;
  const hidden = attr(attrs, 'hidden');
  return { r, hidden: hidden === '1' || hidden === 'true', cells };
}

/** Streams one sheet's XML: rows with values, then the merged ranges after the sheet data. */
async function readSheet(buf: Buffer, e: ZipEntry, budget: Budget, ctx: SheetContext, hidden: boolean): Promise<XSheet> {
  const sheet: XSheet = { name: ctx.name, hidden, rows: [], merges: [] };
  const shared = new Map<string, string>();
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let phase: 'before' | 'data' | 'after' = 'before';
  let lastR = 0;
  let tail = '';
  const afterData = (s: string) => {
    // Only the merged ranges matter after the data; keep a small tail for a tag cut by a chunk.
    const all = tail + s;
    let end = 0;
    for (const m of all.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
      const ref = attr(m[0], 'ref') ?? '';
      const mm = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref);
      if (mm) {
        const c1 = colNumber(mm[1]!.toUpperCase());
        const r1 = Number(mm[2]);
        sheet.merges.push({ r1, c1, r2: mm[4] ? Number(mm[4]) : r1, c2: mm[3] ? colNumber(mm[3].toUpperCase()) : c1, ref: ref.toUpperCase() });
      }
      end = (m.index ?? 0) + m[0].length;
    }
    const rest = all.slice(end);
    tail = rest.slice(Math.max(0, rest.length - 300));
  };
  const consume = (final: boolean) => {
    if (phase === 'before') {
      const m = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/.exec(pending);
      if (!m) {
        // Columns and views come before the data; nothing in them is needed.
        if (pending.length > 1 << 20) pending = pending.slice(-4096);
        return;
      }
      pending = pending.slice(m.index + m[0].length);
      phase = m[1] ? 'after' : 'data';
    }
    if (phase === 'data') {
      let pos = 0;
      // Where the sheet data ends, if it does in what has been read (searched once per chunk).
      DATA_END.lastIndex = 0;
      const end = DATA_END.exec(pending);
      for (;;) {
        ROW_OPEN.lastIndex = pos;
        const open = ROW_OPEN.exec(pending);
        if (!open || (end && end.index < open.index)) {
          if (end) {
            pos = end.index + end[0].length;
            phase = 'after';
          }
          break;
        }
        const rAttr = attr(open[2]!, 'r');
        let inner = '';
        let next: number;
        if (open[3]) next = ROW_OPEN.lastIndex;
        else {
          const close = pending.indexOf(`</${open[1]}row>`, ROW_OPEN.lastIndex);
          if (close < 0) break; // the rest of this row is in the next chunk
          inner = pending.slice(ROW_OPEN.lastIndex, close);
          next = close + open[1]!.length + 6;
        }
        const r = rAttr ? Number(rAttr) : lastR + 1;
        lastR = r;
        pos = next;
        if (!inner) continue;
        const row = parseRow(open[2]!, inner, r, ctx, shared);
        if (!row) continue;
        if (sheet.rows.length >= ctx.limits.maxRows) throw new XlsxError('tooManyRows', { sheet: ctx.name });
        if (r > ctx.limits.maxRows) throw new XlsxError('tooManyRows', { sheet: ctx.name, row: r });
        sheet.rows.push(row);
      }
      pending = pending.slice(pos);
      if (phase === 'data' && final && pending.trim()) throw new XlsxError('truncated', { sheet: ctx.name });
    }
    if (phase === 'after') {
      afterData(pending);
      pending = '';
    }
  };
  for await (const chunk of unpackStream(buf, e, budget)) {
    pending += decoder.write(chunk);
    consume(false);
  }
  pending += decoder.end();
  consume(true);
  if (sheet.rows.length && sheet.merges.length) markMerged(sheet);
  return sheet;
}

/** Cells covered by a merged range (other than its top-left cell) are marked, also when empty. */
function markMerged(sheet: XSheet): void {
  const byRow = new Map(sheet.rows.map((r) => [r.r, r]));
  const last = sheet.rows[sheet.rows.length - 1]!.r;
  for (const m of sheet.merges) {
    const master = m.ref.split(':')[0]!;
    for (let r = m.r1; r <= Math.min(m.r2, last); r++) {
      let row = byRow.get(r);
      if (!row) {
        row = { r, hidden: false, cells: [] };
        byRow.set(r, row);
        sheet.rows.push(row);
      }
      for (let c = m.c1; c <= Math.min(m.c2, 200); c++) {
        if (r === m.r1 && c === m.c1) continue;
        row.cells[c] = { value: row.cells[c]?.value ?? null, numFmt: row.cells[c]?.numFmt ?? 'General', merged: master };
      }
    }
  }
  sheet.rows.sort((a, b) => a.r - b.r);
}

/** Reads a workbook's sheets by content. The bytes must have passed book.ts's checkBytes. */
export async function readXlsx(buf: Buffer, limits: ReadLimits): Promise<XBook> {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(buf);
  } catch (e) {
    throw asXlsxError(e);
  }
  const byName = new Map(entries.map((e) => [e.name.replace(/\\/g, '/').replace(/^\//, ''), e]));
  const budget = new Budget(limits.maxUnpackedBytes);
  try {
    const part = (name: string) => {
      const e = byName.get(name);
      return e ? unpack(buf, e, budget).toString('utf8') : null;
    };
    const types = part('[Content_Types].xml') ?? '';
    const rootRels = relations(part('_rels/.rels') ?? '', '');
    const wbName = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const wbXml = part(wbName);
    if (wbXml === null) throw new XlsxError('notWorkbook');
    const base = wbName.includes('/') ? wbName.slice(0, wbName.lastIndexOf('/') + 1) : '';
    const relsName = `${base}_rels/${wbName.slice(base.length)}.rels`;
    const rels = relations(part(relsName) ?? '', base);
    const target = new Map(rels.map((r) => [r.id, r]));
    const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(wbXml)?.[0] ?? '';
    const d1904 = attr(pr, 'date1904');
    const date1904 = d1904 === '1' || d1904 === 'true';
    const sheetTags = [...wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
    if (sheetTags.length > limits.maxSheets) throw new XlsxError('tooManySheets');
    const stylesRel = rels.find((r) => r.type.endsWith('/styles'));
    const styles = parseStyles((stylesRel && part(stylesRel.target)) ?? '');
    const sstRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
    const sstEntry = sstRel ? byName.get(sstRel.target) : undefined;
    const strings = sstEntry ? await sharedStrings(buf, sstEntry, budget) : [];
    const core = part('docProps/core.xml') ?? '';
    const title = text(/<dc:title>([\s\S]*?)<\/dc:title>/.exec(core)?.[1] ?? '');
    const macros = MACRO_TYPE.test(types) || [...byName.keys()].some((n) => /vbaProject\.bin$/i.test(n));
    const externalLinks = rels.filter((r) => r.type.endsWith('/externalLink')).length;

    const sheets: XSheet[] = [];
    for (const tag of sheetTags) {
      const name = attr(tag, 'name') ?? '';
      const rid = attr(tag, 'r:id') ?? attr(tag, 'id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '';
      const rel = target.get(rid);
      const state = attr(tag, 'state') ?? 'visible';
      // A chart sheet or a dialog sheet has no cells.
      if (!rel || !rel.type.endsWith('/worksheet')) {
        sheets.push({ name, hidden: state !== 'visible', rows: [], merges: [] });
        continue;
      }
      const e = byName.get(rel.target);
      if (!e) throw new XlsxError('missingPart', { sheet: name });
      sheets.push(await readSheet(buf, e, budget, { name, strings, styles, date1904, limits }, state !== 'visible'));
    }
    return { sheets, date1904, title, macros, externalLinks };
  } catch (e) {
    throw asXlsxError(e);
  }
}

function asXlsxError(e: unknown): XlsxError {
  if (e instanceof XlsxError) return e;
  if (e instanceof ZipError) return new XlsxError(e.reason === 'tooBig' ? 'unpackedTooBig' : e.reason === 'encrypted' ? 'encrypted' : 'truncated');
  throw e;
}
