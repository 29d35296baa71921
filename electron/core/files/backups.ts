/**
 * Automatic backups of workspaces: the one module that makes, lists, rotates and deletes them
 * (the privacy tools list and delete backups that still hold erased data through it too).
 *
 * Where: `<data folder>/reservekopieen/<workspace name>-<hash of its path>/`, one folder per
 * workspace, with `werkbestand.json` naming the workspace it belongs to. Each backup is a
 * consistent snapshot (files/snapshot.ts) named `20261130-091203-123_dagelijks.regieboek`: the
 * moment (UTC) and the reason, so the list needs no index that could go out of step with the files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite, type Sqlite } from '../db/sqlite';
import { snapshotTo } from './snapshot';
import { recordCounts } from '../db/queries/counts';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';
import { BACKUP_REASONS, type Backup, type BackupReason } from '../../../shared/schemas/backups';
import { now as clockNow } from '../clock';

export { BACKUP_REASONS, type Backup, type BackupReason };

/** What rotation keeps; stated to the user on the Reservekopieën screen (backups.policy). */
export const BACKUP_POLICY = {
  /** Newest N per reason; migration backups are kept by age instead. */
  keep: { dagelijks: 7, import: 10, handmatig: 10, herstel: 10 } as Record<Exclude<BackupReason, 'migratie'>, number>,
  /** Every migration backup of the last year (and always the newest one). */
  migrationDays: 365,
  /** All backups of one workspace together; the oldest go first, the newest is always kept. */
  maxBytes: 2 * 1000 ** 3,
};
export type BackupPolicy = typeof BACKUP_POLICY;

const NAME = /^(\d{8})-(\d{6})-(\d{3})_([a-z]+)(?:-(\d+))?\.regieboek$/;
const OWNER_FILE = 'werkbestand.json';

export const backupsRoot = (dataDir: string) => path.join(dataDir, 'reservekopieen');

const normalise = (p: string) => {
  const abs = path.resolve(p);
  return process.platform === 'win32' || process.platform === 'darwin' ? abs.toLowerCase() : abs;
};

/** The folder of one workspace's backups: readable name plus a hash of the full path (two "Regio.regieboek" in different folders stay apart). */
export function workspaceFolder(root: string, workspacePath: string): string {
  const stem = path.basename(workspacePath).replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N} _-]/gu, '_').slice(0, 60) || 'werkbestand';
  const hash = crypto.createHash('sha256').update(normalise(workspacePath)).digest('hex').slice(0, 8);
  return path.join(root, `${stem}-${hash}`);
}

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`;
}

function parseName(fileName: string): { at: string; reason: BackupReason } | null {
  const m = NAME.exec(fileName);
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[4]!)) return null;
  const [d, tm, ms] = [m[1]!, m[2]!, m[3]!];
  const at = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${tm.slice(0, 2)}:${tm.slice(2, 4)}:${tm.slice(4, 6)}.${ms}Z`;
  return Number.isNaN(Date.parse(at)) ? null : { at, reason: m[4] as BackupReason };
}

// Counts are read from each backup once per version of the file, not on every listing.
const described = new Map<string, { key: string; schemaVersion: number | null; counts: Record<string, number> | null }>();

function describe(file: string, stat: fs.Stats) {
  const key = `${stat.size}:${stat.mtimeMs}`;
  const hit = described.get(file);
  if (hit?.key === key) return hit;
  let value: { key: string; schemaVersion: number | null; counts: Record<string, number> | null } = { key, schemaVersion: null, counts: null };
  try {
    const db = openSqlite(file, { readonly: true });
    try {
      value = { key, schemaVersion: db.pragma('user_version', { simple: true }) as number, counts: recordCounts(db) };
    } finally {
      db.close();
    }
  } catch {
    // an unreadable backup is listed without counts; restoring it is refused with a message
  }
  described.set(file, value);
  return value;
}

function readOwner(folder: string): string | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(folder, OWNER_FILE), 'utf8')) as { path?: unknown };
    return typeof raw.path === 'string' ? raw.path : null;
  } catch {
    return null;
  }
}

function listFolder(folder: string, workspace: string): Backup[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const out: Backup[] = [];
  for (const fileName of names) {
    const parsed = parseName(fileName);
    if (!parsed) continue;
    const file = path.join(folder, fileName);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    const d = describe(file, stat);
    out.push({ file, fileName, workspace, at: parsed.at, reason: parsed.reason, size: stat.size, schemaVersion: d.schemaVersion, counts: d.counts });
  }
  return out.sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
}

/** This workspace's backups, newest first. */
export function listBackups(root: string, workspacePath: string): Backup[] {
  return listFolder(workspaceFolder(root, workspacePath), path.resolve(workspacePath));
}

/** Every backup under the root, of every workspace, newest first. */
export function listAllBackups(root: string): Backup[] {
  let folders: string[];
  try {
    folders = fs.readdirSync(root);
  } catch {
    return [];
  }
  return folders
    .flatMap((f) => {
      const folder = path.join(root, f);
      return listFolder(folder, readOwner(folder) ?? '');
    })
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}

/** Deletes one backup; only a backup file under the root is ever deleted. */
export function deleteBackup(root: string, file: string): void {
  const abs = path.resolve(file);
  const rel = path.relative(path.resolve(root), abs);
  if (rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).length !== 2 || !parseName(path.basename(abs)))
    throw new UserError('not_found', t('backup.notFound'));
  fs.rmSync(abs, { force: true });
  described.delete(abs);
}

