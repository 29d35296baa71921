import type { Migration } from './index';

/**
 * Privacy (issue 11).
 * - privacy_confirmation: a text the guard thought might name a young person and the user confirmed
 *   is not one. Only a SHA-256 of entity, field and value is kept, never the value itself, so the
 *   confirmation is remembered for exactly that field value without storing the text a second time.
 * - change_set.erased: 1 when an erasure scrubbed values of this change set ("[gewist]"); such a
 *   change set can no longer be undone or redone, so erased data never comes back.
 */
export const m0010_privacy: Migration = {
  version: 10,
  name: 'privacy',
  sql: `
    CREATE TABLE privacy_confirmation (
      key TEXT PRIMARY KEY CHECK (length(key) = 64),
      entity TEXT NOT NULL,
      field TEXT NOT NULL,
      confirmed_at TEXT NOT NULL,
      user TEXT NOT NULL
    ) STRICT;

    ALTER TABLE change_set ADD COLUMN erased INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1));
  `,
};
