// The dry run of a workspace workbook (electron/core/excel/import.ts): per row what an import
// would do (new / changed / unchanged / conflict / rejected) and why, on an in-memory database
// with the migrations applied and a workbook of a few rows. Fast, so npm run mutation runs it.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database as Schema } from '../../electron/core/db/schema';
import { tracked } from '../../electron/core/history/tracker';
import { display, planImport } from '../../electron/core/excel/import';
import { buildWorkspaceWorkbook } from '../../electron/core/excel/workspace-book';
import { recordKinds } from '../../electron/core/excel/kinds';
import type { WValue } from '../../electron/core/excel/xlsx/writer';
import { nowIso, setToday } from '../../electron/core/clock';
import type { ColumnSpec } from '../../electron/core/excel/sheets';
import { CUT_MARK } from '../../electron/core/excel/cells';
import type { ImportPlan } from '../../shared/schemas/exchange';
import { memoryDb } from './memory-db';

let sqlite: Database.Database;
let db: Kysely<Schema>;
let file: Buffer;
let madeAt: string;
const stamp = '2026-01-01T00:00:00.000Z';
const org = (id: string, name: string, type = 'mbo') => ({ id, name, type, brin: '', kvk: '', place: '', notes: '', createdAt: stamp, updatedAt: stamp, deletedAt: null, deletedIn: null });
const programme = (id: string, name: string) => ({
  id,
  name,
  periodStart: '2024-08-01',
  periodEnd: '2028-07-31',
  status: 'lopend',
  analysis: '',
  requestedCents: 100000,
  awardedCents: null,
  notes: '',
  contactSchoolId: 'o1',
  contactMunicipalityId: null,
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: null,
  deletedIn: null,
});
const act = (label: string, fn: Parameters<typeof tracked>[2]) => tracked(db, { user: 'Anna', session: 's1', action: 'edit', label }, fn);

beforeAll(async () => {
  setToday('2026-03-12');
  ({ sqlite, db } = memoryDb());
  sqlite.prepare('INSERT INTO region (number, name, contact_municipality) VALUES (?, ?, ?)').run(21, 'Zuid-Holland Oost', 'Gouda');
  await act('Start', async (tr) => {
    await tr.insert('organisation', org('o1', 'Albeda'));
    await tr.insert('organisation', org('o2', 'Gemeente Gouda', 'gemeente'));
    await tr.insert('organisation', org('o3', 'Oud', 'overig'));
    await tr.insert('programme', programme('p1', 'Programma VSV'));
  });
  await act('Weg', (tr) => tr.trash('organisation', 'o3'));
  // Older data: a note longer than an Excel cell holds, exported cut with a mark.
  sqlite.prepare("UPDATE organisation SET notes = ? WHERE id = 'o2'").run('x'.repeat(33_000));
  madeAt = nowIso();
  file = await edited(() => {});
  await new Promise((r) => setTimeout(r, 5));
});
afterAll(async () => {
  setToday(null);
  await db.destroy();
});

/**
 * The workbook as exported at `madeAt`, with edits per sheet by column header: built with the
 * exporter's own writer from the store as it is now (no exceljs round trip, so each case is quick).
 */
async function edited(
  edit: (sheet: (name: string) => { set: (row: number, header: string, v: WValue) => void; add: (values: Record<string, WValue>) => number; cut: (rows: number) => void }) => void,
  drop: string[] = [],
): Promise<Buffer> {
  const wb = await buildWorkspaceWorkbook(db, { user: 'Test', source: 'test.regieboek', at: madeAt });
  for (const name of drop) wb.sheets.splice(wb.sheets.indexOf(wb.sheet(name)!), 1);
  edit((name) => {
    const ws = wb.sheet(name)!;
    const columns = recordKinds.find((k) => k.sheet === name)!.columns;
    const col = (header: string) => {
      const at = columns.findIndex((c) => c.header === header) + 1;
      if (!at) throw new Error(`no column ${header} on ${name}`);
      return at;
    };
    return {
      set: (row, header, v) => ws.set(row, col(header), v),
      add: (values) => {
        const row = Math.max(ws.rows.length, 2);
        for (const [h, v] of Object.entries(values)) ws.set(row, col(h), v);
        return row;
      },
      /** Keeps the header and the first `rows` rows. */
      cut: (rows) => void (ws.rows.length = rows + 2),
    };
  });
  return wb.toBuffer();
}
const rowsOf = (plan: ImportPlan, sheet: string) => plan.rows.filter((r) => r.sheet === sheet);
const byId = (plan: ImportPlan, sheet: string, id: string) => plan.rows.find((r) => r.sheet === sheet && r.id === id)!;

