/**
 * A readable Geschiedenis (issue 10, point 2): after an import and an interview submission made in
 * the screens, every action is one entry (who, when, where), with no JSON, no ISO timestamps and
 * no ids anywhere, not even in the folded-in details; filters by date and by record work.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { CLI_JS } from './host';
import { value } from './api';
import { MonitoringInputPage } from './pages/MonitoringPages';

const cli = (...args: string[]) => execFileSync(process.execPath, [CLI_JS, ...args], { encoding: 'utf8' });

interface Round {
  name: string;
  interviews: { id: string; status: string; measureCode: string; measureName: string; partnerName: string | null }[];
}

test('de Geschiedenis na een import en een ingediende input: één regel per actie, leesbaar, te filteren', async ({ app, page, host, sidebar }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-hist-'));
  try {
    const demo = path.join(dir, 'voorbeeld.regieboek');
    const book = path.join(dir, 'Voorbeeldregio.xlsx');
    cli('demo', '--db', demo);
    cli('export', '--db', demo, '--kind', 'workspace', '--out', book);

    await test.step('het voorbeeldwerkbestand inlezen in een nieuw werkbestand', async () => {
      await expect(app.heading).toBeVisible();
      await page.getByRole('textbox', { name: 'Naam van het nieuwe werkbestand' }).fill('Uit Excel');
      await page.locator('#xl-new-file').setInputFiles(book);
      await expect(page.getByRole('heading', { level: 1, name: "Programma's" })).toBeVisible({ timeout: 60_000 });
    });

    const rounds = await value<Round[]>(host, 'monitoring.round.list');
    const round = rounds.find((r) => r.interviews.some((i) => i.status === 'concept'))!;
    const interview = round.interviews.find((i) => i.status === 'concept')!;
    const measure = `${interview.measureCode} ${interview.measureName}`;
    const input = new MonitoringInputPage(page);
    const long = `Het loopt goed. ${'De scholen melden verzuim sneller en de trajecten sluiten beter aan. '.repeat(5)}`.trim();

    await test.step('een input invullen en indienen', async () => {
      await page.evaluate((h) => (window.location.hash = h), `#/monitoring/input/${interview.id}`);
      await expect(input.submit).toBeVisible();
      await page.getByRole('textbox').first().fill(long);
      await input.submit.click();
      await expect(page.locator('.toasts')).toContainText('ingediend');
    });

    const entries = page.locator('li.hentry');
    await test.step('de Geschiedenis: één regel per actie, met wie, wanneer en waar', async () => {
      await sidebar.goTo('Geschiedenis');
      await expect(page.getByRole('heading', { level: 1, name: 'Geschiedenis' })).toBeVisible();
      // The import, the saved answers, the submission: three actions, three entries (not 1.100+ rows).
      await expect(entries).toHaveCount(3);
      const submitted = entries.filter({ hasText: /ingediend/ });
      await expect(submitted).toHaveCount(1);
      await expect(submitted.locator('.hentry-where')).toContainText(`Monitoringronde ${round.name}`);
      await expect(submitted.locator('.hentry-where')).toContainText(`Maatregel ${measure}`);
      await expect(submitted.locator('.history-meta')).toHaveText(/^\d\d-\d\d-\d{4} \d\d:\d\d · /);
      const imported = entries.filter({ hasText: 'Import uit "Voorbeeldregio.xlsx"' });
      await expect(imported).toHaveCount(1);
      await expect(imported.locator('.hentry-details > summary')).toHaveText(/^Details \(\d\.\d{3} records\): Programma: \d+ aangemaakt · Programmalijn: \d+ aangemaakt · Maatregel: \d+ aangemaakt · …$/);
      await expect(imported.locator('.hentry-counts')).toBeHidden();
      await page.screenshot({ path: test.info().outputPath('geschiedenis.png') });
    });

    await test.step('ook in de details: geen JSON, geen ISO-tijden, geen ids', async () => {
      const submitted = entries.filter({ hasText: /ingediend/ });
      await submitted.locator('.hentry-details > summary').click();
      await expect(submitted.getByRole('row', { name: /Vastgelegde feiten/ })).toContainText(/Feiten van \d\d-\d\d-\d{4}: resultaten: \d+/);
      const answered = page.getByRole('listitem', { name: /^Input voor monitoringgesprek ".*" gewijzigd$/ });
      await answered.getByText('Hele tekst').click();
      await expect(answered.locator('.history-full-text')).toHaveText(long);
      await page.screenshot({ path: test.info().outputPath('geschiedenis-details.png') });
      // Every entry opened, with every long text, then the whole page read as text.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const text = await page.locator('.page').innerText();
      expect(text).not.toMatch(/[{[]\s*"/);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    });

    await test.step('filteren op datum en op record', async () => {
      await page.getByRole('textbox', { name: 'Vanaf' }).fill('01-01-2099');
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      await expect(page.getByText('Geen acties die bij deze filters passen.')).toBeVisible();
      await page.getByRole('button', { name: 'Filters wissen' }).click();
      await expect(entries).toHaveCount(3);
      // A record's own history: the input was made by the import, then answered, then submitted.
      const submitted = entries.filter({ hasText: /ingediend/ });
      await submitted.locator('.hentry-details > summary').click();
      await submitted.locator('.hentry-items a').first().click();
      await expect(page).toHaveURL(new RegExp(`#/geschiedenis/monitoringInterview/${interview.id}$`));
      await expect(page.locator('.history-record')).toContainText('Alleen acties met input voor monitoringgesprek');
      await expect(entries).toHaveCount(3);
      await page.screenshot({ path: test.info().outputPath('geschiedenis-record.png') });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
