/**
 * Excel exchange (issue 7), end to end on the example region: the user makes a partner request
 * (uitvraag) for ROC Voorbeeldstad on the Excel page; the test fills the downloaded workbook in
 * with exceljs as the partner would (new results text for 1.1.1, status Concept -> Lopend for
 * 1.1.3, and one mistake: a status that is not in the dropdown for 3.1.3); the user reads it in,
 * sees the dry run (two changed rows old -> new, the mistake rejected with its sheet, row, column
 * and a Dutch reason), applies, sees the change on the activity and in its Geschiedenis with the
 * file name, undoes the import as a whole, applies it again, and a third reading changes nothing.
 *
 * A second test downloads the workspace workbook and the Stuurgroeprapportage through the same
 * page and checks with exceljs that they hold real number and date cells. A third ticks two partners
 * and "Bestedingen" and gets one request per partner.
 */
import ExcelJS from 'exceljs';
import { test as base, expect } from './fixtures';
import { StartPage } from './pages/StartPage';
import { ActivityPage } from './pages/ActivityPage';
import { SearchDialog } from './pages/SearchDialog';
import { ExchangePage } from './pages/ExchangePage';

const test = base.extend<{ exchange: ExchangePage; activity: ActivityPage; search: SearchDialog }>({
  exchange: async ({ page }, use) => use(new ExchangePage(page)),
  activity: async ({ page }, use) => use(new ActivityPage(page)),
  search: async ({ page }, use) => use(new SearchDialog(page)),
});

const PARTNER = 'ROC Voorbeeldstad';
const SHEET = 'Activiteiten';
/** The file as the partner sends it back (the name the import records as its source). */
const RETURNED = 'uitvraag ROC Voorbeeldstad ingevuld.xlsx';
const IMPORT_LABEL = `Import uit "${RETURNED}"`;
const NEW_RESULTS = 'Schooljaar 2025/2026: 14 doe-dagen, 312 leerlingen; 9 van de 10 scholen deden mee.';
const BAD_STATUS = 'Bijna klaar';
const CHOICES = 'Concept, Lopend, Afgerond, Gestopt';

/** The rows the partner touches, by activity code. */
const RESULTS_CODE = '1.1.1';
const STATUS_CODE = '1.1.3';
const MISTAKE_CODE = '3.1.3';

interface Filled {
  /** Data rows in the request (activities of the partner). */
  rows: number;
  /** Sheet row numbers of the touched activities. */
  resultsRow: number;
  statusRow: number;
  mistakeRow: number;
  /** "Code Naam" of the touched activities, as the app titles them. */
  resultsTitle: string;
  statusTitle: string;
  mistakeTitle: string;
  oldResults: string;
  /** Column letter of "Status". */
  statusCol: string;
}

/** Reads a workbook file with exceljs. */
async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Header name -> column number of a sheet's first row. */
function headers(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => out.set(String(c.value), n));
  return out;
}

/**
 * Fills the request in as a partner would, in the unlocked (yellow) cells only, and saves it as
 * `out`. Checks on the way that the cells it writes are the unlocked ones with their dropdown.
 */
