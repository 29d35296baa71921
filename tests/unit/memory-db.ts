/**
 * An in-memory database with every migration applied, for fast tests of the core's rules (undo,
 * import planning). The migrations run once per test process; each call copies the result
 * (SQLite's serialize/deserialize), which takes a fraction of a millisecond instead of ~100 ms.
 */
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { migrate } from '../../electron/core/db/migrate';
import { kyselyFor } from '../../electron/core/db/workspace-file';
import type { Database as Schema } from '../../electron/core/db/schema';

let template: Buffer | undefined;

export function memoryDb(): { sqlite: Database.Database; db: Kysely<Schema> } {
  if (!template) {
    const fresh = new Database(':memory:');
    migrate(fresh);
    template = fresh.serialize();
    fresh.close();
  }
  const sqlite = new Database(template);
  sqlite.pragma('foreign_keys = ON');
  return { sqlite, db: kyselyFor(sqlite) };
}

/**
 * Inserts a row with only these values and every other required column blank, for a test of
 * triggers alone (the caller turns foreign keys and CHECK constraints off first).
 */
export function insertBare(db: Database.Database, table: string, values: Record<string, string>): void {
  const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number; dflt_value: unknown }[]).filter((c) => c.notnull && c.dflt_value === null);
  const row = { ...Object.fromEntries(cols.map((c) => [c.name, ''])), ...values };
  db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row));
}
