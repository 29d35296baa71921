/**
 * Privacy: a case note pasted into an activity is refused at the field (nothing saved); a text
 * that seems to name a young person asks first and is saved only after "toch opslaan". The
 * Privacycontrole lists a BSN planted in the history past the guard, and erasing it from there
 * leaves the scan clean and the bytes of the file without it. "Definitief verwijderen" in the
 * Prullenbak offers to delete the backups that still hold the record; afterwards no file in the
 * data folder holds it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test as base, expect } from './fixtures';
import { ChoiceDialog } from './pages/ChoiceDialog';
import { PrivacyPage } from './pages/PrivacyPage';
import { ActivityPage } from './pages/ActivityPage';
import { ActivityFormPage } from './pages/ActivityFormPage';
import { SearchDialog } from './pages/SearchDialog';
import { value } from './api';

const test = base.extend<{ search: SearchDialog; activity: ActivityPage; activityForm: ActivityFormPage; privacy: PrivacyPage }>({
  privacy: async ({ page }, use) => use(new PrivacyPage(page)),
  search: async ({ page }, use) => use(new SearchDialog(page)),
  activity: async ({ page }, use) => use(new ActivityPage(page)),
  activityForm: async ({ page }, use) => use(new ActivityFormPage(page)),
});

const TITLE = '2.2.1 Digitaal Doorstroom Dossier';
const OLD_DESCRIPTION_START = 'Vo-scholen vullen voor elke overstapper een digitaal dossier in';
const CASE_NOTE = 'Aanmelding via mentor: BSN 111 222 333, start na de herfstvakantie.';

test('een BSN in een activiteit wordt bij het veld geweigerd en niet opgeslagen; een naam vraagt eerst om bevestiging', async ({ page, app, programmes, search, activity, activityForm }) => {
  await app.openExampleRegion();
  // Making the example region takes a while on a busy machine.
  await expect(programmes.heading).toBeVisible({ timeout: 30_000 });
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

  await test.step('toch een jongere: de tekst aangepast en het oude uit de geschiedenis gewist, met "Wissen" in de geschiedenis', async () => {
    await activity.edit.click();
    await activityForm.expectEdit();
    await activityForm.targetGroupNeed.fill('Afgestemd met de mentoren.');
    await activityForm.save.click();
    await activity.expectShown(TITLE);
    await expect(activity.history).toContainText('Kevin');
    // One per old value someone typed (the example's text, then Kevin's); the newest first.
    const wipe = activity.history.getByRole('button', { name: 'Oude waarden van "Hoe de activiteit aansluit bij de behoefte van de doelgroep" uit de geschiedenis wissen' });
    await expect(wipe).toHaveCount(2);
    await wipe.first().click();
    const dialog = new ChoiceDialog(page);
    await dialog.button('Uit de geschiedenis wissen').click();
    await expect(dialog.root).toBeHidden();
    // The creation and both edits held an old value.
    await expect(page.getByText(/^Oude waarden gewist uit 3 wijzigingen in de geschiedenis\. Het bestand is opgeschoond/)).toBeVisible();
    await expect(activity.history).not.toContainText('Kevin');
    await expect(activity.history).toContainText('[gewist]');
    await expect(activity.section(8)).toContainText('Afgestemd met de mentoren.');
  });
});

const PLANTED = 'Doel besproken met de mentor, BSN 111 222 333';

/** Every file below a folder (workspace, -wal, backups) whose raw bytes hold the text. */
function filesWith(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk(dir)
    .filter((f) => fs.readFileSync(f).includes(needle))
    .map((f) => path.relative(dir, f));
}

