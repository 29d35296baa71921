import type { Migration } from './index';

/**
 * Targets and results: indicators on an activity or a measure, with their baseline in the same
 * row; targets per school year or period, where a revision is a new row that supersedes the
 * previous one (both stay); measurements with provenance, where a definitive value for a moment
 * is a new row next to the provisional one; DUO region figures; status thresholds per programme.
 * Values are REAL (euro values in cents); JSON lists are edited as a whole.
 */
export const m0004_results: Migration = {
  version: 4,
  name: 'results',
  sql: `
    CREATE TABLE indicator (
      id TEXT PRIMARY KEY,
      activity_id TEXT REFERENCES activity(id),
      measure_id TEXT REFERENCES measure(id),
      builtin TEXT CHECK (builtin IS NULL OR builtin IN ('deelnemers')),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      description TEXT NOT NULL DEFAULT '',
      unit TEXT NOT NULL CHECK (unit IN ('aantal', 'percentage', 'euro', 'dagen', 'vrij')),
      free_unit TEXT NOT NULL DEFAULT '',
      direction TEXT NOT NULL CHECK (direction IN ('hoger', 'lager', 'bandbreedte')),
      aggregation TEXT NOT NULL CHECK (aggregation IN ('niveau', 'aantal', 'cumulatief')),
      data_source TEXT NOT NULL DEFAULT '',
      moment_kind TEXT NOT NULL CHECK (moment_kind IN ('jaarlijks', 'halfjaarlijks', 'lijst')),
      moment_dates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(moment_dates)),
      categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(categories)),
      baseline_value REAL,
      baseline_date TEXT,
      baseline_source TEXT NOT NULL DEFAULT '',
      baseline_note TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK ((activity_id IS NULL) <> (measure_id IS NULL)),
      CHECK (unit <> 'percentage' OR baseline_value IS NULL OR baseline_value BETWEEN 0 AND 100)
    ) STRICT;
    CREATE INDEX indicator_by_activity ON indicator(activity_id);
    CREATE INDEX indicator_by_measure ON indicator(measure_id);

    CREATE TABLE target (
      id TEXT PRIMARY KEY,
      indicator_id TEXT NOT NULL REFERENCES indicator(id),
      school_year TEXT,
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('exact', 'bereik', 'relatief')),
      value REAL,
      min REAL,
      max REAL,
      percent REAL,
      supersedes_id TEXT REFERENCES target(id),
      reason TEXT NOT NULL DEFAULT '',
      decision_date TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK (period_end >= period_start),
      CHECK (kind <> 'exact' OR value IS NOT NULL),
      CHECK (kind <> 'bereik' OR (min IS NOT NULL AND max IS NOT NULL AND min <= max)),
      CHECK (kind <> 'relatief' OR percent IS NOT NULL),
      CHECK (supersedes_id IS NULL OR length(trim(reason)) > 0)
    ) STRICT;
    CREATE INDEX target_by_indicator ON target(indicator_id);

    CREATE TABLE measurement (
      id TEXT PRIMARY KEY,
      indicator_id TEXT NOT NULL REFERENCES indicator(id),
      date TEXT NOT NULL,
      school_year TEXT NOT NULL,
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
      CHECK ((numerator IS NULL) = (denominator IS NULL)),
      CHECK (numerator IS NULL OR numerator <= denominator),
      CHECK (value IS NOT NULL OR numerator IS NOT NULL OR categories IS NOT NULL)
    ) STRICT;
    CREATE INDEX measurement_by_indicator ON measurement(indicator_id, date);

    CREATE TABLE region_figure (
      id TEXT PRIMARY KEY,
      school_year TEXT NOT NULL,
      onderwijssoort TEXT NOT NULL CHECK (onderwijssoort IN ('vo_onderbouw', 'vmbo_bovenbouw', 'havo_vwo_bovenbouw', 'mbo1', 'mbo2', 'mbo34')),
      students INTEGER NOT NULL CHECK (students >= 0),
      leavers INTEGER NOT NULL CHECK (leavers >= 0),
      percentage REAL NOT NULL CHECK (percentage BETWEEN 0 AND 100),
      national_norm REAL CHECK (national_norm IS NULL OR national_norm BETWEEN 0 AND 100),
      status TEXT NOT NULL CHECK (status IN ('voorlopig', 'definitief')),
      definition_version TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK (leavers <= students)
    ) STRICT;
    CREATE INDEX region_figure_by_year ON region_figure(school_year, onderwijssoort);

    CREATE TABLE result_settings (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL UNIQUE REFERENCES programme(id),
      on_track_margin INTEGER NOT NULL CHECK (on_track_margin BETWEEN 0 AND 100),
      attention_margin INTEGER NOT NULL CHECK (attention_margin BETWEEN 0 AND 100),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK (attention_margin >= on_track_margin)
    ) STRICT;
  `,
};
