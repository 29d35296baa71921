/**
 * Smoke test of the packaged desktop app (what `npm run dist` left in release/), through
 * Playwright's Electron support: start, create a workspace, add a programme, quit, start again
 * with the file as argument (on a fresh data folder, so nothing but the argument can open it), and
 * the programme is there. CI runs it on Windows, macOS and Linux after `npm run dist`
 * (.github/workflows/release.yml, with REGIEBOEK_REQUIRE_APP=1 so a missing app fails). Where no
 * packaged Electron app exists, as on our machines, it is skipped and says why.
 *
 * Playwright drives Electron through the Node inspector, which the shipped app's fuses switch off.
 * The test therefore runs a copy of the packaged app with that one fuse switched back on; the
 * installers and the app in release/ keep all fuses.
 */
import { _electron, test, expect, type ElectronApplication, type Page } from '@playwright/test';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartPage } from './pages/StartPage';
import { ProgrammesPage } from './pages/ProgrammesPage';
import { ProgrammeFormPage } from './pages/ProgrammeFormPage';
import { ProgrammeDetailPage } from './pages/ProgrammeDetailPage';
import { Sidebar } from './pages/Sidebar';

const ROOT = path.resolve(__dirname, '..', '..');

/** The packaged app: REGIEBOEK_APP, else the unpacked app electron-builder left in release/. */
function findPackagedApp(): { bundle: string; executable: (bundleCopy: string) => string } | null {
  const fromEnv = process.env.REGIEBOEK_APP;
  const release = path.join(ROOT, 'release');
  const candidates: { bundle: string; executable: (b: string) => string }[] = [];
  if (fromEnv) {
    const app = path.resolve(fromEnv);
    if (app.endsWith('.app')) candidates.push({ bundle: app, executable: (b) => path.join(b, 'Contents', 'MacOS', 'Regieboek') });
    else candidates.push({ bundle: path.dirname(app), executable: (b) => path.join(b, path.basename(app)) });
  } else if (fs.existsSync(release)) {
    for (const dir of fs.readdirSync(release)) {
      if (dir === 'linux-unpacked' || dir === `linux-${process.arch}-unpacked`) candidates.push({ bundle: path.join(release, dir), executable: (b) => path.join(b, 'regieboek') });
      if (dir === 'win-unpacked' || dir === `win-${process.arch}-unpacked`) candidates.push({ bundle: path.join(release, dir), executable: (b) => path.join(b, 'Regieboek.exe') });
      if (dir === 'mac' || dir.startsWith('mac-')) candidates.push({ bundle: path.join(release, dir, 'Regieboek.app'), executable: (b) => path.join(b, 'Contents', 'MacOS', 'Regieboek') });
    }
  }
  return candidates.find((c) => fs.existsSync(c.executable(c.bundle))) ?? null;
}

const found = findPackagedApp();
const skipReason = found
  ? null
  : 'Overgeslagen: geen verpakte Regieboek-app gevonden (release/*-unpacked of REGIEBOEK_APP). Electron zelf kan op deze machine niet worden gedownload; ' +
    'de CI-workflow (.github/workflows/release.yml) bouwt de app op Windows, macOS en Linux en draait deze test daar.';
if (skipReason) {
  if (process.env.REGIEBOEK_REQUIRE_APP === '1') throw new Error(`REGIEBOEK_REQUIRE_APP=1, maar: ${skipReason}`);
  console.log(`desktop-smoke: ${skipReason}`);
}

/** A copy of the packaged app that Playwright can attach to (see the note at the top). */
async function testCopy(work: string): Promise<string> {
  const bundle = path.join(work, path.basename(found!.bundle));
  fs.cpSync(found!.bundle, bundle, { recursive: true, verbatimSymlinks: true });
  const executable = found!.executable(bundle);
  await flipFuses(process.platform === 'darwin' ? bundle : executable, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: process.platform === 'darwin',
    [FuseV1Options.EnableNodeCliInspectArguments]: true,
  });
  return executable;
}

async function launch(executable: string, dataDir: string, args: string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await _electron.launch({
    executablePath: executable,
    // Linux runners lack the setuid sandbox helper; the app's own renderer sandbox stays on.
    args: [...(process.platform === 'linux' ? ['--no-sandbox'] : []), ...args],
    env: { ...process.env, REGIEBOEK_DATA_DIR: dataDir, REGIEBOEK_NO_UPDATES: '1' } as Record<string, string>,
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test.describe('packaged desktop app', () => {
  test.skip(!!skipReason, skipReason ?? '');
  test.setTimeout(180_000);

  test('start, create a workspace, add a programme, quit, open the file from the command line', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-smoke-'));
    const executable = await testCopy(work);
    const first = path.join(work, 'gegevens-1');
    const second = path.join(work, 'gegevens-2');
    const programme = 'Rookproef programma 2026-2030';

    const one = await launch(executable, first);
    await test.step('first start: the page comes from app://', async () => {
      expect(one.page.url()).toMatch(/^app:\/\/regieboek\/index\.html/);
      // The window really has no Node: the preload's bridge is all there is.
      expect(await one.page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await one.page.evaluate(() => typeof (window as unknown as { regieboek?: unknown }).regieboek)).toBe('object');
    });
    await test.step('create a workspace and add a programme', async () => {
      const start = new StartPage(one.page);
      await start.open();
      await start.createWorkspace('12 Twente', 'Rookproef');
      const programmes = new ProgrammesPage(one.page);
      await programmes.expectShown();
      await programmes.newProgramme.click();
      const form = new ProgrammeFormPage(one.page);
      await form.expectNew();
      await form.fill({ name: programme, start: '01-08-2026', end: '31-07-2030', status: 'Lopend', requested: '1.234,56' });
      await form.save.click();
      await new ProgrammeDetailPage(one.page).expectShown(programme);
      await one.page.screenshot({ path: test.info().outputPath('desktop-first-start.png') });
    });
    await one.app.close();

    const file = path.join(first, 'werkbestanden', 'Rookproef.regieboek');
    expect(fs.existsSync(file)).toBe(true);

    const two = await launch(executable, second, [file]);
    await test.step('second start with the file as argument shows the programme', async () => {
      const programmes = new ProgrammesPage(two.page);
      await two.page.evaluate(() => (window.location.hash = '#/programmas'));
      await programmes.expectShown();
      await expect(programmes.programmeLink(programme)).toBeVisible();
      await expect(new Sidebar(two.page).nav).toContainText('12 Twente');
    });
    await two.app.close();
    fs.rmSync(work, { recursive: true, force: true });
  });
});
