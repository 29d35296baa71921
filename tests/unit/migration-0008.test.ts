import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-01-01T00:00:00.000Z';

/** A version-7 file with indicators, targets (one revised, one custom range) and measurements as they were stored before periods. */
function version7() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 7);
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  run("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES ('p1', 'Programma', '2016-08-01', '2020-07-31', 'lopend', ?, ?)", now, now);
  run("INSERT INTO measure (id, programme_id, code, name, status, created_at, updated_at) VALUES ('m1', 'p1', '1', 'Maatregel', 'lopend', ?, ?)", now, now);
  run("INSERT INTO activity (id, measure_id, code, name, status, created_at, updated_at) VALUES ('a1', 'm1', '1.1', 'Activiteit', 'lopend', ?, ?)", now, now);
  const ind = db.prepare(
    "INSERT INTO indicator (id, activity_id, name, unit, direction, aggregation, moment_kind, moment_dates, created_at, updated_at) VALUES (?, 'a1', ?, 'percentage', 'hoger', 'niveau', ?, ?, ?, ?)",
  );
  ind.run('i1', 'Overstappers in beeld', 'jaarlijks', '["11-01"]', now, now);
  ind.run('i2', 'Bereik per kalenderjaar', 'halfjaarlijks', '["01-31","07-31"]', now, now);
  const target = db.prepare(
    'INSERT INTO target (id, indicator_id, school_year, period_start, period_end, kind, value, supersedes_id, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, \'exact\', ?, ?, ?, ?, ?)',
  );
  target.run('t1', 'i1', '2016/2017', '2016-08-01', '2017-07-31', 97, null, '', now, now);
  target.run('t2', 'i1', '2017/2018', '2017-08-01', '2018-07-31', 98, null, '', now, now);
  // A revision: the old row stays but is no longer in force.
  target.run('t3', 'i1', '2017/2018', '2017-08-01', '2018-07-31', 97.5, 't2', 'Stuurgroep', now, now);
  // A calendar-year target and a custom range inside it; the shorter one held a date before.
  target.run('t4', 'i2', null, '2018-01-01', '2018-12-31', 50, null, '', now, now);
  target.run('t5', 'i2', null, '2018-03-01', '2018-05-31', 20, null, '', now, now);
  const meas = db.prepare(
    "INSERT INTO measurement (id, indicator_id, date, school_year, value, status, recorded_at, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, 'definitief', ?, ?, ?, ?)",
  );
  meas.run('v1', 'i1', '2017-11-01', '2017/2018', 97.2, now, now, now, null); // compared with 2017/2018 until now
  meas.run('v2', 'i1', '2016-11-01', '2016/2017', 96.0, now, now, now, '2026-01-02T00:00:00.000Z'); // in the Prullenbak
  meas.run('v3', 'i1', '2019-11-01', 'onzin', 95.0, now, now, now, null); // no target holds it; a wrong school year from an old import
  meas.run('v4', 'i2', '2018-04-15', '2017/2018', 12, now, now, now, null); // inside the custom range
  meas.run('v5', 'i2', '2018-09-30', '2018/2019', 40, now, now, now, null); // inside the calendar year only
  run("UPDATE measurement SET row_version = 3 WHERE id = 'v1'");
  // A measurement and a target removed by an undo: the history keeps the whole row, for redo.
  run("INSERT INTO change_set (id, at, user, action, label) VALUES (1, ?, 'Test', 'create', 'Meting')", now);
  const change = db.prepare("INSERT INTO change (change_set_id, entity, entity_id, op, snapshot) VALUES (1, ?, ?, 'purge', ?)");
  change.run('measurement', 'gone', JSON.stringify({ id: 'gone', indicatorId: 'i1', date: '2017-03-01', schoolYear: '2016/2017', value: 1, status: 'definitief' }));
  change.run('target', 'gone-t', JSON.stringify({ id: 'gone-t', indicatorId: 'i2', periodStart: '2019-01-01', periodEnd: '2019-06-30', kind: 'exact', value: 1 }));
  return db;
}

