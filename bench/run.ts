/**
 * `npm run bench` (= npm run build && node --import tsx bench/run.ts): runs every bench script in
 * its own process and prints one table. Times are wall-clock medians in milliseconds; "ratio" is
 * median / reference median, measured in the same run on the same machine.
 * Options: BENCH_RUNS (default 5, host bench), BENCH_RUNS_CLI (default 10) and BENCH_RUNS_TREE
 * (default 11, tree and search bench); --json prints the rows as JSON too.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { RESULT_PREFIX, type BenchRow } from './util';

/** Each script with the time it may take on this 2-core machine before it counts as failed. */
const SCRIPTS: [string, number][] = [
  ['host-start.ts', 120_000],
  ['cli-info.ts', 120_000],
  ['scale.ts', 900_000],
  ['screens.ts', 600_000],
  ['tree.ts', 180_000],
  ['budget.ts', 180_000],
  ['excel.ts', 400_000],
  ['plan.ts', 180_000],
  ['privacy.ts', 180_000],
];

const rows: BenchRow[] = [];
let failed = false;
const started = performance.now();
for (const [script, timeout] of SCRIPTS) {
  process.stderr.write(`bench ${script} ...\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, script)], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const line = r.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (r.status !== 0 || !line) {
    failed = true;
    process.stderr.write(`  mislukt (status ${r.status}${r.signal ? ', ' + r.signal : ''}):\n${r.stderr}${r.stdout}\n`);
    continue;
  }
  rows.push(...(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchRow[]));
}

const f = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const table = [
  ['bench', 'meting', 'runs', 'mediaan ms', 'p95 ms', 'min–max ms', 'antwoord', 'referentie', 'ref. mediaan ms', 'ratio', 'doel'],
  ...rows.map((r) => [
    r.bench,
    r.metric,
    String(r.runs),
    f(r.medianMs),
    r.p95Ms === undefined ? '' : f(r.p95Ms),
    `${f(r.minMs)}–${f(r.maxMs)}`,
    r.bytes === undefined ? '' : r.bytes >= 1e6 ? `${(r.bytes / 1e6).toFixed(1)} MB` : `${(r.bytes / 1e3).toFixed(1)} kB`,
    r.reference?.what ?? '',
    r.reference ? f(r.reference.medianMs) : '',
    r.reference ? (r.medianMs / r.reference.medianMs).toFixed(1) + '×' : '',
    r.target ? `${r.target.met ? 'gehaald' : 'NIET gehaald'}: ${r.target.text}` : '',
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
console.log(line(table[0]!));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of table.slice(1)) console.log(line(r));
const targets = rows.filter((r) => r.target);
if (targets.length) console.log(`\nDoelen: ${targets.filter((r) => r.target!.met).length} van ${targets.length} gehaald.`);
console.log(`\n${os.cpus()[0]?.model ?? '?'} · ${os.cpus().length} CPU · node ${process.version} · ${new Date().toISOString()} · ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
process.exit(failed ? 1 : 0);
