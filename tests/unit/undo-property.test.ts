/**
 * Property (issue 10): over random sequences of create, update, trash, restore, undo and redo in one
 * window, undoing everything gives the starting tables exactly and redoing everything gives the end
 * state exactly (full dumps of every tracked table, and the Prullenbak as listed).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeCore, programmeInput } from './helpers';
import { measureInput } from './programme-tree-helpers';
import { dumpTables, trashView } from './undo-helpers';

type Op =
  | { k: 'createProgramme'; name: string }
  | { k: 'createOrg'; name: string }
  | { k: 'createContact'; i: number; name: string }
  | { k: 'createMeasure'; i: number; code: string }
  | { k: 'updateProgramme'; i: number; name: string; cents: number | null }
  | { k: 'updateOrg'; i: number; place: string }
  | { k: 'trash'; kind: 'programme' | 'organisation' | 'contact' | 'measure'; i: number }
  | { k: 'restore'; i: number }
  | { k: 'undo' }
  | { k: 'redo' };

const name = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9 ]{1,12}$/).filter((s) => s.trim().length > 0);
const idx = fc.nat({ max: 20 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('createProgramme' as const), name }),
  fc.record({ k: fc.constant('createOrg' as const), name }),
  fc.record({ k: fc.constant('createContact' as const), i: idx, name }),
  fc.record({ k: fc.constant('createMeasure' as const), i: idx, code: fc.stringMatching(/^[1-9][a-c]?$/) }),
  fc.record({ k: fc.constant('updateProgramme' as const), i: idx, name, cents: fc.option(fc.nat({ max: 10_000_000 }), { nil: null }) }),
  fc.record({ k: fc.constant('updateOrg' as const), i: idx, place: name }),
  fc.record({ k: fc.constant('trash' as const), kind: fc.constantFrom('programme' as const, 'organisation' as const, 'contact' as const, 'measure' as const), i: idx }),
  fc.record({ k: fc.constant('restore' as const), i: idx }),
  fc.constant({ k: 'undo' as const }),
  fc.constant({ k: 'undo' as const }),
  fc.constant({ k: 'redo' as const }),
);

const org = (n: string, place = '') => ({ name: n, type: 'vo' as const, brin: '', kvk: '', place, notes: '' });

describe('undo everything, redo everything (property)', () => {
  it('gives the starting tables and then the end state exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 18 }), async (ops) => {
        const core = await makeCore();
        const sqlite = core.app.requireWorkspace().sqlite;
        // Records another window made first: this window may change them, never undo their creation.
        const base = core.as('basis');
        const bp = await base.call('programme.create', programmeInput({ name: 'Basisprogramma' }));
        await base.call('organisation.create', org('Basispartner'));
        await base.call('measure.create', measureInput(bp.id, '1', 'Basismaatregel'));
        const me = core.as('mijn-venster');
        const start = dumpTables(sqlite);
        const startTrash = trashView(sqlite);

        /** The version a freshly loaded screen would send back with its write. */
        const ver = (table: string, id: string) => (sqlite.prepare(`SELECT row_version AS v FROM ${table} WHERE id = ?`).get(id) as { v: number }).v;
        const live = (table: string) => (sqlite.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
        const pick = (table: string, i: number) => {
          const ids = live(table);
          return ids.length ? ids[i % ids.length] : undefined;
        };
        /** Ctrl+Z or Ctrl+Shift+Z, confirming a big change set as the dialog would. */
        const stepOnce = async (channel: 'history.undo' | 'history.redo') => {
          const r = await core.dispatch(channel, {}, { session: 'mijn-venster' });
          // In one window the only refusal is "nothing to undo/redo": never a conflict with itself.
          if (!r.ok) {
            expect(r.error.message).toMatch(/^Er is niets om (ongedaan te maken|opnieuw te doen)\.$/);
            return false;
          }
          const v = r.value as { status: string; changeSetId: number };
          if (v.status === 'confirm') await me.call(channel, { changeSetId: v.changeSetId });
          return true;
        };

        for (const o of ops) {
          let r: { ok: boolean; error?: { code: string } } = { ok: true };
          const d = (channel: string, input: unknown) => core.dispatch(channel, input, { session: 'mijn-venster' });
          switch (o.k) {
            case 'createProgramme':
              r = await d('programme.create', programmeInput({ name: o.name }));
              break;
            case 'createOrg':
              r = await d('organisation.create', org(o.name));
              break;
            case 'createContact': {
              const id = pick('organisation', o.i);
              if (id) r = await d('contact.create', { organisationId: id, name: o.name, function: '', email: '', phone: '' });
              break;
            }
            case 'createMeasure': {
              const id = pick('programme', o.i);
              if (id) r = await d('measure.create', measureInput(id, o.code, `Maatregel ${o.code}`));
              break;
            }
            case 'updateProgramme': {
              const id = pick('programme', o.i);
              if (id) r = await d('programme.update', { ...programmeInput({ name: o.name, requestedCents: o.cents }), id, rowVersion: ver('programme', id) });
              break;
            }
            case 'updateOrg': {
              const id = pick('organisation', o.i);
              if (id) r = await d('organisation.update', { id, rowVersion: ver('organisation', id), ...org(`Partner ${o.i}`, o.place) });
              break;
            }
            case 'trash': {
              const id = pick(o.kind, o.i);
              if (id) r = await d(`${o.kind}.delete`, { id, rowVersion: ver(o.kind, id) });
              break;
            }
            case 'restore': {
              const items = (await me.call('trash.list')).map((x) => x.changeSetId);
              if (items.length) r = await d('trash.restore', { changeSetId: items[o.i % items.length]! });
              break;
            }
            case 'undo':
              await stepOnce('history.undo');
              break;
            case 'redo':
              await stepOnce('history.redo');
              break;
          }
          // A refusal is a user's matter (a measure code that is taken, say), never a crash.
          if (!r.ok) expect(['invalid_input', 'user_error', 'not_found', 'conflict']).toContain(r.error!.code);
        }

        const end = dumpTables(sqlite);
        const endTrash = trashView(sqlite);
        let undone = 0;
        while (await stepOnce('history.undo')) undone++;
        expect(dumpTables(sqlite)).toEqual(start);
        expect(trashView(sqlite)).toEqual(startTrash);
        for (let i = 0; i < undone; i++) expect(await stepOnce('history.redo')).toBe(true);
        expect(dumpTables(sqlite)).toEqual(end);
        expect(trashView(sqlite)).toEqual(endTrash);
      }),
      { numRuns: Number(process.env.UNDO_RUNS ?? 25) },
    );
  }, 120_000);
});
