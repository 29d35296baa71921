import { beforeEach, describe, expect, it } from 'vitest';
import { makeCore, pinToday } from './helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';
import { activityInput, measureInput, programmeInput } from './programme-tree-helpers';
import type { In } from '../../shared/contract';

// Statuses depend on the date: these tests fix the core's clock on the example's own day.
beforeEach(() => pinToday(WRITTEN_ON));

async function setup() {
  const core = await makeCore();
  const p = await core.call('programme.create', programmeInput);
  const m = await core.call('measure.create', measureInput(p.id, '1', 'Verzuim'));
  const a = await core.call('activity.create', { ...activityInput(m.id, '1.1', 'Huisbezoeken'), plannedParticipants: [{ schoolYear: '2025/2026', count: 100 }] });
  return { ...core, p, m, a };
}

const indicator = (activityId: string, over: Partial<In<'indicator.create'>> = {}): In<'indicator.create'> => ({
  activityId,
  measureId: null,
  name: 'VSV-percentage mbo 2',
  description: '',
  unit: 'percentage',
  freeUnit: '',
  direction: 'lager',
  aggregation: 'niveau',
  dataSource: 'DUO',
  momentKind: 'jaarlijks',
  momentDates: ['11-01'],
  categories: [],
  baselineValue: 2.0,
  baselineDate: '2024-08-01',
  baselineSource: 'DUO 2023/2024',
  baselineNote: '',
  ...over,
});

const measurement = (indicatorId: string, over: Partial<In<'measurement.create'>> = {}): In<'measurement.create'> => ({
  indicatorId,
  date: '2026-02-01',
  value: 1.8,
  numerator: null,
  denominator: null,
  categories: null,
  status: 'voorlopig',
  source: 'DUO',
  explanation: '',
  ...over,
});

