import type { Migration } from './index';

/**
 * Monitoring interviews and their action lists.
 * - question_set: a programme's editable copy of the standard questions (one per programme), with
 *   question rows (retired ones stay, archived) and an append-only question_set_version holding a
 *   JSON snapshot of the whole set after every edit.
 * - monitoring_round: a round of interviews (name, dates) in a programme; monitoring_interview is the
 *   input per measure in scope (optionally per executing partner) with its status, the frozen facts
 *   (JSON, written when submitted) and its attendees and answers. An answer keeps the exact question
 *   text and version it answered.
 * - monitoring_action: "Actie/Afspraak" with "Door" (a person and/or an organisation), a deadline
 *   and a status; linked to the round and a measure, optionally an activity or an indicator.
 *   indicator_id has no foreign key: indicators live in the results migration.
 */
export const m0005_monitoring: Migration = {
  version: 5,
  name: 'monitoring',
  sql: `
    CREATE TABLE question_set (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL REFERENCES programme(id),
      version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX question_set_by_programme ON question_set(programme_id);

    CREATE TABLE question (
      id TEXT PRIMARY KEY,
      set_id TEXT NOT NULL REFERENCES question_set(id),
      question_text TEXT NOT NULL CHECK (length(trim(question_text)) > 0),
      position INTEGER NOT NULL CHECK (position >= 0),
      version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
      facts TEXT CHECK (facts IS NULL OR facts IN ('reach', 'budget')),
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX question_by_set ON question(set_id);

    CREATE TABLE question_set_version (
      id TEXT PRIMARY KEY,
      set_id TEXT NOT NULL REFERENCES question_set(id),
      version INTEGER NOT NULL CHECK (version >= 0),
      questions TEXT NOT NULL CHECK (json_valid(questions)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX question_set_version_unique ON question_set_version(set_id, version);

    CREATE TABLE monitoring_round (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL REFERENCES programme(id),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      start_date TEXT NOT NULL,
      end_date TEXT,
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK (end_date IS NULL OR end_date >= start_date)
    ) STRICT;
    CREATE INDEX monitoring_round_by_programme ON monitoring_round(programme_id, start_date);

    CREATE TABLE monitoring_interview (
      id TEXT PRIMARY KEY,
      round_id TEXT NOT NULL REFERENCES monitoring_round(id),
      measure_id TEXT NOT NULL REFERENCES measure(id),
      partner_id TEXT REFERENCES organisation(id),
      -- How the input was named when made ("2a Instroomloket 16+ — ROC Voorbeeld"), for history labels.
      title TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'ingediend', 'besproken')),
      submitted_at TEXT,
      facts_snapshot TEXT CHECK (facts_snapshot IS NULL OR json_valid(facts_snapshot)),
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX monitoring_interview_by_round ON monitoring_interview(round_id);
    CREATE INDEX monitoring_interview_by_measure ON monitoring_interview(measure_id);

    CREATE TABLE monitoring_attendee (
      id TEXT PRIMARY KEY,
      interview_id TEXT NOT NULL REFERENCES monitoring_interview(id),
      contact_id TEXT REFERENCES contact(id),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      organisation_name TEXT NOT NULL DEFAULT '',
      function TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX monitoring_attendee_by_interview ON monitoring_attendee(interview_id);

    CREATE TABLE monitoring_answer (
      id TEXT PRIMARY KEY,
      interview_id TEXT NOT NULL REFERENCES monitoring_interview(id),
      question_id TEXT NOT NULL REFERENCES question(id),
      question_text TEXT NOT NULL,
      question_version INTEGER NOT NULL,
      position INTEGER NOT NULL,
      answer TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'ingediend', 'besproken')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX monitoring_answer_unique ON monitoring_answer(interview_id, question_id);

    CREATE TABLE monitoring_action (
      id TEXT PRIMARY KEY,
      round_id TEXT NOT NULL REFERENCES monitoring_round(id),
      measure_id TEXT NOT NULL REFERENCES measure(id),
      activity_id TEXT REFERENCES activity(id),
      indicator_id TEXT,
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      owner_name TEXT NOT NULL DEFAULT '',
      owner_organisation_id TEXT REFERENCES organisation(id),
      deadline TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'loopt', 'afgerond', 'vervallen')),
      closed_at TEXT,
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK (length(trim(owner_name)) > 0 OR owner_organisation_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX monitoring_action_by_round ON monitoring_action(round_id);
    CREATE INDEX monitoring_action_by_measure ON monitoring_action(measure_id);
  `,
};
