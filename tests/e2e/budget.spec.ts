/**
 * Money (issue 4), end to end from a new workspace: a programme with a line and a measure made
 * through the screens, then in Begroting an award, two budget lines on different funding sources,
 * spend entries on both; the measure × year matrix, the drill-down to the entries behind a
 * realised figure, and the management-cost check with its link to the line that causes it.
 *
 * The figures (all 2026, measure 1.1):
 *   award OCW regionale middelen VSV  € 100.000,00
 *   line "Regiecoördinatie 0,2 fte"   OCW, A Coördinatie      planned € 15.000,00, spent € 1.234,56 + € 4.000,00
 *   line "Trajectbegeleiders"         Eigen middelen, C        planned € 20.000,00, spent € 16.000,00
 *   → planned € 35.000,00, realised € 21.234,56, remaining € 13.765,44, 60,67% → shown as 61%.
 * Management costs (category A on the subsidy) are the larger of planned and realised: € 15.000,00,
 * 15% of the € 100.000,00 subsidy, above the 10% of the 2012 rules; the € 150.000 cap is not reached,
 * the OCW lines stay within the award and "Eigen middelen" needs no award, so that is the only check.
 */
import { test as base, expect } from './fixtures';
import { ProgrammeTreePage } from './pages/ProgrammeTreePage';
import { BudgetPage, fieldError } from './pages/BudgetPage';
import { BudgetAwardsPage } from './pages/BudgetAwardsPage';
import { BudgetLinesPage } from './pages/BudgetLinesPage';
import { BudgetEntriesPage } from './pages/BudgetEntriesPage';
import { BudgetChecksPage } from './pages/BudgetChecksPage';

const test = base.extend<{ tree: ProgrammeTreePage; budget: BudgetPage; awards: BudgetAwardsPage; lines: BudgetLinesPage; entries: BudgetEntriesPage; checks: BudgetChecksPage }>({
  tree: async ({ page }, use) => use(new ProgrammeTreePage(page)),
  budget: async ({ page }, use) => use(new BudgetPage(page)),
  awards: async ({ page }, use) => use(new BudgetAwardsPage(page)),
  lines: async ({ page }, use) => use(new BudgetLinesPage(page)),
  entries: async ({ page }, use) => use(new BudgetEntriesPage(page)),
  checks: async ({ page }, use) => use(new BudgetChecksPage(page)),
});

const PROGRAMME = 'Programma VSV Twente 2025-2027 (e2e)';
const LINE = { code: '1', name: 'Aanpak verzuim' };
const MEASURE = { code: '1.1', name: 'Begeleiding overstappers' };
const MEASURE_LABEL = `${MEASURE.code} ${MEASURE.name}`;

const OCW = 'OCW regionale middelen VSV';
const EIGEN = 'Eigen middelen';
const COORDINATION = { year: '2026', costItem: 'Regiecoördinatie 0,2 fte', kind: 'Personeel', fundingSource: OCW, category: 'A Coördinatie', planned: '15.000,00' };
const GUIDANCE = { year: '2026', costItem: 'Trajectbegeleiders', kind: 'Personeel', fundingSource: EIGEN, category: 'C Trajectbegeleiding', planned: '20.000' };
const COORDINATION_NAME = `${COORDINATION.year} ${COORDINATION.costItem}`;
const GUIDANCE_NAME = `${GUIDANCE.year} ${GUIDANCE.costItem}`;

const SPEND = [
  { line: COORDINATION, date: '15-03-2026', amount: '1.234,56', shown: '€ 1.234,56', description: 'Coördinatie eerste kwartaal', reference: 'F-2026-011' },
  { line: COORDINATION, date: '30-06-2026', amount: '4.000', shown: '€ 4.000,00', description: 'Coördinatie tweede kwartaal', reference: 'F-2026-027' },
  { line: GUIDANCE, date: '30-06-2026', amount: '€ 16.000', shown: '€ 16.000,00', description: 'Inzet trajectbegeleiders januari-juni', reference: 'F-2026-030' },
] as const;

