// Undo and redo planning (electron/core/history/undo.ts) on an in-memory database with the
// migrations applied: which change set each session reverses, what the question and summary say,
// and when a reversal is refused. Fast (no workspace file), so npm run mutation runs it per mutant.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database as Schema } from '../../electron/core/db/schema';
import { memoryDb } from './memory-db';
import { tracked, type Tracker } from '../../electron/core/history/tracker';
import { CONFIRM_ABOVE, planReverse, redoTarget, reverse, stackState, step, undoTarget, type Who } from '../../electron/core/history/undo';
import { setToday } from '../../electron/core/clock';

let sqlite: Database.Database;
let db: Kysely<Schema>;
const ANNA: Who = { user: 'Anna', session: 's1' };
const BOB: Who = { user: 'Bob', session: 's2' };

beforeEach(() => {
  setToday('2026-03-12');
  ({ sqlite, db } = memoryDb());
});
afterEach(async () => {
  setToday(null);
  await db.destroy();
});

const org = (id: string, name: string) => ({ id, name, type: 'mbo', brin: '', kvk: '', place: '', notes: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null, deletedIn: null });
const act = (who: Who, label: string, fn: (tr: Tracker) => Promise<unknown>) => tracked(db, { user: who.user, session: who.session, action: 'edit', label }, async (tr) => void (await fn(tr)));
const nameOf = (id: string) => (sqlite.prepare('SELECT name FROM organisation WHERE id = ?').get(id) as { name: string } | undefined)?.name;
const deletedAt = (id: string) => (sqlite.prepare('SELECT deleted_at AS d FROM organisation WHERE id = ?').get(id) as { d: string | null }).d;
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  throw new Error('not refused');
};
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('what an undo would do, in the question and the summary', () => {
  it('per record the weightiest effect: made and edited in one action is removed; edited and trashed comes back from the Prullenbak', async () => {
    await act(ANNA, 'Twee partners', async (tr) => {
      await tr.insert('organisation', org('o1', 'Een'));
      await tr.update('organisation', 'o1', { name: 'Eén' });
      await tr.insert('organisation', org('o2', 'Twee'));
    });
    let plan = await planReverse(db, (await undoTarget(db, 's1'))!);
    expect(plan).toMatchObject({ records: 2, label: 'Twee partners', summary: '2 records worden verwijderd.' });
    expect(plan.changes.map((c) => [c.entityId, c.op])).toEqual([['o1', 'create'], ['o1', 'update'], ['o2', 'create']]);

    await act(ANNA, 'Opruimen', async (tr) => {
      await tr.update('organisation', 'o1', { name: 'Een (oud)' });
      await tr.update('organisation', 'o2', { name: 'Twee (oud)' });
      await tr.trash('organisation', 'o2');
    });
    plan = await planReverse(db, (await undoTarget(db, 's1'))!);
    expect(plan).toMatchObject({ records: 2, label: 'Opruimen', summary: '1 record komt terug uit de Prullenbak. 1 record krijgt zijn vorige waarden terug.' });

    // The undo itself is planned under the label of the action it goes back to.
    expect(await step(db, ANNA, 'undo')).toMatchObject({ status: 'done', label: 'Opruimen', records: 2 });
    expect([nameOf('o1'), nameOf('o2'), deletedAt('o2')]).toEqual(['Eén', 'Twee', null]);
    plan = await planReverse(db, (await redoTarget(db, 's1'))!);
    expect(plan).toMatchObject({ records: 2, label: 'Opruimen', summary: '1 record gaat terug naar de Prullenbak. 1 record krijgt zijn vorige waarden terug.' });
  });

  it('undoing a creation removes, redoing it brings back; plural counts in Dutch number format', async () => {
    await act(ANNA, 'Veel partners', async (tr) => {
      for (let i = 1; i <= 3; i++) await tr.insert('organisation', org(`o${i}`, `Partner ${i}`));
    });
    expect(await step(db, ANNA, 'undo')).toMatchObject({ status: 'done', summary: '3 records worden verwijderd.', records: 3 });
    expect(nameOf('o1')).toBeUndefined();
    expect(await step(db, ANNA, 'redo')).toMatchObject({ status: 'done', summary: '3 records komen terug.', label: 'Veel partners' });
    expect(nameOf('o3')).toBe('Partner 3');
    // Undo of the redo: removed again, still named after the user's own action.
    expect(await step(db, ANNA, 'undo')).toMatchObject({ summary: '3 records worden verwijderd.', label: 'Veel partners' });
  });

  it(`more than ${CONFIRM_ABOVE} records are only reversed when the caller names the change set`, async () => {
    await act(ANNA, 'Precies genoeg', async (tr) => {
      for (let i = 0; i < CONFIRM_ABOVE; i++) await tr.insert('organisation', org(`a${i}`, `A ${i}`));
    });
    await act(ANNA, 'Te veel', async (tr) => {
      for (let i = 0; i <= CONFIRM_ABOVE; i++) await tr.insert('organisation', org(`b${i}`, `B ${i}`));
    });
    const big = (await undoTarget(db, 's1'))!;
    expect(await step(db, ANNA, 'undo')).toEqual({ status: 'confirm', question: 'Te veel ongedaan maken?', changeSetId: big.id, label: 'Te veel', summary: '26 records worden verwijderd.', records: 26 });
    expect(nameOf('b0')).toBe('B 0');
    expect(await refusal(step(db, ANNA, 'undo', big.id - 1))).toBe('Intussen is er iets anders gewijzigd. Er is niets veranderd; probeer het opnieuw.');
    expect(nameOf('b0')).toBe('B 0');
    expect(await step(db, ANNA, 'undo', big.id)).toMatchObject({ status: 'done', records: 26 });
    expect(nameOf('b0')).toBeUndefined();
    // Exactly 25 goes without a question.
    expect(await step(db, ANNA, 'undo')).toMatchObject({ status: 'done', records: 25 });
    expect(nameOf('a0')).toBeUndefined();
  });
});

