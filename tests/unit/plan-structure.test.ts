/**
 * The plan's own structure (issue 12 point 4): an activity directly under a programme line, and a
 * measure that is its own activity, behave like an activity under a measure everywhere, and the
 * measure row and its activity never disagree on what they share.
 */
import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput } from './helpers';
import { activityInput, measureInput } from './programme-tree-helpers';
import type { In } from '../../shared/contract';

async function setup() {
  const core = await makeCore();
  const { call } = core;
  const p = await call('programme.create', programmeInput({ periodStart: '2016-08-01', periodEnd: '2020-07-31' }));
  const line1 = await call('line.create', { programmeId: p.id, code: '1', name: 'Overstap', description: '' });
  const line3 = await call('line.create', { programmeId: p.id, code: '3', name: 'Zorg', description: '' });
  return { ...core, p, line1, line3 };
}

const underLine = (lineId: string, code: string, name: string) => {
  const { measureId: _m, ...fields } = activityInput('', code, name);
  return { ...fields, lineId };
};

const measureUpdate = (id: string, rowVersion: number, code: string, name: string, over: Partial<In<'measure.update'>> = {}): In<'measure.update'> => {
  const { programmeId: _p, ...fields } = measureInput('', code, name);
  return { ...fields, id, rowVersion, ...over };
};

const budgetLine = (measureId: string, over: Partial<In<'budgetLine.create'>> = {}): In<'budgetLine.create'> => ({
  measureId,
  activityId: null,
  year: 2017,
  costItem: 'Inzet zorgcoördinator 0,4 fte',
  kind: 'personeel',
  fte: 0.4,
  hours: null,
  fundingSource: 'ocw',
  category: 'C',
  management: false,
  partnerId: null,
  inKind: false,
  plannedCents: 2_000_000,
  notes: '',
  ...over,
});

const indicator = (over: Partial<In<'indicator.create'>>): In<'indicator.create'> => ({
  activityId: null,
  measureId: null,
  name: 'Overstappers in beeld',
  description: '',
  unit: 'percentage',
  freeUnit: '',
  direction: 'hoger',
  aggregation: 'niveau',
  dataSource: 'Doorstroommonitor',
  momentKind: 'jaarlijks',
  momentDates: ['11-01'],
  categories: [],
  baselineValue: null,
  baselineDate: null,
  baselineSource: '',
  baselineNote: '',
  ...over,
});

describe('an activity directly under a programme line', () => {
  it('is created through activity.create with the line, sits at the measure level and has every part of an activity', async () => {
    const { call, fail, p, line1, line3, versionOf } = await setup();
    const a = await call('activity.create', { ...underLine(line3.id, '3.1', 'Zorgteams op school'), description: 'Elke school een zorgteam.', plannedParticipants: [{ schoolYear: '2016/2017', count: 400 }] });
    expect(a).toMatchObject({ code: '3.1', name: 'Zorgteams op school', measureShape: 'activity', lineId: line3.id, lineCode: '3', programmeId: p.id });

    // Its holder is a measure row in the line, with the same shared fields; the tree shows one item.
    const holder = await call('measure.get', { id: a.measureId });
    expect(holder).toMatchObject({ shape: 'activity', lineId: line3.id, code: '3.1', name: 'Zorgteams op school', description: 'Elke school een zorgteam.' });
    expect(holder.activities.map((x) => x.id)).toEqual([a.id]);
    const tree = await call('tree.get', { programmeId: p.id });
    const zorg = tree.lines.find((l) => l.id === line3.id)!;
    expect(zorg.measures.map((m) => [m.code, m.shape, m.activities.map((x) => x.id)])).toEqual([['3.1', 'activity', [a.id]]]);

    // The code is unique at the measure level: a measure 3.1 in another line clashes with it.
    const clash = await fail('measure.create', measureInput(p.id, '3.1', 'Andere maatregel'));
    expect(clash).toMatchObject({ code: 'conflict', field: 'code' });
    expect(clash.message).toContain('3.1 Zorgteams op school');
    const clash2 = await fail('activity.create', underLine(line1.id, '3.1', 'Dubbel'));
    expect(clash2).toMatchObject({ code: 'conflict', field: 'code' });

    // Sub-activities, partners, budget lines and indicators work as for any activity.
    await call('subActivity.create', { activityId: a.id, number: '1', name: 'Zorgteam opzetten', period: '2016', intendedResult: '' });
    const org = await call('organisation.create', { name: 'ROC Voorbeeld', type: 'mbo', brin: '', kvk: '', place: '', notes: '' });
    const { lineId: _l, ...fields } = underLine(line3.id, '3.1', 'Zorgteams op school');
    const updated = await call('activity.update', { ...fields, id: a.id, rowVersion: versionOf('activity', a.id), leadOrganisationId: org.id, executorIds: [org.id] });
    expect(updated.subActivities.map((s) => s.name)).toEqual(['Zorgteam opzetten']);
    expect((await call('measure.get', { id: a.measureId })).lead).toEqual({ id: org.id, name: 'ROC Voorbeeld' });
    // A budget line on the item, without naming the activity, lands on its activity.
    const bl = await call('budgetLine.create', budgetLine(a.measureId));
    expect(bl.activityId).toBe(a.id);
    const ind = await call('indicator.create', indicator({ activityId: a.id }));
    expect(ind.activityId).toBe(a.id);

    // Nothing can be put under it.
    const second = await fail('activity.create', activityInput(a.measureId, '3.1.1', 'Eronder'));
    expect(second).toMatchObject({ code: 'invalid_input', field: 'measureId' });
    expect(second.message).toContain('is zelf een activiteit');
  });

  it('can be placed directly under a programme without lines, and needs exactly one parent', async () => {
    const { call, fail, p } = await setup();
    const a = await call('activity.create', { ...underLine('', '9', 'Losse activiteit'), lineId: null, programmeId: p.id });
    expect(a).toMatchObject({ measureShape: 'activity', lineId: null, lineName: null });
    const m = await call('measure.create', measureInput(p.id, '8', 'Maatregel'));
    const both = await fail('activity.create', { ...activityInput(m.id, '8.1', 'Twee plekken'), programmeId: p.id });
    expect(both).toMatchObject({ code: 'invalid_input' });
    expect(both.message).toMatch(/maatregel of de programmalijn/);
    const none = await fail('activity.create', underLine('', '7', 'Nergens'));
    expect(none).toMatchObject({ code: 'invalid_input' });
  });
});