const AMBIGUOUS = '"1,234" is dubbelzinnig: bedoelt u 1.234 of 1,23? Schrijf bedragen als 1.234,56 (punt voor duizendtallen, komma voor centen).';

test.describe('Begroting', () => {
  test.beforeEach(async ({ app, programmes, programmeForm, programmeDetail, tree }) => {
    await app.createWorkspace('12 Twente', 'VSV Twente begroting e2e');
    await programmes.expectShown();
    await programmes.newProgramme.click();
    await programmeForm.expectNew();
    await programmeForm.fill({ name: PROGRAMME, start: '01-08-2025', end: '31-07-2027', status: 'Lopend' });
    await programmeForm.save.click();
    await programmeDetail.expectShown(PROGRAMME);
    await tree.createLine(LINE.code, LINE.name);
    await tree.createMeasure(MEASURE.code, MEASURE.name, `${LINE.code} ${LINE.name}`);
  });

  test('toekenning, twee begrotingsregels met verschillende bronnen en bestedingen; matrix, doorklikken naar de bestedingen en een controle op beheerskosten', async ({
    page,
    sidebar,
    budget,
    awards,
    lines,
    entries,
    checks,
  }, testInfo) => {
    await test.step('Begroting openen: nog niets begroot', async () => {
      await sidebar.goTo('Begroting');
      await budget.expectShown();
      await expect(page).toHaveURL(/#\/begroting\/[^/]+\/overzicht$/);
      await expect(budget.programme).toHaveValue(/.+/);
      await expect(budget.programme.locator('option:checked')).toHaveText(PROGRAMME);
      await expect(page.getByText('Nog geen begrotingsregels.', { exact: true })).toBeVisible();
    });

    await test.step('toekenning OCW 2026 van € 100.000,00', async () => {
      await budget.openTab('Toekenningen');
      await expect(page.getByText('Nog geen toekenningen.', { exact: true })).toBeVisible();
      await awards.create({ stream: OCW, year: '2026', amount: '100.000,00', paymentDates: '15-02-2026, 15-07-2026', spendBy: '31-12-2027' });
      await expect(page.getByRole('status')).toContainText('Toekenning opgeslagen.');
      const row = awards.row(`${OCW} 2026`);
      await expect(row).toBeVisible();
      await expect(row.getByRole('cell', { name: '€ 100.000,00', exact: true })).toBeVisible();
    });

    await test.step('twee begrotingsregels op 1.1 voor 2026: OCW/A Coördinatie en Eigen middelen/C', async () => {
      await budget.openTab('Begrotingsregels');
      await expect(lines.empty).toBeVisible();
      await lines.createLine({ measure: MEASURE_LABEL, ...COORDINATION });
      await lines.createLine({ measure: MEASURE_LABEL, ...GUIDANCE });
      await expect(lines.lineRows()).toHaveCount(2);
      const coordination = lines.row(COORDINATION_NAME);
      await expect(coordination).toContainText(OCW);
      await expect(coordination).toContainText('A Coördinatie');
      // Planned and remaining are the same while nothing is spent.
      await expect(coordination.getByRole('cell', { name: '€ 15.000,00', exact: true })).toHaveCount(2);
      await expect(coordination.getByRole('link', { name: `Besteed ${COORDINATION_NAME}: € 0,00`, exact: true })).toBeVisible();
      const guidance = lines.row(GUIDANCE_NAME);
      await expect(guidance).toContainText(EIGEN);
      await expect(guidance).toContainText('C Trajectbegeleiding');
      await expect(guidance.getByRole('cell', { name: '€ 20.000,00', exact: true })).toHaveCount(2);
      await expect(page.getByRole('table', { name: 'Begrotingsregels', exact: true }).getByRole('row').last()).toContainText('€ 35.000,00');
    });

    await test.step('een dubbelzinnig bedrag "1,234" bij een besteding wordt geweigerd, met de melding bij het veld', async () => {
      await lines.openSpend(GUIDANCE_NAME);
      await expect(page.getByText('Nog geen bestedingen.', { exact: true })).toBeVisible();
      await lines.spendForm.fill({ date: '30-06-2026', amount: '1,234', description: 'Dubbelzinnig bedrag' });
      await lines.spendForm.submit.click();
      await expect(fieldError(lines.spendForm.amount)).toHaveText(AMBIGUOUS);
      await expect(lines.spendForm.amount).toHaveAttribute('aria-invalid', 'true');
      await expect(lines.spendForm.amount).toHaveValue('1,234');
      await expect(page.getByText('Nog geen bestedingen.', { exact: true })).toBeVisible();
      await expect(lines.row(GUIDANCE_NAME).getByRole('link', { name: `Besteed ${GUIDANCE_NAME}: € 0,00`, exact: true })).toBeVisible();
    });

    await test.step('bestedingen op beide regels', async () => {
      for (const [name, line] of [
        [GUIDANCE_NAME, GUIDANCE],
        [COORDINATION_NAME, COORDINATION],
      ] as const) {
        await lines.openSpend(name);
        for (const s of SPEND.filter((x) => x.line === line)) await lines.addSpend(line.costItem, s);
      }
      const coordinationSpend = lines.spendTable(COORDINATION.costItem);
      await expect(coordinationSpend.getByRole('row')).toHaveCount(3); // header + two entries
      await expect(coordinationSpend.getByRole('cell', { name: '€ 1.234,56', exact: true })).toBeVisible();
      await expect(coordinationSpend.getByRole('cell', { name: '€ 4.000,00', exact: true })).toBeVisible();
      await expect(lines.row(COORDINATION_NAME).getByRole('link', { name: `Besteed ${COORDINATION_NAME}: € 5.234,56`, exact: true })).toBeVisible();
      await expect(lines.row(GUIDANCE_NAME).getByRole('link', { name: `Besteed ${GUIDANCE_NAME}: € 16.000,00`, exact: true })).toBeVisible();
    });

    await test.step('matrix: begroot, besteed, resterend en % besteed voor 1.1 in 2026', async () => {
      await budget.openTab('Overzicht');
      await expect(budget.matrix).toBeVisible();
      const sums = { planned: '€ 35.000,00', realised: '€ 21.234,56', remaining: '€ 13.765,44', pct: '61%' };
      await budget.expectCell('1.1 in 2026', sums);
      // The row total and the year total are the same money: there is nothing in other years.
      await budget.expectCell('1.1, alle jaren', sums);
      await budget.expectCell('alle maatregelen in 2026', sums);
      await expect(budget.fact('Toegekend')).toHaveText('€ 100.000,00');
      await expect(budget.fact('Begroot')).toHaveText('€ 35.000,00');
      await expect(budget.fact('Besteed')).toHaveText('€ 21.234,56 (61%)');
      await expect(budget.fact('Resterend')).toHaveText('€ 13.765,44');
    });

    await test.step('schermafbeelding van het overzicht op 1366x768 (bijlage bij de test)', async () => {
      await page.evaluate(() => document.fonts.ready);
      const file = testInfo.outputPath('begroting-overzicht.png');
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('begroting-overzicht', { path: file, contentType: 'image/png' });
    });

    await test.step('per bron: elke bron met haar eigen bedragen', async () => {
      await budget.openTab('Per bron');
      await expect(page.getByRole('link', { name: `Begroot ${OCW}: € 15.000,00`, exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: `Besteed ${OCW}: € 5.234,56`, exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: `Begroot ${EIGEN}: € 20.000,00`, exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: `Besteed ${EIGEN}: € 16.000,00`, exact: true })).toBeVisible();
    });

    await test.step('doorklikken op het bestede bedrag toont precies de ingevoerde bestedingen', async () => {
      await budget.openTab('Overzicht');
      await budget.realised('1.1 in 2026', '€ 21.234,56').click();
      await expect(page).toHaveURL(/#\/begroting\/[^/]+\/bestedingen\/.+/);
      const what = `${MEASURE_LABEL} · 2026`;
      await expect(entries.heading(what)).toBeVisible();
      await expect(entries.summary('3 bestedingen, samen € 21.234,56')).toBeVisible();
      await expect(entries.entryRows(what)).toHaveCount(SPEND.length);
      for (const s of SPEND) {
        const row = entries.entry(what, s.description);
        await expect(row).toHaveCount(1);
        await expect(row.getByRole('cell', { name: s.date, exact: true })).toBeVisible();
        await expect(row.getByRole('cell', { name: s.reference, exact: true })).toBeVisible();
        await expect(row.getByRole('cell', { name: s.shown, exact: true })).toBeVisible();
        await expect(row.getByRole('link', { name: `${s.line.year} ${s.line.costItem}`, exact: true })).toBeVisible();
      }
      await expect(entries.table(what).getByRole('row').last()).toContainText('€ 21.234,56');
    });

    await test.step('Controles: beheers- en coördinatiekosten 15% van de subsidie, met een link naar de regel', async () => {
      await expect(budget.tab('Controles')).toHaveAccessibleName(/^Controles ?\(1\)$/);
      await budget.openTab('Controles');
      await expect(checks.findings()).toHaveCount(1);
      const finding = checks.finding('beheers- en coördinatiekosten');
      await expect(finding).toContainText('Fout');
      await expect(finding).toContainText('2026: beheers- en coördinatiekosten € 15.000,00 (begroot) zijn 15% van de subsidie € 100.000,00; toegestaan is hooguit 10%.');
      await expect(checks.awardsLink(finding)).toBeVisible();
      await checks.linesLink(finding, 1).click();
      await expect(budget.tab('Begrotingsregels')).toHaveAttribute('aria-current', 'page');
      await expect(page.getByText('Alleen de begrotingsregel uit de controle of het overzicht.', { exact: true })).toBeVisible();
      await expect(lines.lineRows()).toHaveCount(1);
      await expect(lines.row(COORDINATION_NAME)).toBeVisible();
      await expect(lines.row(GUIDANCE_NAME)).toHaveCount(0);
    });

    await test.step('na herladen is alles er nog', async () => {
      await page.reload();
      await expect(lines.lineRows()).toHaveCount(1);
      await budget.openTab('Overzicht');
      await budget.expectCell('1.1 in 2026', { planned: '€ 35.000,00', realised: '€ 21.234,56', remaining: '€ 13.765,44', pct: '61%' });
    });
  });

  test('een begrotingsregel zonder financieringsbron en met een dubbelzinnig bedrag wordt geweigerd, met meldingen bij de velden, en niets wordt opgeslagen', async ({
    page,
    sidebar,
    budget,
    lines,
  }) => {
    await sidebar.goTo('Begroting');
    await budget.expectShown();
    await budget.openTab('Begrotingsregels');
    await expect(lines.empty).toBeVisible();

    await lines.newLine.click();
    const form = lines.newForm;
    await form.fill({ measure: MEASURE_LABEL, year: '2026', costItem: 'Regiecoördinatie zonder bron', category: 'A Coördinatie', planned: '1,234' });
    await expect(form.fundingSource).toHaveValue('');
    await form.save.click();

    await expect(fieldError(form.fundingSource)).toHaveText('Kies een van de mogelijkheden.');
    await expect(form.fundingSource).toHaveAttribute('aria-invalid', 'true');
    await expect(fieldError(form.planned)).toHaveText(AMBIGUOUS);
    await expect(form.planned).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('status')).toContainText('Controleer de gemarkeerde velden.');
    // The other fields are fine and carry no message.
    await expect(fieldError(form.costItem)).toHaveCount(0);
    // The form stays open with what was typed; nothing was stored.
    await expect(form.root).toBeVisible();
    await expect(form.planned).toHaveValue('1,234');
    await expect(form.costItem).toHaveValue('Regiecoördinatie zonder bron');
    await expect(lines.empty).toBeVisible();
    await expect(lines.table).toHaveCount(0);

    await page.reload();
    await expect(budget.tab('Begrotingsregels')).toHaveAttribute('aria-current', 'page');
    await expect(lines.empty).toBeVisible();
    await budget.openTab('Overzicht');
    await expect(budget.fact('Begroot')).toHaveText('€ 0,00');
  });
});
