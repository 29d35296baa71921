import type { Migration } from './index';

/**
 * Judged indicators kept between calls (issue 13). Judging every indicator of a big programme
 * reads all its targets and measurements (some 30,000 rows at 2,000 activities), too slow for a
 * screen. indicator_result keeps each indicator's judgement with what it
 * was judged for (its status and attention reasons, its summary and the whole result as JSON,
 * so the overview reads only what it shows): the programme's context (period, thresholds, rule version) and the day, and the
 * first later day on which the same rows could be judged differently (valid_until, from
 * results.ts nextChange). A row is used only for a day in [as_of, valid_until) and the same
 * context; otherwise the indicator is judged again and the row replaced.
 *
 * The triggers delete a row when anything it was judged from changes, by whatever writes: the
 * indicator, its targets and measurements, and the activity it hangs on (the built-in participants
 * indicator takes its targets from the activity; "deelnemers:<activity>" is the id of that
 * indicator before it is stored). Trash, restore, undo, import and erasure are writes like any
 * other, so no path can leave a row judged from rows that are gone. They also empty
 * indicator_result_state, the note that a programme needs no look for stale judgements.
 */
export const m0014_indicator_results: Migration = {
  version: 14,
  name: 'indicator_results',
  sql: `
    CREATE TABLE indicator_result (
      indicator_id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL,
      context TEXT NOT NULL,
      as_of TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      status TEXT NOT NULL,
      attention TEXT NOT NULL,
      summary TEXT NOT NULL,
      result TEXT NOT NULL
    ) STRICT;
    -- The rows carry kilobytes of JSON: the overview's counts and attention list and the check for
    -- judgements that no longer hold read these indexes only, never a row.
    CREATE INDEX indicator_result_by_owner ON indicator_result(owner_id, context, as_of, valid_until, status, attention);
    CREATE INDEX indicator_result_holds ON indicator_result(indicator_id, context, as_of, valid_until);

    -- A programme whose indicators all had a judgement that holds, from as_of until valid_until (the
    -- first of theirs), in this context. Any write that can change what a programme shows deletes
    -- every such row, so a row here means: nothing to judge, no need to look.
    CREATE TABLE indicator_result_state (
      programme_id TEXT PRIMARY KEY,
      context TEXT NOT NULL,
      as_of TEXT NOT NULL,
      valid_until TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER indicator_result_indicator_insert AFTER INSERT ON indicator BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id IN (new.id, 'deelnemers:' || new.activity_id);
    END;
    CREATE TRIGGER indicator_result_indicator_update AFTER UPDATE ON indicator BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id IN (old.id, new.id, 'deelnemers:' || old.activity_id, 'deelnemers:' || new.activity_id);
    END;
    CREATE TRIGGER indicator_result_indicator_delete AFTER DELETE ON indicator BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id IN (old.id, 'deelnemers:' || old.activity_id);
    END;
    CREATE TRIGGER indicator_result_target_insert AFTER INSERT ON target BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id = new.indicator_id;
    END;
    CREATE TRIGGER indicator_result_target_update AFTER UPDATE ON target BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id IN (old.indicator_id, new.indicator_id);
    END;
    CREATE TRIGGER indicator_result_target_delete AFTER DELETE ON target BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id = old.indicator_id;
    END;
    CREATE TRIGGER indicator_result_measurement_insert AFTER INSERT ON measurement BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id = new.indicator_id;
    END;
    CREATE TRIGGER indicator_result_measurement_update AFTER UPDATE ON measurement BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id IN (old.indicator_id, new.indicator_id);
    END;
    CREATE TRIGGER indicator_result_measurement_delete AFTER DELETE ON measurement BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE indicator_id = old.indicator_id;
    END;
    CREATE TRIGGER indicator_result_activity_update AFTER UPDATE ON activity BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE owner_id IN (old.id, new.id);
    END;
    CREATE TRIGGER indicator_result_activity_delete AFTER DELETE ON activity BEGIN
      DELETE FROM indicator_result_state;
      DELETE FROM indicator_result WHERE owner_id = old.id;
    END;
    -- A new activity may bring a built-in participants indicator; a measure moved, trashed or
    -- restored changes which indicators a programme has.
    CREATE TRIGGER indicator_result_activity_insert AFTER INSERT ON activity BEGIN
      DELETE FROM indicator_result_state;
    END;
    CREATE TRIGGER indicator_result_measure_change AFTER UPDATE ON measure BEGIN
      DELETE FROM indicator_result_state;
    END;
    CREATE TRIGGER indicator_result_measure_delete AFTER DELETE ON measure BEGIN
      DELETE FROM indicator_result_state;
    END;
  `,
};
