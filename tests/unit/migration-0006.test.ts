import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

describe('migration 0006: the plan structure (measure shape)', () => {
  it('takes a version-5 database to 6: existing measures stay measures with activities, and only the three shapes are accepted', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 5)).toEqual([1, 2, 3, 4, 5]);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES ('p1', 'Programma', '2016-08-01', '2020-07-31', 'lopend', ?, ?)").run(now, now);
    db.prepare("INSERT INTO measure (id, programme_id, code, name, status, created_at, updated_at) VALUES ('m1', 'p1', '2a', 'Instroomloket', 'lopend', ?, ?)").run(now, now);
    db.prepare("INSERT INTO activity (id, measure_id, code, name, status, created_at, updated_at) VALUES ('a1', 'm1', '2a.1', 'Loket', 'lopend', ?, ?)").run(now, now);

    expect(migrate(db, 6)).toEqual([6]);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare("SELECT shape FROM measure WHERE id = 'm1'").get()).toEqual({ shape: 'measure' });
    expect(db.prepare("SELECT measure_id FROM activity WHERE id = 'a1'").get()).toEqual({ measure_id: 'm1' });

    db.prepare("INSERT INTO measure (id, programme_id, code, name, status, shape, created_at, updated_at) VALUES ('m2', 'p1', '1.1', 'Eén activiteit', 'lopend', 'single', ?, ?)").run(now, now);
    db.prepare("INSERT INTO measure (id, programme_id, code, name, status, shape, created_at, updated_at) VALUES ('m3', 'p1', '3.1', 'Onder de lijn', 'lopend', 'activity', ?, ?)").run(now, now);
    expect(() =>
      db.prepare("INSERT INTO measure (id, programme_id, code, name, status, shape, created_at, updated_at) VALUES ('m4', 'p1', '9', 'X', 'lopend', 'los', ?, ?)").run(now, now),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE measure SET shape = NULL WHERE id = 'm1'").run()).toThrow(/NOT NULL/);
    db.close();
  });
});
