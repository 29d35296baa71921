/**
 * Opening a workbook someone sends us, safely: the bytes are checked first (size, a real xlsx zip,
 * not encrypted, not an .ods, .numbers, .xls or CSV under another name), then the streaming reader
 * (xlsx/reader.ts) reads the sheets by content within the limits, and rows that look like data
 * about individual young people refuse the file. Everything refused is refused with a Dutch message
 * that names the file, sheet, row and column; no parser text ever reaches the user.
 */
import type ExcelJS from 'exceljs';
import { excel } from './lib';
import { UserError } from '../errors';
import { colLetter } from './cells';
import { readXlsx, XlsxError, type XBook, type XCell } from './xlsx/reader';
import { Budget, unpack, zipEntries, ZipError, type ZipEntry } from './xlsx/zip';
import { personalDataScan } from './privacy';
import { t } from '../../../shared/i18n/nl';
import { scanText } from '../../../shared/privacy/guard';

export interface Limits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total size of the unpacked parts (protects against zip bombs). */
  maxUnpackedBytes: number;
  /** Most rows with a value per sheet; a value in a row beyond it refuses the file. */
  maxRows: number;
  maxSheets: number;
  /** A value in a column beyond this one refuses the file. */
  maxColumns: number;
}

export const LIMITS: Limits = {
  maxBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxRows: 50_000,
  maxSheets: 60,
  maxColumns: 200,
};

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
const nlInt = (n: number) => n.toLocaleString('nl-NL');
const refuse = (message: string) => new UserError('user_error', message);

function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 2048);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  return printable / Math.max(1, head.length) > 0.95;
}

/** A zip that is a spreadsheet of another program: LibreOffice/OpenOffice (.ods) or Apple Numbers. */
function otherSpreadsheet(buf: Buffer, entries: ZipEntry[]): 'ods' | 'numbers' | null {
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    try {
      const m = unpack(buf, mimetype, new Budget(1024)).toString('latin1');
      if (m.includes('opendocument')) return 'ods';
    } catch {
      // not a readable mimetype: decided below
    }
  }
  if (entries.some((e) => e.name === 'content.xml') && entries.some((e) => e.name === 'META-INF/manifest.xml')) return 'ods';
  if (entries.some((e) => /^Index\/.*\.iwa$/.test(e.name) || e.name === 'Index.zip')) return 'numbers';
  return null;
}

/** The file's extension says what it is when its bytes cannot (an empty or damaged .ods, say). */
function byExtension(file: string): 'ods' | 'numbers' | 'csv' | 'xls' | null {
  const ext = /\.(\w+)$/.exec(file.toLowerCase())?.[1];
  return ext === 'ods' || ext === 'numbers' || ext === 'csv' || ext === 'xls' ? ext : ext === 'txt' ? 'csv' : null;
}

const otherFormat = (file: string, kind: 'ods' | 'numbers' | 'csv' | 'xls') =>
  refuse(t(kind === 'ods' ? 'xl.file.ods' : kind === 'numbers' ? 'xl.file.numbers' : kind === 'xls' ? 'xl.file.oldXls' : 'xl.file.csv', { file }));

