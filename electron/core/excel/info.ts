/**
 * The "Info" sheet every Regieboek workbook starts with: what kind of file it is, its format
 * version, the region, when and by whom it was made, and a legend of the columns. An import reads
 * it first: a file from another region, a newer format or a report that is not meant to come back
 * is refused before any row is read.
 */
import type ExcelJS from 'exceljs';
import type { Db } from './kinds';
import { UserError } from '../errors';
import { readKeyValues, type ColumnSpec } from './sheets';
import { norm } from './norm';
import type { XBook } from './xlsx/reader';
import { NUMFMT, type CellType } from './cells';
import { regionLabel } from '../../../shared/regions';
import { t, type MessageKey } from '../../../shared/i18n/nl';

/** Bumped when a sheet or column changes meaning; files of a newer version are refused. */
export const FORMAT_VERSION = 1;

export type FileKind = 'workspace' | 'partner' | 'steering';
const kindLabel: Record<FileKind, MessageKey> = { workspace: 'xl.kind.workspace', partner: 'xl.kind.partner', steering: 'xl.kind.steering' };

export interface FileInfo {
  kind: FileKind;
  formatVersion: number;
  regionNumber: number;
  regionLabel: string;
  /** ISO time the file was made (conflicts are changes in Regieboek after this moment). */
  madeAt: string;
  madeBy: string;
  source: string;
  partner: string | null;
  programmes: string;
  /** The data sheets of a partner request (what was asked); absent in older files. */
  sheets?: string[];
}

export async function workspaceRegion(db: Db): Promise<{ number: number; name: string; contactMunicipality: string | null; label: string }> {
  const r = await db.selectFrom('region').select(['number', 'name', 'contactMunicipality']).executeTakeFirstOrThrow();
  return { ...r, label: regionLabel(r) };
}

export async function runningProgrammes(db: Db): Promise<string> {
  const rows = await db.selectFrom('programme').select('name').where('deletedAt', 'is', null).where('status', '=', 'lopend').orderBy('periodStart').execute();
  return rows.map((r) => r.name).join('; ');
}

/** Excel date-times have no time zone: show the moment as the clock on this computer read it. */
function localWallClock(iso: string): Date {
  const d = new Date(iso);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
}

export const typeLabel = (type: CellType): string => t(`xl.type.${type}`);

export interface LegendEntry {
  sheet: string;
  columns: readonly ColumnSpec[];
}

export function writeInfoSheet(ws: ExcelJS.Worksheet, info: FileInfo, legend: readonly LegendEntry[]): void {
  ws.getCell('A1').value = t('xl.info.title', { kind: t(kindLabel[info.kind]) });
  ws.getCell('A1').font = { bold: true, size: 14 };
  const rows: [MessageKey, string | number | Date][] = [
    ['xl.info.kind', t(kindLabel[info.kind])],
    ['xl.info.version', info.formatVersion],
    ['xl.info.regionNumber', info.regionNumber],
    ['xl.info.region', info.regionLabel],
    ['xl.info.programme', info.programmes],
    ['xl.info.madeAt', localWallClock(info.madeAt)],
    ['xl.info.moment', info.madeAt],
    ['xl.info.madeBy', info.madeBy],
    ['xl.info.source', info.source],
  ];
  if (info.partner !== null) rows.push(['xl.info.partner', info.partner]);
  if (info.sheets) rows.push(['xl.info.sheets', info.sheets.join('; ')]);
  rows.forEach(([k, v], i) => {
    const r = ws.getRow(i + 3);
    r.getCell(1).value = t(k);
    r.getCell(1).font = { bold: true };
    const c = r.getCell(2);
    c.value = v;
    if (v instanceof Date) c.numFmt = NUMFMT.datetime;
    else if (typeof v === 'string') c.numFmt = NUMFMT.text;
    c.alignment = { horizontal: 'left' };
  });
  let r = rows.length + 4;
  ws.getCell(`A${r}`).value = t('xl.info.aggregatesOnly');
  ws.getCell(`A${r}`).font = { italic: true };
  r += 2;
  if (legend.length) {
    const head = ws.getRow(r);
    [t('xl.legend.sheet'), t('xl.legend.column'), t('xl.legend.type'), t('xl.legend.meaning')].forEach((h, i) => {
      head.getCell(i + 1).value = h;
      head.getCell(i + 1).font = { bold: true };
    });
    for (const l of legend)
      for (const c of l.columns) {
        r++;
        const row = ws.getRow(r);
        row.getCell(1).value = l.sheet;
        row.getCell(2).value = c.header;
        row.getCell(3).value = typeLabel(c.type) + (c.required ? t('xl.legend.required') : '');
        row.getCell(4).value = c.help;
        row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
      }
  }
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 22;
  ws.getColumn(4).width = 80;
}

