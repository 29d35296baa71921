/**
 * Opening a workbook someone sends us, safely: the bytes are checked before exceljs sees them
 * (size, real xlsx zip, not encrypted, not a zip bomb), then the sheets (rows, personal data).
 * Everything refused is refused with a Dutch message that names the file, sheet, row and column.
 */
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import { excel } from './lib';
import { UserError } from '../errors';
import { cellText, colLetter } from './cells';
import { t } from '../../../shared/i18n/nl';

export interface Limits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total size of the unpacked parts (protects against zip bombs). */
  maxUnpackedBytes: number;
  /** Most rows per sheet. */
  maxRows: number;
  maxSheets: number;
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
const ZIP_EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
const refuse = (message: string) => new UserError('user_error', message);

interface ZipEntry {
  name: string;
  unpacked: number;
  packed: number;
  method: number;
  localOffset: number;
}

/** Reads the zip's central directory: the list of parts and their unpacked sizes. */
function zipEntries(buf: Buffer, file: string): ZipEntry[] {
  const from = Math.max(0, buf.length - 65_557);
  const eocd = buf.lastIndexOf(ZIP_EOCD, buf.length - 22);
  if (eocd < from || eocd < 0) throw refuse(t('xl.file.truncated', { file }));
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > eocd) throw refuse(t('xl.file.truncated', { file }));
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw refuse(t('xl.file.truncated', { file }));
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const unpacked = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 0x1) throw refuse(t('xl.file.encrypted', { file }));
    if (localOffset >= cdOffset) throw refuse(t('xl.file.truncated', { file }));
    out.push({ name, unpacked, packed, method, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 2048);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  return printable / Math.max(1, head.length) > 0.95;
}

/** Checks the bytes without unpacking anything. */
export function checkBytes(buf: Buffer, file: string, limits: Limits = LIMITS): void {
  if (buf.length === 0) throw refuse(t('xl.file.empty', { file }));
  if (buf.length > limits.maxBytes) throw refuse(t('xl.file.tooBig', { file, size: mb(buf.length), max: mb(limits.maxBytes) }));
  if (buf.subarray(0, 8).equals(OLE)) {
    // An encrypted xlsx is an OLE container with an "EncryptedPackage" stream; otherwise it is an old .xls.
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le')) || buf.includes(Buffer.from('EncryptionInfo', 'utf16le')))
      throw refuse(t('xl.file.encrypted', { file }));
    throw refuse(t('xl.file.oldXls', { file }));
  }
  if (!buf.subarray(0, 4).equals(ZIP_LOCAL)) {
    if (looksLikeText(buf)) throw refuse(t('xl.file.csv', { file }));
    throw refuse(t('xl.file.notXlsx', { file }));
  }
  const entries = zipEntries(buf, file);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw refuse(t('xl.file.notWorkbook', { file }));
  const unpacked = entries.reduce((s, e) => s + e.unpacked, 0);
  if (unpacked > limits.maxUnpackedBytes) throw refuse(t('xl.file.unpackedTooBig', { file, size: mb(unpacked), max: mb(limits.maxUnpackedBytes) }));
  checkParts(buf, file, entries, limits);
}

/** Unpacks one part, never more than `max` bytes (declared sizes in a zip can lie). */
function inflate(buf: Buffer, file: string, e: ZipEntry, max: number, limits: Limits): Buffer {
  const lh = e.localOffset;
  if (lh + 30 > buf.length || buf.readUInt32LE(lh) !== 0x04034b50) throw refuse(t('xl.file.truncated', { file }));
  const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  if (start + e.packed > buf.length) throw refuse(t('xl.file.truncated', { file }));
  const data = buf.subarray(start, start + e.packed);
  if (e.method === 0) return data;
  if (e.method !== 8) throw refuse(t('xl.file.notXlsx', { file }));
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw refuse(t('xl.file.unpackedTooBig', { file, size: `> ${mb(max)}`, max: mb(limits.maxUnpackedBytes) }));
    throw refuse(t('xl.file.truncated', { file }));
  }
}

const decodeXml = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : '';
};

/** Rows in a sheet's XML, counted without parsing it (stops once over the limit). */
function countRows(xml: Buffer, stopAt: number): number {
  let n = 0;
  for (let i = xml.indexOf('row'); i >= 0 && n <= stopAt; i = xml.indexOf('row', i + 3)) {
    const before = xml[i - 1];
    const after = xml[i + 3];
    if ((before === 0x3c || (before === 0x3a && xml.lastIndexOf(0x3c, i) > xml.lastIndexOf(0x3e, i))) && (after === 0x20 || after === 0x3e)) n++;
  }
  return n;
}

/**
 * Unpacks every part within the real-size budget and counts each sheet's rows before exceljs
 * builds anything in memory, so a zip bomb or a sheet with a million rows is refused cheaply.
 */
