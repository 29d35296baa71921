import type { Migration } from './index';

/**
 * DUO's files (issue 12): a count DUO suppressed for privacy stays empty, never 0, so the counts and
 * the percentage of a region figure may be empty (the table is rebuilt to drop NOT NULL; nothing
 * refers to it). And the column mapping a user confirmed for a set of headers is remembered, so the
 * next file with the same headers is read the same way (written only with an applied import).
 */
export const m0009_duo_import: Migration = {
  version: 9,
  name: 'duo_import',
  sql: `
    CREATE TABLE region_figure_new (
      id TEXT PRIMARY KEY,
      school_year TEXT NOT NULL,
      onderwijssoort TEXT NOT NULL CHECK (onderwijssoort IN ('vo_onderbouw', 'vmbo_bovenbouw', 'havo_vwo_bovenbouw', 'mbo1', 'mbo2', 'mbo34')),
      students INTEGER CHECK (students IS NULL OR students >= 0),
      leavers INTEGER CHECK (leavers IS NULL OR leavers >= 0),
      percentage REAL CHECK (percentage IS NULL OR percentage BETWEEN 0 AND 100),
      national_norm REAL CHECK (national_norm IS NULL OR national_norm BETWEEN 0 AND 100),
      status TEXT NOT NULL CHECK (status IN ('voorlopig', 'definitief')),
      definition_version TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1),
      CHECK (leavers IS NULL OR students IS NULL OR leavers <= students)
    ) STRICT;
    INSERT INTO region_figure_new (id, school_year, onderwijssoort, students, leavers, percentage, national_norm, status, definition_version, source, created_at, updated_at, deleted_at, deleted_in, row_version)
      SELECT id, school_year, onderwijssoort, students, leavers, percentage, national_norm, status, definition_version, source, created_at, updated_at, deleted_at, deleted_in, row_version FROM region_figure;
    DROP TABLE region_figure;
    ALTER TABLE region_figure_new RENAME TO region_figure;
    CREATE INDEX region_figure_by_year ON region_figure(school_year, onderwijssoort);

    CREATE TABLE duo_mapping (
      header_key TEXT PRIMARY KEY,
      headers TEXT NOT NULL CHECK (json_valid(headers)),
      mapping TEXT NOT NULL CHECK (json_valid(mapping)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
