import type { Migration } from './index';

/**
 * The programme itself: partners and their contacts, programme lines, measures, activities (one
 * column per question of the standard activity description) and sub-activities. Lists that are
 * edited as a whole (target groups, executing partners, planned participants) are JSON arrays, so
 * one edit is one tracked field change. Codes are TEXT, kept exactly as typed.
 */
export const m0002_programme_tree: Migration = {
  version: 2,
  name: 'programme_tree',
  sql: `
    CREATE TABLE organisation (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      type TEXT NOT NULL CHECK (type IN ('mbo', 'vo', 'vso', 'pro', 'swv', 'gemeente', 'rmc', 'leerplicht', 'uwv', 'zorg', 'justitie', 'bedrijfsleven', 'overig')),
      brin TEXT NOT NULL DEFAULT '',
      kvk TEXT NOT NULL DEFAULT '',
      place TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;

    CREATE TABLE contact (
      id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL REFERENCES organisation(id),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      function TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX contact_by_organisation ON contact(organisation_id);

    ALTER TABLE programme ADD COLUMN contact_school_id TEXT REFERENCES organisation(id);
    ALTER TABLE programme ADD COLUMN contact_municipality_id TEXT REFERENCES organisation(id);

    CREATE TABLE programme_line (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL REFERENCES programme(id),
      code TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      description TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX programme_line_by_programme ON programme_line(programme_id);

    CREATE TABLE measure (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL REFERENCES programme(id),
      line_id TEXT REFERENCES programme_line(id),
      code TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      description TEXT NOT NULL DEFAULT '',
      plusvoorziening INTEGER NOT NULL DEFAULT 0 CHECK (plusvoorziening IN (0, 1)),
      target_groups TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(target_groups)),
      lead_organisation_id TEXT REFERENCES organisation(id),
      executor_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(executor_ids)),
      status TEXT NOT NULL CHECK (status IN ('concept', 'lopend', 'afgerond', 'gestopt')),
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX measure_by_programme ON measure(programme_id);
    CREATE INDEX measure_by_line ON measure(line_id);

    CREATE TABLE activity (
      id TEXT PRIMARY KEY,
      measure_id TEXT NOT NULL REFERENCES measure(id),
      code TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      status TEXT NOT NULL CHECK (status IN ('concept', 'lopend', 'afgerond', 'gestopt')),
      description TEXT NOT NULL DEFAULT '',
      aim TEXT NOT NULL DEFAULT '',
      start_date TEXT,
      end_date TEXT,
      duration_note TEXT NOT NULL DEFAULT '',
      sub_activities_duration TEXT NOT NULL DEFAULT '',
      target_groups TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(target_groups)),
      target_group_need TEXT NOT NULL DEFAULT '',
      planned_participants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(planned_participants)),
      look_back_earlier TEXT NOT NULL DEFAULT '',
      look_back_aim_reached TEXT NOT NULL DEFAULT '',
      results_general TEXT NOT NULL DEFAULT '',
      results_per_sub_activity TEXT NOT NULL DEFAULT '',
      results_vsv_contribution TEXT NOT NULL DEFAULT '',
      results_responsible TEXT NOT NULL DEFAULT '',
      measurement_moments TEXT NOT NULL DEFAULT '',
      indicators_monitoring TEXT NOT NULL DEFAULT '',
      organisation_structure TEXT NOT NULL DEFAULT '',
      sustainability_how TEXT NOT NULL DEFAULT '',
      sustainability_who TEXT NOT NULL DEFAULT '',
      sustainability_from TEXT NOT NULL DEFAULT '',
      lead_organisation_id TEXT REFERENCES organisation(id),
      executor_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(executor_ids)),
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
    ) STRICT;
    CREATE INDEX activity_by_measure ON activity(measure_id);

    CREATE TABLE sub_activity (
      id TEXT PRIMARY KEY,
      activity_id TEXT NOT NULL REFERENCES activity(id),
      number TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      period TEXT NOT NULL DEFAULT '',
      intended_result TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX sub_activity_by_activity ON sub_activity(activity_id);
  `,
};