describe('a measure that is its own activity', () => {
  it('gets its activity when created, shares code, name, status and partners with it both ways, and undo reverses both', async () => {
    const { call, fail, p, line1, versionOf } = await setup();
    const m = await call('measure.create', { ...measureInput(p.id, '1.1', 'Digitaal doorstroomdossier'), lineId: line1.id, shape: 'single', description: 'Eén dossier.' });
    expect(m.shape).toBe('single');
    expect(m.activities).toHaveLength(1);
    const a = m.activities[0]!;
    expect(a).toMatchObject({ code: '1.1', name: 'Digitaal doorstroomdossier', description: 'Eén dossier.', measureShape: 'single', lineId: line1.id });

    // Renamed through the activity's template form: the measure follows, in the same change set.
    const { measureId: _m, ...fields } = activityInput(m.id, '1.1', 'DDD');
    await call('activity.update', { ...fields, id: a.id, rowVersion: a.rowVersion, status: 'afgerond', aim: 'Alle overstappers in beeld.' });
    expect(await call('measure.get', { id: m.id })).toMatchObject({ name: 'DDD', status: 'afgerond' });
    // Renamed through the measure form: the activity follows; its template answers stay.
    await call('measure.update', measureUpdate(m.id, versionOf('measure', m.id), '1.1a', 'DDD regio', { lineId: line1.id }));
    expect(await call('activity.get', { id: a.id })).toMatchObject({ code: '1.1a', name: 'DDD regio', aim: 'Alle overstappers in beeld.', status: 'lopend' });

    // One undo reverses the measure's change and the activity's follow-up together.
    await call('history.undo');
    expect(await call('activity.get', { id: a.id })).toMatchObject({ code: '1.1', name: 'DDD', status: 'afgerond' });
    expect(await call('measure.get', { id: m.id })).toMatchObject({ code: '1.1', name: 'DDD', status: 'afgerond' });

    // No second activity; deleting the activity takes the whole item to the Prullenbak, and back.
    expect(await fail('activity.create', activityInput(m.id, '1.1.1', 'Tweede'))).toMatchObject({ field: 'measureId' });
    await call('activity.delete', { id: a.id, rowVersion: versionOf('activity', a.id) });
    expect((await call('tree.get', { programmeId: p.id })).lines.flatMap((l) => l.measures)).toHaveLength(0);
    const trash = await call('trash.list');
    expect(trash).toHaveLength(1);
    await call('trash.restore', { changeSetId: trash[0]!.changeSetId });
    expect((await call('measure.get', { id: m.id })).activities.map((x) => x.id)).toEqual([a.id]);
  });

  it('an existing measure becomes one: with one activity it adopts it (measure-level indicators and money move to it); with two it is refused', async () => {
    const { call, fail, p, versionOf } = await setup();
    const m = await call('measure.create', measureInput(p.id, '2', 'Verzuim'));
    const a = await call('activity.create', activityInput(m.id, '2.1', 'Verzuimspreekuur'));
    const ind = await call('indicator.create', indicator({ measureId: m.id }));
    const bl = await call('budgetLine.create', budgetLine(m.id));
    expect(bl.activityId).toBeNull();

    const single = await call('measure.update', measureUpdate(m.id, versionOf('measure', m.id), '2', 'Verzuim', { shape: 'single' }));
    expect(single.activities.map((x) => [x.id, x.code, x.name])).toEqual([[a.id, '2', 'Verzuim']]);
    expect((await call('indicator.get', { id: ind.id })).activityId).toBe(a.id);
    expect((await call('budgetLine.list', { programmeId: p.id })).find((x) => x.id === bl.id)!.activityId).toBe(a.id);

    // Back to an ordinary measure: its activity stays, and may get siblings again.
    await call('measure.update', measureUpdate(m.id, versionOf('measure', m.id), '2', 'Verzuim', { shape: 'measure' }));
    await call('activity.create', activityInput(m.id, '2.2', 'Tweede activiteit'));
    const refused = await fail('measure.update', measureUpdate(m.id, versionOf('measure', m.id), '2', 'Verzuim', { shape: 'single' }));
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'shape' });
    expect(refused.message).toMatch(/^Vorm: deze maatregel heeft 2 activiteiten/);
    expect((await call('measure.get', { id: m.id })).shape).toBe('measure');

    // A measure without activities gets one (with an empty template) when it becomes its own activity.
    const empty = await call('measure.create', measureInput(p.id, '4', 'Nog leeg'));
    const now = await call('measure.update', measureUpdate(empty.id, versionOf('measure', empty.id), '4', 'Nog leeg', { shape: 'single' }));
    expect(now.activities.map((x) => [x.code, x.name, x.aim])).toEqual([['4', 'Nog leeg', '']]);
  });
});

