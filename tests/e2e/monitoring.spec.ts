/**
 * Monitoring interviews (issue 6), end to end on the example region: a project leader opens the
 * round in preparation (januari 2027), fills in the input for measure 4.1 (the facts panel shows
 * the example region's figures), submits it and prints it; in the interview an action is added;
 * it appears on the next round's agenda; marking it done shows in the action overview.
 *
 * The expected figures are not copied from the screen: the test asks the core for them through
 * the page's own API (activities' planned participants, the budget overview's matrix and
 * participant figures, the action list), the channels the other modules use, not the
 * monitoring facts query itself.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { StartPage } from './pages/StartPage';
import {
  actionRow,
  actionStatus,
  fieldError,
  MonitoringActionsPage,
  MonitoringInputPage,
  MonitoringInputPrintPage,
  MonitoringRoundFormPage,
  MonitoringRoundPage,
  MonitoringRoundsPage,
} from './pages/MonitoringPages';
import { formatCents } from '../../shared/money';
import { formatDate } from '../../shared/dates';

const ROUND = 'Monitoringgesprekken januari 2027';
const MEASURE_CODE = '4.1';
const MEASURE = '4.1 Plusvoorziening De Brug';
const Q6 = 'Hoeveel jongeren zijn tot nog toe bereikt met deze maatregel en met welke resultaten?';
const Q8 = 'Wordt het toegekende budget besteed conform de begroting in de aanvraag?';
const Q1 = 'Bent u tevreden over de voortgang van het project?';

interface Expected {
  /** Planned participants per school year: the sum over the measure's activities. */
  planned: { schoolYear: string; count: number }[];
  /** The budget overview's figures for the measure: largest planned and reached school year. */
  overviewPlanned: number | null;
  overviewReached: number | null;
  /** Budget matrix of the measure: planned and realised per calendar year. */
  years: { year: number; plannedCents: number; realisedCents: number }[];
  /** Open or running actions of the measure agreed in rounds before the given date. */
  openEarlier: { text: string; roundName: string }[];
}

/** Asks the core, through the page's own /api/invoke with the token from the meta tag. */
function expectedFacts(page: Page, measureCode: string, roundName: string): Promise<Expected> {
  return page.evaluate(
    async ({ measureCode, roundName }) => {
      const token = document.querySelector('meta[name="regieboek-token"]')?.getAttribute('content') ?? '';
      const invoke = async <T,>(channel: string, input: unknown): Promise<T> => {
        const res = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Regieboek-Token': token }, body: JSON.stringify({ channel, input }) });
        const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
        if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
        return body.value as T;
      };
      type Tree = { lines: { measures: { id: string; code: string; activities: { id: string }[] }[] }[] };
      const programmes = await invoke<{ id: string }[]>('programme.list', {});
      let programmeId = '';
      let measure: Tree['lines'][number]['measures'][number] | undefined;
      for (const p of programmes) {
        const tree = await invoke<Tree>('tree.get', { programmeId: p.id });
        measure = tree.lines.flatMap((l) => l.measures).find((m) => m.code === measureCode);
        if (measure) {
          programmeId = p.id;
          break;
        }
      }
      if (!measure) throw new Error(`maatregel ${measureCode} niet gevonden`);
      const planned = new Map<string, number>();
      for (const a of measure.activities) {
        const act = await invoke<{ plannedParticipants: { schoolYear: string; count: number }[] }>('activity.get', { id: a.id });
        for (const p of act.plannedParticipants) planned.set(p.schoolYear, (planned.get(p.schoolYear) ?? 0) + p.count);
      }
      type Overview = {
        measures: { id: string; plannedParticipants: number | null; reachedParticipants: number | null }[];
        matrix: { measureId: string; cells: { key: number; plannedCents: number; realisedCents: number }[] }[];
      };
      const overview = await invoke<Overview>('budget.overview', { programmeId });
      const om = overview.measures.find((m) => m.id === measure.id)!;
      const cells = overview.matrix.find((m) => m.measureId === measure.id)?.cells ?? [];
      const rounds = await invoke<{ name: string; startDate: string }[]>('monitoring.round.list', {});
      const roundDate = rounds.find((r) => r.name === roundName)!.startDate;
      const actions = await invoke<{ actions: { text: string; status: string; roundName: string; roundDate: string }[] }>('monitoring.action.list', { measureId: measure.id, status: 'openOrRunning' });
      return {
        planned: [...planned.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([schoolYear, count]) => ({ schoolYear, count })),
        overviewPlanned: om.plannedParticipants,
        overviewReached: om.reachedParticipants,
        years: cells.filter((c) => c.plannedCents > 0).map((c) => ({ year: c.key, plannedCents: c.plannedCents, realisedCents: c.realisedCents })),
        openEarlier: actions.actions.filter((a) => a.roundDate < roundDate).map((a) => ({ text: a.text, roundName: a.roundName })),
      };
    },
    { measureCode, roundName },
  );
}