describe('the dry run of a workspace workbook, row by row', () => {
  it('the file as exported changes nothing; records missing from it stay (a notice says so)', async () => {
    const plan = await planImport(db, file, 'werkbestand.xlsx');
    expect(plan.counts).toEqual({ new: 0, changed: 0, unchanged: 4, conflict: 0, rejected: 0 });
    expect(rowsOf(plan, 'Partners').map((r) => [r.id, r.status, r.label])).toEqual([
      ['o1', 'unchanged', 'Albeda'],
      ['o2', 'unchanged', 'Gemeente Gouda'],
    ]);
    expect(plan.fileKind).toBe('workspace');
    expect(plan.notices.map((n) => n.message)).toEqual([]);
  });

  it('a required field emptied is refused at its cell; an optional text emptied is no change from ""', async () => {
    const buf = await edited((sheet) => {
      sheet('Partners').set(3, 'Naam', null);
      sheet('Partners').set(2, 'Plaats', null);
    });
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    const gouda = byId(plan, 'Partners', 'o2');
    expect(gouda.status).toBe('rejected');
    expect(gouda.issues.map((i) => [i.row, i.col, i.header, i.message])).toEqual([[3, 'B', 'Naam', 'vul dit in.']]);
    expect(byId(plan, 'Partners', 'o1').status).toBe('unchanged');
  });

  it('new rows: new with every filled-in value; an id twice, an id in the Prullenbak or a missing required value is refused', async () => {
    const buf = await edited((sheet) => {
      const p = sheet('Partners');
      p.add({ Id: 'n1', Naam: 'Nieuw mbo', 'Soort organisatie': 'ROC / mbo', Plaats: 'Gouda' });
      p.add({ Id: 'd1', Naam: 'Dubbel A', 'Soort organisatie': 'overig' });
      p.add({ Id: 'd1', Naam: 'Dubbel B', 'Soort organisatie': 'overig' });
      p.add({ Id: 'o3', Naam: 'Terug?', 'Soort organisatie': 'overig' });
      p.add({ Id: 'n2', 'Soort organisatie': 'overig', Plaats: 'leerling: Jan' });
      p.add({ Naam: 'Zonder id', 'Soort organisatie': 'overig' });
    });
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    const rows = rowsOf(plan, 'Partners');
    expect(byId(plan, 'Partners', 'n1')).toMatchObject({
      status: 'new',
      label: 'Nieuw mbo',
      changes: [
        { key: 'name', old: '(leeg)', new: 'Nieuw mbo' },
        { key: 'type', old: '(leeg)', new: 'ROC / mbo' },
        { key: 'place', old: '(leeg)', new: 'Gouda' },
      ],
    });
    expect(byId(plan, 'Partners', 'n1').changes.every((c) => c.conflict === false)).toBe(true);
    expect(byId(plan, 'Partners', 'n1')).toMatchObject({ key: 'Partners!n1', issues: [], notes: [] });
    const dups = rows.filter((r) => r.id === 'd1');
    expect(dups.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(dups[0]!.issues[0]!.message).toBe(`id "d1" staat meer dan één keer in het blad (rijen ${dups[0]!.row}, ${dups[1]!.row}); elke regel mag maar één keer voorkomen.`);
    expect(dups[0]!.issues[0]!.col).toBe('A');
    expect(byId(plan, 'Partners', 'o3')).toMatchObject({ status: 'rejected', issues: [{ message: 'id "o3" staat in de Prullenbak. Zet de regel eerst terug en lees het bestand daarna opnieuw in.' }] });
    expect(byId(plan, 'Partners', 'n2').status).toBe('rejected');
    // Refused for its missing name only: the privacy guard looks at what would be written, and nothing is.
    expect(byId(plan, 'Partners', 'n2').issues.map((i) => i.header)).toEqual(['Naam']);
    expect(byId(plan, 'Partners', 'n2').changes).toEqual([]);
    const noId = rows.find((r) => r.label === 'Zonder id')!;
    expect(noId).toMatchObject({ id: '', key: `Partners!${noId.row}`, status: 'rejected', issues: [{ header: 'Id', message: 'vul dit in.' }] });
    expect(plan.counts).toMatchObject({ new: 1, rejected: 5 });
  });

  it('references must point to a record in Regieboek or a row of the file that is not refused itself', async () => {
    const buf = await edited((sheet) => {
      const p = sheet('Partners');
      p.add({ Id: 'n1', Naam: 'Nieuw mbo', 'Soort organisatie': 'ROC / mbo' });
      p.add({ Id: 'bad', Naam: 'Fout', 'Soort organisatie': 'geen soort' });
      const c = sheet('Contactpersonen');
      c.add({ Id: 'c1', 'Partner (id)': 'n1', Naam: 'Piet' });
      c.add({ Id: 'c2', 'Partner (id)': 'o2', Naam: 'Kees' });
      c.add({ Id: 'c3', 'Partner (id)': 'bad', Naam: 'Joke' });
      c.add({ Id: 'c4', 'Partner (id)': 'nergens', Naam: 'Ans' });
    });
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    expect(['c1', 'c2', 'c3', 'c4'].map((id) => byId(plan, 'Contactpersonen', id).status)).toEqual(['new', 'new', 'rejected', 'rejected']);
    expect(byId(plan, 'Contactpersonen', 'c4').issues[0]).toMatchObject({ header: 'Partner (id)', message: 'verwijst naar "nergens", maar dat staat niet in Regieboek en niet op blad "Partners".' });
    expect(byId(plan, 'Contactpersonen', 'c3').issues[0]!.message).toMatch(/^verwijst naar "bad"/);
  });

  it('a refused row refuses the rows that point at it, and theirs, until nothing changes', async () => {
    const buf = await edited((sheet) => {
      sheet("Programma's").add({ Id: 'pX', Naam: 'Nieuw', Startdatum: new Date(Date.UTC(2024, 7, 1)), Einddatum: new Date(Date.UTC(2028, 6, 31)), Status: 'Lopend', 'Contactschool (id)': 'nergens' });
      sheet('Programmalijnen').add({ Id: 'lX', 'Programma (id)': 'pX', Naam: 'Lijn' });
      sheet('Programmalijnen').add({ Id: 'lY', 'Programma (id)': 'p1', Naam: 'Lijn bij p1' });
    });
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    expect(byId(plan, "Programma's", 'pX').issues.map((i) => i.message)).toEqual(['verwijst naar "nergens", maar dat staat niet in Regieboek en niet op blad "Partners".']);
    expect(byId(plan, 'Programmalijnen', 'lX')).toMatchObject({ status: 'rejected', issues: [{ header: 'Programma (id)', message: 'verwijst naar "pX", maar dat staat niet in Regieboek en niet op blad "Programma\'s".' }] });
    expect(byId(plan, 'Programmalijnen', 'lY').status).toBe('new');
  });

  it('without the sheet of the records referred to, only the ones in Regieboek count', async () => {
    const buf = await edited((sheet) => {
      sheet('Contactpersonen').add({ Id: 'c1', 'Partner (id)': 'o2', Naam: 'Piet' });
      sheet('Contactpersonen').add({ Id: 'c2', 'Partner (id)': 'nergens', Naam: 'Kees' });
    }, ['Partners']);
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    expect(['c1', 'c2'].map((id) => byId(plan, 'Contactpersonen', id).status)).toEqual(['new', 'rejected']);
  });

  it('a workbook of another workspace (no id of this one) is refused as a whole', async () => {
    const buf = await edited((sheet) => {
      sheet('Partners').set(2, 'Id', 'x1');
      sheet('Partners').set(3, 'Id', 'x2');
      sheet("Programma's").set(2, 'Id', 'x3');
      sheet("Programma's").set(2, 'Contactschool (id)', 'x1');
    });
    await expect(planImport(db, buf, 'ander.xlsx')).rejects.toThrow(/^ander\.xlsx is een werkbestand-export van een ander werkbestand van deze regio \("test\.regieboek", /);
  });

  it('a sheet without a column it needs is refused, and with it the file', async () => {
    const buf = await edited((sheet) => sheet('Partners').set(1, 'Naam', 'Iets anders'));
    await expect(planImport(db, buf, 'werkbestand.xlsx')).rejects.toThrow(/^werkbestand\.xlsx kan niet worden ingelezen\. Er is niets gewijzigd\.\n.*Partners/);
  });

  it('checks across fields, and the read-only region sheet', async () => {
    const buf = await edited((sheet) => {
      sheet("Programma's").set(2, 'Einddatum', new Date(Date.UTC(2020, 0, 1)));
      sheet('Regio').set(2, 'Naam', 'Andere naam');
    });
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    expect(byId(plan, "Programma's", 'p1')).toMatchObject({ status: 'rejected', issues: [{ header: 'Einddatum', message: 'de einddatum ligt vóór de startdatum.' }] });
    expect(rowsOf(plan, 'Regio')[0]).toMatchObject({ status: 'rejected', issues: [{ header: 'Naam', message: 'gegevens op blad "Regio" wijzigt u in Regieboek, niet via een import.' }] });
  });
  it('a changed field is a change with old and new value as shown; a field Regieboek changed since is a conflict', async () => {
    const buf = await edited((sheet) => {
      sheet('Partners').set(2, 'Plaats', 'Rotterdam');
      sheet('Partners').set(2, 'Naam', 'Albeda (bestand)');
      sheet('Partners').set(3, 'Soort organisatie', 'RMC');
      sheet("Programma's").set(2, 'Aangevraagd bedrag', 1234.5);
    });
    // After the export Regieboek changes the name of Albeda: the file's change of that field is a conflict.
    await act('Hernoemen', (tr) => tr.update('organisation', 'o1', { name: 'Albeda College' }));
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    expect(plan.counts).toEqual({ new: 0, changed: 2, unchanged: 1, conflict: 1, rejected: 0 });
    const albeda = byId(plan, 'Partners', 'o1');
    expect(albeda.status).toBe('conflict');
    expect(albeda.changes).toEqual([
      { key: 'name', header: 'Naam', old: 'Albeda College', new: 'Albeda (bestand)', conflict: true },
      { key: 'place', header: 'Plaats', old: '(leeg)', new: 'Rotterdam', conflict: false },
    ]);
    expect(byId(plan, 'Partners', 'o2')).toMatchObject({ status: 'changed', changes: [{ key: 'type', old: 'Gemeente', new: 'RMC / Doorstroompunt', conflict: false }] });
    expect(byId(plan, "Programma's", 'p1')).toMatchObject({ status: 'changed', changes: [{ key: 'requestedCents', old: '€ 1.000,00', new: '€ 1.234,50', conflict: false }] });
  });
});

describe('the dry run: what is missing, cut, foreign or personal', () => {
  it('a cut text left as exported keeps the stored text; a cut text changed, or a new one, is refused', async () => {
    const cutText = `${'x'.repeat(32767 - CUT_MARK.length)}${CUT_MARK}`;
    expect((await planImport(db, file, 'werkbestand.xlsx')).rows.find((r) => r.id === 'o2')!.status).toBe('unchanged');
    const buf = await edited((sheet) => {
      sheet('Partners').set(3, 'Notities', `y${cutText.slice(1)}`);
      sheet('Partners').add({ Id: 'n1', Naam: 'Nieuw', 'Soort organisatie': 'overig', Notities: `kort${CUT_MARK}` });
    });
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    const message = /^deze tekst is bij het exporteren ingekort \(hij was langer dan een Excel-cel kan bevatten\)\. Laat de cel ongewijzigd, of vervang hem door een tekst van hooguit \d{1,3}(\.\d{3})* tekens\.$/;
    for (const id of ['o2', 'n1']) {
      const row = byId(plan, 'Partners', id);
      expect(row.status, id).toBe('rejected');
      expect(row.issues.map((i) => i.header)).toEqual(['Notities']);
      expect(row.issues[0]!.message).toMatch(message);
    }
  });

  it('records missing from the file stay, with a notice; a missing sheet is named and read as nothing', async () => {
    const buf = await edited((sheet) => {
      sheet('Partners').cut(1);
      // The region sheet is read-only: its row missing is no notice.
      sheet('Regio').cut(0);
    }, ["Programma's"]);
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    expect(plan.notices.map((n) => [n.sheet, n.message])).toEqual([
      ['Partners', '1 regel in Regieboek staat niet in het bestand; een import verwijdert niets, die blijft zoals hij is.'],
      ["Programma's", 'dit blad ontbreekt in het bestand; daarvan wordt niets ingelezen.'],
    ]);
    expect(plan.rows.filter((r) => r.sheet === "Programma's")).toEqual([]);
    expect(rowsOf(plan, 'Partners').map((r) => r.id)).toEqual(['o1']);
  });

  it('a new row on the read-only region sheet is another region\'s record', async () => {
    const buf = await edited((sheet) => sheet('Regio').add({ Regionummer: 99, Naam: 'Elders' }));
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    const other = rowsOf(plan, 'Regio').find((r) => r.id === '99')!;
    expect(other).toMatchObject({ status: 'rejected', issues: [{ header: 'Regionummer', message: '"99" hoort niet bij dit werkbestand.' }] });
  });

  it("what would be written passes the privacy guard: a changed value or a new row with a young person's name is held at its cell", async () => {
    const buf = await edited((sheet) => {
      sheet('Partners').set(2, 'Plaats', 'leerling: Jan');
      sheet('Partners').add({ Id: 'n1', Naam: 'Nieuw', 'Soort organisatie': 'overig', Plaats: 'leerling: Jan' });
    });
    const plan = await planImport(db, buf, 'werkbestand.xlsx');
    for (const id of ['o1', 'n1']) {
      const row = byId(plan, 'Partners', id);
      expect(row.status, id).toBe('rejected');
      expect(row.issues.map((i) => [i.header, i.col])).toEqual([['Plaats', 'F']]);
      expect(row.issues[0]!.message).toMatch(/^dit lijkt de naam van een jongere \(/);
    }
  });
});

describe('a value as the dry-run list shows it', () => {
  const spec = (type: ColumnSpec['type'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key: 'k', header: 'K', type, help: '', ...extra });
  it('per type of column, in Dutch formats', () => {
    expect(display(spec('text'), null)).toBe('(leeg)');
    expect(display(spec('text'), undefined)).toBe('(leeg)');
    expect(display(spec('text'), '')).toBe('(leeg)');
    expect(display(spec('money'), 123456)).toBe('€ 1.234,56');
    expect(display(spec('money', { scale: 100 }), 123456)).toBe('€ 12,35');
    expect(display(spec('date'), '2026-03-12')).toBe('12-03-2026');
    expect(display(spec('datetime'), '2026-03-12T10:00:00.000Z')).toMatch(/^12-03-2026 \d\d:\d\d$/);
    expect(display(spec('percent'), 0.975)).toBe('97,5%');
    expect(display(spec('percent', { scale: 100 }), 97.5)).toBe('97,5%');
    expect(display(spec('percent'), 0.12345)).toBe('12,3%');
    expect(display(spec('choice', { choices: [{ value: 'mbo', label: 'ROC / mbo' }] }), 'mbo')).toBe('ROC / mbo');
    expect(display(spec('choice', { choices: [{ value: 'mbo', label: 'ROC / mbo' }] }), 'vo')).toBe('vo');
    expect(display(spec('choice'), 'vo')).toBe('vo');
    expect(display(spec('bool'), true)).toBe('Ja');
    expect(display(spec('bool'), false)).toBe('Nee');
    expect(display(spec('int'), 12)).toBe('12');
    expect(display(spec('decimal'), 12.5)).toBe('12,5');
    expect(display(spec('text'), 'a'.repeat(120))).toBe('a'.repeat(120));
    expect(display(spec('longText'), 'a'.repeat(121))).toBe(`${'a'.repeat(117)}…`);
  });
});
