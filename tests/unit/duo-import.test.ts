/**
 * DUO's VSV files (issue 12 point 6), each shape generated here: an older CSV (Windows-1252 bytes,
 * `;`, thousands dots, "2,02%", per school with RMC-REGIO columns), a newer one (UTF-8, `,`, decimal
 * points, -1 for a suppressed count, per region), an XLSX, a file whose headers need mapping, one
 * picked by gemeente, one with single years, a file of another region and a CSV that is not DUO's.
 * Whenever nothing is applied, the workspace file is the same to the byte.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { applyDuo, planDuo } from '../../electron/core/duo/plan';
import { openWorkspaceFile, createWorkspaceFile, type Workspace } from '../../electron/core/db/workspace-file';
import { findRegion } from '../../shared/regions';
import { settledSha, tempDir } from './helpers';

/** Text as Windows-1252 bytes (’ is 0x92 there; in Latin-1 it does not exist). */
function cp1252(text: string): Buffer {
  const special: Record<string, number> = { '’': 0x92, '‘': 0x91, '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

function workspace(dir: string, region = 16): Workspace {
  return createWorkspaceFile(path.join(dir, `regio${region}.regieboek`), findRegion(region)!);
}

const figures = async (ws: Workspace) =>
  (await ws.db.selectFrom('regionFigure').select(['schoolYear', 'onderwijssoort', 'status', 'students', 'leavers', 'percentage', 'source']).where('deletedAt', 'is', null).orderBy('schoolYear').orderBy('onderwijssoort').orderBy('status').execute()).map(
    (f) => [f.schoolYear, f.onderwijssoort, f.status, f.students, f.leavers, f.percentage],
  );

// Older shape: per school (BRIN), Windows-1252, ';', thousands dots, percentages with a decimal comma.
const OLD = [
  'BRIN NUMMER;INSTELLINGSNAAM;RMC-REGIO CODE;RMC-REGIO NAAM;JAAR;ONDERWIJSSTRUCTUUR EN LEERJAAR;AANTAL DEELNEMERS;AANTAL VSV’ERS;PERCENTAGE VSV',
  '99AA;Eemcollege;16;Eem en Vallei;2016-2017;MBO niveau 2;1.234;25;2,03%',
  '99AB;Vallei ROC;16;Eem en Vallei;2016-2017;MBO niveau 2;2.100;40;1,90%',
  '99AA;Eemcollege;16;Eem en Vallei;2016-2017;MBO niveau 3;3.000;30;1,00%',
  '99AB;Vallei ROC;16;Eem en Vallei;2016-2017;MBO niveau 4;1.500;15;1,00%',
  '99AC;Scholengemeenschap Één;16;Eem en Vallei;2016-2017;VMBO bovenbouw;2.500;20;0,80%',
  '99AC;Scholengemeenschap Één;16;Eem en Vallei;2016-2017;VO totaal;4.000;25;0,63%',
  '99ZZ;Haagse school;28;Haaglanden;2016-2017;MBO niveau 2;5.000;300;6,00%',
].join('\r\n');

describe('an older DUO file: Windows-1252, ";", thousands dots, per school', () => {
  it('reads the bytes, maps DUO\'s headers, adds up the region\'s schools per type, and applies once', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const buf = cp1252(OLD);
    const plan = await planDuo(ws.db, buf, 'vsv-2016-2017.csv', { status: 'voorlopig' });
    expect(plan.format).toMatchObject({ kind: 'csv', encoding: 'windows-1252', separator: ';', decimal: ',', thousands: '.' });
    // ’ came through as itself, and the header still means "vsv'ers".
    expect(plan.headers).toContain('AANTAL VSV’ERS');
    expect(plan.mapping).toMatchObject({ leavers: 'AANTAL VSV’ERS', students: 'AANTAL DEELNEMERS', regionCode: 'RMC-REGIO CODE', onderwijssoort: 'ONDERWIJSSTRUCTUUR EN LEERJAAR' });
    expect(plan.problems).toEqual([]);
    expect(plan.otherRegions).toEqual([{ label: '28 Haaglanden', rows: 1 }]);
    expect(plan.rows.find((r) => r.row === 7)).toMatchObject({ outcome: 'skipped' });
    expect(plan.figures.map((f) => [f.schoolYear, f.onderwijssoort, f.students, f.leavers, f.percentage, f.outcome])).toEqual([
      ['2016/2017', 'mbo2', 3334, 65, 1.95, 'new'],
      ['2016/2017', 'mbo34', 4500, 45, 1, 'new'],
      ['2016/2017', 'vmbo_bovenbouw', 2500, 20, 0.8, 'new'],
    ]);

    const res = await applyDuo(ws.db, buf, 'vsv-2016-2017.csv', { status: 'voorlopig', user: 'Test' });
    expect(res.applied).toBe(3);
    expect(await figures(ws)).toEqual([
      ['2016/2017', 'mbo2', 'voorlopig', 3334, 65, 1.95],
      ['2016/2017', 'mbo34', 'voorlopig', 4500, 45, 1],
      ['2016/2017', 'vmbo_bovenbouw', 'voorlopig', 2500, 20, 0.8],
    ]);
    const cs = await ws.db.selectFrom('changeSet').selectAll().where('id', '=', res.changeSetId!).executeTakeFirstOrThrow();
    expect(cs).toMatchObject({ action: 'import', source: 'vsv-2016-2017.csv' });

    // The same file again changes nothing and leaves the workspace file as it was.
    const file = ws.path;
    await ws.close();
    const before = settledSha(file);
    const again = openWorkspaceFile(file);
    const second = await applyDuo(again.db, buf, 'vsv-2016-2017.csv', { status: 'voorlopig', user: 'Test' });
    expect(second).toMatchObject({ applied: 0, changeSetId: null });
    expect(second.plan.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
    await again.close();
    expect(settledSha(file)).toBe(before);
  });
});

// Newer shape: per region, UTF-8, ',' between cells, decimal points, -1 where DUO suppressed a count.
const NEW = [
  'RMC-regio code,RMC-regio naam,Schooljaar,Onderwijssoort,Aantal deelnemers,Aantal vsv ers,Percentage vsv',
  '16,Eem en Vallei,2016/2017,mbo 2,3340,66,1.98',
  '16,Eem en Vallei,2016/2017,mbo 1,-1,-1,9.5',
  '16,Eem en Vallei,2016/2017,vo onderbouw,8120,-1,',
  '28,Haaglanden,2016/2017,mbo 2,12000,700,5.83',
].join('\n');

describe('a newer DUO file: UTF-8, ",", suppressed counts', () => {
  it('keeps a suppressed count empty (never 0), and keeps the voorlopig figure beside the definitief one', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    await applyDuo(ws.db, cp1252(OLD), 'vsv-voorlopig.csv', { user: 'Test' });
    const buf = Buffer.from(NEW, 'utf8');
    // The file's name says definitief.
    const plan = await planDuo(ws.db, buf, 'vsv-2016-2017-definitief.csv');
    expect(plan.format).toMatchObject({ encoding: 'utf-8', separator: ',', decimal: '.' });
    expect(plan).toMatchObject({ status: 'definitief', statusFrom: 'fileName', problems: [] });
    const mbo1 = plan.figures.find((f) => f.onderwijssoort === 'mbo1')!;
    expect(mbo1).toMatchObject({ students: null, leavers: null, percentage: 9.5, suppressed: ['students', 'leavers'] });
    const vo = plan.figures.find((f) => f.onderwijssoort === 'vo_onderbouw')!;
    expect(vo).toMatchObject({ students: 8120, leavers: null, percentage: null });
    const row3 = plan.rows.find((r) => r.row === 3)!;
    expect(row3.outcome).toBe('suppressed');
    expect(row3.messages[0]).toMatch(/^Rij 3, kolom E \(Aantal deelnemers\): "-1" betekent dat DUO dit aantal achterhoudt/);

    await applyDuo(ws.db, buf, 'vsv-2016-2017-definitief.csv', { user: 'Test' });
    const all = await figures(ws);
    // mbo 2: the provisional figure stays next to the definitive one.
    expect(all.filter((f) => f[1] === 'mbo2')).toEqual([
      ['2016/2017', 'mbo2', 'definitief', 3340, 66, 1.98],
      ['2016/2017', 'mbo2', 'voorlopig', 3334, 65, 1.95],
    ]);
    expect(all.find((f) => f[1] === 'mbo1')).toEqual(['2016/2017', 'mbo1', 'definitief', null, null, 9.5]);
    await ws.close();
  });
});

describe('an XLSX from DUO', () => {
  it('reads typed numbers and a percentage cell below a title row', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('VSV per RMC-regio');
    sheet.addRow(['Voortijdig schoolverlaters per RMC-regio, voorlopige cijfers']);
    sheet.addRow(['RMC-REGIO CODE', 'RMC-REGIO NAAM', 'JAAR', 'ONDERWIJSSOORT', 'AANTAL DEELNEMERS', 'AANTAL VSV ERS', 'PERCENTAGE VSV']);
    sheet.addRow([16, 'Eem en Vallei', '2017-2018', 'MBO niveau 2', 3400, 68, 0.02]).getCell(7).numFmt = '0.00%';
    sheet.addRow([16, 'Eem en Vallei', '2017-2018', 'HAVO/VWO bovenbouw', 5210, 12, 0.0023]).getCell(7).numFmt = '0.00%';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const plan = await planDuo(ws.db, buf, 'vsv-voorlopig.xlsx');
    expect(plan.format).toMatchObject({ kind: 'xlsx', sheet: 'VSV per RMC-regio', headerRow: 2 });
    expect(plan.problems).toEqual([]);
    expect(plan.figures.map((f) => [f.schoolYear, f.onderwijssoort, f.status, f.students, f.leavers, f.percentage])).toEqual([
      ['2017/2018', 'havo_vwo_bovenbouw', 'voorlopig', 5210, 12, 0.23],
      ['2017/2018', 'mbo2', 'voorlopig', 3400, 68, 2],
    ]);
    await ws.close();
  });
});

