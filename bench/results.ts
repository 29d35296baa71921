/**
 * Benchmark: statuses for 10,000 indicators with 8 years of half-yearly measurements, through the
 * same query and status code the screens and the CLI use, against a raw SQLite read of the same
 * rows. Run: node --import tsx bench/results.ts [indicators]. Results go in docs/PERFORMANCE.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { createSqlite } from '../electron/core/db/sqlite';
import { migrate } from '../electron/core/db/migrate';
import type { Database } from '../electron/core/db/schema';
import { programmeResults } from '../electron/core/db/queries/results';
import { evaluate } from '../shared/results/status';
import type { MeasurementValue, TargetRevision } from '../shared/results/types';

const N = Number(process.argv[2] ?? 10_000);
const PER_ACTIVITY = 10;
const YEARS = 8;
process.env.REGIEBOEK_TODAY = '2028-06-30';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-bench-'));
const file = path.join(dir, 'bench.sqlite');
const sqlite = createSqlite(file);
sqlite.pragma('journal_mode = WAL');
migrate(sqlite);
const at = '2020-08-01T00:00:00.000Z';
const programmeId = 'p';

const t0 = performance.now();
sqlite.transaction(() => {
  sqlite.prepare("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES (?, 'Bench', '2020-08-01', '2028-07-31', 'lopend', ?, ?)").run(programmeId, at, at);
  const measure = sqlite.prepare("INSERT INTO measure (id, programme_id, code, name, status, created_at, updated_at) VALUES (?, ?, ?, 'Maatregel', 'lopend', ?, ?)");
  const activity = sqlite.prepare("INSERT INTO activity (id, measure_id, code, name, status, planned_participants, created_at, updated_at) VALUES (?, ?, ?, 'Activiteit', 'lopend', '[]', ?, ?)");
  const indicator = sqlite.prepare(
    "INSERT INTO indicator (id, activity_id, name, unit, direction, aggregation, moment_kind, moment_dates, baseline_value, baseline_date, created_at, updated_at) VALUES (?, ?, ?, 'percentage', ?, ?, 'halfjaarlijks', '[\"01-31\",\"07-31\"]', ?, '2020-07-31', ?, ?)",
  );
  const target = sqlite.prepare("INSERT INTO target (id, indicator_id, school_year, period_kind, period_start, period_end, kind, value, min, max, created_at, updated_at) VALUES (?, ?, ?, 'schooljaar', ?, ?, ?, ?, ?, ?, ?, ?)");
  const meas = sqlite.prepare(
    "INSERT INTO measurement (id, indicator_id, date, school_year, period_kind, period_start, period_end, value, numerator, denominator, status, recorded_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'schooljaar', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  let measureId = '';
  let activityId = '';
  for (let i = 0; i < N; i++) {
    if (i % (PER_ACTIVITY * 10) === 0) measure.run((measureId = randomUUID()), programmeId, `M${i}`, at, at);
    if (i % PER_ACTIVITY === 0) activity.run((activityId = randomUUID()), measureId, `A${i}`, at, at);
    const id = randomUUID();
    const lower = i % 3 === 0;
    const agg = i % 5 === 0 ? 'aantal' : 'niveau';
    const base = lower ? 20 : 60;
    indicator.run(id, activityId, `Indicator ${i}`, lower ? 'lager' : i % 7 === 0 ? 'bandbreedte' : 'hoger', agg, base, at, at);
    for (let y = 0; y < YEARS; y++) {
      const sy = `${2020 + y}/${2021 + y}`;
      const goal = lower ? base - (y + 1) : base + (y + 1) * 3;
      if (i % 7 === 0 && !lower) target.run(randomUUID(), id, sy, `${2020 + y}-08-01`, `${2021 + y}-07-31`, 'bereik', null, goal - 5, goal + 5, at, at);
      else target.run(randomUUID(), id, sy, `${2020 + y}-08-01`, `${2021 + y}-07-31`, 'exact', goal, null, null, at, at);
      for (const md of ['01-31', '07-31']) {
        const date = `${2021 + y}-${md}`;
        const v = base + (lower ? -1 : 3) * (y + 1) * (0.6 + ((i * 7 + y) % 10) / 20);
        const ratio = i % 2 === 0;
        meas.run(randomUUID(), id, date, sy, `${2020 + y}-08-01`, `${2021 + y}-07-31`, ratio ? null : v, ratio ? Math.round(v * 10) : null, ratio ? 1000 : null, y === YEARS - 1 ? 'voorlopig' : 'definitief', `${date}T12:00:00.000Z`, at, at);
      }
    }
  }
})();
const tSeed = performance.now() - t0;
const counts = {
  indicators: (sqlite.prepare('SELECT count(*) AS n FROM indicator').get() as { n: number }).n,
  targets: (sqlite.prepare('SELECT count(*) AS n FROM target').get() as { n: number }).n,
  measurements: (sqlite.prepare('SELECT count(*) AS n FROM measurement').get() as { n: number }).n,
};

function time<T>(label: string, runs: number, fn: () => T): { label: string; ms: number } {
  fn(); // warm up
  const start = performance.now();
  for (let r = 0; r < runs; r++) fn();
  return { label, ms: (performance.now() - start) / runs };
}
async function timeAsync<T>(label: string, runs: number, fn: () => Promise<T>): Promise<{ label: string; ms: number }> {
  await fn();
  const start = performance.now();
  for (let r = 0; r < runs; r++) await fn();
  return { label, ms: (performance.now() - start) / runs };
}

const raw = time('Raw SQLite read of the same rows (better-sqlite3, 3 SELECTs)', 5, () => {
  const a = sqlite.prepare('SELECT * FROM indicator WHERE deleted_at IS NULL').all();
  const b = sqlite.prepare('SELECT * FROM target WHERE deleted_at IS NULL').all();
  const c = sqlite.prepare('SELECT * FROM measurement WHERE deleted_at IS NULL').all();
  return a.length + b.length + c.length;
});

// The status rule alone, over rows already in memory.
type Row = Record<string, unknown>;
const inds = sqlite.prepare('SELECT * FROM indicator').all() as Row[];
const byInd = <T extends Row>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = r.indicator_id as string;
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  }
  return m;
};
const targets = byInd(sqlite.prepare('SELECT * FROM target').all() as Row[]);
const measurements = byInd(sqlite.prepare('SELECT * FROM measurement').all() as Row[]);
const rule = time('Status rule only (evaluate(), rows in memory)', 5, () => {
  let n = 0;
  for (const r of inds) {
    const ts: TargetRevision[] = (targets.get(r.id as string) ?? []).map((x) => ({
      id: x.id as string,
      periodStart: x.period_start as string,
      periodEnd: x.period_end as string,
      periodKind: x.period_kind as 'schooljaar',
      schoolYear: x.school_year as string,
      spec: x.kind === 'bereik' ? { kind: 'bereik', min: x.min as number, max: x.max as number } : { kind: 'exact', value: x.value as number },
      supersedesId: null,
      reason: '',
      decisionDate: null,
      createdAt: at,
    }));
    const ms: MeasurementValue[] = (measurements.get(r.id as string) ?? []).map((x) => ({
      id: x.id as string,
      date: x.date as string,
      period: { kind: x.period_kind as 'schooljaar', start: x.period_start as string, end: x.period_end as string },
      value: x.value as number | null,
      numerator: x.numerator as number | null,
      denominator: x.denominator as number | null,
      categories: null,
      status: x.status as 'definitief',
      recordedAt: x.recorded_at as string,
    }));
    const e = evaluate({ direction: r.direction as 'hoger', aggregation: r.aggregation as 'niveau', baseline: { value: r.baseline_value as number, date: r.baseline_date as string }, targets: ts, measurements: ms }, '2028-06-30');
    if (e.status === 'behaald') n++;
  }
  return n;
});

async function main() {
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
let statuses: Record<string, number> = {};
const full = await timeAsync('programmeResults(): Kysely read + views + statuses + attention list (what the Resultaten screen and the CLI use)', 3, async () => {
  const r = await programmeResults(db, programmeId);
  statuses = r!.counts;
  return r;
});
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

const mem = process.memoryUsage();
const out = {
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  rows: counts,
  seedMs: Math.round(tSeed),
  timings: [raw, rule, full].map((x) => ({ label: x.label, ms: Math.round(x.ms) })),
  ratioFullToRaw: Math.round((full.ms / raw.ms) * 10) / 10,
  statuses,
  rssMb: Math.round(mem.rss / 1e6),
};
console.log(JSON.stringify(out, null, 2));
}

void main();
