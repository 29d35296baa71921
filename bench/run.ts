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

const SCRIPTS = ['host-start.ts', 'cli-info.ts', 'tree.ts', 'budget.ts', 'excel.ts', 'plan.ts'];

const rows: BenchRow[] = [];
let failed = false;
const started = performance.now();
for (const script of SCRIPTS) {
  process.stderr.write(`bench ${script} ...\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, script)], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8', timeout: 110_000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (r.status !== 0 || !line) {
    failed = true;
    process.stderr.write(`  mislukt (status ${r.status}${r.signal ? ', ' + r.signal : ''}):\n${r.stderr}${r.stdout}\n`);
    continue;
  }
  rows.push(...(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchRow[]));
}

const f = (n: number) => n.toFixed(0);
const table = [
  ['bench', 'meting', 'runs', 'mediaan ms', 'min–max ms', 'referentie', 'ref. mediaan ms', 'ratio'],
  ...rows.map((r) => [
    r.bench,
    r.metric,
    String(r.runs),
    f(r.medianMs),
    `${f(r.minMs)}–${f(r.maxMs)}`,
    r.reference?.what ?? '',
    r.reference ? f(r.reference.medianMs) : '',
    r.reference ? (r.medianMs / r.reference.medianMs).toFixed(1) + '×' : '',
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
console.log(line(table[0]!));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of table.slice(1)) console.log(line(r));
console.log(`\n${os.cpus()[0]?.model ?? '?'} · ${os.cpus().length} CPU · node ${process.version} · ${new Date().toISOString()} · ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
process.exit(failed ? 1 : 0);
