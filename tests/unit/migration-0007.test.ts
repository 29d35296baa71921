import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { entities } from '../../electron/core/history/entities';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

describe('migration 0007: sessions, row versions, trash marks with their values', () => {
  it('takes a version-6 file with a trashed and a restored programme to version 7 and keeps every undo possible', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    const at = '2026-01-01T10:00:00.000Z';
    const ins = db.prepare('INSERT INTO change_set (id, at, user, action, label, undoes, undone_by) VALUES (?, ?, ?, ?, ?, ?, NULL)');
    db.prepare("INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES ('p1', 'Oud', '2024-08-01', '2028-07-31', 'lopend', ?, ?)").run(at, at);
    ins.run(1, at, 'Anna', 'create', 'aangemaakt', null);
    db.prepare(`INSERT INTO change (change_set_id, entity, entity_id, op, fields, snapshot) VALUES (1, 'programme', 'p1', 'create', '{}', '{"id":"p1"}')`).run();
    // Versions up to 6 recorded a trash mark and a restore without values.
    ins.run(2, '2026-01-02T10:00:00.000Z', 'Anna', 'delete', 'verwijderd', null);
    db.prepare(`INSERT INTO change (change_set_id, entity, entity_id, op, fields) VALUES (2, 'programme', 'p1', 'delete', '{}')`).run();
    db.prepare("INSERT INTO trash (change_set_id, entity, entity_id, label, deleted_at, restored_at) VALUES (2, 'programme', 'p1', 'Oud', '2026-01-02T10:00:00.000Z', '2026-01-03T10:00:00.000Z')").run();
    ins.run(3, '2026-01-03T10:00:00.000Z', 'Anna', 'restore', 'teruggezet', null);
    db.prepare(`INSERT INTO change (change_set_id, entity, entity_id, op, fields, snapshot) VALUES (3, 'programme', 'p1', 'restore', '{}', '{"trashedIn":2}')`).run();

    expect(migrate(db, 7)).toEqual([7]);
    expect(db.pragma('user_version', { simple: true })).toBe(7);

    expect(db.prepare("SELECT row_version FROM programme WHERE id = 'p1'").get()).toEqual({ row_version: 1 });
    expect(db.prepare('SELECT session FROM change_set WHERE id = 1').get()).toEqual({ session: null });
    const fields = (id: number) => JSON.parse((db.prepare('SELECT fields FROM change WHERE change_set_id = ?').get(id) as { fields: string }).fields) as unknown;
    expect(fields(2)).toEqual({ deletedAt: [null, '2026-01-02T10:00:00.000Z'], deletedIn: [null, 2] });
    expect(fields(3)).toEqual({ deletedAt: ['2026-01-02T10:00:00.000Z', null], deletedIn: [2, null] });
    expect(fields(1)).toEqual({});

    // Every tracked table has the version column, and it refuses nonsense.
    for (const def of Object.values(entities)) {
      const cols = (db.prepare(`PRAGMA table_info(${snake(def.table)})`).all() as { name: string; dflt_value: string | null; notnull: number }[]).find((c) => c.name === 'row_version');
      expect(cols, def.table).toMatchObject({ dflt_value: '1', notnull: 1 });
    }
    expect(() => db.prepare("UPDATE programme SET row_version = 0 WHERE id = 'p1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
