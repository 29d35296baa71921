/**
 * The plan's own structure (issue 12 point 4): an activity directly under a programme line and a
 * measure that is its own activity, in the example region and made new from the programme page;
 * each has the template, sub-activities, search and moving as any activity has.
 */
import { test as base, expect } from './fixtures';
import { ActivityPage } from './pages/ActivityPage';
import { ActivityFormPage } from './pages/ActivityFormPage';
import { SearchDialog } from './pages/SearchDialog';
import { PrintSheetPage } from './pages/PrintSheetPage';

const test = base.extend<{ search: SearchDialog; activity: ActivityPage; activityForm: ActivityFormPage; sheet: PrintSheetPage }>({
  search: async ({ page }, use) => use(new SearchDialog(page)),
  activity: async ({ page }, use) => use(new ActivityPage(page)),
  activityForm: async ({ page }, use) => use(new ActivityFormPage(page)),
  sheet: async ({ page }, use) => use(new PrintSheetPage(page)),
});

const PROGRAMME = 'Regionaal programma VSV 2024-2028';
const LINE_2 = '2 Overstap en doorstroom vo-mbo';
const LINE_3 = '3 Verzuim en begeleiding in het mbo';

test('een activiteit direct onder een programmalijn: in het voorbeeld, nieuw maken, zoeken en onder een maatregel zetten', async ({ page, app, programmes, search, activity }) => {
  await app.openExampleRegion();
  await programmes.openProgramme(PROGRAMME);

  await test.step('3.3 staat direct onder lijn 3 en heeft het hele format', async () => {
    await page.getByRole('link', { name: '3.3 Spreekuur jeugdarts bij ziekteverzuim', exact: true }).click();
    await expect(activity.heading('3.3 Spreekuur jeugdarts bij ziekteverzuim Activiteit')).toBeVisible();
    // No measure between the line and the activity.
    await expect(activity.crumbs.getByRole('link')).toHaveCount(1);
    await expect(activity.crumbs).toContainText(LINE_3);
    await expect(activity.section(1)).toContainText('Activiteit direct onder de programmalijn');
    await activity.expectAllSections();
    await activity.addSub({ number: '3', name: 'Evaluatie met de jeugdarts', period: 'juni 2026' });
    await expect(activity.section(6)).toContainText('3 Evaluatie met de jeugdarts');
  });

  await test.step('nieuwe activiteit 2.4 direct onder lijn 2', async () => {
    await page.getByRole('link', { name: PROGRAMME, exact: true }).click();
    await page.getByRole('link', { name: `Nieuwe activiteit direct onder ${LINE_2}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit direct onder de programmalijn', exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Programmalijn', exact: true })).toHaveValue(/.+/);
    await page.getByRole('textbox', { name: 'Code', exact: true }).fill('2.4');
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Zomerschool voor twijfelaars');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Activiteit opgeslagen.');
    await expect(activity.heading('2.4 Zomerschool voor twijfelaars Activiteit')).toBeVisible();
    await expect(activity.crumbs).toContainText(LINE_2);
  });

  await test.step('Ctrl+K vindt haar één keer, als activiteit in lijn 2', async () => {
    await search.openWithKeyboard();
    await search.search('zomerschool');
    await expect(search.hit('Activiteiten', '2.4 Zomerschool voor twijfelaars')).toContainText(LINE_2);
    await expect(search.group('Maatregelen')).toHaveCount(0);
    await page.keyboard.press('Escape');
  });

  await test.step('onder maatregel 2.1 zetten: dan is zij een gewone activiteit van die maatregel', async () => {
    await activity.moveTo(`2.1 Aanmeldmonitor en intake (${LINE_2})`);
    await expect(activity.heading('2.4 Zomerschool voor twijfelaars')).toBeVisible();
    await expect(activity.crumbs.getByRole('link', { name: '2.1 Aanmeldmonitor en intake', exact: true })).toBeVisible();
    await expect(activity.section(1)).toContainText('Maatregel: 2.1 Aanmeldmonitor en intake');
  });
});

test('een maatregel die zelf de activiteit is: vorm kiezen, het format invullen, afdrukken als maatregelblad', async ({ page, app, programmes, activity, activityForm, sheet }) => {
  await app.openExampleRegion();
  await programmes.openProgramme(PROGRAMME);
  await page.getByRole('link', { name: `Nieuwe maatregel in ${LINE_3}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe maatregel', exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Code', exact: true }).fill('3.4');
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Studentenloket');
  await page.getByRole('group', { name: 'Vorm', exact: true }).getByRole('radio', { name: /^Maatregel die zelf de activiteit is/ }).check();
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Maatregel opgeslagen.');

  // Straight to the template of its activity, with the measure's code and name.
  await activityForm.expectEdit();
  await expect(activityForm.name).toHaveValue('Studentenloket');
  await activityForm.description.fill('Eén loket voor alle vragen van eerstejaars.');
  await activityForm.save.click();
  await expect(activity.heading('3.4 Studentenloket Maatregel = activiteit')).toBeVisible();
  await expect(activity.section(3)).toContainText('Eén loket voor alle vragen van eerstejaars.');

  // The tree shows it once, at the measure level.
  await page.getByRole('link', { name: PROGRAMME, exact: true }).click();
  await expect(page.getByRole('link', { name: '3.4 Studentenloket', exact: true })).toHaveCount(1);

  await page.getByRole('link', { name: '3.4 Studentenloket', exact: true }).click();
  await activity.print.click();
  await expect(sheet.heading('3.4 Studentenloket')).toBeVisible();
  await expect(page.getByText('Maatregelblad', { exact: true })).toBeVisible();
  await expect(sheet.section(3)).toContainText('Eén loket voor alle vragen van eerstejaars.');
});
