/**
 * Consistent snapshots of a workspace: VACUUM INTO, never a copy of the file's bytes. VACUUM INTO
 * reads inside one read transaction, so the snapshot holds exactly the last committed state (also
 * what still sits in the -wal file) while other connections go on writing. It is written under a
 * temporary name in the target folder, checked, flushed to disk and only then renamed into place,
 * so a failed or killed snapshot never leaves half a file under the target's name.
 *
 * Used by the automatic backups (files/backups.ts), "Opslaan als kopie" (desktop menu), the
 * browser host's download and `regieboek backup`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite, type Sqlite } from '../db/sqlite';
import { UserError, isDiskFull, isNoPermission } from '../errors';
import { t } from '../../../shared/i18n/nl';
import { formatBytes } from '../../../shared/size';

export interface SnapshotOptions {
  /** Replace an existing target (only after the user said so, e.g. in the system's save dialog). */
  overwrite?: boolean;
  /** The open workspace's own path: a snapshot onto it (or its journal) is refused. */
  sourcePath?: string;
}

const same = (a: string, b: string) => (process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b);

/** The Dutch message for a failed write into `dir`, or null when the cause is not the disk or rights. */
export function fileWriteError(e: unknown, dir: string, size?: number): UserError | null {
  if (e instanceof UserError) return e;
  if (isDiskFull(e)) return new UserError('disk_full', t('snapshot.noSpace', { dir, size: size ? ` (${formatBytes(size)})` : '' }));
  if (isNoPermission(e)) return new UserError('user_error', t('snapshot.noPermission', { dir }));
  return null;
}

/**
 * Writes a consistent snapshot of `source` (an open connection, read-write or read-only) to
 * `target`. Returns the snapshot's size in bytes. Every failure is a Dutch UserError; nothing is
 * left behind under any name.
 */
export function snapshotTo(source: Sqlite, target: string, opts: SnapshotOptions = {}): number {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  if (opts.sourcePath) {
    const src = path.resolve(opts.sourcePath);
    if ([src, src + '-wal', src + '-shm', src + '-journal'].some((f) => same(f, abs))) throw new UserError('conflict', t('snapshot.same'));
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError('not_found', t('snapshot.noFolder', { dir }));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UserError('user_error', t('snapshot.noPermission', { dir })); // SQLite would only say "unable to open"
  }
  if (fs.existsSync(abs)) {
    if (!opts.overwrite) throw new UserError('conflict', t('snapshot.exists', { path: abs }));
    if (!fs.statSync(abs).isFile()) throw new UserError('conflict', t('snapshot.notAFile', { path: abs }));
  }
  const tmp = path.join(dir, `.${path.basename(abs)}.kopie-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  const estimate = estimateSize(source);
  try {
    source.prepare('VACUUM INTO ?').run(tmp);
    verify(tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, abs);
    return fs.statSync(abs).size;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(tmp + '-journal', { force: true });
    throw fileWriteError(e, dir, estimate) ?? new UserError('user_error', t('snapshot.failed', { dir }));
  }
}

/** Pages in use times page size: about what VACUUM INTO will write. */
function estimateSize(source: Sqlite): number | undefined {
  try {
    const pages = source.pragma('page_count', { simple: true }) as number;
    const free = source.pragma('freelist_count', { simple: true }) as number;
    return (pages - free) * (source.pragma('page_size', { simple: true }) as number);
  } catch {
    return undefined;
  }
}

/** The snapshot must open and pass quick_check before it takes the target's name. */
function verify(file: string): void {
  const db = openSqlite(file, { readonly: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
  } finally {
    db.close();
  }
}

/** A snapshot of a workspace file on disk (opened read-only for the purpose). */
export function snapshotFile(source: string, target: string, opts: SnapshotOptions = {}): number {
  const db = openSqlite(source, { readonly: true });
  try {
    return snapshotTo(db, target, { sourcePath: source, ...opts });
  } finally {
    db.close();
  }
}
