/**
 * A returned request as other tools write it: SheetJS (the library behind many web apps and
 * scripts), every value as text, the way a person types it: percentages "40%", counts "1.234",
 * dates "31-07-2026", amounts "€ 1.234,56". It must import with no rejected row.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type ExcelJS from 'exceljs';
import { exportPartner, planImport, applyImport } from '../../electron/core/excel';
import { exampleWorkspace, load } from './excel-helpers';
import { nowIso } from '../../electron/core/clock';
import { clockForFile } from './helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

// The example as written, on the day it was written (demo/calendar.ts): the request is for 2025/2026 and its 2026 lines.
clockForFile(WRITTEN_ON);

/** A cell as the text a person sees in Excel (nl-NL): no typed cells at all. */
function asText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${v.getUTCFullYear()}`;
  if (typeof v === 'number') {
    const fmt = cell.numFmt ?? '';
    if (fmt === '0') return String(v);
    if (fmt.includes('€')) return `€ ${v.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    if (fmt.includes('%')) return `${(v * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
    return v.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
  }
  return String(v);
}

describe('a partner file written by SheetJS with every value as text', () => {
  it('imports with 0 rejected rows: 40%, 1.234, 31-07-2026 and € 1.234,56 read as people mean them', async () => {
    const ws = await exampleWorkspace();
    const req = await exportPartner(ws.db, { partner: 'ROC Voorbeeldstad', period: '2025/2026', sections: ['activities', 'measurements', 'spend'] }, { user: 'Regio', source: 'Voorbeeldregio.regieboek', at: nowIso() });
    const original = await load(req);

    // The partner's answers, typed as text.
    const sheets = new Map<string, string[][]>();
    for (const s of original.worksheets) {
      const rows: string[][] = [];
      s.eachRow({ includeEmpty: true }, (row, r) => {
        const out: string[] = [];
        for (let c = 1; c <= s.columnCount; c++) out.push(asText(row.getCell(c)));
        rows[r - 1] = out;
      });
      sheets.set(s.name, Array.from(rows, (r) => r ?? []));
    }
    const put = (sheet: string, row: number, header: string, value: string) => {
      const rows = sheets.get(sheet)!;
      rows[row - 1]![rows[0]!.indexOf(header)] = value;
    };
    const metingen = sheets.get('Metingen')!;
    const unit = metingen[0]!.indexOf('Eenheid');
    const percentRow = metingen.findIndex((r) => r[unit] === 'Percentage') + 1;
    const countRow = metingen.findIndex((r) => r[0]!.startsWith('deelnemers:')) + 1;
    expect(percentRow).toBeGreaterThan(1);
    expect(countRow).toBeGreaterThan(1);
    for (const [row, value] of [[percentRow, '40%'], [countRow, '1.234']] as const) {
      put('Metingen', row, 'Nieuwe waarde', value);
      put('Metingen', row, 'Meetdatum', '31-07-2026');
      put('Metingen', row, 'Voorlopig/definitief', 'Definitief');
      put('Metingen', row, 'Toelichting', 'Telling aan het eind van het schooljaar.');
    }
    const spend = sheets.get('Bestedingen')!;
    const year = spend[0]!.indexOf('Jaar');
    const line2026 = spend.findIndex((r) => r[year] === '2026') + 1;
    expect(line2026).toBeGreaterThan(1);
    put('Bestedingen', line2026, 'Bedrag besteed', '€ 1.234,56');
    put('Bestedingen', line2026, 'Datum', '31-07-2026');
    put('Bestedingen', line2026, 'Omschrijving', 'Extra bijeenkomst');
    put('Activiteiten', 2, 'Status', 'Lopend');
    put('Activiteiten', 2, 'Resultaten algemeen', 'Loopt volgens plan.');

    const book = XLSX.utils.book_new();
    for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
    const buf = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    // Really all text: SheetJS wrote no number cells.
    expect(Object.values(book.Sheets).flatMap((s) => Object.entries(s).filter(([k]) => !k.startsWith('!')).map(([, c]) => (c as XLSX.CellObject).t))).not.toContain('n');

    const plan = await planImport(ws.db, buf, 'uitvraag ROC (SheetJS).xlsx');
    expect(plan.rows.filter((r) => r.status === 'rejected').flatMap((r) => r.issues.map((i) => i.text))).toEqual([]);
    expect(plan.counts.rejected).toBe(0);
    const news = plan.rows.filter((r) => r.status === 'new');
    const shown = news.flatMap((r) => r.changes.map((c) => `${r.sheet}/${c.header}=${c.new}`));
    expect(shown).toEqual(expect.arrayContaining(['Metingen/Nieuwe waarde=40%', 'Metingen/Nieuwe waarde=1234', 'Metingen/Meetdatum=31-07-2026', 'Bestedingen/Bedrag besteed=€ 1.234,56', 'Bestedingen/Datum=31-07-2026']));

    const res = await applyImport(ws.db, buf, 'uitvraag ROC (SheetJS).xlsx', { user: 'Regio' });
    expect(res.plan.counts.rejected).toBe(0);
    const stored = await ws.db.selectFrom('measurement').select(['value', 'date']).where('source', '=', 'Uitvraag partner (Excel)').execute();
    expect(stored).toEqual(expect.arrayContaining([{ value: 40, date: '2026-07-31' }, { value: 1234, date: '2026-07-31' }]));
    const spent = await ws.db.selectFrom('spend').select(['amountCents', 'date']).where('description', '=', 'Extra bijeenkomst').execute();
    expect(spent).toEqual([{ amountCents: 123_456, date: '2026-07-31' }]);
    await ws.close();
  });
});
