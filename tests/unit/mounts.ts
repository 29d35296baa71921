/**
 * Real file-system conditions for the tests that need them: a tiny tmpfs (disk full) and a
 * read-only place (root ignores file modes, so as root a read-only bind mount is used, in a
 * private mount namespace of a child process). Where neither is possible the test says why it
 * was skipped; on our machines and in CI (root on Debian) both run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { tempDir } from './helpers';

const isRoot = () => process.getuid?.() === 0;
const mounted: string[] = [];
afterEach(() => {
  while (mounted.length) {
    const dir = mounted.pop()!;
    spawnSync('umount', ['-l', dir]);
  }
});

/** A fresh tmpfs of `size` (e.g. "600k"), or the reason it cannot be had here. */
export function tmpfs(size: string): { dir: string } | { skip: string } {
  if (process.platform !== 'linux') return { skip: 'een tmpfs bestaat alleen op Linux' };
  if (!isRoot()) return { skip: 'een tmpfs koppelen vraagt root-rechten (CI en onze machines draaien als root)' };
  const dir = tempDir('regieboek-vol-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    return { skip: `mount -t tmpfs mislukte: ${(e as Error).message.split('\n')[0]}` };
  }
  mounted.push(dir);
  return { dir };
}

/** Fills the file system of `dir` up to the last byte. */
export function fillUp(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'opvulling'), 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
  // the last partial block too
  try {
    fs.appendFileSync(path.join(dir, 'opvulling2'), Buffer.alloc(512, 1));
  } catch {
    /* full */
  }
}

/**
 * How to run a command so that `dir` is read-only for it: as root a read-only bind mount in a
 * private mount namespace (unshare -m); otherwise the modes of the files and the folder.
 * Returns the argv prefix to run under, or the reason it cannot be done.
 */
export function readOnlyRunner(dir: string): { wrap: (cmd: string[]) => string[] } | { skip: string } {
  if (process.platform !== 'linux') return { skip: 'de alleen-lezen-test gebruikt Linux-koppelingen (unshare)' };
  if (!isRoot()) {
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o444);
    fs.chmodSync(dir, 0o555);
    return { wrap: (cmd) => cmd };
  }
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind "${dir}" "${dir}" && mount -o remount,ro,bind "${dir}"`], { encoding: 'utf8' });
  if (probe.status !== 0) return { skip: `als root kan de test geen alleen-lezen-koppeling maken (unshare -m): ${probe.stderr.trim()}` };
  return {
    wrap: (cmd) => ['unshare', '-m', 'sh', '-c', `mount --bind "${dir}" "${dir}" && mount -o remount,ro,bind "${dir}" && exec "$@"`, 'sh', ...cmd],
  };
}
