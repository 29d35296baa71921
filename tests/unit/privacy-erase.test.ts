/**
 * Erasure: out of the data, out of the history, out of the bytes. The byte test searches the raw
 * workspace file and its -wal for a unique marker: it does not care where a copy hides.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput, tempDir } from './helpers';
import { activityInput, measureInput } from './programme-tree-helpers';
import { runCli } from '../../electron/core/cli/main';
import { openWorkspaceFile } from '../../electron/core/db/workspace-file';

const marker = () => `Merkteken${crypto.randomBytes(6).toString('hex')}`;

/** Where the marker is in the file and its -wal (raw bytes, as a disk search would find it). */
function bytesWith(file: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return [file, file + '-wal'].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(needle)).map((f) => path.basename(f));
}

async function tree() {
  const core = await makeCore();
  const p = await core.call('programme.create', programmeInput());
  const m = await core.call('measure.create', measureInput(p.id, '2.2', 'Warme overdracht'));
  const a = await core.call('activity.create', activityInput(m.id, '2.2.1', 'Digitaal Doorstroom Dossier'));
  return { ...core, p, m, a, file: core.app.requireWorkspace().path };
}

const sub = (activityId: string, name: string) => ({ activityId, number: '4', name, period: '', intendedResult: '' });

describe('erasure: Prullenbak legen', () => {
  it('byte test: a marker written, changed, trashed and erased is nowhere in the file or its -wal; the history says [gewist]', async () => {
    const { call, versionOf, app, a, file } = await tree();
    const first = marker();
    const second = marker();
    expect(app.requireWorkspace().sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    const s = await call('subActivity.create', sub(a.id, `Terugkoppeling ${first}`));
    await call('subActivity.update', { id: s.id, rowVersion: versionOf('subActivity', s.id), number: '4', name: `Terugkoppeling ${second}`, period: '', intendedResult: `Zie ${first}` });
    await call('subActivity.delete', { id: s.id, rowVersion: versionOf('subActivity', s.id) });
    // The safety net can fail: before the erasure the marker is in the bytes.
    expect(bytesWith(file, first).length).toBeGreaterThan(0);

    const out = await call('trash.empty');
    expect(out).toMatchObject({ records: 1, walEmptied: true, backups: [] });
    expect(out.changeSets).toBeGreaterThanOrEqual(3);
    expect(bytesWith(file, first)).toEqual([]);
    expect(bytesWith(file, second)).toEqual([]);
    expect(bytesWith(file, 'Terugkoppeling')).toEqual([]);

    const h = await call('history.forEntity', { entity: 'subActivity', id: s.id });
    expect(JSON.stringify(h)).not.toMatch(/Merkteken|Terugkoppeling/);
    expect(h.map((e) => e.op)).toEqual(['purge', 'delete', 'update', 'create']);
    expect(h[0]).toMatchObject({ action: 'erase', label: 'Deelactiviteit definitief verwijderd', user: 'Testgebruiker', changes: [] });
    expect(h.find((e) => e.op === 'update')!.changes).toEqual(expect.arrayContaining([{ field: 'name', old: '[gewist]', new: '[gewist]' }]));
    expect(h.every((e) => e.itemLabel === '[gewist]' || e.itemLabel === '—')).toBe(true);
    expect(h.filter((e) => e.action !== 'erase').every((e) => e.label.includes('[gewist]'))).toBe(true);
    expect(await call('trash.list')).toEqual([]);
    // The Geschiedenis screen's feed: nothing of the record, and the erasure's line names it "[gewist]".
    const feed = await call('history.feed', { limit: 40 });
    expect(JSON.stringify(feed)).not.toMatch(/Merkteken|Terugkoppeling/);
    expect(feed.sets[0]).toMatchObject({ action: 'erase', label: 'Deelactiviteit definitief verwijderd', items: [{ op: 'purge', itemLabel: '[gewist]', changes: [] }] });
  });

  it('takes an item with its children, leaves other items and the rest alone, clears references to it', async () => {
    const { call, versionOf, p, m, a, file } = await tree();
    const org = await call('organisation.create', { name: `Stichting ${marker()}`, type: 'zorg', brin: '', kvk: '', place: '', notes: '' });
    await call('contact.create', { organisationId: org.id, name: 'Jan Jansen', function: 'coördinator', email: '', phone: '' });
    const { measureId: _m, ...upd } = activityInput(m.id, a.code, a.name);
    await call('activity.update', { ...upd, id: a.id, rowVersion: versionOf('activity', a.id), leadOrganisationId: org.id, executorIds: [org.id] });
    const other = await call('activity.create', activityInput(m.id, '2.2.2', 'Blijft in de Prullenbak'));
    await call('subActivity.create', sub(a.id, 'Eerste stap'));
    await call('organisation.delete', { id: org.id, rowVersion: versionOf('organisation', org.id) });
    await call('activity.delete', { id: other.id, rowVersion: versionOf('activity', other.id) });
    const items = await call('trash.list');
    const orgItem = items.find((i) => i.entity === 'organisation')!;
    expect(orgItem.childCount).toBe(1);

    const out = await call('trash.erase', { changeSetId: orgItem.changeSetId });
    expect(out.records).toBe(2); // the partner and its contact
    expect((await call('trash.list')).map((i) => i.entityId)).toEqual([other.id]);
    const act = await call('activity.get', { id: a.id });
    expect(act).toMatchObject({ leadOrganisationId: null, executorIds: [] });
    expect(act.subActivities.map((s) => s.name)).toEqual(['Eerste stap']);
    expect((await call('programme.get', { id: p.id })).name).toBe(programmeInput().name);
    expect(bytesWith(file, 'Jan Jansen')).toEqual([]);
    // The activity's history says the reference went, by the erasure, without the partner's name.
    const h = await call('history.forEntity', { entity: 'activity', id: a.id });
    expect(h[0]).toMatchObject({ action: 'erase', changes: [expect.objectContaining({ field: expect.stringMatching(/leadOrganisationId|executorIds/) })] });
    expect(JSON.stringify(h)).not.toContain('Stichting');
  });

  it('erases a whole programme with what hangs on it (rules, thresholds), also from the history of records that stay', async () => {
    const { call, versionOf, fail, p, m, a, file } = await tree();
    const reason = `Plusvoorziening ${marker()} besproken`;
    await call('budget.rules.update', { programmeId: p.id, managementMaxPct: 10, managementMaxCents: 5_000_000, plusMinPct: 20, plusReason: reason, checkAwards: true });
    await call('results.thresholds', { programmeId: p.id, onTrackMargin: 5, attentionMargin: 15 });
    await call('subActivity.create', sub(a.id, 'Stap één'));
    const other = await call('programme.create', programmeInput({ name: 'Blijft staan' }));
    await call('programme.delete', { id: p.id, rowVersion: versionOf('programme', p.id) });
    const out = await call('trash.empty');
    expect(out.records).toBeGreaterThanOrEqual(6); // programme, measure, activity, sub-activity, rules, thresholds
    expect((await fail('measure.get', { id: m.id })).code).toBe('not_found');
    expect((await call('programme.list')).map((x) => x.id)).toEqual([other.id]);
    expect(bytesWith(file, reason)).toEqual([]);
    expect(bytesWith(file, 'Warme overdracht')).toEqual([]);
    expect(bytesWith(file, 'Digitaal Doorstroom Dossier')).toEqual([]);
    expect((await call('privacy.scan')).hits).toEqual([]);
  });

  it('never takes along a record in use below an item (restored on its own): refused, nothing erased', async () => {
    const { call, versionOf, fail, a } = await tree();
    const s = await call('subActivity.create', sub(a.id, 'Zelf teruggezet'));
    await call('subActivity.delete', { id: s.id, rowVersion: versionOf('subActivity', s.id) });
    await call('activity.delete', { id: a.id, rowVersion: versionOf('activity', a.id) });
    const items = await call('trash.list');
    await call('trash.restore', { changeSetId: items.find((i) => i.entity === 'subActivity')!.changeSetId });
    const err = await fail('trash.erase', { changeSetId: items.find((i) => i.entity === 'activity')!.changeSetId });
    expect(err).toMatchObject({ code: 'conflict' });
    expect(err.message).toMatch(/Deelactiviteit "4 Zelf teruggezet" staat niet in de Prullenbak.*Er is niets verwijderd/);
    expect((await call('trash.list')).map((i) => i.entity)).toEqual(['activity']);
    expect((await call('history.forEntity', { entity: 'subActivity', id: s.id })).some((e) => JSON.stringify(e).includes('Zelf teruggezet'))).toBe(true);
  });

  it('is a barrier for undo: the erasure and what it scrubbed are never undone', async () => {
    const { call, versionOf, fail, a } = await tree();
    const s = await call('subActivity.create', sub(a.id, 'Weg ermee'));
    await call('subActivity.delete', { id: s.id, rowVersion: versionOf('subActivity', s.id) });
    await call('trash.empty');
    const before = await call('history.recent', { limit: 100 });
    expect((await fail('history.undo', {})).message).toMatch(/kan niet ongedaan worden gemaakt: hier zijn gegevens gewist/);
    expect(await call('history.recent', { limit: 100 })).toEqual(before);
    expect((await call('activity.get', { id: a.id })).subActivities).toEqual([]);
  });

  it('says so when there is nothing to erase, and refuses an item that is not in the Prullenbak', async () => {
    const { call, fail } = await tree();
    expect(await call('trash.empty')).toMatchObject({ records: 0, changeSets: 0 });
    expect((await fail('trash.erase', { changeSetId: 999 })).message).toMatch(/niet \(meer\) in de Prullenbak/);
  });
});

describe('erasure: Uit de geschiedenis wissen', () => {
  it('removes the old values of one field, keeps the current value, and leaves one content-free line', async () => {
    const { call, versionOf, fail, dispatch, a, file } = await tree();
    const typo = `Gesprek met leerling Sanne de Vries ${marker()}`;
    const asked = await fail('subActivity.create', sub(a.id, typo));
    await call('privacy.confirm', { items: asked.confirm!.map(({ key, entity, field }) => ({ key, entity, field })) });
    const s = await call('subActivity.create', sub(a.id, typo));
    await call('subActivity.update', { id: s.id, rowVersion: versionOf('subActivity', s.id), number: '4', name: 'Gesprek met de mentor', period: 'najaar', intendedResult: '' });
    expect(bytesWith(file, 'Sanne').length).toBeGreaterThan(0);

    const out = await call('history.eraseField', { entity: 'subActivity', id: s.id, field: 'name' });
    expect(out.walEmptied).toBe(true);
    expect(bytesWith(file, 'Sanne')).toEqual([]);
    expect((await call('activity.get', { id: a.id })).subActivities.map((x) => [x.name, x.period])).toEqual([['Gesprek met de mentor', 'najaar']]);
    const h = await call('history.forEntity', { entity: 'subActivity', id: s.id });
    expect(JSON.stringify(h)).not.toContain('Sanne');
    expect(h[0]).toMatchObject({ action: 'erase', label: 'Oude waarden van "Naam" van een deelactiviteit uit de geschiedenis gewist', changes: [] });
    // The period's history is untouched; the name's new value stays readable.
    expect(h.find((e) => e.op === 'update' && e.action !== 'erase')!.changes).toEqual(expect.arrayContaining([{ field: 'name', old: '[gewist]', new: 'Gesprek met de mentor' }, { field: 'period', old: '', new: 'najaar' }]));
    // Ctrl+Z stops at the erasure; the confirmation of the erased text is forgotten too.
    expect((await fail('history.undo', {})).message).toMatch(/kan niet ongedaan worden gemaakt/);
    expect((await fail('subActivity.create', { ...sub(a.id, typo), number: '5' })).code).toBe('privacy_confirm');
    const bad = await dispatch('history.eraseField', { entity: 'subActivity', id: s.id, field: 'activityId' });
    expect(bad.ok).toBe(false);
  });
});

describe('erasure and kept judgements of the results overview', () => {
  it('a judgement kept with a name typed by mistake goes with the change, and erasing the old name leaves it nowhere', async () => {
    const { call, versionOf, p, a, file } = await tree();
    const typo = `Uitval ${marker()}`;
    const fields = { measureId: null, description: '', unit: 'aantal' as const, freeUnit: '', direction: 'hoger' as const, aggregation: 'niveau' as const, dataSource: '', momentKind: 'jaarlijks' as const, momentDates: ['07-31'], categories: [], baselineValue: null, baselineDate: null, baselineSource: '', baselineNote: '' };
    const ind = await call('indicator.create', { activityId: a.id, name: typo, ...fields });
    // The overview keeps its judgement of the indicator, name and all.
    await call('results.forProgramme', { programmeId: p.id });
    expect(bytesWith(file, typo).length).toBeGreaterThan(0);
    const { measureId: _m, ...update } = fields;
    void _m;
    await call('indicator.update', { id: ind.id, rowVersion: versionOf('indicator', ind.id), name: 'Uitval eerste jaar', ...update });
    const after = await call('results.forProgramme', { programmeId: p.id });
    expect(JSON.stringify(after)).toContain('Uitval eerste jaar');
    await call('history.eraseField', { entity: 'indicator', id: ind.id, field: 'name' });
    expect(bytesWith(file, typo)).toEqual([]);
    expect(JSON.stringify(await call('results.forProgramme', { programmeId: p.id }))).not.toContain(typo);
  });
});

describe('erasure and backups', () => {
  it('lists the backups that still hold erased data, and deletes them when asked; a backup from before a typo is not listed', async () => {
    const { call, versionOf, fail, a, m } = await tree();
    const early = await call('backup.create');
    const name = `Weg ${marker()}`;
    const s = await call('subActivity.create', sub(a.id, name));
    const typo = `Geplakt ${marker()}`;
    const { measureId: _m, ...upd } = activityInput(m.id, a.code, a.name);
    await call('activity.update', { ...upd, id: a.id, rowVersion: versionOf('activity', a.id), aim: typo });
    const late = await call('backup.create');
    await call('activity.update', { ...upd, id: a.id, rowVersion: versionOf('activity', a.id), aim: 'Het doel' });

    // One field's old value: only the backup made after the typo holds it.
    const field = await call('history.eraseField', { entity: 'activity', id: a.id, field: 'aim' });
    expect(field.backups.map((b) => b.file)).toEqual([late.file]);
    // A record: every backup made after it was created.
    await call('subActivity.delete', { id: s.id, rowVersion: versionOf('subActivity', s.id) });
    const item = await call('trash.empty');
    expect(item.backups.map((b) => b.file)).toEqual([late.file]);
    expect(fs.readFileSync(late.file).includes(Buffer.from(name))).toBe(true);

    // Only backups of this workspace can be deleted here; then they are gone.
    expect((await fail('privacy.deleteBackups', { files: [path.join(path.dirname(late.file), '..', 'ander.regieboek')] })).message).toMatch(/geen reservekopie van dit werkbestand/);
    const left = await call('privacy.deleteBackups', { files: item.backups.map((b) => b.file) });
    expect(fs.existsSync(late.file)).toBe(false);
    expect(left.map((b) => b.file)).toEqual([early.file]);
    expect((await call('privacy.scan')).backups.map((b) => b.file)).toEqual([early.file]);
  });
});

describe('byte test over everything Regieboek keeps (file, -wal, backups)', () => {
  /** Every file below the data folder (the workspace, its -wal, automatic and manual backups) that holds the text. */
  function filesWith(dir: string, text: string): string[] {
    const needle = Buffer.from(text, 'utf8');
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    return walk(dir)
      .filter((f) => fs.readFileSync(f).includes(needle))
      .map((f) => path.relative(dir, f));
  }

  it('a BSN typed is refused before it reaches a byte; a BSN that got in past the guard and a name typed by mistake are, after erasing and deleting the listed backups, nowhere', async () => {
    const { call, versionOf, fail, app, dir, a, m } = await tree();
    // Typed: refused at the field, and not even the -wal has seen it.
    const typed = await fail('subActivity.create', sub(a.id, 'Intake BSN 123456782'));
    expect(typed).toMatchObject({ code: 'invalid_input', field: 'name' });
    expect(filesWith(dir, '123456782')).toEqual([]);

    // Got in past the guard (an old file, another program), and a confirmed name typed by mistake.
    const bsn = '111 222 333';
    app.requireWorkspace().sqlite.prepare('UPDATE activity SET description = ? WHERE id = ?').run(`Aanmelding via mentor, BSN ${bsn}.`, a.id);
    const name = `Gesprek met leerling Sanne ${marker()}`;
    const asked = await fail('subActivity.create', sub(a.id, name));
    await call('privacy.confirm', { items: asked.confirm!.map(({ key, entity, field }) => ({ key, entity, field })) });
    const s = await call('subActivity.create', sub(a.id, name));
    await call('backup.create'); // a manual backup, and the day's automatic one at the next opening
    const file = app.requireWorkspace().path;
    await call('workspace.close');
    await call('workspace.open', { path: file });
    expect(filesWith(dir, bsn).length).toBeGreaterThan(1);
    expect(filesWith(dir, name).length).toBeGreaterThan(1);

    // As the Privacycontrole leads: fix the text and wipe its old value, empty the Prullenbak, delete the backups it lists.
    const { measureId: _m, ...upd } = activityInput(m.id, a.code, a.name);
    await call('activity.update', { ...upd, id: a.id, rowVersion: versionOf('activity', a.id), description: 'Aanmelding via de mentor.' });
    const field = await call('history.eraseField', { entity: 'activity', id: a.id, field: 'description' });
    await call('subActivity.delete', { id: s.id, rowVersion: versionOf('subActivity', s.id) });
    const item = await call('trash.empty');
    // Each erasure lists what it knows to hold its data: the planted BSN is in the backups' rows, not in their history.
    expect(field.backups.length).toBe(2);
    const listed = [...new Set([...field.backups, ...item.backups].map((b) => b.file))];
    expect(listed.length).toBe(2);
    await call('privacy.deleteBackups', { files: listed });

    expect(filesWith(dir, bsn)).toEqual([]);
    expect(filesWith(dir, bsn.replace(/ /g, ''))).toEqual([]);
    expect(filesWith(dir, name)).toEqual([]);
    expect(filesWith(dir, 'Sanne')).toEqual([]);
    expect((await call('privacy.scan')).hits).toEqual([]);
  });
});

describe('erasure and redo (issue 10 keeps old values for redo)', () => {
  it('a redo never brings an erased old value back, nor writes [gewist] into the record', async () => {
    const { call, versionOf, fail, as, a, m, file } = await tree();
    const typo = `Per ongeluk geplakt ${marker()}`;
    const { measureId: _m, ...upd } = activityInput(m.id, a.code, a.name);
    await call('activity.update', { ...upd, id: a.id, rowVersion: versionOf('activity', a.id), description: typo });
    await call('history.undo', {}); // the typo is gone from the record, kept in the history for a redo
    expect((await call('activity.get', { id: a.id })).description).toBe('');
    expect(bytesWith(file, typo).length).toBeGreaterThan(0);

    // Erased from another window (or the CLI): this window's redo stack still points at the typo.
    await as('beheer').call('history.eraseField', { entity: 'activity', id: a.id, field: 'description' });
    expect(bytesWith(file, typo)).toEqual([]);
    expect((await fail('history.redo', {})).message).toMatch(/kan niet ongedaan worden gemaakt: hier zijn gegevens gewist/);
    expect((await call('activity.get', { id: a.id })).description).toBe('');
    expect(bytesWith(file, typo)).toEqual([]);
  });

  it('an undone creation (kept for redo) is erased with its trash item, and its redo stays refused', async () => {
    const { call, versionOf, fail, a, file } = await tree();
    const name = `Deelactiviteit ${marker()}`;
    const s = await call('subActivity.create', sub(a.id, name));
    await call('subActivity.delete', { id: s.id, rowVersion: versionOf('subActivity', s.id) });
    await call('trash.empty');
    expect(bytesWith(file, name)).toEqual([]);
    for (let i = 0; i < 3; i++) expect((await fail('history.undo', {})).message).toMatch(/kan niet ongedaan worden gemaakt/);
    expect((await fail('history.redo', {})).code).toBe('user_error');
    expect((await call('activity.get', { id: a.id })).subActivities).toEqual([]);
  });
});

describe('Privacycontrole and the CLI', () => {
  it('finds planted data in records, the Prullenbak and the history, masked; erasing leaves the scan clean', async () => {
    const { call, versionOf, app, a, m, file } = await tree();
    const sqlite = app.requireWorkspace().sqlite;
    // Planted past the guard, as an old file or another program could have left it.
    sqlite.prepare('UPDATE activity SET description = ? WHERE id = ?').run('Aanmelding: BSN 111 222 333 via de mentor.', a.id);
    const gone = await call('activity.create', activityInput(m.id, '2.2.9', 'Tijdelijk'));
    sqlite.prepare('UPDATE activity SET aim = ? WHERE id = ?').run('Jongere geboren op 12-03-2008', gone.id);
    await call('activity.delete', { id: gone.id, rowVersion: versionOf('activity', gone.id) });
    sqlite.prepare("UPDATE change SET fields = json_set(fields, '$.name[1]', 'leerling Jan Jansen') WHERE entity = 'activity' AND entity_id = ? AND op = 'create'").run(a.id);

    const scan = await call('privacy.scan');
    expect(JSON.stringify(scan)).not.toMatch(/111 222 333|12-03-2008|Jansen/);
    const where = scan.hits.map((h) => [h.place, h.entity, h.field, h.kind]);
    expect(where).toEqual(
      expect.arrayContaining([
        ['data', 'activity', 'description', 'bsn'],
        ['trash', 'activity', 'aim', 'birthDate'],
        ['history', 'activity', 'name', 'personName'],
      ]),
    );
    expect(scan.hits.find((h) => h.place === 'data')).toMatchObject({ excerpt: expect.stringContaining('[…333]'), route: ['activiteiten', a.id] });

    let out = '';
    expect(await runCli(['privacy', '--db', file, '--json'], { out: (s) => (out += s), err: () => {} })).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ clean: false, hits: expect.arrayContaining([expect.objectContaining({ kind: 'bsn' })]) });

    // Fix the record, wipe the name's old value, empty the Prullenbak (through the CLI): clean.
    const { measureId: _m, ...upd } = activityInput(m.id, a.code, a.name);
    await call('activity.update', { ...upd, id: a.id, rowVersion: versionOf('activity', a.id), description: 'Aanmelding via de mentor.' });
    await call('history.eraseField', { entity: 'activity', id: a.id, field: 'description' });
    await call('history.eraseField', { entity: 'activity', id: a.id, field: 'name' });
    await app.close();
    out = '';
    expect(await runCli(['trash', 'empty', '--db', file, '--user', 'Beheer'], { out: (s) => (out += s), err: () => {} })).toBe(0);
    expect(out).toMatch(/Prullenbak geleegd: 1 records definitief verwijderd/);
    out = '';
    expect(await runCli(['privacy', '--db', file], { out: (s) => (out += s), err: () => {} })).toBe(0);
    expect(out).toMatch(/Geen gegevens over individuele jongeren gevonden/);
    for (const s of ['111 222 333', '12-03-2008', 'Jan Jansen']) expect(bytesWith(file, s)).toEqual([]);
    const ws = openWorkspaceFile(file);
    expect((ws.sqlite.prepare("SELECT user FROM change_set WHERE action = 'erase' ORDER BY id DESC").get() as { user: string }).user).toBe('Beheer');
    await ws.close();
  });

  it('the example region has no hits: regieboek privacy exits 0', async () => {
    const file = path.join(tempDir(), 'voorbeeld.regieboek');
    expect(await runCli(['demo', '--db', file], { out: () => {}, err: () => {} })).toBe(0);
    let out = '';
    expect(await runCli(['privacy', '--db', file, '--json'], { out: (s) => (out += s), err: () => {} })).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ clean: true, hits: [] });
    expect(JSON.parse(out).records).toBeGreaterThan(100);
  });

  it('trash needs a known sub-command', async () => {
    let err = '';
    expect(await runCli(['trash', 'leeg', '--db', 'x.regieboek'], { out: () => {}, err: (s) => (err += s) })).toBe(1);
    expect(err).toMatch(/regieboek trash empty --db BESTAND/);
  });
});
