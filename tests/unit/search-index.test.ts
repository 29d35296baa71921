/**
 * Search in everything through FTS5 (issue 13): every kind is found by a word from its text, with
 * and without accents; a trashed record is not found, and is again after restore or undo; and after
 * random writes, undos and redos the index agrees with a LIKE scan over the same tables.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedExample } from '../../electron/core/demo/seed';
import { ftsQuery } from '../../electron/core/db/queries/search';
import { SEARCH_KINDS } from '../../shared/schemas/tree';
import { makeCore, programmeInput } from './helpers';
import { activityInput, measureInput } from './programme-tree-helpers';

/** Per kind: its table and a text column the search reads (not code or name). */
const TEXT_OF: Record<(typeof SEARCH_KINDS)[number], { table: string; column: string; where?: string }> = {
  programme: { table: 'programme', column: 'notes' },
  programmeLine: { table: 'programme_line', column: 'description' },
  measure: { table: 'measure', column: 'description', where: "shape = 'measure'" },
  activity: { table: 'activity', column: 'sustainability_who' },
  subActivity: { table: 'sub_activity', column: 'intended_result' },
  indicator: { table: 'indicator', column: 'baseline_note' },
  budgetLine: { table: 'budget_line', column: 'notes' },
  spend: { table: 'spend', column: 'reference' },
  organisation: { table: 'organisation', column: 'notes' },
  contact: { table: 'contact', column: 'function' },
  monitoringRound: { table: 'monitoring_round', column: 'notes' },
  monitoringAnswer: { table: 'monitoring_answer', column: 'answer' },
  monitoringAction: { table: 'monitoring_action', column: 'owner_name' },
};

type Dispatch = Awaited<ReturnType<typeof makeCore>>['dispatch'];
type Sqlite = ReturnType<Awaited<ReturnType<typeof makeCore>>['app']['requireWorkspace']>['sqlite'];

/**
 * A write as a screen sends it, with the version of the record the user saw where the contract
 * asks for one (a stale write is refused); without it where the contract has no such field.
 */
async function send(dispatch: Dispatch, sqlite: Sqlite, channel: string, table: string, input: { id: string } & Record<string, unknown>) {
  const row = sqlite.prepare(`SELECT row_version AS v FROM ${table} WHERE id = ?`).get(input.id) as { v: number } | undefined;
  const r = await dispatch(channel, { ...input, rowVersion: row?.v ?? 0 });
  if (!r.ok && r.error.code === 'invalid_input') return dispatch(channel, input);
  return r;
}

