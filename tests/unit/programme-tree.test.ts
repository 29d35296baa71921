import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityInput, measureInput, newWorkspace, programmeInput, type TestApp } from './programme-tree-helpers';

let w: TestApp;
let programmeId: string;

beforeEach(async () => {
  w = await newWorkspace();
  programmeId = (await w.call('programme.create', programmeInput)).id;
});
afterEach(async () => w.close());

describe('validation of the programme tree', () => {
  it('refuses a duplicate code within the same parent, naming the existing item on the code field', async () => {
    const m = await w.call('measure.create', measureInput(programmeId, '2.2', 'Warme overdracht'));
    await w.call('activity.create', activityInput(m.id, '2.2.1', 'Digitaal Doorstroom Dossier'));
    const err = await w.fail('activity.create', activityInput(m.id, '2.2.1', 'Iets anders'));
    expect(err.code).toBe('conflict');
    expect(err.field).toBe('code');
    expect(err.message).toContain('Code:');
    expect(err.message).toContain('2.2.1 Digitaal Doorstroom Dossier');
    // Nothing was half-saved: still one activity.
    expect((await w.call('measure.get', { id: m.id })).activities).toHaveLength(1);

    // The same code under another measure is fine.
    const other = await w.call('measure.create', measureInput(programmeId, '2.3', 'Verzuim'));
    await expect(w.call('activity.create', activityInput(other.id, '2.2.1', 'Zelfde code, andere maatregel'))).resolves.toMatchObject({ code: '2.2.1' });

    // And an update may not take a sibling's code either.
    const second = await w.call('activity.create', activityInput(m.id, '2.2.2', 'Tweede'));
    const { measureId: _m, ...fields } = activityInput(m.id, '2.2.1', 'Tweede');
    const upd = await w.fail('activity.update', { ...fields, id: second.id, rowVersion: second.rowVersion });
    expect(upd.field).toBe('code');
  });

  it('refuses an end date before the start date, and only warns about dates outside the programme period', async () => {
    const m = await w.call('measure.create', measureInput(programmeId, '1', 'Preventie'));
    const bad = await w.fail('activity.create', { ...activityInput(m.id, '1.1', 'Te vroeg klaar'), startDate: '2025-08-01', endDate: '2025-07-31' });
    expect(bad.code).toBe('invalid_input');
    expect(bad.field).toBe('endDate');
    expect(bad.message).toMatch(/^Einddatum: /);

    const a = await w.call('activity.create', { ...activityInput(m.id, '1.1', 'Loopt door'), startDate: '2024-08-01', endDate: '2029-07-31' });
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]!.field).toBe('endDate');
    expect(a.warnings[0]!.message).toContain('31-07-2029');
    const inside = await w.call('activity.create', { ...activityInput(m.id, '1.2', 'Binnen de periode'), startDate: '2024-08-01', endDate: '2028-07-31' });
    expect(inside.warnings).toEqual([]);
  });

  it('accepts planned participants as whole numbers of zero or more, once per school year', async () => {
    const m = await w.call('measure.create', measureInput(programmeId, '1', 'Preventie'));
    const base = activityInput(m.id, '1.1', 'Loopbaan');
    const plan = [
      { schoolYear: '2024/2025', count: 400 },
      { schoolYear: '2025/2026', count: 800 },
      { schoolYear: '2026/2027', count: 1000 },
      { schoolYear: '2027/2028', count: 0 },
    ];
    const a = await w.call('activity.create', { ...base, plannedParticipants: plan });
    expect(a.plannedParticipants.map((p) => p.count)).toEqual([400, 800, 1000, 0]);

    for (const count of [-1, 2.5]) {
      const err = await w.fail('activity.create', { ...base, code: '1.9', plannedParticipants: [{ schoolYear: '2024/2025', count }] });
      expect(err.field).toBe('plannedParticipants.0.count');
      expect(err.message).toMatch(/^Aantal: /);
    }
    const twice = await w.fail('activity.create', { ...base, code: '1.9', plannedParticipants: [plan[0]!, plan[0]!] });
    expect(twice.field).toBe('plannedParticipants');
    const badYear = await w.fail('activity.create', { ...base, code: '1.9', plannedParticipants: [{ schoolYear: '2024/2026', count: 1 }] });
    expect(badYear.field).toBe('plannedParticipants.0.schoolYear');
  });

  it('requires a name and keeps codes exactly as typed', async () => {
    const err = await w.fail('measure.create', measureInput(programmeId, '2a', '   '));
    expect(err.field).toBe('name');
    const m = await w.call('measure.create', measureInput(programmeId, ' 2a ', 'Instroomloket 16+'));
    expect(m.code).toBe('2a');
  });

  it('keeps the meaning of text pasted from Word', async () => {
    const m = await w.call('measure.create', {
      ...measureInput(programmeId, '3', 'Plus\u00a0voorziening \u201cDe Brug\u201d'),
      description: 'Doelen:\r\n\u2022\tschool en zorg samen\r\n\uf0b7\tin \u00e9\u00e9n traject\r\n\r\n\r\n\r\nDat is \u2018m.',
    });
    expect(m.name).toBe('Plus voorziening "De Brug"');
    expect(m.description).toBe("Doelen:\n- school en zorg samen\n- in één traject\n\nDat is 'm.");
  });
});

