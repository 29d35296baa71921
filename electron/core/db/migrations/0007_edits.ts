import type { Migration } from './index';

/** Every tracked table, as it was at version 6 (a later table adds row_version in its own CREATE). */
const TRACKED = [
  'programme',
  'organisation',
  'contact',
  'programme_line',
  'measure',
  'activity',
  'sub_activity',
  'award',
  'budget_line',
  'spend',
  'budget_rules',
  'indicator',
  'target',
  'measurement',
  'region_figure',
  'result_settings',
  'question_set',
  'question',
  'question_set_version',
  'monitoring_round',
  'monitoring_interview',
  'monitoring_attendee',
  'monitoring_answer',
  'monitoring_action',
];

/**
 * Trustworthy edits (issue 10):
 * - change_set.session: the window (or CLI run) that made a change set, so Ctrl+Z undoes only that
 *   window's own work and redo has a stack per window.
 * - row_version on every tracked row: raised by every write, so a form saved from an older version
 *   is refused instead of silently undoing a colleague's change.
 * - Trash marks and restores recorded their column values nowhere; they now carry them in
 *   change.fields like any update, so an undo of an undo (redo) can put them back exactly.
 */
export const m0007_edits: Migration = {
  version: 7,
  name: 'edits',
  sql: `
    ALTER TABLE change_set ADD COLUMN session TEXT;
    CREATE INDEX change_set_by_session ON change_set(session, id);
    CREATE INDEX change_set_by_undoes ON change_set(undoes);

    ${TRACKED.map((table) => `ALTER TABLE ${table} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);`).join('\n    ')}

    -- A trash mark made by an undo of a restore put the row back in the set it was first trashed in.
    UPDATE change SET fields = json_object(
        'deletedAt', json_array(NULL, COALESCE(
          (SELECT t.deleted_at FROM trash t WHERE t.change_set_id = (
            SELECT json_extract(r.snapshot, '$.trashedIn') FROM change r JOIN change_set s ON s.undoes = r.change_set_id
            WHERE s.id = change.change_set_id AND r.op = 'restore' AND r.entity = change.entity AND r.entity_id = change.entity_id)),
          (SELECT at FROM change_set s WHERE s.id = change.change_set_id))),
        'deletedIn', json_array(NULL, COALESCE(
          (SELECT json_extract(r.snapshot, '$.trashedIn') FROM change r JOIN change_set s ON s.undoes = r.change_set_id
            WHERE s.id = change.change_set_id AND r.op = 'restore' AND r.entity = change.entity AND r.entity_id = change.entity_id),
          change.change_set_id)))
      WHERE op = 'delete' AND fields = '{}';
    UPDATE change SET fields = json_object(
        'deletedAt', json_array((SELECT t.deleted_at FROM trash t WHERE t.change_set_id = json_extract(change.snapshot, '$.trashedIn')), NULL),
        'deletedIn', json_array(json_extract(change.snapshot, '$.trashedIn'), NULL))
      WHERE op = 'restore' AND fields = '{}' AND json_extract(snapshot, '$.trashedIn') IS NOT NULL;
  `,
};
