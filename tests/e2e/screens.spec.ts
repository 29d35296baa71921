/**
 * One way to act in the screens (renderer/src/useAct.ts, useLoad.ts): a write that fails leaves the
 * page where it is and says why; a part of a page that cannot be loaded says so instead of showing
 * an empty list; a form follows an undo when the user has no edits of its own.
 */
import { test, expect } from './fixtures';
import { invoke, value } from './api';
import { MeasureFormPage, MeasurePage } from './pages/MeasurePage';
import type { RunningHost } from './host';

interface Tree {
  lines: { measures: { id: string; code: string; name: string }[] }[];
}

/** The example's measure 1.1, found through the core. */
async function measure11(host: RunningHost) {
  const programmes = await value<{ id: string; status: string }[]>(host, 'programme.list');
  const running = programmes.find((p) => p.status === 'lopend')!;
  const tree = await value<Tree>(host, 'tree.get', { programmeId: running.id });
  const m = tree.lines.flatMap((l) => l.measures).find((x) => x.code === '1.1')!;
  return { ...m, title: `${m.code} ${m.name}`, programmeId: running.id };
}

test.describe('handelen in de schermen', () => {
  test.beforeEach(async ({ app, programmes }) => {
    await app.openExampleRegion();
    await programmes.expectShown();
  });

  test('een verwijdering die mislukt, blijft op de pagina met de melding van Regieboek', async ({ page, host }) => {
    const m = await measure11(host);
    const measure = new MeasurePage(page);
    await measure.open(m.id, m.title);
    // Another window puts the measure in the Prullenbak first; this page does not know yet.
    const { rowVersion } = await value<{ rowVersion: number }>(host, 'measure.get', { id: m.id });
    expect((await invoke(host, 'measure.delete', { id: m.id, rowVersion })).ok).toBe(true);
    const refused = await invoke(host, 'measure.delete', { id: m.id, rowVersion });
    expect(refused.ok).toBe(false);
    const message = refused.error!.message;
    expect(message).toMatch(/bestaat niet \(meer\)/);

    await measure.remove.click();
    await measure.confirmRemove.click();
    await expect(measure.notices.getByText(message, { exact: true })).toBeVisible();
    // Still on the measure's page: the failed delete did not navigate to the programme.
    await expect(page).toHaveURL(new RegExp(`#/maatregelen/${m.id}$`));
    await expect(measure.heading(m.title)).toBeVisible();
    await expect(measure.notices.getByText(/naar de Prullenbak verplaatst/)).toHaveCount(0);
  });

  test('een geschiedenis die niet geladen kan worden, zegt dat in plaats van "Nog geen wijzigingen"', async ({ page, host }) => {
    const m = await measure11(host);
    const failure = 'De geschiedenis kon niet worden gelezen (test).';
    // The transport answers this one channel with a refusal, as the core would.
    await page.route('**/api/invoke', async (route) => {
      const body = route.request().postDataJSON() as { channel?: string };
      if (body.channel === 'history.forEntity') await route.fulfill({ json: { ok: false, error: { code: 'internal', message: failure } } });
      else await route.continue();
    });
    const measure = new MeasurePage(page);
    await measure.open(m.id, m.title);
    await expect(measure.history.getByRole('alert')).toHaveText(failure);
    await expect(measure.history.getByText('Nog geen wijzigingen.')).toHaveCount(0);
    // The rest of the page is there.
    await expect(measure.edit).toBeVisible();
  });

  test('het formulier van een maatregel volgt Ctrl+Z zolang er niets in gewijzigd is', async ({ page, host }) => {
    const m = await measure11(host);
    const measure = new MeasurePage(page);
    const form = new MeasureFormPage(page);
    await measure.open(m.id, m.title);
    await measure.edit.click();
    await expect(form.name).toHaveValue(m.name);
    await form.name.fill(`${m.name} (gewijzigd)`);
    await form.save.click();
    await expect(measure.heading(`${m.title} (gewijzigd)`)).toBeVisible();
    // Open the form again, then undo the change with Ctrl+Z from outside the fields.
    await measure.edit.click();
    await expect(form.name).toHaveValue(`${m.name} (gewijzigd)`);
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await expect(form.name).toHaveValue(m.name);
    // Still the form, not another page.
    await expect(page).toHaveURL(new RegExp(`#/maatregelen/${m.id}/bewerken$`));
  });
});