describe('natural order and reordering', () => {
  it('lists codes in natural order and lets the user reorder siblings', async () => {
    for (const code of ['10', '2a', '2', '2.1']) await w.call('measure.create', measureInput(programmeId, code, `Maatregel ${code}`));
    const codes = async () => (await w.call('tree.get', { programmeId })).lines.flatMap((l) => l.measures.map((m) => m.code));
    expect(await codes()).toEqual(['2', '2.1', '2a', '10']);
    const tree = await w.call('tree.get', { programmeId });
    const byCode = new Map(tree.lines[0]!.measures.map((m) => [m.code, m.id]));
    await w.call('tree.reorder', { entity: 'measure', ids: [byCode.get('10')!, byCode.get('2')!] });
    expect(await codes()).toEqual(['10', '2', '2.1', '2a']);
  });
});

describe('moving an activity', () => {
  it('records the move in the history and undo moves it back', async () => {
    const from = await w.call('measure.create', measureInput(programmeId, '2.2', 'Warme overdracht'));
    const to = await w.call('measure.create', measureInput(programmeId, '2.3', 'Verzuim'));
    const a = await w.call('activity.create', activityInput(from.id, '2.2.1', 'Digitaal Doorstroom Dossier'));

    const moved = await w.call('activity.move', { id: a.id, rowVersion: a.rowVersion, measureId: to.id });
    expect(moved.measureId).toBe(to.id);
    expect((await w.call('measure.get', { id: from.id })).activities).toHaveLength(0);
    expect((await w.call('measure.get', { id: to.id })).activities.map((x) => x.id)).toEqual([a.id]);

    const history = await w.call('history.forEntity', { entity: 'activity', id: a.id });
    const move = history.find((h) => h.changes.some((c) => c.field === 'measureId'));
    expect(move?.changes.find((c) => c.field === 'measureId')).toEqual({
      field: 'measureId',
      old: from.id,
      new: to.id,
      oldLabel: '2.2 Warme overdracht',
      newLabel: '2.3 Verzuim',
    });
    expect(move?.label).toContain('2.2 Warme overdracht');
    expect(move?.label).toContain('2.3 Verzuim');

    await w.call('history.undo');
    expect((await w.call('activity.get', { id: a.id })).measureId).toBe(from.id);
    expect((await w.call('measure.get', { id: from.id })).activities.map((x) => x.id)).toEqual([a.id]);
  });

  it('refuses a move onto a measure that already has the code, and changes nothing', async () => {
    const from = await w.call('measure.create', measureInput(programmeId, '1', 'Een'));
    const to = await w.call('measure.create', measureInput(programmeId, '2', 'Twee'));
    const a = await w.call('activity.create', activityInput(from.id, 'A', 'Eerste'));
    await w.call('activity.create', activityInput(to.id, 'A', 'Bestaande'));
    const err = await w.fail('activity.move', { id: a.id, rowVersion: a.rowVersion, measureId: to.id });
    expect(err.message).toContain('Bestaande');
    expect((await w.call('activity.get', { id: a.id })).measureId).toBe(from.id);
  });
});

describe('Prullenbak', () => {
  it('trashing a measure takes its activities and sub-activities along; restoring brings them all back', async () => {
    const m = await w.call('measure.create', measureInput(programmeId, '2.2', 'Warme overdracht'));
    const a1 = await w.call('activity.create', activityInput(m.id, '2.2.1', 'Dossier'));
    const a2 = await w.call('activity.create', activityInput(m.id, '2.2.2', 'Zomerschool'));
    await w.call('subActivity.create', { activityId: a1.id, number: '1', name: 'Pilot', period: 'najaar 2025', intendedResult: '' });

    await w.call('measure.delete', { id: m.id, rowVersion: m.rowVersion });
    expect((await w.call('tree.get', { programmeId })).lines).toEqual([]);
    expect((await w.fail('activity.get', { id: a1.id })).code).toBe('not_found');
    const trash = await w.call('trash.list');
    expect(trash).toHaveLength(1);
    expect(trash[0]).toMatchObject({ entity: 'measure', label: '2.2 Warme overdracht', childCount: 3 });

    await w.call('trash.restore', { changeSetId: trash[0]!.changeSetId });
    const back = await w.call('measure.get', { id: m.id });
    expect(back.activities.map((a) => a.id)).toEqual([a1.id, a2.id]);
    expect(back.activities[0]!.subActivities.map((s) => s.name)).toEqual(['Pilot']);
    expect(await w.call('trash.list')).toEqual([]);
  });

  it('an activity trashed on its own before does not come back with its measure', async () => {
    const m = await w.call('measure.create', measureInput(programmeId, '1', 'Een'));
    const keep = await w.call('activity.create', activityInput(m.id, '1.1', 'Blijft'));
    const gone = await w.call('activity.create', activityInput(m.id, '1.2', 'Was al weg'));
    await w.call('activity.delete', { id: gone.id, rowVersion: gone.rowVersion });
    await w.call('measure.delete', { id: m.id, rowVersion: m.rowVersion });
    const item = (await w.call('trash.list')).find((x) => x.entity === 'measure')!;
    await w.call('trash.restore', { changeSetId: item.changeSetId });
    expect((await w.call('measure.get', { id: m.id })).activities.map((a) => a.id)).toEqual([keep.id]);
  });
});

