import type { Migration } from './index';

/**
 * The budget overview at 2,000 activities (issue 13): `budget_line_total` mirrors every budget line
 * (trashed ones too, with their deleted_at) with the columns the overview groups on and the sum and
 * count of its live spend, so the rollups read one covering index per line instead of summing spend
 * per line and sorting the result five times.
 *
 * SQL triggers keep it exact inside the writing transaction itself, for every tracked write, undo,
 * redo, trash, restore, import and erase: a line's row is copied again on every write to the line,
 * and a spend write recomputes (never increments) the totals of the line(s) it touched from the
 * spend_sum_by_line index. A separate table rather than columns on budget_line: the history
 * snapshots and restores whole budget_line rows and row_version drives stale-write refusal, so a
 * derived column there would be restored stale by undo and make unrelated edits look stale.
 *
 * `cofin` is 1 for the co-financing sources (shared/budget COFIN_SOURCES at the time of writing;
 * tests/unit/migration-0013.test.ts fails if that list changes, which then needs a migration).
 */
const lineRow = (where: string) => `
  SELECT bl.id, bl.measure_id, bl.deleted_at, bl.year, bl.funding_source, bl.category, bl.partner_id, bl.in_kind,
    bl.funding_source IN ('cofin_school', 'cofin_gemeente'), bl.planned_cents,
    (SELECT coalesce(sum(s.amount_cents), 0) FROM spend s WHERE s.budget_line_id = bl.id AND s.deleted_at IS NULL),
    (SELECT count(*) FROM spend s WHERE s.budget_line_id = bl.id AND s.deleted_at IS NULL),
    (SELECT count(*) FROM spend s WHERE s.budget_line_id = bl.id AND s.deleted_at IS NULL AND s.kind = 'year_total')
  FROM budget_line bl WHERE ${where}`;

/** Recomputes the spend totals of the mirrored lines whose id is in `ids`. */
const recompute = (ids: string) => `
  UPDATE budget_line_total SET (realised_cents, spend_count, year_total_count) = (
    SELECT coalesce(sum(s.amount_cents), 0), count(*), count(*) FILTER (WHERE s.kind = 'year_total')
    FROM spend s WHERE s.budget_line_id = budget_line_total.id AND s.deleted_at IS NULL)
  WHERE id IN (${ids});`;

export const m0013_budget_line_totals: Migration = {
  version: 13,
  name: 'budget_line_totals',
  sql: `
    CREATE TABLE budget_line_total (
      id TEXT PRIMARY KEY,
      measure_id TEXT NOT NULL,
      deleted_at TEXT,
      year INTEGER NOT NULL,
      funding_source TEXT NOT NULL,
      category TEXT NOT NULL,
      partner_id TEXT,
      in_kind INTEGER NOT NULL,
      cofin INTEGER NOT NULL,
      planned_cents INTEGER NOT NULL,
      realised_cents INTEGER NOT NULL,
      spend_count INTEGER NOT NULL,
      year_total_count INTEGER NOT NULL
    ) STRICT;
    -- Every rollup branch of the overview reads a measure's live lines from this index alone.
    CREATE INDEX budget_line_total_rollup ON budget_line_total(measure_id, deleted_at, year, funding_source, category, partner_id, in_kind, cofin, planned_cents, realised_cents, id);

    INSERT INTO budget_line_total ${lineRow('1')};

    CREATE TRIGGER budget_line_total_insert AFTER INSERT ON budget_line BEGIN
      INSERT OR REPLACE INTO budget_line_total ${lineRow('bl.id = new.id')};
    END;
    CREATE TRIGGER budget_line_total_update AFTER UPDATE ON budget_line BEGIN
      DELETE FROM budget_line_total WHERE id = old.id;
      INSERT OR REPLACE INTO budget_line_total ${lineRow('bl.id = new.id')};
    END;
    CREATE TRIGGER budget_line_total_delete AFTER DELETE ON budget_line BEGIN
      DELETE FROM budget_line_total WHERE id = old.id;
    END;
    CREATE TRIGGER spend_total_insert AFTER INSERT ON spend BEGIN ${recompute('new.budget_line_id')} END;
    CREATE TRIGGER spend_total_update AFTER UPDATE ON spend BEGIN ${recompute('old.budget_line_id, new.budget_line_id')} END;
    CREATE TRIGGER spend_total_delete AFTER DELETE ON spend BEGIN ${recompute('old.budget_line_id')} END;
  `,
};
