/**
 * One truth per figure (issue 12, point 5), end to end: a 2016-2020 plan entered later. The first
 * "Schooljaar toevoegen" of an activity without a start date is the programme's first school year
 * (it used to be today's), the plan's "1e jaar … 4e jaar" is taken over onto the school years, a
 * year outside the programme is refused with the years named, the activity and the budget overview
 * show the same total formatted nl-NL ("3.200", where the overview showed one year, unformatted),
 * and the programme's awarded amount is checked against the sum of its awards, with links to both.
 *
 * The programme, its award and budget line, the measure and the activity are set up through the
 * host's API (setup, not what is tested); the participants are typed in the activity form.
 */
import { test, expect } from './fixtures';
import { value } from './api';
import { ActivityFormPage } from './pages/ActivityFormPage';
import { BudgetPage } from './pages/BudgetPage';
import { BudgetChecksPage } from './pages/BudgetChecksPage';

const PROGRAMME = 'Regionaal programma VSV 2016-2020';

test.describe('Deelnemers en toegekend bedrag: één waarheid per getal', () => {
  test('een plan van 2016-2020: schooljaren uit het programma, "1e jaar … 4e jaar", één totaal overal, en het toegekende bedrag tegen de toekenningen', async ({ page, app, programmes, programmeForm, host }, testInfo) => {
    await app.createWorkspace('12 Twente', 'Deelnemers e2e');
    await programmes.expectShown();
    const p = await value<{ id: string }>(host, 'programme.create', {
      name: PROGRAMME,
      periodStart: '2016-08-01',
      periodEnd: '2020-07-31',
      status: 'afgerond',
      analysis: '',
      requestedCents: null,
      awardedCents: 395_000_000,
      notes: '',
    });
    const m = await value<{ id: string }>(host, 'measure.create', {
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
    const a = await value<{ id: string }>(host, 'activity.create', {
      measureId: m.id,
      code: '3.1',
      name: 'Warme overdracht',
      status: 'afgerond',
      startDate: null,
      endDate: null,
      targetGroups: [],
      plannedParticipants: [],
      leadOrganisationId: null,
      executorIds: [],
      ...Object.fromEntries(empty.map((k) => [k, ''])),
    });
    await value(host, 'award.create', { programmeId: p.id, stream: 'ocw', year: 2017, amountCents: 296_250_000, paymentDates: [], spendBy: null, route: 'sisa', reference: '', notes: '' });
    await value(host, 'budgetLine.create', {
      measureId: m.id,
      activityId: a.id,
      year: 2017,
      costItem: 'Trajectbegeleiding',
      kind: 'personeel',
      fte: null,
      hours: null,
      fundingSource: 'ocw',
      category: 'B',
      management: false,
      partnerId: null,
      inKind: false,
      plannedCents: 32_000_000,
      notes: '',
    });

    const form = new ActivityFormPage(page);
    const schoolYear = (i: number) => form.participants.getByRole('textbox', { name: 'Schooljaar', exact: true }).nth(i);
    const addYear = form.participants.getByRole('button', { name: 'Schooljaar toevoegen', exact: true });
    const relative = form.participants.getByRole('textbox', { name: 'Uit het plan overnemen', exact: true });

    await test.step('"Schooljaar toevoegen" zonder startdatum begint bij het eerste schooljaar van het programma, niet bij vandaag', async () => {
      await page.evaluate((id) => (window.location.hash = `#/activiteiten/${id}/bewerken`), a.id);
      await form.expectEdit();
      await addYear.click();
      await expect(schoolYear(0)).toHaveValue('2016/2017');
      await addYear.click();
      await expect(schoolYear(1)).toHaveValue('2017/2018');
      await form.participants.getByRole('button', { name: 'Schooljaar 2017/2018 weghalen', exact: true }).click();
      await form.participants.getByRole('button', { name: 'Schooljaar 2016/2017 weghalen', exact: true }).click();
      await expect(schoolYear(0)).toHaveCount(0);
    });

    await test.step('"1e jaar 400, 2e jaar 800, 3e jaar 1.000, 4e jaar 1000" uit het plan wordt 2016/2017 tot en met 2019/2020', async () => {
      await expect(form.participants.getByText('het 1e jaar is 2016/2017', { exact: false })).toBeVisible();
      await relative.fill('1e jaar 400, 2e jaar 800, 3e jaar 1.000, 4e jaar 1000');
      await form.participants.getByRole('button', { name: 'Overnemen', exact: true }).click();
      await expect(page.getByText('4 schooljaren ingevuld vanaf 2016/2017. Controleer ze en sla op.')).toBeVisible();
      for (const [i, [y, n]] of [['2016/2017', '400'], ['2017/2018', '800'], ['2018/2019', '1000'], ['2019/2020', '1000']].entries()) {
        await expect(schoolYear(i)).toHaveValue(y!);
        await expect(form.participantCount(i)).toHaveValue(n!);
      }
      // What cannot be read is said, and nothing is guessed.
      await relative.fill('5e jaar ongeveer 1000');
      await form.participants.getByRole('button', { name: 'Overnemen', exact: true }).click();
      await expect(form.fieldError(relative)).toHaveText('"5e jaar ongeveer 1000" kan niet worden gelezen; schrijf bijvoorbeeld "1e jaar 400".');
      await expect(schoolYear(4)).toHaveCount(0);
      await form.participants.scrollIntoViewIfNeeded();
      const file = testInfo.outputPath('deelnemers-uit-het-plan.png');
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('deelnemers-uit-het-plan', { path: file, contentType: 'image/png' });
    });

    await test.step('een schooljaar buiten het programma wordt geweigerd, met de schooljaren die wel kunnen', async () => {
      await addYear.click();
      await expect(schoolYear(4)).toHaveValue('2020/2021');
      await form.participantCount(4).fill('100');
      await form.save.click();
      await expect(form.fieldError(schoolYear(4))).toHaveText('2020/2021 valt buiten het programma; kies een schooljaar van 2016/2017 tot en met 2019/2020.');
      await form.participants.getByRole('button', { name: 'Schooljaar 2020/2021 weghalen', exact: true }).click();
      await form.save.click();
      await expect(page.getByRole('heading', { level: 1, name: '3.1 Warme overdracht' })).toBeVisible();
    });

    await test.step('de activiteit en het begrotingsoverzicht tonen hetzelfde totaal: 3.200', async () => {
      const table = page.locator('table').filter({ has: page.getByRole('cell', { name: '2019/2020', exact: true }) });
      await expect(table.getByRole('row').filter({ hasText: 'Totaal' })).toContainText('3.200');
      await table.scrollIntoViewIfNeeded();
      const shot = testInfo.outputPath('activiteit-deelnemers.png');
      await page.screenshot({ path: shot, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('activiteit-deelnemers', { path: shot, contentType: 'image/png' });
      await page.evaluate((id) => (window.location.hash = `#/begroting/${id}/overzicht`), p.id);
      const budget = new BudgetPage(page);
      await budget.expectShown();
      const measures = page.getByRole('table', { name: 'Cofinanciering en kosten per deelnemer', exact: true });
      await expect(measures.getByRole('columnheader', { name: 'Geplande deelnemers (totaal)', exact: true })).toBeVisible();
      const row = measures.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Overstap vo-mbo/ }) });
      // 3.200 planned over four school years (the overview used to show one year's 1000, unformatted); € 320.000,00 / 3.200.
      await expect(row.getByRole('cell').nth(2)).toHaveText('3.200');
      await expect(row.getByRole('cell').nth(3)).toHaveText('€ 100,00');
      await measures.scrollIntoViewIfNeeded();
      const file = testInfo.outputPath('begroting-deelnemers.png');
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('begroting-deelnemers', { path: file, contentType: 'image/png' });
    });

    await test.step('het toegekende bedrag van het programma tegen de som van de toekenningen, met het verschil en links', async () => {
      const budget = new BudgetPage(page);
      await budget.openTab('Controles');
      const checks = new BudgetChecksPage(page);
      const finding = checks.finding('Het toegekende bedrag van het programma');
      await expect(finding).toHaveCount(1);
      await expect(finding).toContainText(
        'Het toegekende bedrag van het programma (€ 3.950.000,00) wijkt af van de som van de toekenningen per jaar en bron (€ 2.962.500,00): het programma noemt € 987.500,00 meer.',
      );
      await expect(checks.awardsLink(finding)).toBeVisible();
      const file = testInfo.outputPath('controle-toegekend.png');
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await testInfo.attach('controle-toegekend', { path: file, contentType: 'image/png' });
      await finding.getByRole('link', { name: 'Toegekend bedrag van het programma wijzigen', exact: true }).click();
      await programmeForm.expectEdit();
      await expect(programmeForm.awarded).toHaveValue(/3\.950\.000,00/);
    });
  });
});