/** Refuses a file made for another region than the open workspace's. */
export async function checkRegion(db: Db, info: FileInfo, file: string): Promise<void> {
  const region = await workspaceRegion(db);
  if (info.regionNumber !== region.number)
    throw new UserError('user_error', t('xl.info.otherRegion', { file, fileRegion: info.regionLabel || String(info.regionNumber), region: region.label }));
}

/** Reads the Info sheet without a workspace: what the file is and which region it belongs to. */
export function peekInfo(wb: XBook, file: string): FileInfo {
  const ws = wb.sheets.find((w) => norm(w.name) === norm(t('xl.sheet.info')));
  if (!ws && (wb.title === t('xl.steering.title') || wb.sheets.some((w) => norm(w.name) === norm(t('xl.steering.overview')))))
    throw new UserError('user_error', t('xl.info.steeringNotImportable', { file }));
  if (!ws) throw new UserError('user_error', t('xl.info.missing', { file, sheets: wb.sheets.map((w) => `"${w.name}"`).join(', ') }));
  const kv = readKeyValues(ws);
  const get = (k: MessageKey) => kv.get(norm(t(k))) ?? '';
  const kindText = norm(get('xl.info.kind'));
  const kind = (Object.keys(kindLabel) as FileKind[]).find((k) => norm(t(kindLabel[k])) === kindText);
  if (!kind) throw new UserError('user_error', t('xl.info.unknownKind', { file, value: get('xl.info.kind') }));
  if (kind === 'steering') throw new UserError('user_error', t('xl.info.steeringNotImportable', { file }));
  const version = Number(get('xl.info.version'));
  if (!Number.isInteger(version) || version < 1) throw new UserError('user_error', t('xl.info.badVersion', { file, value: get('xl.info.version') }));
  if (version > FORMAT_VERSION) throw new UserError('user_error', t('xl.info.newerVersion', { file, found: version, known: FORMAT_VERSION }));
  const regionNumber = Number(get('xl.info.regionNumber'));
  if (!Number.isInteger(regionNumber) || regionNumber < 0 || regionNumber > 40) throw new UserError('user_error', t('xl.info.badRegion', { file, value: get('xl.info.regionNumber') }));
  const moment = get('xl.info.moment');
  return {
    kind,
    formatVersion: version,
    regionNumber,
    regionLabel: get('xl.info.region'),
    madeAt: /^\d{4}-\d{2}-\d{2}T/.test(moment) && !Number.isNaN(Date.parse(moment)) ? moment : '',
    madeBy: get('xl.info.madeBy'),
    source: get('xl.info.source'),
    partner: kind === 'partner' ? get('xl.info.partner') : null,
    programmes: get('xl.info.programme'),
    ...(kv.has(norm(t('xl.info.sheets'))) ? { sheets: get('xl.info.sheets').split(';').map((s) => s.trim()).filter(Boolean) } : {}),
  };
}

/** "Werkbestand Voorbeeldregio 23-11-2026.xlsx": no characters a file system objects to. */
export function exportFileName(kind: FileKind, region: string, partner?: string): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`;
  const what = kind === 'workspace' ? t('xl.kind.workspace') : kind === 'steering' ? t('xl.kind.steering') : `${t('xl.kind.partner')} ${partner ?? ''}`;
  return `${what} ${region} ${date}.xlsx`.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ');
}
