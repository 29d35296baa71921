/**
 * The workspace workbook: the whole workspace in one .xlsx, one sheet per record kind with fixed
 * headers (docs/EXCHANGE.md), so it can be read back into an empty workspace without loss.
 */
import { WorkbookWriter } from './xlsx/writer';
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

export function newWorkbook(at: string, title?: string): WorkbookWriter {
  return new WorkbookWriter({ creator: t('app.name'), created: new Date(at), title });
}

export async function buildWorkspaceWorkbook(db: Db, ctx: ExportContext): Promise<WorkbookWriter> {
  const at = ctx.at ?? nowIso();
  const region = await workspaceRegion(db);
  const wb = newWorkbook(at);
  const info = wb.addSheet(t('xl.sheet.info'));
  writeInfoSheet(
    info,
    { kind: 'workspace', formatVersion: FORMAT_VERSION, regionNumber: region.number, regionLabel: region.label, madeAt: at, madeBy: ctx.user, source: ctx.source, partner: null, programmes: await runningProgrammes(db) },
    recordKinds.map((k) => ({ sheet: k.sheet, columns: k.columns })),
  );
  for (const kind of recordKinds) {
    const ws = wb.addSheet(kind.sheet);
    writeTable(ws, kind.columns, await kind.list(db), { headerNotes: true });
    printSetup(ws, { title: kind.sheet, region: region.label, date: at });
  }
  return wb;
}

export async function exportWorkspace(db: Db, ctx: ExportContext): Promise<Buffer> {
  return (await buildWorkspaceWorkbook(db, ctx)).toBuffer();
}