/** The backup with this file name (as the list gave it), or a Dutch not-found. */
export function findBackup(root: string, workspacePath: string, file: string): Backup {
  const found = listBackups(root, workspacePath).find((b) => normalise(b.file) === normalise(file));
  if (!found) throw new UserError('not_found', t('backup.notFound'));
  return found;
}

/**
 * Makes a backup of the open connection `source` for the workspace at `workspacePath`, then
 * rotates that workspace's backups. Returns the new backup.
 */
export function makeBackup(root: string, source: Sqlite, workspacePath: string, reason: BackupReason, opts: { now?: Date; policy?: BackupPolicy } = {}): Backup {
  const ws = path.resolve(workspacePath);
  const folder = workspaceFolder(root, ws);
  fs.mkdirSync(folder, { recursive: true });
  if (readOwner(folder) !== ws) fs.writeFileSync(path.join(folder, OWNER_FILE), JSON.stringify({ path: ws }, null, 2));
  const base = `${stamp(opts.now ?? clockNow())}_${reason}`;
  let fileName = `${base}.regieboek`;
  for (let i = 2; fs.existsSync(path.join(folder, fileName)); i++) fileName = `${base}-${i}.regieboek`;
  const file = path.join(folder, fileName);
  snapshotTo(source, file, { sourcePath: ws });
  rotateBackups(root, ws, { now: opts.now, policy: opts.policy, keepFile: file });
  const made = listFolder(folder, ws).find((b) => b.file === file);
  if (!made) throw new UserError('user_error', t('backup.notFound'));
  return made;
}

/** Today's date in local time as yyyy-mm-dd. */
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** True when this workspace has no daily backup of today (local time) yet. */
export function needsDailyBackup(root: string, workspacePath: string, now = clockNow()): boolean {
  const today = localDay(now);
  return !listBackups(root, workspacePath).some((b) => b.reason === 'dagelijks' && localDay(new Date(b.at)) === today);
}

/**
 * Applies the policy to one workspace's backups and returns the files it removed. The newest
 * backup (and `keepFile`) always stays.
 */
export function rotateBackups(root: string, workspacePath: string, opts: { now?: Date; policy?: BackupPolicy; keepFile?: string } = {}): string[] {
  const policy = opts.policy ?? BACKUP_POLICY;
  const now = (opts.now ?? clockNow()).getTime();
  const all = listBackups(root, workspacePath); // newest first
  const protect = new Set([all[0]?.file, opts.keepFile].filter(Boolean) as string[]);
  const doomed = new Set<string>();
  for (const reason of BACKUP_REASONS) {
    const mine = all.filter((b) => b.reason === reason);
    if (reason === 'migratie') {
      const limit = now - policy.migrationDays * 86_400_000;
      mine.slice(1).forEach((b) => Date.parse(b.at) < limit && doomed.add(b.file));
    } else mine.slice(policy.keep[reason]).forEach((b) => doomed.add(b.file));
  }
  let total = all.filter((b) => !doomed.has(b.file)).reduce((s, b) => s + b.size, 0);
  // Over the size limit: oldest first, migration backups last.
  const bySize = all.filter((b) => !doomed.has(b.file) && !protect.has(b.file)).reverse();
  for (const b of [...bySize.filter((x) => x.reason !== 'migratie'), ...bySize.filter((x) => x.reason === 'migratie')]) {
    if (total <= policy.maxBytes) break;
    doomed.add(b.file);
    total -= b.size;
  }
  for (const f of doomed) {
    if (protect.has(f)) continue;
    fs.rmSync(f, { force: true });
    described.delete(f);
  }
  return [...doomed].filter((f) => !protect.has(f));
}

/**
 * Runs an import with a backup before it. An import that wrote nothing (or failed, which rolls
 * back) needs no backup, so that one is removed again. Used by the screen and the CLI alike.
 */
export async function withImportBackup<T extends { changeSetId: number | null }>(root: string, source: Sqlite, workspacePath: string, apply: () => Promise<T>): Promise<T> {
  const backup = makeBackup(root, source, workspacePath, 'import');
  let result: T | null = null;
  try {
    result = await apply();
    return result;
  } finally {
    if (result?.changeSetId == null) deleteBackup(root, backup.file);
  }
}

/**
 * Raw copies of a file and its journal set aside before an interrupted write was rolled back
 * (files/recovery.ts): not restorable backups, but they hold the workspace's data, so the privacy
 * tools must be able to find and remove them too. Newest first.
 */
export function listSetAside(root: string, workspacePath: string): string[] {
  const folder = workspaceFolder(root, workspacePath);
  try {
    return fs
      .readdirSync(folder)
      .filter((n) => n.startsWith('onderbroken-'))
      .sort()
      .reverse()
      .map((n) => path.join(folder, n));
  } catch {
    return [];
  }
}

/** Removes one set-aside folder (only one under the root). */
export function deleteSetAside(root: string, folder: string): void {
  const rel = path.relative(path.resolve(root), path.resolve(folder));
  if (rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).length !== 2 || !path.basename(folder).startsWith('onderbroken-'))
    throw new UserError('not_found', t('backup.notFound'));
  fs.rmSync(folder, { recursive: true, force: true });
}