describe('targets and results through the contract', () => {
  it('adds an indicator with baseline and target, a provisional then a definitive value, and a revised target with its history', async () => {
    const { call, a } = await setup();
    const ind = await call('indicator.create', indicator(a.id));
    // A target for the whole programme (a custom range): 1.6% by 31-07-2028.
    let v = await call('target.create', { indicatorId: ind.id, schoolYear: null, periodStart: '2024-08-01', periodEnd: '2028-07-31', kind: 'exact', value: 1.6, min: null, max: null, percent: null });
    expect(v.evaluation.status).toBe('geen_gegevens');
    expect(v.targets[0]).toMatchObject({ periodKind: 'vrij', period: '2024-08-01/2028-07-31', schoolYear: null });

    v = await call('measurement.create', measurement(ind.id));
    // 01-02-2026 is far from the November moment: it is about the school year it falls in.
    expect(v.evaluation).toMatchObject({ status: 'op_koers', latest: { value: 1.8, status: 'voorlopig', date: '2026-02-01', period: '2025/2026' } });
    expect(v.evaluation.progress).toBeCloseTo(0.5, 9);

    v = await call('measurement.create', measurement(ind.id, { value: 1.7, status: 'definitief' }));
    expect(v.measurements.map((m) => [m.value, m.status, m.counts])).toEqual([
      [1.8, 'voorlopig', false],
      [1.7, 'definitief', true],
    ]);
    expect(v.evaluation.latest).toMatchObject({ value: 1.7, status: 'definitief' });

    const target = v.targets[0]!;
    v = await call('target.revise', { id: target.id, rowVersion: target.rowVersion, kind: 'exact', value: 1.75, min: null, max: null, percent: null, reason: 'Stuurgroep: landelijke trend', decisionDate: '2026-10-15' });
    expect(v.targets.map((x) => [x.value, x.current, x.reason])).toEqual([
      [1.6, false, ''],
      [1.75, true, 'Stuurgroep: landelijke trend'],
    ]);
    expect(v.evaluation.status).toBe('behaald');

    const all = await call('results.forActivity', { activityId: a.id });
    expect(all.indicators.map((i) => i.name)).toEqual(['Bereikte deelnemers', 'VSV-percentage mbo 2']);
    const h = await call('history.forEntity', { entity: 'target', id: v.targets[1]!.id });
    expect(h[0]!.label).toMatch(/bijgesteld: Stuurgroep/);
  });

  it('refuses bad input with the field named, and never stores text as 0', async () => {
    const { call, fail, a } = await setup();
    const ind = await call('indicator.create', indicator(a.id));
    expect((await fail('measurement.create', measurement(ind.id, { value: 120 }))).message).toBe('Waarde: een percentage ligt tussen 0 en 100.');
    expect((await fail('measurement.create', { ...measurement(ind.id), value: 'twaalf' })).message).toBe('Waarde: vul een getal in.');
    expect((await fail('measurement.create', measurement(ind.id, { value: null, numerator: 12, denominator: 10 }))).message).toBe('Teller: de teller is groter dan de noemer.');
    const outside = await fail('measurement.create', measurement(ind.id, { date: '2023-05-01' }));
    expect(outside.field).toBe('period');
    expect(outside.message).toBe('Periode: 2022/2023 valt buiten het programma (01-08-2024 tot en met 31-07-2028); kies een periode tussen 01-01-2024 en 31-12-2028.');
    // A November figure about the school year before the programme belongs to the one before it.
    expect((await fail('measurement.create', measurement(ind.id, { date: '2024-11-01' }))).message).toMatch(/^Periode: 2023\/2024 valt buiten het programma/);
    const early = await fail('measurement.create', measurement(ind.id, { date: '2025-05-01', period: '2025/2026' }));
    expect([early.field, early.message]).toEqual(['date', 'Meetdatum: de meetdatum ligt vóór het begin van 2025/2026; een meting gaat over een periode die al begonnen is. Kies een andere periode of meetdatum.']);
    const unreadable = await fail('measurement.create', measurement(ind.id, { period: 'volgend jaar' }));
    expect([unreadable.field, unreadable.message]).toEqual(['period', 'Periode: schrijf een periode als 2016/2017 (schooljaar), 2017 (kalenderjaar), 2017-H1 (halfjaar), 2017-K3 (kwartaal) of 01-01-2017 t/m 15-03-2017.']);
    const lateTarget = await fail('target.create', { indicatorId: ind.id, schoolYear: '2029/2030', periodStart: null, periodEnd: null, kind: 'exact', value: 1, min: null, max: null, percent: null });
    expect([lateTarget.field, lateTarget.message]).toEqual(['schoolYear', 'Schooljaar: 2029/2030 valt buiten het programma (01-08-2024 tot en met 31-07-2028); kies een periode tussen 01-01-2024 en 31-12-2028.']);
    const range = await fail('target.create', { indicatorId: ind.id, schoolYear: '2025/2026', periodStart: null, periodEnd: null, kind: 'bereik', value: null, min: 70, max: 40, percent: null });
    expect(range.message).toBe('Minimum: het minimum is groter dan het maximum.');
    expect((await fail('indicator.create', indicator(a.id, { baselineValue: 'veel' as unknown as number }))).field).toBe('baselineValue');
    expect((await call('indicator.get', { id: ind.id })).measurements).toEqual([]);
  });

  it('asks for an explanation when a value puts the indicator behind', async () => {
    const { call, fail, a, p } = await setup();
    const ind = await call('indicator.create', indicator(a.id));
    await call('target.create', { indicatorId: ind.id, schoolYear: '2025/2026', periodStart: null, periodEnd: null, kind: 'exact', value: 1.6, min: null, max: null, percent: null });
    const err = await fail('measurement.create', measurement(ind.id, { date: '2026-07-01', value: 2.1, status: 'definitief' }));
    expect(err.field).toBe('explanation');
    const v = await call('measurement.create', measurement(ind.id, { date: '2026-07-01', value: 2.1, status: 'definitief', explanation: 'Nieuwe telwijze DUO' }));
    expect(v.evaluation.status).toBe('achter');
    const r = await call('results.forProgramme', { programmeId: p.id });
    expect(r.attention.map((x) => x.kind)).toContain('achter');
    expect(r.counts.achter).toBe(1);
  });

  it('flags categories that do not add up, and keeps the entered total', async () => {
    const { call, a } = await setup();
    const ind = await call(
      'indicator.create',
      indicator(a.id, { name: 'Uitkomst huisbezoeken', unit: 'aantal', direction: 'hoger', aggregation: 'aantal', baselineValue: null, baselineDate: null, categories: ['verzuim verbeterd', 'geen verbetering', 'uitgeschreven'] }),
    );
    const v = await call(
      'measurement.create',
      measurement(ind.id, {
        value: 70,
        status: 'definitief',
        categories: [
          { name: 'verzuim verbeterd', count: 40 },
          { name: 'geen verbetering', count: 20 },
          { name: 'uitgeschreven', count: 5 },
        ],
      }),
    );
    expect(v.measurements[0]).toMatchObject({ value: 70, computedValue: 70, categorySum: 65, mismatch: true });
    expect(v.attention.map((x) => x.kind)).toContain('categorieen');
  });

  it('counts participants against the planned number per school year as a built-in indicator', async () => {
    const { call, a } = await setup();
    let [builtin] = (await call('results.forActivity', { activityId: a.id })).indicators;
    expect(builtin).toMatchObject({ builtin: 'deelnemers', virtual: true, targets: [{ schoolYear: '2025/2026', value: 100 }] });
    const v = await call('measurement.create', measurement(builtin!.id, { date: '2026-07-31', value: 104, status: 'definitief' }));
    expect(v).toMatchObject({ virtual: false, evaluation: { status: 'behaald', value: 104 } });
    [builtin] = (await call('results.forActivity', { activityId: a.id })).indicators;
    expect(builtin!.measurements).toHaveLength(1);
  });

  it('lists moments passed without a value only inside periods with a target, and old provisional values', async () => {
    const { call, p, a } = await setup(); // planned participants only for 2025/2026
    let r = await call('results.forProgramme', { programmeId: p.id });
    expect(r.attention.filter((x) => x.indicatorName === 'Bereikte deelnemers').map((x) => [x.kind, x.date])).toEqual([['gemist', '2026-07-31']]);
    // A DUO figure: its November moment reports on the school year before (the default for November).
    const ind = await call('indicator.create', indicator(a.id));
    expect(ind.momentPeriods).toEqual(['vorig']);
    await call('target.create', { indicatorId: ind.id, schoolYear: '2024/2025', periodStart: null, periodEnd: null, kind: 'exact', value: 1.9, min: null, max: null, percent: null });
    r = await call('results.forProgramme', { programmeId: p.id });
    // 01-11-2024 is about 2023/2024 (no target), 01-11-2025 about 2024/2025: missed.
    expect(r.attention.filter((x) => x.indicatorId === ind.id).map((x) => [x.kind, x.date, x.detail])).toEqual([['gemist', '2025-11-01', '2024/2025']]);
    const v = await call('measurement.create', measurement(ind.id, { date: '2025-11-01', value: 1.9 }));
    expect(v.measurements[0]).toMatchObject({ date: '2025-11-01', period: '2024/2025', periodKind: 'schooljaar', periodStart: '2024-08-01', periodEnd: '2025-07-31', schoolYear: '2024/2025' });
    r = await call('results.forProgramme', { programmeId: p.id });
    // Filled; still provisional more than a year later.
    expect(r.attention.filter((x) => x.indicatorId === ind.id).map((x) => [x.kind, x.date])).toEqual([['voorlopig', '2025-11-01']]);
  });

  it('refuses targets that cannot be kept: a second one for a year, a relative one without baseline, one on the built-in indicator, a revision of a replaced one', async () => {
    const { call, fail, a } = await setup();
    const ind = await call('indicator.create', indicator(a.id, { baselineValue: null, baselineDate: null }));
    const target = (over: Partial<In<'target.create'>> = {}): In<'target.create'> => ({ indicatorId: ind.id, schoolYear: '2025/2026', periodStart: null, periodEnd: null, kind: 'exact', value: 1.8, min: null, max: null, percent: null, ...over });
    const v = await call('target.create', target());
    expect((await fail('target.create', target())).field).toBe('schoolYear');
    expect((await fail('target.create', target({ schoolYear: '2026/2027', kind: 'relatief', value: null, percent: -50 }))).message).toBe('Verandering ten opzichte van de nulmeting (%): een relatieve streefwaarde heeft een nulmeting met een waarde nodig.');
    expect((await fail('target.create', target({ schoolYear: '2026/2027', value: 140 }))).message).toBe('Waarde: een percentage ligt tussen 0 en 100.');
    const builtin = (await call('results.forActivity', { activityId: a.id })).indicators.find((i) => i.builtin)!;
    expect((await fail('target.create', target({ indicatorId: builtin.id }))).field).toBe('schoolYear');
    const revise = { id: v.targets[0]!.id, rowVersion: v.targets[0]!.rowVersion, kind: 'exact' as const, value: 1.7, min: null, max: null, percent: null, reason: 'Stuurgroep', decisionDate: '2026-01-15' };
    await call('target.revise', revise);
    expect((await fail('target.revise', revise)).code).toBe('conflict');
    expect((await fail('target.revise', { ...revise, reason: ' ' })).message).toBe('Reden van de wijziging: geef de reden van de bijstelling.');
    expect((await fail('target.revise', { ...revise, decisionDate: '' })).field).toBe('decisionDate');
    await call('history.undo');
    expect((await call('indicator.get', { id: ind.id })).targets.map((x) => [x.value, x.current])).toEqual([[1.8, true]]);
  });

  it('shows every kind of attention on the example region', async () => {
    const { call } = await makeCore({ workspace: false });
    await call('workspace.openExample');
    const programme = (await call('programme.list')).find((p) => p.status === 'lopend')!;
    const r = await call('results.forProgramme', { programmeId: programme.id });
    expect(new Set(r.attention.map((x) => x.kind))).toEqual(new Set(['achter', 'aandacht', 'gemist', 'voorlopig', 'categorieen']));
    expect(Object.values(r.counts).every((n) => n > 0)).toBe(true);
    // 1-3 cards per activity; a "waarvan" part is shown on its parent's card.
    expect(r.measures.flatMap((m) => m.activities).every((a) => a.indicators.filter((i) => !i.parentId).length >= 1 && a.indicators.filter((i) => !i.parentId).length <= 3)).toBe(true);
  });

  it('puts an indicator in the Prullenbak with its targets and measurements, and with its activity', async () => {
    const { call, a } = await setup();
    const ind = await call('indicator.create', indicator(a.id));
    await call('measurement.create', measurement(ind.id));
    await call('activity.delete', { id: a.id, rowVersion: a.rowVersion });
    const trash = await call('trash.list');
    await call('trash.restore', { changeSetId: trash[0]!.changeSetId });
    const restored = await call('indicator.get', { id: ind.id });
    expect(restored.measurements).toHaveLength(1);
    await call('indicator.delete', { id: ind.id, rowVersion: restored.rowVersion });
    await call('history.undo');
    expect((await call('indicator.get', { id: ind.id })).name).toBe('VSV-percentage mbo 2');
  });

  it('a "waarvan" indicator: entered with its parent in one change set, its count a share of the parent\'s numerator; refused where it does not fit', async () => {
    const { call, fail, a, m } = await setup();
    const parent = await call('indicator.create', indicator(a.id, { name: 'Overstappers in beeld', phrase: 'in beeld', direction: 'hoger', baselineValue: null, baselineDate: null }));
    const part = await call('indicator.create', indicator(a.id, { name: 'Met een ingevuld DDD', phrase: 'met een ingevuld DDD', direction: 'hoger', baselineValue: null, baselineDate: null, parentId: parent.id }));
    expect(part).toMatchObject({ parentId: parent.id, phrase: 'met een ingevuld DDD' });
    // One level, same owner, a percentage.
    expect((await fail('indicator.create', indicator(a.id, { name: 'Dieper', parentId: part.id }))).message).toMatch(/^Onderdeel van: die indicator is zelf al een "waarvan"-indicator/);
    expect((await fail('indicator.create', indicator(a.id, { name: 'Aantal', unit: 'aantal', parentId: parent.id }))).field).toBe('unit');
    const other = await call('indicator.create', { ...indicator(a.id), activityId: null, measureId: m.id, name: 'Op de maatregel' });
    expect((await fail('indicator.create', indicator(a.id, { name: 'Elders', parentId: other.id }))).field).toBe('parentId');
    const { activityId: _a, measureId: _m, ...fields } = indicator(a.id, { name: 'Overstappers in beeld', phrase: 'in beeld', direction: 'hoger', baselineValue: null, baselineDate: null });
    // A parent with parts cannot become a part itself.
    const parentOfParent = await call('indicator.create', indicator(a.id, { name: 'Nog een', direction: 'hoger' }));
    expect((await fail('indicator.update', { ...fields, id: parent.id, rowVersion: parent.rowVersion, parentId: parentOfParent.id })).message).toMatch(/^Onderdeel van: deze indicator heeft zelf "waarvan"-indicatoren/);

    // Targets together: one change set, one undo.
    const target = { indicatorId: parent.id, schoolYear: '2025/2026', periodStart: null, periodEnd: null, kind: 'exact' as const, value: 98, min: null, max: null, percent: null, parts: [{ indicatorId: part.id, value: 95 }] };
    expect((await fail('target.create', { ...target, parts: [{ indicatorId: other.id, value: 95 }] })).message).toBe('Op de maatregel: dit is geen "waarvan"-indicator van Overstappers in beeld.');
    expect((await fail('target.create', { ...target, parts: [{ indicatorId: part.id, value: 120 }] })).field).toBe('parts.0.value');
    await call('target.create', target);
    expect((await call('indicator.get', { id: part.id })).targets.map((x) => [x.period, x.value])).toEqual([['2025/2026', 95]]);

    // A count of the part without the parent's numerator: refused, nothing stored.
    const base = measurement(parent.id, { date: '2026-06-01', status: 'definitief', value: null, numerator: 972, denominator: 1000 });
    const lonely = await fail('measurement.create', { ...measurement(part.id, { date: '2026-06-01', value: null }), numerator: 900, denominator: null });
    expect([lonely.field, lonely.message]).toEqual(['numerator', 'Teller: een aantal is een deel van de teller van Overstappers in beeld over 2025/2026, maar die heeft daar nog geen teller. Vul die samen in, of geef het deel als percentage.']);
    expect((await fail('measurement.create', { ...base, parts: [{ indicatorId: part.id, value: null, numerator: 980 }] })).message).toBe('Met een ingevuld DDD: Teller: meer dan de 972 van Overstappers in beeld.');
    expect((await call('indicator.get', { id: parent.id })).measurements).toEqual([]);

    // Together: 972 of 1000 in beeld, of whom 925 with a DDD (denominator 972), in one change set.
    const changeSets = async () => new Set((await call('history.recent', { limit: 1000 })).map((e) => e.changeSetId)).size;
    const before = await changeSets();
    const v = await call('measurement.create', { ...base, parts: [{ indicatorId: part.id, value: null, numerator: 925 }] });
    expect(await changeSets()).toBe(before + 1);
    expect(v.evaluation.latest).toMatchObject({ value: 97.2, period: '2025/2026' });
    const p = await call('indicator.get', { id: part.id });
    expect(p.measurements.map((x) => [x.numerator, x.denominator, x.period, x.date, x.status])).toEqual([[925, 972, '2025/2026', '2026-06-01', 'definitief']]);
    expect(p.evaluation.latest!.value).toBeCloseTo((925 / 972) * 100, 9);
    expect(p.evaluation.status).toBe('behaald');
    // A part entered alone as a count takes the parent's numerator of its period too.
    const alone = await call('measurement.create', { ...measurement(part.id, { date: '2026-06-02', status: 'definitief', value: null }), numerator: 930, denominator: null });
    expect(alone.measurements.at(-1)).toMatchObject({ numerator: 930, denominator: 972 });

    // Undo takes the pair back at once; the parent to the Prullenbak takes its part along.
    await call('history.undo');
    await call('history.undo');
    expect((await call('indicator.get', { id: part.id })).measurements).toEqual([]);
    const parentNow = await call('indicator.get', { id: parent.id });
    expect(parentNow.measurements).toEqual([]);
    await call('indicator.delete', { id: parent.id, rowVersion: parentNow.rowVersion });
    expect((await call('results.forActivity', { activityId: a.id })).indicators.map((x) => x.name)).not.toContain('Met een ingevuld DDD');
  });

  it('stores region figures, computing the percentage and refusing more leavers than students', async () => {
    const { call, fail } = await makeCore();
    const row = { schoolYear: '2024/2025', onderwijssoort: 'mbo2' as const, students: 4210, leavers: 333, percentage: null, nationalNorm: 6.5, status: 'voorlopig' as const, definitionVersion: '2024', source: 'DUO' };
    const list = await call('regionFigure.save', { rows: [row] });
    expect(list[0]).toMatchObject({ percentage: 7.91 });
    await call('regionFigure.save', { rows: [{ ...row, leavers: 330 }] });
    expect(await call('regionFigure.list')).toHaveLength(1);
    const e = await fail('regionFigure.save', { rows: [{ ...row, leavers: 5000 }] });
    expect(e.message).toMatch(/vsv'ers: er zijn meer vsv'ers dan deelnemers/);
  });

  it('keeps thresholds per programme', async () => {
    const { call, fail, p } = await setup();
    expect((await call('results.forProgramme', { programmeId: p.id })).thresholds).toEqual({ onTrackMargin: 10, attentionMargin: 25 });
    await call('results.thresholds', { programmeId: p.id, onTrackMargin: 5, attentionMargin: 20 });
    expect((await call('results.forProgramme', { programmeId: p.id })).thresholds).toEqual({ onTrackMargin: 5, attentionMargin: 20 });
    expect((await fail('results.thresholds', { programmeId: p.id, onTrackMargin: 30, attentionMargin: 20 })).field).toBe('attentionMargin');
  });
});
