/**
 * Bench (c): the money overviews over 40 regions' worth of data in one workspace: one programme,
 * 400 measures, 2,000 activities, 8 calendar years, 5 budget lines per activity and year (80,000
 * lines) and 2 spend entries per line (160,000 rows). Timed in-process on the core's own query
 * functions (what the screens and the CLI call):
 *   (1) budget.overview: every rollup (matrix measure x year, by source, category, partner,
 *       co-financing, per participant, vrijval) plus the rule checks;
 *   (2) the drill-down of one matrix cell (spend.list for measure + year).
 * References: a raw SQLite aggregate over the same rows (measure x year: planned and realised in
 * one GROUP BY) and a raw SELECT of the same cell's entries. Runs alternate; one warm-up each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createWorkspaceFile } from '../electron/core/db/workspace-file';
import { budgetOverview, listSpend } from '../electron/core/db/queries/budget';
import { EXAMPLE_REGION } from '../shared/regions';
import { FUNDING_SOURCES, SPENDING_CATEGORIES } from '../shared/budget/model';
import { report, row, timed } from './util';

const RUNS = Number(process.env.BENCH_RUNS_BUDGET ?? 5);
const MEASURES = 400;
const ACTIVITIES_PER_MEASURE = 5;
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031];
const LINES_PER_ACTIVITY_YEAR = 5;
const SPEND_PER_LINE = 2;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-bench-budget-'));
  const ws = createWorkspaceFile(path.join(dir, 'groot.regieboek'), EXAMPLE_REGION);
  try {
    const s = ws.sqlite;
    const at = new Date().toISOString();
    const programmeId = randomUUID();
    let lineCount = 0;
    let spendCount = 0;
    let firstMeasure = '';
    const t0 = performance.now();
    s.transaction(() => {
      s.prepare("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES (?, 'Groot programma', '2024-01-01', '2031-12-31', 'lopend', ?, ?)").run(programmeId, at, at);
      const org = randomUUID();
      s.prepare("INSERT INTO organisation (id, name, type, created_at, updated_at) VALUES (?, 'Partner', 'mbo', ?, ?)").run(org, at, at);
      const m = s.prepare("INSERT INTO measure (id, programme_id, code, name, status, plusvoorziening, created_at, updated_at) VALUES (?, ?, ?, ?, 'lopend', ?, ?, ?)");
      const a = s.prepare("INSERT INTO activity (id, measure_id, code, name, status, planned_participants, created_at, updated_at) VALUES (?, ?, ?, ?, 'lopend', ?, ?, ?)");
      const l = s.prepare(
        'INSERT INTO budget_line (id, measure_id, activity_id, year, cost_item, kind, funding_source, category, partner_id, in_kind, planned_cents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const sp = s.prepare("INSERT INTO spend (id, budget_line_id, kind, date, year, amount_cents, description, reference, created_at, updated_at) VALUES (?, ?, 'entry', ?, ?, ?, 'Factuur', ?, ?, ?)");
      const aw = s.prepare("INSERT INTO award (id, programme_id, stream, year, amount_cents, route, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'jaarverslag', ?, ?)");
      for (const y of YEARS) for (const stream of ['ocw', 'plus', 'rmc']) aw.run(randomUUID(), programmeId, stream, y, 40 * 2_000_000_00, at, at);
      for (let mi = 0; mi < MEASURES; mi++) {
        const mid = randomUUID();
        if (!firstMeasure) firstMeasure = mid;
        m.run(mid, programmeId, `${Math.floor(mi / 10) + 1}.${(mi % 10) + 1}`, `Maatregel ${mi + 1}`, mi % 7 === 0 ? 1 : 0, at, at);
        for (let ai = 0; ai < ACTIVITIES_PER_MEASURE; ai++) {
          const aid = randomUUID();
          a.run(aid, mid, `${mi + 1}.${ai + 1}`, `Activiteit ${ai + 1}`, JSON.stringify([{ schoolYear: '2025/2026', count: 20 + ai }]), at, at);
          for (const y of YEARS)
            for (let li = 0; li < LINES_PER_ACTIVITY_YEAR; li++) {
              const lid = randomUUID();
              const n = lineCount++;
              const source = FUNDING_SOURCES[n % FUNDING_SOURCES.length]!;
              const cofin = source.startsWith('cofin');
              l.run(lid, mid, aid, y, `Kostenpost ${li + 1}`, 'personeel', source, SPENDING_CATEGORIES[n % 6]!, cofin ? org : null, cofin ? 1 : 0, 1_000_000 + (n % 997) * 100, at, at);
              for (let k = 0; k < SPEND_PER_LINE; k++) {
                sp.run(randomUUID(), lid, `${y}-0${k + 3}-15`, y, 400_000 + ((n * 31 + k) % 1009) * 37, `F${n}-${k}`, at, at);
                spendCount++;
              }
            }
        }
      }
    })();
    s.pragma('optimize');
    process.stderr.write(`  ${lineCount} begrotingsregels, ${spendCount} bestedingen geladen in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const raw = s.prepare(
      `SELECT bl.measure_id, bl.year, sum(bl.planned_cents) AS planned, sum(coalesce(x.r, 0)) AS realised
         FROM budget_line bl JOIN measure m ON m.id = bl.measure_id
         LEFT JOIN (SELECT budget_line_id, sum(amount_cents) AS r FROM spend WHERE deleted_at IS NULL GROUP BY budget_line_id) x ON x.budget_line_id = bl.id
        WHERE m.programme_id = ? AND bl.deleted_at IS NULL AND m.deleted_at IS NULL
        GROUP BY bl.measure_id, bl.year`,
    );
    const rawCell = s.prepare(
      `SELECT s.* FROM spend s JOIN budget_line bl ON bl.id = s.budget_line_id
        WHERE bl.measure_id = ? AND bl.year = ? AND s.deleted_at IS NULL AND bl.deleted_at IS NULL ORDER BY s.date`,
    );

    // Same totals both ways, to the cent.
    const o = (await budgetOverview(ws.db, programmeId))!;
    const rows = raw.all(programmeId) as { planned: number; realised: number }[];
    const rawTotal = rows.reduce((acc, r) => ({ p: acc.p + r.planned, r: acc.r + r.realised }), { p: 0, r: 0 });
    if (o.total.plannedCents !== rawTotal.p || o.total.realisedCents !== rawTotal.r || o.total.lineCount !== lineCount)
      throw new Error(`Totalen verschillen: ${JSON.stringify(o.total)} tegen ${JSON.stringify(rawTotal)}`);
    const cell = await listSpend(ws.db, { programmeId, measureId: firstMeasure, year: 2026 });
    if (cell.length !== (rawCell.all(firstMeasure, 2026) as unknown[]).length) throw new Error('Drill-down telt anders dan de ruwe query');

    const ovMs: number[] = [];
    const rawMs: number[] = [];
    const cellMs: number[] = [];
    const rawCellMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ovMs.push((await timed(() => budgetOverview(ws.db, programmeId)))[0]);
      rawMs.push((await timed(async () => raw.all(programmeId)))[0]);
      cellMs.push((await timed(() => listSpend(ws.db, { programmeId, measureId: firstMeasure, year: 2026 })))[0]);
      rawCellMs.push((await timed(async () => rawCell.all(firstMeasure, 2026)))[0]);
    }
    report([
      row('budget', `overzicht + controles (${lineCount} regels, ${spendCount} bestedingen)`, ovMs, { what: 'ruwe SQLite-aggregatie maatregel × jaar', samples: rawMs }),
      row('budget', `drill-down één cel (${cell.length} bestedingen)`, cellMs, { what: 'ruwe SELECT van dezelfde bestedingen', samples: rawCellMs }),
    ]);
  } finally {
    await ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
