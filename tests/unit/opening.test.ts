import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppState } from '../../electron/core/app-state';
import { createDispatcher } from '../../electron/core/dispatch';
import { createWorkspaceFile } from '../../electron/core/db/workspace-file';
import { hasHotJournal } from '../../electron/core/files/recovery';
import { deleteSetAside, listSetAside, workspaceFolder } from '../../electron/core/files/backups';
import { EXAMPLE_REGION, findRegion } from '../../shared/regions';
import { t } from '../../shared/i18n/nl';
import { cli, makeCore, programmeInput, sha, tempDir, skipBecause } from './helpers';
import { fillUp, readOnlyRunner, tmpfs } from './mounts';

const FIXTURES = path.join(__dirname, '../fixtures');
const DISK_FULL = 'De schijf is vol. Er is niets opgeslagen; maak ruimte vrij en probeer het opnieuw.';

/** Every table's rows, for "nothing changed". */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    return JSON.stringify(tables.map((tb) => [tb, db.prepare(`SELECT * FROM "${tb}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

describe('a file left with a hot journal (a write cut off halfway)', () => {
  it('check says "In orde" without touching it; opening rolls the write back after setting file and journal aside', async () => {
    const { call, app } = await makeCore();
    for (let i = 0; i < 30; i++) await call('programme.create', programmeInput({ name: `Programma ${i}`, analysis: 'y'.repeat(2000) }));
    const file = app.workspace!.path;
    await call('workspace.close');
    const killed = spawnSync(process.execPath, ['--import', 'tsx', path.join(FIXTURES, 'hot-journal.ts'), file]);
    expect(killed.signal).toBe('SIGKILL');
    expect(hasHotJournal(file)).toBe(true);
    // The finding: a read-only connection cannot roll the journal back, and was taken for damage.
    expect(() => {
      const ro = new Database(file, { readonly: true });
      try {
        ro.prepare('SELECT count(*) FROM programme').get();
      } finally {
        ro.close();
      }
    }).toThrow(/readonly database/);

    const before = { file: sha(file), journal: sha(file + '-journal') };
    const checked = await cli('check', '--db', file);
    expect(checked).toMatchObject({ code: 0, err: '' });
    expect(checked.out).toMatch(/^In orde: /);
    expect(checked.out).toMatch(/onderbroken schrijfactie/);
    expect({ file: sha(file), journal: sha(file + '-journal') }).toEqual(before); // check only reads

    const ws = await call('workspace.open', { path: file });
    expect(ws).toMatchObject({ recovered: true, readOnly: null });
    const names = (await call('programme.list')).map((p) => p.name);
    expect(names).toHaveLength(30);
    expect(names).not.toContain('HALF GESCHREVEN');
    const aside = listSetAside(app.backupsDir, file);
    expect(aside).toHaveLength(1);
    expect(path.dirname(aside[0]!)).toBe(workspaceFolder(app.backupsDir, file));
    const kept = fs.readdirSync(aside[0]!);
    expect(kept.sort()).toEqual([path.basename(file), path.basename(file) + '-journal']);
    // The privacy tools can remove them (they hold the workspace's data); nothing outside the root.
    expect(() => deleteSetAside(app.backupsDir, path.dirname(file))).toThrow(/bestaat niet/);
    expect(fs.existsSync(file)).toBe(true);
    await call('workspace.close');

    const again = await cli('check', '--db', file);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^In orde: /);
    expect(again.out).not.toMatch(/onderbroken/);
    deleteSetAside(app.backupsDir, aside[0]!);
    expect(listSetAside(app.backupsDir, file)).toEqual([]);
  }, 30_000);

  it('"beschadigd" stays for a file whose integrity check really fails', async () => {
    const { call, app } = await makeCore();
    for (let i = 0; i < 40; i++) await call('programme.create', programmeInput({ name: `P${i}`, analysis: 'z'.repeat(3000) }));
    const file = app.workspace!.path;
    await call('workspace.close');
    // Overwrite a page in the middle with garbage (a bad sector, a broken copy).
    const bytes = fs.readFileSync(file);
    const page = 4096;
    bytes.fill(0x55, page * 6, page * 8);
    fs.writeFileSync(file, bytes);
    const checked = await cli('check', '--db', file);
    expect(checked.code).toBe(1);
    expect(checked.err).toMatch(/Integriteitscontrole mislukt/);
    const r = await makeCore({ workspace: false });
    expect((await r.fail('workspace.open', { path: file })).message).toMatch(/beschadigd of onvolledig/);
  });
});

describe('a failed creation leaves nothing behind', () => {
  /** Starts a creation in a child process and kills it `delay` ms after it said "start"; resolves with how long it ran. */
  function killDuring(dataDir: string, kind: 'create' | 'example', delay: number): Promise<{ killed: boolean; ms: number }> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(FIXTURES, 'create-workspace.ts'), dataDir, kind], { stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve) => {
      let out = '';
      let started = 0;
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('start') && !started) {
          started = performance.now();
          setTimeout(() => child.kill('SIGKILL'), delay);
        }
      });
      child.once('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', ms: performance.now() - started }));
    });
  }

  it('kills at many moments of creating a workspace and the example: afterwards either no workspace or a complete one, and no temporary file', async () => {
    // References: one creation of each kind that runs to the end, to know how long one takes.
    const refs = { example: tempDir(), create: tempDir() };
    const [example, create] = await Promise.all([killDuring(refs.example, 'example', 60_000), killDuring(refs.create, 'create', 60_000)]);
    expect([example.killed, create.killed]).toEqual([false, false]);
    const full = new AppState({ dataDir: refs.example, host: 'test' });
    const refCounts = await countsOf(full, path.join(refs.example, 'werkbestanden', 'Voorbeeldregio.regieboek'));
    await full.shutdown();

    // Six kills spread over each creation's own duration (so on any machine they land inside it).
    const runs = (['example', 'create'] as const).flatMap((kind) => {
      const ms = kind === 'example' ? example.ms : create.ms;
      return [0, 0.15, 0.35, 0.55, 0.75, 0.95].map((f) => ({ kind, d: Math.round(f * ms), dir: tempDir() }));
    });
    const outcomes: string[] = [];
    for (let i = 0; i < runs.length; i += 3) {
      const batch = runs.slice(i, i + 3);
      await Promise.all(batch.map((b) => killDuring(b.dir, b.kind, b.d)));
      for (const b of batch) {
        const app = new AppState({ dataDir: b.dir, host: 'test' }); // the next start: sweeps what the kill left
        const name = b.kind === 'example' ? 'Voorbeeldregio.regieboek' : 'Nieuw.regieboek';
        // A complete workspace that was open keeps its WAL files until the next open; nothing else may stay.
        const left = fs.readdirSync(app.workspacesDir);
        expect(left.filter((f) => ![name, name + '-wal', name + '-shm'].includes(f)), `${b.kind} gedood na ${b.d} ms liet achter: ${left.join(', ')}`).toEqual([]);
        if (left.includes(name)) {
          const counts = await countsOf(app, path.join(app.workspacesDir, name));
          if (b.kind === 'example') expect(counts, `voorbeeld gedood na ${b.d} ms is onvolledig`).toEqual(refCounts);
          outcomes.push('heel');
        } else {
          expect(left, `${b.kind} gedood na ${b.d} ms: WAL-bestanden zonder werkbestand`).toEqual([]);
          outcomes.push('niets');
        }
        await app.shutdown();
      }
    }
    expect(outcomes).toHaveLength(runs.length);
  }, 120_000);

  async function countsOf(app: AppState, file: string) {
    const dispatch = createDispatcher(app, { log: () => {} });
    const opened = await dispatch('workspace.open', { path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    const ws = app.workspace!;
    const n = (tb: string) => (ws.sqlite.prepare(`SELECT count(*) AS n FROM ${tb}`).get() as { n: number }).n;
    const counts = { programme: n('programme'), measure: n('measure'), activity: n('activity'), organisation: n('organisation'), change_set: n('change_set') };
    const check = await cli('check', '--db', file);
    expect(check.code).toBe(0);
    await dispatch('workspace.close', {});
    return counts;
  }
});

describe('disk full', () => {
  it('a write that does not fit (injected SQLITE_FULL): the Dutch message, code disk_full, nothing changed', async () => {
    const { call, fail, app } = await makeCore();
    await call('programme.create', programmeInput());
    const ws = app.workspace!;
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = dump(ws.path);
    ws.sqlite.pragma(`max_page_count = ${ws.sqlite.pragma('page_count', { simple: true }) as number}`);
    const e = await fail('programme.create', programmeInput({ name: 'Te groot', analysis: 'x'.repeat(20_000) }));
    expect(e).toEqual({ code: 'disk_full', message: DISK_FULL });
    expect(e.message).toBe(t('err.diskFull'));
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(dump(ws.path)).toBe(before);
  });

  it('regieboek import onto a really full disk (a small tmpfs): exit 1, the Dutch message, no stack trace, workspace unchanged', async (ctx) => {
    const small = tmpfs('1m');
    if ('skip' in small) return skipBecause(ctx, small.skip);
    const dir = tempDir();
    const demo = path.join(dir, 'voorbeeld.regieboek');
    await cli('demo', '--db', demo);
    const xlsx = path.join(dir, 'w.xlsx');
    expect((await cli('export', '--db', demo, '--kind', 'workspace', '--out', xlsx)).code).toBe(0);
    const target = path.join(small.dir, 'doel.regieboek');
    await createWorkspaceFile(target, EXAMPLE_REGION, {}, { backupsRoot: path.join(dir, 'rk') }).close();
    // Open and close once so WAL index and lock have their room, then take the rest of the space.
    fillUp(small.dir);
    fs.rmSync(path.join(small.dir, 'opvulling2'), { force: true });
    const trim = fs.readFileSync(path.join(small.dir, 'opvulling'));
    fs.writeFileSync(path.join(small.dir, 'opvulling'), trim.subarray(0, Math.max(0, trim.length - 64 * 1024)));
    const before = dump(target);
    const r = await cli('import', '--db', target, '--in', xlsx, '--data-dir', dir);
    expect(r).toEqual({ code: 1, out: expect.any(String), err: DISK_FULL + '\n' });
    expect(r.err).not.toMatch(/\bat\b.*:\d+/);
    fs.rmSync(path.join(small.dir, 'opvulling'));
    expect(dump(target)).toBe(before);
    expect((await cli('check', '--db', target)).code).toBe(0);
  }, 60_000);
});

describe('a workspace on a read-only location', () => {
  it('opens read-only with the banner, refuses every write with that reason, and changes nothing', async (ctx) => {
    const dir = tempDir();
    const file = path.join(dir, 'cd.regieboek');
    const ws = createWorkspaceFile(file, findRegion(12)!, {}, { backupsRoot: path.join(tempDir(), 'rk') });
    await ws.close(); // WAL mode, no -wal or -shm: what a copy on a cd or a protected share looks like
    const seed = await makeCore({ workspace: false });
    await seed.call('workspace.open', { path: file });
    await seed.call('programme.create', programmeInput({ name: 'Op de cd' }));
    await seed.call('workspace.close');
    const runner = readOnlyRunner(dir);
    if ('skip' in runner) return skipBecause(ctx, runner.skip);
    const before = { sha: sha(file), names: fs.readdirSync(dir).sort() };
    const dataDir = tempDir();
    const [cmd, ...args] = runner.wrap([process.execPath, '--import', 'tsx', path.join(FIXTURES, 'readonly-probe.ts'), dataDir, file]);
    const run = spawnSync(cmd!, args, { encoding: 'utf8', cwd: path.join(__dirname, '../..') });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, { ok: boolean; value?: { readOnly?: string; name?: string }[] & { readOnly?: string }; error?: { code: string; message: string } }>;
    expect(out.opened!.ok).toBe(true);
    const banner = (out.opened as unknown as { value: { readOnly: string } }).value.readOnly;
    expect(banner).toBe(t('readOnly.banner', { reason: t('readOnly.location') }));
    expect(banner).toMatch(/^Alleen-lezen: .* U kunt kijken en exporteren, niet wijzigen\.$/);
    expect(out.list!.ok).toBe(true);
    expect((out.list as unknown as { value: { name: string }[] }).value.map((p) => p.name)).toEqual(['Op de cd']);
    expect(out.create).toEqual({ ok: false, error: { code: 'read_only', message: banner } });
    expect((out.undo as unknown as { ok: boolean }).ok).toBe(false);
    expect((out.undo as unknown as { error: { message: string } }).error.message).toBe(banner);
    expect(out.exported).toBe(true);
    expect(out.download).toBe(true);
    expect(out.copyHere).toBe(`U hebt geen toestemming om in ${dir} te schrijven. Kies een andere map; er is niets opgeslagen.`);
    expect({ sha: sha(file), names: fs.readdirSync(dir).sort() }).toEqual(before);
  }, 30_000);
});
