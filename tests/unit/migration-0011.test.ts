import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';

describe('migration 0011: the search index (FTS5)', () => {
  it('indexes the live records already there, leaves trashed ones out, and follows every later insert, update and delete', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const now = '2026-01-01T00:00:00.000Z';
    const org = db.prepare("INSERT INTO organisation (id, name, type, place, notes, created_at, updated_at, deleted_at) VALUES (?, ?, 'vo', ?, ?, ?, ?, ?)");
    org.run('o1', 'Lyceum Zuid', 'Almelo', 'Gesprekken over schoolverzuim', now, now, null);
    org.run('o2', 'College Noord', 'Hengelo', 'In de prullenbak', now, now, now);
    const before = db.prepare('SELECT * FROM organisation ORDER BY id').all();

    expect(migrate(db, 11)).toEqual([11]);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT * FROM organisation ORDER BY id').all()).toEqual(before);
    const find = (q: string) => (db.prepare('SELECT d.kind, d.rec_id AS id FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH ? ORDER BY d.rec_id').all(q) as { kind: string; id: string }[]).map((r) => `${r.kind}:${r.id}`);
    expect(find('schoolverzuim')).toEqual(['organisation:o1']);
    expect(find('prullenbak')).toEqual([]);
    expect(find('"almel"*')).toEqual(['organisation:o1']);

    org.run('o3', 'Vakcollege Oost', 'Enschede', 'Coördinatie stages', now, now, null);
    expect(find('coordinatie')).toEqual(['organisation:o3']);
    db.prepare("UPDATE organisation SET notes = 'Nieuwe afspraken' WHERE id = 'o3'").run();
    expect(find('coordinatie')).toEqual([]);
    expect(find('afspraken')).toEqual(['organisation:o3']);
    db.prepare("UPDATE organisation SET deleted_at = ? WHERE id = 'o3'").run(now);
    expect(find('afspraken')).toEqual([]);
    db.prepare("UPDATE organisation SET deleted_at = NULL WHERE id IN ('o2', 'o3')").run();
    expect(find('afspraken')).toEqual(['organisation:o3']);
    expect(find('prullenbak')).toEqual(['organisation:o2']);
    db.prepare("DELETE FROM organisation WHERE id = 'o2'").run();
    expect(find('prullenbak')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM search_doc').get()).toEqual({ n: 2 });
    db.exec("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')");
    db.close();
  });
});
