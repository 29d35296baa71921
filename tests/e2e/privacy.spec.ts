/**
 * Privacy: a case note pasted into an activity is refused at the field (nothing saved); a text
 * that seems to name a young person asks first and is saved only after "toch opslaan".
 */
import { test as base, expect } from './fixtures';
import { ActivityPage } from './pages/ActivityPage';
import { ActivityFormPage } from './pages/ActivityFormPage';
import { SearchDialog } from './pages/SearchDialog';

const test = base.extend<{ search: SearchDialog; activity: ActivityPage; activityForm: ActivityFormPage }>({
  search: async ({ page }, use) => use(new SearchDialog(page)),
  activity: async ({ page }, use) => use(new ActivityPage(page)),
  activityForm: async ({ page }, use) => use(new ActivityFormPage(page)),
});

const TITLE = '2.2.1 Digitaal Doorstroom Dossier';
const OLD_DESCRIPTION_START = 'Vo-scholen vullen voor elke overstapper een digitaal dossier in';
const CASE_NOTE = 'Aanmelding via mentor: BSN 111 222 333, start na de herfstvakantie.';

test('een BSN in een activiteit wordt bij het veld geweigerd en niet opgeslagen; een naam vraagt eerst om bevestiging', async ({ page, app, programmes, search, activity, activityForm }) => {
  await app.openExampleRegion();
  await programmes.expectShown();
  await search.openWithKeyboard();
  await search.search('2.2.1');
  await search.hit('Activiteiten', TITLE).click();
  await activity.expectShown(TITLE);
  await activity.edit.click();
  await activityForm.expectEdit();

  await test.step('plakken: de waarschuwing staat er meteen, opslaan wordt geweigerd bij het veld', async () => {
    await activityForm.description.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(CASE_NOTE); // as a paste: one input event, no key presses
    const wrapper = activityForm.description.locator('xpath=..');
    await expect(wrapper.getByRole('status')).toContainText('Dit wordt niet opgeslagen: hier staat een BSN (…333)');
    await activityForm.save.click();
    await expect(activityForm.fieldError(activityForm.description)).toContainText('Hier staat een BSN (…333). Regieboek bewaart alleen cijfers over groepen jongeren');
    await expect(activityForm.description).toBeFocused();
    await activityForm.expectEdit(); // still on the form
    await expect(activityForm.fieldError(activityForm.description)).not.toContainText('111');
    if (process.env.PRIVACY_SHOTS) await page.screenshot({ path: 'test-results/privacy-refused.png' });
  });

  await test.step('niets opgeslagen: na herladen staat de oude omschrijving er, de BSN nergens', async () => {
    await page.reload();
    await activityForm.expectEdit();
    await expect(activityForm.description).toHaveValue(new RegExp(`^${OLD_DESCRIPTION_START}`));
    await page.goBack();
    await activity.expectShown(TITLE);
    await expect(activity.section(3)).toContainText(OLD_DESCRIPTION_START);
    await expect(page.locator('body')).not.toContainText('111 222 333');
  });

  await test.step('een naam van een jongere: eerst de vraag, "Terug" slaat niets op, "toch opslaan" wel', async () => {
    await activity.edit.click();
    await activityForm.expectEdit();
    await activityForm.targetGroupNeed.fill('Afgestemd met jongere Kevin (17) en zijn mentor.');
    await activityForm.save.click();
    const dialog = page.getByRole('alertdialog', { name: 'Gaat het om een jongere?' });
    await expect(dialog).toContainText('de naam van een jongere (K…)');
    if (process.env.PRIVACY_SHOTS) await page.screenshot({ path: 'test-results/privacy-confirm.png' });
    await dialog.getByRole('button', { name: 'Terug en aanpassen' }).click();
    await expect(dialog).toBeHidden();
    await expect(activityForm.fieldError(activityForm.targetGroupNeed)).toContainText('de naam van een jongere (K…)');
    await activityForm.save.click();
    await dialog.getByRole('button', { name: 'Geen jongere: toch opslaan' }).click();
    await activity.expectShown(TITLE);
    await expect(activity.section(8)).toContainText('Afgestemd met jongere Kevin (17)');
  });
});
