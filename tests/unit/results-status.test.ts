import { describe, expect, it } from 'vitest';
import { evaluate, expectedProgress, statusForLag, type IndicatorForStatus } from '../../shared/results/status';
import { aggregateValue, categoryCheck, currentTargets, effectivePerMoment, resolveTarget, revisionChain, valueOf } from '../../shared/results/values';
import type { MeasurementValue, TargetRevision, TargetSpec } from '../../shared/results/types';
import { schoolYearRange, schoolYearsBetween, inSchoolYearsOf, isSchoolYear } from '../../shared/results/schoolYear';
import { missedMoments, momentsBetween, staleProvisional } from '../../shared/results/moments';
import { formatIndicatorValue, formatNumber, parseNumberInput } from '../../shared/results/format';

let seq = 0;
const m = (date: string, value: number | null, over: Partial<MeasurementValue> = {}): MeasurementValue => ({
  id: `m${++seq}`,
  date,
  value,
  numerator: null,
  denominator: null,
  categories: null,
  status: 'definitief',
  recordedAt: `${date}T12:00:00.000Z`,
  ...over,
});
const target = (year: string, spec: TargetSpec, over: Partial<TargetRevision> = {}): TargetRevision => ({
  id: `t${++seq}`,
  ...(() => {
    const r = schoolYearRange(year);
    return { periodStart: r.start, periodEnd: r.end };
  })(),
  schoolYear: year,
  spec,
  supersedesId: null,
  reason: '',
  decisionDate: null,
  createdAt: '2024-08-01T00:00:00.000Z',
  ...over,
});
const ind = (over: Partial<IndicatorForStatus>): IndicatorForStatus => ({
  direction: 'hoger',
  aggregation: 'niveau',
  baseline: { value: null, date: null },
  targets: [],
  measurements: [],
  ...over,
});

describe('school years', () => {
  it('run from 1 August to 31 July', () => {
    expect(schoolYearRange('2025/2026')).toEqual({ start: '2025-08-01', end: '2026-07-31' });
    expect(schoolYearsBetween('2024-08-01', '2028-07-31')).toEqual(['2024/2025', '2025/2026', '2026/2027', '2027/2028']);
    expect(schoolYearsBetween('2024-09-15', '2025-08-02')).toEqual(['2024/2025', '2025/2026']);
    expect(isSchoolYear('2025/2027')).toBe(false);
    expect(inSchoolYearsOf('2024-08-01', '2024-08-01', '2028-07-31')).toBe(true);
    expect(inSchoolYearsOf('2024-07-31', '2024-08-01', '2028-07-31')).toBe(false);
    expect(inSchoolYearsOf('2028-08-01', '2024-08-01', '2028-07-31')).toBe(false);
  });
});

describe('targets', () => {
  it('resolves exact, range and relative targets', () => {
    expect(resolveTarget({ kind: 'exact', value: 97 }, 90)).toEqual({ min: 97, max: 97 });
    expect(resolveTarget({ kind: 'bereik', min: 40, max: 70 }, null)).toEqual({ min: 40, max: 70 });
    // "schoolziekteverzuim -50% t.o.v. 01-01-2017": shown as the resulting value
    expect(resolveTarget({ kind: 'relatief', percent: -50 }, 120)).toEqual({ min: 60, max: 60 });
    expect(resolveTarget({ kind: 'relatief', percent: -50 }, null)).toBeNull();
  });
  it('keeps revisions: the latest is in force, the chain shows the earlier ones', () => {
    const first = target('2025/2026', { kind: 'exact', value: 95 });
    const second = target('2025/2026', { kind: 'exact', value: 93 }, { supersedesId: first.id, reason: 'Stuurgroep: realistischer' });
    const other = target('2026/2027', { kind: 'exact', value: 96 });
    expect(currentTargets([second, other, first])).toEqual([second, other]);
    expect(revisionChain([first, second, other], second)).toEqual([first, second]);
  });
});

