/**
 * The privacy guard on every write path: the dispatcher (forms, IPC), the Excel import (every row
 * and column, also through the CLI) and undo. A refusal names the field, masks the finding and
 * leaves nothing behind; the softer signal is saved only after a confirmation, which is remembered
 * for exactly that field value.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput, sha, tempDir } from './helpers';
import { activityInput, measureInput } from './programme-tree-helpers';
import { exportOf, load, save } from './excel-helpers';
import { planImport } from '../../electron/core/excel';
import { runCli } from '../../electron/core/cli/main';
import { confirm, confirmationKey } from '../../electron/core/privacy/guard';
import { nowIso } from '../../electron/core/clock';

/** activity.update's input: the create input without the measure, plus the id and the version it was read at. */
function upd(a: { id: string; measureId: string; code: string; name: string; rowVersion: number }, over: Record<string, unknown>) {
  const { measureId: _m, ...rest } = activityInput(a.measureId, a.code, a.name);
  return { ...rest, id: a.id, rowVersion: a.rowVersion, ...over };
}

async function tree() {
  const core = await makeCore();
  const p = await core.call('programme.create', programmeInput());
  const m = await core.call('measure.create', measureInput(p.id, '2.2', 'Warme overdracht'));
  const a = await core.call('activity.create', activityInput(m.id, '2.2.1', 'Digitaal Doorstroom Dossier'));
  return { ...core, p, m, a };
}

describe('privacy guard on the dispatcher (forms and IPC)', () => {
  it('refuses a BSN at the field, masked, and saves nothing', async () => {
    const { call, fail, a } = await tree();
    const before = await call('history.recent', { limit: 100 });
    const err = await fail('subActivity.create', { activityId: a.id, number: 'P2', name: 'P2 Piet Pietersen 123456782', period: '', intendedResult: '' });
    expect(err).toMatchObject({ code: 'invalid_input', field: 'name' });
    expect(err.message).toContain('Naam: hier staat een BSN (…782)');
    expect(err.message).not.toContain('123456782');
    expect(err.issues).toEqual([{ field: 'name', message: expect.stringContaining('Regieboek bewaart alleen cijfers over groepen') }]);
    expect((await call('activity.get', { id: a.id })).subActivities).toEqual([]);
    expect(await call('history.recent', { limit: 100 })).toEqual(before);
  });

  it('refuses a birth date in an update and keeps the old text', async () => {
    const { call, fail, a } = await tree();
    const err = await fail('activity.update', upd(a, { description: 'Intake met Ahmed, geboren op 12-03-2008.' }));
    expect(err).toMatchObject({ code: 'invalid_input', field: 'description' });
    expect(err.message).toContain('een geboortedatum (…2008)');
    expect((await call('activity.get', { id: a.id })).description).toBe('');
  });

  it('asks to confirm a name-like phrase, remembers the confirmation for that field value only', async () => {
    const { call, fail, dispatch, a, m } = await tree();
    const aim = 'Gesprek met leerling Sanne de Vries over de overstap';
    const err = await fail('activity.update', upd(a, { aim }));
    expect(err.code).toBe('privacy_confirm');
    expect(err.confirm).toEqual([{ key: expect.stringMatching(/^[0-9a-f]{64}$/), entity: 'activity', field: 'aim', message: expect.stringContaining('de naam van een jongere (S… V…)') }]);
    expect(JSON.stringify(err)).not.toContain('Sanne');
    expect((await call('activity.get', { id: a.id })).aim).toBe('');

    await call('privacy.confirm', { items: err.confirm!.map(({ key, entity, field }) => ({ key, entity, field })) });
    expect((await call('activity.update', upd(a, { aim }))).aim).toBe(aim);

    // The same value in the same field of another activity: remembered. Another value: asked again.
    const b = await call('activity.create', { ...activityInput(m.id, '2.2.2', 'Tweede'), aim });
    expect(b.aim).toBe(aim);
    expect((await fail('activity.create', { ...activityInput(m.id, '2.2.3', 'Derde'), aim: aim + '.' })).code).toBe('privacy_confirm');
    expect((await fail('activity.create', { ...activityInput(m.id, '2.2.3', 'Derde'), description: aim })).code).toBe('privacy_confirm');
    const bad = await dispatch('privacy.confirm', { items: [{ key: 'niet-hex', entity: 'activity', field: 'aim' }] });
    expect(bad.ok).toBe(false);
  });

  it('does not read professionals as persons, but refuses a BSN in their fields too', async () => {
    const { call, fail } = await makeCore();
    const org = await call('organisation.create', { name: 'ROC Midden', type: 'mbo', brin: '25LP', kvk: '30123456', place: 'Utrecht', notes: '' });
    await expect(call('contact.create', { organisationId: org.id, name: 'Jan Jansen', function: 'Jongere coach: Jan Jansen', email: 'j.jansen@roc.nl', phone: '06-12345678' })).resolves.toMatchObject({
      name: 'Jan Jansen',
    });
    const err = await fail('contact.create', { organisationId: org.id, name: 'Piet', function: '', email: '', phone: '111222333' });
    expect(err).toMatchObject({ code: 'invalid_input', field: 'phone' });
  });
});

