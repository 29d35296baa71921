/**
 * Targets and results (issue 5), end to end on the example region: a new indicator with a
 * baseline and targets, a provisional and then a definitive measurement, a target revision with
 * reason and steering-group date; the status, the history and the trend chart.
 *
 * The statuses asserted are what the status rule (shared/results/status.ts, default thresholds:
 * op koers up to 10 pp lag, aandacht up to 25 pp) gives for these figures. The measurement is of
 * 01-02-2026, in school year 2025/2026, whose period ended 31-07-2026: from then on the expected
 * progress is 100% and does not depend on the day the test runs.
 */
import { test, expect } from './fixtures';
import { ResultsActivityPage, fieldError } from './pages/ResultsActivityPage';
import { ResultsIndicatorFormPage } from './pages/ResultsIndicatorFormPage';

const ACTIVITY = '1.2.2 Verzuimspreekuur op school';

test.describe('Resultaten', () => {
  test.beforeEach(async ({ app, programmes }) => {
    await app.openExampleRegion();
    await programmes.expectShown();
  });

  test('indicator met nulmeting en streefwaarden, voorlopige en definitieve meting, streefwaarde bijstellen; status, geschiedenis en grafiek', async ({ page }, testInfo) => {
    const results = new ResultsActivityPage(page);
    const indicatorForm = new ResultsIndicatorFormPage(page);
    const name = 'Verzuimers met plan binnen vier weken (e2e)';
    const card = results.card(name);

    await test.step('activiteit openen via zoeken (Ctrl+K) en dan Resultaten', async () => {
      await results.openActivityViaSearch('Verzuimspreekuur', ACTIVITY);
      await results.openResultsOfActivity(ACTIVITY);
    });

    await test.step('indicator toevoegen: percentage, hoger is beter, nulmeting 60% op 01-10-2024', async () => {
      await results.addIndicator.click();
      await indicatorForm.expectNew();
      await expect(page).toHaveURL(/#\/resultaten\/nieuw\/activiteit\/[^/]+$/);
      await indicatorForm.fill({ name, unit: 'Percentage', direction: 'Hoger is beter', dataSource: 'Eigen registratie', baselineValue: '60', baselineDate: '01-10-2024', baselineSource: 'Verzuimregistratie' });
      await indicatorForm.save.click();
      await expect(results.heading(ACTIVITY)).toBeVisible();
      await expect(card.root).toBeVisible();
      await expect(card.fact('Nulmeting')).toHaveText('60% (01-10-2024)');
      await expect(card.fact('Laatste meting')).toHaveText('—');
      await card.expectStatus('Geen gegevens');
    });

    await test.step('streefwaarden 70% (2025/2026) en 75% (2026/2027)', async () => {
      await card.addTargetFor('2025/2026', '70');
      await card.addTargetFor('2026/2027', '75');
      await expect(card.targetRow('2025/2026')).toContainText('70%');
      await expect(card.targetRow('2026/2027')).toContainText('75%');
      // Still no measurement: no status yet.
      await card.expectStatus('Geen gegevens');
    });

    await test.step('voorlopige meting 68% op 01-02-2026: 80% van de route, verwacht 100% → Aandacht', async () => {
      await card.addMeasurement.click();
      const form = card.measurementForm();
      await form.date.fill('01-02-2026');
      await expect(form.status).toHaveValue('voorlopig');
      await form.value.fill('68');
      await form.save.click();
      await expect(form.root).toBeHidden();
      await expect(card.measurementRows('01-02-2026')).toHaveCount(1);
      await expect(card.measurementRows('01-02-2026')).toContainText('Voorlopig');
      await expect(card.fact('Laatste meting')).toHaveText('68% over 2025/2026 (01-02-2026, voorlopig)');
      await expect(card.fact('Voortgang')).toHaveText('80% van de route van nulmeting naar streefwaarde (verwacht: 100%)');
      await card.expectStatus('Aandacht');
    });

    await test.step('definitief maken met 71%: streefwaarde 70% gehaald → Behaald; de voorlopige blijft zichtbaar, doorgestreept', async () => {
      await card.makeDefinitiveButton('01-02-2026').click();
      const form = card.definitiveForm();
      await expect(form.date).toHaveValue('01-02-2026');
      await expect(form.status).toHaveValue('definitief');
      await form.value.fill('71');
      await form.save.click();
      await expect(form.root).toBeHidden();

      const rows = card.measurementRows('01-02-2026');
      await expect(rows).toHaveCount(2);
      const definitive = rows.filter({ hasText: 'Definitief' });
      const replaced = rows.filter({ hasText: 'Voorlopig' });
      await expect(definitive).toContainText('71%');
      await expect(replaced).toContainText('68%');
      await expect(replaced).toContainText('(vervangen)');
      await expect(replaced.getByRole('cell').first()).toHaveCSS('text-decoration-line', 'line-through');
      await expect(definitive.getByRole('cell').first()).toHaveCSS('text-decoration-line', 'none');
      await expect(card.makeDefinitiveButton('01-02-2026')).toHaveCount(0);

      await expect(card.fact('Laatste meting')).toHaveText('71% over 2025/2026 (01-02-2026, definitief)');
      await expect(card.fact('Voortgang')).toHaveText('Behaald');
      await card.expectStatus('Behaald');
    });

    await test.step('streefwaarde 2025/2026 bijstellen naar 80% met reden en besluitdatum: 55% van de route → Achter; de eerdere blijft zichtbaar', async () => {
      await card.reviseButton('2025/2026').click();
      const form = card.reviseForm('2025/2026');
      await expect(form.value).toHaveValue('70');
      await form.value.fill('80');
      await form.reason.fill('Stuurgroep verhoogt de ambitie');
      await form.decisionDate.fill('15-09-2026');
      await form.save.click();
      await expect(form.root).toBeHidden();
      await expect(page.getByRole('status')).toContainText('Streefwaarde bijgesteld; de vorige blijft zichtbaar.');

      const row = card.targetRow('2025/2026');
      await expect(row.getByRole('cell').first()).toContainText('80% (bijgesteld 15-09-2026: Stuurgroep verhoogt de ambitie)');
      await expect(row).toContainText(/Eerder: 70% \(vastgesteld \d{2}-\d{2}-\d{4}\)/);
      await expect(card.targetRow('2026/2027')).toContainText('75%');

      await expect(card.fact('Voortgang')).toHaveText('55% van de route van nulmeting naar streefwaarde (verwacht: 100%)');
      await card.expectStatus('Achter');
    });

    await test.step('geschiedenis van de indicator', async () => {
      await card.historyButton.click();
      await expect(card.historyButton).toHaveAttribute('aria-expanded', 'true');
      // Newest first: the revision (a new target row beside the old one), the definitive and the
      // provisional measurement, the two targets, the indicator.
      const heads = card.history.getByRole('listitem').locator('.history-head');
      const entry = (label: string) => new RegExp(`^Aangemaakt${label.replace(/[()]/g, '\\$&')}\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2} · `);
      await expect(heads).toHaveText([
        entry('Streefwaarde 2025/2026'),
        entry('Meting 01-02-2026'),
        entry('Meting 01-02-2026'),
        entry('Streefwaarde 2026/2027'),
        entry('Streefwaarde 2025/2026'),
        entry(`Indicator ${name}`),
      ]);
    });

    await test.step('trendgrafiek met streefwaardeband', async () => {
      await expect(card.chart).toBeVisible();
      // One band per current target (2025/2026 now at 80%, 2026/2027 at 75%), with its value as title.
      const bands = card.chart.locator('rect.trend-band');
      await expect(bands).toHaveCount(2);
      await expect(bands.locator('title')).toHaveText(['Streefwaarde 2025/2026: 80%', 'Streefwaarde 2026/2027: 75%']);
      // The counted (definitive) value is plotted; the replaced provisional one is not.
      await expect(card.chart.locator('circle.trend-point title')).toHaveText(['01-02-2026: 71% (definitief)']);
      await expect(card.chart.locator('rect.trend-baseline title')).toHaveText('Nulmeting: 60% (01-10-2024)');
    });

    await test.step('schermafbeelding van de kaart (bijlage bij de test)', async () => {
      await card.root.scrollIntoViewIfNeeded();
      await page.evaluate(() => document.fonts.ready);
      const file = testInfo.outputPath('resultaten-kaart.png');
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('resultaten-kaart', { path: file, contentType: 'image/png' });
      const full = testInfo.outputPath('resultaten-pagina.png');
      await page.screenshot({ path: full, fullPage: true, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('resultaten-pagina', { path: full, contentType: 'image/png' });
    });

    await test.step('na herladen is alles er nog', async () => {
      await page.reload();
      await expect(results.heading(ACTIVITY)).toBeVisible();
      await card.expectStatus('Achter');
      await expect(card.measurementRows('01-02-2026')).toHaveCount(2);
      await expect(card.targetRow('2025/2026')).toContainText('Eerder: 70%');
    });
  });

  test('een percentage van 120 wordt geweigerd met een melding bij het veld, en niets wordt opgeslagen', async ({ page }) => {
    const results = new ResultsActivityPage(page);
    const indicatorForm = new ResultsIndicatorFormPage(page);
    const name = 'Percentage met te hoge meting (e2e)';
    const card = results.card(name);

    await results.openActivityViaSearch('Verzuimspreekuur', ACTIVITY);
    await results.openResultsOfActivity(ACTIVITY);
    await results.addIndicator.click();
    await indicatorForm.expectNew();
    await indicatorForm.fill({ name, unit: 'Percentage', baselineValue: '50', baselineDate: '01-10-2024' });
    await indicatorForm.save.click();
    await expect(card.root).toBeVisible();

    await card.addMeasurement.click();
    const form = card.measurementForm();
    await form.date.fill('01-02-2026');
    // A percentage field says how it read the input: "0.975" is 0,975% (never 975), and it says so.
    await form.value.fill('0.975');
    await expect(form.value).toHaveAccessibleDescription('Gelezen als 0,975%: de punt is als komma gelezen. Bedoelt u iets anders, schrijf dan bijvoorbeeld 97,5.');
    await form.value.fill('120');
    await form.save.click();

    // The field says how it read the input and why it is refused (issue 17); the label is not repeated.
    const message = 'Gelezen als 120%. Een percentage ligt tussen 0 en 100.';
    await expect(fieldError(form.value)).toHaveText(message);
    await expect(form.value).toHaveAttribute('aria-invalid', 'true');
    // The input is described by that message (Chromium also reads the CSS "⚠" before it).
    await expect(form.value).toHaveAccessibleDescription(/^(⚠ )?Gelezen als 120%\. Een percentage ligt tussen 0 en 100\.$/);
    // The form stays open with what was typed; nothing was stored.
    await expect(form.value).toHaveValue('120');
    await expect(card.root.getByText('Nog geen metingen.')).toBeVisible();
    await expect(card.measurements).toHaveCount(0);
    await card.expectStatus('Geen gegevens');

    await page.reload();
    await expect(card.root).toBeVisible();
    await expect(card.root.getByText('Nog geen metingen.')).toBeVisible();
  });
});
