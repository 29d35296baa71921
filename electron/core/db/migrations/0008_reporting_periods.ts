import type { Migration } from './index';

/** The kind of a date range, read from its days (the same order as periods.classifyRange). */
const kindOf = (s: string, e: string) => `CASE
  WHEN substr(${s}, 6, 5) = '08-01' AND substr(${e}, 6, 5) = '07-31' AND CAST(substr(${e}, 1, 4) AS INTEGER) = CAST(substr(${s}, 1, 4) AS INTEGER) + 1 THEN 'schooljaar'
  WHEN substr(${s}, 1, 4) = substr(${e}, 1, 4) AND substr(${s}, 6, 5) = '01-01' AND substr(${e}, 6, 5) = '12-31' THEN 'kalenderjaar'
  WHEN substr(${s}, 1, 4) = substr(${e}, 1, 4) AND substr(${s}, 6, 5) || substr(${e}, 6, 5) IN ('01-0106-30', '07-0112-31') THEN 'halfjaar'
  WHEN substr(${s}, 1, 4) = substr(${e}, 1, 4) AND substr(${s}, 6, 5) || substr(${e}, 6, 5) IN ('01-0103-31', '04-0106-30', '07-0109-30', '10-0112-31') THEN 'kwartaal'
  ELSE 'vrij' END`;

/** First and last day of the school year a date falls in. */
const schoolYearStart = (d: string) => `printf('%04d-08-01', CAST(substr(${d}, 1, 4) AS INTEGER) - (substr(${d}, 6, 2) < '08'))`;
const schoolYearEnd = (d: string) => `printf('%04d-07-31', CAST(substr(${d}, 1, 4) AS INTEGER) + (substr(${d}, 6, 2) >= '08'))`;
const schoolYearOf = (d: string) =>
  `printf('%04d/%04d', CAST(substr(${d}, 1, 4) AS INTEGER) - (substr(${d}, 6, 2) < '08'), CAST(substr(${d}, 1, 4) AS INTEGER) + (substr(${d}, 6, 2) >= '08'))`;

const PERIOD_KINDS = "('schooljaar', 'kalenderjaar', 'halfjaar', 'kwartaal', 'vrij')";

/**
 * Reporting periods (issue 12). Every measurement and every target is about a period; a
 * measurement keeps its own date apart from it.
 * - target.period_kind: the kind of its existing period (read from its days).
 * - measurement: period_kind, period_start, period_end. Existing measurements get their period by
 *   the rule that held until now: the period of the target it was compared with (the shortest target
 *   in force whose period holds its date), else the school year of its date. school_year becomes
 *   the school year the value speaks for (that of the period's end, or of the date when earlier),
 *   which is the school year of the date for every existing row. The table is rebuilt so the new
 *   columns carry their checks (nothing references it).
 * - indicator: period_kind (the kind its values are about; school year for existing ones),
 *   moment_periods (per moment: 'lopend' = the period it falls in, 'vorig' = the one before; every
 *   existing moment keeps 'lopend', the rule until now), parent_id (a "waarvan" indicator: part of
 *   its parent) and phrase (the words after the number: "in beeld").
 * - Rows kept whole in the history (purged rows that redo puts back) get the same periods.
 */