describe('headers that differ from DUO\'s', () => {
  const FILE = ['Schooljaar;Soort onderwijs;Leerlingen;Uitvallers;RMC-regio', '2018-2019;mbo 2;3.500;70;16', '2018-2019;mbo 3/4;4.800;41;16'].join('\n');

  it('asks for the columns it cannot name, takes the user\'s mapping, and remembers it only when applied', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const buf = Buffer.from(FILE, 'utf8');
    const first = await planDuo(ws.db, buf, 'cijfers.csv', { status: 'definitief' });
    expect(first.missing).toEqual(['students', 'leavers']);
    expect(first.problems).toEqual(['Niet gevonden in het bestand: aantal deelnemers, aantal vsv\'ers. Kies hieronder de kolom die dit gegeven bevat.']);
    expect(first.figures).toEqual([]);

    const mapping = { students: 'Leerlingen', leavers: 'Uitvallers' };
    const mapped = await planDuo(ws.db, buf, 'cijfers.csv', { status: 'definitief', mapping });
    expect(mapped).toMatchObject({ problems: [], mappingFrom: 'user', missing: [] });
    expect(mapped.figures.map((f) => [f.onderwijssoort, f.students, f.leavers])).toEqual([
      ['mbo2', 3500, 70],
      ['mbo34', 4800, 41],
    ]);
    // A dry run remembers nothing.
    expect((await planDuo(ws.db, buf, 'cijfers.csv', { status: 'definitief' })).missing).toEqual(['students', 'leavers']);

    await applyDuo(ws.db, buf, 'cijfers.csv', { status: 'definitief', mapping, user: 'Test' });
    const next = await planDuo(ws.db, Buffer.from(FILE.replace('3.500;70', '3.600;72'), 'utf8'), 'cijfers-2.csv', { status: 'definitief' });
    expect(next).toMatchObject({ mappingFrom: 'remembered', missing: [], problems: [] });
    expect(next.figures.map((f) => [f.onderwijssoort, f.outcome, f.old?.students ?? null, f.students])).toEqual([
      ['mbo2', 'changed', 3500, 3600],
      ['mbo34', 'unchanged', 4800, 4800],
    ]);
    await ws.close();
  });
});

