import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NUMFMT, cellStyle, cellValue, parseNumberText, readCell, type CellRule } from '../../electron/core/excel/cells';
import { WorkbookWriter } from '../../electron/core/excel/xlsx/writer';
import { personalDataHint } from '../../electron/core/excel/privacy';
import { load } from './excel-helpers';

function cellWith(value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const ws = new ExcelJS.Workbook().addWorksheet('x');
  const c = ws.getCell('A1');
  c.value = value;
  if (numFmt) c.numFmt = numFmt;
  return c;
}
const read = (value: ExcelJS.CellValue, rule: CellRule, numFmt?: string) => readCell(cellWith(value, numFmt), rule);

describe('reading cells', () => {
  it('numbers as text: Dutch first, English where unambiguous', () => {
    expect(parseNumberText('1.234,56')).toEqual({ ok: true, value: 1234.56 });
    expect(parseNumberText('1,234.56')).toEqual({ ok: true, value: 1234.56 });
    expect(parseNumberText('0,4')).toEqual({ ok: true, value: 0.4 });
    expect(parseNumberText('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumberText('1.234', { whole: true })).toEqual({ ok: true, value: 1234 });
    expect(parseNumberText('1.234').ok).toBe(false);
    expect(parseNumberText('1.2.3').ok).toBe(false);
    expect(parseNumberText('-1.000.000', { whole: true })).toEqual({ ok: true, value: -1_000_000 });
  });

  it('percentages as 0.4, "40%", "40,5 %", a %-formatted 40% cell; a bare 40 is ambiguous', () => {
    const pct: CellRule = { type: 'percent' };
    expect(read(0.4, pct)).toMatchObject({ ok: true, value: 0.4 });
    expect(read('40%', pct)).toMatchObject({ ok: true, value: 0.4 });
    expect(read('40,5 %', pct)).toMatchObject({ ok: true, value: 0.405 });
    expect(read('0,4', pct)).toMatchObject({ ok: true, value: 0.4 });
    expect(read(1.2, pct, '0%')).toMatchObject({ ok: true, value: 1.2 });
    expect(read(40, pct)).toMatchObject({ ok: false, message: expect.stringContaining('Schrijf 40% of 0,4') });
    expect(read('veertig', pct)).toMatchObject({ ok: false, message: expect.stringContaining('is tekst, geen getal') });
  });

  it('money: numbers, Dutch and English text, never text as 0', () => {
    const m: CellRule = { type: 'money' };
    expect(read(1234.56, m)).toMatchObject({ value: 123456 });
    expect(read('€ 1.234,56', m)).toMatchObject({ value: 123456 });
    expect(read('1,234.56', m)).toMatchObject({ value: 123456 });
    expect(read('12.50', m)).toMatchObject({ value: 1250 });
    expect(read('n.v.t.', m)).toMatchObject({ ok: false });
    expect(read('-10', m)).toMatchObject({ ok: false, message: expect.stringContaining('negatief') });
    expect(read('-10', { type: 'money', allowNegative: true })).toMatchObject({ value: -1000 });
    expect(read(0.1 + 0.2, m)).toMatchObject({ value: 30 });
  });

  it('whole numbers and dates in every form', () => {
    expect(read('1.234', { type: 'int' })).toMatchObject({ value: 1234 });
    expect(read(2.5, { type: 'int' })).toMatchObject({ ok: false, message: expect.stringContaining('geen heel getal') });
    expect(read(1e12, { type: 'int' })).toMatchObject({ ok: false, message: expect.stringContaining('onwaarschijnlijk groot') });
    const d: CellRule = { type: 'date' };
    expect(read(46234, d)).toMatchObject({ value: '2026-07-31' });
    expect(read(new Date(Date.UTC(2026, 6, 31)), d)).toMatchObject({ value: '2026-07-31' });
    expect(read(new Date(Date.UTC(2026, 6, 30, 23, 59, 59, 500)), d)).toMatchObject({ value: '2026-07-31' });
    expect(read('31-07-2026', d)).toMatchObject({ value: '2026-07-31' });
    expect(read('31/7/2026', d)).toMatchObject({ value: '2026-07-31' });
    expect(read('2026-07-31', d)).toMatchObject({ value: '2026-07-31' });
    expect(read('morgen', d)).toMatchObject({ ok: false });
    // A workbook made on an old Mac counts days from 1904.
    expect(readCell({ value: 46234 - 1462 }, d, { date1904: true })).toMatchObject({ value: '2026-07-31' });
  });

  it('rich text, hyperlinks, booleans and choices', () => {
    expect(read({ richText: [{ text: 'Regio' }, { text: 'naal' }] }, { type: 'text' })).toMatchObject({ value: 'Regionaal' });
    expect(read({ text: 'link', hyperlink: 'https://x' }, { type: 'text' })).toMatchObject({ value: 'link' });
    expect(read('ja', { type: 'bool' })).toMatchObject({ value: true });
    expect(read('LOPEND', { type: 'choice', choices: [{ value: 'lopend', label: 'Lopend' }] })).toMatchObject({ value: 'lopend' });
  });

  it('numbers as people type them; every refusal says what was found and gives one example that fits the column', () => {
    // A percentage indicator's value (stored 0-100): 40%, "40 %", 0,4.
    const pctValue: CellRule = { type: 'percent', scale: 100 };
    for (const v of ['40%', '40 %', '0,4', 0.4]) expect(read(v, pctValue), String(v)).toMatchObject({ ok: true, value: 40 });
    expect(read('2,1%', pctValue)).toMatchObject({ ok: true, value: 2.1 });
    // A count: "1.234" is one thousand two hundred thirty-four; decimals are refused, saying what to write.
    expect(read('1.234', { type: 'int' })).toMatchObject({ ok: true, value: 1234 });
    const comma = read('1,234', { type: 'int' });
    expect(comma).toMatchObject({ ok: false, message: expect.stringContaining('een aantal heeft geen decimalen. Schrijf bijvoorbeeld 1.234') });
    // The examples fit the column: a count, a number, an amount, a percentage.
    expect(read('veel', { type: 'int' })).toMatchObject({ message: '"veel" is tekst, geen getal. Vul een getal in, bijvoorbeeld 1.234; een tekst wordt nooit als 0 gelezen.' });
    expect(read('n.v.t.', { type: 'money' })).toMatchObject({ message: expect.stringContaining('bijvoorbeeld € 1.234,56') });
    expect(read('hoog', { type: 'percent' })).toMatchObject({ message: expect.stringContaining('bijvoorbeeld 40%') });
    expect(read('1.2.3', { type: 'decimal' })).toMatchObject({ ok: false, message: expect.stringContaining('"1.2.3"') });
    // An ambiguous "1.234" in a column with decimals never suggests writing "1.234" again.
    const amb = read('1.234', { type: 'decimal' });
    expect(amb).toMatchObject({ ok: false, message: expect.stringContaining('als 1234 (zonder punt)') });
    expect((amb as { message: string }).message).not.toMatch(/Schrijf 1\.234/);
  });

  it('recognises personal-data headers but not ordinary ones', () => {
    for (const h of ['BSN', 'Burgerservicenummer', 'Geboortedatum', 'geb. datum', 'Naam leerling', 'Leerlingnaam', 'Adres', 'Postcode', 'Achternaam', 'Onderwijsnummer'])
      expect(personalDataHint(h), h).toBe(true);
    for (const h of ['Naam', 'Contactgemeente', 'Aantal leerlingen', 'Regionaal programma', 'Status', 'E-mailadres regio', 'Regionale analyse'])
      expect(personalDataHint(h), h).toBe(false);
  });

  it('recognises them in their other spellings: with or without a space, abbreviated, English, accented, marked required', () => {
    for (const h of ['Sofinummer', 'sofi nummer', 'Leerlingnummer', 'leerling nr', 'Studentnr.', 'Deelnemersnummer', 'gebdatum', 'Geb.datum', 'Birthdate', 'birth date', 'Date of birth', 'E-mail ouder', 'Emailadres ouder', 'Telefoon ouders', 'Mobiel leerling', 'BSN *', 'Geboortedatúm', 'Naam van de jongere'])
      expect(personalDataHint(h), h).toBe(true);
    for (const h of ['', '   ', 'E-mail', 'Telefoon', 'Datum', 'Nummer'])
      expect(personalDataHint(h), h).toBe(false);
  });

  it('looks at titles of at most 60 characters (after trimming), not at sentences', () => {
    const title = (n: number) => `${'x'.repeat(n - 4)} bsn`;
    expect(personalDataHint(title(60))).toBe(true);
    expect(personalDataHint(`  ${title(60)}  `)).toBe(true);
    expect(personalDataHint(title(61))).toBe(false);
  });
});

describe('writing cells', () => {
  it('text that starts with = + - @ stays text (no formula injection), numbers, amounts, dates are typed', async () => {
    const wb = new WorkbookWriter({ creator: 'Test', created: new Date('2026-07-31T10:00:00Z') });
    const ws = wb.addSheet('x');
    const put = (r: number, c: number, rule: CellRule, v: string | number) => ws.set(r, c, cellValue(rule, v).value, cellStyle(rule));
    const risky = ['=SOM(A1:A9)', '+31 6 1234', '-5 jongeren', '@gemeente', '=HYPERLINK("http://evil","klik")'];
    risky.forEach((s, i) => put(i + 1, 1, { type: 'text' }, s));
    put(1, 2, { type: 'money' }, 123456);
    put(2, 2, { type: 'date' }, '2026-07-31');
    put(3, 2, { type: 'percent' }, 0.4);
    put(4, 2, { type: 'int' }, 1234);
    put(5, 2, { type: 'id' }, '007');
    put(6, 2, { type: 'int', numFmt: NUMFMT.year }, 2026);
    const buf = wb.toBuffer();
    // No <f> (formula) element anywhere in the sheet XML.
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toMatch(/<f>|<f /);
    const back = (await load(buf)).getWorksheet('x')!;
    risky.forEach((s, i) => {
      expect(back.getCell(`A${i + 1}`).type).toBe(ExcelJS.ValueType.String);
      expect(back.getCell(`A${i + 1}`).value).toBe(s);
      expect(back.getCell(`A${i + 1}`).numFmt).toBe('@');
    });
    expect(back.getCell('B1')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 1234.56, numFmt: NUMFMT.money });
    expect(back.getCell('B2').type).toBe(ExcelJS.ValueType.Date);
    expect(back.getCell('B2').numFmt).toBe('dd-mm-yyyy');
    expect(back.getCell('B3')).toMatchObject({ value: 0.4, numFmt: '0.0%' });
    expect(back.getCell('B4')).toMatchObject({ value: 1234, numFmt: '#,##0' });
    expect(back.getCell('B5')).toMatchObject({ value: '007', numFmt: '@' });
    expect(back.getCell('B6')).toMatchObject({ value: 2026, numFmt: '0' });
  });

  it('a computed share is written as Excel keeps it (15 significant digits), not with binary noise', async () => {
    const wb = new WorkbookWriter({ creator: 'Test', created: new Date('2026-07-31T10:00:00Z') });
    const ws = wb.addSheet('x');
    const share = (476 / 500) * 100;
    expect(share).not.toBe(95.2); // the noise this guards against
    ws.set(1, 1, share);
    ws.set(2, 1, 0.1 + 0.2);
    ws.set(3, 1, 123456789012);
    ws.set(4, 1, -1234.56);
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(wb.toBuffer())).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<c r="A1"><v>95.2</v></c>');
    expect(xml).toContain('<c r="A2"><v>0.3</v></c>');
    expect(xml).toContain('<c r="A3"><v>123456789012</v></c>');
    expect(xml).toContain('<c r="A4"><v>-1234.56</v></c>');
  });
});
