import { execFileSync } from 'node:child_process';
import { nowIso } from '../../electron/core/clock';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyImport, buildErrorWorkbook, exportPartner, exportSteering, exportWorkspace, planImport } from '../../electron/core/excel';
import { NUMFMT } from '../../electron/core/excel/cells';
import { step } from '../../electron/core/history/undo';
import { exampleWorkspace, load, save } from './excel-helpers';
import { tempDir, clockForFile, skipBecause } from './helpers';
import { compareCodes } from '../../shared/natsort';
import { budgetOverview } from '../../electron/core/db/queries/budget';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

// The example as written, on the day it was written (demo/calendar.ts): these tests check its content.
clockForFile(WRITTEN_ON);

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

describe('steering-group workbook (Stuurgroeprapportage)', () => {
  it('has its sheets with typed cells, nl-NL formats, frozen headers, filters and print setup', async () => {
    const ws = await exampleWorkspace();
    const buf = await exportSteering(ws.db, { user: 'Test', source: ws.fileName, at: '2026-11-23T10:00:00.000Z' });
    const programmes = await ws.db.selectFrom('programme').select(['id', 'name']).where('deletedAt', 'is', null).execute();
    const overviews = await Promise.all(programmes.map(async (p) => ({ name: p.name, ov: (await budgetOverview(ws.db, p.id))! })));
    await ws.close();
    const wb = await load(buf);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Overzicht', "Programma's", 'Begroting', 'Resultaten', 'Acties', 'Legenda']);
    // Overview: one row per measure, the programme repeated on every row.
    const o = wb.getWorksheet('Overzicht')!;
    expect((o.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Programma', 'Code', 'Maatregel', 'Status', 'Penvoerder', 'Plusvoorziening', 'Activiteiten', 'Beoogd deelnemers 2026/2027',
      'Begroot (totaal)', 'Gerealiseerd (totaal)', 'Deelnemers beoogd (totaal)', 'Deelnemers bereikt (totaal)', 'Resultaatstatus', 'Vorm',
    ]);
    expect(o.actualRowCount).toBeGreaterThan(3);
    const allowed = ['✔ Behaald', '➜ Op koers', '⚠ Aandacht', '✖ Achter', '○ Geen gegevens'];
    const totals = new Map<string, { planned: number; realised: number }>();
    let reached = 0;
    const statuses = new Set<string>();
    for (let r = 2; r <= o.actualRowCount; r++) {
      const row = o.getRow(r);
      expect(String(row.getCell(1).value)).toMatch(/^Regionaal programma VSV|^Verkenning/);
      expect(String(row.getCell(2).value ?? '')).not.toBe('undefined');
      expect(String(row.getCell(4).value)).toMatch(/^[○▶✓■] /);
      expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(7).numFmt).toBe('#,##0');
      for (const c of [9, 10]) expect(row.getCell(c)).toMatchObject({ type: ExcelJS.ValueType.Number, numFmt: NUMFMT.money });
      for (const c of [11, 12]) if (row.getCell(c).value !== null) expect(row.getCell(c)).toMatchObject({ type: ExcelJS.ValueType.Number, numFmt: '#,##0' });
      if (typeof row.getCell(12).value === 'number') reached++;
      expect(allowed).toContain(row.getCell(13).value);
      statuses.add(String(row.getCell(13).value));
      const tot = totals.get(String(row.getCell(1).value)) ?? { planned: 0, realised: 0 };
      tot.planned += Math.round((row.getCell(9).value as number) * 100);
      tot.realised += Math.round((row.getCell(10).value as number) * 100);
      totals.set(String(row.getCell(1).value), tot);
    }
    expect(reached).toBeGreaterThan(0);
    expect(statuses.size).toBeGreaterThan(1);
    // The plan's own structure: the item directly under line 3 is one row, said to be an activity.
    const shapeOf = (code: string) => {
      for (let r = 2; r <= o.actualRowCount; r++) if (o.getRow(r).getCell(2).value === code) return [o.getRow(r).getCell(7).value, o.getRow(r).getCell(14).value];
      return null;
    };
    expect(shapeOf('3.3')).toEqual([1, 'Activiteit direct onder de programmalijn']);
    expect(shapeOf('1.3')).toEqual([1, 'Maatregel die zelf de activiteit is']);
    expect(shapeOf('2a')).toEqual([2, 'Maatregel met activiteiten']);
    // Each programme's overview total equals the budget overview's total to the cent.
    for (const { name, ov } of overviews) {
      expect(totals.get(name)?.planned ?? 0, name).toBe(ov.total.plannedCents);
      expect(totals.get(name)?.realised ?? 0, name).toBe(ov.total.realisedCents);
    }
    expect(overviews.some((x) => x.ov.total.plannedCents > 0)).toBe(true);
    const p = wb.getWorksheet("Programma's")!;
    expect((p.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Programma', 'Startdatum', 'Einddatum', 'Status', 'Aangevraagd bedrag', 'Toegekend bedrag', 'Toegekend % van aangevraagd',
    ]);
    const row = p.getRow(3); // 2024-2028, lopend
    expect(row.getCell(1).value).toBe('Regionaal programma VSV 2024-2028');
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(2).numFmt).toBe('dd-mm-yyyy');
    expect(row.getCell(4).value).toBe('▶ Lopend');
    expect(row.getCell(5)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 5_100_000, numFmt: NUMFMT.money });
    expect(row.getCell(6).value).toBe(4_920_000);
    expect(row.getCell(7).numFmt).toBe('0.0%');
    expect(row.getCell(7).value).toBeCloseTo(0.9647, 3);
    for (const s of wb.worksheets) {
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(s.autoFilter).toBeTruthy();
      expect(s.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(s.headerFooter.oddHeader).toContain('Voorbeeldregio');
      expect(s.headerFooter.oddHeader).toContain('23-11-2026');
      for (let c = 1; c <= s.columnCount; c++) expect(s.getColumn(c).width ?? 0, `${s.name} ${c}`).toBeGreaterThanOrEqual(8);
    }
    // Budget: measure x year x source, planned and realised as euro amounts, the share as a percentage.
    const b = wb.getWorksheet('Begroting')!;
    expect((b.getRow(1).values as unknown[]).slice(1)).toEqual(['Programma', 'Code', 'Maatregel', 'Jaar', 'Financieringsbron', 'Begroot', 'Gerealiseerd', 'Besteed %']);
    expect(b.actualRowCount).toBeGreaterThan(5);
    const br = b.getRow(2);
    expect(br.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(br.getCell(6)).toMatchObject({ type: ExcelJS.ValueType.Number, numFmt: NUMFMT.money });
    expect(br.getCell(7).numFmt).toBe(NUMFMT.money);
    expect(String(br.getCell(5).value)).toMatch(/OCW|Plus|RMC|Cofinanciering|Eigen|Overig/);
    // Results: per indicator, with numerator and denominator in their own number columns.
    const res = wb.getWorksheet('Resultaten')!;
    const rh = (res.getRow(1).values as unknown[]).slice(1);
    expect(rh).toEqual(expect.arrayContaining(['Indicator', 'Nulmeting', 'Streefwaarde', 'Laatste waarde', 'Teller', 'Noemer']));
    expect(res.actualRowCount).toBeGreaterThan(2);
    let typed = 0;
    for (let r = 2; r <= res.actualRowCount; r++) if (res.getRow(r).getCell(rh.indexOf('Laatste waarde') + 1).type === ExcelJS.ValueType.Number) typed++;
    expect(typed).toBeGreaterThan(0);
    expect(rh.slice(0, 3)).toEqual(['Programma', 'Code', 'Maatregel']);
    const sc = rh.indexOf('Status') + 1;
    expect(sc).toBeGreaterThan(0);
    for (let r = 2; r <= res.actualRowCount; r++) {
      expect(allowed).toContain(res.getRow(r).getCell(sc).value);
      expect(String(res.getRow(r).getCell(1).value)).toMatch(/^Regionaal programma VSV|^Verkenning/);
    }
    const legend = wb.getWorksheet('Legenda')!;
    const terms: unknown[] = [];
    legend.eachRow((r) => terms.push(r.getCell(1).value));
    expect(terms).toEqual(expect.arrayContaining([...allowed, 'Resultaatstatus']));
    // Actions: from the monitoring rounds' action lists, the deadline a date cell.
    const act = wb.getWorksheet('Acties')!;
    expect((act.getRow(1).values as unknown[]).slice(1)).toEqual(['Programma', 'Monitoringronde', 'Maatregel', 'Actie/Afspraak', 'Door', 'Deadline', 'Status']);
    expect(act.actualRowCount).toBeGreaterThan(1);
  });

  // Skipped only where LibreOffice is not installed (.ci/run installs it; a developer machine may lack it).
  it('opens in LibreOffice headless (converted to PDF without errors), as do the workspace and partner workbooks', async (tc) => {
    if (!soffice) return skipBecause(tc, 'LibreOffice (soffice) is niet geïnstalleerd; .ci/run installeert het (apt-get install libreoffice-calc-nogui).');
    const dir = tempDir();
    const ws = await exampleWorkspace(dir);
    const ctx = { user: 'Test', source: ws.fileName };
    const files = {
      stuurgroep: await exportSteering(ws.db, ctx),
      werkbestand: await exportWorkspace(ws.db, ctx),
      uitvraag: await exportPartner(ws.db, { partner: 'ROC Voorbeeldstad', sections: ['activities', 'measurements', 'spend'] }, ctx),
    };
    await ws.close();
    const paths = Object.entries(files).map(([name, buf]) => {
      const p = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(p, buf);
      return p;
    });
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], { timeout: 180_000, stdio: 'pipe' });
    for (const name of Object.keys(files)) {
      const pdf = path.join(dir, `${name}.pdf`);
      expect(fs.existsSync(pdf), name).toBe(true);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 200_000);
});

