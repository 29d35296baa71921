import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CLI_JS, ROOT } from './host';
import { BackupsPage } from './pages/BackupsPage';

/** Asks the core through the page's own /api/invoke, with the token from the meta tag. */
function invoke<T>(page: Page, channel: string, input: unknown = {}): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = document.querySelector('meta[name="regieboek-token"]')?.getAttribute('content') ?? '';
      const res = await fetch('./api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Regieboek-Token': token }, body: JSON.stringify({ channel, input }) });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
      return body.value as T;
    },
    { channel, input },
  ) as Promise<T>;
}

const programme = (name: string) => ({ name, periodStart: '2026-08-01', periodEnd: '2029-07-31', status: 'lopend', analysis: '', requestedCents: 100, awardedCents: null, notes: '' });
const names = async (page: Page) => (await invoke<{ name: string }[]>(page, 'programme.list')).map((p) => p.name).sort();

test.describe('Reservekopieën', () => {
  test('terugzetten vraagt eerst, bewaart de huidige stand en zet dan de gekozen kopie terug; Opslaan als kopie downloadt het werkbestand', async ({ page, app, host, programmes }, testInfo) => {
    const backups = new BackupsPage(page);
    await app.createWorkspace('12 Twente', 'Terugzetten e2e');
    await programmes.expectShown();
    await invoke(page, 'programme.create', programme('Eerste'));

    await test.step('handmatig een reservekopie maken', async () => {
      await backups.open();
      await expect(backups.rows('Dagelijks')).toHaveCount(0); // a new workspace has nothing to back up yet
      await backups.makeNow.click();
      await expect(backups.rows('Handmatig')).toHaveCount(1);
      await expect(backups.rows('Handmatig')).toContainText("1 programma's, 0 maatregelen");
    });

    await invoke(page, 'programme.create', programme('Tweede'));
    await test.step('Annuleren verandert niets', async () => {
      await page.reload();
      await expect(backups.heading).toBeVisible();
      await backups.startRestore('Handmatig');
      await expect(backups.confirmBox).toContainText('De huidige stand wordt eerst als reservekopie bewaard');
      await backups.confirmBox.getByRole('button', { name: 'Annuleren' }).click();
      await expect(backups.confirmBox).toBeHidden();
      expect(await names(page)).toEqual(['Eerste', 'Tweede']);
      await expect(backups.rows('Vóór terugzetten')).toHaveCount(0);
    });

    await test.step('terugzetten: eerst de huidige stand bewaard, dan vervangen', async () => {
      await backups.startRestore('Handmatig');
      await page.screenshot({ path: testInfo.outputPath('reservekopieen-bevestigen.png') });
      await backups.confirmBox.getByRole('button', { name: 'Ja, terugzetten' }).click();
      await expect(page.getByRole('status')).toContainText('is teruggezet');
      await expect(backups.rows('Vóór terugzetten')).toHaveCount(1);
      await expect(backups.rows('Vóór terugzetten')).toContainText("2 programma's");
      expect(await names(page)).toEqual(['Eerste']);
      // The CLI sees the same: the safety backup holds both programmes.
      const file = path.join(host.dataDir, 'werkbestanden', 'Terugzetten e2e.regieboek');
      const listed = spawnSync(process.execPath, [CLI_JS, 'backups', '--db', file, '--data-dir', host.dataDir, '--json'], { encoding: 'utf8' });
      const json = JSON.parse(listed.stdout) as { backups: { reason: string; counts: { programme: number } }[] };
      expect(json.backups.find((b) => b.reason === 'herstel')!.counts.programme).toBe(2);
      await page.screenshot({ path: testInfo.outputPath('reservekopieen.png') });
    });

    await test.step('Opslaan als kopie in de browser: een download met het hele werkbestand', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), backups.saveCopy.click()]);
      expect(download.suggestedFilename()).toMatch(/^Terugzetten e2e \(kopie \d\d-\d\d-\d{4}\)\.regieboek$/);
      const saved = testInfo.outputPath('kopie.regieboek');
      await download.saveAs(saved);
      const db = new Database(saved, { readonly: true });
      expect(db.prepare('SELECT name FROM programme').all()).toEqual([{ name: 'Eerste' }]);
      db.close();
    });
  });

  test('een werkbestand dat elders open is: wie en sinds wanneer, alleen-lezen openen met een melding, wijzigen geweigerd', async ({ page, app, host }, testInfo) => {
    const file = path.join(host.dataDir, 'werkbestanden', 'Gedeeld.regieboek');
    expect(spawnSync(process.execPath, [CLI_JS, 'init', '--db', file, '--region', '12']).status).toBe(0);
    const other = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/fixtures/hold-open.ts'), path.join(host.dataDir, 'ander'), file, 'Anna de Vries'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => other.stdout.once('data', () => resolve()));
      await page.reload();
      await expect(app.heading).toBeVisible();
      await page.getByRole('button', { name: 'Gedeeld.regieboek' }).click();
      const box = page.getByRole('alertdialog', { name: 'Werkbestand in gebruik' });
      await expect(box).toContainText(`in gebruik door Anna de Vries op ${os.hostname()} sinds`);
      await page.screenshot({ path: testInfo.outputPath('in-gebruik.png') });
      await box.getByRole('button', { name: 'Alleen-lezen openen' }).click();
      const banner = page.getByRole('note');
      await expect(banner).toContainText('Alleen-lezen: in gebruik door Anna de Vries');
      await expect(banner).toContainText('U kunt kijken en exporteren, niet wijzigen.');
      await page.getByRole('link', { name: 'Nieuw programma' }).click();
      await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Mag niet');
      await page.getByRole('textbox', { name: 'Startdatum', exact: true }).fill('01-08-2026');
      await page.getByRole('textbox', { name: 'Einddatum', exact: true }).fill('31-07-2029');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await expect(page.getByText(/Alleen-lezen: in gebruik door Anna de Vries/).nth(1)).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('alleen-lezen.png') });
      expect(await names(page)).toEqual([]);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