function checkParts(buf: Buffer, file: string, entries: ZipEntry[], limits: Limits): void {
  let budget = limits.maxUnpackedBytes;
  const parts = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = inflate(buf, file, e, budget, limits);
    budget -= data.length;
    if (budget < 0) throw refuse(t('xl.file.unpackedTooBig', { file, size: `> ${mb(limits.maxUnpackedBytes)}`, max: mb(limits.maxUnpackedBytes) }));
    if (e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) parts.set(e.name, data);
  }
  const wbXml = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tgt = attr(m[0], 'Target').replace(/^\/?(xl\/)?/, 'xl/');
    target.set(attr(m[0], 'Id'), tgt);
  }
  const sheets = [...wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => ({ name: attr(m[0], 'name'), part: target.get(attr(m[0], 'r:id')) ?? '' }));
  if (sheets.length > limits.maxSheets) throw refuse(t('xl.file.tooManySheets', { file, max: limits.maxSheets }));
  for (const s of sheets) {
    const xml = parts.get(s.part);
    if (!xml) continue;
    const rows = countRows(xml, limits.maxRows);
    if (rows > limits.maxRows) throw refuse(t('xl.file.tooManyRows', { file, sheet: s.name, rows: `${limits.maxRows}+`, max: limits.maxRows }));
  }
}

/** Normalises text for comparing headers: lower case, no accents, single spaces, no '*' (a required-column mark) or other punctuation at the ends. */
export function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%€]+/g, ' ')
    .trim();
}

/** Column titles that mean data about one young person. Regieboek stores aggregates only. */
const PERSONAL = [
  /\bbsn\b/,
  /burger ?service ?nummer/,
  /\bsofi ?nummer\b/,
  /onderwijs ?nummer/,
  /\b(leerling|student|deelnemer|jongere)s? ?(nummer|nr)\b/,
  /geboorte ?(datum|dag|jaar|plaats)/,
  /\bgeb ?(datum|dat)\b/,
  /\b(date of birth|dob|birth ?date)\b/,
  /\bnaam (van de |v d )?(leerling|jongere|student|deelnemer|kind|ouder|verzorger)s?\b/,
  /\b(leerling|jongere|student|deelnemer|kind)s? ?naam\b/,
  /\b(voornaam|voornamen|achternaam|roepnaam|tussenvoegsel|geslachtsnaam|initialen)\b/,
  /\b(woon|huis|post|thuis)?adres\b/,
  /\b(straat|straatnaam|huisnummer|postcode)\b/,
  /\b(telefoon|mobiel|e ?mail)(nummer|adres)? (leerling|jongere|ouder|ouders|verzorger)\b/,
];

export function personalDataHint(text: string): boolean {
  const n = norm(text);
  return n.length <= 60 && PERSONAL.some((re) => re.test(n));
}

/**
 * Refuses a workbook with columns that look like data about individual young people. Only titles
 * and column headers are looked at: the rows down to the first row with two or more filled cells
 * (the header row), at most 10. Data values are not, so a programme called "Postcode-aanpak" is fine.
 */
export function refusePersonalData(wb: ExcelJS.Workbook, file: string): void {
  for (const ws of wb.worksheets) {
    const hits: string[] = [];
    const last = Math.min(ws.rowCount, 10);
    for (let r = 1; r <= last; r++) {
      let filled = 0;
      ws.getRow(r).eachCell((cell, c) => {
        const s = cellText(cell);
        if (s.trim()) filled++;
        if (s.length <= 60 && personalDataHint(s)) hits.push(`${colLetter(c)}${r} ("${s.trim()}")`);
      });
      if (filled >= 2) break;
    }
    if (hits.length) throw refuse(t('xl.file.personalData', { file, sheet: ws.name, cells: hits.slice(0, 5).join(', ') }));
  }
}

/** Opens an xlsx from bytes after every check above; the workbook is only ever read. */
export async function readWorkbook(buf: Buffer, file: string, limits: Limits = LIMITS): Promise<ExcelJS.Workbook> {
  checkBytes(buf, file, limits);
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw refuse(t('xl.file.damaged', { file, detail: (e as Error).message.slice(0, 120) }));
  }
  if (wb.worksheets.length === 0) throw refuse(t('xl.file.noSheets', { file }));
  if (wb.worksheets.length > limits.maxSheets) throw refuse(t('xl.file.tooManySheets', { file, max: limits.maxSheets }));
  for (const ws of wb.worksheets) {
    if (ws.actualRowCount > limits.maxRows) throw refuse(t('xl.file.tooManyRows', { file, sheet: ws.name, rows: ws.actualRowCount, max: limits.maxRows }));
    if (ws.actualColumnCount > limits.maxColumns) throw refuse(t('xl.file.tooManyColumns', { file, sheet: ws.name, max: limits.maxColumns }));
  }
  refusePersonalData(wb, file);
  return wb;
}
