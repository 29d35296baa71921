/**
 * A corpus of bad (and oddly made) workbooks, each generated here with exceljs or as raw bytes.
 * Every case gives the expected Dutch message, naming sheet, row and column where there is one,
 * and a dry run never changes the workspace file: its sha256 is the same before and after.
 */
import fs from 'node:fs';
import { nowIso } from '../../electron/core/clock';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { applyImport, planImport, exportPartner, exportSteering, exportWorkspace, readBook, LIMITS, type Limits } from '../../electron/core/excel';
import { zip } from '../../electron/core/excel/xlsx/zip';
import type { ImportPlan } from '../../shared/schemas/exchange';
import { emptyWorkspace, exampleWorkspace, exportOf, load, reopen, save } from './excel-helpers';
import { sha, tempDir, clockForFile } from './helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

// The example as written, on the day it was written (demo/calendar.ts): these tests check its content.
clockForFile(WRITTEN_ON);

let dir: string;
let file: string;
let base: Buffer;

beforeAll(async () => {
  // Not tempDir(): that one is removed after each test, this workspace serves the whole file.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-corpus-'));
  const ws = await exampleWorkspace(dir);
  file = ws.path;
  base = await exportOf(ws, nowIso());
  await ws.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const P = "Programma's";
// Columns of the programme sheet: A Id, B Naam, C Startdatum, D Einddatum, E Status,
// F Aangevraagd bedrag, G Toegekend bedrag, H Regionale analyse, I Notities, J/K timestamps.
// Rows: 2 = 2020-2024 (afgerond), 3 = 2024-2028 (lopend), 4 = 2028-2032 (concept).

async function mutate(fn: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void | Promise<void>, from: Buffer = base): Promise<Buffer> {
  const wb = await load(from);
  await fn(wb, wb.getWorksheet(P)!);
  return save(wb);
}

/** Runs a dry run on the workspace and checks the file did not change. */
async function dry(buf: Buffer, limits?: Limits): Promise<ImportPlan | Error> {
  const before = sha(file);
  const ws = reopen(file);
  let out: ImportPlan | Error;
  try {
    out = await planImport(ws.db, buf, 'partner.xlsx', { limits });
  } catch (e) {
    out = e as Error;
  } finally {
    await ws.close();
  }
  expect(sha(file)).toBe(before);
  return out;
}

async function refused(buf: Buffer, re: RegExp, limits?: Limits): Promise<string> {
  const r = await dry(buf, limits);
  expect(r).toBeInstanceOf(Error);
  expect((r as Error).message).toMatch(re);
  expect((r as Error).message).toMatch(/Er is niets gewijzigd/);
  // Applying is refused the same way, and the workspace file stays byte-for-byte the same.
  const before = sha(file);
  const ws = reopen(file);
  try {
    await expect(applyImport(ws.db, buf, 'partner.xlsx', { user: 'Test', limits })).rejects.toThrow((r as Error).message);
  } finally {
    await ws.close();
  }
  expect(sha(file)).toBe(before);
  return (r as Error).message;
}

async function planOf(buf: Buffer): Promise<ImportPlan> {
  const r = await dry(buf);
  if (r instanceof Error) throw r;
  return r;
}

/** The one rejected row's first issue, which must name sheet, row and column. */
async function rejected(buf: Buffer, re: RegExp, at?: string): Promise<ImportPlan> {
  const plan = await planOf(buf);
  const bad = plan.rows.filter((r) => r.status === 'rejected');
  expect(bad.length, JSON.stringify(plan.rows.map((r) => [r.status, r.issues.map((i) => i.text)]))).toBeGreaterThan(0);
  const texts = bad.flatMap((r) => r.issues.map((i) => i.text));
  expect(texts.join('\n')).toMatch(re);
  if (at) expect(texts.join('\n')).toContain(at);
  return plan;
}

const unchangedAll = (plan: ImportPlan) => expect(plan.counts).toMatchObject({ new: 0, changed: 0, conflict: 0, rejected: 0, unchanged: plan.rows.length });

describe('bad workbooks: refused as a whole, nothing changed', () => {
  it('01 truncated file', async () => {
    await refused(base.subarray(0, Math.floor(base.length / 2)), /onvolledig of beschadigd/);
  });
  it('02 empty file', async () => {
    await refused(Buffer.alloc(0), /is leeg/);
  });
  it('03 csv renamed to xlsx', async () => {
    await refused(Buffer.from('Id;Naam;Startdatum\r\nabc;Programma;01-08-2026\r\n', 'utf8'), /tekstbestand \(bijvoorbeeld csv\)/);
  });
  it('04 password-protected (encrypted OLE container)', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1100);
    await refused(ole, /beveiligd met een wachtwoord/);
  });
  it('05 old .xls format', async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('Workbook', 'utf16le').copy(ole, 1024);
    await refused(ole, /oude Excel-formaat \(\.xls\)/);
  });
  it('06 a zip that is not a workbook', async () => {
    const other = Buffer.from(base.toString('latin1').replaceAll('xl/workbook.xml', 'wd/document.xml'), 'latin1');
    await refused(other, /zip-bestand maar geen Excel-werkmap/);
  });
  it('07 binary garbage', async () => {
    await refused(Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)), /geen Excel-werkmap/);
  });
  it('08 over the size limit', async () => {
    await refused(base, /te groot .*hooguit 0,0 MB/, { ...LIMITS, maxBytes: 1000 });
  });
  it('09 too many rows', async () => {
    const big = await mutate((_wb, ws) => {
      for (let i = 0; i < 1600; i++) ws.addRow([`extra-${i}`, 'Programma', '01-08-2030', '31-07-2034', 'Concept']);
    });
    // Counted in the sheet's XML before exceljs loads anything.
    await refused(big, /blad "Programma's" heeft 1\.500\+ rijen; Regieboek leest hooguit 1\.500 rijen/, { ...LIMITS, maxRows: 1500 });
  });
  it('09b unpacked too big, also when the zip lies about its sizes (zip bomb)', async () => {
    await refused(base, /uitgepakt te groot/, { ...LIMITS, maxUnpackedBytes: 20_000 });
    const lying = Buffer.from(base);
    const eocd = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = lying.readUInt32LE(eocd + 16);
    for (let i = 0; i < lying.readUInt16LE(eocd + 10); i++) {
      lying.writeUInt32LE(1, p + 24); // declared unpacked size: 1 byte
      p += 46 + lying.readUInt16LE(p + 28) + lying.readUInt16LE(p + 30) + lying.readUInt16LE(p + 32);
    }
    await refused(lying, /uitgepakt te groot/, { ...LIMITS, maxUnpackedBytes: 20_000 });
  });
  it('10 wrong sheet name', async () => {
    await refused(await mutate((_wb, ws) => void (ws.name = 'Programmas')), /blad "Programma's" ontbreekt, en blad "Programmas" kent Regieboek niet/);
  });
  it('11 not a Regieboek file (no Info sheet)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').addRow(['Naam', 'Bedrag']);
    await refused(await save(wb), /geen blad "Info".*"Blad1"/s);
  });
  it("12 a file from another region's workspace", async () => {
    const other = emptyWorkspace(tempDir(), 28, 'haaglanden.regieboek');
    const buf = await exportOf(other);
    await other.close();
    // Both regions named: the file's and the open workspace's (the example region has no number).
    await refused(buf, /^partner\.xlsx komt uit een werkbestand van regio 28 Haaglanden; het geopende werkbestand is van regio Voorbeeldregio\. Open het werkbestand van de juiste regio\./);
  });
  it('13 a steering-group report is not input', async () => {
    const ws = reopen(file);
    const buf = await exportSteering(ws.db, { user: 'T', source: 'x' });
    await ws.close();
    await refused(buf, /stuurgroeprapportage: een verslag/);
  });
  it('14 a newer format version', async () => {
    const buf = await mutate((wb) => {
      const info = wb.getWorksheet('Info')!;
      info.eachRow((row) => {
        if (row.getCell(1).value === 'Formaatversie') row.getCell(2).value = 99;
      });
    });
    await refused(buf, /formaatversie 99/);
  });
  it('15 merged header cells', async () => {
    const msg = await refused(await mutate((_wb, ws) => ws.mergeCells('F1:G1')), /samengevoegd/);
    expect(msg).toContain('Blad "Programma\'s", rij 1, kolom "Aangevraagd bedrag" (F)');
  });
  it('16 a required column missing', async () => {
    await refused(await mutate((_wb, ws) => ws.spliceColumns(4, 1)), /verplichte kolom "Einddatum" ontbreekt/);
  });
  it('17 the same column twice', async () => {
    await refused(await mutate((_wb, ws) => void (ws.getCell('L1').value = 'Status')), /kolomkop staat er twee keer/);
  });
  it('18 personal-data columns (BSN, geboortedatum)', async () => {
    const msg = await refused(
      await mutate((_wb, ws) => {
        ws.getCell('L1').value = 'BSN';
        ws.getCell('M1').value = 'Geboortedatum';
      }),
      /individuele jongeren/,
    );
    expect(msg).toContain('L1 ("BSN")');
  });
  it('19 personal data on an extra sheet (naam leerling, adres)', async () => {
    await refused(
      await mutate((wb) => {
        const s = wb.addWorksheet('Deelnemers');
        s.addRow(['Deelnemerslijst schooljaar 2025/2026']);
        s.addRow(['Naam leerling', 'Adres', 'Aantal']);
      }),
      /blad "Deelnemers" lijkt gegevens over individuele jongeren/,
    );
  });
});

