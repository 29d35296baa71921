import type { Migration } from './index';

/**
 * Search in everything (issue 13) through SQLite FTS5. `search_doc` holds one row per record that
 * is not in the Prullenbak: its kind, id, code, name and the rest of its searchable text;
 * `search_fts` indexes it (external content, so the text is stored once) with diacritics folded
 * (`unicode61 remove_diacritics 2`: "begeleiding" finds "begeleïding") and prefix indexes, so
 * "verz" finds "verzuim" and "2.1" finds code "2.1.3" quickly.
 *
 * Triggers on every searched table keep the index in step inside the writing transaction itself:
 * every tracked write, undo, redo, trash, restore and import goes through these tables, so no code
 * path can forget it. A trashed record (deleted_at set) leaves the index and comes back on restore.
 */
interface Indexed {
  table: string;
  kind: string;
  code: string;
  name: string;
  body: string[];
  /** Rows of this table that are found as another kind (a measure that is its own activity: as the activity). */
  only?: (row: string) => string;
}

const INDEXED: Indexed[] = [
  { table: 'programme', kind: 'programme', code: "''", name: 'name', body: ['analysis', 'notes'] },
  { table: 'programme_line', kind: 'programmeLine', code: 'code', name: 'name', body: ['description'] },
  { table: 'measure', kind: 'measure', code: 'code', name: 'name', body: ['description', 'target_groups'], only: (r) => `${r}shape = 'measure'` },
  {
    table: 'activity',
    kind: 'activity',
    code: 'code',
    name: 'name',
    body: [
      'description', 'aim', 'duration_note', 'sub_activities_duration', 'target_groups', 'target_group_need', 'look_back_earlier',
      'look_back_aim_reached', 'results_general', 'results_per_sub_activity', 'results_vsv_contribution', 'results_responsible',
      'measurement_moments', 'indicators_monitoring', 'organisation_structure', 'sustainability_how', 'sustainability_who', 'sustainability_from',
    ],
  },
  { table: 'sub_activity', kind: 'subActivity', code: 'number', name: 'name', body: ['period', 'intended_result'] },
  { table: 'organisation', kind: 'organisation', code: "trim(brin || ' ' || kvk)", name: 'name', body: ['notes', 'place'] },
  { table: 'contact', kind: 'contact', code: "''", name: 'name', body: ['function', 'email', 'phone'] },
  { table: 'indicator', kind: 'indicator', code: "''", name: 'name', body: ['description', 'free_unit', 'data_source', 'baseline_source', 'baseline_note'] },
  { table: 'budget_line', kind: 'budgetLine', code: "''", name: 'cost_item', body: ['notes'] },
  { table: 'spend', kind: 'spend', code: "''", name: 'description', body: ['reference'] },
  { table: 'monitoring_round', kind: 'monitoringRound', code: "''", name: 'name', body: ['notes'] },
  { table: 'monitoring_answer', kind: 'monitoringAnswer', code: "''", name: 'question_text', body: ['answer'] },
  { table: 'monitoring_action', kind: 'monitoringAction', code: "''", name: 'text', body: ['owner_name'] },
];

const values = (x: Indexed, row: 'new' | '') => {
  const p = row ? `${row}.` : '';
  const code = x.code.replace(/\b(brin|kvk|code|number)\b/g, (c) => p + c);
  const body = x.body.map((c) => `coalesce(${p}${c}, '')`).join(" || char(10) || ");
  return `'${x.kind}', ${p}id, coalesce(${code}, ''), coalesce(${p}${x.name}, ''), ${body}`;
};

const live = (x: Indexed, row: 'new' | '') => {
  const p = row ? `${row}.` : '';
  return `${p}deleted_at IS NULL` + (x.only ? ` AND ${x.only(p)}` : '');
};

const triggers = INDEXED.map(
  (x) => `
    CREATE TRIGGER search_${x.table}_insert AFTER INSERT ON ${x.table} WHEN ${live(x, 'new')} BEGIN
      INSERT INTO search_doc (kind, rec_id, code, name, body) VALUES (${values(x, 'new')});
    END;
    CREATE TRIGGER search_${x.table}_update AFTER UPDATE ON ${x.table} BEGIN
      DELETE FROM search_doc WHERE kind = '${x.kind}' AND rec_id = old.id;
      INSERT INTO search_doc (kind, rec_id, code, name, body) SELECT ${values(x, 'new')} WHERE ${live(x, 'new')};
    END;
    CREATE TRIGGER search_${x.table}_delete AFTER DELETE ON ${x.table} BEGIN
      DELETE FROM search_doc WHERE kind = '${x.kind}' AND rec_id = old.id;
    END;
    INSERT INTO search_doc (kind, rec_id, code, name, body) SELECT ${values(x, '')} FROM ${x.table} WHERE ${live(x, '')};`,
).join('\n');

export const m0011_search_index: Migration = {
  version: 11,
  name: 'search_index',
  sql: `
    CREATE TABLE search_doc (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      rec_id TEXT NOT NULL,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      body TEXT NOT NULL,
      UNIQUE (kind, rec_id)
    ) STRICT;

    CREATE VIRTUAL TABLE search_fts USING fts5 (
      code, name, body,
      content = 'search_doc', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3'
    );

    CREATE TRIGGER search_doc_insert AFTER INSERT ON search_doc BEGIN
      INSERT INTO search_fts (rowid, code, name, body) VALUES (new.id, new.code, new.name, new.body);
    END;
    CREATE TRIGGER search_doc_delete AFTER DELETE ON search_doc BEGIN
      INSERT INTO search_fts (search_fts, rowid, code, name, body) VALUES ('delete', old.id, old.code, old.name, old.body);
    END;
    ${triggers}
  `,
};
