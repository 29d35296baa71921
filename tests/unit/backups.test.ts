import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWorkspaceFile, openReadView } from '../../electron/core/db/workspace-file';
import { BACKUP_POLICY, deleteBackup, listAllBackups, listBackups, makeBackup, rotateBackups, workspaceFolder } from '../../electron/core/files/backups';
import { snapshotTo } from '../../electron/core/files/snapshot';
import { EXAMPLE_REGION, findRegion } from '../../shared/regions';
import { cli, makeCore, programmeInput, sha, tempDir, skipBecause } from './helpers';
import { tmpfs } from './mounts';

const region = findRegion(12)!;
const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('a backup is a consistent snapshot', () => {
  it('taken while another process writes: opens, passes integrity_check and holds every write committed before it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'druk.regieboek');
    await createWorkspaceFile(file, region, {}, { backupsRoot: path.join(dir, 'rk') }).close();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../fixtures/writer.ts'), dir, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let committed = 0;
    let buffer = '';
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      for (const m of buffer.matchAll(/committed (\d+)\n/g)) committed = Math.max(committed, Number(m[1]));
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
    try {
      await new Promise<void>((resolve) => {
        const tick = setInterval(() => committed >= 40 && (clearInterval(tick), resolve()), 10);
      });
      const root = path.join(dir, 'rk');
      const results: { before: number; held: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const before = committed;
        const view = openReadView(file); // a connection of its own, as the app's would be
        let b;
        try {
          b = makeBackup(root, view.sqlite, file, 'handmatig');
        } finally {
          view.close();
        }
        const copy = new Database(b.file, { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const held = (copy.prepare('SELECT count(*) AS n FROM programme').get() as { n: number }).n;
        // consistent: every programme with exactly its own change set, nothing half
        expect((copy.prepare("SELECT count(*) AS n FROM change WHERE entity = 'programme' AND op = 'create'").get() as { n: number }).n).toBe(held);
        expect((copy.prepare('SELECT count(*) AS n FROM change_set').get() as { n: number }).n).toBe(held);
        copy.close();
        results.push({ before, held });
        await new Promise((r) => setTimeout(r, 150)); // let the writer go on between backups
      }
      for (const r of results) expect(r.held).toBeGreaterThanOrEqual(r.before);
      expect(results[2]!.held).toBeGreaterThan(results[0]!.held); // the writer really ran meanwhile
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
  }, 60_000);
});

describe('rotation', () => {
  const day = 86_400_000;

  it('keeps 7 daily, 10 import, every migration backup of the last year, and stays under the size limit', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.regieboek');
    const ws = createWorkspaceFile(file, region, {}, { backupsRoot: path.join(dir, 'x') });
    const root = path.join(dir, 'rk');
    const start = Date.parse('2026-01-01T08:00:00Z');
    // 12 days of daily backups, 13 imports on day 12, migrations 500, 400, 200 and 10 days back.
    for (let i = 0; i < 12; i++) makeBackup(root, ws.sqlite, file, 'dagelijks', { now: new Date(start + i * day) });
    for (let i = 0; i < 13; i++) makeBackup(root, ws.sqlite, file, 'import', { now: new Date(start + 12 * day + i * 60_000) });
    const now = new Date(start + 13 * day);
    for (const back of [500, 400, 200, 10]) makeBackup(root, ws.sqlite, file, 'migratie', { now: new Date(now.getTime() - back * day) });
    rotateBackups(root, file, { now });
    const left = listBackups(root, file);
    const of = (r: string) => left.filter((b) => b.reason === r).map((b) => b.at);
    expect(of('dagelijks')).toHaveLength(7);
    expect(of('dagelijks')[0]).toBe(new Date(start + 11 * day).toISOString()); // the newest 7
    expect(of('dagelijks')[6]).toBe(new Date(start + 5 * day).toISOString());
    expect(of('import')).toHaveLength(10);
    expect(of('migratie')).toEqual([new Date(now.getTime() - 10 * day).toISOString(), new Date(now.getTime() - 200 * day).toISOString()]);
    expect(fs.readdirSync(workspaceFolder(root, file)).filter((f) => f.endsWith('.regieboek'))).toHaveLength(19);

    // Size limit: room for three backups; the oldest go, migration backups last, the newest stays.
    const size = left[0]!.size;
    const removed = rotateBackups(root, file, { now, policy: { ...BACKUP_POLICY, maxBytes: size * 3 + 10 } });
    const kept = listBackups(root, file);
    expect(kept).toHaveLength(3);
    expect(removed).toHaveLength(16);
    expect(kept.map((b) => b.reason).sort()).toEqual(['import', 'migratie', 'migratie']);
    expect(kept.find((b) => b.reason === 'import')!.at).toBe(left.find((b) => b.reason === 'import')!.at); // the newest
    await ws.close();
  });

  it('lists counts and reasons, lists across workspaces, and deletes only backup files under its root', async () => {
    const { call, app } = await makeCore();
    await call('programme.create', programmeInput());
    const b = await call('backup.create');
    expect(b).toMatchObject({ reason: 'handmatig', counts: expect.objectContaining({ programme: 1 }) });
    expect(b.size).toBe(fs.statSync(b.file).size);
    const list = await call('backup.list');
    expect(list.backups.map((x) => x.file)).toContain(b.file);
    expect(listAllBackups(app.backupsDir).map((x) => x.workspace)).toContain(app.workspace!.path);
    const outside = path.join(tempDir(), '20260101-000000-000_handmatig.regieboek');
    fs.writeFileSync(outside, 'x');
    expect(() => deleteBackup(app.backupsDir, outside)).toThrow(/bestaat niet/);
    expect(fs.existsSync(outside)).toBe(true);
    deleteBackup(app.backupsDir, b.file);
    expect(fs.existsSync(b.file)).toBe(false);
  });
});

describe('automatic backups', () => {
  it('the first open of a day makes one daily backup, the second open that day none', async () => {
    const { call, app } = await makeCore();
    const file = app.workspace!.path;
    await call('workspace.close');
    await call('workspace.open', { path: file });
    await call('workspace.close');
    await call('workspace.open', { path: file });
    expect((await call('backup.list')).backups.filter((b) => b.reason === 'dagelijks')).toHaveLength(1);
  });

  it('an applied import is preceded by a backup holding the state before it; an import that writes nothing leaves none', async () => {
    const { call, app } = await makeCore();
    await call('programme.create', programmeInput({ name: 'Voor de import' }));
    const exported = await call('exchange.export', { kind: 'workspace' });
    await call('programme.create', programmeInput({ name: 'Na de export' }));
    const file = { fileName: exported.fileName, base64: exported.base64 };
    // Same content again: unchanged rows only, nothing written, no backup kept.
    const before = (await call('backup.list')).backups.length;
    // the export lacks "Na de export": applying it writes nothing new either (it does not delete)
    const r1 = await call('exchange.apply', file);
    expect(r1.changeSetId).toBeNull();
    expect((await call('backup.list')).backups).toHaveLength(before);
    // Into a fresh workspace: the import writes, and the backup before it is empty of programmes.
    await call('workspace.create', { regionNumber: 16, fileName: 'Leeg' });
    const r2 = await call('exchange.apply', file);
    expect(r2.changeSetId).not.toBeNull();
    const imports = (await call('backup.list')).backups.filter((b) => b.reason === 'import');
    expect(imports).toHaveLength(1);
    expect(imports[0]!.counts!.programme).toBe(0);
    expect(count(app.workspace!.path, 'SELECT count(*) AS n FROM programme')).toBe(1);
  });
});

describe('restore', () => {
  it('backs up the current file first, then replaces it with the chosen backup', async () => {
    const { call, app } = await makeCore();
    await call('programme.create', programmeInput({ name: 'Eerste' }));
    const b = await call('backup.create');
    await call('programme.create', programmeInput({ name: 'Tweede' }));
    const r = await call('backup.restore', { file: b.file });
    expect(r.safety.reason).toBe('herstel');
    expect(r.safety.counts!.programme).toBe(2); // the state that was replaced is kept
    expect((await call('programme.list')).map((p) => p.name)).toEqual(['Eerste']);
    expect(r.workspace.path).toBe(app.workspace!.path);
    // the restore itself can be undone by restoring the safety backup
    await call('backup.restore', { file: r.safety.file });
    expect((await call('programme.list')).map((p) => p.name).sort()).toEqual(['Eerste', 'Tweede']);
  });

  it('refuses a file that is not one of this workspace\'s backups, and a damaged backup, changing nothing', async () => {
    const { call, fail, app } = await makeCore();
    await call('programme.create', programmeInput());
    const before = sha(app.workspace!.path);
    expect((await fail('backup.restore', { file: app.workspace!.path })).message).toMatch(/bestaat niet/);
    const b = await call('backup.create');
    fs.writeFileSync(b.file, Buffer.alloc(4096, 7));
    expect((await fail('backup.restore', { file: b.file })).message).toMatch(/beschadigd of onleesbaar/);
    expect((await call('backup.list')).backups.filter((x) => x.reason === 'herstel')).toHaveLength(0);
    expect(sha(app.workspace!.path)).toBe(before);
  });
});

describe('Opslaan als kopie', () => {
  it('reports an existing target, a missing folder and the workspace itself in Dutch, overwriting nothing', async () => {
    const { app } = await makeCore();
    const ws = app.workspace!;
    const dir = tempDir();
    const taken = path.join(dir, 'bestaat.regieboek');
    fs.writeFileSync(taken, 'van iemand anders');
    expect(() => snapshotTo(ws.sqlite, taken)).toThrow(/bestaat al.*niets overschreven/);
    expect(fs.readFileSync(taken, 'utf8')).toBe('van iemand anders');
    expect(() => snapshotTo(ws.sqlite, path.join(dir, 'nergens', 'x.regieboek'))).toThrow(/map .* bestaat niet/);
    expect(() => snapshotTo(ws.sqlite, ws.path, { sourcePath: ws.path, overwrite: true })).toThrow(/geopende werkbestand zelf/);
    expect(fs.readdirSync(dir)).toEqual(['bestaat.regieboek']);
  });

  it('reports a full disk in Dutch and leaves no partial file', async (ctx) => {
    const fs0 = tmpfs('64k');
    if ('skip' in fs0) return skipBecause(ctx, fs0.skip);
    const { app, call } = await makeCore();
    for (let i = 0; i < 20; i++) await call('programme.create', programmeInput({ name: `P${i}`, analysis: 'a'.repeat(5000) }));
    const target = path.join(fs0.dir, 'kopie.regieboek');
    expect(() => snapshotTo(app.workspace!.sqlite, target)).toThrow(/niet genoeg ruimte .*Er is niets opgeslagen/);
    expect(fs.readdirSync(fs0.dir)).toEqual([]);
  });

  it('the browser host gets the copy as a download: a complete workspace', async () => {
    const { call } = await makeCore();
    await call('programme.create', programmeInput({ name: 'In de kopie' }));
    const d = await call('backup.download');
    expect(d.fileName).toMatch(/^Test \(kopie \d\d-\d\d-\d{4}\)\.regieboek$/);
    const file = path.join(tempDir(), 'download.regieboek');
    fs.writeFileSync(file, Buffer.from(d.base64, 'base64'));
    expect(count(file, "SELECT count(*) AS n FROM programme WHERE name = 'In de kopie'")).toBe(1);
  });
});

describe('regieboek backup and backups', () => {
  it('backup makes a snapshot in the data folder or to --out (refusing an existing file); backups --json lists them', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'w.regieboek');
    const dataDir = path.join(dir, 'data');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const made = await cli('backup', '--db', db, '--data-dir', dataDir);
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toMatch(/^Reservekopie gemaakt: .*_handmatig\.regieboek \(.* (kB|MB)\)\.\n$/);
    const out = path.join(dir, 'kopie.regieboek');
    expect((await cli('backup', '--db', db, '--out', out)).code).toBe(0);
    expect(count(out, 'SELECT count(*) AS n FROM programme')).toBe(count(db, 'SELECT count(*) AS n FROM programme'));
    const again = await cli('backup', '--db', db, '--out', out);
    expect(again).toMatchObject({ code: 1 });
    expect(again.err).toMatch(/bestaat al/);
    const listed = await cli('backups', '--db', db, '--data-dir', dataDir, '--json');
    expect(listed.code).toBe(0);
    const json = JSON.parse(listed.out) as { backups: { reason: string; size: number; counts: Record<string, number> }[] };
    expect(json.backups).toHaveLength(1);
    expect(json.backups[0]).toMatchObject({ reason: 'handmatig', counts: expect.objectContaining({ programme: count(db, 'SELECT count(*) AS n FROM programme WHERE deleted_at IS NULL') }) });
  });

  it('import makes a backup first (in --data-dir) holding the state before it; an import that writes nothing keeps none', async () => {
    const dir = tempDir();
    const demo = path.join(dir, 'voorbeeld.regieboek');
    const dataDir = path.join(dir, 'data');
    await cli('demo', '--db', demo);
    const xlsx = path.join(dir, 'w.xlsx');
    expect((await cli('export', '--db', demo, '--kind', 'workspace', '--out', xlsx)).code).toBe(0);
    const target = path.join(dir, 'doel.regieboek');
    await createWorkspaceFile(target, EXAMPLE_REGION, {}, { backupsRoot: path.join(dataDir, 'x') }).close();
    const r = await cli('import', '--db', target, '--in', xlsx, '--data-dir', dataDir);
    expect(r).toMatchObject({ code: 0 });
    const root = path.join(dataDir, 'reservekopieen');
    const backups = listBackups(root, target);
    expect(backups.map((b) => b.reason)).toEqual(['import']);
    expect(backups[0]!.counts!.programme).toBe(0);
    expect(count(target, 'SELECT count(*) AS n FROM programme')).toBeGreaterThan(0);
    // the same file again changes nothing, so no second backup
    expect((await cli('import', '--db', target, '--in', xlsx, '--data-dir', dataDir)).code).toBe(0);
    expect(listBackups(root, target)).toHaveLength(1);
  });
});