describe('tolerated: moved, missing optional and extra columns, empty rows, number and date formats', () => {
  it('20 headers moved: read by header text, not position', async () => {
    const buf = await mutate((_wb, ws) => {
      for (let r = 1; r <= 4; r++) {
        const b = ws.getCell(`B${r}`).value;
        ws.getCell(`B${r}`).value = ws.getCell(`F${r}`).value;
        ws.getCell(`F${r}`).value = b;
      }
    });
    unchangedAll(await planOf(buf));
  });
  it('21 an optional column missing and an extra column are reported, the rest reads', async () => {
    const plan = await planOf(
      await mutate((_wb, ws) => {
        ws.spliceColumns(9, 1);
        ws.getCell('L1').value = 'Opmerking regio';
      }),
    );
    unchangedAll(plan);
    const notes = plan.notices.map((n) => n.text).join('\n');
    expect(notes).toContain('de kolom "Notities" ontbreekt');
    expect(notes).toMatch(/kolom "Opmerking regio" \(\w\): onbekende kolom/);
  });
  it('22 empty rows in the middle are skipped', async () => {
    const plan = await planOf(await mutate((_wb, ws) => ws.spliceRows(3, 0, [], [])));
    unchangedAll(plan);
    expect(plan.notices.map((n) => n.text).join()).toContain('lege rijen 3 t/m 4 overgeslagen');
  });
  it('23 Dutch and English numbers as text', async () => {
    const plan = await planOf(
      await mutate((_wb, ws) => {
        ws.getCell('F2').value = '4.120.000,00';
        ws.getCell('F3').value = '5,100,000.00';
        ws.getCell('G3').value = '€ 4.920.000,00';
      }),
    );
    unchangedAll(plan);
  });
  it('24 dates as serials, Date objects and dd-mm-jjjj text', async () => {
    const plan = await planOf(
      await mutate((_wb, ws) => {
        ws.getCell('C2').value = 44_044; // 01-08-2020 as a bare serial
        ws.getCell('D2').value = '31-07-2024';
        ws.getCell('C3').value = '1-8-2024';
        ws.getCell('D3').value = new Date(Date.UTC(2028, 6, 31));
        ws.getCell('C4').value = '2028-08-01';
      }),
    );
    unchangedAll(plan);
  });
  it('25 a formula is read by its cached value and reported', async () => {
    const plan = await planOf(await mutate((_wb, ws) => void (ws.getCell('G3').value = { formula: 'F3*0.9', result: 3_928_500 })));
    const row = plan.rows.find((r) => r.status === 'changed')!;
    expect(row.changes[0]).toMatchObject({ header: 'Toegekend bedrag', new: '€ 3.928.500,00' });
    expect(row.notes[0]!.text).toMatch(/rij 3, kolom "Toegekend bedrag" \(G\): formule \(F3\*0.9\)/);
  });
  it('26b personal-data words in data values are not headers', async () => {
    const plan = await planOf(await mutate((_wb, ws) => void (ws.getCell('I3').value = 'Adres')));
    expect(plan.counts.changed).toBe(1);
  });
  it('26c a deleted row deletes nothing: it is reported', async () => {
    const plan = await planOf(await mutate((_wb, ws) => ws.spliceRows(4, 1)));
    expect(plan.counts).toMatchObject({ new: 0, changed: 0, rejected: 0 });
    expect(plan.notices.map((n) => n.text).join()).toContain('1 regel in Regieboek staat niet in het bestand');
  });
  it('26 a new id in a workspace workbook is a new record', async () => {
    const plan = await planOf(
      await mutate((_wb, ws) => {
        ws.addRow(['nieuw-2030', 'Nieuw programma', '01-08-2030', '31-07-2034', 'Concept']);
      }),
    );
    expect(plan.counts.new).toBe(1);
  });
});