describe('search in everything (FTS5)', () => {
  it('finds every kind by a word from its text, with and without accents, and opens its page', async () => {
    const { app, call } = await makeCore();
    await seedExample(app.requireWorkspace().db);
    const sqlite = app.requireWorkspace().sqlite;
    for (const [kind, { table, column, where }] of Object.entries(TEXT_OF)) {
      const row = sqlite.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ${where ? `AND ${where}` : ''} ORDER BY id LIMIT 1`).get() as { id: string } | undefined;
      expect(row, kind).toBeDefined();
      // A word with a diaeresis written into the text (through SQL: the index follows any write).
      const word = `coördinatie${kind.toLowerCase()}`;
      sqlite.prepare(`UPDATE ${table} SET ${column} = ${column} || ' Over de ' || ? || ' gesproken.' WHERE id = ?`).run(word, row!.id);
      for (const query of [word, word.replace('ö', 'o'), word.toUpperCase(), word.slice(0, 14)]) {
        const r = await call('search.all', { query });
        const group = r.groups.find((g) => g.kind === kind);
        expect(group?.hits.map((h) => h.id), `${kind} via "${query}"`).toContain(row!.id);
        const hit = group!.hits.find((h) => h.id === row!.id)!;
        expect(hit.route.length, kind).toBeGreaterThan(0);
        if (query === word) expect(hit.snippet.toLowerCase(), kind).toContain(word);
      }
    }
    // A programme by its name, as in the example region (whose years move with the clock).
    const programme = await call('search.all', { query: 'verkenning aansl' });
    expect(programme.groups.map((g) => g.kind)).toEqual(['programme']);
    expect(programme.groups[0]!.hits[0]).toMatchObject({ name: expect.stringMatching(/^Verkenning aansluiting \d{4}-\d{4}$/), route: ['programmas', expect.any(String)] });
  });

  it('a trashed record is not found; restoring it or undoing the delete brings it back', async () => {
    const { app, call, dispatch } = await makeCore();
    const sqlite = app.requireWorkspace().sqlite;
    const del = async (entity: 'measure' | 'activity', id: string) => {
      const r = await send(dispatch, sqlite, `${entity}.delete`, entity, { id });
      expect(r.ok).toBe(true);
    };
    const p = await call('programme.create', programmeInput());
    const m = await call('measure.create', measureInput(p.id, '1', 'Overstap'));
    const a = await call('activity.create', { ...activityInput(m.id, '1.1', 'Warme overdracht'), aim: 'Geen jongere valt tussen wal en schip bij de zomerbrug.' });
    const found = async (q: string) => (await call('search.all', { query: q })).groups.flatMap((g) => g.hits.map((h) => h.id));
    expect(await found('zomerbrug')).toEqual([a.id]);

    await del('measure', m.id); // takes its activity along
    expect(await found('zomerbrug')).toEqual([]);
    expect(await found('overstap')).toEqual([]);
    const [item] = await call('trash.list');
    await call('trash.restore', { changeSetId: item!.changeSetId });
    expect(await found('zomerbrug')).toEqual([a.id]);

    await del('activity', a.id);
    expect(await found('zomerbrug')).toEqual([]);
    const undo = await call('history.undo', {});
    expect(undo.status).toBe('done');
    expect(await found('zomerbrug')).toEqual([a.id]);
    await call('history.redo', {});
    expect(await found('zomerbrug')).toEqual([]);
  });

  it('turns a query into FTS5 phrases: words ANDed, the last token of each a prefix, codes as token rows', () => {
    expect(ftsQuery('verzuim')).toBe('"verzuim"*');
    expect(ftsQuery('  Stage   Mentor ')).toBe('"stage"* "mentor"*');
    expect(ftsQuery('2.1.3')).toBe('"2 1 3"*');
    expect(ftsQuery('"; DROP TABLE x --')).toBe('"drop"* "table"* "x"*');
    expect(ftsQuery('-- !!')).toBeNull();
  });
});

// Words that never contain one another, so a LIKE '%word%' scan finds exactly the records holding the word.
const WORDS = ['appelboom', 'bizon', 'citroen', 'dadelpalm', 'egelantier', 'framboos'] as const;
const text = fc.array(fc.constantFrom(...WORDS, 'en', 'de'), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

type Op =
  | { k: 'createOrg'; name: string; notes: string }
  | { k: 'updateOrg'; i: number; notes: string }
  | { k: 'createProgramme'; name: string }
  | { k: 'updateProgramme'; i: number; name: string }
  | { k: 'trash'; kind: 'organisation' | 'programme'; i: number }
  | { k: 'restore'; i: number }
  | { k: 'undo' }
  | { k: 'redo' };

const idx = fc.nat({ max: 10 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('createOrg' as const), name: text, notes: text }),
  fc.record({ k: fc.constant('updateOrg' as const), i: idx, notes: text }),
  fc.record({ k: fc.constant('createProgramme' as const), name: text }),
  fc.record({ k: fc.constant('updateProgramme' as const), i: idx, name: text }),
  fc.record({ k: fc.constant('trash' as const), kind: fc.constantFrom('organisation' as const, 'programme' as const), i: idx }),
  fc.record({ k: fc.constant('restore' as const), i: idx }),
  fc.constant({ k: 'undo' as const }),
  fc.constant({ k: 'redo' as const }),
);

describe('the index agrees with the data after random writes, undo and redo (property)', () => {
  it('an FTS query finds exactly the live records a LIKE scan over the same columns finds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { app, dispatch, call } = await makeCore();
        const sqlite = app.requireWorkspace().sqlite;
        const live = (table: string) => (sqlite.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
        const pick = (table: string, i: number) => live(table)[i % Math.max(1, live(table).length)];
        const org = (name: string, notes: string) => ({ name, type: 'vo' as const, brin: '', kvk: '', place: '', notes });
        for (const o of ops) {
          switch (o.k) {
            case 'createOrg':
              await dispatch('organisation.create', org(o.name, o.notes));
              break;
            case 'updateOrg': {
              const id = pick('organisation', o.i);
              const row = id && (sqlite.prepare('SELECT name FROM organisation WHERE id = ?').get(id) as { name: string });
              if (id && row) await send(dispatch, sqlite, 'organisation.update', 'organisation', { id, ...org(row.name, o.notes) });
              break;
            }
            case 'createProgramme':
              await dispatch('programme.create', programmeInput({ name: o.name }));
              break;
            case 'updateProgramme': {
              const id = pick('programme', o.i);
              if (id) await send(dispatch, sqlite, 'programme.update', 'programme', { ...programmeInput({ name: o.name }), id });
              break;
            }
            case 'trash': {
              const id = pick(o.kind, o.i);
              if (id) await send(dispatch, sqlite, `${o.kind}.delete`, o.kind, { id });
              break;
            }
            case 'restore': {
              const items = await call('trash.list');
              if (items.length) await dispatch('trash.restore', { changeSetId: items[o.i % items.length]!.changeSetId });
              break;
            }
            case 'undo':
            case 'redo': {
              const r = await dispatch(o.k === 'undo' ? 'history.undo' : 'history.redo', {});
              if (r.ok && (r.value as { status: string }).status === 'confirm') await dispatch(o.k === 'undo' ? 'history.undo' : 'history.redo', { changeSetId: (r.value as { changeSetId: number }).changeSetId });
              break;
            }
          }
        }
        for (const word of WORDS) {
          for (const [kind, table, cols] of [
            ['organisation', 'organisation', ['name', 'notes', 'place', 'brin', 'kvk']],
            ['programme', 'programme', ['name', 'analysis', 'notes']],
          ] as const) {
            const fts = (
              sqlite.prepare('SELECT d.rec_id AS id FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH ? AND d.kind = ? ORDER BY d.rec_id').all(`"${word}"*`, kind) as { id: string }[]
            ).map((r) => r.id);
            const like = (
              sqlite.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL AND (${cols.map((c) => `${c} LIKE ?`).join(' OR ')}) ORDER BY id`).all(...cols.map(() => `%${word}%`)) as { id: string }[]
            ).map((r) => r.id);
            expect(fts, `${kind} "${word}"`).toEqual(like);
          }
        }
        // One row per live record, none for trashed ones.
        const docs = sqlite.prepare("SELECT count(*) AS n FROM search_doc WHERE kind IN ('organisation', 'programme')").get() as { n: number };
        expect(docs.n).toBe(live('organisation').length + live('programme').length);
        sqlite.exec("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')");
      }),
      { numRuns: Number(process.env.SEARCH_RUNS ?? 12) },
    );
  }, 120_000);
});