/**
 * Sets an action's status through the core, as another user would, found by its text; returns the
 * texts of the open actions the live facts of its measure now show as of a date.
 */
function setActionStatus(page: Page, text: string, status: string, asOf: string): Promise<string[]> {
  return page.evaluate(
    async ({ text, status, asOf }) => {
      const token = document.querySelector('meta[name="regieboek-token"]')?.getAttribute('content') ?? '';
      const invoke = async (channel: string, input: unknown) => {
        const res = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Regieboek-Token': token }, body: JSON.stringify({ channel, input }) });
        const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
        if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
        return body.value;
      };
      const list = (await invoke('monitoring.action.list', {})) as { actions: { id: string; text: string; measureId: string; rowVersion: number }[] };
      const a = list.actions.find((x) => x.text === text);
      if (!a) throw new Error(`actie niet gevonden: ${text}`);
      await invoke('monitoring.action.setStatus', { id: a.id, rowVersion: a.rowVersion, status });
      const live = (await invoke('monitoring.facts', { measureId: a.measureId, asOf, partnerId: null })) as { openActions: { text: string }[] };
      return live.openActions.map((x) => x.text);
    },
    { text, status, asOf },
  );
}

const nl = (n: number) => n.toLocaleString('nl-NL');

test.describe('Monitoring', () => {
  test.beforeEach(async ({ page, host }) => {
    // Before the first document: window.print only counts, so "Afdrukken" opens no dialog.
    await page.addInitScript(() => {
      const w = window as unknown as { __printCalls: number; print: () => void };
      w.__printCalls = 0;
      w.print = () => {
        w.__printCalls++;
      };
    });
    const start = new StartPage(page, host);
    await start.open();
    await start.openExampleRegion();
    await expect(page.getByRole('heading', { level: 1, name: "Programma's", exact: true })).toBeVisible();
  });

  test('input invullen met feiten, indienen, afdrukken; actie in het gesprek, op de agenda van de volgende ronde, afgerond in het overzicht', async ({ page, host }, testInfo) => {
    const todayNl = formatDate(host.today);
    const rounds = new MonitoringRoundsPage(page);
    const round = new MonitoringRoundPage(page);
    const input = new MonitoringInputPage(page);
    const sheet = new MonitoringInputPrintPage(page);
    const overview = new MonitoringActionsPage(page);
    const actionText = 'Wachtlijst De Brug per kwartaal aan de stuurgroep rapporteren (e2e).';
    const nextRound = 'Monitoringgesprekken juni 2027 (e2e)';

    await test.step('Monitoring → de ronde in voorbereiding → input van 4.1', async () => {
      await rounds.open();
      await expect(rounds.upcoming.getByRole('link', { name: ROUND, exact: true })).toBeVisible();
      await rounds.roundLink(ROUND).click();
      await expect(round.heading(ROUND)).toBeVisible();
      await round.inputLink(MEASURE).click();
      await input.expectShown(MEASURE);
      // The round lies ahead: the figures are those known today, and the panel says so.
      await expect(input.facts.getByText(`Feiten uit het werkbestand per ${todayNl}`, { exact: true })).toBeVisible();
    });

    const expected = await expectedFacts(page, MEASURE_CODE, ROUND);

    await test.step('feitenpaneel: deelnemers beoogd en bereikt, begroting per jaar, open actie uit een eerdere ronde', async () => {
      expect(expected.planned.length).toBeGreaterThan(0);
      // One row per school year with planned participants (and any year with only reached ones).
      for (const p of expected.planned) await expect(MonitoringInputPage.row(input.participants, p.schoolYear).getByRole('cell').nth(1)).toHaveText(nl(p.count));
      // One definition of participants: the budget overview's figures are the totals over the school
      // years, and the panel's years add up to them, as does its own total row.
      const cells = async (col: number) =>
        (await input.participants.locator('tbody tr:not(.total)').locator(`td:nth-child(${col})`).allTextContents()).filter((s) => s !== '—').map((s) => Number(s.replace(/\./g, '')));
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(expected.overviewPlanned).not.toBeNull();
      expect(expected.overviewReached).not.toBeNull();
      expect(sum(await cells(2))).toBe(expected.overviewPlanned);
      expect(sum(await cells(3))).toBe(expected.overviewReached);
      await expect(input.participants.locator('tbody tr.total').getByRole('cell')).toHaveText([nl(expected.overviewPlanned!), nl(expected.overviewReached!)]);

      // Budget: per calendar year what the budget matrix has for this measure (nothing spent: "—").
      expect(expected.years.length).toBeGreaterThan(0);
      expect(expected.years.some((y) => y.realisedCents > 0)).toBe(true);
      for (const y of expected.years)
        await expect(MonitoringInputPage.row(input.budget, String(y.year)).getByRole('cell')).toHaveText([String(y.year), formatCents(y.plannedCents), y.realisedCents ? formatCents(y.realisedCents) : '—']);

      // Open actions from earlier rounds: exactly those the action list has as open or running.
      expect(expected.openEarlier.length).toBeGreaterThan(0);
      await expect(input.openActionsList()).toHaveCount(expected.openEarlier.length);
      for (const a of expected.openEarlier) await expect(input.openActionsList().filter({ hasText: a.text })).toContainText(`uit ${a.roundName}`);
    });

    await test.step('schermafbeelding van de input met het feitenpaneel', async () => {
      await page.evaluate(() => document.fonts.ready);
      const file = testInfo.outputPath('monitoring-input.png');
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      await page.screenshot({ path: '/tmp/e2e6-monitoring-input.png', animations: 'disabled', caret: 'hide' });
      await testInfo.attach('monitoring-input', { path: file, contentType: 'image/png' });
    });

    const answer6 = 'Het bereik ligt rond de planning; zie de feiten bij deze vraag (e2e).';
    const answer8 = 'Ja, binnen de begroting per jaar (e2e).';
    const answer1 = 'Ja, de trajecten lopen volgens plan (e2e).';

    await test.step('vraag 6 en 8 tonen de feiten erbij; antwoorden invullen en indienen', async () => {
      const reach = input.inlineFacts('reach');
      await expect(reach.getByRole('table', { name: 'Deelnemers: beoogd en bereikt', exact: true })).toBeVisible();
      for (const p of expected.planned)
        await expect(MonitoringInputPage.row(reach.getByRole('table', { name: 'Deelnemers: beoogd en bereikt', exact: true }), p.schoolYear).getByRole('cell').nth(1)).toHaveText(nl(p.count));
      const budget = input.inlineFacts('budget').getByRole('table', { name: 'Begroting en besteding per jaar', exact: true });
      const y = expected.years[0]!;
      await expect(MonitoringInputPage.row(budget, String(y.year)).getByRole('cell').nth(1)).toHaveText(formatCents(y.plannedCents));

      await input.answer(1, Q1).fill(answer1);
      await input.answer(6, Q6).fill(answer6);
      await input.answer(8, Q8).fill(answer8);
      await expect(page.getByRole('status').filter({ hasText: 'Er zijn niet-opgeslagen wijzigingen.' })).toBeVisible();
      await input.submit.click();
      await expect(page.getByRole('status').filter({ hasText: 'Input ingediend; de feiten zijn vastgelegd.' })).toBeVisible();
      // Submitted: the answers are read-only, the facts frozen as of today.
      await expect(input.submit).toHaveCount(0);
      await expect(page.getByRole('group', { name: `6. ${Q6}`, exact: true })).toHaveText(answer6);
      await expect(input.facts.getByText(`Feiten zoals vastgelegd bij indienen op ${todayNl}`, { exact: true })).toBeVisible();
    });

    await test.step('vastgelegd: een open actie later afronden verandert de ingediende input niet', async () => {
      const texts = expected.openEarlier.map((a) => a.text);
      const setStatus = (status: string) => setActionStatus(page, texts[0]!, status, '2027-01-21');
      // The live facts no longer list it...
      expect(await setStatus('afgerond')).not.toContain(texts[0]);
      await page.reload();
      await input.expectShown(MEASURE);
      await expect(input.openActionsList()).toHaveCount(texts.length);
      // ...but the submitted input keeps what was known when it was submitted.
      await expect(input.openActionsList().filter({ hasText: texts[0]! })).toBeVisible();
      expect(await setStatus('loopt')).toContain(texts[0]);
    });

    await test.step('afdrukken: de input met de antwoorden en de vastgelegde feiten', async () => {
      await input.print.click();
      await expect(page).toHaveURL(/#\/afdrukken\/input\/[^/]+$/);
      await expect(page.getByRole('heading', { level: 1, name: MEASURE, exact: true })).toBeVisible();
      await expect(page.getByText('Input voor monitoringgesprek', { exact: true })).toBeVisible();
      await expect(page.getByText(`Feiten zoals vastgelegd bij indienen op ${todayNl}`, { exact: true })).toBeVisible();
      await expect(sheet.item(Q1)).toContainText(answer1);
      await expect(sheet.item(Q6)).toContainText(answer6);
      await expect(sheet.item(Q8)).toContainText(answer8);
      const reach = sheet.item(Q6).getByRole('table', { name: 'Deelnemers: beoogd en bereikt', exact: true });
      for (const p of expected.planned) await expect(MonitoringInputPage.row(reach, p.schoolYear).getByRole('cell').nth(1)).toHaveText(nl(p.count));
      const budget = sheet.item(Q8).getByRole('table', { name: 'Begroting en besteding per jaar', exact: true });
      for (const y of expected.years) await expect(MonitoringInputPage.row(budget, String(y.year)).getByRole('cell').nth(1)).toHaveText(formatCents(y.plannedCents));
      for (const a of expected.openEarlier) await expect(page.getByRole('listitem').filter({ hasText: a.text })).toBeVisible();

      expect(await sheet.printCalls()).toBe(0);
      await sheet.print.click();
      await expect.poll(() => sheet.printCalls()).toBe(1);
      await sheet.back.click();
      await input.expectShown(MEASURE);
    });

    await test.step('in het gesprek: een actie toevoegen (tekst, door, deadline)', async () => {
      await input.addAction.click();
      const form = input.actionForm();
      await form.text.fill(actionText);
      await form.ownerName.fill('Projectleider plusvoorziening');
      await form.ownerOrganisation.selectOption({ label: 'ROC Voorbeeldstad' });
      await form.deadline.fill('01-04-2027');
      await expect(form.status).toHaveValue('open');
      await form.add.click();
      await expect(form.root).toBeHidden();
      const row = actionRow(input.actions, actionText);
      await expect(row).toHaveCount(1);
      // Person and organisation each on a line of their own in the "Door" column (issue 17).
      await expect(row.getByRole('cell').nth(2)).toHaveText('Projectleider plusvoorzieningROC Voorbeeldstad');
      await expect(row).toContainText('01-04-2027');
      await expect(actionStatus(row)).toHaveValue('open');
    });

    await test.step('afgedrukt: de input toont ook de acties van deze ronde (issue 17)', async () => {
      await input.print.click();
      await expect(page).toHaveURL(/#\/afdrukken\/input\/[^/]+$/);
      const agreed = page.getByRole('table', { name: 'Acties en afspraken voor deze maatregel', exact: true });
      await expect(agreed.getByRole('row').filter({ hasText: actionText })).toContainText('01-04-2027');
      await sheet.back.click();
      await input.expectShown(MEASURE);
    });

    await test.step('volgende ronde maken met 4.1: de actie staat op de agenda', async () => {
      await rounds.open();
      await rounds.newRound.click();
      const form = new MonitoringRoundFormPage(page);
      await form.name.fill(nextRound);
      await form.startDate.fill('17-06-2027');
      await form.measure(MEASURE).check();
      await form.save.click();
      await expect(round.heading(nextRound)).toBeVisible();
      await expect(round.inputLink(MEASURE)).toBeVisible();
      const row = actionRow(round.agenda, actionText);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(`uit ${ROUND}`);
      await expect(actionStatus(row)).toHaveValue('open');
      // The earlier open action of 4.1 is carried along as well.
      for (const a of expected.openEarlier) await expect(actionRow(round.agenda, a.text)).toHaveCount(1);
    });

    await test.step('afgerond markeren: weg van de agenda, in het overzicht als afgerond', async () => {
      await actionStatus(actionRow(round.agenda, actionText)).selectOption({ label: 'Afgerond' });
      await expect(page.getByRole('status').filter({ hasText: 'Actie gewijzigd.' })).toBeVisible();
      await expect(actionRow(round.agenda, actionText)).toHaveCount(0);
      for (const a of expected.openEarlier) await expect(actionRow(round.agenda, a.text)).toHaveCount(1);

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Acties', exact: true }).click();
      await expect(overview.heading).toBeVisible();
      await expect(page).toHaveURL(/#\/acties$/);
      await overview.status.selectOption({ label: 'Afgerond' });
      const row = actionRow(overview.table, actionText);
      await expect(row).toHaveCount(1);
      await expect(actionStatus(row)).toHaveValue('afgerond');
      // Every action in the filtered list is afgerond.
      const statuses = overview.table.getByRole('combobox');
      await expect(statuses.first()).toBeVisible();
      for (const s of await statuses.all()) await expect(s).toHaveValue('afgerond');

      await overview.status.selectOption({ label: 'Open of loopt' });
      await expect(actionRow(overview.table, actionText)).toHaveCount(0);
      for (const a of expected.openEarlier) await expect(actionRow(overview.table, a.text)).toHaveCount(1);
    });
  });

  test('een actie zonder tekst of zonder "door" wordt geweigerd met een melding bij het veld', async ({ page }) => {
    const rounds = new MonitoringRoundsPage(page);
    const round = new MonitoringRoundPage(page);
    const input = new MonitoringInputPage(page);
    await rounds.open();
    await rounds.roundLink(ROUND).click();
    await round.inputLink(MEASURE).click();
    await input.expectShown(MEASURE);

    await input.addAction.click();
    const form = input.actionForm();
    await form.add.click();
    await expect(fieldError(form.text)).toHaveText('Vul de actie of afspraak in.');
    await expect(form.text).toHaveAttribute('aria-invalid', 'true');
    await expect(fieldError(form.ownerName)).toHaveText('Vul in wie de actie uitvoert (een persoon, een organisatie of beide).');
    await expect(form.ownerName).toHaveAttribute('aria-invalid', 'true');

    // Text alone is not enough: the owner is still missing.
    await form.text.fill('Actie zonder uitvoerder (e2e)');
    await form.add.click();
    await expect(fieldError(form.text)).toHaveCount(0);
    await expect(fieldError(form.ownerName)).toHaveText('Vul in wie de actie uitvoert (een persoon, een organisatie of beide).');
    await expect(form.root).toBeVisible();
    await expect(form.text).toHaveValue('Actie zonder uitvoerder (e2e)');

    // Nothing was stored.
    await form.cancel.click();
    await expect(input.actions).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Acties en afspraken voor deze maatregel', exact: true }).getByText('Nog geen acties.', { exact: true })).toBeVisible();
    await page.reload();
    await input.expectShown(MEASURE);
    await expect(page.getByRole('region', { name: 'Acties en afspraken voor deze maatregel', exact: true }).getByText('Nog geen acties.', { exact: true })).toBeVisible();
  });
});
