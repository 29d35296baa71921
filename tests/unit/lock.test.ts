import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceFile, openWorkspaceFile } from '../../electron/core/db/workspace-file';
import { LOCK_STALE_MS, acquireLock, lockPath, readLock, type LockInfo } from '../../electron/core/files/lock';
import { isNetworkLocation, type LocationProbe } from '../../electron/core/files/location';
import { runCli } from '../../electron/core/cli/main';
import { findRegion } from '../../shared/regions';
import { makeCore, programmeInput, sha, tempDir } from './helpers';
import { now } from '../../electron/core/clock';

const region = findRegion(12)!;

async function newFile() {
  const dir = tempDir();
  const file = path.join(dir, 'gedeeld.regieboek');
  await createWorkspaceFile(file, region, {}, { backupsRoot: path.join(dir, 'rk'), lock: false }).close();
  return { dir, file };
}

/** Another Regieboek process holding `file` open as `user`; resolves once it has it open. */
async function holder(dir: string, file: string, user: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../fixtures/hold-open.ts'), path.join(dir, 'andere-data'), file, user], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`hold-open stopte (${code})`)));
  });
  return {
    pid: child.pid!,
    kill: async () => {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}

// Shown in Dutch time, whatever zone the test process runs in.
const hhmm = (d: Date) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

describe('the lock file next to an open workspace', () => {
  it('a second process is told who has it open, may open it read-only, and takes the lock over once that process is gone', async () => {
    const { dir, file } = await newFile();
    const other = await holder(dir, file, 'Anna de Vries');
    const since = now();
    try {
      expect(readLock(file)).toMatchObject({ user: 'Anna de Vries', host: os.hostname(), pid: other.pid });
      const { call, fail } = await makeCore({ workspace: false });
      const e = await fail('workspace.open', { path: file });
      expect(e.code).toBe('locked');
      expect(e.message).toContain(`in gebruik door Anna de Vries op ${os.hostname()} sinds ${hhmm(since)}`);
      expect(e.message).toMatch(/alleen-lezen openen/);
      // Read-only: the banner names the holder, writes are refused with it.
      const ro = await call('workspace.open', { path: file, readOnly: true });
      expect(ro.readOnly).toMatch(/^Alleen-lezen: in gebruik door Anna de Vries op .* U kunt kijken en exporteren, niet wijzigen\.$/);
      const refused = await fail('programme.create', programmeInput());
      expect(refused).toMatchObject({ code: 'read_only', message: ro.readOnly });
      expect(readLock(file)!.pid).toBe(other.pid); // looking did not take the lock
      await call('workspace.close');

      // The CLI writing is held off the same way.
      const xlsx = path.join(dir, 'x.xlsx');
      let err = '';
      await runCli(['export', '--db', file, '--kind', 'workspace', '--out', xlsx], { out: () => {}, err: () => {} });
      const before = sha(file);
      const code = await runCli(['import', '--db', file, '--in', xlsx, '--data-dir', dir], { out: () => {}, err: (s) => (err += s) });
      expect(code).toBe(1);
      expect(err).toMatch(/in gebruik door Anna de Vries/);
      expect(sha(file)).toBe(before);

      // Anna's Regieboek is killed: its pid is gone, the lock is stale and taken over.
      await other.kill();
      expect(readLock(file)!.pid).toBe(other.pid); // still there on disk
      const ws = await call('workspace.open', { path: file });
      expect(ws.readOnly).toBeNull();
      expect(readLock(file)).toMatchObject({ user: 'Testgebruiker', pid: process.pid });
      await call('programme.create', programmeInput());
      await call('workspace.close');
      expect(fs.existsSync(lockPath(file))).toBe(false); // released on close
    } finally {
      await other.kill();
    }
  }, 30_000);

  it('a lock from another computer counts while its heartbeat is fresh and is taken over after LOCK_STALE_MS without one', async () => {
    const { file } = await newFile();
    const now = new Date('2026-11-30T09:30:00Z');
    const env = { host: 'DIT-PC', pid: 4242, now: () => now, isAlive: () => true };
    const theirs = (beatAgo: number): LockInfo => ({
      app: 'regieboek',
      user: 'Bert',
      host: 'RMC-PC-07',
      pid: 999_999,
      since: new Date(now.getTime() - 3 * 3600_000).toISOString(),
      heartbeat: new Date(now.getTime() - beatAgo).toISOString(),
    });
    fs.writeFileSync(lockPath(file), JSON.stringify(theirs(2 * 60_000)));
    expect(() => acquireLock(file, 'Carla', env)).toThrow(/in gebruik door Bert op RMC-PC-07 sinds/);
    fs.writeFileSync(lockPath(file), JSON.stringify(theirs(LOCK_STALE_MS + 60_000)));
    const lock = acquireLock(file, 'Carla', env);
    expect(lock.tookOver).toMatchObject({ user: 'Bert', host: 'RMC-PC-07' });
    expect(readLock(file)).toMatchObject({ user: 'Carla', host: 'DIT-PC', pid: 4242 });
    lock.release();
    expect(fs.existsSync(lockPath(file))).toBe(false);
  });

  it('within one process the lock is shared: a second open of the same file is not locked out by the first', async () => {
    const { dir, file } = await newFile();
    const a = openWorkspaceFile(file, { user: 'Een', backupsRoot: path.join(dir, 'rk') });
    const b = openWorkspaceFile(file, { user: 'Twee', backupsRoot: path.join(dir, 'rk') });
    await a.close();
    expect(readLock(file)).not.toBeNull(); // b still holds it
    await b.close();
    expect(readLock(file)).toBeNull();
  });
});

describe('network locations use the rollback journal', () => {
  const probe = (over: Partial<LocationProbe>): LocationProbe => ({
    platform: 'linux',
    statfsType: () => 0xef53, // ext4
    realpathNative: (p) => p,
    mountTable: () => '',
    ...over,
  });

  it('recognises UNC paths, mapped network drives and network file systems, and nothing else', () => {
    expect(isNetworkLocation('\\\\server\\rmc\\Regio.regieboek', probe({ platform: 'win32' }))).toBe(true);
    expect(isNetworkLocation('//server/rmc/Regio.regieboek', probe({ platform: 'win32' }))).toBe(true);
    const mapped = probe({ platform: 'win32', realpathNative: (p) => (p.toUpperCase().startsWith('S:') ? '\\\\nas01\\gedeeld\\' : p) });
    expect(isNetworkLocation('S:\\VSV\\Regio.regieboek', mapped)).toBe(true);
    expect(isNetworkLocation('C:\\Users\\anna\\Regio.regieboek', mapped)).toBe(false);
    for (const type of [0x6969, 0xff534d42, 0xfe534d42, 0x517b]) expect(isNetworkLocation('/mnt/share/R.regieboek', probe({ statfsType: () => type }))).toBe(true);
    expect(isNetworkLocation('/home/anna/R.regieboek', probe({}))).toBe(false);
    const mac = probe({ platform: 'darwin', mountTable: () => '/dev/disk3s1 on / (apfs, local)\n//anna@nas/vsv on /Volumes/vsv (smbfs, nodev, nosuid)\n' });
    expect(isNetworkLocation('/Volumes/vsv/R.regieboek', mac)).toBe(true);
    expect(isNetworkLocation('/Users/anna/R.regieboek', mac)).toBe(false);
  });

  it('a workspace on a network location is opened with journal_mode DELETE, a local one with WAL', async () => {
    const { dir, file } = await newFile();
    const net = openWorkspaceFile(file, { backupsRoot: path.join(dir, 'rk'), probe: { platform: 'linux', statfsType: () => 0x6969, realpathNative: (p) => p, mountTable: () => '' } });
    expect(net.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(net.state.network).toBe(true);
    await net.close();
    expect(fs.existsSync(file + '-wal')).toBe(false);
    const local = openWorkspaceFile(file, { backupsRoot: path.join(dir, 'rk') });
    expect(local.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    await local.close();
  });
});