describe('privacy guard on the Excel import (every row and column) and the CLI', () => {
  /** A small workspace (one programme) and its exported workbook: fast, and enough for every sheet. */
  async function small() {
    const core = await makeCore();
    await core.call('programme.create', programmeInput());
    const ws = core.app.requireWorkspace();
    return { ...core, ws, wb: await load(await exportOf(ws, nowIso())) };
  }

  it('refuses a file with a BSN deep in an extra sheet, naming sheet, row and column; a dry run changes nothing', async () => {
    const { ws, wb } = await small();
    const extra = wb.addWorksheet('Aantekeningen');
    for (let r = 1; r <= 40; r++) extra.addRow([`Regel ${r}`, r, r === 40 ? 'Terugbellen over BSN 111 222 333' : 'overleg']);
    const file = path.join(tempDir(), 'metbsn.xlsx');
    await save(wb, file);
    const before = sha(ws.path);
    let err = '';
    const code = await runCli(['import', '--db', ws.path, '--in', file, '--dry-run'], { out: () => {}, err: (s) => (err += s) });
    expect(code).toBe(1);
    expect(err).toContain('blad "Aantekeningen"');
    expect(err).toContain('rij 40, kolom C: een BSN (…333)');
    expect(err).not.toContain('111 222 333');
    expect(err).toContain('Er is niets gewijzigd');
    expect(sha(ws.path)).toBe(before);
    // Without --dry-run the same refusal, and still nothing written.
    expect(await runCli(['import', '--db', ws.path, '--in', file], { out: () => {}, err: () => {} })).toBe(1);
    expect(sha(ws.path)).toBe(before);
  });

  it('rejects a row whose new text seems to name a young person until that value was confirmed', async () => {
    const { ws, wb } = await small();
    const text = 'Aanpak besproken met leerling Sanne de Vries';
    wb.getWorksheet("Programma's")!.getCell('H2').value = text;
    const buf = await save(wb);
    const row = (await planImport(ws.db, buf, 'terug.xlsx')).rows.find((r) => r.sheet === "Programma's" && r.row === 2)!;
    expect(row.status).toBe('rejected');
    expect(row.issues[0]).toMatchObject({ sheet: "Programma's", row: 2, col: 'H' });
    expect(row.issues[0]!.message).toContain('de naam van een jongere (S… V…)');
    await confirm(ws.db, [{ key: confirmationKey('programme', 'analysis', text), entity: 'programme', field: 'analysis', message: '' }], 'Test');
    expect((await planImport(ws.db, buf, 'terug.xlsx')).rows.find((r) => r.sheet === "Programma's" && r.row === 2)!.status).toBe('changed');
  });
});

describe('privacy guard on undo', () => {
  it('refuses an undo that would bring back a BSN planted in the history', async () => {
    const { call, fail, app, a } = await tree();
    await call('activity.update', upd(a, { description: 'Schoon' }));
    // Planted past the guard, as an older file or another program might have left it.
    app.requireWorkspace().sqlite.prepare("UPDATE change SET fields = json_set(fields, '$.description[0]', 'BSN 111222333') WHERE entity = 'activity' AND op = 'update'").run();
    const err = await fail('history.undo', {});
    expect(err.message).toMatch(/zou een BSN \(…333\) terugzetten in "Omschrijving"/);
    expect((await call('activity.get', { id: a.id })).description).toBe('Schoon');
  });
});
