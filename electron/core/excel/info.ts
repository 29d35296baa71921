/**
 * The "Info" sheet every Regieboek workbook starts with: what kind of file it is, its format
 * version, the region, when and by whom it was made, and a legend of the columns. An import reads
 * it first: a file from another region, a newer format or a report that is not meant to come back
 * is refused before any row is read.
 */
import type { SheetWriter, WStyle } from './xlsx/writer';
import type { Db } from './kinds';
import { UserError } from '../errors';
import { readKeyValues, rowHeight, type ColumnSpec } from './sheets';
import { norm } from './norm';
import type { XBook } from './xlsx/reader';
import { NUMFMT, type CellType } from './cells';
import { regionLabel } from '../../../shared/regions';
import { t, type MessageKey } from '../../../shared/i18n/nl';
import { today } from '../clock';
import { formatDate } from '../../../shared/dates';

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

const TITLE: WStyle = { bold: true, size: 14 };
const BOLD: WStyle = { bold: true };
const ITALIC: WStyle = { italic: true };
const VALUE_TEXT: WStyle = { numFmt: NUMFMT.text, horizontal: 'left' };
const VALUE_DATE: WStyle = { numFmt: NUMFMT.datetime, horizontal: 'left' };
const VALUE_NUMBER: WStyle = { horizontal: 'left' };
const WRAP_TOP: WStyle = { wrap: true, vertical: 'top' };
const TOP: WStyle = { vertical: 'top' };

export function writeInfoSheet(ws: SheetWriter, info: FileInfo, legend: readonly LegendEntry[]): void {
  ws.set(1, 1, t('xl.info.title', { kind: t(kindLabel[info.kind]) }), TITLE);
  ws.height(1, 19);
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
    ws.set(i + 3, 1, t(k), BOLD);
    ws.set(i + 3, 2, v, v instanceof Date ? VALUE_DATE : typeof v === 'string' ? VALUE_TEXT : VALUE_NUMBER);
  });
  let r = rows.length + 4;
  ws.set(r, 1, t('xl.info.aggregatesOnly'), ITALIC);
  r += 2;
  if (legend.length) {
    [t('xl.legend.sheet'), t('xl.legend.column'), t('xl.legend.type'), t('xl.legend.meaning')].forEach((h, i) => ws.set(r, i + 1, h, BOLD));
    for (const l of legend)
      for (const c of l.columns) {
        r++;
        ws.set(r, 1, l.sheet, TOP);
        ws.set(r, 2, c.header, TOP);
        ws.set(r, 3, typeLabel(c.type) + (c.required ? t('xl.legend.required') : ''), TOP);
        ws.set(r, 4, c.help, WRAP_TOP);
        const h = rowHeight([{ text: c.help, width: 70 }]);
        if (h) ws.height(r, h);
      }
  }
  ws.col(1, { width: 24 });
  ws.col(2, { width: 40 });
  ws.col(3, { width: 22 });
  ws.col(4, { width: 70 });
  ws.page = { landscape: true, fitToWidth: 1, fitToHeight: 0, titleRows: [1, 1], margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } };
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
  const date = formatDate(today());
  const what = kind === 'workspace' ? t('xl.kind.workspace') : kind === 'steering' ? t('xl.kind.steering') : `${t('xl.kind.partner')} ${partner ?? ''}`;
  return `${what} ${region} ${date}.xlsx`.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ');
}
