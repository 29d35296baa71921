import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput } from './helpers';

describe('history, Prullenbak and undo', () => {
  it('records who changed which field from what to what', async () => {
    const { call } = await makeCore();
    const p = await call('programme.create', programmeInput());
    await call('programme.update', { ...programmeInput(), id: p.id, rowVersion: p.rowVersion, name: 'Nieuwe naam', awardedCents: 5000 });
    const h = await call('history.forEntity', { entity: 'programme', id: p.id });
    expect(h.map((e) => e.op)).toEqual(['update', 'create']);
    expect(h[0]!.user).toBe('Testgebruiker');
    expect(h.map((e) => e.itemLabel)).toEqual(['Nieuwe naam', 'Nieuwe naam']);
    expect(h[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', old: 'Regionaal programma VSV 2026-2029', new: 'Nieuwe naam' },
        { field: 'awardedCents', old: null, new: 5000 },
      ]),
    );
    expect(h[0]!.changes.map((c) => c.field)).not.toContain('status');
  });

  it('leaves no history entry for a save that changed nothing', async () => {
    const { call } = await makeCore();
    const p = await call('programme.create', programmeInput());
    await call('programme.update', { ...programmeInput(), id: p.id, rowVersion: p.rowVersion });
    expect(await call('history.forEntity', { entity: 'programme', id: p.id })).toHaveLength(1);
  });

  it('moves a deleted programme to the Prullenbak and restores it as it was', async () => {
    const { call, fail, versionOf } = await makeCore();
    const p = await call('programme.create', programmeInput());
    await call('programme.delete', { id: p.id, rowVersion: versionOf('programme', p.id) });
    expect(await call('programme.list')).toEqual([]);
    expect((await fail('programme.get', { id: p.id })).code).toBe('not_found');
    const trash = await call('trash.list');
    expect(trash).toMatchObject([{ entity: 'programme', entityId: p.id, label: p.name, user: 'Testgebruiker' }]);
    await call('trash.restore', { changeSetId: trash[0]!.changeSetId });
    // As it was; only its version counts the two writes (to the Prullenbak and back).
    expect(await call('programme.get', { id: p.id })).toEqual({ ...p, rowVersion: p.rowVersion + 2 });
    expect(await call('trash.list')).toEqual([]);
    expect((await fail('trash.restore', { changeSetId: trash[0]!.changeSetId })).message).toMatch(/niet \(meer\) in de Prullenbak/);
  });

  it('undoes the last change, then the one before, and never an undo', async () => {
    const { call, fail } = await makeCore();
    const p = await call('programme.create', programmeInput());
    const p2 = await call('programme.update', { ...programmeInput(), id: p.id, rowVersion: p.rowVersion, name: 'Tweede' });
    await call('programme.update', { ...programmeInput(), id: p.id, rowVersion: p2.rowVersion, name: 'Derde' });

    expect((await call('history.undo')).label).toMatch(/gewijzigd/);
    expect((await call('programme.get', { id: p.id })).name).toBe('Tweede');
    await call('history.undo');
    expect((await call('programme.get', { id: p.id })).name).toBe('Regionaal programma VSV 2026-2029');
    await call('history.undo'); // the creation
    expect(await call('programme.list')).toEqual([]);
    expect((await fail('history.undo', {})).message).toBe('Er is niets om ongedaan te maken.');

    const h = await call('history.recent', { limit: 50 });
    expect(h.filter((e) => e.action !== 'undo').every((e) => e.undone)).toBe(true);
    // The programme is gone; the history still names it, from the snapshot taken when it was made.
    expect(new Set(h.map((e) => e.itemLabel))).toEqual(new Set(['Regionaal programma VSV 2026-2029']));
  });

  it('undoes a delete and a restore', async () => {
    const { call, versionOf } = await makeCore();
    const p = await call('programme.create', programmeInput());
    await call('programme.delete', { id: p.id, rowVersion: versionOf('programme', p.id) });
    await call('history.undo');
    expect((await call('programme.get', { id: p.id })).name).toBe(p.name);
    expect(await call('trash.list')).toEqual([]);

    await call('programme.delete', { id: p.id, rowVersion: versionOf('programme', p.id) });
    const [item] = await call('trash.list');
    await call('trash.restore', { changeSetId: item!.changeSetId });
    await call('history.undo'); // undo the restore: back in the Prullenbak
    expect(await call('programme.list')).toEqual([]);
    expect((await call('trash.list')).map((t) => t.entityId)).toEqual([p.id]);
  });

  it('keeps a failed write from leaving anything behind', async () => {
    const { call, app } = await makeCore();
    const p = await call('programme.create', programmeInput());
    const db = app.requireWorkspace().db;
    const { tracked } = await import('../../electron/core/history/tracker');
    await expect(
      tracked(db, { user: 'x', session: 'x', action: 'update', label: 'half' }, async (tr) => {
        await tr.update('programme', p.id, { name: 'Half opgeslagen' });
        throw new Error('stroomstoring');
      }),
    ).rejects.toThrow('stroomstoring');
    expect((await call('programme.get', { id: p.id })).name).toBe(p.name);
    expect(await call('history.forEntity', { entity: 'programme', id: p.id })).toHaveLength(1);
  });
});
