import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstSchoolYear, formatCount, parseRelativeYears, reachedPerYear, sumParticipants } from '../../shared/participants';
import { runChecks } from '../../shared/budget/checks';
import { DEFAULT_RULES } from '../../shared/budget/model';
import { periodOf } from '../../shared/results/periods';
import type { MeasurementValue } from '../../shared/results/types';
import { makeCore } from './helpers';
import { activityInput, measureInput } from './programme-tree-helpers';

beforeEach(() => {
  process.env.REGIEBOEK_TODAY = '2026-11-23';
});
afterEach(() => {
  delete process.env.REGIEBOEK_TODAY;
});

let seq = 0;
const m = (date: string, value: number, over: Partial<MeasurementValue> = {}): MeasurementValue => ({
  id: `m${++seq}`,
  date,
  period: periodOf('schooljaar', date),
  value,
  numerator: null,
  denominator: null,
  categories: null,
  status: 'definitief',
  recordedAt: `${date}T10:00:00.000Z`,
  ...over,
});

describe('planned participants: one definition', () => {
  it('per school year and in total, summed over activities, shown nl-NL', () => {
    const a = [
      { schoolYear: '2017/2018', count: 800 },
      { schoolYear: '2016/2017', count: 400 },
    ];
    const b = [
      { schoolYear: '2016/2017', count: 2700 },
      { schoolYear: '2018/2019', count: 1000 },
    ];
    expect(sumParticipants([a, b])).toEqual({
      perYear: [
        { schoolYear: '2016/2017', count: 3100 },
        { schoolYear: '2017/2018', count: 800 },
        { schoolYear: '2018/2019', count: 1000 },
      ],
      total: 4900,
    });
    expect(sumParticipants([])).toEqual({ perYear: [], total: 0 });
    expect(formatCount(12400)).toBe('12.400');
    expect(formatCount(3100)).toBe('3.100');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
  });

  it('reads "1e jaar … 4e jaar" from the activity\'s first school year, and says what it cannot read', () => {
    const programme = { periodStart: '2016-08-01', periodEnd: '2020-07-31' };
    expect(firstSchoolYear(null, programme)).toBe('2016/2017');
    expect(firstSchoolYear('2017-09-01', programme)).toBe('2017/2018');
    // A start outside the programme does not move the first year out of it.
    expect(firstSchoolYear('2026-09-01', programme)).toBe('2016/2017');
    expect(parseRelativeYears('1e jaar 400, 2e jaar 800, 3e jaar 1.000, 4e jaar 1000', '2016/2017')).toEqual({
      rows: [
        { schoolYear: '2016/2017', count: 400 },
        { schoolYear: '2017/2018', count: 800 },
        { schoolYear: '2018/2019', count: 1000 },
        { schoolYear: '2019/2020', count: 1000 },
      ],
      errors: [],
    });
    expect(parseRelativeYears('jaar 2: 800\njaar 1: 400', '2017/2018').rows).toEqual([
      { schoolYear: '2017/2018', count: 400 },
      { schoolYear: '2018/2019', count: 800 },
    ]);
    expect(parseRelativeYears('400; 800', '2016/2017').rows.map((r) => r.schoolYear)).toEqual(['2016/2017', '2017/2018']);
    const bad = parseRelativeYears('1e jaar 400, ongeveer 500, 1e jaar 300', '2016/2017');
    expect(bad.rows).toEqual([{ schoolYear: '2016/2017', count: 400 }]);
    expect(bad.errors).toEqual(['"ongeveer 500" kan niet worden gelezen; schrijf bijvoorbeeld "1e jaar 400".', '"1e jaar 300": 2016/2017 staat er al.']);
  });

  it('reached per school year by the results\' rule: a definitive count replaces the interim one, and counts add up', () => {
    const interim = m('2026-11-01', 120, { status: 'voorlopig', period: periodOf('schooljaar', '2027-01-01') });
    const year = m('2027-07-31', 400);
    const before = m('2026-07-31', 250);
    const half = m('2026-01-31', 100);
    expect(reachedPerYear([interim, year, before, half])).toEqual([
      { schoolYear: '2025/2026', count: 350 },
      { schoolYear: '2026/2027', count: 400 },
    ]);
    expect(reachedPerYear([interim])).toEqual([{ schoolYear: '2026/2027', count: 120 }]);
  });
});

