import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

describe('migration 0010: privacy', () => {
  it('takes a version-9 database with history to version 10: confirmations by hash, change sets not erased', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    db.prepare("INSERT INTO change_set (at, user, action, label) VALUES ('2026-01-01T00:00:00.000Z', 'Test', 'create', 'Programma \"X\" aangemaakt')").run();

    expect(migrate(db, 10)).toEqual([10]);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    // Existing change sets keep their history and are not marked as erased.
    expect(db.prepare('SELECT label, erased FROM change_set').all()).toEqual([{ label: 'Programma "X" aangemaakt', erased: 0 }]);

    const key = 'a'.repeat(64);
    db.prepare("INSERT INTO privacy_confirmation (key, entity, field, confirmed_at, user) VALUES (?, 'activity', 'aim', '2026-01-01', 'Test')").run(key);
    // Refused: a key that is not a SHA-256 (so no text can be stored there), the same key twice, an unknown erased flag.
    expect(() => db.prepare("INSERT INTO privacy_confirmation (key, entity, field, confirmed_at, user) VALUES ('leerling Jan Jansen', 'activity', 'aim', 'x', 'y')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO privacy_confirmation (key, entity, field, confirmed_at, user) VALUES (?, 'activity', 'aim', 'x', 'y')").run(key)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare('UPDATE change_set SET erased = 2').run()).toThrow(/CHECK/);
    db.close();
  });
});
