/**
 * Issue 17 in the example region at 1366x768: an axe-core check (WCAG 2.x A/AA rules) on every
 * main screen (serious and critical violations fail, with where they are; the others are attached
 * for a look), and the first-day points that need a full region: the row menu of sub-activities,
 * the VSV chart's axis from 0, the greyed-out Downloaden that says why, the failed-backup notice.
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { value } from './api';

interface Tree {
  lines: { measures: { id: string; activities: { id: string; subActivities: { number: string; name: string }[] }[] }[] }[];
}

test('example region: no serious or critical axe violations on the main screens; row menus, chart axes, reasons on disabled buttons, failed backup shown', async ({ page, host, app }, testInfo) => {
  test.setTimeout(180_000);
  await app.openExampleRegion();
  const programmes = await value<{ id: string; status: string }[]>(host, 'programme.list');
  const p = programmes.find((x) => x.status === 'lopend') ?? programmes[0]!;
  const tree = await value<Tree>(host, 'tree.get', { programmeId: p.id });
  const measure = tree.lines.flatMap((l) => l.measures).find((m) => m.activities.length > 1)!;
  const activity = measure.activities[0]!;
  const orgs = await value<{ id: string }[]>(host, 'organisation.list');
  const rounds = await value<{ id: string; interviews?: { id: string }[] }[]>(host, 'monitoring.round.list', {});
  const base = host.url.replace(/#.*$/, '');
  const screens: [string, string][] = [
    ['Start', '#/start'],
    ["Programma's", '#/programmas'],
    ['Programma', `#/programmas/${p.id}`],
    ['Maatregel', `#/maatregelen/${measure.id}`],
    ['Activiteit', `#/activiteiten/${activity.id}`],
    ['Activiteit bewerken', `#/activiteiten/${activity.id}/bewerken`],
    ['Partners', '#/partners'],
    ['Partner', `#/partners/${orgs[0]!.id}`],
    ['Begroting', `#/begroting/${p.id}/overzicht`],
    ['Resultaten', `#/resultaten/${p.id}`],
    ['Resultaten activiteit', `#/resultaten/activiteit/${activity.id}`],
    ['VSV-cijfers regio', '#/vsv-cijfers'],
    ['Monitoring', '#/monitoring'],
    ['Monitoringronde', `#/monitoring/ronde/${rounds[0]!.id}`],
    ['Acties', '#/acties'],
    ['Excel', '#/excel'],
    ['Geschiedenis', '#/geschiedenis'],
    ['Prullenbak', '#/prullenbak'],
    ['Reservekopieën', '#/reservekopieen'],
    ['Instellingen', '#/instellingen'],
    ['Help', '#/help'],
  ];
  const withSubs = tree.lines.flatMap((l) => l.measures).flatMap((m) => m.activities).find((a) => a.subActivities.length >= 3)!;
  const notices = page.locator('.toasts');

  await test.step('sub-activities: one "Acties" menu per row instead of four stacked buttons, usable by keyboard', async () => {
    await page.goto(`${base}#/activiteiten/${withSubs.id}`);
    const subs = page.locator('.sub-list > li');
    await expect(subs).toHaveCount(withSubs.subActivities.length);
    const [first, second] = withSubs.subActivities.map((x) => `${x.number} ${x.name}`);
    // Each row has exactly one control, the menu button; no up/down/edit/delete buttons side by side.
    for (const row of await subs.all()) await expect(row.getByRole('button')).toHaveCount(1);
    const menuButton = page.getByRole('button', { name: `Acties voor ${first}`, exact: true });
    await menuButton.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: `Acties voor ${first}` });
    await expect(menu.getByRole('menuitem', { name: 'Bewerken' })).toBeFocused();
    await expect(menu.getByRole('menuitem', { name: 'Omhoog' })).toBeDisabled();
    if (process.env.REGIEBOEK_SHOTS) await page.screenshot({ path: `${process.env.REGIEBOEK_SHOTS}/rijmenu.png` });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();
    // Omlaag: the first becomes second.
    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Omlaag' }).click();
    await expect(notices).toContainText('Volgorde gewijzigd.');
    await expect(subs.first()).toContainText(second!);
    // Verwijderen asks first, then moves it to the Prullenbak.
    await page.getByRole('button', { name: `Acties voor ${first}`, exact: true }).click();
    await page.getByRole('menu', { name: `Acties voor ${first}` }).getByRole('menuitem', { name: 'Verwijderen' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Naar de Prullenbak?' });
    await expect(dialog).toContainText(first!);
    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect(notices).toContainText(`Deelactiviteit "${first}" is naar de Prullenbak verplaatst.`);
    await expect(subs).toHaveCount(withSubs.subActivities.length - 1);
  });

  await test.step('VSV charts read from 0%, with the scale labelled', async () => {
    await page.goto(`${base}#/vsv-cijfers`);
    const charts = page.locator('figure.soort-chart svg');
    await expect(charts.first()).toBeVisible();
    for (const chart of await charts.all()) await expect(chart.locator('text.trend-axis').first()).toHaveText('0%');
  });

  await test.step('a greyed-out Downloaden says why', async () => {
    await page.goto(`${base}#/excel`);
    const card = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Uitvraag partner', exact: true }) });
    const download = card.getByRole('button', { name: 'Downloaden', exact: true });
    await expect(download).toBeDisabled();
    await expect(download).toHaveAccessibleDescription('Kies eerst een partner: typ de naam hierboven of vink een of meer partners aan.');
    await expect(card.getByText('Kies eerst een partner', { exact: false })).toBeVisible();
    await card.getByRole('checkbox').first().check();
    await expect(download).toBeEnabled();
    await expect(card.getByText('Kies eerst een partner', { exact: false })).toHaveCount(0);
  });

  await test.step('a failed daily backup is shown on every screen with what to do', async () => {
    const ws = await value<{ path: string }>(host, 'workspace.current');
    const backups = `${host.dataDir}/reservekopieen`;
    fs.rmSync(backups, { recursive: true, force: true });
    fs.writeFileSync(backups, 'geen map');
    await value(host, 'workspace.close');
    await value(host, 'workspace.open', { path: ws.path });
    // Opened elsewhere (another window): this window learns of it when it loads again.
    await page.goto(`${base}#/programmas`);
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'Geen reservekopie van vandaag' });
    await expect(alert).toContainText('De automatische reservekopie van vandaag is niet gemaakt.');
    await expect(alert.getByRole('link', { name: 'Naar Reservekopieën' })).toBeVisible();
    if (process.env.REGIEBOEK_SHOTS) await page.screenshot({ path: `${process.env.REGIEBOEK_SHOTS}/reservekopie-mislukt.png` });
    fs.rmSync(backups, { force: true });
    await alert.getByRole('link', { name: 'Naar Reservekopieën' }).click();
    await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Geen reservekopie van vandaag' })).toHaveCount(0);
  });

  const serious: string[] = [];
  const minor: string[] = [];
  for (const [name, route] of screens) {
    await page.goto(base + route);
    await expect(page.locator('#main h1').first()).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    if (process.env.REGIEBOEK_SHOTS) await page.screenshot({ path: `${process.env.REGIEBOEK_SHOTS}/axe-${name.replace(/\W+/g, '-')}.png` });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const v of result.violations) {
      const line = `${name}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`;
      (v.impact === 'serious' || v.impact === 'critical' ? serious : minor).push(line);
    }
  }
  if (minor.length) await testInfo.attach('axe-minor-and-moderate', { body: minor.join('\n'), contentType: 'text/plain' });
  if (process.env.REGIEBOEK_SHOTS) fs.writeFileSync(`${process.env.REGIEBOEK_SHOTS}/axe.txt`, [...serious, '--', ...minor].join('\n'));
  expect(serious).toEqual([]);
});
