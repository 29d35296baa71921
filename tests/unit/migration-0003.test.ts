import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-01-01T00:00:00.000Z';

describe('migration 0003: money', () => {
  it('takes a version-2 database with a measure to version 3 and the money tables hold their rules', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 2)).toEqual([1, 2]);
    db.prepare("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES ('p1', 'Programma', '2024-08-01', '2028-07-31', 'lopend', ?, ?)").run(now, now);
    db.prepare("INSERT INTO measure (id, programme_id, code, name, status, created_at, updated_at) VALUES ('m1', 'p1', '1', 'Verzuim', 'lopend', ?, ?)").run(now, now);

    expect(migrate(db, 3)).toEqual([3]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);

    db.prepare("INSERT INTO award (id, programme_id, stream, year, amount_cents, route, payment_dates, created_at, updated_at) VALUES ('a1', 'p1', 'ocw', 2026, 100000000, 'jaarverslag', '[\"2026-03-01\"]', ?, ?)").run(now, now);
    const line = db.prepare(
      "INSERT INTO budget_line (id, measure_id, year, cost_item, kind, funding_source, category, planned_cents, created_at, updated_at) VALUES (?, 'm1', 2026, ?, 'personeel', ?, ?, ?, ?, ?)",
    );
    line.run('l1', 'Coördinator 0,4 fte', 'ocw', 'A', 2_000_000, now, now);
    line.run('l2', 'Inzet reserve', 'ocw', 'G', -500_000, now, now); // a reserve used: negative, category G only
    const spend = db.prepare("INSERT INTO spend (id, budget_line_id, kind, date, year, amount_cents, created_at, updated_at) VALUES (?, 'l1', ?, ?, ?, ?, ?, ?)");
    spend.run('s1', 'entry', '2026-02-01', 2026, 123_456, now, now);
    spend.run('s2', 'year_total', null, 2026, 1_000_000, now, now);
    spend.run('s3', 'correction', '2026-03-01', 2026, -456, now, now);

    expect(db.prepare("SELECT sum(amount_cents) AS s FROM spend WHERE budget_line_id = 'l1'").get()).toEqual({ s: 1_123_000 });

    // Constraints: negative planned outside G, an unknown source, a year total with a date, an entry without,
    // a date in another year than the row's year, text where cents belong, a dangling measure.
    expect(() => line.run('l3', 'X', 'ocw', 'C', -1, now, now)).toThrow(/CHECK/);
    expect(() => line.run('l4', 'X', 'bank', 'C', 1, now, now)).toThrow(/CHECK/);
    expect(() => line.run('l5', '  ', 'ocw', 'C', 1, now, now)).toThrow(/CHECK/);
    expect(() => spend.run('s4', 'year_total', '2026-01-01', 2026, 1, now, now)).toThrow(/CHECK/);
    expect(() => spend.run('s5', 'entry', null, 2026, 1, now, now)).toThrow(/CHECK/);
    expect(() => spend.run('s6', 'entry', '2027-01-01', 2026, 1, now, now)).toThrow(/CHECK/);
    expect(() => spend.run('s7', 'entry', '2026-01-01', 2026, 'veel', now, now)).toThrow();
    expect(() =>
      db.prepare("INSERT INTO budget_line (id, measure_id, year, cost_item, kind, funding_source, category, planned_cents, created_at, updated_at) VALUES ('l6', 'nope', 2026, 'X', 'overig', 'ocw', 'C', 1, ?, ?)").run(now, now),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO award (id, programme_id, stream, year, amount_cents, route, created_at, updated_at) VALUES ('a2', 'p1', 'ocw', 2026, -1, 'sisa', ?, ?)").run(now, now)).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO budget_rules (id, management_max_pct, management_max_cents, plus_min_pct, check_awards, created_at, updated_at) VALUES ('p1', 101, 0, 75, 1, ?, ?)").run(now, now),
    ).toThrow(/CHECK/);
  });

  it('answers the overview aggregate from the indexes', () => {
    const db = new Database(':memory:');
    // This migration's own index; from 0012 on the covering spend_sum_by_line serves the same query.
    migrate(db, 3);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT budget_line_id, sum(amount_cents) FROM spend WHERE budget_line_id = 'x' AND deleted_at IS NULL GROUP BY budget_line_id")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/spend_by_line/);
  });
});
