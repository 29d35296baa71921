/**
 * The workspace workbook carries the plan's own structure (issue 12 point 4): the Vorm column of
 * Maatregelen comes back exactly, a measure and its own activity stay in step when a file changes
 * one of them, and a file that would give such an item no activity, or a second one, is refused
 * row by row in the dry run.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyImport, planImport } from '../../electron/core/excel';
import { exportOf, load, save } from './excel-helpers';
import { makeCore, programmeInput } from './helpers';
import { activityInput, measureInput } from './programme-tree-helpers';
import { now } from '../../electron/core/clock';
import type { Workspace } from '../../electron/core/db/workspace-file';
import type ExcelJS from 'exceljs';

function sheetAccess(ws: ExcelJS.Worksheet) {
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (h: string) => headers.indexOf(h);
  const rowWhere = (h: string, value: string) => {
    for (let i = 2; i <= ws.rowCount; i++) if (String(ws.getRow(i).getCell(col(h)).value ?? '') === value) return ws.getRow(i);
    throw new Error(`no row with ${h} = ${value}`);
  };
  return { col, rowWhere };
}

const shapes = async (db: Workspace['db']) =>
  (await db.selectFrom('measure').select(['code', 'shape']).where('shape', '!=', 'measure').orderBy('code').execute()).map((m) => [m.code, m.shape]);

// A small workspace with each shape (the example region's round trip, whose content comparison
// includes the Vorm column, is excel-roundtrip.test.ts).
let ws: Workspace;
let exported: Buffer;
beforeEach(async () => {
  const core = await makeCore();
  const { call } = core;
  const p = await call('programme.create', programmeInput());
  const line = await call('line.create', { programmeId: p.id, code: '3', name: 'Zorg', description: '' });
  const m = await call('measure.create', { ...measureInput(p.id, '2a', 'Instroomloket'), lineId: line.id });
  await call('activity.create', activityInput(m.id, '2a.1', 'Loket'));
  await call('activity.create', activityInput(m.id, '2a.2', 'Schakelklas'));
  await call('measure.create', { ...measureInput(p.id, '1.3', 'Overstapmonitor'), shape: 'single' });
  const { measureId: _m, ...fields } = activityInput('', '3.3', 'Spreekuur jeugdarts bij ziekteverzuim');
  await call('activity.create', { ...fields, lineId: line.id });
  ws = core.app.requireWorkspace();
  // Made after the data was written, so an edit is a change and not a conflict.
  exported = await exportOf(ws, new Date(now().getTime() + 1000).toISOString());
});

describe('the plan structure in the workspace workbook', () => {
  it('the Vorm column says each shape in Dutch', async () => {
    const m = sheetAccess((await load(exported)).getWorksheet('Maatregelen')!);
    expect(String(m.rowWhere('Code', '1.3').getCell(m.col('Vorm')).value)).toBe('Maatregel die zelf de activiteit is');
    expect(String(m.rowWhere('Code', '3.3').getCell(m.col('Vorm')).value)).toBe('Activiteit direct onder de programmalijn');
    expect(String(m.rowWhere('Code', '2a').getCell(m.col('Vorm')).value)).toBe('Maatregel met activiteiten');
  });

  it('refuses a second activity under a measure that is its own activity, and the shape "own activity" for a measure with two', async () => {
    const wb = await load(exported);
    const measures = wb.getWorksheet('Maatregelen')!;
    const m = sheetAccess(measures);
    const single = String(m.rowWhere('Code', '1.3').getCell(m.col('Id')).value);
    // Measure 2a has two activities; the file says it is its own activity.
    m.rowWhere('Code', '2a').getCell(m.col('Vorm')).value = 'Maatregel die zelf de activiteit is';
    // And a new activity row under 1.3.
    const acts = wb.getWorksheet('Activiteiten')!;
    const a = sheetAccess(acts);
    const extra = acts.addRow([]);
    extra.getCell(a.col('Id')).value = 'nieuw-1';
    extra.getCell(a.col('Maatregel (id)')).value = single;
    extra.getCell(a.col('Code')).value = '1.3.1';
    extra.getCell(a.col('Naam')).value = 'Tweede activiteit';
    extra.getCell(a.col('Status')).value = 'Lopend';

    const plan = await planImport(ws.db, await save(wb), 'fout.xlsx');
    const rejected = plan.rows.filter((r) => r.status === 'rejected');
    expect(rejected.map((r) => [r.sheet, r.issues[0]!.header])).toEqual([
      ['Maatregelen', 'Vorm'],
      ['Activiteiten', 'Maatregel (id)'],
    ]);
    expect(rejected[0]!.issues[0]!.message).toMatch(/heeft daarom precies één activiteit; met dit bestand zouden het er 2 zijn/);
    expect(rejected[1]!.issues[0]!.message).toMatch(/Maatregel die zelf de activiteit is/);
    // Nothing else is refused, and applying writes neither.
    expect(plan.counts.rejected).toBe(2);
    expect(plan.counts.new + plan.counts.changed).toBe(0);
    expect((await applyImport(ws.db, await save(wb), 'fout.xlsx', { user: 'Test' })).applied).toBe(0);
    expect(await shapes(ws.db)).toEqual([
      ['1.3', 'single'],
      ['3.3', 'activity'],
    ]);
  });

  it('a name changed on the Activiteiten sheet for an item that is its own activity changes the measure row too', async () => {
    const wb = await load(exported);
    const a = sheetAccess(wb.getWorksheet('Activiteiten')!);
    a.rowWhere('Code', '3.3').getCell(a.col('Naam')).value = 'Spreekuur jeugdarts';
    const res = await applyImport(ws.db, await save(wb), 'bewerkt.xlsx', { user: 'Test' });
    expect(res.plan.counts).toMatchObject({ changed: 1, rejected: 0 });
    const m = await ws.db.selectFrom('measure').select(['name', 'shape']).where('code', '=', '3.3').executeTakeFirstOrThrow();
    expect(m).toEqual({ name: 'Spreekuur jeugdarts', shape: 'activity' });
  });
});
