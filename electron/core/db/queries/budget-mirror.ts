/**
 * The budget lines' mirror with their spend totals (budget_line_total, migration 0013) checked
 * against a fresh computation from budget_line and spend. Triggers keep the mirror exact; this is
 * how tests and `regieboek check` prove it. The computation is written independently of the
 * triggers (one grouped pass over spend, not a recount per line), so a slip in either shows.
 */
import type { Sqlite } from '../sqlite';
import { COFIN_SOURCES } from '../../../../shared/budget';

const cofin = `bl.funding_source IN (${COFIN_SOURCES.map((c) => `'${c}'`).join(', ')})`;

/** Every budget line as the mirror should hold it, in the mirror's column order. */
export const freshLineTotals = `
  SELECT bl.id, bl.measure_id, m.programme_id, m.deleted_at AS measure_deleted_at, bl.deleted_at, bl.year, bl.funding_source, bl.category, bl.partner_id, bl.in_kind,
    CASE WHEN ${cofin} THEN 1 ELSE 0 END AS cofin, bl.planned_cents,
    coalesce(s.realised, 0) AS realised_cents, coalesce(s.n, 0) AS spend_count, coalesce(s.year_totals, 0) AS year_total_count
  FROM budget_line bl
  LEFT JOIN measure m ON m.id = bl.measure_id
  LEFT JOIN (
    SELECT budget_line_id, sum(amount_cents) AS realised, count(*) AS n, sum(kind = 'year_total') AS year_totals
    FROM spend WHERE deleted_at IS NULL GROUP BY budget_line_id
  ) s ON s.budget_line_id = bl.id`;

/**
 * The ids of the budget lines whose mirror row is missing, surplus or differs in any column from a
 * fresh computation, sorted. Empty when the mirror is exact (or the file predates it).
 */
export function budgetMirrorDifferences(sqlite: Sqlite): string[] {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'budget_line_total'").get()) return [];
  const rows = sqlite
    .prepare(
      `WITH fresh AS (${freshLineTotals}),
       mirror AS (SELECT id, measure_id, programme_id, measure_deleted_at, deleted_at, year, funding_source, category, partner_id, in_kind, cofin, planned_cents, realised_cents, spend_count, year_total_count FROM budget_line_total)
       SELECT id FROM (SELECT * FROM fresh EXCEPT SELECT * FROM mirror)
       UNION SELECT id FROM (SELECT * FROM mirror EXCEPT SELECT * FROM fresh)
       ORDER BY id`,
    )
    .all() as { id: string }[];
  return rows.map((r) => r.id);
}
