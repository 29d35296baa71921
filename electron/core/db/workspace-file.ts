/**
 * Creating, recognising and opening workspace files, honestly:
 *
 * - A file that is not a Regieboek workspace is recognised from its header bytes and never opened
 *   by SQLite for writing, so it is never modified.
 * - A workspace with an interrupted write (hot journal) is recovered: file and journal are copied
 *   aside, then a read-write open lets SQLite roll the journal back (files/recovery.ts).
 * - A workspace on a read-only location, or in use by someone else (files/lock.ts) when the user
 *   chose to look anyway, opens read-only; every write is then refused with that reason.
 * - "Beschadigd" is said only when SQLite's own check fails.
 * - On a network location the rollback journal is used instead of WAL (files/location.ts).
 * - A new workspace is built and filled under a temporary name and renamed into place.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CamelCasePlugin, Kysely, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect } from 'kysely';
import type { Database } from './schema';
import type { Statement } from 'better-sqlite3';
import { createSqlite, openSqlite, type Sqlite } from './sqlite';
import { LATEST_VERSION, migrate } from './migrate';
import { UserError, isDiskFull } from '../errors';
import { t } from '../../../shared/i18n/nl';
import type { RegionRef } from '../../../shared/regions';
import { acquireLock, lockHolderText, readLock, realLockEnv, staleReason, type WorkspaceLock } from '../files/lock';
import { isNetworkLocation, notWritable, type LocationProbe } from '../files/location';
import { hasHotJournal, pruneSetAside, scratchCopy, setAside, sweepLeftovers } from '../files/recovery';
import { takeCleanMark, writeCleanMark } from '../files/clean-close';
import { backupsRoot, makeBackup, workspaceFolder } from '../files/backups';
import { defaultDataDir } from '../paths';
import { nowIso } from '../clock';

/** PRAGMA application_id of every Regieboek workspace: "RBK1". */
export const APPLICATION_ID = 0x52424b31;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type FileCheck =
  | { kind: 'ok'; version: number; recovered?: boolean }
  | { kind: 'missing' | 'not_sqlite' | 'other_db' | 'damaged'; detail?: string }
  | { kind: 'too_new'; version: number };

/** What the first 100 bytes say: SQLite at all, and Regieboek's application id. */
function readHeader(file: string): 'missing' | 'not_sqlite' | 'other_db' | 'ok' {
  if (!fs.existsSync(file)) return 'missing';
  const stat = fs.statSync(file);
  if (!stat.isFile() || stat.size < 100) return 'not_sqlite';
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.subarray(0, 16).equals(SQLITE_HEADER)) return 'not_sqlite';
  return head.readUInt32BE(68) === APPLICATION_ID ? 'ok' : 'other_db';
}