describe('Prullenbak for lines and programmes', () => {
  it('trashing a programme line takes its measures and their activities along', async () => {
    const line = await w.call('line.create', { programmeId, code: '2', name: 'Overstap', description: '' });
    const m = await w.call('measure.create', { ...measureInput(programmeId, '2.1', 'Monitor'), lineId: line.id });
    await w.call('activity.create', activityInput(m.id, '2.1.1', 'Nabellen'));
    const loose = await w.call('measure.create', measureInput(programmeId, '9', 'Zonder lijn'));
    await w.call('line.delete', { id: line.id, rowVersion: line.rowVersion });
    const tree = await w.call('tree.get', { programmeId });
    expect(tree.lines.flatMap((l) => l.measures.map((x) => x.id))).toEqual([loose.id]);
    const [item] = await w.call('trash.list');
    expect(item).toMatchObject({ entity: 'programmeLine', childCount: 2 });
    await w.call('history.undo');
    const back = await w.call('tree.get', { programmeId });
    expect(back.lines.map((l) => l.code)).toEqual(['2', '']);
    expect(back.lines[0]!.measures[0]!.activities.map((a) => a.code)).toEqual(['2.1.1']);
  });
});

describe('partners', () => {
  it('keeps a reference to a partner that went to the Prullenbak when something else is edited', async () => {
    const org = await w.call('organisation.create', { name: 'Gemeente Voorbeeldstad', type: 'gemeente', brin: '', kvk: '', place: '', notes: '' });
    const { programmeId: _p, ...input } = { ...measureInput(programmeId, '1', 'Verzuim'), leadOrganisationId: org.id, executorIds: [org.id] };
    const m = await w.call('measure.create', { programmeId, ...input });
    await w.call('organisation.delete', { id: org.id, rowVersion: org.rowVersion });
    expect((await w.call('measure.get', { id: m.id })).lead).toBeNull();
    const saved = await w.call('measure.update', { id: m.id, rowVersion: m.rowVersion, ...input, name: 'Verzuim 18+' });
    expect(saved.leadOrganisationId).toBe(org.id);
    // A new reference to a trashed partner is refused.
    const other = await w.fail('measure.create', { programmeId, ...input, code: '2' });
    expect(other.field).toBe('leadOrganisationId');
  });

  it('shows the roles of a partner and refuses unknown partners', async () => {
    const org = await w.call('organisation.create', { name: 'Voorbeeld College', type: 'mbo', brin: '99xy', kvk: '', place: 'Voorbeeldstad', notes: '' });
    expect(org.brin).toBe('99XY');
    const m = await w.call('measure.create', { ...measureInput(programmeId, '2', 'Overstap'), leadOrganisationId: org.id });
    await w.call('activity.create', { ...activityInput(m.id, '2.1', 'Dossier'), executorIds: [org.id] });
    const detail = await w.call('organisation.get', { id: org.id });
    expect(detail.roles.map((r) => `${r.role}:${r.code}`)).toEqual(['lead:2', 'executor:2.1']);

    const err = await w.fail('measure.create', { ...measureInput(programmeId, '3', 'X'), executorIds: ['bestaat-niet'] });
    expect(err.field).toBe('executorIds');
    const kvk = await w.fail('organisation.create', { name: 'Bedrijf', type: 'bedrijfsleven', brin: '', kvk: '1234', place: '', notes: '' });
    expect(kvk.field).toBe('kvk');
  });
});

describe('search', () => {
  it('finds by code, name and text, grouped, with the matching text as snippet', async () => {
    const m = await w.call('measure.create', measureInput(programmeId, '2.2', 'Warme overdracht'));
    await w.call('activity.create', { ...activityInput(m.id, '2.2.1', 'Digitaal Doorstroom Dossier'), aim: 'Elke jongere met een risicoprofiel krijgt een gesprek over verzuim.' });
    const byCode = await w.call('search.all', { query: '2.2.1' });
    expect(byCode.groups[0]).toMatchObject({ kind: 'activity', hits: [{ code: '2.2.1' }] });
    const byText = await w.call('search.all', { query: 'risicoprofiel' });
    expect(byText.groups.map((g) => g.kind)).toEqual(['activity']);
    expect(byText.groups[0]!.hits[0]!.snippet).toContain('risicoprofiel');
    const none = await w.call('search.all', { query: 'zzzz' });
    expect(none.total).toBe(0);
  });
});
