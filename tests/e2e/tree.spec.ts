/**
 * The programme tree in the example region: a project leader finds an activity with Ctrl+K,
 * edits questions 3, 8 and 11, adds a sub-activity, moves it to another measure, prints its sheet,
 * and after a reload finds everything as left, with each change in the Geschiedenis.
 */
import { test as base, expect } from './fixtures';
import { ActivityPage } from './pages/ActivityPage';
import { ActivityFormPage } from './pages/ActivityFormPage';
import { PrintSheetPage } from './pages/PrintSheetPage';
import { SearchDialog } from './pages/SearchDialog';

const test = base.extend<{ search: SearchDialog; activity: ActivityPage; activityForm: ActivityFormPage; sheet: PrintSheetPage }>({
  search: async ({ page }, use) => use(new SearchDialog(page)),
  activity: async ({ page }, use) => use(new ActivityPage(page)),
  activityForm: async ({ page }, use) => use(new ActivityFormPage(page)),
  sheet: async ({ page }, use) => use(new PrintSheetPage(page)),
});

const TITLE = '2.2.1 Digitaal Doorstroom Dossier';
const OLD_MEASURE = '2.2 Warme overdracht vo-mbo';
const NEW_MEASURE = '2.1 Aanmeldmonitor en intake';
const NEW_MEASURE_OPTION = `${NEW_MEASURE} (2 Overstap en doorstroom vo-mbo)`;

// What the example region has for 2.2.1 (electron/core/demo/tree-data.ts).
const OLD_DESCRIPTION_START = 'Vo-scholen vullen voor elke overstapper een digitaal dossier in';
const OLD_NEED = 'Jongeren hoeven hun verhaal niet opnieuw te vertellen. Het mbo ziet vooraf wie extra begeleiding nodig heeft.';
const OLD_HOW = 'Het dossier wordt onderdeel van de regionale afspraken over doorstroom, vastgelegd in het convenant.';

