/**
 * The one escape hatch from Kysely's table types: a query on a table whose name is chosen at run
 * time (history, undo, the Prullenbak, reordering, the Excel import). Callers take the table name
 * from the entity registry (history/entities.ts), which is the allowlist, and say what a row holds.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export type LooseRow = Record<string, unknown>;

export function looseDb<R extends object = LooseRow>(db: Kysely<Database> | Transaction<Database>): Kysely<Record<string, R>> {
  return db as unknown as Kysely<Record<string, R>>;
}
