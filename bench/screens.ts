/**
 * Bench (e): the three heaviest screens in Chromium on a big region (default 80 times the example,
 * BENCH_SCREENS_SCALE): the programme tree, the budget matrix and the results overview. Each run
 * opens the screen in a fresh browser context at 1366x768 (page.goto with the screen's route) and
 * stops when its table is there and nothing on the page is still loading; the DOM size is reported.
 * Reference: the same Chromium showing a static page with a table of as many rows, from memory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright';
import { CLI_JS, ROOT, E2E_TODAY, makeDataDir, startHost } from '../tests/e2e/host';
import { median, report, type BenchRow } from './util';

const RUNS = Number(process.env.BENCH_RUNS_SCREENS ?? 5);
const SCALE = Number(process.env.BENCH_SCREENS_SCALE ?? 80);
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The page's document (these functions run in the page; this file is type-checked without the DOM library). */
interface Doc {
  querySelector(s: string): unknown;
  querySelectorAll(s: string): { length: number };
  getElementsByTagName(s: string): { length: number };
}

/** The screen's table (or the tree's list) is in the page and no part of it is still loading. */
async function shown(page: Page): Promise<{ rows: number; nodes: number }> {
  await page.waitForFunction(
    () => {
      const d = (globalThis as unknown as { document: Doc }).document;
      return !!d.querySelector('main tbody tr, main .tree-measures li') && !d.querySelector('main [aria-busy="true"]');
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: Doc }).document;
    return { rows: d.querySelectorAll('main tr, main .tree-measures li').length, nodes: d.getElementsByTagName('*').length };
  });
}

async function main() {
  const dataDir = makeDataDir('regieboek-bench-screens-');
  const file = path.join(dataDir, 'werkbestanden', `Voorbeeldregio-${SCALE}x.regieboek`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(process.execPath, [CLI_JS, 'demo', '--db', file, '--scale', String(SCALE)], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, REGIEBOEK_TODAY: E2E_TODAY } });
  fs.writeFileSync(path.join(dataDir, 'instellingen.json'), JSON.stringify({ userName: '', recent: [], lastOpened: file }));
  const db = new Database(file, { readonly: true });
  const programmeId = (db.prepare("SELECT id FROM programme WHERE status = 'lopend' ORDER BY period_start DESC LIMIT 1").get() as { id: string }).id;
  const activities = (db.prepare('SELECT count(*) AS n FROM activity WHERE deleted_at IS NULL').get() as { n: number }).n;
  db.close();
  const host = await startHost({ dataDir, removeDataDir: true, timeoutMs: 60_000 });
  const browser = await chromium.launch({ executablePath, args });
  const rows: BenchRow[] = [];
  try {
    const screens = [
      { name: 'programmaboom', route: `#/programmas/${programmeId}` },
      { name: 'begrotingsmatrix', route: `#/begroting/${programmeId}/overzicht` },
      { name: 'resultatenoverzicht', route: `#/resultaten/${programmeId}` },
    ];
    for (const s of screens) {
      const ms: number[] = [];
      const refMs: number[] = [];
      let seen = { rows: 0, nodes: 0 };
      for (let i = 0; i <= RUNS; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
        const page = await ctx.newPage();
        const t0 = performance.now();
        await page.goto(host.url.replace(/#.*$/, '') + s.route);
        seen = await shown(page);
        const took = performance.now() - t0;
        await ctx.close();
        // The reference: a static table of as many rows, 4 cells each, from memory.
        const refCtx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
        const refPage = await refCtx.newPage();
        const html = `<!doctype html><html lang="nl"><body><main><table><tbody>${'<tr><td>1.2.3 Activiteit</td><td>lopend</td><td>€ 1.234,56</td><td>Op koers</td></tr>'.repeat(Math.max(1, seen.rows))}</tbody></table></main></body></html>`;
        const r0 = performance.now();
        await refPage.setContent(html);
        await shown(refPage);
        const refTook = performance.now() - r0;
        await refCtx.close();
        if (i > 0) {
          ms.push(took);
          refMs.push(refTook);
        }
      }
      process.stderr.write(`  ${s.name}: ${seen.rows} rijen, ${seen.nodes} DOM-elementen\n`);
      rows.push({
        bench: `scherm ${SCALE}× (${activities} act.)`,
        metric: `${s.name}: goto -> tabel getoond (${seen.rows} rijen, ${seen.nodes} DOM-elementen)`,
        runs: ms.length,
        medianMs: median(ms),
        minMs: Math.min(...ms),
        maxMs: Math.max(...ms),
        reference: { what: `statische tabel met ${seen.rows} rijen`, medianMs: median(refMs) },
        target: { text: 'getoond < 1 s', met: median(ms) < 1000 },
      });
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  report(rows);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
