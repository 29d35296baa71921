import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore } from './helpers';
import { activityInput, measureInput, programmeInput } from './programme-tree-helpers';
import type { In } from '../../shared/contract';

beforeEach(() => {
  process.env.REGIEBOEK_TODAY = '2026-11-23';
});
afterEach(() => {
  delete process.env.REGIEBOEK_TODAY;
});

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
    let v = await call('target.create', { indicatorId: ind.id, schoolYear: '2027/2028', periodStart: null, periodEnd: null, kind: 'exact', value: 1.6, min: null, max: null, percent: null });
    expect(v.evaluation.status).toBe('geen_gegevens');

    v = await call('measurement.create', measurement(ind.id));
    expect(v.evaluation).toMatchObject({ status: 'op_koers', latest: { value: 1.8, status: 'voorlopig' } });
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
    expect(outside.field).toBe('date');
    expect(outside.message).toBe('Meetdatum: de meetdatum valt buiten de schooljaren van het programma (01-08-2024 tot en met 31-07-2028).');
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
    const ind = await call('indicator.create', indicator(a.id));
    await call('target.create', { indicatorId: ind.id, schoolYear: '2024/2025', periodStart: null, periodEnd: null, kind: 'exact', value: 1.9, min: null, max: null, percent: null });
    await call('measurement.create', measurement(ind.id, { date: '2024-11-01', value: 1.9 }));
    r = await call('results.forProgramme', { programmeId: p.id });
    expect(r.attention.filter((x) => x.indicatorId === ind.id).map((x) => [x.kind, x.date])).toEqual([['voorlopig', '2024-11-01']]);
  });

  it('refuses targets that cannot be kept: a second one for a year, a relative one without baseline, one on the built-in indicator, a revision of a replaced one', async () => {
    const { call, fail, a } = await setup();
    const ind = await call('indicator.create', indicator(a.id, { baselineValue: null, baselineDate: null }));
    const target = (over: Partial<In<'target.create'>> = {}): In<'target.create'> => ({ indicatorId: ind.id, schoolYear: '2025/2026', periodStart: null, periodEnd: null, kind: 'exact', value: 1.8, min: null, max: null, percent: null, ...over });
    const v = await call('target.create', target());
    expect((await fail('target.create', target())).field).toBe('schoolYear');
    expect((await fail('target.create', target({ schoolYear: '2026/2027', kind: 'relatief', value: null, percent: -50 }))).message).toBe('Verandering t.o.v. nulmeting (%): een relatieve streefwaarde heeft een nulmeting met een waarde nodig.');
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
    expect(r.measures.flatMap((m) => m.activities).every((a) => a.indicators.length >= 1 && a.indicators.length <= 3)).toBe(true);
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
