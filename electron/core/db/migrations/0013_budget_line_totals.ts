import type { Migration } from './index';

/**
 * The budget overview at 2,000 activities (issue 13): `budget_line_total` mirrors every budget line
 * (trashed ones too, with their deleted_at) with the columns the overview groups on, its measure's
 * programme and trash mark, and the sum and count of its live spend, so the rollups read covering
 * indexes in the order they group by instead of summing spend per line and sorting the lines.
 *
 * SQL triggers keep it exact inside the writing transaction itself, for every tracked write, undo,
 * redo, trash, restore, import and erase: a line's row is copied again on every write to the line,
 * a write to a measure's programme or trash mark is copied onto its lines' rows, and a spend write
 * recomputes (never increments) the totals of the line(s) it touched from the spend_sum_by_line
 * index. A separate table rather than columns on budget_line: the history snapshots and restores
 * whole budget_line rows and row_version drives stale-write refusal, so a derived column there
 * would be restored stale by undo and make unrelated edits look stale.
 *
 * `cofin` is 1 for the co-financing sources (shared/budget COFIN_SOURCES at the time of writing;
 * tests/unit/migration-0013.test.ts fails if that list changes, which then needs a migration).
 */
const lineRow = (where: string) => `
  SELECT bl.id, bl.measure_id, m.programme_id, m.deleted_at, bl.deleted_at, bl.year, bl.funding_source, bl.category, bl.partner_id, bl.in_kind,
    bl.funding_source IN ('cofin_school', 'cofin_gemeente'), bl.planned_cents,
    (SELECT coalesce(sum(s.amount_cents), 0) FROM spend s WHERE s.budget_line_id = bl.id AND s.deleted_at IS NULL),
    (SELECT count(*) FROM spend s WHERE s.budget_line_id = bl.id AND s.deleted_at IS NULL),
    (SELECT count(*) FROM spend s WHERE s.budget_line_id = bl.id AND s.deleted_at IS NULL AND s.kind = 'year_total')
  FROM budget_line bl LEFT JOIN measure m ON m.id = bl.measure_id WHERE ${where}`;

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
      programme_id TEXT,
      measure_deleted_at TEXT,
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
    -- A programme's live lines in measure and year order (the matrix, the over-spent lines), and in
    -- source, year, category and partner order (the other breakdowns): both read without a sort.
    CREATE INDEX budget_line_total_by_measure ON budget_line_total(programme_id, deleted_at, measure_deleted_at, measure_id, year, in_kind, cofin, planned_cents, realised_cents, id);
    CREATE INDEX budget_line_total_by_source ON budget_line_total(programme_id, deleted_at, measure_deleted_at, funding_source, year, category, partner_id, in_kind, cofin, planned_cents, realised_cents);
    -- The lines of one measure, for the measure triggers.
    CREATE INDEX budget_line_total_measure ON budget_line_total(measure_id);

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
    CREATE TRIGGER measure_budget_line_total_insert AFTER INSERT ON measure BEGIN
      UPDATE budget_line_total SET programme_id = new.programme_id, measure_deleted_at = new.deleted_at WHERE measure_id = new.id;
    END;
    CREATE TRIGGER measure_budget_line_total_update AFTER UPDATE OF id, programme_id, deleted_at ON measure BEGIN
      UPDATE budget_line_total SET programme_id = NULL, measure_deleted_at = NULL WHERE measure_id = old.id AND old.id IS NOT new.id;
      UPDATE budget_line_total SET programme_id = new.programme_id, measure_deleted_at = new.deleted_at WHERE measure_id = new.id;
    END;
    CREATE TRIGGER measure_budget_line_total_delete AFTER DELETE ON measure BEGIN
      UPDATE budget_line_total SET programme_id = NULL, measure_deleted_at = NULL WHERE measure_id = old.id;
    END;
    CREATE TRIGGER spend_total_insert AFTER INSERT ON spend BEGIN ${recompute('new.budget_line_id')} END;
    CREATE TRIGGER spend_total_update AFTER UPDATE ON spend BEGIN ${recompute('old.budget_line_id, new.budget_line_id')} END;
    CREATE TRIGGER spend_total_delete AFTER DELETE ON spend BEGIN ${recompute('old.budget_line_id')} END;
  `,
};
