import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

const now = '2026-01-01T00:00:00.000Z';

function upToTree() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 2);
  db.prepare("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES ('p1', 'Programma', '2024-08-01', '2028-07-31', 'lopend', ?, ?)").run(now, now);
  db.prepare("INSERT INTO measure (id, programme_id, code, name, status, created_at, updated_at) VALUES ('m1', 'p1', '1', 'Maatregel', 'lopend', ?, ?)").run(now, now);
  db.prepare("INSERT INTO activity (id, measure_id, code, name, status, created_at, updated_at) VALUES ('a1', 'm1', '1.1', 'Activiteit', 'lopend', ?, ?)").run(now, now);
  return db;
}

describe('migration 0004: targets and results', () => {
  it('takes a database with a programme tree to version 4; the new tables keep their rules', () => {
    const db = upToTree();
    expect(migrate(db, 4)).toContain(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT name FROM activity').get()).toEqual({ name: 'Activiteit' });

    const ind = db.prepare(
      "INSERT INTO indicator (id, activity_id, measure_id, name, unit, direction, aggregation, moment_kind, baseline_value, created_at, updated_at) VALUES (?, ?, ?, 'VSV', ?, 'lager', 'niveau', 'jaarlijks', ?, ?, ?)",
    );
    ind.run('i1', 'a1', null, 'percentage', 2.0, now, now);
    // On an activity or a measure, never both or neither; percentages 0-100; known units only; existing activities only.
    expect(() => ind.run('i2', 'a1', 'm1', 'aantal', null, now, now)).toThrow(/CHECK/);
    expect(() => ind.run('i3', null, null, 'aantal', null, now, now)).toThrow(/CHECK/);
    expect(() => ind.run('i4', 'a1', null, 'percentage', 120, now, now)).toThrow(/CHECK/);
    expect(() => ind.run('i5', 'a1', null, 'liters', null, now, now)).toThrow(/CHECK/);
    expect(() => ind.run('i6', 'nope', null, 'aantal', null, now, now)).toThrow(/FOREIGN KEY/);

    const target = db.prepare(
      "INSERT INTO target (id, indicator_id, school_year, period_start, period_end, kind, value, min, max, percent, supersedes_id, reason, created_at, updated_at) VALUES (?, 'i1', '2025/2026', '2025-08-01', '2026-07-31', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    target.run('t1', 'exact', 1.8, null, null, null, null, '', now, now);
    target.run('t2', 'exact', 1.7, null, null, null, 't1', 'Stuurgroep 10-12-2025', now, now);
    expect(() => target.run('t3', 'bereik', null, 70, 40, null, null, '', now, now)).toThrow(/CHECK/);
    expect(() => target.run('t4', 'relatief', null, null, null, null, null, '', now, now)).toThrow(/CHECK/);
    // A revision without a reason is refused.
    expect(() => target.run('t5', 'exact', 1.6, null, null, null, 't2', ' ', now, now)).toThrow(/CHECK/);

    const meas = db.prepare(
      "INSERT INTO measurement (id, indicator_id, date, school_year, value, numerator, denominator, categories, status, recorded_at, created_at, updated_at) VALUES (?, 'i1', '2025-10-01', '2025/2026', ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    meas.run('v1', 1.9, null, null, null, 'voorlopig', now, now, now);
    meas.run('v2', null, 18, 1000, null, 'definitief', now, now, now);
    expect(() => meas.run('v3', null, 20, 10, null, 'definitief', now, now, now)).toThrow(/CHECK/);
    expect(() => meas.run('v4', null, null, null, null, 'definitief', now, now, now)).toThrow(/CHECK/);
    expect(() => meas.run('v5', 'veel', null, null, null, 'definitief', now, now, now)).toThrow();
    expect(() => meas.run('v6', 1, null, null, null, 'misschien', now, now, now)).toThrow(/CHECK/);

    const fig = db.prepare(
      "INSERT INTO region_figure (id, school_year, onderwijssoort, students, leavers, percentage, status, created_at, updated_at) VALUES (?, '2024/2025', ?, ?, ?, ?, 'voorlopig', ?, ?)",
    );
    fig.run('f1', 'mbo2', 4210, 333, 7.9, now, now);
    expect(() => fig.run('f2', 'mbo2', 10, 11, 110, now, now)).toThrow(/CHECK/);
    expect(() => fig.run('f3', 'hbo', 10, 1, 10, now, now)).toThrow(/CHECK/);

    const settings = db.prepare("INSERT INTO result_settings (id, programme_id, on_track_margin, attention_margin, created_at, updated_at) VALUES (?, 'p1', ?, ?, ?, ?)");
    expect(() => settings.run('s0', 30, 20, now, now)).toThrow(/CHECK/);
    settings.run('s1', 10, 25, now, now);
    expect(() => settings.run('s2', 10, 25, now, now)).toThrow(/UNIQUE/);
  });
});