describe('rejected rows: the message names sheet, row and column', () => {
  it('27 text in a number cell is never 0', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('F3').value = 'veel')), /"veel" is tekst, geen getal/, 'Blad "Programma\'s", rij 3, kolom "Aangevraagd bedrag" (F)');
  });
  it('28 an ambiguous number', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('F3').value = '1,234')), /dubbelzinnig/);
  });
  it('29 a huge number', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('F3').value = 1e15)), /te groot/, 'kolom "Aangevraagd bedrag" (F)');
  });
  it('30 a negative amount', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('G2').value = -5)), /negatief getal is hier niet toegestaan/, 'rij 2, kolom "Toegekend bedrag" (G)');
  });
  it('31 more than cents', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('G2').value = 10.005)), /meer dan twee cijfers achter de komma/);
  });
  it('32 an impossible date and a date out of range', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('C3').value = '31-02-2024')), /"31-02-2024" is geen datum/, 'rij 3, kolom "Startdatum" (C)');
    await rejected(await mutate((_wb, ws) => void (ws.getCell('C3').value = 12)), /niet tussen 1990 en 2100/);
    await rejected(await mutate((_wb, ws) => void (ws.getCell('C3').value = '07/31/2026')), /geen datum/);
  });
  it('33 end before start', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('D3').value = '01-01-2020')), /einddatum ligt vóór de startdatum/, 'kolom "Einddatum" (D)');
  });
  it('34 a formula without a cached value, and a formula in the id column', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('F3').value = { formula: 'SOM(F2:F2)' } as ExcelJS.CellFormulaValue)), /zonder berekende waarde/);
    await rejected(await mutate((_wb, ws) => void (ws.getCell('A3').value = { formula: 'A2', result: 'x' })), /formule; een id/);
  });
  it('35 an error value (#DEEL/0!)', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('F3').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue)), /foutwaarde #DIV\/0!/);
  });
  it('36 duplicate ids', async () => {
    const plan = await rejected(await mutate((_wb, ws) => void (ws.getCell('A4').value = ws.getCell('A3').value)), /meer dan één keer in het blad \(rijen 3, 4\)/);
    expect(plan.counts.rejected).toBe(2);
  });
  it('37 a choice that is not in the list', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('E3').value = 'Bezig')), /"Bezig" is geen geldige keuze. Kies uit: Concept, Lopend, Afgerond/);
  });
  it('38 a required value emptied', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('B3').value = null)), /vul dit in/, 'rij 3, kolom "Naam" (B)');
  });
  it('39 merged data cells', async () => {
    await rejected(await mutate((_wb, ws) => ws.mergeCells('H3:I3')), /samengevoegd met H3/, 'kolom "Notities" (I)');
  });
  it('40 the region sheet is not changed by an import', async () => {
    await rejected(
      await mutate((wb) => void (wb.getWorksheet('Regio')!.getCell('C2').value = 'Andere gemeente')),
      /wijzigt u in Regieboek, niet via een import/,
    );
  });
  it('41 an id that does not exist, in a returned partner request', async () => {
    const ws = reopen(file);
    const req = await exportPartner(ws.db, { partner: 'ROC Voorbeeldstad' }, { user: 'T', source: 'x', at: nowIso() });
    await ws.close();
    const buf = await mutate((wb) => {
      const s = wb.getWorksheet('Activiteiten')!;
      s.getCell('A2').value = 'bestaat-niet';
    }, req);
    await rejected(buf, /id "bestaat-niet" bestaat niet in dit werkbestand/, 'rij 2, kolom "Id" (A)');
  });
});

