import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { LATEST_VERSION } from '../../electron/core/db/migrations';

describe('migration 0002: the programme tree', () => {
  it('takes a version-1 database with a programme to version 2 and the new tables work', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 1)).toEqual([1]);
    db.prepare(
      "INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES ('p1', 'Oud programma', '2020-08-01', '2024-07-31', 'afgerond', 'x', 'x')",
    ).run();

    expect(migrate(db, 2)).toEqual([2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);

    // The existing programme survived and got the two partner-role columns, empty.
    expect(db.prepare('SELECT name, contact_school_id FROM programme').get()).toEqual({ name: 'Oud programma', contact_school_id: null });

    const now = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO organisation (id, name, type, created_at, updated_at) VALUES ('o1', 'Voorbeeld College', 'mbo', ?, ?)").run(now, now);
    db.prepare("INSERT INTO programme_line (id, programme_id, code, name, created_at, updated_at) VALUES ('l1', 'p1', '2', 'Overstap', ?, ?)").run(now, now);
    db.prepare(
      "INSERT INTO measure (id, programme_id, line_id, code, name, status, lead_organisation_id, executor_ids, created_at, updated_at) VALUES ('m1', 'p1', 'l1', '2.2', 'Warme overdracht', 'lopend', 'o1', '[\"o1\"]', ?, ?)",
    ).run(now, now);
    db.prepare("INSERT INTO activity (id, measure_id, code, name, status, start_date, end_date, created_at, updated_at) VALUES ('a1', 'm1', '2.2.1', 'Dossier', 'lopend', '2025-08-01', '2026-07-31', ?, ?)").run(now, now);
    db.prepare("INSERT INTO sub_activity (id, activity_id, number, name, created_at, updated_at) VALUES ('s1', 'a1', '1', 'Pilot', ?, ?)").run(now, now);

    const row = db
      .prepare('SELECT a.code, m.code AS measure, l.name AS line, (SELECT count(*) FROM sub_activity WHERE activity_id = a.id) AS subs FROM activity a JOIN measure m ON m.id = a.measure_id JOIN programme_line l ON l.id = m.line_id')
      .get();
    expect(row).toEqual({ code: '2.2.1', measure: '2.2', line: 'Overstap', subs: 1 });

    // The constraints hold: end before start, an unknown organisation type, a dangling parent, bad JSON.
    expect(() =>
      db.prepare("INSERT INTO activity (id, measure_id, name, status, start_date, end_date, created_at, updated_at) VALUES ('a2', 'm1', 'X', 'lopend', '2026-01-01', '2025-01-01', ?, ?)").run(now, now),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO organisation (id, name, type, created_at, updated_at) VALUES ('o2', 'X', 'bank', ?, ?)").run(now, now)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO activity (id, measure_id, name, status, created_at, updated_at) VALUES ('a3', 'nope', 'X', 'lopend', ?, ?)").run(now, now)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO measure (id, programme_id, name, status, target_groups, created_at, updated_at) VALUES ('m2', 'p1', 'X', 'lopend', 'niet json', ?, ?)").run(now, now)).toThrow(/CHECK/);
    // STRICT: text in an integer column is refused.
    expect(() => db.prepare("UPDATE measure SET plusvoorziening = 'ja' WHERE id = 'm1'").run()).toThrow();
    db.close();
  });
});
