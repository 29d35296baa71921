/**
 * Undo and redo a user can trust (issue 10, point 1): per window, every undo redoable, big change
 * sets only after a question, and no undo over someone else's later change.
 */
import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput } from './helpers';
import { dumpTables, trashView } from './undo-helpers';

const org = (name: string) => ({ name, type: 'mbo' as const, brin: '', kvk: '', place: '', notes: '' });

describe('undo and redo per window', () => {
  it('Ctrl+Z in one window never undoes what another window did', async () => {
    const core = await makeCore();
    const a = core.as('venster-a');
    const b = core.as('venster-b');
    const pa = await a.call('programme.create', programmeInput({ name: 'Van venster A' }));
    const pb = await b.call('programme.create', programmeInput({ name: 'Van venster B' }));

    const r = await a.call('history.undo', {});
    expect(r).toMatchObject({ status: 'done', label: 'Programma "Van venster A" aangemaakt' });
    expect((await a.call('programme.list')).map((p) => p.id)).toEqual([pb.id]);
    // Window A has nothing left to undo; window B's record is untouched by it.
    expect((await a.fail('history.undo', {})).message).toBe('Er is niets om ongedaan te maken.');
    expect((await b.call('history.stack')).undo).toBe('Programma "Van venster B" aangemaakt');
    expect((await a.call('history.stack')).redo).toBe('Programma "Van venster A" aangemaakt');
    await a.call('history.redo', {});
    expect((await a.call('programme.get', { id: pa.id })).name).toBe('Van venster A');
  });

  it('every undo can be redone, and the redo undone again, exactly', async () => {
    const { call, fail, app } = await makeCore();
    const sqlite = app.requireWorkspace().sqlite;
    const o = await call('organisation.create', org('ROC Voorbeeld'));
    await call('contact.create', { organisationId: o.id, name: 'Jan Jansen', function: 'Coördinator', email: 'jan@roc.nl', phone: '' });
    await call('organisation.update', { id: o.id, rowVersion: o.rowVersion, ...org('ROC De Brug') });
    await call('organisation.delete', { id: o.id, rowVersion: o.rowVersion + 1 });
    const end = dumpTables(sqlite);
    const endTrash = trashView(sqlite);

    const states = [];
    for (let i = 0; i < 4; i++) {
      states.push(dumpTables(sqlite));
      await call('history.undo', {});
    }
    expect(dumpTables(sqlite).organisation).toEqual([]);
    expect(dumpTables(sqlite).contact).toEqual([]);
    expect((await fail('history.undo', {})).message).toBe('Er is niets om ongedaan te maken.');

    for (let i = 3; i >= 0; i--) {
      await call('history.redo', {});
      expect(dumpTables(sqlite)).toEqual(states[i]);
    }
    expect(dumpTables(sqlite)).toEqual(end);
    expect(trashView(sqlite)).toEqual(endTrash);
    expect((await fail('history.redo', {})).message).toBe('Er is niets om opnieuw te doen.');

    // Undo the redo of the delete: the partner is back, out of the Prullenbak.
    await call('history.undo', {});
    expect((await call('organisation.get', { id: o.id })).name).toBe('ROC De Brug');
    expect(trashView(sqlite)).toEqual([]);
  });

  it('a new change after an undo ends the redo stack of that window', async () => {
    const { call, fail } = await makeCore();
    await call('programme.create', programmeInput({ name: 'Eerste' }));
    await call('history.undo', {});
    await call('programme.create', programmeInput({ name: 'Tweede' }));
    expect((await fail('history.redo', {})).message).toBe('Er is niets om opnieuw te doen.');
    expect((await call('programme.list')).map((p) => p.name)).toEqual(['Tweede']);
  });

  it('undoing a restore from the Prullenbak puts the item back in the Prullenbak, and redo restores it again', async () => {
    const { call, app } = await makeCore();
    const sqlite = app.requireWorkspace().sqlite;
    const p = await call('programme.create', programmeInput());
    await call('programme.delete', { id: p.id, rowVersion: p.rowVersion });
    const [item] = await call('trash.list');
    await call('trash.restore', { changeSetId: item!.changeSetId });
    expect(await call('trash.list')).toEqual([]);
    await call('history.undo', {});
    expect((await call('trash.list')).map((x) => x.entityId)).toEqual([p.id]);
    await call('history.redo', {});
    expect(await call('trash.list')).toEqual([]);
    expect((await call('programme.get', { id: p.id })).name).toBe(p.name);
    expect(trashView(sqlite)).toEqual([]);
  });
});