describe('references between sheets', () => {
  it('42 a measure that refers to a programme that does not exist, and its activities with it', async () => {
    const buf = await mutate((wb) => {
      const m = wb.getWorksheet('Maatregelen')!;
      const a = wb.getWorksheet('Activiteiten')!;
      const head = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).map(String);
      const mh = head(m);
      const ah = head(a);
      // A new measure under a programme id that is nowhere, and a new activity under that measure.
      const mRow: unknown[] = [];
      mRow[mh.indexOf('Id')] = 'nieuwe-maatregel';
      mRow[mh.indexOf('Programma (id)')] = 'geen-programma';
      mRow[mh.indexOf('Naam')] = 'Nieuwe maatregel';
      mRow[mh.indexOf('Status')] = 'Concept';
      m.addRow(mRow.slice(1));
      const aRow: unknown[] = [];
      aRow[ah.indexOf('Id')] = 'nieuwe-activiteit';
      aRow[ah.indexOf('Maatregel (id)')] = 'nieuwe-maatregel';
      aRow[ah.indexOf('Naam')] = 'Nieuwe activiteit';
      aRow[ah.indexOf('Status')] = 'Concept';
      a.addRow(aRow.slice(1));
    });
    const plan = await planOf(buf);
    expect(plan.counts.rejected).toBe(2);
    const texts = plan.rows.flatMap((r) => r.issues.map((i) => i.text)).join('\n');
    expect(texts).toMatch(/Blad "Maatregelen", rij \d+, kolom "Programma \(id\)" \(B\): verwijst naar "geen-programma"/);
    expect(texts).toMatch(/Blad "Activiteiten", rij \d+, kolom "Maatregel \(id\)" \(B\): verwijst naar "nieuwe-maatregel", maar dat staat niet in Regieboek en niet op blad "Maatregelen"/);
  });
  it('43 planned participants that are not "schooljaar: aantal" lines', async () => {
    const buf = await mutate((wb) => {
      const a = wb.getWorksheet('Activiteiten')!;
      const col = (a.getRow(1).values as unknown[]).indexOf('Beoogd aantal deelnemers');
      a.getRow(2).getCell(col).value = '2025/2026: 400\nveel jongeren';
    });
    await rejected(buf, /"veel jongeren" is geen regel schooljaar: aantal/, 'kolom "Beoogd aantal deelnemers"');
  });
});

