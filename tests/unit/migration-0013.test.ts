import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { budgetMirrorDifferences } from '../../electron/core/db/queries/budget-mirror';
import { budgetRollupSql } from '../../electron/core/db/queries/budget';
import { kyselyFor } from '../../electron/core/db/workspace-file';
import { COFIN_SOURCES, FUNDING_SOURCES } from '../../shared/budget';

const now = '2026-01-01T00:00:00.000Z';

describe('migration 0013: the budget lines mirrored with their spend totals', () => {
  it('fills the mirror from the lines and spend already there, keeps the data, and the rollup reads one covering index', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const run = (s: string, ...p: unknown[]) => db.prepare(s).run(...p);
    run("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES ('p1', 'Programma', '2024-08-01', '2028-07-31', 'lopend', ?, ?)", now, now);
    run("INSERT INTO measure (id, programme_id, code, name, status, created_at, updated_at) VALUES ('m1', 'p1', '1', 'Maatregel', 'lopend', ?, ?)", now, now);
    run("INSERT INTO organisation (id, name, type, created_at, updated_at) VALUES ('o1', 'School', 'vo', ?, ?)", now, now);
    const line = db.prepare(
      "INSERT INTO budget_line (id, measure_id, year, cost_item, kind, funding_source, category, partner_id, in_kind, planned_cents, created_at, updated_at, deleted_at) VALUES (?, 'm1', ?, 'Post', 'overig', ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    line.run('l1', 2025, 'ocw', 'A', null, 0, 100_000, now, now, null);
    line.run('l2', 2026, 'cofin_school', 'B', 'o1', 1, 50_000, now, now, null);
    line.run('l3', 2026, 'cofin_gemeente', 'C', null, 0, 7_500, now, now, now); // in the Prullenbak
    line.run('l4', 2027, 'plus', 'G', null, 0, -2_000, now, now, null); // no spend at all
    const spend = db.prepare("INSERT INTO spend (id, budget_line_id, kind, date, year, amount_cents, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    spend.run('s1', 'l1', 'entry', '2025-03-01', 2025, 40_000, now, now, null);
    spend.run('s2', 'l1', 'correction', '2025-04-01', 2025, -1_000, now, now, null);
    spend.run('s3', 'l1', 'entry', '2025-05-01', 2025, 99_999, now, now, now); // trashed: counts nowhere
    spend.run('s4', 'l2', 'year_total', null, 2026, 60_000, now, now, null);
    spend.run('s5', 'l3', 'entry', '2026-02-01', 2026, 3_000, now, now, null);
    const tables = ['budget_line', 'spend'];
    const before = tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all());

    expect(migrate(db, 13)).toEqual([13]);
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(db.prepare('SELECT id, programme_id, measure_deleted_at, deleted_at, cofin, planned_cents, realised_cents, spend_count, year_total_count FROM budget_line_total ORDER BY id').all()).toEqual([
      { id: 'l1', programme_id: 'p1', measure_deleted_at: null, deleted_at: null, cofin: 0, planned_cents: 100_000, realised_cents: 39_000, spend_count: 2, year_total_count: 0 },
      { id: 'l2', programme_id: 'p1', measure_deleted_at: null, deleted_at: null, cofin: 1, planned_cents: 50_000, realised_cents: 60_000, spend_count: 1, year_total_count: 1 },
      { id: 'l3', programme_id: 'p1', measure_deleted_at: null, deleted_at: now, cofin: 1, planned_cents: 7_500, realised_cents: 3_000, spend_count: 1, year_total_count: 0 },
      { id: 'l4', programme_id: 'p1', measure_deleted_at: null, deleted_at: null, cofin: 0, planned_cents: -2_000, realised_cents: 0, spend_count: 0, year_total_count: 0 },
    ]);
    expect(budgetMirrorDifferences(db)).toEqual([]);

    // The triggers: a new entry, a moved entry, a trashed line, a changed source, a deleted line.
    spend.run('s6', 'l4', 'entry', '2027-01-10', 2027, 500, now, now, null);
    run("UPDATE spend SET budget_line_id = 'l4', year = 2027, date = '2027-02-01' WHERE id = 's1'");
    run("UPDATE budget_line SET deleted_at = ? WHERE id = 'l2'", now);
    run("UPDATE budget_line SET funding_source = 'cofin_gemeente', deleted_at = NULL WHERE id = 'l1'");
    run("DELETE FROM spend WHERE id = 's5'");
    run("DELETE FROM budget_line WHERE id = 'l3'");
    expect(db.prepare('SELECT id, deleted_at, cofin, realised_cents, spend_count FROM budget_line_total ORDER BY id').all()).toEqual([
      { id: 'l1', deleted_at: null, cofin: 1, realised_cents: -1_000, spend_count: 1 },
      { id: 'l2', deleted_at: now, cofin: 1, realised_cents: 60_000, spend_count: 1 },
      { id: 'l4', deleted_at: null, cofin: 0, realised_cents: 40_500, spend_count: 2 },
    ]);
    expect(budgetMirrorDifferences(db)).toEqual([]);

    // The measure's trash mark and programme follow onto its lines' rows, also when the measure comes after its lines (undo).
    run("UPDATE measure SET deleted_at = ? WHERE id = 'm1'", now);
    expect(db.prepare('SELECT DISTINCT measure_deleted_at AS d FROM budget_line_total').all()).toEqual([{ d: now }]);
    run("UPDATE measure SET deleted_at = NULL WHERE id = 'm1'");
    db.pragma('foreign_keys = OFF');
    run("DELETE FROM measure WHERE id = 'm1'");
    expect(db.prepare('SELECT DISTINCT programme_id AS p FROM budget_line_total').all()).toEqual([{ p: null }]);
    run("INSERT INTO measure (id, programme_id, code, name, status, created_at, updated_at) VALUES ('m1', 'p1', '1', 'Maatregel', 'lopend', ?, ?)", now, now);
    db.pragma('foreign_keys = ON');
    expect(db.prepare('SELECT DISTINCT programme_id AS p FROM budget_line_total').all()).toEqual([{ p: 'p1' }]);
    expect(budgetMirrorDifferences(db)).toEqual([]);

    // The SQL of the migration names the co-financing sources; a change to that list needs a new migration.
    expect(FUNDING_SOURCES.filter((s) => COFIN_SOURCES.includes(s))).toEqual(['cofin_school', 'cofin_gemeente']);

    // The overview's rollup reads the lines in the order each branch groups by: covering indexes, no sort of lines.
    const rollup = budgetRollupSql('p1').compile(kyselyFor(db));
    const detail = (db.prepare(`EXPLAIN QUERY PLAN ${rollup.sql}`).all(...(rollup.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail);
    expect(detail).toContain('SEARCH budget_line_total USING COVERING INDEX budget_line_total_by_measure (programme_id=? AND deleted_at=? AND measure_deleted_at=?)');
    expect(detail).toContain('SEARCH budget_line_total USING COVERING INDEX budget_line_total_by_source (programme_id=? AND deleted_at=? AND measure_deleted_at=?)');
    // The only sorts are of the few groups of g, never of the lines.
    expect(detail.filter((d) => d.startsWith('USE TEMP B-TREE')).length).toBe(3);
    expect(detail.filter((d) => d.startsWith('SCAN budget_line_total'))).toEqual([]);
    db.close();
  });
});