describe('migration 0008: reporting periods', () => {
  it('gives every existing measurement the period it was compared with until now, and keeps every value', () => {
    const db = version7();
    const before = db.prepare('SELECT id, indicator_id, date, value, status, deleted_at, recorded_at FROM measurement ORDER BY id').all();
    expect(migrate(db, 8)).toEqual([8]);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    // Nothing lost: every row, trashed ones included, with its own values.
    expect(db.prepare('SELECT id, indicator_id, date, value, status, deleted_at, recorded_at FROM measurement ORDER BY id').all()).toEqual(before);
    expect(db.prepare("SELECT row_version FROM measurement WHERE id = 'v1'").get()).toEqual({ row_version: 3 });
    // The rows in the history have their periods too, so redo puts them back whole.
    const snap = (id: string) => JSON.parse((db.prepare('SELECT snapshot FROM change WHERE entity_id = ?').get(id) as { snapshot: string }).snapshot) as Record<string, unknown>;
    expect(snap('gone')).toMatchObject({ date: '2017-03-01', periodKind: 'schooljaar', periodStart: '2016-08-01', periodEnd: '2017-07-31' });
    expect(snap('gone-t')).toMatchObject({ periodKind: 'halfjaar' });

    const periods = db.prepare('SELECT id, period_kind AS kind, period_start AS start, period_end AS end, school_year AS sy FROM measurement ORDER BY id').all();
    expect(periods).toEqual([
      // Today's rule: the target period that holds the date (here 2017/2018; the revised target's period).
      { id: 'v1', kind: 'schooljaar', start: '2017-08-01', end: '2018-07-31', sy: '2017/2018' },
      { id: 'v2', kind: 'schooljaar', start: '2016-08-01', end: '2017-07-31', sy: '2016/2017' },
      // No target holds 01-11-2019: the school year of the date; the wrong school year is repaired.
      { id: 'v3', kind: 'schooljaar', start: '2019-08-01', end: '2020-07-31', sy: '2019/2020' },
      // The shortest target holding the date, as the old rule picked it.
      { id: 'v4', kind: 'vrij', start: '2018-03-01', end: '2018-05-31', sy: '2017/2018' },
      { id: 'v5', kind: 'kalenderjaar', start: '2018-01-01', end: '2018-12-31', sy: '2018/2019' },
    ]);

    expect(db.prepare('SELECT id, period_kind AS kind FROM target ORDER BY id').all()).toEqual([
      { id: 't1', kind: 'schooljaar' },
      { id: 't2', kind: 'schooljaar' },
      { id: 't3', kind: 'schooljaar' },
      { id: 't4', kind: 'kalenderjaar' },
      { id: 't5', kind: 'vrij' },
    ]);
    // Existing moments keep reporting on the period they fall in; indicators are about school years.
    expect(db.prepare('SELECT id, period_kind AS kind, moment_periods AS mp, parent_id AS parent, phrase FROM indicator ORDER BY id').all()).toEqual([
      { id: 'i1', kind: 'schooljaar', mp: '["lopend"]', parent: null, phrase: '' },
      { id: 'i2', kind: 'schooljaar', mp: '["lopend","lopend"]', parent: null, phrase: '' },
    ]);
    db.close();
  });

  it('the new columns keep their rules', () => {
    const db = version7();
    migrate(db, 8);
    const ins = db.prepare(
      "INSERT INTO measurement (id, indicator_id, date, school_year, period_kind, period_start, period_end, value, status, recorded_at, created_at, updated_at) VALUES (?, 'i1', '2017-11-01', '2016/2017', ?, ?, ?, 1, 'definitief', ?, ?, ?)",
    );
    ins.run('n1', 'schooljaar', '2016-08-01', '2017-07-31', now, now, now);
    expect(() => ins.run('n2', 'maand', '2016-08-01', '2017-07-31', now, now, now)).toThrow(/CHECK/);
    expect(() => ins.run('n3', 'vrij', '2017-08-01', '2017-07-31', now, now, now)).toThrow(/CHECK/);
    expect(() => ins.run('n4', 'vrij', '', '', now, now, now)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO measurement (id, indicator_id, date, school_year, period_kind, period_start, period_end, numerator, status, recorded_at, created_at, updated_at) VALUES ('n5', 'i1', '2017-11-01', '2016/2017', 'vrij', '2016-08-01', '2017-07-31', 3, 'definitief', ?, ?, ?)").run(now, now, now)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO measurement (id, indicator_id, date, school_year, period_kind, period_start, period_end, value, status, recorded_at, created_at, updated_at) VALUES ('n6', 'nope', '2017-11-01', '2016/2017', 'vrij', '2016-08-01', '2017-07-31', 3, 'definitief', ?, ?, ?)").run(now, now, now)).toThrow(/FOREIGN KEY/);

    // A "waarvan" indicator points at an existing indicator, never at itself.
    db.prepare("UPDATE indicator SET parent_id = 'i1', phrase = 'met DDD' WHERE id = 'i2'").run();
    expect(() => db.prepare("UPDATE indicator SET parent_id = 'i1' WHERE id = 'i1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE indicator SET parent_id = 'nope' WHERE id = 'i1'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE indicator SET period_kind = 'maand' WHERE id = 'i1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE target SET period_kind = 'maand' WHERE id = 't1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE indicator SET moment_periods = 'geen json' WHERE id = 'i1'").run()).toThrow(/CHECK/);
    // The index on the rebuilt table is back.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'measurement' AND sql IS NOT NULL").all()).toEqual([{ name: 'measurement_by_indicator' }]);
    db.close();
  });
});