/** Edits parts of an xlsx as text (what a program other than Excel or exceljs may write). */
async function zipEdit(buf: Buffer, edit: (parts: Map<string, string>) => void, add: Record<string, string | Buffer> = {}): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const z = await JSZip.loadAsync(buf);
  const parts = new Map<string, string>();
  for (const name of Object.keys(z.files)) if (/\.(xml|rels)$/.test(name)) parts.set(name, await z.file(name)!.async('string'));
  edit(parts);
  for (const [name, text] of parts) z.file(name, text);
  for (const [name, data] of Object.entries(add)) z.file(name, data);
  return Buffer.from(await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The sheet XML part of a sheet by its name. */
function sheetPart(parts: Map<string, string>, name: string): string {
  const wb = parts.get('xl/workbook.xml')!;
  const rid = new RegExp(`<sheet [^>]*name="${name.replace(/'/g, '&apos;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="(\\w+)"`).exec(wb)?.[1] ?? new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(\\w+)"`).exec(wb)?.[1];
  const rels = parts.get('xl/_rels/workbook.xml.rels')!;
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  return 'xl/' + (target[1] ?? target[2])!.replace(/^\/?xl\//, '');
}

async function partnerRequest(sections: string[], from = file, partner = 'ROC Voorbeeldstad'): Promise<Buffer> {
  const ws = reopen(from);
  try {
    return await exportPartner(ws.db, { partner, sections, period: '2026/2027' }, { user: 'Regio', source: 'Voorbeeldregio.regieboek', at: nowIso() });
  } finally {
    await ws.close();
  }
}

/** Applies a file and checks the workspace file is byte-for-byte the same afterwards (nothing to write). */
async function appliesNothing(buf: Buffer): Promise<void> {
  const before = sha(file);
  const ws = reopen(file);
  try {
    const r = await applyImport(ws.db, buf, 'partner.xlsx', { user: 'Test' });
    expect(r.applied).toBe(0);
  } finally {
    await ws.close();
  }
  expect(sha(file)).toBe(before);
}

const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));