describe('values', () => {
  it('keeps both the provisional and the definitive value; the latest definitive wins, else the latest provisional', () => {
    const p1 = m('2025-10-01', 80, { status: 'voorlopig', recordedAt: '2025-10-02T00:00:00Z' });
    const p2 = m('2025-10-01', 82, { status: 'voorlopig', recordedAt: '2025-10-05T00:00:00Z' });
    expect(effectivePerMoment([p1, p2])[0]!.current).toBe(p2);
    const d1 = m('2025-10-01', 81, { status: 'definitief', recordedAt: '2026-01-10T00:00:00Z' });
    const p3 = m('2025-10-01', 90, { status: 'voorlopig', recordedAt: '2026-02-01T00:00:00Z' });
    const [e] = effectivePerMoment([p1, d1, p2, p3]);
    expect(e!.current).toBe(d1);
    expect(e!.all).toEqual([p1, p2, d1, p3]);
  });
  it('computes a percentage from numerator and denominator and pools them when adding up', () => {
    expect(valueOf(m('2025-01-01', null, { numerator: 45, denominator: 50 }))).toBe(90);
    const a = m('2025-01-01', null, { numerator: 9, denominator: 10 }); // 90%
    const b = m('2025-07-01', null, { numerator: 50, denominator: 100 }); // 50%
    // Pooled: 59/110, not (90 + 50) / 2 = 70 and never 140.
    expect(aggregateValue('aantal', [a, b], { start: '2024-08-01', end: '2025-07-31' }, { value: null, date: null }).value).toBeCloseTo(53.636, 2);
  });
  it('adds counts per period and runs a cumulative total from the baseline', () => {
    const ms = [m('2025-01-01', 10), m('2025-07-01', 15), m('2026-01-01', 7)];
    expect(aggregateValue('aantal', ms, { start: '2024-08-01', end: '2025-07-31' }, { value: 0, date: null }).value).toBe(25);
    expect(aggregateValue('aantal', ms, { start: '2025-08-01', end: '2026-07-31' }, { value: 0, date: null }).value).toBe(7);
    expect(aggregateValue('cumulatief', ms, { start: '2025-08-01', end: '2026-07-31' }, { value: 100, date: '2024-08-01' }).value).toBe(132);
    expect(aggregateValue('niveau', ms, { start: '2024-08-01', end: '2025-07-31' }, { value: 0, date: null }).value).toBe(15);
  });
  it('flags categories that do not add up to the entered total, and leaves the total as entered', () => {
    const cats = [
      { name: 'verzuim verbeterd', count: 40 },
      { name: 'geen verbetering', count: 20 },
      { name: 'diploma behaald', count: 5 },
    ];
    expect(categoryCheck({ value: 70, categories: cats })).toEqual({ sum: 65, total: 70, mismatch: true });
    expect(valueOf(m('2025-01-01', 70, { categories: cats }))).toBe(70);
    expect(categoryCheck({ value: null, categories: cats })).toEqual({ sum: 65, total: 65, mismatch: false });
    expect(valueOf(m('2025-01-01', null, { categories: cats }))).toBe(65);
  });
});

