import type { Migration } from './index';

/**
 * Participants reached, kept per built-in participants indicator (issue 13). The budget overview
 * shows per measure the participants its activities reached, by the results' own rule over every
 * measurement of each built-in "Bereikte deelnemers" indicator (shared/participants.ts
 * reachedPerYear): at 2,000 activities that is some 5,000 measurements read and judged on every
 * call. participants_reached keeps each indicator's outcome (per school year, as JSON); it depends
 * on the indicator's live measurements only (not on the day, nor on where the activity hangs), so
 * the triggers delete it when one of those changes, by whatever write (tracked, undo, trash,
 * restore, import, erasure). budget.ts reachedParticipants fills what is missing.
 */
export const m0015_participants_reached: Migration = {
  version: 15,
  name: 'participants_reached',
  sql: `
    CREATE TABLE participants_reached (
      indicator_id TEXT PRIMARY KEY,
      per_year TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER participants_reached_measurement_insert AFTER INSERT ON measurement BEGIN
      DELETE FROM participants_reached WHERE indicator_id = new.indicator_id;
    END;
    CREATE TRIGGER participants_reached_measurement_update AFTER UPDATE ON measurement BEGIN
      DELETE FROM participants_reached WHERE indicator_id IN (old.indicator_id, new.indicator_id);
    END;
    CREATE TRIGGER participants_reached_measurement_delete AFTER DELETE ON measurement BEGIN
      DELETE FROM participants_reached WHERE indicator_id = old.indicator_id;
    END;
    CREATE TRIGGER participants_reached_indicator_delete AFTER DELETE ON indicator BEGIN
      DELETE FROM participants_reached WHERE indicator_id = old.id;
    END;
  `,
};
