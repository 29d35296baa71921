/**
 * Bench (a): browser host cold start to a rendered programme list.
 *  - spawn: `node dist/host.cjs` spawned -> it printed its URL (listening). Reference: a plain
 *    `node -e` http server spawned -> it printed its URL.
 *  - page: page.goto(url) -> the table "Programma's" is visible, in a fresh browser context each
 *    run. Reference: the same Chromium loading a minimal static HTML page (one small table) from a
 *    plain node http server, also a fresh context each run.
 * One warm-up round of each is discarded; host and reference runs alternate.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright';
import { startHost } from '../tests/e2e/host';
import { prepareExampleDataDir } from './prepare';
import { report, row, timed } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const REF_HTML = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>ref</title></head><body><table aria-label="Referentie"><tr><td>ok</td></tr></table></body></html>';

/** Spawns a minimal node http server and resolves when it printed its URL. */
function spawnPlainServer(): Promise<{ ms: number; stop: () => Promise<void> }> {
  const code = "const s=require('http').createServer((q,r)=>r.end('ok'));s.listen(0,'127.0.0.1',()=>console.log('http://127.0.0.1:'+s.address().port+'/'))";
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', () => {
      const ms = performance.now() - t0;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      resolve({ ms, stop: async () => void (child.kill('SIGTERM'), await exited) });
    });
  });
}

async function main() {
  const { dataDir } = prepareExampleDataDir();
  const ref = http.createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(REF_HTML));
  await new Promise<void>((r) => ref.listen(0, '127.0.0.1', () => r()));
  const refUrl = `http://127.0.0.1:${(ref.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath, args });

  const spawnMs: number[] = [];
  const spawnRefMs: number[] = [];
  const pageMs: number[] = [];
  const pageRefMs: number[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const warmup = i === 0;

      const [hostMs, host] = await timed(() => startHost({ dataDir, removeDataDir: false }));
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
      const page = await ctx.newPage();
      const [loadMs] = await timed(async () => {
        await page.goto(host.url);
        await page.getByRole('table', { name: "Programma's" }).waitFor({ state: 'visible' });
      });
      await ctx.close();
      await host.stop();

      const plain = await spawnPlainServer();
      await plain.stop();
      const refCtx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
      const refPage = await refCtx.newPage();
      const [refMs] = await timed(async () => {
        await refPage.goto(refUrl);
        await refPage.getByRole('table', { name: 'Referentie' }).waitFor({ state: 'visible' });
      });
      await refCtx.close();

      if (!warmup) {
        spawnMs.push(hostMs);
        spawnRefMs.push(plain.ms);
        pageMs.push(loadMs);
        pageRefMs.push(refMs);
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => ref.close(() => r()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  report([
    row('browserhost', 'host gestart -> luistert', spawnMs, { what: 'kale node-http-server gestart -> luistert', samples: spawnRefMs }),
    row('browserhost', "goto -> tabel Programma's zichtbaar", pageMs, { what: 'Chromium laadt statische minimale HTML', samples: pageRefMs }),
  ]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
