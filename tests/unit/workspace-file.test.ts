import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createWorkspaceFile, openWorkspaceFile } from '../../electron/core/db/workspace-file';
import { LATEST_VERSION } from '../../electron/core/db/migrate';
import { listBackups } from '../../electron/core/files/backups';
import { findRegion } from '../../shared/regions';
import { sha, tempDir } from './helpers';

const region = findRegion(28)!;

describe('workspace files', () => {
  it('creates a marked, migrated workspace with its region', async () => {
    const dir = tempDir();
    const ws = createWorkspaceFile(path.join(dir, 'a.regieboek'), region);
    expect(ws.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.sqlite.prepare('SELECT name FROM region').get()).toEqual({ name: 'Haaglanden' });
    await ws.close();
    expect(fs.readdirSync(dir).filter((f) => f.includes('nieuw'))).toEqual([]);
  });

  it('refuses to overwrite an existing file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bestaat.regieboek');
    fs.writeFileSync(file, 'iets');
    expect(() => createWorkspaceFile(file, region)).toThrow(/bestaat al/);
    expect(fs.readFileSync(file, 'utf8')).toBe('iets');
  });

  const notWorkspaces: [string, (file: string) => void, RegExp][] = [
    ['a text file', (f) => fs.writeFileSync(f, 'Dit is een notitie.\n'.repeat(20)), /geen Regieboek-werkbestand \(het is geen database\)/],
    ['an empty file', (f) => fs.writeFileSync(f, ''), /geen Regieboek-werkbestand/],
    [
      "another program's database",
      (f) => {
        const db = new Database(f);
        db.exec('CREATE TABLE klanten (id INTEGER PRIMARY KEY, naam TEXT); INSERT INTO klanten (naam) VALUES (\'x\')');
        db.close();
      },
      /database van een ander programma/,
    ],
  ];

  it.each(notWorkspaces)('refuses %s and leaves it untouched', (_name, make, message) => {
    const dir = tempDir();
    const file = path.join(dir, 'bestand.regieboek');
    make(file);
    const before = sha(file);
    expect(() => openWorkspaceFile(file)).toThrow(message);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['bestand.regieboek']);
  });

  it('refuses a truncated workspace and leaves it untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'heel.regieboek');
    const ws = createWorkspaceFile(file, region);
    ws.sqlite.exec("CREATE TABLE opvulling (x TEXT); INSERT INTO opvulling SELECT hex(randomblob(2000)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 200) SELECT i FROM n);");
    await ws.close();
    const cut = path.join(dir, 'kapot.regieboek');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = sha(cut);
    expect(() => openWorkspaceFile(cut)).toThrow(/beschadigd of onvolledig/);
    expect(sha(cut)).toBe(before);
  });

  it('refuses a workspace from a newer version with a clear message', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'nieuw.regieboek');
    const ws = createWorkspaceFile(file, region);
    ws.sqlite.pragma(`user_version = ${LATEST_VERSION + 5}`);
    await ws.close();
    const before = sha(file);
    expect(() => openWorkspaceFile(file)).toThrow(/nieuwere versie van Regieboek/);
    expect(sha(file)).toBe(before);
  });

  it('copies an older workspace before migrating it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oud.regieboek');
    // A workspace as version 0 would have left it: marked, but no tables yet.
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE placeholder (x INTEGER)');
    db.close();
    const root = path.join(dir, 'reservekopieen');
    const ws = openWorkspaceFile(file, { backupsRoot: root });
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    await ws.close();
    const backups = listBackups(root, file);
    expect(backups.map((b) => b.reason)).toEqual(['migratie']);
    expect(backups[0]!.schemaVersion).toBe(0);
    const copy = new Database(backups[0]!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(0);
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    copy.close();
  });
});
