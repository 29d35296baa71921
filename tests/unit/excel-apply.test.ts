/**
 * The apply of a file right after its dry run uses the dry run's plan only while the store is
 * exactly as it was; any write in between (here: the same field, by a user) makes it plan again,
 * so a conflict that arose in the meantime is a conflict and not overwritten.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { applyImport, planImport } from '../../electron/core/excel';
import { tracked } from '../../electron/core/history/tracker';
import { exampleWorkspace, exportOf, load, save } from './excel-helpers';
import { nowIso } from '../../electron/core/clock';

async function withNotes(buf: Buffer, notes: string): Promise<Buffer> {
  const wb: ExcelJS.Workbook = await load(buf);
  wb.getWorksheet("Programma's")!.getCell('I3').value = notes;
  return save(wb);
}

describe('apply after a dry run', () => {
  it('plans again when the store changed after the dry run: the user’s newer change is a conflict, kept', async () => {
    const ws = await exampleWorkspace();
    const file = await withNotes(await exportOf(ws, nowIso()), 'Uit het bestand.');
    await new Promise((r) => setTimeout(r, 5));
    const plan = await planImport(ws.db, file, 'werkbestand.xlsx');
    expect(plan.counts).toMatchObject({ changed: 1, conflict: 0 });
    const id = plan.rows.find((r) => r.status === 'changed')!.id;

    // Between the dry run and the apply, someone changes the same field in Regieboek.
    await tracked(ws.db, { user: 'Collega', session: null, action: 'update', label: 'Notities' }, (tr) => tr.update('programme', id, { notes: 'Intussen in Regieboek.' }));
    const res = await applyImport(ws.db, file, 'werkbestand.xlsx', { user: 'Test' });
    expect(res.plan.counts).toMatchObject({ changed: 0, conflict: 1 });
    expect(res.applied).toBe(0);
    const row = await ws.db.selectFrom('programme').select('notes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.notes).toBe('Intussen in Regieboek.');

    // Without anything in between, the dry run's plan is applied as shown.
    const again = await withNotes(file, 'Tweede bestand.');
    const plan2 = await planImport(ws.db, again, 'werkbestand-2.xlsx');
    expect(plan2.counts.conflict).toBe(1);
    const key = plan2.rows.find((r) => r.status === 'conflict')!.key;
    const res2 = await applyImport(ws.db, again, 'werkbestand-2.xlsx', { user: 'Test', choices: { [key]: 'file' } });
    expect(res2.applied).toBe(1);
    expect((await ws.db.selectFrom('programme').select('notes').where('id', '=', id).executeTakeFirstOrThrow()).notes).toBe('Tweede bestand.');
    await ws.close();
    // The example region, its whole workbook exported and read back by exceljs four times: 10-15 s on this loaded machine.
  }, 60_000);
});