/** Checks the bytes without unpacking any sheet. */
export function checkBytes(buf: Buffer, file: string, limits: Limits = LIMITS): ZipEntry[] {
  if (buf.length === 0) throw refuse(t('xl.file.empty', { file }));
  if (buf.length > limits.maxBytes) throw refuse(t('xl.file.tooBig', { file, size: mb(buf.length), max: mb(limits.maxBytes) }));
  if (buf.subarray(0, 8).equals(OLE)) {
    // An encrypted xlsx is an OLE container with an "EncryptedPackage" stream; otherwise it is an old .xls.
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le')) || buf.includes(Buffer.from('EncryptionInfo', 'utf16le')))
      throw refuse(t('xl.file.encrypted', { file }));
    throw otherFormat(file, 'xls');
  }
  if (!buf.subarray(0, 4).equals(ZIP_LOCAL)) {
    if (looksLikeText(buf)) throw otherFormat(file, 'csv');
    const ext = byExtension(file);
    if (ext) throw otherFormat(file, ext);
    throw refuse(t('xl.file.notXlsx', { file }));
  }
  let entries: ZipEntry[];
  try {
    entries = zipEntries(buf);
  } catch (e) {
    if (e instanceof ZipError && e.reason === 'encrypted') throw refuse(t('xl.file.encrypted', { file }));
    const ext = byExtension(file);
    if (ext === 'ods' || ext === 'numbers') throw otherFormat(file, ext);
    throw refuse(t('xl.file.truncated', { file }));
  }
  const other = otherSpreadsheet(buf, entries);
  if (other) throw otherFormat(file, other);
  if (!entries.some((e) => e.name === 'xl/workbook.xml' || e.name === 'xl/workbook.bin' || /(^|\/)workbook\d*\.xml$/.test(e.name))) throw refuse(t('xl.file.notWorkbook', { file }));
  if (entries.some((e) => e.name === 'xl/workbook.bin')) throw refuse(t('xl.file.xlsb', { file }));
  const unpacked = entries.reduce((s, e) => s + e.unpacked, 0);
  if (unpacked > limits.maxUnpackedBytes) throw refuse(t('xl.file.unpackedTooBig', { file, size: mb(unpacked), max: mb(limits.maxUnpackedBytes) }));
  return entries;
}

/** The Dutch message for a workbook the reader could not read to the end. */
function readError(e: XlsxError, file: string, limits: Limits): UserError {
  const { sheet = '', row = 0, col = 0 } = e.detail;
  switch (e.reason) {
    case 'encrypted':
      return refuse(t('xl.file.encrypted', { file }));
    case 'unpackedTooBig':
      return refuse(t('xl.file.unpackedTooBig', { file, size: `> ${mb(limits.maxUnpackedBytes)}`, max: mb(limits.maxUnpackedBytes) }));
    case 'notWorkbook':
      return refuse(t('xl.file.notWorkbook', { file }));
    case 'tooManySheets':
      return refuse(t('xl.file.tooManySheets', { file, max: limits.maxSheets }));
    case 'tooManyRows':
      return refuse(
        row > limits.maxRows
          ? t('xl.file.rowBeyondLimit', { file, sheet, row: nlInt(row), max: nlInt(limits.maxRows) })
          : t('xl.file.tooManyRows', { file, sheet, rows: `${nlInt(limits.maxRows)}+`, max: nlInt(limits.maxRows) }),
      );
    case 'tooManyColumns':
      return refuse(t('xl.file.tooManyColumns', { file, sheet, cell: `${colLetter(col)}${row}`, max: limits.maxColumns }));
    case 'missingPart':
      return refuse(t('xl.file.damaged', { file, detail: t('xl.file.damaged.sheet', { sheet }) }));
    case 'badValue':
      return refuse(t('xl.file.damaged', { file, detail: t('xl.file.damaged.cell', { sheet, cell: `${colLetter(col)}${row}` }) }));
    default:
      return refuse(t('xl.file.truncated', { file }));
  }
}