describe('status rule', () => {
  const th = { onTrackMargin: 10, attentionMargin: 25 };
  const vsv = (actual: number | null, at = '2026-02-01') =>
    ind({
      direction: 'lager',
      baseline: { value: 2.0, date: '2024-08-01' },
      targets: [target('2027/2028', { kind: 'exact', value: 1.6 })],
      measurements: actual === null ? [] : [m(at, actual)],
    });

  it('baseline 2.0%, target 1.6%, actual 1.8% (lower is better) is halfway, not "89% met"', () => {
    const e = evaluate(vsv(1.8), '2026-02-01', th);
    expect(e.progress).toBeCloseTo(0.5, 9);
    expect(e.progress).not.toBeCloseTo(1.6 / 1.8, 2);
    expect(e.reached).toBe(false);
    // 1 Feb 2026 is 549 of 1460 days from 1 Aug 2024 to 31 Jul 2028: 37.6% expected, 50% done.
    expect(e.expected).toBeCloseTo(549 / 1460, 6);
    expect(e.status).toBe('op_koers');
  });

  const cases: { name: string; i: IndicatorForStatus; asOf: string; status: string; progress?: number }[] = [
    { name: 'lower is better, reached', i: vsv(1.55), asOf: '2026-02-01', status: 'behaald', progress: 1 },
    { name: 'lower is better, moved the wrong way', i: vsv(2.1), asOf: '2026-02-01', status: 'achter', progress: -0.25 },
    { name: 'lower is better, half way at the end of the period', i: vsv(1.8, '2028-07-01'), asOf: '2028-08-15', status: 'achter', progress: 0.5 },
    { name: 'lower is better, nearly there when the period is over: aandacht, never op koers', i: vsv(1.63, '2028-07-01'), asOf: '2028-08-15', status: 'aandacht', progress: 0.925 },
    { name: 'no data', i: vsv(null), asOf: '2026-02-01', status: 'geen_gegevens' },
    {
      name: 'no target',
      i: ind({ baseline: { value: 10, date: '2024-08-01' }, measurements: [m('2025-03-01', 12)] }),
      asOf: '2026-01-01',
      status: 'geen_gegevens',
    },
    {
      name: 'higher is better, lagging 20 points: aandacht',
      // baseline 80 on 1-8-2024, target 90 on 31-7-2026; on 1-8-2025 expected ~0.5, progress 0.3
      i: ind({ baseline: { value: 80, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2025-08-01', 83)] }),
      asOf: '2025-09-01',
      status: 'aandacht',
      progress: 0.3,
    },
    {
      name: 'range target, higher is better: the lower bound counts ("40-70% naar een passend traject")',
      i: ind({ baseline: { value: 30, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 70 })], measurements: [m('2026-06-01', 45)] }),
      asOf: '2026-06-01',
      status: 'behaald',
    },
    {
      name: 'range target, higher is better, not yet at the lower bound',
      i: ind({ baseline: { value: 30, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 70 })], measurements: [m('2025-08-01', 35)] }),
      asOf: '2025-08-01',
      status: 'op_koers',
      progress: 0.5,
    },
    {
      name: 'within a band: above the band is not reached',
      i: ind({
        direction: 'bandbreedte',
        baseline: { value: 50, date: '2024-08-01' },
        targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 60 })],
        measurements: [m('2025-12-01', 75)],
      }),
      asOf: '2025-12-01',
      status: 'achter',
    },
    {
      name: 'within a band: inside is reached',
      i: ind({ direction: 'bandbreedte', targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 60 })], measurements: [m('2025-12-01', 55)] }),
      asOf: '2025-12-01',
      status: 'behaald',
    },
    {
      name: 'relative target -50% on a baseline of 120 (target 60), at 90 half way, on time',
      i: ind({
        direction: 'lager',
        baseline: { value: 120, date: '2024-08-01' },
        targets: [target('2025/2026', { kind: 'relatief', percent: -50 })],
        measurements: [m('2025-08-01', 90)],
      }),
      asOf: '2025-08-01',
      status: 'op_koers',
      progress: 0.5,
    },
    {
      name: 'count per school year, higher is better, reached before the year ends',
      i: ind({ aggregation: 'aantal', baseline: { value: 80, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2026-01-01', 50), m('2026-04-01', 45)] }),
      asOf: '2026-04-01',
      status: 'behaald',
    },
    {
      name: 'count per school year: halfway through the year with a third of the target is behind',
      i: ind({ aggregation: 'aantal', targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2026-01-31', 30)] }),
      asOf: '2026-02-01',
      status: 'aandacht',
    },
    {
      name: 'a count that must stay low is not reached before its period ends',
      i: ind({ direction: 'lager', aggregation: 'aantal', targets: [target('2025/2026', { kind: 'exact', value: 100 })], measurements: [m('2026-01-31', 20)] }),
      asOf: '2026-02-01',
      status: 'op_koers',
    },
    {
      name: 'a count that must stay low, over budget',
      i: ind({ direction: 'lager', aggregation: 'aantal', targets: [target('2025/2026', { kind: 'exact', value: 100 })], measurements: [m('2026-01-31', 95)] }),
      asOf: '2026-02-01',
      status: 'achter',
    },
    {
      name: 'provisional value counts until a definitive one replaces it',
      i: ind({
        baseline: { value: 80, date: '2024-08-01' },
        targets: [target('2025/2026', { kind: 'exact', value: 90 })],
        measurements: [m('2026-06-01', 91, { status: 'voorlopig', recordedAt: '2026-06-02T00:00:00Z' }), m('2026-06-01', 84, { recordedAt: '2026-09-01T00:00:00Z' })],
      }),
      asOf: '2026-10-01',
      status: 'achter',
      progress: 0.4,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const e = evaluate(c.i, c.asOf, th);
      expect(e.status).toBe(c.status);
      if (c.progress !== undefined) expect(e.progress).toBeCloseTo(c.progress, 6);
    });

  it('uses the revised target and ignores the superseded one', () => {
    const old = target('2025/2026', { kind: 'exact', value: 90 });
    const revised = target('2025/2026', { kind: 'exact', value: 85 }, { supersedesId: old.id, reason: 'Bijgesteld', decisionDate: '2025-12-10' });
    const i = ind({ baseline: { value: 80, date: '2024-08-01' }, targets: [old, revised], measurements: [m('2026-06-01', 86)] });
    const e = evaluate(i, '2026-06-01', th);
    expect(e.target?.id).toBe(revised.id);
    expect(e.status).toBe('behaald');
    expect(evaluate({ ...i, targets: [old] }, '2026-06-01', th).status).toBe('achter');
  });

  it('picks the target of the school year of the latest measurement', () => {
    const i = ind({
      baseline: { value: 80, date: '2024-08-01' },
      targets: [target('2024/2025', { kind: 'exact', value: 84 }), target('2025/2026', { kind: 'exact', value: 88 })],
      measurements: [m('2025-06-01', 84), m('2026-03-01', 85)],
    });
    expect(evaluate(i, '2025-07-01').target?.schoolYear).toBe('2024/2025');
    expect(evaluate(i, '2025-07-01').status).toBe('behaald');
    expect(evaluate(i, '2026-03-01').target?.schoolYear).toBe('2025/2026');
  });

  it('makes the thresholds configurable', () => {
    expect(statusForLag(0.1)).toBe('op_koers');
    expect(statusForLag(0.11)).toBe('aandacht');
    expect(statusForLag(0.26)).toBe('achter');
    expect(statusForLag(0.11, { onTrackMargin: 15, attentionMargin: 30 })).toBe('op_koers');
    expect(statusForLag(0.26, { onTrackMargin: 5, attentionMargin: 30 })).toBe('aandacht');
    expect(expectedProgress('2024-08-01', '2025-07-31', '2030-01-01')).toBe(1);
  });
});

describe('moments and the attention list', () => {
  it('lists yearly, half-yearly and custom moments', () => {
    expect(momentsBetween({ kind: 'halfjaarlijks', dates: ['01-01', '07-01'] }, '2024-08-01', '2025-12-31')).toEqual(['2025-01-01', '2025-07-01']);
    expect(momentsBetween({ kind: 'jaarlijks', dates: ['11-01'] }, '2024-08-01', '2026-11-23')).toEqual(['2024-11-01', '2025-11-01', '2026-11-01']);
    expect(momentsBetween({ kind: 'lijst', dates: ['2026-03-01', '2025-03-01'] }, '2025-01-01', '2026-12-31')).toEqual(['2025-03-01', '2026-03-01']);
  });
  it('finds moments passed without a value, after a grace period', () => {
    const spec = { kind: 'halfjaarlijks' as const, dates: ['01-01', '07-01'] };
    expect(missedMoments(spec, '2024-08-01', '2026-11-23', [m('2025-01-03', 1), m('2026-01-01', 1)])).toEqual(['2025-07-01', '2026-07-01']);
    expect(missedMoments(spec, '2024-08-01', '2026-01-20', [])).toEqual(['2025-01-01', '2025-07-01']);
  });
  it('finds provisional values older than a year that were never made definitive', () => {
    const old = m('2025-06-01', 3, { status: 'voorlopig' });
    const fixed = m('2025-01-01', 3, { status: 'voorlopig' });
    const fixedDef = m('2025-01-01', 4, { status: 'definitief', recordedAt: '2025-06-01T00:00:00Z' });
    const recent = m('2026-06-01', 3, { status: 'voorlopig' });
    expect(staleProvisional([old, fixed, fixedDef, recent], '2026-11-23')).toEqual([old]);
  });
});

describe('Dutch numbers', () => {
  it('formats and parses as nl-NL, never reading text as 0', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatIndicatorValue('percentage', 12.5)).toBe('12,5%');
    expect(formatIndicatorValue('euro', 123456)).toBe('€ 1.234,56');
    expect(formatIndicatorValue('aantal', null)).toBe('—');
    expect(parseNumberInput('12,5')).toBe(12.5);
    expect(parseNumberInput('1.234')).toBe(1234);
    expect(parseNumberInput('1.234,5')).toBe(1234.5);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput('twaalf')).toBeNull();
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('12.5')).toBeNull();
  });
});

