import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { migrations, LATEST_VERSION } from '../../electron/core/db/migrations';

describe('migration 0001 foundation', () => {
  it('creates strict tables with their checks and sets user_version 1', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['meta', 'region', 'programme', 'change_set', 'change', 'trash']));
    const insert = db.prepare(
      "INSERT INTO programme (id, name, period_start, period_end, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')",
    );
    insert.run('a', 'Programma', '2026-08-01', '2029-07-31', 'lopend');
    // STRICT: no text where a number belongs; checks: period order and status list.
    expect(() => db.prepare("UPDATE programme SET requested_cents = 'veel' WHERE id = 'a'").run()).toThrow();
    expect(() => insert.run('b', 'X', '2026-08-01', '2025-07-31', 'lopend')).toThrow(/CHECK/);
    expect(() => insert.run('c', 'X', '2026-08-01', '2027-07-31', 'onbekend')).toThrow(/CHECK/);
    expect(() => insert.run('d', '  ', '2026-08-01', '2027-07-31', 'lopend')).toThrow(/CHECK/);
  });

  it('is numbered in order and runs each version once', () => {
    // Branches number their migrations ahead (results is 4 while 3 is built elsewhere): strictly increasing, starting at 1.
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions.every((v, i) => i === 0 || v > versions[i - 1]!)).toBe(true);
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('rolls a failing migration back whole', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE meta (x INTEGER)'); // makes 0001 fail half-way
    expect(() => migrate(db, 1)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['meta']);
  });
});
