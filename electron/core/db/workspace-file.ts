/**
 * Creating, recognising and opening workspace files. A file that is not a Regieboek workspace is
 * only ever opened read-only, so it is never modified.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { createSqlite, openSqlite, type Sqlite } from './sqlite';
import { LATEST_VERSION, migrate } from './migrate';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';
import type { RegionRef } from '../../../shared/regions';
import { nowIso } from '../clock';

/** PRAGMA application_id of every Regieboek workspace: "RBK1". */
export const APPLICATION_ID = 0x52424b31;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type FileCheck =
  | { kind: 'ok'; version: number }
  | { kind: 'missing' | 'not_sqlite' | 'other_db' | 'damaged'; detail?: string }
  | { kind: 'too_new'; version: number };

/** Looks at a file without changing it. */
export function inspectFile(file: string, opts: { thorough?: boolean } = {}): FileCheck {
  if (!fs.existsSync(file)) return { kind: 'missing' };
  const stat = fs.statSync(file);
  if (!stat.isFile() || stat.size < 100) return { kind: 'not_sqlite' };
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(16);
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER)) return { kind: 'not_sqlite' };
  let sqlite: Sqlite | undefined;
  try {
    sqlite = openSqlite(file, { readonly: true });
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) return { kind: 'other_db' };
    const check = sqlite.pragma(opts.thorough ? 'integrity_check' : 'quick_check', { simple: true }) as string;
    if (check !== 'ok') return { kind: 'damaged', detail: check };
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) return { kind: 'too_new', version };
    return { kind: 'ok', version };
  } catch (e) {
    return { kind: 'damaged', detail: (e as Error).message };
  } finally {
    sqlite?.close();
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

export class Workspace {
  constructor(
    readonly path: string,
    readonly sqlite: Sqlite,
    readonly db: Kysely<Database>,
  ) {}

  get fileName(): string {
    return path.basename(this.path);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

function configure(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  // WAL with NORMAL: a crash or kill loses at most the last commit, never consistency.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

function wrap(file: string, sqlite: Sqlite): Workspace {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  return new Workspace(file, sqlite, db);
}

/** Opens an existing workspace; migrates it (after a backup copy) when it is older than this version. */
export function openWorkspaceFile(file: string): Workspace {
  const abs = path.resolve(file);
  const version = assertOpenable(abs);
  if (version < LATEST_VERSION) {
    const ro = openSqlite(abs, { readonly: true });
    try {
      const backup = `${abs}.v${version}-${nowIso().replace(/[:.]/g, '-')}.bak`;
      ro.prepare('VACUUM INTO ?').run(backup);
    } finally {
      ro.close();
    }
  }
  const sqlite = openSqlite(abs);
  configure(sqlite);
  migrate(sqlite);
  return wrap(abs, sqlite);
}

/**
 * Creates a new workspace for a region. It is built under a temporary name and renamed into place,
 * so a kill halfway never leaves a half-made workspace behind.
 */
export function createWorkspaceFile(file: string, region: RegionRef, meta: Record<string, string> = {}): Workspace {
  const abs = path.resolve(file);
  if (fs.existsSync(abs)) throw new UserError('conflict', t('err.fileExists', { path: abs }), 'fileName');
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.nieuw-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  const sqlite = createSqlite(tmp);
  try {
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
  fs.renameSync(tmp, abs);
  return openWorkspaceFile(abs);
}
