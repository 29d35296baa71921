import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { insertBare } from './memory-db';

describe('migration 0014: kept judgements of indicators', () => {
  it('keeps the data, starts empty, and its triggers delete a judgement and the programme notes when a row it was judged from changes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 13)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const tables = ['indicator', 'target', 'measurement', 'activity', 'measure'];
    const before = tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db, 14)).toEqual([14]);
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM indicator_result').get()).toEqual({ n: 0 });

    const keep = (id: string, owner: string) =>
      db.prepare("INSERT INTO indicator_result VALUES (?, ?, 'c', '2026-01-01', '2027-01-01', 'behaald', '[]', '{}', '{}')").run(id, owner);
    const note = () => db.prepare("INSERT OR REPLACE INTO indicator_result_state VALUES ('p', 'c', '2026-01-01', '2027-01-01')").run();
    const kept = () => (db.prepare('SELECT indicator_id AS id FROM indicator_result ORDER BY 1').all() as { id: string }[]).map((r) => r.id);
    const noted = () => (db.prepare('SELECT count(*) AS n FROM indicator_result_state').get() as { n: number }).n;

    // A measurement of indicator i1 deletes i1's judgement (and no other) and the programme notes.
    keep('i1', 'a1');
    keep('i2', 'a1');
    keep('deelnemers:a2', 'a2');
    note();
    // Rows go in without their parents and with the other columns blank: this checks the triggers alone.
    db.pragma('foreign_keys = OFF');
    db.pragma('ignore_check_constraints = ON');
    const insert = (table: string, values: Record<string, string>) => insertBare(db, table, values);
    insert('measurement', { id: 'x', indicator_id: 'i1' });
    expect(kept()).toEqual(['deelnemers:a2', 'i2']);
    expect(noted()).toBe(0);
    // A change to activity a2 deletes the judgements hanging on it (its participants indicator's targets live on it).
    note();
    insert('activity', { id: 'a2', measure_id: 'm' });
    expect(noted()).toBe(0);
    db.prepare("UPDATE activity SET planned_participants = '[]' WHERE id = 'a2'").run();
    expect(kept()).toEqual(['i2']);
    // The overview's reads come from the indexes alone.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT status, count(*) FROM indicator_result WHERE owner_id IN ('a', 'b') AND context = 'c' AND as_of <= 'd' AND valid_until > 'd' GROUP BY status")).toContain('COVERING INDEX indicator_result_by_owner');
    db.close();
  });
});