const codeOf = (e: unknown) => String((e as { code?: unknown } | null)?.code ?? '');
/** Errors that say the file is not intact, as opposed to "cannot get at it right now". */
const isCorrupt = (e: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(codeOf(e));
/** The read-only connection cannot see the file as it is (hot journal, or no room for the WAL index). */
const needsScratch = (e: unknown) => /^SQLITE_(READONLY|CANTOPEN)/.test(codeOf(e));

/**
 * A read-only view of a workspace file that never changes it: the file itself when SQLite can read
 * it read-only, else a recovered copy in a scratch folder (hot journal, WAL on a read-only medium).
 */
export function openReadView(file: string): { sqlite: Sqlite; recovered: boolean; close(): void } {
  try {
    const sqlite = openSqlite(file, { readonly: true });
    try {
      sqlite.pragma('schema_version'); // the first read: fails here on a hot journal
      return { sqlite, recovered: false, close: () => sqlite.close() };
    } catch (e) {
      sqlite.close();
      throw e;
    }
  } catch (e) {
    if (!needsScratch(e)) throw e;
  }
  const dir = scratchCopy(file);
  const copy = path.join(dir, 'werkbestand.regieboek');
  try {
    // Read-write on the copy: SQLite rolls a journal back / folds the WAL in, as it would in place.
    const rw = openSqlite(copy);
    rw.pragma('schema_version');
    rw.close();
    const sqlite = openSqlite(copy, { readonly: true });
    return {
      sqlite,
      recovered: true,
      close: () => {
        sqlite.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Looks at a file without changing it. */
export function inspectFile(file: string, opts: { thorough?: boolean } = {}): FileCheck {
  const head = readHeader(file);
  if (head !== 'ok') return { kind: head };
  let view: ReturnType<typeof openReadView> | undefined;
  try {
    view = openReadView(file);
    const check = view.sqlite.pragma(opts.thorough ? 'integrity_check' : 'quick_check', { simple: true }) as string;
    if (check !== 'ok') return { kind: 'damaged', detail: check };
    const version = view.sqlite.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) return { kind: 'too_new', version };
    return { kind: 'ok', version, recovered: view.recovered };
  } catch (e) {
    if (isCorrupt(e)) return { kind: 'damaged', detail: (e as Error).message };
    throw openError(e, file);
  } finally {
    view?.close();
  }
}

/** Throws a Dutch UserError for anything but a Regieboek workspace this version can open. */
export function assertOpenable(file: string, opts: { thorough?: boolean } = {}): number {
  const c = inspectFile(file, opts);
  switch (c.kind) {
    case 'ok':
      return c.version;
    case 'missing':
      throw new UserError('not_found', t('err.fileMissing', { path: file }));
    case 'not_sqlite':
      throw new UserError('not_a_workspace', t('err.notSqlite', { path: file }));
    case 'other_db':
      throw new UserError('not_a_workspace', t('err.otherDatabase', { path: file }));
    case 'damaged':
      throw new UserError('not_a_workspace', t('err.damaged', { path: file }));
    case 'too_new':
      throw new UserError('too_new', t('err.tooNew', { path: file, found: c.version, known: LATEST_VERSION }));
  }
}

/** The Dutch reason a failed open gives; anything unknown stays an internal error. */
function openError(e: unknown, file: string): unknown {
  if (e instanceof UserError) return e;
  if (isCorrupt(e)) return new UserError('not_a_workspace', t('err.damaged', { path: file }));
  if (isDiskFull(e)) return new UserError('disk_full', t('err.diskFull'));
  const code = codeOf(e);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new UserError('locked', t('err.busy', { path: file }));
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') return new UserError('user_error', t('err.cannotOpen', { path: file }));
  return e;
}

export type ReadOnlyReason = { kind: 'location' } | { kind: 'locked'; holder: string } | { kind: 'chosen' };

/** "de map of het bestand is schrijfbeveiligd …": the reason in the banner and in refused writes. */
export function readOnlyText(r: ReadOnlyReason): string {
  return t('readOnly.banner', { reason: r.kind === 'location' ? t('readOnly.location') : r.kind === 'locked' ? r.holder : t('readOnly.chosen') });
}

export interface WorkspaceState {
  readOnly: ReadOnlyReason | null;
  /** On a network location: rollback journal instead of WAL. */
  network: boolean;
  /** An interrupted write was rolled back on opening (file and journal were set aside first). */
  recovered: boolean;
  lock: WorkspaceLock | null;
  /** Scratch folder of a read-only view on a copy; removed on close. */
  scratch: string | null;
  /** Backups folder where a clean close leaves its marker (files/clean-close.ts); writable opens only. */
  cleanMarkRoot?: string;
  /** Opening ran `quick_check` over the whole file (it skips it after a clean close, files/clean-close.ts). */
  wholeFileChecked?: boolean;
}

export class Workspace {
  private closed = false;
  constructor(
    readonly path: string,
    readonly sqlite: Sqlite,
    readonly db: Kysely<Database>,
    readonly state: WorkspaceState = { readOnly: null, network: false, recovered: false, lock: null, scratch: null },
  ) {}

  get fileName(): string {
    return path.basename(this.path);
  }

  /** The banner text when the workspace is open read-only, else null. */
  get readOnly(): string | null {
    return this.state.readOnly ? readOnlyText(this.state.readOnly) : null;
  }

  /** Refuses a write up front with the read-only reason (SQLite would refuse it too). */
  assertWritable(): void {
    if (this.readOnly) throw new UserError('read_only', this.readOnly);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
    // Kysely closes the connection only if it ever used it; a workspace only read through
    // `sqlite` would stay open (and keep the file busy) without this.
    if (this.sqlite.open) this.sqlite.close();
    if (this.state.cleanMarkRoot) writeCleanMark(this.state.cleanMarkRoot, this.path);
    this.state.lock?.release();
    if (this.state.scratch) fs.rmSync(this.state.scratch, { recursive: true, force: true });
  }
}

function configure(sqlite: Sqlite, network: boolean): void {
  // SQLite's WAL needs shared memory between processes, which network file systems do not give.
  sqlite.pragma(`journal_mode = ${network ? 'DELETE' : 'WAL'}`);
  // WAL with NORMAL: a crash or kill loses at most the last commit, never consistency.
  sqlite.pragma(`synchronous = ${network ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

/**
 * Kysely's SQLite driver, except that a rollback after SQLite already ended the transaction itself
 * (it does on SQLITE_FULL and some I/O errors) is skipped: otherwise "cannot rollback - no
 * transaction is active" would hide the real cause (a full disk) from the user.
 */
class SafeRollbackDriver extends SqliteDriver {
  constructor(private readonly sqlite: Sqlite) {
    super({ database: withStatementCache(sqlite) });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

/**
 * Kysely prepares every query anew, and compiling the statement was about a fifth of a screen's
 * time; the screens send the same few hundred SQL texts again and again, so their compiled
 * statements are kept (least recently used out first). A statement still busy iterating is never
 * handed out twice: it gets a fresh one.
 */
export function withStatementCache(sqlite: Sqlite, max = 400): { prepare(sql: string): Statement<unknown[]>; close(): void } {
  const cache = new Map<string, Statement<unknown[]>>();
  return {
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

function dialect(sqlite: Sqlite): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SafeRollbackDriver(sqlite),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

export function kyselyFor(sqlite: Sqlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: dialect(sqlite), plugins: [new CamelCasePlugin()] });
}

export interface OpenOptions {
  /** Who opens it: the name other processes see in the lock file. */
  user?: string;
  /** Open read-only on purpose (e.g. after "in gebruik door …"). */
  readOnly?: boolean;
  /** Backups folder (migration backups, journals set aside); default: the data folder's. */
  backupsRoot?: string;
  /** Take the lock file (default true). */
  lock?: boolean;
  probe?: LocationProbe;
}

const osUser = () => {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
};

export const defaultBackupsRoot = () => backupsRoot(process.env.REGIEBOEK_DATA_DIR || defaultDataDir());

/** Opens an existing workspace; migrates it (after a backup) when it is older than this version. */
export function openWorkspaceFile(file: string, opts: OpenOptions = {}): Workspace {
  const abs = path.resolve(file);
  const head = readHeader(abs);
  if (head !== 'ok') assertOpenable(abs); // throws the Dutch message for missing / not a workspace
  const root = opts.backupsRoot ?? defaultBackupsRoot();
  let readOnly: ReadOnlyReason | null = notWritable(abs) ? { kind: 'location' } : null;
  if (!readOnly && opts.readOnly) {
    const holder = readLock(abs);
    const env = realLockEnv();
    readOnly = holder && !(holder.host === env.host && holder.pid === env.pid) && !staleReason(holder, env) ? { kind: 'locked', holder: lockHolderText(holder) } : { kind: 'chosen' };
  }
  if (readOnly) return openReadOnly(abs, readOnly);
  const lock = opts.lock === false ? null : acquireLock(abs, opts.user || osUser());
  try {
    return openWritable(abs, root, lock, isNetworkLocation(abs, opts.probe));
  } catch (e) {
    lock?.release();
    throw e;
  }
}

function openWritable(abs: string, root: string, lock: WorkspaceLock | null, network: boolean): Workspace {
  let recovered = false;
  if (hasHotJournal(abs)) {
    const folder = workspaceFolder(root, abs);
    setAside(abs, folder);
    pruneSetAside(folder);
    recovered = true;
  }
  // The whole-file check only after an unclean end or a change from outside (files/clean-close.ts).
  const cleanlyClosed = !recovered && takeCleanMark(root, abs);
  let sqlite: Sqlite;
  try {
    sqlite = openSqlite(abs);
  } catch (e) {
    throw openError(e, abs);
  }
  try {
    if (!cleanlyClosed) {
      const check = sqlite.pragma('quick_check', { simple: true }) as string; // rolls a hot journal back first
      if (check !== 'ok') throw new UserError('not_a_workspace', t('err.damaged', { path: abs }));
    }
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new UserError('too_new', t('err.tooNew', { path: abs, found: version, known: LATEST_VERSION }));
    if (version < LATEST_VERSION) makeBackup(root, sqlite, abs, 'migratie');
    configure(sqlite, network);
    migrate(sqlite);
  } catch (e) {
    sqlite.close();
    throw openError(e, abs);
  }
  return new Workspace(abs, sqlite, kyselyFor(sqlite), { readOnly: null, network, recovered, lock, scratch: null, cleanMarkRoot: root, wholeFileChecked: !cleanlyClosed });
}

function openReadOnly(abs: string, readOnly: ReadOnlyReason): Workspace {
  let view: ReturnType<typeof openReadView>;
  try {
    view = openReadView(abs);
  } catch (e) {
    throw openError(e, abs);
  }
  try {
    const check = view.sqlite.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new UserError('not_a_workspace', t('err.damaged', { path: abs }));
    const version = view.sqlite.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new UserError('too_new', t('err.tooNew', { path: abs, found: version, known: LATEST_VERSION }));
    if (version < LATEST_VERSION) {
      // The screens need the current schema: bring a private copy up to date and read that.
      view.close();
      const dir = scratchCopy(abs);
      const copy = path.join(dir, 'werkbestand.regieboek');
      try {
        const rw = openSqlite(copy);
        migrate(rw);
        rw.pragma('journal_mode = DELETE');
        rw.close();
        const sqlite = openSqlite(copy, { readonly: true });
        sqlite.pragma('foreign_keys = ON');
        return new Workspace(abs, sqlite, kyselyFor(sqlite), { readOnly, network: false, recovered: true, lock: null, scratch: dir });
      } catch (e) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw e;
      }
    }
  } catch (e) {
    view.close();
    throw openError(e, abs);
  }
  view.sqlite.pragma('foreign_keys = ON');
  const scratch = view.recovered ? path.dirname(view.sqlite.name) : null;
  return new Workspace(abs, view.sqlite, kyselyFor(view.sqlite), { readOnly, network: false, recovered: view.recovered, lock: null, scratch });
}

/** The temporary name a new workspace is built under: hidden, with the pid (swept when that process is gone). */
const tempName = (abs: string) => path.join(path.dirname(abs), `.${path.basename(abs)}.nieuw-${process.pid}`);

function removeWithSidecars(file: string): void {
  for (const s of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
}

/** Builds the bare workspace (schema, region, meta) at `tmp` and closes it. */
function buildAt(tmp: string, region: RegionRef, meta: Record<string, string>): void {
  const sqlite = createSqlite(tmp);
  try {
    // WAL from the first write: the real file never gets a rollback journal from its creation.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(sqlite);
    sqlite.transaction(() => {
      const put = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      put.run('createdAt', nowIso());
      for (const [k, v] of Object.entries(meta)) put.run(k, v);
      sqlite.prepare('INSERT INTO region (number, name, contact_municipality) VALUES (?, ?, ?)').run(region.number, region.name, region.contactMunicipality);
    })();
  } finally {
    sqlite.close();
  }
}

function prepareTarget(abs: string): string {
  if (fs.existsSync(abs)) throw new UserError('conflict', t('err.fileExists', { path: abs }), 'fileName');
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  sweepLeftovers(path.dirname(abs));
  const tmp = tempName(abs);
  removeWithSidecars(tmp);
  return tmp;
}

/** Renames the finished temp file into place, refusing to replace a file that appeared meanwhile. */
function moveIntoPlace(tmp: string, abs: string): void {
  try {
    fs.linkSync(tmp, abs); // atomic and never replaces an existing file
    fs.rmSync(tmp, { force: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError('conflict', t('err.fileExists', { path: abs }), 'fileName');
    if (fs.existsSync(abs)) throw e;
    fs.renameSync(tmp, abs); // a file system without hard links
  }
}

/**
 * Creates a new workspace for a region. It is built under a temporary name and renamed into place,
 * so a kill halfway leaves no workspace (and the next start removes the temporary file).
 */
export function createWorkspaceFile(file: string, region: RegionRef, meta: Record<string, string> = {}, opts: OpenOptions = {}): Workspace {
  const abs = path.resolve(file);
  const tmp = prepareTarget(abs);
  try {
    buildAt(tmp, region, meta);
    moveIntoPlace(tmp, abs);
  } catch (e) {
    removeWithSidecars(tmp);
    throw openError(e, abs);
  }
  return openWorkspaceFile(abs, opts);
}

/**
 * A new workspace that is filled before anyone sees it (the example region, a workspace from an
 * Excel workbook): made and filled under a temporary name, renamed into place only when complete.
 * A failure or a kill leaves nothing under the real name.
 */
export async function createFilledWorkspace(
  file: string,
  region: RegionRef,
  meta: Record<string, string>,
  fill: (ws: Workspace) => Promise<void>,
  opts: OpenOptions = {},
): Promise<Workspace> {
  const abs = path.resolve(file);
  const tmp = prepareTarget(abs);
  try {
    buildAt(tmp, region, meta);
    const sqlite = openSqlite(tmp);
    configure(sqlite, false);
    const ws = new Workspace(tmp, sqlite, kyselyFor(sqlite));
    try {
      await fill(ws);
    } finally {
      await ws.close(); // checkpoints the WAL into the file and removes it
    }
    moveIntoPlace(tmp, abs);
  } catch (e) {
    removeWithSidecars(tmp);
    throw openError(e, abs);
  }
  return openWorkspaceFile(abs, opts);
}
