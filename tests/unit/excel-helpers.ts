/** Shared helpers for the Excel exchange tests: workspaces on disk and workbook contents. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createWorkspaceFile, openWorkspaceFile, type Workspace } from '../../electron/core/db/workspace-file';
import { seedExample } from '../../electron/core/demo/seed';
import { exportWorkspace } from '../../electron/core/excel';
import { EXAMPLE_REGION, findRegion } from '../../shared/regions';
import { tempDir } from './helpers';

export async function exampleWorkspace(dir = tempDir()): Promise<Workspace> {
  const ws = createWorkspaceFile(path.join(dir, 'voorbeeld.regieboek'), EXAMPLE_REGION, { example: 'true' });
  await seedExample(ws.db);
  return ws;
}

export function emptyWorkspace(dir: string, regionNumber = EXAMPLE_REGION.number, name = 'leeg.regieboek'): Workspace {
  const region = regionNumber === EXAMPLE_REGION.number ? EXAMPLE_REGION : findRegion(regionNumber)!;
  return createWorkspaceFile(path.join(dir, name), region);
}

export const reopen = (file: string) => openWorkspaceFile(file);

export async function exportOf(ws: Workspace, at = '2026-11-23T10:00:00.000Z'): Promise<Buffer> {
  return exportWorkspace(ws.db, { user: 'Test', source: ws.fileName, at });
}

export async function load(buf: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  return wb;
}

export async function save(wb: ExcelJS.Workbook, file?: string): Promise<Buffer> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  if (file) fs.writeFileSync(file, buf);
  return buf;
}

/** Every sheet's cell values (dates as ISO), without the Info rows that name the moment and maker. */
export async function content(buf: Buffer): Promise<Record<string, unknown[][]>> {
  const wb = await load(buf);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const label = String(row.getCell(1).value ?? '');
      if (ws.name === 'Info' && ['Gemaakt op', 'Exportmoment (UTC)', 'Gemaakt door', 'Werkbestand'].includes(label)) return;
      const vals: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (c) => vals.push(c.value instanceof Date ? c.value.toISOString() : c.value));
      rows.push(vals);
    });
    out[ws.name] = rows;
  }
  return out;
}