export { norm } from './norm';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The text of a cell as a person reads it, for headers, labels and the personal-data check. */
export function xText(cell: XCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return `${pad2(v.getUTCDate())}-${pad2(v.getUTCMonth() + 1)}-${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('formula' in v) return xText({ value: v.result, numFmt: cell!.numFmt });
    return v.error;
  }
  return String(v);
}

/** Per workbook read, the cell texts in which the privacy guard found nothing at all. */
const cleanOf = new WeakMap<XBook, ReadonlySet<string>>();

/**
 * Texts of this workbook's cells the guard already found clean. A text with no finding has none
 * under any scan option either (a professional's field is looked at for less), so the import's
 * per-field check of the same text can skip it.
 */
export function cleanTexts(book: XBook): ReadonlySet<string> {
  return cleanOf.get(book) ?? new Set();
}

/**
 * Refuses a workbook with data about individual young people, on every row of every sheet: first
 * every cell through the privacy guard (a BSN, a birth date or a home address anywhere refuses the
 * file, naming sheet, row and column with the finding masked), then column titles of personal data
 * (privacy.ts). A name-like phrase is the softer signal: the import's dry run reports it per row.
 */
export function refusePersonalData(book: XBook, file: string): void {
  const clean = new Set<string>();
  // Column titles of personal data refuse a file only when no cell does; the first such sheet is named.
  let titles: UserError | null = null;
  for (const ws of book.sheets) {
    // Each cell's text once, for both checks, one row at a time (sparse like the cells: holes stay
    // holes); the titles are looked for only while no sheet before had them.
    const titleScan = titles ? null : personalDataScan();
    const hits: string[] = [];
    for (const r of ws.rows) {
      const row = { r: r.r, cells: r.cells.map(xText) };
      titleScan?.row(row);
      row.cells.forEach((s, c) => {
        // A text already found clean (the same text in another cell) is clean again: scanText is pure.
        if (hits.length >= 5 || s.length < 8 || clean.has(s)) return;
        const found = scanText(s);
        if (!found.length) clean.add(s);
        const f = found.find((x) => x.severity === 'refuse');
        if (f) hits.push(t('privacy.fileCell', { row: row.r, col: colLetter(c), what: t(`privacy.kind.${f.kind}`), masked: f.masked }));
      });
      if (hits.length >= 5) break;
    }
    if (hits.length) throw refuse(t('privacy.file', { file, sheet: ws.name, cells: hits.join('; ') }));
    if (!titleScan) continue;
    const found = titleScan.hits;
    if (found.length) titles = refuse(t('xl.file.personalData', { file, sheet: ws.name, cells: found.slice(0, 5).map((h) => `${colLetter(h.col)}${h.row} ("${h.text}")`).join(', ') }));
  }
  if (titles) throw titles;
  cleanOf.set(book, clean);
}

export { personalDataHint } from './privacy';

/** Reads a workbook someone sent, by content, after every check above (`personalData: false` for a reader with its own check). */
export async function readBook(buf: Buffer, file: string, limits: Limits = LIMITS, opts: { personalData?: boolean } = {}): Promise<XBook> {
  checkBytes(buf, file, limits);
  let book: XBook;
  try {
    book = await readXlsx(buf, limits);
  } catch (e) {
    if (e instanceof XlsxError) throw readError(e, file, limits);
    throw e;
  }
  if (!book.sheets.length) throw refuse(t('xl.file.noSheets', { file }));
  if (opts.personalData !== false) refusePersonalData(book, file);
  return book;
}

/**
 * Loads a workbook whole with exceljs, to annotate and save it again (the error workbook). Only for
 * a file that readBook already read; every part is unpacked within the budget first, since exceljs
 * unpacks everything.
 */
export async function loadWorkbook(buf: Buffer, file: string, limits: Limits = LIMITS): Promise<ExcelJS.Workbook> {
  const entries = checkBytes(buf, file, limits);
  const budget = new Budget(limits.maxUnpackedBytes);
  try {
    for (const e of entries) if (!e.name.endsWith('/')) unpack(buf, e, budget);
  } catch (e) {
    if (e instanceof ZipError && e.reason === 'tooBig') throw refuse(t('xl.file.unpackedTooBig', { file, size: `> ${mb(limits.maxUnpackedBytes)}`, max: mb(limits.maxUnpackedBytes) }));
    throw refuse(t('xl.file.truncated', { file }));
  }
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw refuse(t('xl.file.damaged', { file, detail: t('xl.file.damaged.other') }));
  }
  return wb;
}
