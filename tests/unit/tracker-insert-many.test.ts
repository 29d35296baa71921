/**
 * Tracker.insertMany (the import's bulk insert) stores and records exactly what insert() does row
 * by row: the same table rows and the same history (fields and snapshot, to the byte), since undo,
 * redo, the Geschiedenis and the privacy scrub read those texts back.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceFile, type Workspace } from '../../electron/core/db/workspace-file';
import { seedExample } from '../../electron/core/demo/seed';
import { tracked } from '../../electron/core/history/tracker';
import { EXAMPLE_REGION } from '../../shared/regions';
import { tempDir } from './helpers';

type Row = Record<string, unknown>;
const open: Workspace[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

function workspace(dir: string, name: string): Workspace {
  const ws = createWorkspaceFile(path.join(dir, `${name}.regieboek`), EXAMPLE_REGION);
  open.push(ws);
  return ws;
}

/** Tables of the example region in an order where every reference points back. */
const TABLES = [
  ['organisation', 'organisation'],
  ['programme', 'programme'],
  ['programmeLine', 'programme_line'],
  ['measure', 'measure'],
  ['activity', 'activity'],
  ['budgetLine', 'budget_line'],
  ['spend', 'spend'],
] as const;

describe('Tracker.insertMany', () => {
  it('stores and records every row as insert() does, byte for byte', async () => {
    const dir = tempDir();
    const src = workspace(dir, 'src');
    await seedExample(src.db);
    const rows = new Map<string, Row[]>();
    for (const [entity, table] of TABLES) {
      // As an import builds them (the plugin gives camelCase keys): without rowVersion, which the tracker sets.
      const list = (await sql<Row>`select * from ${sql.table(table)} order by id`.execute(src.db)).rows;
      const built = list.map(({ rowVersion: _v, ...r }) => r);
      expect(built.length).toBeGreaterThan(1);
      expect(Object.keys(built[0]!)).not.toContain('rowVersion');
      rows.set(entity, built);
    }
    const one = workspace(dir, 'one');
    const many = workspace(dir, 'many');
    const meta = { user: 't', session: null, action: 'import', label: 'x' };
    await tracked(one.db, meta, async (tr) => {
      for (const [entity] of TABLES) for (const r of rows.get(entity)!) await tr.insert(entity, r);
    });
    await tracked(many.db, meta, async (tr) => {
      for (const [entity] of TABLES) await tr.insertMany(entity, rows.get(entity)!);
    });
    const history = async (ws: Workspace) =>
      (await sql<Row>`select entity, entity_id, op, fields, snapshot from change order by id`.execute(ws.db)).rows;
    const expected = await history(one);
    expect(expected.length).toBe([...rows.values()].reduce((n, l) => n + l.length, 0));
    expect(await history(many)).toEqual(expected);
    for (const row of expected) expect(JSON.parse(String(row.snapshot))).toMatchObject({ rowVersion: 1 });
    for (const [, table] of TABLES) {
      const all = async (ws: Workspace) => (await sql<Row>`select * from ${sql.table(table)} order by id`.execute(ws.db)).rows;
      expect(await all(many)).toEqual(await all(one));
    }
  });
});