describe('moving between the levels', () => {
  it('moves an activity to a line and back into a measure, with its money, each as one undoable step', async () => {
    const { call, fail, p, line1, line3, versionOf } = await setup();
    const m = await call('measure.create', { ...measureInput(p.id, '1.2', 'Overstapcoaching'), lineId: line1.id });
    const a = await call('activity.create', activityInput(m.id, '1.2.1', 'Coaching in het eerste jaar'));
    const bl = await call('budgetLine.create', budgetLine(m.id, { activityId: a.id }));

    const moved = await call('activity.move', { id: a.id, rowVersion: a.rowVersion, lineId: line3.id });
    expect(moved).toMatchObject({ measureShape: 'activity', lineId: line3.id, code: '1.2.1' });
    expect(moved.measureId).not.toBe(m.id);
    expect((await call('budgetLine.list', { programmeId: p.id })).find((x) => x.id === bl.id)!.measureId).toBe(moved.measureId);
    // To another line: only its place changes.
    const again = await call('activity.move', { id: a.id, rowVersion: moved.rowVersion, lineId: line1.id });
    expect(again).toMatchObject({ measureId: moved.measureId, lineId: line1.id });

    // Back under a measure: the holder goes to the Prullenbak with nothing left in it.
    const back = await call('activity.move', { id: a.id, rowVersion: again.rowVersion, measureId: m.id });
    expect(back).toMatchObject({ measureId: m.id, measureShape: 'measure' });
    expect((await call('tree.get', { programmeId: p.id })).lines.flatMap((l) => l.measures).map((x) => x.code)).toEqual(['1.2']);
    // One undo puts it back directly under the line.
    await call('history.undo');
    expect(await call('activity.get', { id: a.id })).toMatchObject({ measureShape: 'activity', lineId: line1.id });

    // Into a measure that is itself an activity: refused.
    const single = await call('measure.create', { ...measureInput(p.id, '5', 'Eén geheel'), shape: 'single' });
    expect(await fail('activity.move', { id: a.id, rowVersion: versionOf('activity', a.id), measureId: single.id })).toMatchObject({ field: 'measureId' });
  });

  it('refuses to move an item away from the measure level while monitoring input hangs on it', async () => {
    const { call, fail, p, line3 } = await setup();
    const a = await call('activity.create', underLine(line3.id, '3.2', 'Verzuimteam'));
    const m = await call('measure.create', measureInput(p.id, '4', 'Maatregel'));
    const round = await call('monitoring.round.create', { programmeId: p.id, name: 'Voorjaar 2017', startDate: '2017-03-01', endDate: null, measureIds: [a.measureId], notes: '' });
    expect(round).toBeTruthy();
    const err = await fail('activity.move', { id: a.id, rowVersion: a.rowVersion, measureId: m.id });
    expect(err).toMatchObject({ code: 'conflict' });
    expect(err.message).toMatch(/monitoringinput/);
    expect((await call('activity.get', { id: a.id })).measureShape).toBe('activity');
  });
});

describe('search and the tree of the CLI', () => {
  it('finds the item once, as an activity, in its line', async () => {
    const { call, line3 } = await setup();
    await call('activity.create', underLine(line3.id, '3.3', 'Huisbezoeken bij verzuim'));
    const r = await call('search.all', { query: 'huisbezoeken' });
    expect(r.groups.map((g) => [g.kind, g.hits.map((h) => [h.code, h.context])])).toEqual([['activity', [['3.3', '3 Zorg']]]]);
  });
});
