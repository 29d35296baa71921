/**
 * Bench (b): `regieboek info --json` on the example region, as a fresh process each time (what a
 * script calling the CLI pays). Reference: a bare `node -e` that opens the same file read-only with
 * better-sqlite3 and counts the programmes. Both run with cwd = the repository, so require resolves.
 * One warm-up run of each is discarded; the two alternate.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { CLI_JS, ROOT } from '../tests/e2e/host';
import { prepareExampleDataDir } from './prepare';
import { report, row } from './util';

const RUNS = Number(process.env.BENCH_RUNS_CLI ?? 10);

function run(args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} stopte met ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

function main() {
  const { dataDir, file } = prepareExampleDataDir();
  try {
    const cli = [CLI_JS, 'info', '--db', file, '--json'];
    const ref = ['-e', `require('better-sqlite3')(${JSON.stringify(file)},{readonly:true}).prepare('select count(*) from programme').get()`];
    const info = JSON.parse(run(cli).stdout) as { counts: Record<string, number> };
    if (!(info.counts.programme! > 0)) throw new Error(`info --json telde geen programma's: ${JSON.stringify(info)}`);
    run(ref);
    const cliMs: number[] = [];
    const refMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      cliMs.push(run(cli).ms);
      refMs.push(run(ref).ms);
    }
    report([row('cli', 'regieboek info --json (voorbeeldregio)', cliMs, { what: "node -e better-sqlite3 + count(*)", samples: refMs })]);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main();
