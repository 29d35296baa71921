import fs from 'node:fs';
import { nowIso } from '../../electron/core/clock';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, planImport } from '../../electron/core/excel';
import { step } from '../../electron/core/history/undo';
import { info } from '../../electron/core/cli/main';
import { recordCounts } from '../../electron/core/db/queries/counts';
import { programmeResults } from '../../electron/core/db/queries/results';
import { content, emptyWorkspace, exampleWorkspace, exportOf, load, save } from './excel-helpers';
import { sha, tempDir, clockForFile } from './helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

// The example as written, on the day it was written (demo/calendar.ts): these tests check its content.
clockForFile(WRITTEN_ON);

describe('workspace workbook round trip', () => {
  it('export, import into an empty workspace, export again: same content and same counts', async () => {
    const dir = tempDir();
    const src = await exampleWorkspace(dir);
    const first = await exportOf(src);
    const target = emptyWorkspace(dir);
    const plan = await planImport(target.db, first, 'voorbeeld.xlsx');
    expect(plan.counts).toMatchObject({ changed: 0, conflict: 0, rejected: 0, unchanged: 1 }); // the region row
    // Partners, contacts, programmes, lines, measures, activities and sub-activities: all new.
    expect([...new Set(plan.rows.filter((r) => r.status === 'new').map((r) => r.kind))]).toEqual(
      expect.arrayContaining(['organisation', 'contact', 'programme', 'programmeLine', 'measure', 'activity', 'subActivity', 'award', 'budgetLine', 'spend', 'indicator', 'target', 'measurement', 'regionFigure', 'monitoringRound', 'monitoringInterview', 'monitoringAnswer', 'monitoringAction']),
    );
    const res = await applyImport(target.db, first, 'voorbeeld.xlsx', { user: 'Test' });
    // Every live record of the source, counted in the store itself (not by the import's own plan).
    const inSource = Object.values(recordCounts(src.sqlite)).reduce((n, c) => n + c, 0);
    expect(inSource).toBeGreaterThan(1000);
    expect(res.applied).toBe(inSource);
    const second = await exportOf(target);
    expect(await content(second)).toEqual(await content(first));
    // Periods apart from dates, moments that report on the school year before, and the linked
    // ("waarvan") pair come back as they were, and with them every status.
    const cols = ['id', 'date', 'periodKind', 'periodStart', 'periodEnd', 'schoolYear'] as const;
    const periods = (ws: typeof src) => ws.db.selectFrom('measurement').select(cols).orderBy('id').execute();
    expect(await periods(target)).toEqual(await periods(src));
    const linked = (ws: typeof src) => ws.db.selectFrom('indicator').select(['id', 'parentId', 'phrase', 'periodKind', 'momentPeriods']).orderBy('id').execute();
    expect(await linked(target)).toEqual(await linked(src));
    expect((await linked(target)).filter((i) => i.parentId)).toHaveLength(1);
    expect((await linked(target)).filter((i) => i.momentPeriods.includes('vorig')).length).toBeGreaterThan(10);
    // The plan's own structure: a measure that is its own activity (1.3) and an activity directly
    // under a programme line (3.3) come back in their shape, with their indicators.
    const shapes = (ws: typeof src) => ws.db.selectFrom('measure').select(['id', 'code', 'shape', 'lineId']).where('shape', '!=', 'measure').orderBy('id').execute();
    expect((await shapes(target)).map((x) => [x.code, x.shape])).toEqual(expect.arrayContaining([['1.3', 'single'], ['3.3', 'activity']]));
    expect(await shapes(target)).toEqual(await shapes(src));
    const statuses = async (ws: typeof src) => {
      const out: [string, string, string | null][] = [];
      for (const p of await ws.db.selectFrom('programme').select('id').execute())
        for (const m of (await programmeResults(ws.db, p.id))?.measures ?? [])
          for (const v of [...m.indicators, ...m.activities.flatMap((a) => a.indicators)]) out.push([v.id, v.evaluation.status, v.evaluation.latest?.period ?? null]);
      return out.sort((a, b) => a[0].localeCompare(b[0]));
    };
    expect(await statuses(target)).toEqual(await statuses(src));
    await src.close();
    await target.close();
    const a = await info(src.path);
    const b = await info(target.path);
    expect(b.counts).toEqual(a.counts);
  });

  it('re-importing the same file changes nothing, and the import is one change set that undo reverses', async () => {
    const dir = tempDir();
    const src = await exampleWorkspace(dir);
    const file = await exportOf(src);
    await src.close();
    const target = emptyWorkspace(dir);
    const res = await applyImport(target.db, file, 'voorbeeld.xlsx', { user: 'Test', session: 'venster' });
    const total = res.plan.rows.length;
    const cs = await target.db.selectFrom('changeSet').selectAll().where('id', '=', res.changeSetId!).executeTakeFirstOrThrow();
    expect(cs.source).toBe('voorbeeld.xlsx');
    expect(cs.action).toBe('import');
    const changes = await target.db.selectFrom('change').selectAll().where('changeSetId', '=', cs.id).execute();
    expect(changes).toHaveLength(res.applied); // one history entry per record

    const again = await applyImport(target.db, file, 'voorbeeld.xlsx', { user: 'Test' });
    expect(again.applied).toBe(0);
    expect(again.changeSetId).toBeNull();
    expect(again.plan.counts).toMatchObject({ new: 0, changed: 0, unchanged: total });
    expect(await target.db.selectFrom('changeSet').select('id').execute()).toHaveLength(1);

    const me = { user: 'Test', session: 'venster' };
    // Many records: the first Ctrl+Z only asks, naming the import and the count.
    const ask = await step(target.db, me, 'undo');
    expect(ask).toMatchObject({ status: 'confirm', changeSetId: cs.id, records: res.applied, question: 'Import uit "voorbeeld.xlsx" ongedaan maken?' });
    expect(await target.db.selectFrom('programme').selectAll().execute()).not.toHaveLength(0);
    await step(target.db, me, 'undo', ask.changeSetId);
    expect(await target.db.selectFrom('programme').selectAll().execute()).toHaveLength(0);
    expect(await target.db.selectFrom('activity').selectAll().execute()).toHaveLength(0);
    expect(await target.db.selectFrom('organisation').selectAll().execute()).toHaveLength(0);
    await target.close();
  });

  it('a changed cell is shown old -> new, a change in Regieboek since the export is a conflict the user chooses', async () => {
    const dir = tempDir();
    const ws = await exampleWorkspace(dir);
    await new Promise((r) => setTimeout(r, 5));
    const exportedAt = nowIso();
    await new Promise((r) => setTimeout(r, 5));
    const buf = await exportOf(ws, exportedAt);
    const wb = await load(buf);
    const sheet = wb.getWorksheet("Programma's")!;
    // row 2 = oldest programme; change its notes (G..) and requested amount
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => headers.indexOf(h);
    sheet.getRow(2).getCell(col('Notities')).value = 'Gewijzigd in Excel';
    sheet.getRow(3).getCell(col('Aangevraagd bedrag')).value = '4.400.000,00';
    const edited = await save(wb);
    // meanwhile someone changes programme 3's requested amount in Regieboek
    const id3 = String(sheet.getRow(3).getCell(col('Id')).value);
    const { tracked } = await import('../../electron/core/history/tracker');
    await tracked(ws.db, { user: 'Collega', session: 'ander', action: 'update', label: 'x' }, (tr) => tr.update('programme', id3, { requestedCents: 1 }));

    const plan = await planImport(ws.db, edited, 'bewerkt.xlsx');
    expect(plan.counts).toMatchObject({ changed: 1, conflict: 1, unchanged: plan.rows.length - 2 });
    const changed = plan.rows.find((r) => r.status === 'changed')!;
    expect(changed.changes).toEqual([expect.objectContaining({ header: 'Notities', new: 'Gewijzigd in Excel' })]);
    const conflict = plan.rows.find((r) => r.status === 'conflict')!;
    expect(conflict.changes[0]).toMatchObject({ header: 'Aangevraagd bedrag', old: '€ 0,01', new: '€ 4.400.000,00', conflict: true });

    const keep = await applyImport(ws.db, edited, 'bewerkt.xlsx', { user: 'Test' });
    expect(keep.applied).toBe(1);
    expect((await ws.db.selectFrom('programme').select('requestedCents').where('id', '=', id3).executeTakeFirstOrThrow()).requestedCents).toBe(1);
    await applyImport(ws.db, edited, 'bewerkt.xlsx', { user: 'Test', choices: { [conflict.key]: 'file' } });
    expect((await ws.db.selectFrom('programme').select('requestedCents').where('id', '=', id3).executeTakeFirstOrThrow()).requestedCents).toBe(440_000_000);
    await ws.close();
  });

  it('a dry run leaves the workspace file byte-for-byte unchanged', async () => {
    const dir = tempDir();
    const ws = await exampleWorkspace(dir);
    const buf = await exportOf(ws);
    await ws.close();
    const target = emptyWorkspace(dir);
    const file = target.path;
    await target.close();
    const before = sha(file);
    const again = (await import('./excel-helpers')).reopen(file);
    await planImport(again.db, buf, 'x.xlsx');
    await again.close();
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('applying a file that changes nothing, or a refused file, leaves the workspace file byte-for-byte unchanged', async () => {
    const dir = tempDir();
    const ws = await exampleWorkspace(dir);
    const buf = await exportOf(ws);
    const file = ws.path;
    await ws.close();
    const before = sha(file);
    const again = (await import('./excel-helpers')).reopen(file);
    const res = await applyImport(again.db, buf, 'zelfde.xlsx', { user: 'Test' });
    expect(res).toMatchObject({ applied: 0, changeSetId: null });
    await expect(applyImport(again.db, buf.subarray(0, 100), 'kapot.xlsx', { user: 'Test' })).rejects.toThrow(/onvolledig of beschadigd/);
    await again.close();
    expect(sha(file)).toBe(before);
  });
});
