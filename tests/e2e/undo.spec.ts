/**
 * Undo a user can trust (issue 10): the example workbook is read into a new workspace; Ctrl+Z does
 * not remove 1.000+ records by a keystroke alone but asks, naming the import and the count;
 * Annuleren changes nothing (`regieboek info --json` counts as before); confirming removes the
 * import; Ctrl+Shift+Z asks again and brings everything back with equal counts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { CLI_JS } from './host';
import { ChoiceDialog } from './pages/ChoiceDialog';

const cli = (...args: string[]) => execFileSync(process.execPath, [CLI_JS, ...args], { encoding: 'utf8' });
const counts = (file: string) => (JSON.parse(cli('info', '--db', file, '--json')) as { counts: Record<string, number> }).counts;
const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

test('Ctrl+Z after an import asks first, Annuleren keeps everything, Ctrl+Shift+Z brings it back', async ({ app, page, host }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-undo-'));
  try {
    const demo = path.join(dir, 'voorbeeld.regieboek');
    const book = path.join(dir, 'Voorbeeldregio.xlsx');
    cli('demo', '--db', demo);
    cli('export', '--db', demo, '--kind', 'workspace', '--out', book);
    const source = counts(demo);

    await test.step('het voorbeeldwerkbestand inlezen in een nieuw werkbestand', async () => {
      await expect(app.heading).toBeVisible();
      await page.getByRole('textbox', { name: 'Naam van het nieuwe werkbestand' }).fill('Uit Excel');
      await page.locator('#xl-new-file').setInputFiles(book);
      // Reading 1.100+ records takes a while on a busy machine.
      await expect(page.getByRole('heading', { level: 1, name: "Programma's" })).toBeVisible({ timeout: 60_000 });
    });
    // The sidebar names the open file; its title is the full path.
    const file = (await page.locator('.sidebar .file-name').getAttribute('title'))!;
    expect(file.startsWith(host.dataDir)).toBe(true);
    const imported = counts(file);
    expect(imported).toEqual(source);
    const records = total(imported);
    expect(records).toBeGreaterThan(1000);

    const dialog = new ChoiceDialog(page);
    await test.step('Ctrl+Z vraagt eerst, met de naam van de import en het aantal', async () => {
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+z');
      await expect(dialog.title).toHaveText('Import uit "Voorbeeldregio.xlsx" ongedaan maken?');
      await expect(dialog.body).toHaveText(`${records.toLocaleString('nl-NL')} records worden verwijderd.`);
      await page.screenshot({ path: test.info().outputPath('undo-vraag.png') });
    });

    await test.step('Annuleren laat alles staan', async () => {
      await dialog.button('Annuleren').click();
      await expect(dialog.root).toBeHidden();
      expect(counts(file)).toEqual(imported);
    });

    await test.step('bevestigen maakt de import ongedaan', async () => {
      await page.keyboard.press('Control+z');
      await dialog.button('Ongedaan maken').click();
      await expect(page.getByRole('status')).toContainText('Ongedaan gemaakt: Import uit "Voorbeeldregio.xlsx"');
      expect(total(counts(file))).toBe(0);
    });

    await test.step('Ctrl+Shift+Z brengt alles terug, met gelijke aantallen', async () => {
      await page.keyboard.press('Control+Shift+z');
      await expect(dialog.title).toHaveText('Import uit "Voorbeeldregio.xlsx" opnieuw doen?');
      await expect(dialog.body).toHaveText(`${records.toLocaleString('nl-NL')} records komen terug.`);
      await dialog.button('Opnieuw doen').click();
      await expect(page.getByRole('status')).toContainText('Opnieuw gedaan: Import uit "Voorbeeldregio.xlsx"');
      expect(counts(file)).toEqual(imported);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