async function fillInAsPartner(request: string, out: string): Promise<Filled> {
  const wb = await readBook(request);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['Toelichting', 'Info', SHEET]);
  expect(String(wb.getWorksheet('Toelichting')!.getCell('A1').value)).toBe(`Uitvraag voor ${PARTNER} — regio Voorbeeldregio`);
  const ws = wb.getWorksheet(SHEET)!;
  const col = headers(ws);
  const c = (h: string) => {
    const n = col.get(h);
    expect(n, `kolom ${h}`).toBeDefined();
    return n!;
  };
  const [idCol, codeCol, nameCol, statusCol, resultsCol] = [c('Id'), c('Code'), c('Naam'), c('Status'), c('Resultaten algemeen')];
  expect(ws.getColumn(idCol).hidden).toBe(true);
  const rows = ws.actualRowCount - 1;
  const rowOf = (code: string) => {
    for (let r = 2; r <= rows + 1; r++) if (ws.getRow(r).getCell(codeCol).value === code) return r;
    throw new Error(`activiteit ${code} staat niet in de uitvraag`);
  };
  const title = (r: number) => `${String(ws.getRow(r).getCell(codeCol).value)} ${String(ws.getRow(r).getCell(nameCol).value)}`;
  const [resultsRow, statusRow, mistakeRow] = [rowOf(RESULTS_CODE), rowOf(STATUS_CODE), rowOf(MISTAKE_CODE)];

  // The partner can only type in the unlocked cells; the status cells have the list.
  for (const r of [resultsRow, statusRow, mistakeRow]) {
    expect(ws.getRow(r).getCell(statusCol).protection?.locked).toBe(false);
    expect(ws.getRow(r).getCell(resultsCol).protection?.locked).toBe(false);
    expect(ws.getRow(r).getCell(nameCol).protection?.locked).not.toBe(false);
    expect(ws.getRow(r).getCell(statusCol).dataValidation).toMatchObject({ type: 'list', formulae: [`"${CHOICES.replaceAll(', ', ',')}"`] });
  }
  expect(ws.getRow(statusRow).getCell(statusCol).value).toBe('Concept');
  expect(ws.getRow(mistakeRow).getCell(statusCol).value).toBe('Lopend');
  const oldResults = String(ws.getRow(resultsRow).getCell(resultsCol).value);
  expect(oldResults.length).toBeGreaterThan(0);

  ws.getRow(resultsRow).getCell(resultsCol).value = NEW_RESULTS;
  ws.getRow(statusRow).getCell(statusCol).value = 'Lopend';
  // The mistake: typed over the dropdown (exceljs, like a paste, does not enforce the validation).
  ws.getRow(mistakeRow).getCell(statusCol).value = BAD_STATUS;
  await wb.xlsx.writeFile(out);

  return {
    rows,
    resultsRow,
    statusRow,
    mistakeRow,
    resultsTitle: title(resultsRow),
    statusTitle: title(statusRow),
    mistakeTitle: title(mistakeRow),
    oldResults,
    statusCol: ws.getColumn(statusCol).letter,
  };
}

