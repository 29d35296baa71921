/**
 * What an interrupted Regieboek leaves on disk, and how the next start deals with it honestly:
 *
 * - A hot rollback journal (`Regio.regieboek-journal`): a write was cut off. The file is fine once
 *   SQLite rolls the journal back, which it does on a read-write open. Before that, the file and
 *   its journal are copied aside (into the backups folder, `onderbroken-…`), so nothing can be lost
 *   by the recovery itself.
 * - Temporary files of a creation, snapshot or lock write whose process is gone: removed.
 * - A read-only location cannot be recovered in place: the file (with its journal or WAL) is
 *   copied to a private scratch folder and recovered there, and that copy is read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { realLockEnv, readLock, staleReason, lockPath, type LockEnv } from './lock';
import { now as clockNow } from '../clock';

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

/** A rollback journal that SQLite will roll back: present, not empty, header not zeroed. */
export function hasHotJournal(file: string): boolean {
  const journal = file + '-journal';
  try {
    if (fs.statSync(journal).size < JOURNAL_MAGIC.length) return false;
    const fd = fs.openSync(journal, 'r');
    try {
      const head = Buffer.alloc(JOURNAL_MAGIC.length);
      fs.readSync(fd, head, 0, head.length, 0);
      return head.equals(JOURNAL_MAGIC);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

const SIDECARS = ['-journal', '-wal'] as const;

/** Copies the file and its journal/WAL into `folder/onderbroken-<time>/`; returns that folder. */
export function setAside(file: string, folder: string, now = clockNow()): string {
  const dest = path.join(folder, `onderbroken-${now.toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dest, { recursive: true });
  const base = path.basename(file);
  fs.copyFileSync(file, path.join(dest, base));
  for (const s of SIDECARS) if (fs.existsSync(file + s)) fs.copyFileSync(file + s, path.join(dest, base + s));
  return dest;
}

/** Keeps the newest `keep` set-aside folders in `folder`. */
export function pruneSetAside(folder: string, keep = 3): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.startsWith('onderbroken-')).sort();
  } catch {
    return;
  }
  for (const n of names.slice(0, Math.max(0, names.length - keep))) fs.rmSync(path.join(folder, n), { recursive: true, force: true });
}

/**
 * Copies `file` with its journal or WAL into a fresh scratch folder, for a read-only view where
 * the original cannot be touched. Returns the copy's path; the caller removes its folder.
 */
export function scratchCopy(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-alleen-lezen-'));
  const copy = path.join(dir, 'werkbestand.regieboek');
  fs.copyFileSync(file, copy);
  for (const s of SIDECARS) if (fs.existsSync(file + s)) fs.copyFileSync(file + s, copy + s);
  return dir;
}

/** Temporary names Regieboek writes, with the pid of the process that wrote them. */
const TEMP_NAMES = [
  /^\.?.+\.nieuw-(\d+)(?:-journal|-wal|-shm)?$/, // a workspace being created
  /^\..+\.kopie-(\d+)-[0-9a-f]{8}(?:-journal)?$/, // a snapshot being written
  /^.+\.demo-(\d+)(?:-journal|-wal|-shm)?$/, // `regieboek demo`
  /^\..+\.terugzetten-(\d+)(?:-journal)?$/, // a restore being prepared
  /^.+\.lock\.nieuw-(\d+)-[0-9a-f]{8}$/, // a lock file being written
];

/**
 * Removes what killed Regieboek processes on this computer left in `dir`: temporary files and
 * lock files whose pid is no longer alive. Returns the names removed.
 */
export function sweepLeftovers(dir: string, env: LockEnv = realLockEnv()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAMES.map((r) => r.exec(name)).find(Boolean);
    if (m) {
      const pid = Number(m[1]);
      if (pid !== env.pid && !env.isAlive(pid)) {
        fs.rmSync(path.join(dir, name), { force: true });
        removed.push(name);
      }
      continue;
    }
    if (name.endsWith('.lock')) {
      const workspace = path.join(dir, name.slice(0, -'.lock'.length));
      const info = readLock(workspace);
      if (info && info.host === env.host && staleReason(info, env) === 'dead_pid') {
        fs.rmSync(lockPath(workspace), { force: true });
        removed.push(name);
      }
    }
  }
  return removed;
}
