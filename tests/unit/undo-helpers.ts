/** Full dumps of every tracked table, to compare states before and after undo and redo. */
import type { Sqlite } from '../../electron/core/db/sqlite';
import { entities } from '../../electron/core/history/entities';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/**
 * Every row of every tracked table, ordered by id. row_version is left out on purpose: it counts
 * writes and so rises with every undo and redo (a stale form must never match a newer row).
 */
export function dumpTables(sqlite: Sqlite): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const def of Object.values(entities)) {
    const rows = sqlite.prepare(`SELECT * FROM ${snake(def.table)} ORDER BY id`).all() as Record<string, unknown>[];
    out[def.table] = rows.map(({ row_version: _v, ...rest }) => rest);
  }
  return out;
}

/** What the Prullenbak lists, by item. */
export function trashView(sqlite: Sqlite): unknown[] {
  return sqlite.prepare('SELECT entity, entity_id, label, deleted_at FROM trash WHERE restored_at IS NULL ORDER BY change_set_id').all();
}