describe('the programme\'s awarded amount against its awards', () => {
  const awards = [
    { id: 'a1', stream: 'ocw' as const, year: 2017, cents: 200_000_000 },
    { id: 'a2', stream: 'ocw' as const, year: 2018, cents: 96_250_000 },
  ];
  const check = (own: number | null, list = awards) => runChecks({ lines: [], spend: [], awards: list, measures: [], rules: DEFAULT_RULES, programmeAwardedCents: own }).filter((c) => c.code === 'awarded_total');
  it('names both amounts, the difference and the awards to look at; equal is fine', () => {
    const [f] = check(395_000_000);
    expect(f).toMatchObject({ severity: 'warning', awardIds: ['a1', 'a2'] });
    expect(f!.message).toBe(
      'Het toegekende bedrag van het programma (€ 3.950.000,00) wijkt af van de som van de toekenningen per jaar en bron (€ 2.962.500,00): het programma noemt € 987.500,00 meer. Pas het bedrag bij het programma of de toekenningen aan.',
    );
    expect(check(296_250_000)).toEqual([]);
    expect(check(null)).toEqual([]);
    expect(check(100, [])[0]).toMatchObject({ severity: 'info', message: 'Het programma heeft een toegekend bedrag van € 1,00, maar er zijn nog geen toekenningen per jaar en bron ingevoerd.' });
  });
});

describe('participants through the contract', () => {
  it('refuses planned participants outside the programme\'s school years, with the years named', async () => {
    const { call, fail } = await makeCore();
    const p = await call('programme.create', { name: 'Programma 2016-2020', periodStart: '2016-08-01', periodEnd: '2020-07-31', status: 'lopend', analysis: '', requestedCents: null, awardedCents: null, notes: '' });
    const mm = await call('measure.create', measureInput(p.id, '1', 'Overstap'));
    const e = await fail('activity.create', { ...activityInput(mm.id, '1.1', 'DDD'), plannedParticipants: [{ schoolYear: '2016/2017', count: 400 }, { schoolYear: '2026/2027', count: 5 }] });
    expect([e.field, e.message]).toEqual(['plannedParticipants.1.schoolYear', 'Schooljaar: 2026/2027 valt buiten het programma; kies een schooljaar van 2016/2017 tot en met 2019/2020.']);
    const a = await call('activity.create', { ...activityInput(mm.id, '1.1', 'DDD'), plannedParticipants: [{ schoolYear: '2016/2017', count: 400 }] });
    const { measureId: _m, ...update } = activityInput(mm.id, '1.1', 'DDD');
    expect((await fail('activity.update', { id: a.id, rowVersion: a.rowVersion, ...update, plannedParticipants: [{ schoolYear: '2015/2016', count: 1 }] })).field).toBe('plannedParticipants.0.schoolYear');

    // The built-in "Bereikte deelnemers" asks for its value on 31-07-2020 too, the programme's last day.
    const r = await call('results.forProgramme', { programmeId: p.id });
    expect(r.attention.filter((x) => x.kind === 'gemist').map((x) => x.date)).toEqual(['2017-07-31']);
    await call('activity.update', { id: a.id, rowVersion: a.rowVersion, ...update, plannedParticipants: [2016, 2017, 2018, 2019].map((y) => ({ schoolYear: `${y}/${y + 1}`, count: 100 })) });
    const r2 = await call('results.forProgramme', { programmeId: p.id });
    expect(r2.attention.filter((x) => x.kind === 'gemist').map((x) => x.date)).toEqual(['2017-07-31', '2018-07-31', '2019-07-31', '2020-07-31']);
  });

  it('the example region: the activity, the budget overview (which the steering workbook copies) and the facts panel give each measure the same participants', async () => {
    const { call } = await makeCore({ workspace: false });
    await call('workspace.openExample');
    const programme = (await call('programme.list')).find((x) => x.status === 'lopend')!;
    const overview = await call('budget.overview', { programmeId: programme.id });
    const tree = await call('tree.get', { programmeId: programme.id });
    let checked = 0;
    for (const measure of tree.lines.flatMap((l) => l.measures)) {
      const lists = await Promise.all(measure.activities.map(async (x) => (await call('activity.get', { id: x.id })).plannedParticipants));
      const own = sumParticipants(lists);
      const o = overview.measures.find((x) => x.id === measure.id)!;
      expect(o.plannedParticipants, measure.code).toBe(own.perYear.length ? own.total : null);
      const facts = await call('monitoring.facts', { measureId: measure.id, asOf: '2026-11-23', partnerId: null });
      expect(facts.participants.filter((x) => x.planned > 0).map((x) => ({ schoolYear: x.schoolYear, count: x.planned })), measure.code).toEqual(own.perYear.filter((x) => x.count > 0));
      const reached = facts.participants.reduce((s, x) => s + (x.reached ?? 0), 0);
      expect(o.reachedParticipants ?? 0, measure.code).toBe(reached);
      if (o.plannedParticipants) expect(o.perParticipantCents).toBe(Math.round(o.plannedCents / o.plannedParticipants));
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
    // The current programme's awarded amount is the sum of its awards: no finding.
    expect((await call('budget.checks', { programmeId: programme.id })).map((c) => c.code)).not.toContain('awarded_total');
  });
});
