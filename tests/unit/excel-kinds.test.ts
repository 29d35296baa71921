/**
 * The registry is how issues 3-5 add their records to the exchange. This test adds a kind the way
 * they will (a child with a reference to a programme) and checks export, the legend, references
 * to records in the store or in the same file, and apply.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../electron/core/clock';
import { applyImport, exportWorkspace, planImport, recordKinds, registerKind, type RecordKind } from '../../electron/core/excel';
import { load, save, exampleWorkspace } from './excel-helpers';
import { clockForFile } from './helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

// The example as written, on the day it was written (demo/calendar.ts): these tests check its content.
clockForFile(WRITTEN_ON);

// A stand-in child kind: "notes per programme", stored in the programme's notes field.
const noteKind: RecordKind = {
  name: 'programmeNote',
  entity: 'programme',
  sheet: 'Programmanotities',
  idKey: 'id',
  columns: [
    { key: 'id', header: 'Id', type: 'id', required: true, help: 'Sleutel.' },
    { key: 'programmeId', header: 'Programma-id', type: 'id', required: true, help: 'Het programma.' },
    { key: 'text', header: 'Tekst', type: 'longText', help: 'De notitie.' },
  ],
  requiredColumns: ['id', 'programmeId'],
  refs: { programmeId: 'programme' },
  list: async (db) =>
    (await db.selectFrom('programme').select(['id', 'notes']).where('deletedAt', 'is', null).where('notes', '!=', '').orderBy('id').execute()).map((r) => ({
      id: `note-${r.id}`,
      programmeId: r.id,
      text: r.notes,
    })),
  label: (r) => String(r.id),
  create: async (tr, r) => void (await tr.update('programme', String(r.programmeId), { notes: r.text ?? '' })),
  update: async (tr, id, patch) => void (await tr.update('programme', id.replace(/^note-/, ''), { notes: patch.text ?? '' })),
};

registerKind(noteKind, { after: 'programme' });
afterAll(() => void recordKinds.splice(recordKinds.indexOf(noteKind), 1));

describe('adding a record kind', () => {
  it('gets a sheet and legend rows, and its references are checked against the store and the file', async () => {
    expect(() => registerKind(noteKind)).toThrow(/twice/);
    const ws = await exampleWorkspace();
    const buf = await exportWorkspace(ws.db, { user: 'T', source: 'x', at: nowIso() });
    const wb = await load(buf);
    const names = wb.worksheets.map((s) => s.name);
    expect(names.indexOf('Programmanotities')).toBe(names.indexOf("Programma's") + 1);
    const legend: string[] = [];
    wb.getWorksheet('Info')!.eachRow((r) => legend.push(String(r.getCell(1).value)));
    expect(legend).toContain('Programmanotities');

    const notes = wb.getWorksheet('Programmanotities')!;
    expect(notes.actualRowCount).toBe(3); // header + the two programmes with notes
    const programmeId = String(wb.getWorksheet("Programma's")!.getCell('A4').value);
    notes.addRow(['nieuw-1', 'bestaat-niet', 'x']);
    notes.addRow(['nieuw-2', programmeId, 'Notitie bij het concept']);
    const plan = await planImport(ws.db, await save(wb), 'k.xlsx');
    const bad = plan.rows.find((r) => r.id === 'nieuw-1')!;
    expect(bad.status).toBe('rejected');
    expect(bad.issues[0]!.text).toMatch(/Blad "Programmanotities", rij 4, kolom "Programma-id" \(B\): verwijst naar "bestaat-niet", maar dat staat niet in Regieboek en niet op blad "Programma's"/);
    expect(plan.rows.find((r) => r.id === 'nieuw-2')!.status).toBe('new');

    const res = await applyImport(ws.db, await save(wb), 'k.xlsx', { user: 'T' });
    expect(res.applied).toBe(1);
    const concept = await ws.db.selectFrom('programme').select('notes').where('id', '=', programmeId).executeTakeFirstOrThrow();
    expect(concept.notes).toBe('Notitie bij het concept');
    await ws.close();
  });
});