describe('big change sets ask first', () => {
  it('more than 25 records: the first call only asks, naming the action and the count; the confirmed call undoes', async () => {
    const { call, fail, app } = await makeCore();
    const sqlite = app.requireWorkspace().sqlite;
    const o = await call('organisation.create', org('ROC Voorbeeld'));
    const before = dumpTables(sqlite);
    // 30 region figures in one action.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      schoolYear: `${2000 + i}/${2001 + i}`,
      onderwijssoort: 'mbo2' as const,
      students: 1000,
      leavers: i,
      percentage: null,
      nationalNorm: null,
      status: 'definitief' as const,
      definitionVersion: '',
      source: 'DUO',
    }));
    await call('regionFigure.save', { rows });
    const after = dumpTables(sqlite);
    expect(after.regionFigure).toHaveLength(30);

    const ask = await call('history.undo', {});
    expect(ask).toMatchObject({ status: 'confirm', records: 30, summary: '30 records worden verwijderd.', question: '30 VSV-cijfers ingevoerd ongedaan maken?' });
    expect(dumpTables(sqlite)).toEqual(after); // asking changed nothing

    // A stale confirmation (for another change set) is refused and changes nothing.
    expect((await fail('history.undo', { changeSetId: ask.changeSetId + 1 })).code).toBe('conflict');
    expect(dumpTables(sqlite)).toEqual(after);

    expect(await call('history.undo', { changeSetId: ask.changeSetId })).toMatchObject({ status: 'done', records: 30 });
    expect(dumpTables(sqlite)).toEqual(before);
    expect(o.name).toBe('ROC Voorbeeld');

    const redo = await call('history.redo', {});
    expect(redo).toMatchObject({ status: 'confirm', summary: '30 records komen terug.', question: '30 VSV-cijfers ingevoerd opnieuw doen?' });
    await call('history.redo', { changeSetId: redo.changeSetId });
    expect(dumpTables(sqlite)).toEqual(after);
  });
});

describe('an undo that would overwrite someone else', () => {
  it('is refused in Dutch, naming who changed the record since, and changes nothing', async () => {
    const core = await makeCore();
    const sqlite = core.app.requireWorkspace().sqlite;
    const a = core.as('venster-a');
    const b = core.as('venster-b');
    const p = await b.call('programme.create', programmeInput({ name: 'Programma' }));
    await a.call('programme.update', { ...programmeInput({ name: 'Naam van A' }), id: p.id, rowVersion: p.rowVersion });
    core.app.setSettings({ userName: 'Collega Bram' });
    await b.call('programme.update', { ...programmeInput({ name: 'Naam van Bram' }), id: p.id, rowVersion: core.versionOf('programme', p.id) });
    core.app.setSettings({ userName: 'Testgebruiker' });
    const before = dumpTables(sqlite);

    const e = await a.fail('history.undo', {});
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/^Ongedaan maken kan niet: Programma "Naam van Bram" is daarna gewijzigd door Collega Bram \(\d\d-\d\d-\d{4} \d\d:\d\d\)\. Er is niets veranderd\.$/);
    expect(dumpTables(sqlite)).toEqual(before);
    expect((await a.call('programme.get', { id: p.id })).name).toBe('Naam van Bram');
  });

  it('a change to another field of the same record also blocks it (the record is no longer as the undo expects)', async () => {
    const core = await makeCore();
    const a = core.as('a');
    const b = core.as('b');
    const o = await a.call('organisation.create', org('ROC'));
    await b.call('organisation.update', { id: o.id, rowVersion: o.rowVersion, ...org('ROC'), place: 'Utrecht' });
    expect((await a.fail('history.undo', {})).message).toMatch(/Partner "ROC" is daarna gewijzigd door Testgebruiker in een ander venster/);
    expect(await a.call('organisation.get', { id: o.id })).toMatchObject({ place: 'Utrecht' });
  });

  it('undoing the creation of a partner is refused when someone else added a contact to it since', async () => {
    const core = await makeCore();
    const sqlite = core.app.requireWorkspace().sqlite;
    const a = core.as('a');
    const b = core.as('b');
    const o = await a.call('organisation.create', org('ROC'));
    await b.call('contact.create', { organisationId: o.id, name: 'Piet', function: '', email: '', phone: '' });
    const before = dumpTables(sqlite);
    const e = await a.fail('history.undo', {});
    expect(e.message).toMatch(/^Ongedaan maken kan niet: daarna deed Testgebruiker in een ander venster .*"Contactpersoon "Piet" aangemaakt", en dat hangt ervan af\. Er is niets veranderd\.$/);
    expect(dumpTables(sqlite)).toEqual(before);
  });

  it('a redo over a later change of someone else is refused the same way', async () => {
    const core = await makeCore();
    const a = core.as('a');
    const b = core.as('b');
    const o = await b.call('organisation.create', org('ROC'));
    await a.call('organisation.update', { id: o.id, rowVersion: core.versionOf('organisation', o.id), ...org('ROC Nieuw') });
    await a.call('history.undo', {});
    await b.call('organisation.update', { id: o.id, rowVersion: core.versionOf('organisation', o.id), ...org('ROC Anders') });
    expect((await a.fail('history.redo', {})).message).toMatch(/^Opnieuw doen kan niet: Partner "ROC Anders" is daarna gewijzigd door/);
    expect((await a.call('organisation.get', { id: o.id })).name).toBe('ROC Anders');
  });

  it('a colleague who changed the record and undid it again is no obstacle', async () => {
    const core = await makeCore();
    const a = core.as('a');
    const b = core.as('b');
    const o = await a.call('organisation.create', org('ROC'));
    await a.call('organisation.update', { id: o.id, rowVersion: core.versionOf('organisation', o.id), ...org('ROC Nieuw') });
    await b.call('organisation.update', { id: o.id, rowVersion: core.versionOf('organisation', o.id), ...org('ROC Tijdelijk') });
    await b.call('history.undo', {});
    await a.call('history.undo', {});
    expect((await a.call('organisation.get', { id: o.id })).name).toBe('ROC');
  });
});
