/**
 * Opens better-sqlite3. Under Electron the main process sets REGIEBOEK_SQLITE_BINDING to a copy of
 * the native module built for Electron's ABI, so tests and the CLI (plain Node) keep using the
 * binary in node_modules from the same install.
 */
import Database from 'better-sqlite3';

export type Sqlite = Database.Database;

/**
 * Every connection overwrites deleted content with zeros (privacy, issue 11): without it the bytes
 * of a deleted or changed value stay in free pages of the file until a VACUUM.
 */
function secure(db: Sqlite): Sqlite {
  db.pragma('secure_delete = ON');
  return db;
}

export function openSqlite(path: string, opts: { readonly?: boolean } = {}): Sqlite {
  const nativeBinding = process.env.REGIEBOEK_SQLITE_BINDING || undefined;
  return secure(new Database(path, { readonly: opts.readonly ?? false, fileMustExist: true, nativeBinding }));
}

export function createSqlite(path: string): Sqlite {
  const nativeBinding = process.env.REGIEBOEK_SQLITE_BINDING || undefined;
  return secure(new Database(path, { nativeBinding }));
}
