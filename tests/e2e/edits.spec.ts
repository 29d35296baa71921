/**
 * Edits that cannot be lost or overwrite each other (issue 10, points 5 and 6), in the example
 * region: typing in the activity form and clicking Partners asks "Wijzigingen opslaan?"; Annuleren
 * keeps the text, Niet opslaan leaves, Opslaan saves and leaves; the back button asks too. A
 * colleague's change made while the form is open (another window: a call with its own session)
 * gives the conflict dialog with what is stored now and what the user typed.
 */
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { SearchDialog } from './pages/SearchDialog';
import { ActivityPage } from './pages/ActivityPage';
import { ActivityFormPage } from './pages/ActivityFormPage';
import { ChoiceDialog } from './pages/ChoiceDialog';
import { value } from './api';

const test = base.extend<{ search: SearchDialog; activity: ActivityPage; activityForm: ActivityFormPage; dialog: ChoiceDialog }>({
  search: async ({ page }, use) => use(new SearchDialog(page)),
  activity: async ({ page }, use) => use(new ActivityPage(page)),
  activityForm: async ({ page }, use) => use(new ActivityFormPage(page)),
  dialog: async ({ page }, use) => use(new ChoiceDialog(page)),
});

const TITLE = '2.2.1 Digitaal Doorstroom Dossier';
const TYPED = 'Alle scholen leveren het dossier vóór 1 juni aan.';

/** A call from another window (its own session), as a colleague's Regieboek would make it. */
function fromOtherWindow<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = document.querySelector('meta[name="regieboek-token"]')?.getAttribute('content') ?? '';
      const res = await fetch('./api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Regieboek-Token': token, 'X-Regieboek-Session': 'venster-van-een-collega' },
        body: JSON.stringify({ channel, input }),
      });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
      return body.value as T;
    },
    { channel, input },
  );
}

async function openActivityForm(page: Page, app: { openExampleRegion(): Promise<void> }, search: SearchDialog, activity: ActivityPage, activityForm: ActivityFormPage) {
  await app.openExampleRegion();
  // Making the example region takes a moment on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: "Programma's" })).toBeVisible({ timeout: 30_000 });
  await search.openWithKeyboard();
  await search.search('2.2.1');
  await search.hit('Activiteiten', TITLE).click();
  await activity.expectShown(TITLE);
  await activity.edit.click();
  await activityForm.expectEdit();
}

test('leaving a changed form asks first: Annuleren keeps the text, Niet opslaan leaves, Opslaan saves', async ({ page, app, search, activity, activityForm, dialog, sidebar }) => {
  await openActivityForm(page, app, search, activity, activityForm);
  const partners = sidebar.nav.getByRole('link', { name: 'Partners', exact: true });
  const before = await activityForm.sustainabilityHow.inputValue();

  await test.step('typen en dan Partners in het menu: de vraag verschijnt', async () => {
    await activityForm.sustainabilityHow.fill(TYPED);
    await partners.click();
    await expect(dialog.title).toHaveText('Wijzigingen opslaan?');
    await expect(dialog.button('Opslaan')).toBeVisible();
    await expect(dialog.button('Niet opslaan')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('wijzigingen-opslaan.png') });
  });

  await test.step('Annuleren houdt de tekst en het formulier', async () => {
    await dialog.button('Annuleren').click();
    await expect(dialog.root).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Activiteit bewerken' })).toBeVisible();
    await expect(activityForm.sustainabilityHow).toHaveValue(TYPED);
    expect(page.url()).toContain('/bewerken');
  });

  await test.step('de terugknop van de browser vraagt ook', async () => {
    await page.goBack();
    await expect(dialog.title).toHaveText('Wijzigingen opslaan?');
    await dialog.button('Annuleren').click();
    await expect(activityForm.sustainabilityHow).toHaveValue(TYPED);
  });

  await test.step('Niet opslaan gaat naar Partners; de activiteit is niet gewijzigd', async () => {
    await partners.click();
    await dialog.button('Niet opslaan').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
    await page.goBack();
    await activityForm.expectEdit();
    await expect(activityForm.sustainabilityHow).toHaveValue(before);
  });

  await test.step('Opslaan bewaart en gaat dan naar Partners', async () => {
    await activityForm.sustainabilityHow.fill(TYPED);
    await partners.click();
    await dialog.button('Opslaan').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
    await page.goBack();
    await activityForm.expectEdit();
    await expect(activityForm.sustainabilityHow).toHaveValue(TYPED);
  });

  await test.step('een formulier zonder wijzigingen vraagt niets', async () => {
    await partners.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
    await expect(dialog.root).toBeHidden();
  });
});