export const m0008_reporting_periods: Migration = {
  version: 8,
  name: 'reporting_periods',
  sql: `
    ALTER TABLE target ADD COLUMN period_kind TEXT NOT NULL DEFAULT 'vrij' CHECK (period_kind IN ${PERIOD_KINDS});
    UPDATE target SET period_kind = ${kindOf('period_start', 'period_end')};

    ALTER TABLE indicator ADD COLUMN period_kind TEXT NOT NULL DEFAULT 'schooljaar' CHECK (period_kind IN ${PERIOD_KINDS});
    ALTER TABLE indicator ADD COLUMN moment_periods TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(moment_periods));
    ALTER TABLE indicator ADD COLUMN parent_id TEXT REFERENCES indicator(id) CHECK (parent_id IS NULL OR parent_id <> id);
    ALTER TABLE indicator ADD COLUMN phrase TEXT NOT NULL DEFAULT '';
    UPDATE indicator SET moment_periods = (SELECT json_group_array('lopend') FROM json_each(indicator.moment_dates));
    CREATE INDEX indicator_by_parent ON indicator(parent_id);

    CREATE TABLE measurement_new (
      id TEXT PRIMARY KEY,
      indicator_id TEXT NOT NULL REFERENCES indicator(id),
      date TEXT NOT NULL,
      school_year TEXT NOT NULL,
      period_kind TEXT NOT NULL CHECK (period_kind IN ${PERIOD_KINDS}),
      period_start TEXT NOT NULL CHECK (length(period_start) = 10),
      period_end TEXT NOT NULL CHECK (length(period_end) = 10),
      value REAL,
      numerator REAL CHECK (numerator IS NULL OR numerator >= 0),
      denominator REAL CHECK (denominator IS NULL OR denominator > 0),
      categories TEXT CHECK (categories IS NULL OR json_valid(categories)),
      status TEXT NOT NULL CHECK (status IN ('voorlopig', 'definitief')),
      source TEXT NOT NULL DEFAULT '',
      explanation TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1),
      CHECK (period_end >= period_start),
      CHECK ((numerator IS NULL) = (denominator IS NULL)),
      CHECK (numerator IS NULL OR numerator <= denominator),
      CHECK (value IS NOT NULL OR numerator IS NOT NULL OR categories IS NOT NULL)
    ) STRICT;

    CREATE TEMP TABLE measurement_period AS
      WITH in_force AS (
        SELECT t.* FROM target t
        WHERE t.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM target s WHERE s.supersedes_id = t.id AND s.deleted_at IS NULL)
      ),
      picked AS (
        SELECT m.id AS id, m.date AS date, (
          SELECT c.id FROM in_force c
          WHERE c.indicator_id = m.indicator_id AND c.period_start <= m.date AND m.date <= c.period_end
          ORDER BY julianday(c.period_end) - julianday(c.period_start), c.period_start DESC
          LIMIT 1
        ) AS target_id
        FROM measurement m
      )
      SELECT p.id AS id,
        COALESCE(t.period_start, ${schoolYearStart('p.date')}) AS period_start,
        COALESCE(t.period_end, ${schoolYearEnd('p.date')}) AS period_end
      FROM picked p LEFT JOIN target t ON t.id = p.target_id;

    INSERT INTO measurement_new (id, indicator_id, date, school_year, period_kind, period_start, period_end, value, numerator, denominator, categories, status, source, explanation, recorded_at, created_at, updated_at, deleted_at, deleted_in, row_version)
      SELECT m.id, m.indicator_id, m.date, ${schoolYearOf('min(m.date, p.period_end)')}, ${kindOf('p.period_start', 'p.period_end')}, p.period_start, p.period_end,
        m.value, m.numerator, m.denominator, m.categories, m.status, m.source, m.explanation, m.recorded_at, m.created_at, m.updated_at, m.deleted_at, m.deleted_in, m.row_version
      FROM measurement m JOIN measurement_period p ON p.id = m.id;
    DROP TABLE measurement_period;
    DROP TABLE measurement;
    ALTER TABLE measurement_new RENAME TO measurement;
    CREATE INDEX measurement_by_indicator ON measurement(indicator_id, date);

    -- Rows kept in the history (a purge keeps the whole row, so redo can put it back): the same
    -- periods, so a row removed before this version comes back whole.
    UPDATE change SET snapshot = json_set(snapshot,
        '$.periodKind', 'schooljaar',
        '$.periodStart', ${schoolYearStart("json_extract(snapshot, '$.date')")},
        '$.periodEnd', ${schoolYearEnd("json_extract(snapshot, '$.date')")})
      WHERE entity = 'measurement' AND snapshot IS NOT NULL AND json_valid(snapshot)
        AND json_type(snapshot, '$.date') = 'text' AND json_type(snapshot, '$.periodStart') IS NULL;
    UPDATE change SET snapshot = json_set(snapshot, '$.periodKind', ${kindOf("json_extract(snapshot, '$.periodStart')", "json_extract(snapshot, '$.periodEnd')")})
      WHERE entity = 'target' AND snapshot IS NOT NULL AND json_valid(snapshot)
        AND json_type(snapshot, '$.periodStart') = 'text' AND json_type(snapshot, '$.periodKind') IS NULL;
  `,
};