describe('picking the region\'s rows and reading the years', () => {
  it('by the region\'s gemeenten when the file has no RMC columns', async () => {
    const dir = tempDir();
    const ws = workspace(dir); // 16 Eem en Vallei, contactgemeente Amersfoort
    const buf = Buffer.from(['GEMEENTENAAM;JAAR;ONDERWIJSSOORT;AANTAL DEELNEMERS;AANTAL VSV ERS', 'Amersfoort;2016-2017;mbo 2;2.000;40', 'Utrecht;2016-2017;mbo 2;9.000;200'].join('\n'), 'utf8');
    const plan = await planDuo(ws.db, buf, 'per-gemeente-voorlopig.csv');
    expect(plan.regionBy).toBe('municipality');
    expect(plan.figures.map((f) => [f.onderwijssoort, f.students, f.leavers])).toEqual([['mbo2', 2000, 40]]);
    expect(plan.otherRegions).toEqual([{ label: 'gemeente Utrecht', rows: 1 }]);
    await ws.close();
  });

  it('by the region\'s name when the file has no RMC code, and "2016/17" is the school year 2016/2017', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const buf = Buffer.from(['RMC-REGIO NAAM;JAAR;ONDERWIJSSOORT;AANTAL DEELNEMERS;AANTAL VSV ERS', 'Eem en Vallei;2016/17;mbo 2;2.000;40', 'Haaglanden;2016/17;mbo 2;9.000;200'].join('\n'), 'utf8');
    const plan = await planDuo(ws.db, buf, 'per-regio-voorlopig.csv');
    expect(plan.regionBy).toBe('regionName');
    expect(plan.figures.map((f) => [f.schoolYear, f.onderwijssoort, f.students])).toEqual([['2016/2017', 'mbo2', 2000]]);
    expect(plan.otherRegions).toEqual([{ label: '28 Haaglanden', rows: 1 }]);
    await ws.close();
  });

  it('a single year needs the choice begin or end; nothing is guessed', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const buf = Buffer.from(['RMC-REGIO CODE;JAAR;ONDERWIJSSOORT;AANTAL DEELNEMERS;AANTAL VSV ERS', '16;2016;mbo 2;2.000;40'].join('\n'), 'utf8');
    const plan = await planDuo(ws.db, buf, 'x-voorlopig.csv');
    expect(plan.singleYears).toBe(true);
    expect(plan.problems).toEqual([expect.stringMatching(/^Het bestand schrijft het schooljaar als één jaartal/)]);
    expect((await planDuo(ws.db, buf, 'x-voorlopig.csv', { yearIs: 'begin' })).figures[0]!.schoolYear).toBe('2016/2017');
    expect((await planDuo(ws.db, buf, 'x-voorlopig.csv', { yearIs: 'eind' })).figures[0]!.schoolYear).toBe('2015/2016');
    await ws.close();
  });

  it('says per row and column what cannot be read, and leaves that figure out', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const buf = Buffer.from(
      ['RMC-REGIO CODE;JAAR;ONDERWIJSSOORT;AANTAL DEELNEMERS;AANTAL VSV ERS', '16;2016-2017;mbo 2;2.000;veertig', '16;2016-2017;kunstacademie;100;1', '16;2016-2017;mbo 1;500;20'].join('\n'),
      'utf8',
    );
    const plan = await planDuo(ws.db, buf, 'fouten-voorlopig.csv');
    expect(plan.rows.filter((r) => r.outcome === 'error').map((r) => r.messages)).toEqual([
      ['Rij 2, kolom E (AANTAL VSV ERS): "veertig" is geen getal.'],
      [expect.stringMatching(/^Rij 3, kolom C \(ONDERWIJSSOORT\): "kunstacademie" is geen onderwijssoort die Regieboek kent/)],
    ]);
    expect(plan.figures.map((f) => [f.onderwijssoort, f.outcome])).toEqual([
      ['mbo1', 'new'],
      ['mbo2', 'rejected'],
    ]);
    await ws.close();
  });
});