const NEW_DESCRIPTION = 'Elke vo-school vult voor iedere overstapper een digitaal dossier in; de mbo-school leest het vóór de intake.';
const NEW_NEED = 'Overstappers met een zorgvraag vertellen hun verhaal één keer, en het mbo weet vooraf wat werkte.';
const NEW_HOW = 'Het dossier staat in het regionale convenant en wordt jaarlijks met mentoren en intakers geëvalueerd.';
const SUB = { number: '4', name: 'Terugkoppeling aan vo-mentoren', period: 'november, elk schooljaar', intendedResult: 'Elke mentor hoort hoe het de eigen leerlingen vergaat.' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('activiteit 2.2.1 zoeken, bewerken, deelactiviteit toevoegen, verplaatsen, afdrukken en na herladen terugvinden', async ({
  page,
  app,
  programmes,
  search,
  activity,
  activityForm,
  sheet,
}) => {
  await test.step('voorbeeldregio openen', async () => {
    await app.openExampleRegion();
    await programmes.expectShown();
  });

  await test.step('2.2.1 vinden met Ctrl+K', async () => {
    await search.openWithKeyboard();
    await search.search('2.2.1');
    await expect(search.hit('Activiteiten', TITLE)).toBeVisible();
    await search.hit('Activiteiten', TITLE).click();
    await expect(search.dialog).toBeHidden();
    await activity.expectShown(TITLE);
    await expect(activity.crumbs.getByRole('link', { name: OLD_MEASURE, exact: true })).toBeVisible();
  });

  await test.step('vragen 3, 8 en 11 bewerken', async () => {
    await activity.edit.click();
    await activityForm.expectEdit();
    await expect(activityForm.description).toHaveValue(new RegExp(`^${escape(OLD_DESCRIPTION_START)}`));
    await expect(activityForm.targetGroupNeed).toHaveValue(OLD_NEED);
    await expect(activityForm.participantCount(0)).toHaveValue('400');
    await expect(activityForm.sustainabilityHow).toHaveValue(OLD_HOW);
    await activityForm.description.fill(NEW_DESCRIPTION);
    await activityForm.targetGroupNeed.fill(NEW_NEED);
    await activityForm.participantCount(0).fill('450');
    await activityForm.sustainabilityHow.fill(NEW_HOW);
    await activityForm.save.click();
    await activity.expectShown(TITLE);
    await expect(page.getByRole('status')).toContainText('Activiteit opgeslagen.');
    await expect(activity.section(3)).toContainText(NEW_DESCRIPTION);
    await expect(activity.section(8)).toContainText(NEW_NEED);
    await expect(activity.section(8).getByRole('row', { name: '2024/2025 450', exact: true })).toBeVisible();
    await expect(activity.section(11)).toContainText(NEW_HOW);
  });

  await test.step('deelactiviteit toevoegen', async () => {
    await activity.addSub(SUB);
    await expect(page.getByRole('status')).toContainText('Deelactiviteit opgeslagen.');
    await expect(activity.section(6).getByText(`${SUB.number} ${SUB.name}`, { exact: true })).toBeVisible();
    await expect(activity.section(7).getByRole('row', { name: `${SUB.number} ${SUB.name} ${SUB.period}`, exact: true })).toBeVisible();
  });

  await test.step('verplaatsen naar een andere maatregel', async () => {
    await activity.moveTo(NEW_MEASURE_OPTION);
    await expect(page.getByRole('status')).toContainText(`Activiteit verplaatst naar maatregel "${NEW_MEASURE}".`);
    await expect(activity.crumbs.getByRole('link', { name: NEW_MEASURE, exact: true })).toBeVisible();
    await expect(activity.section(1)).toContainText(`Maatregel: ${NEW_MEASURE}`);
  });

  await test.step('Geschiedenis toont de wijziging (oud → nieuw) en de verplaatsing', async () => {
    await expect(activity.historyChange('Omschrijving', new RegExp(`^${escape(OLD_DESCRIPTION_START)}`), NEW_DESCRIPTION)).toBeVisible();
    await expect(activity.historyChange('Hoe de activiteit aansluit bij de behoefte van de doelgroep', OLD_NEED, NEW_NEED)).toBeVisible();
    await expect(activity.historyChange('Beoogd aantal deelnemers', /^2024\/2025: 400,/, /^2024\/2025: 450,/)).toBeVisible();
    await expect(activity.historyChange('Hoe wordt het resultaat geborgd?', OLD_HOW, NEW_HOW)).toBeVisible();
    await expect(activity.historyChange('Maatregel', OLD_MEASURE, NEW_MEASURE)).toBeVisible();
  });

  await test.step('activiteitenblad afdrukken', async () => {
    await activity.print.click();
    await sheet.expectShown(TITLE);
    await sheet.expectAllSections();
    await expect(sheet.section(1)).toContainText(`Maatregel: ${NEW_MEASURE}`);
    await expect(sheet.section(3)).toContainText(NEW_DESCRIPTION);
    await expect(sheet.section(6).getByRole('row', { name: `${SUB.number} ${SUB.name} ${SUB.period} ${SUB.intendedResult}`, exact: true })).toBeVisible();
    await expect(sheet.section(8)).toContainText(NEW_NEED);
    await expect(sheet.section(8).getByRole('row', { name: '2024/2025 450', exact: true })).toBeVisible();
    await expect(sheet.section(11)).toContainText(NEW_HOW);
    // No menu on the sheet: what is on screen is what prints.
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);

    await sheet.stubPrint();
    await sheet.print.click();
    await expect.poll(() => sheet.printCalls()).toBe(1);
    await sheet.back.click();
    await activity.expectShown(TITLE);
  });

  await test.step('na herladen is alles zoals het was gelaten', async () => {
    await page.reload();
    await activity.expectShown(TITLE);
    await expect(activity.crumbs.getByRole('link', { name: NEW_MEASURE, exact: true })).toBeVisible();
    await expect(activity.section(1)).toContainText(`Maatregel: ${NEW_MEASURE}`);
    await expect(activity.section(3)).toContainText(NEW_DESCRIPTION);
    await expect(activity.section(8)).toContainText(NEW_NEED);
    await expect(activity.section(8).getByRole('row', { name: '2024/2025 450', exact: true })).toBeVisible();
    await expect(activity.section(11)).toContainText(NEW_HOW);
    await expect(activity.section(6).getByText(`${SUB.number} ${SUB.name}`, { exact: true })).toBeVisible();
    await expect(activity.historyChange('Hoe wordt het resultaat geborgd?', OLD_HOW, NEW_HOW)).toBeVisible();
    await expect(activity.historyChange('Maatregel', OLD_MEASURE, NEW_MEASURE)).toBeVisible();

    // The old measure no longer lists it; the new one does.
    await activity.crumbs.getByRole('link', { name: NEW_MEASURE, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: NEW_MEASURE, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Digitaal Doorstroom Dossier', exact: true })).toBeVisible();
  });
});

test('een dubbele code bij een nieuwe activiteit noemt de bestaande activiteit bij het veld Code', async ({ page, app, programmes, search, activity, activityForm }) => {
  await app.openExampleRegion();
  await programmes.expectShown();
  await search.openWithKeyboard();
  await search.search('2.2.1');
  await search.hit('Activiteiten', TITLE).click();
  await activity.expectShown(TITLE);
  await activity.crumbs.getByRole('link', { name: OLD_MEASURE, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: OLD_MEASURE, exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Activiteit toevoegen', exact: true }).click();
  await activityForm.expectNew();
  await activityForm.code.fill('2.2.1');
  await activityForm.name.fill('Tweede dossier');
  await activityForm.save.click();

  // Under the Code field the label is not repeated.
  const message = '"2.2.1" is al in gebruik bij activiteit "2.2.1 Digitaal Doorstroom Dossier". Kies een andere code.';
  await expect(activityForm.fieldError(activityForm.code)).toHaveText(message);
  await expect(activityForm.code).toHaveAttribute('aria-invalid', 'true');
  // (The description may start with a warning sign from the style sheet.)
  await expect(activityForm.code).toHaveAccessibleDescription(new RegExp(`${escape(message)}$`));
  // Nothing was saved: still the new-activity form, and the measure still has one 2.2.1.
  await activityForm.expectNew();
  await page.getByRole('link', { name: 'Annuleren', exact: true }).click();
  // The form holds typed text: leaving asks first (issue 10); not saving leaves it.
  await page.getByRole('alertdialog', { name: 'Wijzigingen opslaan?' }).getByRole('button', { name: 'Niet opslaan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: OLD_MEASURE, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '2.2.1', exact: true })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Tweede dossier', exact: true })).toHaveCount(0);
});

// Regression: the search dialog's scroll effect once returned a Promise as its cleanup, which
// blanked the app as soon as the chosen result changed twice.
test('met pijltjes en Enter een zoekresultaat openen', async ({ page, app, programmes, search }) => {
  await app.openExampleRegion();
  await programmes.expectShown();
  await search.openWithKeyboard();
  await search.search('2.2');
  await expect(search.hit('Maatregelen', OLD_MEASURE)).toBeVisible();
  // The measure (exact code) is the first hit: go down one and back up, then open it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: OLD_MEASURE, exact: true })).toBeVisible();
});
