/**
 * Reporting periods and linked indicators (issue 12), end to end: a plan of 2016-2020 measures in
 * November, about the school year that ended before. "98% van de overstappers in beeld, waarvan 95%
 * met een ingevuld DDD" for 2016/2017 is entered as two linked indicators with their targets
 * together; DUO's definitive 97,2% / 95,5%, published on 01-11-2017, is about 2016/2017 and is
 * compared with that year's targets: not "Achter" (the old rule compared it with 2017/2018), and the
 * facts panel of a monitoring input shows the same statuses and the same sentence.
 *
 * The programme, measure and activity are set up through the host's API (setup, not what is tested);
 * everything about the indicators is typed in the screens.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ResultsActivityPage } from './pages/ResultsActivityPage';
import { ResultsIndicatorFormPage } from './pages/ResultsIndicatorFormPage';
import { MonitoringInputPage, MonitoringRoundFormPage, MonitoringRoundPage, MonitoringRoundsPage } from './pages/MonitoringPages';

const PROGRAMME = 'Regionaal programma VSV 2016-2020';
const MEASURE = '3 Overstap vo-mbo';
const ACTIVITY = '3.1 Warme overdracht met het DDD';
const PARENT = 'Overstappers in beeld';
const PART = 'Overstappers met een ingevuld DDD';

/** Creates the 2016-2020 programme with one measure and one activity through /api/invoke; returns the activity's id. */
function setUpPlan(page: Page): Promise<string> {
  return page.evaluate(async (names) => {
    const token = document.querySelector('meta[name="regieboek-token"]')?.getAttribute('content') ?? '';
    const invoke = async <T,>(channel: string, input: unknown): Promise<T> => {
      const res = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Regieboek-Token': token }, body: JSON.stringify({ channel, input }) });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
      if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
      return body.value as T;
    };
    const p = await invoke<{ id: string }>('programme.create', {
      name: names.programme,
      periodStart: '2016-08-01',
      periodEnd: '2020-07-31',
      status: 'afgerond',
      analysis: '',
      requestedCents: null,
      awardedCents: null,
      notes: '',
    });
    const m = await invoke<{ id: string }>('measure.create', {
      programmeId: p.id,
      lineId: null,
      code: '3',
      name: 'Overstap vo-mbo',
      description: '',
      plusvoorziening: false,
      targetGroups: [],
      leadOrganisationId: null,
      executorIds: [],
      status: 'afgerond',
    });
    const empty = ['description', 'aim', 'durationNote', 'subActivitiesDuration', 'targetGroupNeed', 'lookBackEarlier', 'lookBackAimReached', 'resultsGeneral', 'resultsPerSubActivity', 'resultsVsvContribution', 'resultsResponsible', 'measurementMoments', 'indicatorsMonitoring', 'organisationStructure', 'sustainabilityHow', 'sustainabilityWho', 'sustainabilityFrom'];
    const a = await invoke<{ id: string }>('activity.create', {
      measureId: m.id,
      code: '3.1',
      name: 'Warme overdracht met het DDD',
      status: 'afgerond',
      startDate: null,
      endDate: null,
      targetGroups: [],
      plannedParticipants: [],
      leadOrganisationId: null,
      executorIds: [],
      ...Object.fromEntries(empty.map((k) => [k, ''])),
    });
    return a.id;
  }, { programme: PROGRAMME });
}