describe('files that are refused, with the workspace untouched to the byte', () => {
  async function untouched(make: (ws: Workspace) => Promise<void>) {
    const dir = tempDir();
    const ws = workspace(dir);
    const file = ws.path;
    await ws.close();
    const before = settledSha(file);
    const again = openWorkspaceFile(file);
    await make(again);
    await again.close();
    expect(settledSha(file)).toBe(before);
  }

  it('a file of another region', async () => {
    await untouched(async (ws) => {
      const buf = cp1252(OLD.split('\r\n').filter((l, i) => i === 0 || l.includes(';28;')).join('\r\n'));
      const plan = await planDuo(ws.db, buf, 'haaglanden-voorlopig.csv');
      expect(plan.problems).toEqual(['Dit bestand heeft geen rijen van regio 16 Eem en Vallei. Het gaat over: 28 Haaglanden (1 rij). Er is niets ingelezen.']);
      await expect(applyDuo(ws.db, buf, 'haaglanden-voorlopig.csv', { user: 'Test' })).rejects.toThrow(/geen rijen van regio 16 Eem en Vallei/);
    });
  });

  it('a CSV that is not DUO\'s', async () => {
    await untouched(async (ws) => {
      const buf = Buffer.from('Product;Prijs;Voorraad\nPen;1,50;200\nPapier;4,95;30\n', 'utf8');
      const plan = await planDuo(ws.db, buf, 'bestelling.csv');
      expect(plan.problems).toEqual([expect.stringMatching(/^Dit lijkt geen VSV-bestand van DUO: in "bestelling.csv" staan geen kolommen voor schooljaar, onderwijssoort, deelnemers en vsv'ers. Gevonden kolommen: "Product", "Prijs", "Voorraad"/)]);
      await expect(applyDuo(ws.db, buf, 'bestelling.csv', { user: 'Test' })).rejects.toThrow(/geen VSV-bestand van DUO/);
    });
  });

  it('a file with data about persons, and bytes that are no text', async () => {
    await untouched(async (ws) => {
      const persons = Buffer.from('BSN;Geboortedatum;RMC-REGIO CODE\n123456782;01-01-2005;16\n', 'utf8');
      await expect(planDuo(ws.db, persons, 'lijst.csv')).rejects.toThrow(/gegevens over personen \("BSN", "Geboortedatum"\)/);
      await expect(planDuo(ws.db, Buffer.from([0, 1, 2, 3, 0, 0, 7]), 'x.bin')).rejects.toThrow(/geen CSV- of Excel-bestand/);
    });
  });
});