describe('pasting region figures', () => {
  it('reads tab-separated lines, skips a header and names each line it cannot read', async () => {
    const { parseRegionPaste } = await import('../../shared/results/paste');
    const text = [
      "Schooljaar\tOnderwijssoort\tDeelnemers\tVsv'ers\tStatus\tDefinitie\tNorm",
      '2024/2025\tmbo 2\t4.210\t333\tvoorlopig\tVSV 2022\t8',
      '2023-2024\tvmbo-bovenbouw\t7400\t200',
      '2023/2024\thbo\t10\t1',
      '2023/2024\tmbo 1\ttwaalf\t1',
      '2023/2024\tmbo 3/4\t10\t11',
    ].join('\r\n');
    const r = parseRegionPaste(text);
    expect(r.rows).toEqual([
      { schoolYear: '2024/2025', onderwijssoort: 'mbo2', students: 4210, leavers: 333, percentage: null, nationalNorm: 8, status: 'voorlopig', definitionVersion: 'VSV 2022', source: 'Geplakt uit spreadsheet' },
      { schoolYear: '2023/2024', onderwijssoort: 'vmbo_bovenbouw', students: 7400, leavers: 200, percentage: null, nationalNorm: null, status: 'definitief', definitionVersion: '', source: 'Geplakt uit spreadsheet' },
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(r.errors[1]!.message).toMatch(/twaalf/);
  });
});
