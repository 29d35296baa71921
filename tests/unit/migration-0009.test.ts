import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

describe('migration 0009: DUO import (empty counts, remembered mappings)', () => {
  it('keeps every region figure as it was, lets a suppressed count be empty but never negative, and adds the mapping table', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const now = '2026-01-01T00:00:00.000Z';
    const ins = db.prepare(
      'INSERT INTO region_figure (id, school_year, onderwijssoort, students, leavers, percentage, national_norm, status, definition_version, source, created_at, updated_at, deleted_at, deleted_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    ins.run('f1', '2016/2017', 'mbo2', 3334, 65, 1.95, 5.1, 'voorlopig', '2017', 'Handmatig', now, now, null, null);
    ins.run('f2', '2015/2016', 'mbo1', 400, 40, 10, null, 'definitief', '', '', now, now, now, 3);
    // Before: an empty count is refused.
    expect(() => ins.run('f3', '2016/2017', 'mbo1', null, null, null, null, 'definitief', '', '', now, now, null, null)).toThrow(/NOT NULL/);
    const before = db.prepare('SELECT * FROM region_figure ORDER BY id').all();

    expect(migrate(db, 9)).toEqual([9]);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT * FROM region_figure ORDER BY id').all()).toEqual(before);
    // After: empty is allowed (DUO suppressed it), negative and more leavers than students are not.
    ins.run('f3', '2016/2017', 'mbo1', null, null, 9.5, null, 'definitief', '', 'DUO', now, now, null, null);
    expect(db.prepare("SELECT students, leavers, percentage FROM region_figure WHERE id = 'f3'").get()).toEqual({ students: null, leavers: null, percentage: 9.5 });
    expect(() => ins.run('f4', '2016/2017', 'mbo2', -1, 0, null, null, 'definitief', '', '', now, now, null, null)).toThrow(/CHECK/);
    expect(() => ins.run('f5', '2016/2017', 'mbo2', 10, 11, null, null, 'definitief', '', '', now, now, null, null)).toThrow(/CHECK/);
    expect(() => ins.run('f6', '2016/2017', 'mbo9', 10, 1, null, null, 'definitief', '', '', now, now, null, null)).toThrow(/CHECK/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'region_figure' AND name NOT LIKE 'sqlite_%'").all()).toEqual([{ name: 'region_figure_by_year' }]);

    db.prepare("INSERT INTO duo_mapping (header_key, headers, mapping, updated_at) VALUES ('k', '[\"Leerlingen\"]', '{\"students\":\"Leerlingen\"}', ?)").run(now);
    expect(() => db.prepare("INSERT INTO duo_mapping (header_key, headers, mapping, updated_at) VALUES ('k2', '[]', 'geen json', ?)").run(now)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO duo_mapping (header_key, headers, mapping, updated_at) VALUES ('k', '[]', '{}', ?)").run(now)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
