/**
 * A big region (issue 13): sixteen times the example region (64 programme lines, over 400 activities).
 * The programme page opens with its measures closed and only the line cards on screen in the page;
 * opening a measure loads its activities; the last line is reached by scrolling. The budget matrix
 * keeps only the rows on screen in the page, shows the last measure after scrolling, and its total
 * realised is, to the cent, the sum of the spend in the file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './fixtures';
import { invoke, value } from './api';
import { CLI_JS, E2E_TODAY, ROOT, makeDataDir } from './host';
import { formatCents } from '../../shared/money';

const SCALE = 16;

interface Outline {
  lines: { code: string; name: string; measures: { id: string; code: string; name: string; shape: string }[] }[];
  totalActivities: number;
}
interface Overview {
  matrix: { measureId: string }[];
  measures: { id: string; code: string; name: string }[];
}

test('grote regio: boom dicht met alleen de kaarten in beeld, maatregel openen laadt activiteiten; matrix met alleen de rijen in beeld en het totaal op de cent', async ({ page, host }) => {
  const dir = makeDataDir('regieboek-e2e-big-');
  try {
    const file = path.join(dir, 'Groot.regieboek');
    execFileSync(process.execPath, [CLI_JS, 'demo', '--db', file, '--scale', String(SCALE)], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, REGIEBOEK_TODAY: E2E_TODAY } });
    expect((await invoke(host, 'workspace.open', { path: file })).ok).toBe(true);
    const programmes = await value<{ id: string; status: string }[]>(host, 'programme.list');
    const programmeId = programmes.find((p) => p.status === 'lopend')!.id;
    const outline = await value<Outline>(host, 'tree.outline', { programmeId });
    expect(outline.lines.length).toBeGreaterThanOrEqual(60);
    expect(outline.totalActivities).toBeGreaterThan(150);
    const base = host.url.replace(/#.*$/, '');
    const main = page.locator('.main');
    const scrollToEnd = () => main.evaluate((e) => e.scrollTo(0, e.scrollHeight));

    await test.step('programmaboom: dicht, alleen kaarten in beeld, maatregel openen', async () => {
      await page.goto(`${base}#/programmas/${programmeId}`);
      await expect(page.getByRole('heading', { level: 2, name: 'Programmalijnen, maatregelen en activiteiten' })).toBeVisible();
      await expect(page.locator('.tree-line').first()).toBeVisible();
      expect(await page.locator('.tree-line').count()).toBeLessThan(outline.lines.length / 2);
      await expect(page.locator('.tree-activity')).toHaveCount(0);

      const m = outline.lines[0]!.measures.find((x) => x.shape === 'measure')!;
      const label = `${m.code} ${m.name}`;
      const toggle = page.getByRole('button', { name: `Activiteiten van ${label} tonen`, exact: true });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.click();
      const activities = await value<{ code: string; name: string }[]>(host, 'tree.activities', { programmeId, measureIds: [m.id] });
      expect(activities.length).toBeGreaterThan(0);
      for (const a of activities) await expect(page.getByRole('link', { name: `${a.code} ${a.name}`, exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: `Activiteiten van ${label} verbergen`, exact: true })).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('.tree-activity')).toHaveCount(activities.length);

      await scrollToEnd();
      const last = outline.lines[outline.lines.length - 1]!;
      await expect(page.getByRole('heading', { level: 3, name: `${last.code} ${last.name}`.trim(), exact: true })).toBeVisible();
      expect(await page.locator('.tree-line').count()).toBeLessThan(outline.lines.length / 2);
    });

    await test.step('begrotingsmatrix: alleen rijen in beeld, laatste maatregel na scrollen, totaal besteed op de cent', async () => {
      const overview = await value<Overview>(host, 'budget.overview', { programmeId });
      expect(overview.matrix.length).toBeGreaterThanOrEqual(60);
      await page.goto(`${base}#/begroting/${programmeId}/overzicht`);
      const matrix = page.getByRole('table', { name: 'Begroot en besteed per maatregel en jaar', exact: true });
      await expect(matrix).toBeVisible();
      const rows = matrix.locator('tbody tr:not(.window-spacer)');
      await expect(rows.first()).toBeVisible();
      expect(await rows.count()).toBeLessThan(overview.matrix.length / 2);

      const db = new Database(file, { readonly: true });
      const realised = (
        db
          .prepare(
            `SELECT coalesce(sum(s.amount_cents), 0) AS c FROM spend s JOIN budget_line bl ON bl.id = s.budget_line_id JOIN measure m ON m.id = bl.measure_id
             WHERE m.programme_id = ? AND s.deleted_at IS NULL AND bl.deleted_at IS NULL AND m.deleted_at IS NULL`,
          )
          .get(programmeId) as { c: number }
      ).c;
      db.close();
      expect(realised).toBeGreaterThan(0);
      await expect(matrix.locator('tfoot').getByRole('link', { name: `Besteed Totaal: ${formatCents(realised)}`, exact: true })).toHaveCount(1);

      const lastRow = overview.measures.find((x) => x.id === overview.matrix[overview.matrix.length - 1]!.measureId)!;
      await matrix.locator('tbody').evaluate((e) => e.scrollIntoView({ block: 'end' }));
      await expect(matrix.getByRole('rowheader', { name: `${lastRow.code} ${lastRow.name}`, exact: true })).toBeVisible();
      expect(await rows.count()).toBeLessThan(overview.matrix.length / 2);
    });
  } finally {
    await invoke(host, 'workspace.close', null);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