test.describe('Excel-uitwisseling', () => {
  test.beforeEach(async ({ page, host }) => {
    const start = new StartPage(page, host);
    await start.open();
    await start.openExampleRegion();
    await expect(page.getByRole('heading', { level: 1, name: "Programma's", exact: true })).toBeVisible();
  });

  test('uitvraag voor een partner, ingevuld met één fout: proefimport, toepassen, ongedaan maken, opnieuw toepassen; nog eens inlezen verandert niets', async ({
    page,
    exchange,
    activity,
    search,
  }, testInfo) => {
    const dir = testInfo.outputPath('downloads');
    const returned = testInfo.outputPath(RETURNED);
    let request = '';
    let f!: Filled;

    /** Opens an activity through Ctrl+K, as a user would look it up. */
    const openActivity = async (title: string) => {
      await search.openWithKeyboard();
      await search.search(title.split(' ')[0]!);
      await search.hit('Activiteiten', title).click();
      await expect(search.dialog).toBeHidden();
      await activity.expectShown(title);
    };
    const results = () => activity.section(10);

    await test.step(`uitvraag maken voor ${PARTNER}`, async () => {
      await exchange.open();
      await expect(exchange.card('Uitvraag partner').getByRole('button', { name: 'Downloaden', exact: true })).toBeDisabled();
      const { download, file } = await exchange.requestFor(PARTNER, '2025/2026', dir);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      request = file;
    });

    await test.step('de partner vult de gele cellen in met exceljs, met één waarde buiten de keuzelijst', async () => {
      f = await fillInAsPartner(request, returned);
      expect(f.rows).toBeGreaterThan(3);
    });

    await test.step('proefimport: twee gewijzigde regels (oud → nieuw) en de fout afgewezen met blad, rij en kolom', async () => {
      await exchange.upload(returned);
      await expect(exchange.plan(RETURNED)).toBeVisible();
      await expect(exchange.plan(RETURNED)).toContainText(`Soort: Uitvraag ${PARTNER} · regio Voorbeeldregio`);
      await exchange.expectCounts(RETURNED, { Nieuw: 0, Gewijzigd: 2, Ongewijzigd: f.rows - 3, Conflict: 0, Afgewezen: 1 });
      await expect(exchange.planRows(RETURNED)).toHaveCount(3);

      const changedResults = exchange.planRow(RETURNED, SHEET, f.resultsRow);
      await expect(changedResults.getByRole('cell').first()).toHaveText('gewijzigd');
      await expect(changedResults).toContainText(f.resultsTitle.split(' ').slice(1).join(' '));
      await expect(changedResults.getByRole('listitem')).toHaveText(`Resultaten algemeen: ${f.oldResults} → ${NEW_RESULTS}`);

      const changedStatus = exchange.planRow(RETURNED, SHEET, f.statusRow);
      await expect(changedStatus.getByRole('cell').first()).toHaveText('gewijzigd');
      await expect(changedStatus.getByRole('listitem')).toHaveText('Status: Concept → Lopend');

      const rejected = exchange.planRow(RETURNED, SHEET, f.mistakeRow);
      await expect(rejected.getByRole('cell').first()).toHaveText('afgewezen');
      await expect(rejected.getByRole('listitem')).toHaveText(`Status (${f.statusCol}): "${BAD_STATUS}" is geen geldige keuze. Kies uit: ${CHOICES}.`);
      await expect(exchange.plan(RETURNED).getByRole('button', { name: 'Foutenbestand downloaden', exact: true })).toBeEnabled();

      // Unchanged rows are there on request.
      await exchange.showUnchanged(RETURNED).check();
      await expect(exchange.planRows(RETURNED)).toHaveCount(f.rows);
      await exchange.showUnchanged(RETURNED).uncheck();
      await expect(exchange.planRows(RETURNED)).toHaveCount(3);
    });

    await test.step('schermafbeelding van de proefimport op 1366x768 (bijlage bij de test)', async () => {
      await exchange.planTable(RETURNED).scrollIntoViewIfNeeded();
      await page.evaluate(() => document.fonts.ready);
      const file = testInfo.outputPath('proefimport.png');
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('proefimport', { path: file, contentType: 'image/png' });
    });

    await test.step('de proefimport wijzigde niets', async () => {
      await expect(exchange.lastImport).toHaveCount(0);
      await openActivity(f.resultsTitle);
      await expect(results()).toContainText(f.oldResults);
      await expect(results()).not.toContainText(NEW_RESULTS);
    });

    await test.step('toepassen', async () => {
      await exchange.open();
      await exchange.upload(returned);
      await exchange.expectCounts(RETURNED, { Nieuw: 0, Gewijzigd: 2, Ongewijzigd: f.rows - 3, Conflict: 0, Afgewezen: 1 });
      await exchange.apply(RETURNED, 2).click();
      await expect(page.getByRole('status')).toContainText('Import toegepast: 2 regels gewijzigd of toegevoegd.');
      await expect(exchange.plan(RETURNED)).toHaveCount(0);
      await expect(exchange.lastImport).toContainText(IMPORT_LABEL);
      await expect(exchange.lastImport).toContainText('(2 wijzigingen)');
      await expect(exchange.undoImport).toBeEnabled();
    });

    await test.step('de wijziging staat bij de activiteit en in haar Geschiedenis, met de bestandsnaam', async () => {
      await openActivity(f.resultsTitle);
      await expect(results()).toContainText(NEW_RESULTS);
      await expect(results()).not.toContainText(f.oldResults);
      await expect(activity.history.getByText(IMPORT_LABEL, { exact: true })).toHaveCount(1);
      // The app calls the field "Algemene resultaten"; the workbook's header says "Resultaten algemeen".
      await expect(activity.historyChange('Algemene resultaten', f.oldResults, NEW_RESULTS)).toHaveCount(1);

      await openActivity(f.statusTitle);
      await expect(activity.historyChange('Status', 'Concept', 'Lopend')).toHaveCount(1);
      await expect(activity.history.getByText(IMPORT_LABEL, { exact: true })).toHaveCount(1);

      // The rejected row changed nothing.
      await openActivity(f.mistakeTitle);
      await expect(activity.history.getByText(IMPORT_LABEL, { exact: true })).toHaveCount(0);
    });

    await test.step('import als geheel ongedaan maken op de Excel-pagina: de oude waarden zijn terug', async () => {
      await exchange.open();
      await exchange.undoImport.click();
      await expect(page.getByRole('status')).toContainText(`Import ongedaan gemaakt: ${IMPORT_LABEL}`);
      await openActivity(f.resultsTitle);
      await expect(results()).toContainText(f.oldResults);
      await expect(results()).not.toContainText(NEW_RESULTS);
      // The newest entry is the undo, naming the import; the import itself is marked as undone.
      await openActivity(f.statusTitle);
      const entries = activity.history.getByRole('listitem');
      await expect(entries.first().getByText(`Ongedaan gemaakt: ${IMPORT_LABEL}`, { exact: true })).toBeVisible();
      await expect(entries.first().getByRole('rowheader')).toHaveText(['Status']);
      await expect(entries.first().getByRole('cell')).toHaveText(['Lopend', 'Concept']);
      await expect(entries.nth(1).getByText(IMPORT_LABEL, { exact: true })).toBeVisible();
      await expect(entries.nth(1)).toContainText('ongedaan gemaakt');
    });

    await test.step('hetzelfde bestand opnieuw inlezen en toepassen: de wijziging is er weer', async () => {
      await exchange.open();
      await exchange.upload(returned);
      await exchange.expectCounts(RETURNED, { Nieuw: 0, Gewijzigd: 2, Ongewijzigd: f.rows - 3, Conflict: 0, Afgewezen: 1 });
      await expect(exchange.planRow(RETURNED, SHEET, f.resultsRow).getByRole('listitem')).toHaveText(`Resultaten algemeen: ${f.oldResults} → ${NEW_RESULTS}`);
      await exchange.apply(RETURNED, 2).click();
      await expect(page.getByRole('status')).toContainText('Import toegepast: 2 regels gewijzigd of toegevoegd.');
      await openActivity(f.resultsTitle);
      await expect(results()).toContainText(NEW_RESULTS);
      await expect(results()).not.toContainText(f.oldResults);
    });

    await test.step('nog eens inlezen: alles ongewijzigd, alleen de fout blijft afgewezen, er valt niets toe te passen', async () => {
      await exchange.open();
      await exchange.upload(returned);
      await exchange.expectCounts(RETURNED, { Nieuw: 0, Gewijzigd: 0, Ongewijzigd: f.rows - 1, Conflict: 0, Afgewezen: 1 });
      await expect(exchange.planRows(RETURNED)).toHaveCount(1);
      await expect(exchange.planRow(RETURNED, SHEET, f.mistakeRow).getByRole('cell').first()).toHaveText('afgewezen');
      await expect(exchange.apply(RETURNED, 0)).toBeDisabled();
    });
  });

  test('werkbestand en Stuurgroeprapportage downloaden: bladen met echte getallen, bedragen en datums', async ({ exchange }, testInfo) => {
    const dir = testInfo.outputPath('downloads');
    await exchange.open();

    await test.step('werkbestand: Info-blad en een blad per soort gegeven, datums als datum', async () => {
      const { file } = await exchange.download('Werkbestand', dir);
      const wb = await readBook(file);
      const names = wb.worksheets.map((s) => s.name);
      expect(names[0]).toBe('Info');
      expect(names).toEqual(expect.arrayContaining(["Programma's", 'Activiteiten']));
      const info = wb.getWorksheet('Info')!;
      const fact = (label: string) => {
        let v: unknown;
        info.eachRow((row) => {
          if (v === undefined && row.getCell(1).value === label) v = row.getCell(2).value;
        });
        return v;
      };
      expect(fact('Soort bestand')).toBe('Werkbestand');
      expect(fact('Regio')).toBe('Voorbeeldregio');
      const acts = wb.getWorksheet('Activiteiten')!;
      const col = headers(acts);
      expect(acts.actualRowCount).toBeGreaterThan(10);
      const row = acts.getRow(2);
      expect(row.getCell(col.get('Id')!).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(col.get('Startdatum')!).type).toBe(ExcelJS.ValueType.Date);
      expect(row.getCell(col.get('Startdatum')!).numFmt).toBe('dd-mm-yyyy');
    });

    await test.step('Stuurgroeprapportage: de bladen, bedragen, percentages en datums als echte cellen', async () => {
      const { file } = await exchange.download('Stuurgroeprapportage', dir);
      const wb = await readBook(file);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Overzicht', "Programma's", 'Begroting', 'Resultaten', 'Acties', 'Legenda']);

      const p = wb.getWorksheet("Programma's")!;
      const pc = headers(p);
      let running: ExcelJS.Row | undefined;
      p.eachRow((row, n) => {
        if (n > 1 && row.getCell(pc.get('Programma')!).value === 'Regionaal programma VSV 2024-2028') running = row;
      });
      expect(running).toBeDefined();
      const start = running!.getCell(pc.get('Startdatum')!);
      expect(start.type).toBe(ExcelJS.ValueType.Date);
      expect(start.numFmt).toBe('dd-mm-yyyy');
      expect(running!.getCell(pc.get('Status')!).value).toBe('▶ Lopend');
      const requested = running!.getCell(pc.get('Aangevraagd bedrag')!);
      expect(requested.type).toBe(ExcelJS.ValueType.Number);
      expect(requested.value).toBe(5_100_000);
      expect(requested.numFmt).toMatch(/€/);
      const share = running!.getCell(pc.get('Toegekend % van aangevraagd')!);
      expect(share.type).toBe(ExcelJS.ValueType.Number);
      expect(share.numFmt).toMatch(/%$/);

      const b = wb.getWorksheet('Begroting')!;
      const bc = headers(b);
      expect([...bc.keys()]).toEqual(['Programma', 'Code', 'Maatregel', 'Jaar', 'Financieringsbron', 'Begroot', 'Gerealiseerd', 'Besteed %']);
      expect(b.actualRowCount).toBeGreaterThan(5);
      let planned = 0;
      for (let r = 2; r <= b.actualRowCount; r++) {
        const row = b.getRow(r);
        expect(row.getCell(bc.get('Jaar')!).type, `Begroting rij ${r} Jaar`).toBe(ExcelJS.ValueType.Number);
        const cell = row.getCell(bc.get('Begroot')!);
        if (cell.type === ExcelJS.ValueType.Number) planned += cell.value as number;
        expect(cell.numFmt, `Begroting rij ${r} Begroot`).toMatch(/€/);
      }
      expect(planned).toBeGreaterThan(0);

      const act = wb.getWorksheet('Acties')!;
      const ac = headers(act);
      expect(act.actualRowCount).toBeGreaterThan(1);
      const deadlines = [];
      for (let r = 2; r <= act.actualRowCount; r++) {
        const d = act.getRow(r).getCell(ac.get('Deadline')!);
        if (d.value !== null && d.value !== '') deadlines.push(d);
      }
      expect(deadlines.length).toBeGreaterThan(0);
      for (const d of deadlines) expect(d.type).toBe(ExcelJS.ValueType.Date);

      for (const s of wb.worksheets) expect(s.views[0], s.name).toMatchObject({ state: 'frozen', ySplit: 1 });
    });
  });

  test('uitvraag voor meer partners tegelijk: aanvinken, kiezen wat u uitvraagt, één bestand per partner', async ({ page, exchange }, testInfo) => {
    await exchange.open();
    const card = exchange.card('Uitvraag partner');
    const group = card.getByRole('group', { name: 'Meer partners tegelijk', exact: true });
    await group.getByRole('checkbox', { name: PARTNER, exact: true }).check();
    const other = group.getByRole('checkbox').filter({ hasNot: page.getByText(PARTNER, { exact: true }) }).first();
    await other.check();
    const otherName = (await other.locator('xpath=..').innerText()).trim();
    await card.getByRole('group', { name: 'Wat vraagt u uit?', exact: true }).getByRole('checkbox', { name: 'Bestedingen op de begrotingsregels', exact: true }).check();
    await exchange.period.fill('2026');
    const downloads: import('@playwright/test').Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await card.getByRole('button', { name: 'Downloaden', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('2 uitvragen zijn gedownload, één per partner.');
    await expect.poll(() => downloads.length).toBe(2);
    const seen: string[] = [];
    for (const d of downloads) {
      const file = testInfo.outputPath('meer', d.suggestedFilename());
      await d.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Toelichting', 'Info', SHEET, 'Bestedingen']);
      seen.push(String(wb.getWorksheet('Toelichting')!.getCell('A1').value));
    }
    expect(seen.sort()).toEqual([`Uitvraag voor ${PARTNER} — regio Voorbeeldregio`, `Uitvraag voor ${otherName} — regio Voorbeeldregio`].sort());
  });
});

