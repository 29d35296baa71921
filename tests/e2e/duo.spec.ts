/**
 * A DUO file whose headers are not DUO's own (Windows-1252, ';', thousands dots, a suppressed -1):
 * the user maps the columns, chooses "definitief", sees the figures and applies; the region-figures
 * screen shows them, the suppressed count as a dash. The same file again: the mapping is remembered
 * and nothing is left to read in.
 */
import { test as base, expect } from './fixtures';
import { DuoImportPage } from './pages/DuoImportPage';

const test = base.extend<{ duo: DuoImportPage }>({ duo: async ({ page }, use) => use(new DuoImportPage(page)) });

// "Uitvallers’" ends in a right single quote, byte 0x92 in Windows-1252.
const FILE = Buffer.from(
  [...'Schooljaar;Soort onderwijs;Leerlingen;Uitvallers’;RMC-regio\r\n2018-2019;mbo 2;3.500;70;16\r\n2018-2019;mbo 3/4;4.800;41;16\r\n2018-2019;mbo 1;-1;-1;16\r\n2018-2019;mbo 2;9.000;400;28\r\n'].map((c) =>
    c === '’' ? 0x92 : c.charCodeAt(0),
  ),
);

test('een DUO-bestand met andere kolomkoppen koppelen, definitief inlezen en op het scherm VSV-cijfers terugzien', async ({ page, app, duo }) => {
  await app.createWorkspace('16 Eem en Vallei', 'Eem en Vallei');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'VSV-cijfers regio', exact: true }).click();
  await page.getByRole('link', { name: 'DUO-bestand inlezen', exact: true }).click();
  await duo.choose('vsv-cijfers.csv', FILE);

  await expect(duo.problems).toContainText("Niet gevonden in het bestand: aantal deelnemers, aantal vsv'ers.");
  await expect(page.getByText('tekens in Windows-1252 (oudere DUO-bestanden)')).toBeVisible();
  await duo.column('aantal deelnemers').selectOption('Leerlingen');
  await duo.column("aantal vsv'ers").selectOption('Uitvallers’');
  await expect(duo.problems).toContainText('voorlopig of definitief');
  await duo.status.selectOption('definitief');
  await expect(duo.problems).toBeHidden();

  await expect(duo.figure(/mbo 2/)).toContainText('3.500');
  await expect(duo.figure(/mbo 2/)).toContainText('70');
  await expect(duo.figure(/mbo 1/)).toContainText('Leeg waar DUO het cijfer achterhoudt');
  await expect(page.getByText('Niet meegenomen: 28 Haaglanden (1 rij).')).toBeVisible();
  await expect(duo.rows.getByRole('row').filter({ hasText: /^4/ })).toContainText('"-1" betekent dat DUO dit aantal achterhoudt');
  await duo.apply(3).click();

  await expect(page.getByRole('status')).toContainText('3 VSV-cijfers ingelezen.');
  await expect(page.getByRole('heading', { level: 1, name: 'VSV-cijfers van de regio', exact: true })).toBeVisible();
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '2018/2019' }) });
  await expect(table.getByRole('row', { name: /^mbo 2/ })).toContainText('70 / 3.500');
  await expect(table.getByRole('row', { name: /^mbo 1/ })).toContainText('— / —');

  // Again: the mapping is remembered; with the same status nothing is new.
  await page.getByRole('link', { name: 'DUO-bestand inlezen', exact: true }).click();
  await duo.choose('vsv-cijfers.csv', FILE);
  await expect(page.getByText('Kolommen gekoppeld zoals bij een eerder bestand met dezelfde kolomkoppen.')).toBeVisible();
  await duo.status.selectOption('definitief');
  await expect(page.getByText('0 nieuw, 0 gewijzigd, 3 ongewijzigd, 0 afgewezen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Niets in te lezen', exact: true })).toBeDisabled();
});
