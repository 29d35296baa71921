import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../electron/core/db/workspace-file';

describe('the statement cache under Kysely', () => {
  const fresh = () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    return sqlite;
  };

  it('hands out the compiled statement again for the same SQL, and its answers follow the data', () => {
    const sqlite = fresh();
    const db = withStatementCache(sqlite);
    const read = db.prepare('SELECT v FROM t ORDER BY id');
    expect(db.prepare('SELECT v FROM t ORDER BY id')).toBe(read);
    expect(read.all()).toEqual([]);
    db.prepare('INSERT INTO t (v) VALUES (?)').run('a');
    db.prepare('INSERT INTO t (v) VALUES (?)').run('b');
    expect(db.prepare('SELECT v FROM t ORDER BY id').all()).toEqual([{ v: 'a' }, { v: 'b' }]);
    db.close();
    expect(sqlite.open).toBe(false);
  });

  it('never hands out a statement that is still iterating', () => {
    const sqlite = fresh();
    const db = withStatementCache(sqlite);
    db.prepare('INSERT INTO t (v) VALUES (?), (?)').run('a', 'b');
    const first = db.prepare('SELECT v FROM t ORDER BY id');
    const it1 = first.iterate();
    expect(it1.next().value).toEqual({ v: 'a' });
    const second = db.prepare('SELECT v FROM t ORDER BY id');
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect(it1.next().value).toEqual({ v: 'b' });
    it1.return?.();
  });

  it('keeps at most its maximum, the least recently used leaving first', () => {
    const sqlite = fresh();
    const db = withStatementCache(sqlite, 2);
    const a = db.prepare('SELECT 1');
    const b = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(a); // 1 is now the most recent
    db.prepare('SELECT 3'); // 2 leaves
    expect(db.prepare('SELECT 1')).toBe(a);
    expect(db.prepare('SELECT 2')).not.toBe(b);
  });
});