test.describe('Resultaten: periodes en waarvan-indicatoren', () => {
  test.beforeEach(async ({ app, programmes }) => {
    await app.openExampleRegion();
    await programmes.expectShown();
  });

  test('98% in beeld, waarvan 95% met een ingevuld DDD (2016/2017); definitief 97,2% / 95,5% op 01-11-2017 over 2016/2017: niet Achter, en het feitenpaneel zegt hetzelfde', async ({ page }, testInfo) => {
    const results = new ResultsActivityPage(page);
    const form = new ResultsIndicatorFormPage(page);
    const activityId = await setUpPlan(page);
    const card = results.card(PARENT);
    const part = card.part(PART);

    await test.step('de resultaten van de activiteit openen', async () => {
      await page.evaluate((id) => (window.location.hash = `#/resultaten/activiteit/${id}`), activityId);
      await expect(results.heading(ACTIVITY)).toBeVisible();
    });

    await test.step('"Overstappers in beeld": percentage, gemeten op 1 november, over het schooljaar ervoor; geen nulmeting', async () => {
      await results.addIndicator.click();
      await form.expectNew();
      await form.fill({ name: PARENT, phrase: 'in beeld', unit: 'Percentage', direction: 'Hoger is beter', dataSource: 'Intergrip / DUO', momentDates: '01-11' });
      // A November moment reports on the school year that ended before it, unless the user says otherwise.
      await expect(form.momentPeriod('01-11')).toHaveValue('vorig');
      await expect(form.momentPeriod('01-11').locator('option:checked')).toHaveText('de periode die ervoor eindigde');
      await form.save.click();
      await expect(card.root).toBeVisible();
    });

    await test.step('"Overstappers met een ingevuld DDD": onderdeel van "Overstappers in beeld"', async () => {
      await results.addIndicator.click();
      await form.expectNew();
      await form.fill({ name: PART, phrase: 'met een ingevuld DDD', direction: 'Hoger is beter', dataSource: 'Intergrip / DUO', momentDates: '01-11', parent: PARENT });
      await expect(form.unit).toHaveValue('percentage');
      await form.save.click();
      // Shown inside its parent's card, not as a card of its own.
      await expect(part.root).toBeVisible();
      await expect(page.getByRole('region', { name: PART, exact: true })).toHaveCount(1);
    });

    await test.step('streefwaarden 2016/2017 samen invoeren: 98% in beeld, waarvan 95%', async () => {
      await card.addTarget.click();
      const t = card.targetForm();
      await t.schoolYear.selectOption({ label: '2016/2017' });
      await t.value.fill('98');
      await t.part('met een ingevuld DDD').fill('95');
      await t.save.click();
      await expect(t.root).toBeHidden();
      await expect(card.targetRow('2016/2017')).toContainText('98%');
      await expect(part.targetRow('2016/2017')).toContainText('95%');
      await expect(card.together).toContainText('Streefwaarde 2016/2017: 98% in beeld, waarvan 95% met een ingevuld DDD');
    });

    await test.step('definitieve meting op 01-11-2017: volgens het meetmoment over 2016/2017, samen 97,2% en 95,5%', async () => {
      await card.addMeasurement.click();
      const m = card.measurementForm();
      await m.date.fill('01-11-2017');
      await expect(m.period.locator('option:checked')).toHaveText('Volgens meetmoment: 2016/2017');
      await m.status.selectOption({ label: 'Definitief' });
      await m.value.fill('97,2');
      await m.part('met een ingevuld DDD').fill('95,5');
      await m.source.fill('DUO definitieve cijfers');
      await m.save.click();
      await expect(m.root).toBeHidden();

      // The date and, apart from it, the period it is about.
      const row = card.measurementRows('01-11-2017');
      await expect(row).toHaveCount(1);
      await expect(row.getByRole('cell').nth(1)).toHaveText('2016/2017');
      await expect(card.fact('Laatste meting')).toHaveText('97,2% over 2016/2017 (01-11-2017, definitief)');
      await expect(part.fact('Laatste meting')).toHaveText('95,5% over 2016/2017 (01-11-2017, definitief)');
      await expect(card.together).toContainText('Laatste meting over 2016/2017: 97,2% in beeld, waarvan 95,5% met een ingevuld DDD');
    });

    await test.step('de status: vergeleken met 2016/2017 (98%), niet met 2017/2018; zonder nulmeting uit de streefwaarde alleen', async () => {
      await card.expectStatus('Aandacht');
      await expect(card.status).not.toContainText('Achter');
      await expect(card.fact('Voortgang')).toHaveText('Geen nulmeting: de status volgt alleen uit de streefwaarde; er is geen route.');
      await expect(card.targets.locator('tr.row-current th')).toHaveText('2016/2017');
      await part.expectStatus('Behaald');
    });

    await test.step('schermafbeelding (bijlage bij de test)', async () => {
      await card.root.scrollIntoViewIfNeeded();
      const file = testInfo.outputPath('waarvan-kaart.png');
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('waarvan-kaart', { path: file, contentType: 'image/png' });
    });

    await test.step('het feitenpaneel van een monitoringinput toont dezelfde status en dezelfde zin', async () => {
      const rounds = new MonitoringRoundsPage(page);
      await rounds.open();
      await rounds.newRound.click();
      const roundForm = new MonitoringRoundFormPage(page);
      await page.getByRole('combobox', { name: 'Programma', exact: true }).selectOption({ label: PROGRAMME });
      await roundForm.name.fill('Monitoringgesprekken december 2017');
      await roundForm.startDate.fill('04-12-2017');
      await roundForm.measure(MEASURE).check();
      await roundForm.save.click();
      const round = new MonitoringRoundPage(page);
      await expect(round.heading('Monitoringgesprekken december 2017')).toBeVisible();
      await round.inputLink(MEASURE).click();
      const input = new MonitoringInputPage(page);
      await input.expectShown(MEASURE);

      // One item per indicator in the panel's results list; a part reads "waarvan …".
      const item = (name: string) => input.facts.locator('ul.fact-results > li').filter({ has: page.locator('.fact-result-head > span:first-child').getByText(name, { exact: true }) });
      await expect(item(PARENT).locator('.rstatus')).toHaveText(/Aandacht$/);
      await expect(item(`waarvan ${PART}`).locator('.rstatus')).toHaveText(/Behaald$/);
      await expect(item(PARENT)).toContainText('97,2% in beeld, waarvan 95,5% met een ingevuld DDD (over 2016/2017)');
      await expect(item(PARENT)).toContainText('(01-11-2017, over 2016/2017)');
      const file = testInfo.outputPath('feitenpaneel-waarvan.png');
      await input.facts.scrollIntoViewIfNeeded();
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('feitenpaneel-waarvan', { path: file, contentType: 'image/png' });
    });
  });
});
