/**
 * The lock file next to an open workspace (`Regio.regieboek.lock`): who has it open, on which
 * computer, since when. A second Regieboek process (another PC on the shared drive, a second
 * window, the CLI writing) reads it and is told "In gebruik door NAAM op COMPUTER sinds 09:12",
 * and may open the workspace read-only.
 *
 * A lock is stale, and taken over, when its process is gone: on the same computer when its pid is
 * no longer alive; from another computer when its heartbeat (rewritten every minute while the
 * workspace is open) is older than LOCK_STALE_MS. Within one process the lock is shared (counted),
 * so a second dispatcher or a reopen in the same process is not locked out by itself.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';
import { dutchIsoDate, formatDateTime } from '../../../shared/dates';
import { now as clockNow } from '../clock';

export const LOCK_HEARTBEAT_MS = 60_000;
/** A lock from another computer without a heartbeat for this long is taken over (stated in lock.stale). */
export const LOCK_STALE_MS = 10 * 60_000;

export interface LockInfo {
  app: 'regieboek';
  user: string;
  host: string;
  pid: number;
  /** ISO: when the workspace was opened. */
  since: string;
  /** ISO: last sign of life. */
  heartbeat: string;
}

export interface LockEnv {
  host: string;
  pid: number;
  now: () => Date;
  isAlive: (pid: number) => boolean;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

export const realLockEnv = (): LockEnv => ({ host: os.hostname(), pid: process.pid, now: () => clockNow(), isAlive: pidAlive });

export const lockPath = (file: string) => `${file}.lock`;

export function readLock(file: string): LockInfo | null {
  try {
    const raw = JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as Partial<LockInfo>;
    if (raw.app !== 'regieboek' || typeof raw.user !== 'string' || typeof raw.host !== 'string' || typeof raw.pid !== 'number') return null;
    return { app: 'regieboek', user: raw.user, host: raw.host, pid: raw.pid, since: String(raw.since ?? ''), heartbeat: String(raw.heartbeat ?? raw.since ?? '') };
  } catch {
    return null;
  }
}

/** Why a lock no longer counts, or null while its holder is alive. */
export function staleReason(info: LockInfo, env: LockEnv): 'dead_pid' | 'no_heartbeat' | null {
  if (info.host === env.host) return env.isAlive(info.pid) ? null : 'dead_pid';
  const beat = Date.parse(info.heartbeat);
  return Number.isNaN(beat) || env.now().getTime() - beat > LOCK_STALE_MS ? 'no_heartbeat' : null;
}

/** "09:12" today, else "28-11-2026 09:12". */
export function sinceText(iso: string, now = clockNow()): string {
  const full = formatDateTime(iso);
  const d = new Date(iso);
  // "Today" in Dutch time, like the time itself (the process may run in UTC).
  return !Number.isNaN(d.getTime()) && dutchIsoDate(d) === dutchIsoDate(now) ? full.slice(-5) : full;
}

/** "In gebruik door Anna op PC-RMC-04 sinds 09:12." */
export function lockHolderText(info: LockInfo, now = clockNow()): string {
  return t('lock.holder', { user: info.user || t('lock.unknownUser'), host: info.host, since: sinceText(info.since, now) });
}

export class LockedError extends UserError {
  constructor(
    readonly file: string,
    readonly holder: LockInfo,
    now = clockNow(),
  ) {
    super('locked', t('lock.inUse', { file, holder: lockHolderText(holder, now) }));
  }
}

interface Held {
  count: number;
  info: LockInfo;
  timer: NodeJS.Timeout;
}
const held = new Map<string, Held>();

export interface WorkspaceLock {
  readonly file: string;
  readonly info: LockInfo;
  /** Taken over from a holder that was gone (for a notice). */
  readonly tookOver: LockInfo | null;
  release(): void;
}

/** Creates the lock file with its whole content at once (a reader never sees it half written). */
function create(file: string, info: LockInfo): void {
  const tmp = `${lockPath(file)}.nieuw-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2));
  try {
    fs.linkSync(tmp, lockPath(file)); // fails with EEXIST when someone holds it
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw e;
    // A file system without hard links (some shares): exclusive create, then the content.
    fs.writeFileSync(lockPath(file), JSON.stringify(info, null, 2), { flag: 'wx' });
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Replaces our own lock's content atomically (heartbeat). */
function rewrite(file: string, info: LockInfo): void {
  const tmp = `${lockPath(file)}.nieuw-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2));
  fs.renameSync(tmp, lockPath(file));
}

/** An unreadable lock is a half-written one of a killed process only once it is this old. */
const UNREADABLE_GRACE_MS = 30_000;

function unreadableIsStale(file: string, env: LockEnv): boolean {
  try {
    return env.now().getTime() - fs.statSync(lockPath(file)).mtimeMs > UNREADABLE_GRACE_MS;
  } catch {
    return true;
  }
}

/**
 * Takes the lock of `file` for `user`, or throws LockedError naming the live holder. A stale lock
 * is taken over. The heartbeat runs until release().
 */
export function acquireLock(file: string, user: string, env: LockEnv = realLockEnv()): WorkspaceLock {
  const mine = held.get(file);
  if (mine) {
    mine.count++;
    return handle(file, mine.info, null);
  }
  const at = env.now().toISOString();
  const info: LockInfo = { app: 'regieboek', user, host: env.host, pid: env.pid, since: at, heartbeat: at };
  let tookOver: LockInfo | null = null;
  let taken = false;
  for (let attempt = 0; attempt < 4 && !taken; attempt++) {
    try {
      create(file, info);
      taken = true;
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const other = readLock(file);
    if (other && other.host === env.host && other.pid === env.pid) {
      // Our own lock from an earlier open in this process that was not released: ours again.
      rewrite(file, info);
      taken = true;
      break;
    }
    if (other && !staleReason(other, env)) throw new LockedError(file, other, env.now());
    if (!other && !unreadableIsStale(file, env)) continue; // being written right now: look again
    // Stale: move it aside (rename, so two takers cannot both remove a fresh lock) and try again.
    tookOver = other;
    const aside = `${lockPath(file)}.oud-${crypto.randomBytes(4).toString('hex')}`;
    try {
      fs.renameSync(lockPath(file), aside);
      fs.rmSync(aside, { force: true });
    } catch {
      // someone else moved it first; the next attempt sees who holds it now
    }
  }
  if (!taken) {
    const other = readLock(file);
    throw new LockedError(file, other ?? { ...info, user: '', host: t('lock.unknownHost') }, env.now());
  }
  const timer = setInterval(() => {
    const h = held.get(file);
    if (!h) return;
    h.info = { ...h.info, heartbeat: clockNow().toISOString() };
    try {
      // Only our own lock is refreshed; one taken over by someone else is left alone.
      const now = readLock(file);
      if (now && now.host === h.info.host && now.pid === h.info.pid) rewrite(file, h.info);
    } catch {
      // a missed heartbeat is harmless until LOCK_STALE_MS
    }
  }, LOCK_HEARTBEAT_MS);
  timer.unref();
  held.set(file, { count: 1, info, timer });
  return handle(file, info, tookOver);
}

function handle(file: string, info: LockInfo, tookOver: LockInfo | null): WorkspaceLock {
  let released = false;
  return {
    file,
    info,
    tookOver,
    release() {
      if (released) return;
      released = true;
      const h = held.get(file);
      if (!h || --h.count > 0) return;
      clearInterval(h.timer);
      held.delete(file);
      const now = readLock(file);
      if (now && now.host === h.info.host && now.pid === h.info.pid) fs.rmSync(lockPath(file), { force: true });
    },
  };
}
