import type { Migration } from './index';

/**
 * Money: awards per programme, budget lines on a measure (or one of its activities) per calendar
 * year, spend against budget lines (single entries, corrections and year totals in one table, so
 * they roll up the same way), and the rule settings of each programme. Every amount is INTEGER
 * cents; only a reservation line (category G) may plan a negative amount.
 */
export const m0003_money: Migration = {
  version: 3,
  name: 'money',
  sql: `
    CREATE TABLE award (
      id TEXT PRIMARY KEY,
      programme_id TEXT NOT NULL REFERENCES programme(id),
      stream TEXT NOT NULL CHECK (stream IN ('ocw', 'plus', 'rmc', 'cofin_school', 'cofin_gemeente', 'eigen', 'overig')),
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
      payment_dates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(payment_dates)),
      spend_by TEXT,
      route TEXT NOT NULL CHECK (route IN ('jaarverslag', 'sisa', 'overig')),
      reference TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX award_by_programme ON award(programme_id, year);

    CREATE TABLE budget_line (
      id TEXT PRIMARY KEY,
      measure_id TEXT NOT NULL REFERENCES measure(id),
      activity_id TEXT REFERENCES activity(id),
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      cost_item TEXT NOT NULL CHECK (length(trim(cost_item)) > 0),
      kind TEXT NOT NULL CHECK (kind IN ('personeel', 'materieel', 'overig')),
      fte REAL CHECK (fte >= 0),
      hours INTEGER CHECK (hours >= 0),
      funding_source TEXT NOT NULL CHECK (funding_source IN ('ocw', 'plus', 'rmc', 'cofin_school', 'cofin_gemeente', 'eigen', 'overig')),
      category TEXT NOT NULL CHECK (category IN ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H')),
      management INTEGER NOT NULL DEFAULT 0 CHECK (management IN (0, 1)),
      partner_id TEXT REFERENCES organisation(id),
      in_kind INTEGER NOT NULL DEFAULT 0 CHECK (in_kind IN (0, 1)),
      planned_cents INTEGER NOT NULL CHECK (planned_cents >= 0 OR category = 'G'),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
    CREATE INDEX budget_line_by_measure ON budget_line(measure_id, year);
    CREATE INDEX budget_line_by_activity ON budget_line(activity_id);

    CREATE TABLE spend (
      id TEXT PRIMARY KEY,
      budget_line_id TEXT NOT NULL REFERENCES budget_line(id),
      kind TEXT NOT NULL CHECK (kind IN ('entry', 'correction', 'year_total')),
      date TEXT,
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      amount_cents INTEGER NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      reference TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK ((kind = 'year_total') = (date IS NULL)),
      CHECK (date IS NULL OR CAST(substr(date, 1, 4) AS INTEGER) = year)
    ) STRICT;
    CREATE INDEX spend_by_line ON spend(budget_line_id);

    -- One row per programme that departs from the 2012 defaults; id is the programme's id.
    CREATE TABLE budget_rules (
      id TEXT PRIMARY KEY REFERENCES programme(id),
      management_max_pct INTEGER NOT NULL CHECK (management_max_pct BETWEEN 0 AND 100),
      management_max_cents INTEGER NOT NULL CHECK (management_max_cents >= 0),
      plus_min_pct INTEGER NOT NULL CHECK (plus_min_pct BETWEEN 0 AND 100),
      plus_reason TEXT NOT NULL DEFAULT '',
      check_awards INTEGER NOT NULL CHECK (check_awards IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER
    ) STRICT;
  `,
};