describe('what partners really send (issue 14): each gives its Dutch message, nothing changes unless applied', () => {
  it('44 a 40,000-character cell: the row is refused with the length and the maximum', async () => {
    await rejected(await mutate((_wb, ws) => void (ws.getCell('I3').value = 'x'.repeat(40_000))), /te lang \(40\.000 tekens\); hooguit 20\.000 tekens/, 'Blad "Programma\'s", rij 3, kolom "Notities" (I)');
  });

  it('45 a styled cell in the last row Excel has: read by content, the empty row costs nothing (and a dry run stays under 256 MB of heap)', async () => {
    const buf = await zipEdit(base, (parts) => {
      const part = sheetPart(parts, "Programma's");
      parts.set(part, parts.get(part)!.replace('</sheetData>', '<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/><c r="XFD1048576" s="1"/></row></sheetData>'));
    });
    unchangedAll(await planOf(buf));
    const book = await readBook(buf, 'laatste-rij.xlsx');
    expect(book.sheets.find((s) => s.name === "Programma's")!.rows.map((r) => r.r)).toEqual([1, 2, 3, 4]);
    // The same dry run in a process whose heap may not pass 256 MB.
    const x = path.join(dir, 'laatste-rij.xlsx');
    fs.writeFileSync(x, buf);
    const before = sha(file);
    const out = execFileSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', path.join(__dirname, '..', 'fixtures', 'dry-run.ts'), file, x], { encoding: 'utf8', timeout: 60_000 });
    const res = JSON.parse(out.split('\n').find((l) => l.startsWith('DRYRUN '))!.slice(7)) as { counts: ImportPlan['counts']; maxRssMb: number };
    expect(res.counts).toMatchObject({ new: 0, changed: 0, rejected: 0 });
    expect(res.maxRssMb).toBeLessThan(300);
    expect(sha(file)).toBe(before);
  });

  it('45b a value in the last row is beyond the row limit: refused at once, naming the row', async () => {
    const buf = await zipEdit(base, (parts) => {
      const part = sheetPart(parts, "Programma's");
      parts.set(part, parts.get(part)!.replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    });
    await refused(buf, /blad "Programma's" heeft een waarde in rij 1\.048\.576; Regieboek leest hooguit 50\.000 rijen per blad/);
  });

  it('46 .ods, .numbers, .xls and CSV: save the file as an Excel workbook', async () => {
    const ods = zipParts([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
      { name: 'META-INF/manifest.xml', data: '<manifest:manifest/>' },
    ]);
    const save = /Sla het bestand op als Excel-werkmap \(\.xlsx\)/;
    expect(await refused(ods, save)).toMatch(/OpenDocument-werkblad \(\.ods/);
    const numbers = zipParts([{ name: 'Index/Document.iwa', data: Buffer.alloc(64, 1) }, { name: 'Metadata/Properties.plist', data: '<plist/>' }]);
    expect(await refused(numbers, save)).toMatch(/Numbers-bestand/);
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(await refused(ole, save)).toMatch(/oude Excel-formaat \(\.xls\)/);
    expect(await refused(Buffer.from('Id;Naam\r\nabc;Programma\r\n', 'utf8'), save)).toMatch(/tekstbestand/);
  });

  it('47 a renamed sheet in a partner request: the message names only the sheets that request has', async () => {
    const req = await partnerRequest(['activities', 'measurements']);
    const msg = await refused(await mutate((wb) => void (wb.getWorksheet('Metingen')!.name = 'Metingen regio'), req), /blad "Metingen" ontbreekt, en blad "Metingen regio" kent Regieboek niet/);
    expect(msg).not.toMatch(/Programma's|Bestedingen|Activiteiten"/);
  });

  it('48 an extra sheet in a partner request is a notice, not a refusal', async () => {
    const req = await partnerRequest(['activities']);
    const plan = await planOf(await mutate((wb) => void wb.addWorksheet('Opmerkingen').addRow(['Wij leveren de cijfers in januari.']), req));
    expect(plan.counts.rejected).toBe(0);
    const notices = plan.notices.map((n) => n.text).join('\n');
    expect(notices).toContain('Blad "Opmerkingen": dit blad kent Regieboek niet; het wordt niet ingelezen.');
    expect(notices).not.toContain("Programma's");
  });

  it("49 a request made for another workspace of the same region: one message, not a rejected row each", async () => {
    const other = await exampleWorkspace(fs.mkdtempSync(path.join(dir, 'ander-')));
    const otherFile = other.path;
    await other.close();
    const req = await partnerRequest(['activities', 'measurements', 'spend'], otherFile);
    const msg = await refused(req, /is gemaakt voor een ander werkbestand van deze regio \("Voorbeeldregio\.regieboek", [\d-]+ [\d:]+\): geen enkele regel in het bestand hoort bij het geopende werkbestand/);
    expect(msg).not.toMatch(/id-kolom/);
    // A workspace workbook of that other workspace into this one (which has data) is refused the same way.
    const ws = reopen(otherFile);
    const wb = await exportWorkspace(ws.db, { user: 'T', source: 'Ander.regieboek' });
    await ws.close();
    await refused(wb, /werkbestand-export van een ander werkbestand van deze regio \("Ander\.regieboek"/);
  });

  it('50 a control character in a cell (a broken copy): the row is refused, saying which and where', async () => {
    const marked = await mutate((_wb, ws) => void (ws.getCell('I3').value = 'STUURTEKEN'));
    const buf = await zipEdit(marked, (parts) => parts.set('xl/sharedStrings.xml', parts.get('xl/sharedStrings.xml')!.replace('STUURTEKEN', 'Stuur\u0001teken')));
    await rejected(buf, /bevat een onzichtbaar stuurteken \(U\+0001\) op positie 6/, 'Blad "Programma\'s", rij 3, kolom "Notities" (I)');
  });

  it('51 a hidden row with a change: the dry run says so', async () => {
    const plan = await planOf(
      await mutate((_wb, ws) => {
        ws.getCell('I3').value = 'Gewijzigd in een verborgen rij';
        ws.getRow(3).hidden = true;
      }),
    );
    const row = plan.rows.find((r) => r.status === 'changed')!;
    expect(row.notes.map((n) => n.text).join()).toContain('deze rij is verborgen in het bestand');
    expect(plan.notices.map((n) => n.text).join()).toMatch(/Blad "Programma's": 1 verborgen rij met wijzigingen: rij 3/);
  });

  it('52 spend of 0 or -0 is skipped with a notice, never a € 0,00 record; applying changes nothing', async () => {
    const req = await partnerRequest(['spend']);
    const buf = await mutate((wb) => {
      const s = wb.getWorksheet('Bestedingen')!;
      const c = header(s).indexOf('Bedrag besteed');
      s.getRow(2).getCell(c).value = '-0';
      s.getRow(3).getCell(c).value = 0;
    }, req);
    const plan = await planOf(buf);
    expect(plan.counts).toMatchObject({ new: 0, rejected: 0 });
    expect(plan.notices.filter((n) => /bedrag 0 overgeslagen: er is niets geboekt/.test(n.text)).map((n) => n.row)).toEqual([2, 3]);
    await appliesNothing(buf);
  });

  it("53 Excel's _xHHHH_ escapes are decoded: _x000D_ is a line break, _x0001_ a control character that is refused", async () => {
    const marked = await mutate((_wb, ws) => {
      ws.getCell('I2').value = 'REGELEINDE';
      ws.getCell('I3').value = 'ESCAPE';
    });
    const buf = await zipEdit(marked, (parts) =>
      parts.set('xl/sharedStrings.xml', parts.get('xl/sharedStrings.xml')!.replace('REGELEINDE', 'Eerste_x000D_\nTweede').replace('ESCAPE', 'Stuur_x0001_teken')),
    );
    const plan = await planOf(buf);
    const changed = plan.rows.find((r) => r.row === 2 && r.sheet === "Programma's")!;
    expect(changed.changes).toEqual([expect.objectContaining({ header: 'Notities', new: 'Eerste\nTweede' })]);
    const bad = plan.rows.find((r) => r.row === 3 && r.sheet === "Programma's")!;
    expect(bad.issues.map((i) => i.text).join()).toMatch(/stuurteken \(U\+0001\)/);
  });

  it('54 a macro workbook (.xlsm) and 55 a link to another file are mentioned in the dry run', async () => {
    const buf = await zipEdit(
      base,
      (parts) => {
        parts.set('[Content_Types].xml', parts.get('[Content_Types].xml')!.replace('sheet.main+xml', 'sheet.main.macroEnabled.main+xml').replace('spreadsheetml.sheet.main.macroEnabled', 'ms-excel.sheet.macroEnabled'));
        parts.set(
          'xl/_rels/workbook.xml.rels',
          parts.get('xl/_rels/workbook.xml.rels')!.replace('</Relationships>', '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'),
        );
      },
      { 'xl/vbaProject.bin': Buffer.alloc(128, 7), 'xl/externalLinks/externalLink1.xml': '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' },
    );
    const plan = await planOf(buf);
    unchangedAll(plan);
    const notices = plan.notices.map((n) => n.text).join('\n');
    expect(notices).toContain("Het bestand bevat macro's (VBA). Regieboek voert ze niet uit");
    expect(notices).toContain('Het bestand bevat 1 koppeling naar een ander bestand');
  });

  it('56 personal data in row 500 (a list of young people pasted far below the table) refuses the file', async () => {
    const msg = await refused(
      await mutate((_wb, ws) => {
        ws.getCell('B500').value = 'Naam leerling';
        ws.getCell('C500').value = 'Geboortedatum';
        ws.getCell('B501').value = 'Jan';
        ws.getCell('C501').value = '01-02-2010';
      }),
      /blad "Programma's" lijkt gegevens over individuele jongeren te bevatten/,
    );
    expect(msg).toContain('B500 ("Naam leerling")');
  });
});

/** A zip of the given parts (to make other programs' files). */
function zipParts(parts: { name: string; data: string | Buffer }[]): Buffer {
  return zip(parts);
}

describe('the corpus covers enough kinds', () => {
  it('at least 25 cases', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(path.join(__dirname, 'excel-corpus.test.ts'), 'utf8');
    expect((src.match(/^\s+it\('\d\d /gm) ?? []).length).toBeGreaterThanOrEqual(25);
  });
});