test('de Privacycontrole vindt een BSN die buiten de bewaking om in de geschiedenis kwam; wissen maakt de controle schoon', async ({ page, app, host, programmes, privacy }) => {
  await app.openExampleRegion();
  // Making the example region takes a while on a busy machine.
  await expect(programmes.heading).toBeVisible({ timeout: 30_000 });
  await privacy.open();
  await privacy.expectClean(); // the example region has no hits

  const file = (await page.locator('.sidebar .file-name').getAttribute('title'))!;
  expect(file.startsWith(host.dataDir)).toBe(true);
  await test.step('planten buiten de bewaking om: een oude waarde in de geschiedenis van 2.2.1', async () => {
    const db = new Database(file);
    db.pragma('busy_timeout = 5000');
    const planted = db
      .prepare("UPDATE change SET fields = json_set(fields, '$.aim', json_array(?, 'x')) WHERE op = 'create' AND entity = 'activity' AND entity_id = (SELECT id FROM activity WHERE code = '2.2.1')")
      .run(PLANTED);
    db.close();
    expect(planted.changes).toBe(1);
  });

  await test.step('de controle noemt het, gemaskeerd, met wat te doen', async () => {
    await privacy.rescan.click();
    await expect(privacy.result).toHaveText('1 vondst. Pas die aan of wis die; daarna staat het ook niet meer in de bytes van het bestand.');
    const row = privacy.row('Geschiedenis', '2.2.1 Digitaal Doorstroom Dossier', 'Doel van de activiteit');
    await expect(row).toContainText('een BSN');
    await expect(row).toContainText('[…333]');
    await expect(privacy.hits).not.toContainText('111 222 333');
    await page.screenshot({ path: test.info().outputPath('privacycontrole.png') });

    await row.getByRole('button', { name: 'Oude waarden van "Doel van de activiteit" uit de geschiedenis wissen' }).click();
    const dialog = new ChoiceDialog(page);
    await expect(dialog.title).toHaveText('Oude waarden van "Doel van de activiteit" uit de geschiedenis wissen?');
    await dialog.button('Uit de geschiedenis wissen').click();
    await expect(dialog.root).toBeHidden();
  });

  await test.step('daarna: de controle is schoon, en het BSN staat niet meer in de bytes', async () => {
    await privacy.expectClean();
    for (const f of [file, file + '-wal']) if (fs.existsSync(f)) expect(fs.readFileSync(f).includes(Buffer.from('111 222 333')), path.basename(f)).toBe(false);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Geschiedenis', exact: true }).click();
    await expect(page.getByText('Oude waarden van "Doel van de activiteit" van een activiteit uit de geschiedenis gewist')).toBeVisible();
  });

  await test.step('Definitief verwijderen in de Prullenbak biedt aan de reservekopie met de gegevens te verwijderen; daarna staan ze in geen enkel bestand', async () => {
    const marker = `Huisbezoek ${crypto.randomBytes(6).toString('hex')}`;
    const db = new Database(file, { readonly: true });
    const { id, rowVersion } = db.prepare("SELECT id, row_version AS rowVersion FROM activity WHERE code = '2.2.1'").get() as { id: string; rowVersion: number };
    db.close();
    await value(host, 'subActivity.create', { activityId: id, number: '9', name: marker, period: '', intendedResult: '' });
    const backup = await value<{ file: string }>(host, 'backup.create');
    await value(host, 'activity.delete', { id, rowVersion });
    expect(filesWith(host.dataDir, marker).length).toBeGreaterThanOrEqual(2); // the file and the backup

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Prullenbak', exact: true }).click();
    await page.getByRole('button', { name: `Definitief verwijderen: ${TITLE}` }).click();
    const dialog = new ChoiceDialog(page);
    await expect(dialog.title).toHaveText(`"${TITLE}" definitief verwijderen?`);
    await dialog.button('Definitief verwijderen').click();
    await expect(dialog.title).toHaveText('Reservekopieën bevatten de gewiste gegevens nog');
    await expect(dialog.root).toContainText(path.basename(backup.file));
    await dialog.button('Reservekopieën verwijderen').click();
    await expect(dialog.root).toBeHidden();
    await expect(page.getByText('De reservekopie is verwijderd.')).toBeVisible();
    await expect(page.getByText('De Prullenbak is leeg.')).toBeVisible();
    expect(fs.existsSync(backup.file)).toBe(false);
    expect(filesWith(host.dataDir, marker)).toEqual([]);
  });
});
