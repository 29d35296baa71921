/**
 * Long lists a page at a time (issue 13). The example region's running programme has more budget
 * lines and spend entries than one page holds (100): the table shows a page, the pager says which
 * rows out of how many and moves to the next, and the totals below the table are those of every
 * row, the same on each page. Screenshots at 1366x768 are attached (looked at when the screens change).
 */
import { test, expect } from './fixtures';
import { BudgetPage } from './pages/BudgetPage';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1366, height: 768 } });

/** "Regels 101–200 van 208" -> [101, 200, 208]. */
async function shown(pager: ReturnType<Page['getByRole']>): Promise<[number, number, number]> {
  const text = await pager.getByRole('status').innerText();
  const m = /(\d[\d.]*)–(\d[\d.]*) van (\d[\d.]*)/.exec(text);
  expect(m, text).not.toBeNull();
  return [1, 2, 3].map((i) => Number(m![i]!.replace(/\./g, ''))) as [number, number, number];
}

test('begrotingsregels en bestedingen per 100, met totalen over alle regels', async ({ page, app, programmes, sidebar }, testInfo) => {
  await app.openExampleRegion();
  await programmes.expectShown();
  await sidebar.goTo('Begroting');
  const budget = new BudgetPage(page);
  await budget.expectShown();
  const pager = page.getByRole('navigation', { name: 'Pagina’s van de lijst', exact: true });

  await test.step('begrotingsregels: pagina 1, dan de volgende regels, het totaal van alle regels blijft', async () => {
    await budget.openTab('Begrotingsregels');
    const table = page.getByRole('table', { name: 'Begrotingsregels', exact: true });
    const rows = table.locator('tbody > tr');
    await expect(pager.getByRole('status')).toContainText('Regels 1–100 van ');
    const [, , total] = await shown(pager);
    expect(total).toBeGreaterThan(100);
    await expect(rows).toHaveCount(100);
    const foot = table.locator('tfoot');
    await expect(foot).toContainText(`Totaal van alle ${total.toLocaleString('nl-NL')} regels`);
    const footer = await foot.innerText();
    const first = await rows.first().innerText();
    await page.screenshot({ path: testInfo.outputPath('begrotingsregels.png') });

    await pager.getByRole('button', { name: 'Volgende', exact: true }).click();
    await expect(pager.getByRole('status')).toContainText(`Regels 101–${Math.min(200, total)} van `);
    await expect.poll(() => rows.first().innerText()).not.toBe(first);
    await expect(rows).toHaveCount(Math.min(100, total - 100));
    expect(await foot.innerText()).toBe(footer);
    await foot.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('begrotingsregels-totaal.png') });
    // The same buttons below the table: back a page, and the list shows its top again.
    await page.locator('div.pager').getByRole('button', { name: 'Vorige', exact: true }).click();
    await expect(pager.getByRole('status')).toContainText('Regels 1–100 van ');
    await expect(pager).toBeInViewport();
    await expect.poll(() => rows.first().innerText()).toBe(first);
    await pager.getByRole('button', { name: 'Volgende', exact: true }).click();
    await expect(pager.getByRole('status')).toContainText('Regels 101–');

    // To the last page: Volgende is off there, Vorige goes back.
    for (let from = 201; from <= total; from += 100) {
      await pager.getByRole('button', { name: 'Volgende', exact: true }).click();
      await expect(pager.getByRole('status')).toContainText(`Regels ${from.toLocaleString('nl-NL')}–`);
    }
    await expect(pager.getByRole('button', { name: 'Volgende', exact: true })).toBeDisabled();
    await expect(rows).toHaveCount(total - Math.floor((total - 1) / 100) * 100);
    await pager.getByRole('button', { name: 'Vorige', exact: true }).click();
    await expect(pager.getByRole('button', { name: 'Volgende', exact: true })).toBeEnabled();

    // A filter applies to every line and starts at the first page again.
    const year = page.getByRole('combobox', { name: 'Jaar', exact: true });
    const option = await year.locator('option').nth(1).getAttribute('value');
    await year.selectOption(option!);
    await expect(rows.first()).toBeVisible();
    const filtered = await table.locator('tbody > tr > td:nth-child(2)').allInnerTexts();
    expect(new Set(filtered)).toEqual(new Set([option]));
    if (await pager.count()) expect((await shown(pager))[0]).toBe(1);
  });

  await test.step('een nieuwe regel: na de maatregel kiest men uit haar eigen activiteiten (alleen die worden opgehaald)', async () => {
    await page.getByRole('button', { name: 'Nieuwe begrotingsregel', exact: true }).click();
    const form = page.getByRole('form', { name: 'Nieuwe begrotingsregel', exact: true });
    const activity = form.getByRole('combobox', { name: 'Activiteit', exact: true });
    await expect(activity.locator('option')).toHaveText(['Hele maatregel']);
    const measure = form.getByRole('combobox', { name: 'Maatregel', exact: true });
    const label = (await measure.locator('option').allInnerTexts()).find((o) => o.startsWith('1.2 '))!;
    await measure.selectOption({ label });
    await expect(activity.locator('option')).toHaveCount(3);
    const acts = (await activity.locator('option').allInnerTexts()).slice(1);
    expect(acts.map((a) => a.split(' ')[0])).toEqual(['1.2.1', '1.2.2']);
    await form.getByRole('button', { name: 'Annuleren', exact: true }).click();
  });

  await test.step('bestedingen: per 100, het aantal en het totaal van alle bestedingen', async () => {
    await budget.openTab('Bestedingen');
    const table = page.getByRole('table', { name: /^Bestedingen/ });
    const rows = table.locator('tbody > tr');
    await expect(pager.getByRole('status')).toContainText('Bestedingen 1–100 van ');
    const [, , total] = await shown(pager);
    expect(total).toBeGreaterThan(100);
    await expect(page.getByText(new RegExp(`^${total.toLocaleString('nl-NL').replace('.', '\\.')} bestedingen, samen € `))).toBeVisible();
    await expect(rows).toHaveCount(100);
    const foot = table.locator('tfoot');
    await expect(foot).toContainText(`Totaal van alle ${total.toLocaleString('nl-NL')} bestedingen`);
    const footer = await foot.innerText();
    await page.screenshot({ path: testInfo.outputPath('bestedingen.png') });
    await pager.getByRole('button', { name: 'Volgende', exact: true }).click();
    await expect(pager.getByRole('status')).toContainText('Bestedingen 101–');
    expect(await foot.innerText()).toBe(footer);
  });

  await test.step('acties: de tabel toont er 100 tegelijk, "Meer tonen" de volgende', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Acties', exact: true }).click();
    const count = page.getByRole('status').filter({ hasText: / acties$/ });
    await expect(count).toBeVisible();
    const n = Number((await count.innerText()).replace(/\D/g, ''));
    const rows = page.getByRole('table', { name: 'Acties', exact: true }).locator('tbody > tr');
    await page.screenshot({ path: testInfo.outputPath('acties.png') });
    if (n <= 100) {
      await expect(page.getByRole('button', { name: 'Meer tonen', exact: true })).toHaveCount(0);
      return;
    }
    await expect(rows).toHaveCount(100);
    await page.getByRole('button', { name: 'Meer tonen', exact: true }).click();
    await expect(rows).toHaveCount(Math.min(200, n));
  });
});
