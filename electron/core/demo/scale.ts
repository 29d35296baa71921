/**
 * `regieboek demo --scale N`: the example region N times over in one workspace, for benchmarks of
 * a big region. The running programme gets N-1 more copies of its own records: programme lines,
 * measures, activities, sub-activities, money (awards, budget lines, spend), indicators with
 * targets and measurements, and monitoring rounds with interviews, answers and actions, each copy
 * with its history. Partners, contacts and the question list stay shared, as in a real region.
 *
 * Copies are made in SQL (INSERT … SELECT), not through the seeding code again: seeding through
 * the tracked writer takes seconds per copy, copying takes milliseconds. Every UUID of a copied
 * record is replaced, in every text column (foreign keys, JSON id lists, frozen fact snapshots,
 * history snapshots), by a variant of its own per copy; ids of shared records stay. Codes move
 * on by the number of programme lines ("1.2.3" in copy 2 of a 4-line programme becomes "5.2.3"),
 * so every code stays unique.
 */
import type { Sqlite } from '../db/sqlite';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Tables copied, in foreign-key order, with the rows of the original that belong to programme ?. */
const COPIED: { table: string; where: string }[] = [
  { table: 'programme_line', where: 'programme_id = $p' },
  { table: 'measure', where: 'programme_id = $p' },
  { table: 'activity', where: 'measure_id IN (SELECT id FROM measure WHERE programme_id = $p)' },
  { table: 'sub_activity', where: 'activity_id IN (SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = $p)' },
  { table: 'award', where: 'programme_id = $p' },
  {
    table: 'budget_line',
    where: 'measure_id IN (SELECT id FROM measure WHERE programme_id = $p) OR activity_id IN (SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = $p)',
  },
  { table: 'spend', where: 'budget_line_id IN (SELECT id FROM temp.scale_orig)' },
  {
    table: 'indicator',
    where: 'measure_id IN (SELECT id FROM measure WHERE programme_id = $p) OR activity_id IN (SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = $p)',
  },
  { table: 'target', where: 'indicator_id IN (SELECT id FROM temp.scale_orig)' },
  { table: 'measurement', where: 'indicator_id IN (SELECT id FROM temp.scale_orig)' },
  { table: 'monitoring_round', where: 'programme_id = $p' },
  { table: 'monitoring_interview', where: 'round_id IN (SELECT id FROM temp.scale_orig)' },
  { table: 'monitoring_attendee', where: 'interview_id IN (SELECT id FROM temp.scale_orig)' },
  { table: 'monitoring_answer', where: 'interview_id IN (SELECT id FROM temp.scale_orig)' },
  { table: 'monitoring_action', where: 'round_id IN (SELECT id FROM temp.scale_orig)' },
];

/** Tables whose `code` moves on per copy. */
const CODED = new Set(['programme_line', 'measure', 'activity']);

/** The copy-k variant of an id: the same UUID with its last 8 hex digits replaced (k ≥ 1). */
export function copyId(id: string, k: number): string {
  return id.slice(0, 28) + k.toString(16).padStart(8, '0');
}

/**
 * Adds `times - 1` copies of the running programme's records (see above). Returns the number of
 * rows written. One transaction: a failure leaves the workspace as it was.
 */
export function scaleExample(sqlite: Sqlite, times: number): number {
  if (times <= 1) return 0;
  const programme = sqlite.prepare("SELECT id FROM programme WHERE status = 'lopend' AND deleted_at IS NULL ORDER BY period_start DESC LIMIT 1").get() as { id: string } | undefined;
  if (!programme) return 0;
  const lineCount = (sqlite.prepare('SELECT count(*) AS n FROM programme_line WHERE programme_id = ?').get(programme.id) as { n: number }).n;
  const originals = new Set<string>();
  let k = 0;
  sqlite.function('scale_remap', { deterministic: true }, (v: unknown) => (typeof v === 'string' && v.length >= 36 ? v.replace(UUID, (u) => (originals.has(u) ? copyId(u, k) : u)) : v));
  sqlite.function('scale_code', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.replace(/^\d+/, (n) => String(Number(n) + lineCount * k)) : v));
  let written = 0;
  sqlite.transaction(() => {
    sqlite.pragma('defer_foreign_keys = ON');
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS scale_orig (id TEXT PRIMARY KEY); DELETE FROM temp.scale_orig;');
    const columns = new Map<string, { name: string; type: string; pk: number }[]>();
    for (const { table, where } of COPIED) {
      sqlite.prepare(`INSERT OR IGNORE INTO temp.scale_orig (id) SELECT id FROM ${table} WHERE ${where.replaceAll('$p', '?')}`).run(...Array.from(where.matchAll(/\$p/g), () => programme.id));
      columns.set(table, sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; pk: number }[]);
    }
    for (const { id } of sqlite.prepare('SELECT id FROM temp.scale_orig').all() as { id: string }[]) originals.add(id);

    const copies = COPIED.map(({ table }) => {
      const cols = columns.get(table)!;
      const names = cols.map((c) => c.name).join(', ');
      const values = cols
        .map((c) => (c.name === 'code' && CODED.has(table) ? 'scale_code(code)' : `scale_remap(${c.name})`))
        .join(', ');
      return sqlite.prepare(`INSERT INTO ${table} (${names}) SELECT ${values} FROM ${table} WHERE id IN (SELECT id FROM temp.scale_orig)`);
    });
    // The history of the copied records: one change set per copy, as if each was typed in.
    const sets = sqlite.prepare('SELECT DISTINCT change_set_id AS id FROM change WHERE entity_id IN (SELECT id FROM temp.scale_orig)').all() as { id: number }[];
    const setCols = (sqlite.prepare('PRAGMA table_info(change_set)').all() as { name: string }[]).map((c) => c.name).filter((n) => n !== 'id').join(', ');
    const copySet = sqlite.prepare(`INSERT INTO change_set (${setCols}) SELECT ${setCols} FROM change_set WHERE id = ?`);
    const copyChanges = sqlite.prepare(
      'INSERT INTO change (change_set_id, entity, entity_id, op, fields, snapshot) SELECT ?, entity, scale_remap(entity_id), op, scale_remap(fields), scale_remap(snapshot) FROM change WHERE change_set_id = ? AND entity_id IN (SELECT id FROM temp.scale_orig) ORDER BY id',
    );
    for (k = 1; k < times; k++) {
      for (const stmt of copies) written += stmt.run().changes;
      for (const s of sets) {
        const setId = Number(copySet.run(s.id).lastInsertRowid);
        written += copyChanges.run(setId, s.id).changes;
      }
    }
    sqlite.exec('DROP TABLE temp.scale_orig');
  })();
  return written;
}