test('a colleague changed the activity while the form was open: the conflict dialog, then the newest version or mine', async ({ page, app, search, activity, activityForm, dialog }) => {
  await openActivityForm(page, app, search, activity, activityForm);
  const id = page.url().split('/').at(-2)!;
  const original = await activityForm.name.inputValue();

  /** The colleague's window loads the activity and saves it with another name. */
  async function collegueRenames(name: string) {
    const a = await fromOtherWindow<Record<string, unknown> & { rowVersion: number }>(page, 'activity.get', { id });
    const input = Object.fromEntries(
      [
        'code', 'name', 'status', 'description', 'aim', 'startDate', 'endDate', 'durationNote', 'subActivitiesDuration', 'targetGroups', 'targetGroupNeed', 'plannedParticipants',
        'lookBackEarlier', 'lookBackAimReached', 'resultsGeneral', 'resultsPerSubActivity', 'resultsVsvContribution', 'resultsResponsible', 'measurementMoments', 'indicatorsMonitoring',
        'organisationStructure', 'sustainabilityHow', 'sustainabilityWho', 'sustainabilityFrom', 'leadOrganisationId', 'executorIds',
      ].map((k) => [k, a[k]]),
    );
    await fromOtherWindow(page, 'activity.update', { ...input, id, rowVersion: a.rowVersion, name });
  }

  await test.step('een collega wijzigt de naam terwijl het formulier open staat', async () => {
    await collegueRenames('DDD (door de collega)');
  });

  await test.step('opslaan: de conflictvraag toont nu en mijn waarde', async () => {
    await activityForm.sustainabilityHow.fill(TYPED);
    await activityForm.save.click();
    await expect(dialog.title).toHaveText('Iemand anders heeft dit intussen gewijzigd');
    await expect(dialog.body).toContainText('Gewijzigd door');
    const row = dialog.root.getByRole('row', { name: /^Naam/ });
    await expect(row.getByRole('cell').nth(0)).toHaveText('DDD (door de collega)');
    await expect(row.getByRole('cell').nth(1)).toHaveText(original);
    await expect(dialog.button('Nieuwste versie laden')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('conflict.png') });
  });

  await test.step('Annuleren laat het formulier zoals het was', async () => {
    await dialog.button('Annuleren').click();
    await expect(activityForm.sustainabilityHow).toHaveValue(TYPED);
  });

  await test.step('Nieuwste versie laden toont de naam van de collega', async () => {
    await activityForm.save.click();
    await dialog.button('Nieuwste versie laden').click();
    await expect(activityForm.name).toHaveValue('DDD (door de collega)');
    await expect(activityForm.sustainabilityHow).not.toHaveValue(TYPED);
  });

  await test.step('na een nieuwe wijziging van de collega: Mijn versie opslaan', async () => {
    await collegueRenames('DDD (tweede keer)');
    await activityForm.name.fill('Mijn naam');
    await activityForm.save.click();
    await expect(dialog.title).toHaveText('Iemand anders heeft dit intussen gewijzigd');
    await dialog.button('Mijn versie opslaan').click();
    await activity.expectShown('2.2.1 Mijn naam');
  });
});

test('a small form on a page asks too: a new contact typed, then the menu; Opslaan keeps it', async ({ page, app, dialog, sidebar, host }) => {
  await app.openExampleRegion();
  await expect(page.getByRole('heading', { level: 1, name: "Programma's" })).toBeVisible({ timeout: 30_000 });
  const partners = await value<{ id: string; name: string }[]>(host, 'organisation.list');
  const partner = partners[0]!;
  await page.evaluate((h) => (window.location.hash = h), `#/partners/${partner.id}`);
  await expect(page.getByRole('heading', { level: 1, name: partner.name })).toBeVisible();
  await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Contactpersoon' });
  await form.getByRole('textbox', { name: 'Naam' }).fill('Sanne Jansen');
  await sidebar.goTo("Programma's");
  await expect(dialog.title).toHaveText('Wijzigingen opslaan?');
  await dialog.button('Annuleren').click();
  await expect(form.getByRole('textbox', { name: 'Naam' })).toHaveValue('Sanne Jansen');
  await sidebar.goTo("Programma's");
  await dialog.button('Opslaan').click();
  await expect(page.getByRole('heading', { level: 1, name: "Programma's" })).toBeVisible();
  const saved = await value<{ contacts: { name: string }[] }>(host, 'organisation.get', { id: partner.id });
  expect(saved.contacts.map((c) => c.name)).toContain('Sanne Jansen');
});
