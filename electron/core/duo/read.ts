/**
 * A DUO file as a table of text cells, whatever its shape: XLSX through the exchange's safe reader,
 * CSV from bytes in UTF-8, UTF-16 or Windows-1252 (older DUO files), with `;`, `,` or tab between
 * the cells and quotes where a cell holds one of those. Nothing here knows what the columns mean.
 */
import { UserError } from '../errors';
import { readBook, LIMITS } from '../excel/book';
import { t } from '../../../shared/i18n/nl';

export interface Table {
  kind: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1252' | 'utf-16' | null;
  separator: ';' | ',' | '\t' | null;
  sheet: string | null;
  /** Rows with their number as a spreadsheet shows it; cells as text (numbers of an XLSX as typed). */
  rows: { row: number; cells: string[] }[];
}

const MAX_ROWS = LIMITS.maxRows;

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (€, ‚, „, …, ’, “, ” and a few more).
const CP1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160,
  0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
  0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function windows1252(buf: Buffer): string {
  let out = '';
  for (const b of buf) out += String.fromCharCode(CP1252[b] ?? b);
  return out;
}

/** Text of a CSV file: a BOM decides; else valid UTF-8 is UTF-8, anything else Windows-1252. */
export function decodeText(buf: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16' } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: Buffer.from(buf.subarray(2)).swap16().toString('utf16le'), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(buf), encoding: 'windows-1252' };
  }
}

/** Splits CSV text into records (quotes may hold separators and line breaks), with the row each starts on. */
export function parseCsv(text: string, sep: string): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) out.push({ row: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
    if (out.length > MAX_ROWS) break;
  }
  if (cell !== '' || cells.length) endRecord();
  return out;
}

/** The separator that splits the first lines into the same number of cells, most of them. */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  let best: { sep: ';' | ',' | '\t'; score: number } = { sep: ';', score: -1 };
  for (const sep of [';', '\t', ','] as const) {
    const widths = parseCsv(lines.join('\n'), sep).map((r) => r.cells.length);
    if (!widths.length || widths[0]! < 2) continue;
    const same = widths.filter((w) => w === widths[0]).length;
    const score = same * 100 + widths[0]!;
    if (score > best.score) best = { sep, score };
  }
  return best.sep;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads the file by its content (an .xlsx is a zip; everything else is read as text). */
export async function readTableFile(buf: Buffer, fileName: string): Promise<Table> {
  if (buf.length === 0) throw new UserError('user_error', t('xl.file.empty', { file: fileName }));
  if (buf.length > LIMITS.maxBytes) throw new UserError('user_error', t('duo.tooBig', { file: fileName }));
  if (buf.subarray(0, 4).equals(XLSX_MAGIC)) return readXlsx(buf, fileName);
  if (buf.includes(0) && !(buf[0] === 0xff && buf[1] === 0xfe) && !(buf[0] === 0xfe && buf[1] === 0xff)) throw new UserError('user_error', t('duo.notText', { file: fileName }));
  const { text, encoding } = decodeText(buf);
  // Excel's "sep=;" first line names the separator.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  const body = hint ? text.slice(hint[0].length) : text;
  const separator = hint && [';', ',', '\t'].includes(hint[1]!) ? (hint[1] as ';' | ',' | '\t') : detectSeparator(body);
  const rows = parseCsv(body, separator).map((r) => ({ row: r.row + (hint ? 1 : 0), cells: r.cells.map((c) => c.trim()) }));
  if (rows.length > MAX_ROWS) throw new UserError('user_error', t('duo.tooManyRows', { file: fileName, max: MAX_ROWS }));
  return { kind: 'csv', encoding, separator, sheet: null, rows };
}

async function readXlsx(buf: Buffer, fileName: string): Promise<Table> {
  // The streaming reader (rows with a value only); personal data is this module's own check (plan.ts).
  const book = await readBook(buf, fileName, LIMITS, { personalData: false });
  // The sheet with the most filled cells holds the figures (a file may start with an explanation sheet).
  let best: { name: string; rows: { row: number; cells: string[] }[]; filled: number } | null = null;
  for (const ws of book.sheets) {
    const rows: { row: number; cells: string[] }[] = [];
    let filled = 0;
    for (const row of ws.rows) {
      const cells: string[] = [];
      row.cells.forEach((cell, c) => {
        if (cell) cells[c - 1] = cellText(cell.value, cell.numFmt);
      });
      const list = Array.from(cells, (c) => c ?? '');
      filled += list.filter(Boolean).length;
      if (list.some(Boolean)) rows.push({ row: row.r, cells: list });
    }
    if (!best || filled > best.filled) best = { name: ws.name, rows, filled };
  }
  return { kind: 'xlsx', encoding: null, separator: null, sheet: best?.name ?? null, rows: best?.rows ?? [] };
}

/**
 * A cell as text in the style DUO's CSV files use: numbers with a decimal comma and no thousands
 * separator, a percentage cell as "2,02%"; formulas by their result.
 */
function cellText(v: unknown, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'result' in v) return cellText((v as { result: unknown }).result, numFmt);
  if (typeof v === 'object' && v !== null && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((p) => p.text).join('').trim();
  if (typeof v === 'object' && v !== null && 'error' in v) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    const pct = !!numFmt && numFmt.includes('%');
    const n = pct ? Math.round(v * 100 * 1e9) / 1e9 : v;
    return String(n).replace('.', ',') + (pct ? '%' : '');
  }
  return String(v).trim();
}
