/**
 * Live records per tracked kind, read straight from a connection (also a read-only one on a
 * backup or an older file, where a table may not exist yet). `regieboek info` and the list of
 * backups show the same numbers.
 */
import type { Sqlite } from '../sqlite';
import { entities } from '../../history/entities';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

export function recordCounts(sqlite: Sqlite): Record<string, number> {
  const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const counts: Record<string, number> = {};
  for (const [name, def] of Object.entries(entities)) {
    const table = snake(def.table);
    counts[name] = tables.has(table) ? (sqlite.prepare(`SELECT count(*) AS n FROM "${table}" WHERE deleted_at IS NULL`).get() as { n: number }).n : 0;
  }
  return counts;
}
