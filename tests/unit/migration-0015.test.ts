import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { insertBare } from './memory-db';

describe('migration 0015: participants reached', () => {
  it('keeps the data, starts empty, and a change to a measurement deletes its indicator\'s kept outcome (and no other)', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 14)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const before = ['indicator', 'measurement'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db, 15)).toEqual([15]);
    expect(['indicator', 'measurement'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM participants_reached').get()).toEqual({ n: 0 });
    const keep = (id: string) => db.prepare("INSERT OR REPLACE INTO participants_reached VALUES (?, '[]')").run(id);
    const kept = () => (db.prepare('SELECT indicator_id AS id FROM participants_reached ORDER BY 1').all() as { id: string }[]).map((r) => r.id);
    db.pragma('foreign_keys = OFF');
    db.pragma('ignore_check_constraints = ON');
    const insert = (table: string, values: Record<string, string>) => insertBare(db, table, values);
    keep('i1');
    keep('i2');
    insert('measurement', { id: 'x', indicator_id: 'i1' });
    expect(kept()).toEqual(['i2']);
    keep('i1');
    db.prepare("UPDATE measurement SET deleted_at = 't' WHERE id = 'x'").run();
    expect(kept()).toEqual(['i2']);
    keep('i1');
    db.prepare("DELETE FROM measurement WHERE id = 'x'").run();
    expect(kept()).toEqual(['i2']);
    keep('i1');
    insert('indicator', { id: 'i2' });
    db.prepare("DELETE FROM indicator WHERE id = 'i2'").run();
    expect(kept()).toEqual(['i1']);
    db.close();
  });
});
