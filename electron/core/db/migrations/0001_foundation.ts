import type { Migration } from './index';

/** Workspace identity, the region, programmes, and the history/trash tables every later record uses. */
export const m0001_foundation: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE region (
      number INTEGER PRIMARY KEY CHECK (number BETWEEN 0 AND 40),
      name TEXT NOT NULL,
      contact_municipality TEXT
    ) STRICT;

    CREATE TABLE programme (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('concept', 'lopend', 'afgerond')),
      analysis TEXT NOT NULL DEFAULT '',
      requested_cents INTEGER CHECK (requested_cents >= 0),
      awarded_cents INTEGER CHECK (awarded_cents >= 0),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      deleted_in INTEGER,
      CHECK (period_end >= period_start)
    ) STRICT;

    CREATE TABLE change_set (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user TEXT NOT NULL,
      action TEXT NOT NULL,
      label TEXT NOT NULL,
      source TEXT,
      undoes INTEGER REFERENCES change_set(id),
      undone_by INTEGER REFERENCES change_set(id)
    ) STRICT;

    CREATE TABLE change (
      id INTEGER PRIMARY KEY,
      change_set_id INTEGER NOT NULL REFERENCES change_set(id),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore', 'purge')),
      fields TEXT NOT NULL DEFAULT '{}',
      snapshot TEXT
    ) STRICT;
    CREATE INDEX change_by_entity ON change(entity, entity_id);
    CREATE INDEX change_by_set ON change(change_set_id);

    CREATE TABLE trash (
      change_set_id INTEGER PRIMARY KEY REFERENCES change_set(id),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      label TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      restored_at TEXT
    ) STRICT;
  `,
};
