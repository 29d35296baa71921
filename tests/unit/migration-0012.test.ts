import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

describe('migration 0012: covering indexes for the budget overview', () => {
  it('keeps the data, and the overview rollup reads lines and spend sums from the indexes alone', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 11)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const tables = ['budget_line', 'spend'];
    const before = tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all());

    expect(migrate(db, 12)).toEqual([12]);
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    // The line facts of one measure and the realised sum of one line: no table row read for either.
    expect(plan("SELECT id, year, funding_source, category, partner_id, in_kind, management, planned_cents, activity_id FROM budget_line WHERE measure_id = 'm' AND deleted_at IS NULL")).toContain(
      'USING COVERING INDEX budget_line_facts',
    );
    expect(plan("SELECT sum(amount_cents) FROM spend WHERE budget_line_id = 'l' AND deleted_at IS NULL")).toContain('USING COVERING INDEX spend_sum_by_line');
    db.close();
  });
});