describe('partner data request (uitvraag)', () => {
  it('a partner fills it in with one mistake; dry run rejects the mistake; apply, undo, apply again', async () => {
    const dir = tempDir();
    const ws = await exampleWorkspace(dir);
    await expect(exportPartner(ws.db, { partner: 'Onbekend College' }, { user: 'Regio', source: ws.fileName })).rejects.toThrow(/staat niet bij de partners.*ROC Voorbeeldstad/);
    const req = await exportPartner(ws.db, { partner: 'roc voorbeeldstad', period: '2025/2026' }, { user: 'Regio', source: ws.fileName, at: nowIso() });
    await new Promise((r) => setTimeout(r, 5));

    const wb = await load(req);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Toelichting', 'Info', 'Activiteiten']);
    expect(String(wb.getWorksheet('Toelichting')!.getCell('A1').value)).toContain('ROC Voorbeeldstad');
    const sheet = wb.getWorksheet('Activiteiten')!;
    // Only this partner's unfinished activities, ids hidden, input cells unlocked with a dropdown, rest locked.
    const rows = sheet.actualRowCount - 1;
    expect(rows).toBeGreaterThanOrEqual(2);
    const mine = await ws.db.selectFrom('activity').innerJoin('organisation', 'organisation.id', 'activity.leadOrganisationId').select('activity.id').where('organisation.name', '=', 'ROC Voorbeeldstad').where('activity.status', 'in', ['lopend', 'concept']).execute();
    const inSheet = new Set<string>();
    for (let r = 2; r <= rows + 1; r++) inSheet.add(String(sheet.getRow(r).getCell(1).value));
    for (const m of mine) expect(inSheet.has(m.id)).toBe(true);
    // In plan order, as the partner knows the plan: by code, naturally sorted.
    const codeCol = (sheet.getRow(1).values as unknown[]).map(String).indexOf('Code');
    const codes: string[] = [];
    for (let r = 2; r <= rows + 1; r++) codes.push(String(sheet.getRow(r).getCell(codeCol).value));
    expect(codes).toEqual([...codes].sort(compareCodes));
    expect(new Set(codes).size).toBeGreaterThan(1);
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect(sheet.getCell('A1').note).toBeTruthy();
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const statusCol = headers.indexOf('Status');
    const resultsCol = headers.indexOf('Resultaten algemeen');
    const status = sheet.getRow(2).getCell(statusCol);
    expect(status.protection).toMatchObject({ locked: false });
    expect(status.dataValidation).toMatchObject({ type: 'list', formulae: ['"Concept,Lopend,Afgerond,Gestopt"'] });
    expect(sheet.getRow(2).getCell(headers.indexOf('Naam')).protection?.locked).not.toBe(false);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);

    // The partner fills it in: results on one row, and a status that is not in the list (the mistake).
    const id2 = String(sheet.getRow(2).getCell(1).value);
    sheet.getRow(2).getCell(resultsCol).value = 'Loopt volgens planning; 120 jongeren bereikt.';
    sheet.getRow(3).getCell(statusCol).value = 'Bijna klaar';
    const returned = await save(wb);

    const plan = await planImport(ws.db, returned, 'uitvraag ROC.xlsx');
    expect(plan.fileKind).toBe('partner');
    expect(plan.partner).toBe('ROC Voorbeeldstad');
    expect(plan.counts).toMatchObject({ changed: 1, rejected: 1, new: 0, unchanged: rows - 2 });
    const bad = plan.rows.find((r) => r.status === 'rejected')!;
    expect(bad.issues[0]!.text).toMatch(/Blad "Activiteiten", rij 3, kolom "Status" \(\w\): "Bijna klaar" is geen geldige keuze/);

    // The error workbook marks the cell with a comment saying what to fix.
    const errWb = await load(await buildErrorWorkbook(returned, 'uitvraag.xlsx', plan));
    const marked = errWb.getWorksheet('Activiteiten')!.getRow(3).getCell(statusCol);
    expect(String(marked.note)).toContain('Te verbeteren: "Bijna klaar" is geen geldige keuze');
    expect(errWb.getWorksheet('Fouten')!.getCell('A2').value).toBe('Activiteiten');

    const first = await applyImport(ws.db, returned, 'uitvraag ROC.xlsx', { user: 'Regio', session: 'venster' });
    expect(first.applied).toBe(1);
    const resultsOf = async () => (await ws.db.selectFrom('activity').select('resultsGeneral').where('id', '=', id2).executeTakeFirstOrThrow()).resultsGeneral;
    expect(await resultsOf()).toContain('120 jongeren');
    const cs = await ws.db.selectFrom('changeSet').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(cs).toMatchObject({ source: 'uitvraag ROC.xlsx', label: 'Import uit "uitvraag ROC.xlsx"' });

    await step(ws.db, { user: 'Regio', session: 'venster' }, 'undo');
    expect(await resultsOf()).not.toContain('120 jongeren');

    const second = await applyImport(ws.db, returned, 'uitvraag ROC.xlsx', { user: 'Regio' });
    expect(second.applied).toBe(1);
    expect(await resultsOf()).toContain('120 jongeren');
    await ws.close();
  });
});
