/**
 * The workspace workbook: the whole workspace in one .xlsx, one sheet per record kind with fixed
 * headers (docs/EXCHANGE.md), so it can be read back into an empty workspace without loss.
 */
import type ExcelJS from 'exceljs';
import { excel } from './lib';
import { recordKinds, type Db } from './kinds';
import { FORMAT_VERSION, runningProgrammes, workspaceRegion, writeInfoSheet } from './info';
import { printSetup, writeTable } from './sheets';
import { t } from '../../../shared/i18n/nl';
import { nowIso } from '../clock';

export interface ExportContext {
  /** Who makes the file (Info sheet). */
  user: string;
  /** The workspace file name (Info sheet). */
  source: string;
  /** Fixed time for reproducible files in tests; default now. */
  at?: string;
}

export async function newWorkbook(at: string): Promise<ExcelJS.Workbook> {
  const wb = new (await excel()).Workbook();
  wb.creator = t('app.name');
  wb.lastModifiedBy = t('app.name');
  wb.created = new Date(at);
  wb.modified = new Date(at);
  return wb;
}

export async function buildWorkspaceWorkbook(db: Db, ctx: ExportContext): Promise<ExcelJS.Workbook> {
  const at = ctx.at ?? nowIso();
  const region = await workspaceRegion(db);
  const wb = await newWorkbook(at);
  const info = wb.addWorksheet(t('xl.sheet.info'));
  writeInfoSheet(
    info,
    { kind: 'workspace', formatVersion: FORMAT_VERSION, regionNumber: region.number, regionLabel: region.label, madeAt: at, madeBy: ctx.user, source: ctx.source, partner: null, programmes: await runningProgrammes(db) },
    recordKinds.map((k) => ({ sheet: k.sheet, columns: k.columns })),
  );
  for (const kind of recordKinds) {
    const ws = wb.addWorksheet(kind.sheet);
    writeTable(ws, kind.columns, await kind.list(db), { headerNotes: true });
    printSetup(ws, { title: kind.sheet, region: region.label, date: at });
  }
  return wb;
}

export async function exportWorkspace(db: Db, ctx: ExportContext): Promise<Buffer> {
  const wb = await buildWorkspaceWorkbook(db, ctx);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
