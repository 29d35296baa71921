/**
 * Excel exchange benchmark: export and import (dry run + apply into an empty workspace) of a
 * workspace N times the example region, against raw exceljs streaming write and read of the same
 * number of cells in the same run. Part of `npm run bench`; for other sizes: node --import tsx bench/excel.ts N ...
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createWorkspaceFile } from '../electron/core/db/workspace-file';
import { seedExample } from '../electron/core/demo/seed';
import { applyImport, exportWorkspace, planImport, recordKinds } from '../electron/core/excel';
import { EXAMPLE_REGION } from '../shared/regions';
import { report, row } from './util';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function rawStream(rows: number, cols: number, sample: unknown[][]): Promise<{ write: number; read: number }> {
  const file = path.join(os.tmpdir(), `bench-raw-${process.pid}.xlsx`);
  let t0 = process.hrtime.bigint();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('Data');
  for (let r = 0; r < rows; r++) ws.addRow(sample[r % sample.length]!.slice(0, cols)).commit();
  ws.commit();
  await wb.commit();
  const write = ms(t0);
  t0 = process.hrtime.bigint();
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const sheet of reader) for await (const row of sheet as AsyncIterable<ExcelJS.Row>) cells += row.cellCount;
  const read = ms(t0);
  fs.rmSync(file, { force: true });
  if (cells === 0) throw new Error('raw read saw no cells');
  return { write, read };
}

async function run(times: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-excel-'));
  const src = createWorkspaceFile(path.join(dir, 'src.regieboek'), EXAMPLE_REGION);
  // N copies of the whole example region: partners, contacts, programmes and the programme tree.
  for (let i = 0; i < times; i++) await seedExample(src.db);
  let t0 = process.hrtime.bigint();
  const buf = await exportWorkspace(src.db, { user: 'bench', source: 'src' });
  const exportMs = ms(t0);
  const dst = createWorkspaceFile(path.join(dir, 'dst.regieboek'), EXAMPLE_REGION);
  t0 = process.hrtime.bigint();
  await planImport(dst.db, buf, 'bench.xlsx');
  const planMs = ms(t0);
  t0 = process.hrtime.bigint();
  const res = await applyImport(dst.db, buf, 'bench.xlsx', { user: 'bench', session: 'bench' });
  const applyMs = ms(t0);

  // The same number of data cells, written and read with exceljs's streaming API and no checks.
  let rows = 0;
  let cells = 0;
  const sample: unknown[][] = [];
  for (const k of recordKinds) {
    const list = await k.list(src.db);
    rows += list.length;
    cells += list.length * k.columns.length;
    for (const r of list.slice(0, 50)) sample.push(k.columns.map((c) => r[c.key] ?? null));
  }
  const cols = Math.max(...recordKinds.map((k) => k.columns.length));
  const raw = await rawStream(Math.ceil(cells / cols), cols, sample);
  await src.close();
  await dst.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { times, rows, cells, bytes: buf.length, exportMs, planMs, applyMs, applied: res.applied, rawWriteMs: raw.write, rawReadMs: raw.read };
}

/**
 * Under bench/run.ts (no arguments): BENCH_RUNS_EXCEL runs (default 3) at 20x, reported as rows.
 * With sizes as arguments: one run per size, printed as a line (the table in docs/PERFORMANCE.md).
 */
async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  await run(1); // warm up
  if (!sizes.length) {
    const runs = Number(process.env.BENCH_RUNS_EXCEL ?? 3);
    const rs = [];
    for (let i = 0; i < runs; i++) rs.push(await run(20));
    report([
      row('excel', 'export werkbestand, 20× voorbeeldregio', rs.map((r) => r.exportMs), { what: 'exceljs streaming write, zelfde aantal cellen', samples: rs.map((r) => r.rawWriteMs) }),
      row('excel', 'import proef + toepassen, 20× voorbeeldregio', rs.map((r) => r.planMs + r.applyMs), { what: 'exceljs streaming read, zelfde aantal cellen', samples: rs.map((r) => r.rawReadMs) }),
    ]);
    return;
  }
  for (const n of sizes) {
    const r = await run(n);
    const f = (x: number) => x.toFixed(0).padStart(6);
    console.log(
      `${String(n).padStart(4)}x: ${r.rows} rows, ${r.cells} cells, ${(r.bytes / 1024).toFixed(0)} KB | export ${f(r.exportMs)} ms vs raw stream write ${f(r.rawWriteMs)} ms (x${(r.exportMs / r.rawWriteMs).toFixed(1)}) | ` +
        `import dry run ${f(r.planMs)} ms + apply ${f(r.applyMs)} ms vs raw stream read ${f(r.rawReadMs)} ms (x${((r.planMs + r.applyMs) / r.rawReadMs).toFixed(1)})`,
    );
  }
}

void main();