describe('each window its own stack', () => {
  it('undo takes the newest change of the session still in effect; redo the newest undo until the session changes something', async () => {
    expect(await stackState(db, 's1')).toEqual({ undo: null, redo: null });
    expect(await refusal(step(db, ANNA, 'undo'))).toBe('Er is niets om ongedaan te maken.');
    expect(await refusal(step(db, ANNA, 'redo'))).toBe('Er is niets om opnieuw te doen.');
    await act(ANNA, 'Eerste', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await act(BOB, 'Van Bob', (tr) => tr.insert('organisation', org('o9', 'Negen')));
    await act(ANNA, 'Tweede', (tr) => tr.update('organisation', 'o1', { name: 'Een!' }));
    expect(await stackState(db, 's1')).toEqual({ undo: 'Tweede', redo: null });
    expect(await stackState(db, 's2')).toEqual({ undo: 'Van Bob', redo: null });

    await step(db, ANNA, 'undo');
    expect(await stackState(db, 's1')).toEqual({ undo: 'Eerste', redo: 'Tweede' });
    await step(db, ANNA, 'undo');
    expect(await stackState(db, 's1')).toEqual({ undo: null, redo: 'Eerste' });
    await step(db, ANNA, 'redo');
    expect(nameOf('o1')).toBe('Een');
    // The redo is itself undoable, and the undo of Tweede is next to redo.
    expect(await stackState(db, 's1')).toEqual({ undo: 'Eerste', redo: 'Tweede' });
    await step(db, ANNA, 'redo');
    expect(await stackState(db, 's1')).toEqual({ undo: 'Tweede', redo: null });
    await step(db, ANNA, 'undo');
    expect(await stackState(db, 's1')).toEqual({ undo: 'Eerste', redo: 'Tweede' });
    // A new change ends the redo.
    await act(ANNA, 'Derde', (tr) => tr.update('organisation', 'o1', { place: 'Zwolle' }));
    expect(await stackState(db, 's1')).toEqual({ undo: 'Derde', redo: null });
    expect(await stackState(db, 's2')).toEqual({ undo: 'Van Bob', redo: null });
    expect(nameOf('o9')).toBe('Negen');
  });

  it('redo looks past its own redos, more than one page of 200 of them', async () => {
    await act(ANNA, 'Heen en weer', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await step(db, ANNA, 'undo');
    const undo = (await redoTarget(db, 's1'))!;
    expect(undo.action).toBe('undo');
    // Redos of the session after it (as rows only: redoTarget reads no more than action and undoneBy).
    const ins = sqlite.prepare("INSERT INTO change_set (at, user, action, label, session) VALUES ('2026-03-12T10:00:00.000Z', 'Anna', 'redo', 'x', 's1')");
    for (let i = 0; i < 250; i++) ins.run();
    expect((await redoTarget(db, 's1'))?.id).toBe(undo.id);
    sqlite.prepare('UPDATE change_set SET undone_by = 3 WHERE id = ?').run(undo.id);
    // With that undo redone there is nothing to redo, however far back the pages go.
    expect(await redoTarget(db, 's1')).toBeUndefined();
  });
});

describe('a reversal is refused, and changes nothing, when others built on it', () => {
  it('a record changed since by another window: names who and when', async () => {
    await act(ANNA, 'Aanmaken', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await act(ANNA, 'Hernoemen', (tr) => tr.update('organisation', 'o1', { name: 'Eén' }));
    await act(BOB, 'Naam', (tr) => tr.update('organisation', 'o1', { name: 'Eén!' }));
    expect(await refusal(step(db, ANNA, 'undo'))).toMatch(/^Ongedaan maken kan niet: Partner "Eén!" is daarna gewijzigd door Bob \(12-03-2026 \d\d:\d\d\)\. Er is niets veranderd\.$/);
    expect(nameOf('o1')).toBe('Eén!');
  });

  it('a change without history (or by the same name elsewhere) says only that it changed; a field set back to the same value is no change', async () => {
    await act(ANNA, 'Aanmaken', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await act(ANNA, 'Hernoemen', (tr) => tr.update('organisation', 'o1', { name: 'Eén' }));
    sqlite.prepare("UPDATE organisation SET row_version = row_version + 1, notes = 'x' WHERE id = 'o1'").run();
    // Notes are not a field the change set wrote: the undo goes ahead.
    expect(await step(db, ANNA, 'undo')).toMatchObject({ status: 'done' });
    sqlite.prepare("UPDATE organisation SET name = 'Anders' WHERE id = 'o1'").run();
    expect(await refusal(step(db, ANNA, 'redo'))).toBe('Opnieuw doen kan niet: Partner "Anders" is daarna nog gewijzigd. Er is niets veranderd.');
  });

  it('a record removed since is named from its last snapshot; one that came back after its removal is refused too', async () => {
    await act(ANNA, 'Aanmaken', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await act(ANNA, 'Hernoemen', (tr) => tr.update('organisation', 'o1', { name: 'Eén' }));
    sqlite.prepare("DELETE FROM organisation WHERE id = 'o1'").run();
    expect(await refusal(step(db, ANNA, 'undo'))).toBe('Ongedaan maken kan niet: Partner "Een" is daarna nog gewijzigd. Er is niets veranderd.');

    await act(BOB, 'Nog een', (tr) => tr.insert('organisation', org('o2', 'Twee')));
    await step(db, BOB, 'undo');
    expect(nameOf('o2')).toBeUndefined();
    sqlite.prepare("INSERT INTO organisation (id, name, type, created_at, updated_at) VALUES ('o2', 'Twee bis', 'mbo', '2026-01-01', '2026-01-01')").run();
    expect(await refusal(step(db, BOB, 'redo'))).toBe('Opnieuw doen kan niet: Partner "Twee bis" is daarna nog gewijzigd. Er is niets veranderd.');
  });

  it('a record someone else added that depends on one the undo would remove', async () => {
    await act(ANNA, 'Partner', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await act(BOB, 'Contact erbij', (tr) =>
      tr.insert('contact', { id: 'c1', organisationId: 'o1', name: 'Piet', function: '', email: '', phone: '', createdAt: '2026-01-01', updatedAt: '2026-01-01', deletedAt: null, deletedIn: null }),
    );
    expect(await refusal(step(db, ANNA, 'undo'))).toMatch(/^Ongedaan maken kan niet: daarna deed Bob \(12-03-2026 \d\d:\d\d\) "Contact erbij", en dat hangt ervan af\. Er is niets veranderd\.$/);
    expect(nameOf('o1')).toBe('Een');
    // Without a later change set in effect of another window to name, the message says what happened.
    sqlite.prepare("UPDATE change_set SET undone_by = id WHERE label = 'Contact erbij'").run();
    expect(await refusal(step(db, ANNA, 'undo'))).toBe('Ongedaan maken kan niet: er is daarna iets toegevoegd dat ervan afhangt. Er is niets veranderd.');
  });

  it('an erased change set and the erasure itself are a barrier', async () => {
    await act(ANNA, 'Aanmaken', (tr) => tr.insert('organisation', org('o1', 'Een')));
    sqlite.prepare('UPDATE change_set SET erased = 1').run();
    expect(await refusal(step(db, ANNA, 'undo'))).toMatch(/^Dit kan niet ongedaan worden gemaakt: hier zijn gegevens gewist \("Aanmaken"\)/);
    sqlite.prepare("UPDATE change_set SET erased = 0, action = 'erase'").run();
    expect(await refusal(step(db, ANNA, 'undo'))).toMatch(/gewist \("Aanmaken"\)/);
    expect(nameOf('o1')).toBe('Een');
  });
});

describe('what a reversal writes', () => {
  it('changes within one action are reversed last first; a redo brings back the record as the action left it', async () => {
    await act(ANNA, 'Twee keer hernoemd', async (tr) => {
      await tr.insert('organisation', org('o1', 'Een'));
      await tr.update('organisation', 'o1', { name: 'Eén' });
      await tr.update('organisation', 'o1', { name: 'Eén!' });
    });
    await act(ANNA, 'Nog eens', async (tr) => {
      await tr.update('organisation', 'o1', { name: 'A' });
      await tr.update('organisation', 'o1', { name: 'B' });
    });
    await step(db, ANNA, 'undo');
    expect(nameOf('o1')).toBe('Eén!');
    await step(db, ANNA, 'undo');
    expect(nameOf('o1')).toBeUndefined();
    await step(db, ANNA, 'redo');
    expect(nameOf('o1')).toBe('Eén!');
    await step(db, ANNA, 'redo');
    expect(nameOf('o1')).toBe('B');
  });

  it('undoing a restore from the Prullenbak puts the record back in it', async () => {
    await act(ANNA, 'Partner', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await act(ANNA, 'Weg', (tr) => tr.trash('organisation', 'o1'));
    const trashedIn = (await undoTarget(db, 's1'))!.id;
    await act(ANNA, 'Terug', (tr) => tr.restoreTrashed(trashedIn));
    expect(deletedAt('o1')).toBeNull();
    expect(await step(db, ANNA, 'undo')).toMatchObject({ label: 'Terug', summary: '1 record gaat terug naar de Prullenbak.' });
    expect(deletedAt('o1')).not.toBeNull();
    expect(sqlite.prepare("SELECT op FROM change WHERE change_set_id = (SELECT MAX(id) FROM change_set)").all()).toEqual([{ op: 'delete' }]);
    expect(await step(db, ANNA, 'redo')).toMatchObject({ summary: '1 record komt terug uit de Prullenbak.' });
    expect(deletedAt('o1')).toBeNull();
  });

  it('a plan made before someone else reversed the same change set is refused', async () => {
    await act(ANNA, 'Partner', (tr) => tr.insert('organisation', org('o1', 'Een')));
    const plan = await planReverse(db, (await undoTarget(db, 's1'))!);
    await step(db, ANNA, 'undo');
    expect(await refusal(reverse(db, ANNA, plan, 'undo'))).toBe('Intussen is er iets anders gewijzigd. Er is niets veranderd; probeer het opnieuw.');
  });

  it('a later change of the same window is no one else: it says only that the record changed; the same name in another window says so', async () => {
    await act(ANNA, 'Partner', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await act(ANNA, 'Hernoemen', (tr) => tr.update('organisation', 'o1', { name: 'Eén' }));
    await act(ANNA, 'Elders', (tr) => tr.update('organisation', 'o1', { name: 'Eén?' }));
    // That later change no longer counts as this window's to undo (as if it were an undo itself).
    sqlite.prepare("UPDATE change_set SET action = 'undo' WHERE label = 'Elders'").run();
    expect(await refusal(step(db, ANNA, 'undo'))).toBe('Ongedaan maken kan niet: Partner "Eén?" is daarna nog gewijzigd. Er is niets veranderd.');
    sqlite.prepare("UPDATE change_set SET session = 's9' WHERE label = 'Elders'").run();
    expect(await refusal(step(db, ANNA, 'undo'))).toMatch(/^Ongedaan maken kan niet: Partner "Eén\?" is daarna gewijzigd door Anna in een ander venster \(12-03-2026 \d\d:\d\d\)\. Er is niets veranderd\.$/);
  });
});

describe('the reversal as a step of its own', () => {
  it('is named after what it reverses, in the history; a big redo asks too; refusals carry their kind', async () => {
    await act(ANNA, 'Veel', async (tr) => {
      for (let i = 0; i <= CONFIRM_ABOVE; i++) await tr.insert('organisation', org(`b${i}`, `B ${i}`));
    });
    const big = (await undoTarget(db, 's1'))!;
    await step(db, ANNA, 'undo', big.id);
    const label = () => (sqlite.prepare('SELECT label, action, undoes FROM change_set ORDER BY id DESC LIMIT 1').get() as { label: string; action: string; undoes: number });
    expect(label()).toEqual({ label: 'Ongedaan gemaakt: Veel', action: 'undo', undoes: big.id });
    const undoId = (await redoTarget(db, 's1'))!.id;
    expect(await step(db, ANNA, 'redo')).toMatchObject({ status: 'confirm', question: 'Veel opnieuw doen?', changeSetId: undoId, records: 26 });
    await step(db, ANNA, 'redo', undoId);
    expect(label()).toEqual({ label: 'Opnieuw gedaan: Veel', action: 'redo', undoes: undoId });
    expect(await codeOf(step(db, ANNA, 'undo', 1))).toBe('conflict');
    expect(await codeOf(step(db, BOB, 'undo'))).toBe('user_error');
    sqlite.prepare('UPDATE change_set SET erased = 1').run();
    expect(await codeOf(step(db, ANNA, 'undo'))).toBe('user_error');
  });

  it('a record made by the action is compared in full: an empty column filled in since blocks the undo', async () => {
    await act(ANNA, 'Partner', (tr) => tr.insert('organisation', org('o1', 'Een')));
    await act(BOB, 'Plaats', (tr) => tr.update('organisation', 'o1', { place: 'Gouda' }));
    expect(await codeOf(step(db, ANNA, 'undo'))).toBe('conflict');
    expect(await refusal(step(db, ANNA, 'undo'))).toMatch(/^Ongedaan maken kan niet: Partner "Een" is daarna gewijzigd door Bob /);
  });

  it('a record gone without a readable snapshot is named with a dash', async () => {
    sqlite.prepare("INSERT INTO organisation (id, name, type, created_at, updated_at) VALUES ('o1', 'Zonder geschiedenis', 'mbo', '2026-01-01', '2026-01-01')").run();
    await act(ANNA, 'Hernoemen', (tr) => tr.update('organisation', 'o1', { name: 'Eén' }));
    sqlite.prepare("DELETE FROM organisation WHERE id = 'o1'").run();
    expect(await refusal(step(db, ANNA, 'undo'))).toBe('Ongedaan maken kan niet: Partner "—" is daarna nog gewijzigd. Er is niets veranderd.');
    // A snapshot that cannot be read (scrubbed, damaged) is no name either.
    await act(ANNA, 'Nog een', (tr) => tr.insert('organisation', org('o2', 'Twee')));
    await act(ANNA, 'Hernoemen 2', (tr) => tr.update('organisation', 'o2', { name: 'Twee!' }));
    sqlite.prepare("UPDATE change SET snapshot = '{kapot' WHERE entity_id = 'o2' AND snapshot IS NOT NULL").run();
    sqlite.prepare("DELETE FROM organisation WHERE id = 'o2'").run();
    expect(await refusal(step(db, ANNA, 'undo'))).toBe('Ongedaan maken kan niet: Partner "—" is daarna nog gewijzigd. Er is niets veranderd.');
  });
});
