import { describe, expect, it } from 'vitest';
import { evaluate, expectedProgress, progressBetween, shortfall, statusForLag, statusForShortfall, type Evaluation, type IndicatorForStatus } from '../../shared/results/status';
import { aggregateValue, categoryCheck, currentTargets, effectivePerMoment, resolveTarget, revisionChain, targetFor, valueOf } from '../../shared/results/values';
import type { MeasurementValue, ResultStatus, TargetRevision, TargetSpec } from '../../shared/results/types';
import { parentNumerator, linkedSentence } from '../../shared/results/linked';
import { schoolYearRange, schoolYearsBetween, inSchoolYearsOf, isSchoolYear } from '../../shared/results/schoolYear';
import { missedMoments, momentsBetween, staleProvisional } from '../../shared/results/moments';
import { formatIndicatorValue, formatNumber, parseNumberInput } from '../../shared/results/format';
import { parseRegionPaste } from '../../shared/results/paste';
import {
  classifyRange,
  defaultMomentPeriod,
  describedAt,
  isValidPeriod,
  momentRuleFor,
  parsePeriod,
  periodCode,
  periodLabel,
  periodOf,
  periodsBetween,
  programmeWindow,
  reportingPeriod,
  shiftPeriod,
  type MomentPeriod,
  type Period,
} from '../../shared/results/periods';

let seq = 0;
/** A measurement; unless `period` says otherwise it is about the school year of its date. */
const m = (date: string, value: number | null, over: Partial<MeasurementValue> = {}): MeasurementValue => ({
  id: `m${++seq}`,
  date,
  period: periodOf('schooljaar', date),
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
  periodKind: 'schooljaar',
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

describe('status rule: a table of cases (shared/results/status.ts, rules 1-8)', () => {
  const th = { onTrackMargin: 10, attentionMargin: 25 };
  const sy = (code: string) => periodOf('schooljaar', `${code.slice(0, 4)}-08-01`);
  const range = (start: string, end: string, spec: TargetSpec, over: Partial<TargetRevision> = {}): TargetRevision => ({
    id: `t${++seq}`,
    periodStart: start,
    periodEnd: end,
    periodKind: classifyRange(start, end).kind,
    schoolYear: null,
    spec,
    supersedesId: null,
    reason: '',
    decisionDate: null,
    createdAt: '2024-08-01T00:00:00.000Z',
    ...over,
  });
  /** The programme's final target, 1.6% by 31-07-2028 (a custom range), baseline 2.0% on 01-08-2024. */
  const vsv = (actual: number | null, at = '2026-02-01') =>
    ind({
      direction: 'lager',
      baseline: { value: 2.0, date: '2024-08-01' },
      targets: [range('2024-08-01', '2028-07-31', { kind: 'exact', value: 1.6 })],
      measurements: actual === null ? [] : [m(at, actual)],
    });
  /** The plan's "in beeld" indicator: 97% for 2016/2017, 98% for 2017/2018, no baseline. */
  const inBeeld = (...ms: MeasurementValue[]) =>
    ind({ targets: [target('2016/2017', { kind: 'exact', value: 97 }), target('2017/2018', { kind: 'exact', value: 98 })], measurements: ms });
  const prov = { status: 'voorlopig' as const };

  type Case = {
    name: string;
    i: IndicatorForStatus;
    asOf: string;
    status: ResultStatus;
    progress?: number | null;
    expected?: number | null;
    value?: number;
    basis?: Evaluation['basis'];
    note?: Evaluation['note'];
    /** The code of the period of the target compared with (null: none). */
    targetPeriod?: string | null;
  };
  const cases: Case[] = [
    // -- Lower is better, along a route from the baseline (rule 7)
    { name: '1. lower is better, halfway at 37.6% of the time: op koers (progress from the baseline, not "89% met")', i: vsv(1.8), asOf: '2026-02-01', status: 'op_koers', progress: 0.5, expected: 549 / 1460, basis: 'route' },
    { name: '2. lower is better, below the target: behaald', i: vsv(1.55), asOf: '2026-02-01', status: 'behaald', progress: 1, basis: 'route' },
    { name: '3. lower is better, moved the wrong way: achter', i: vsv(2.1), asOf: '2026-02-01', status: 'achter', progress: -0.25 },
    { name: '4. lower is better, halfway when the period is over: achter', i: vsv(1.8, '2028-07-01'), asOf: '2028-08-15', status: 'achter', progress: 0.5, expected: 1 },
    { name: '5. lower is better, nearly there when the period is over: aandacht, never op koers', i: vsv(1.63, '2028-07-01'), asOf: '2028-08-15', status: 'aandacht', progress: 0.925 },
    { name: '6. no measurement: geen gegevens', i: vsv(null), asOf: '2026-02-01', status: 'geen_gegevens', note: 'geen_meting' },
    { name: '7. a measurement dated after the day of the status is not known yet', i: vsv(1.8, '2026-03-01'), asOf: '2026-02-28', status: 'geen_gegevens', note: 'geen_meting' },
    { name: '8. no target at all', i: ind({ baseline: { value: 10, date: '2024-08-01' }, measurements: [m('2025-03-01', 12)] }), asOf: '2026-01-01', status: 'geen_gegevens', note: 'geen_streefwaarde', targetPeriod: null },

    // -- Periods: a measurement is compared with the target of the period it is about (rule 3)
    {
      name: '9. November measurement for the previous school year: 97,2% about 2016/2017 meets that year\'s 97%',
      i: inBeeld(m('2017-11-01', 97.2, { period: sy('2016/2017') })),
      asOf: '2017-11-20',
      status: 'behaald',
      targetPeriod: '2016/2017',
    },
    {
      name: '10. the same figure read as about the school year of its date meets 2017/2018\'s 98% not: the old mistake, now a choice of period',
      i: inBeeld(m('2017-11-01', 97.2)),
      asOf: '2017-11-20',
      status: 'aandacht',
      targetPeriod: '2017/2018',
      basis: 'streefwaarde',
    },
    {
      name: '11. a period with no target: geen gegevens, never the target of the next or the last period',
      i: ind({ baseline: { value: 80, date: '2024-08-01' }, targets: [target('2024/2025', { kind: 'exact', value: 84 }), target('2026/2027', { kind: 'exact', value: 90 })], measurements: [m('2026-03-01', 85)] }),
      asOf: '2026-03-01',
      status: 'geen_gegevens',
      note: 'geen_streefwaarde',
      targetPeriod: null,
    },
    {
      name: '12. provisional then definitive, on different days about one period: until the definitive arrives the provisional counts',
      i: inBeeld(m('2017-11-01', 96.0, { ...prov, period: sy('2016/2017') }), m('2018-03-15', 97.2, { period: sy('2016/2017') })),
      asOf: '2018-01-10',
      status: 'aandacht',
      value: 96,
      targetPeriod: '2016/2017',
    },
    {
      name: '13. provisional then definitive: the definitive replaces the provisional of its period',
      i: inBeeld(m('2017-11-01', 96.0, { ...prov, period: sy('2016/2017') }), m('2018-03-15', 97.2, { period: sy('2016/2017') })),
      asOf: '2018-04-01',
      status: 'behaald',
      value: 97.2,
    },
    {
      name: '14. one moment, provisional then definitive: the definitive counts, even when it is lower',
      i: ind({
        baseline: { value: 80, date: '2024-08-01' },
        targets: [target('2025/2026', { kind: 'exact', value: 90 })],
        measurements: [m('2026-06-01', 91, { ...prov, recordedAt: '2026-06-02T00:00:00Z' }), m('2026-06-01', 84, { recordedAt: '2026-09-01T00:00:00Z' })],
      }),
      asOf: '2026-10-01',
      status: 'achter',
      progress: 0.4,
    },
    {
      name: '15. a provisional value measured after a definitive one of the same period still counts (a newer state)',
      i: ind({ baseline: { value: 70, date: '2025-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2026-01-31', 80), m('2026-07-01', 91, prov)] }),
      asOf: '2026-07-10',
      status: 'behaald',
      value: 91,
    },
    {
      name: '16. a count per year: the definitive year figure replaces the provisional interim count, it is not added to it',
      i: ind({
        aggregation: 'aantal',
        targets: [target('2026/2027', { kind: 'exact', value: 380 })],
        measurements: [m('2026-11-01', 120, prov), m('2027-07-31', 400)],
      }),
      asOf: '2027-08-15',
      status: 'behaald',
      value: 400,
    },
    {
      name: '17. the latest value is about the latest period, whatever day it was entered',
      i: inBeeld(m('2018-06-01', 98.5, { ...prov, period: sy('2017/2018') }), m('2018-07-01', 96.0, { period: sy('2016/2017') })),
      asOf: '2018-07-01',
      status: 'behaald',
      targetPeriod: '2017/2018',
    },
    {
      name: '18. the shortest target holding the period wins: the school year inside the programme target',
      i: ind({
        direction: 'lager',
        baseline: { value: 2.0, date: '2024-08-01' },
        targets: [range('2024-08-01', '2028-07-31', { kind: 'exact', value: 1.6 }), target('2025/2026', { kind: 'exact', value: 1.85 })],
        measurements: [m('2026-02-01', 1.8)],
      }),
      asOf: '2026-02-01',
      status: 'behaald',
      targetPeriod: '2025/2026',
    },
    {
      name: '19. the revised target is used; the superseded one is not',
      i: (() => {
        const old = target('2025/2026', { kind: 'exact', value: 90 });
        const revised = target('2025/2026', { kind: 'exact', value: 85 }, { supersedesId: old.id, reason: 'Bijgesteld', decisionDate: '2025-12-10' });
        return ind({ baseline: { value: 80, date: '2024-08-01' }, targets: [old, revised], measurements: [m('2026-06-01', 86)] });
      })(),
      asOf: '2026-06-01',
      status: 'behaald',
    },

    // -- Calendar years, half years, quarters
    {
      name: '20. a calendar-year indicator: quarterly counts add up inside the 2025 target; 80 of 100 at the end of September is op koers',
      i: ind({
        aggregation: 'aantal',
        targets: [range('2025-01-01', '2025-12-31', { kind: 'exact', value: 100 })],
        measurements: [m('2025-04-05', 25, { period: periodOf('kwartaal', '2025-02-01') }), m('2025-07-05', 25, { period: periodOf('kwartaal', '2025-05-01') }), m('2025-10-05', 30, { period: periodOf('kwartaal', '2025-08-01') })],
      }),
      asOf: '2025-10-15',
      status: 'op_koers',
      value: 80,
      progress: 0.8,
      expected: 272 / 364,
      targetPeriod: '2025',
    },
    {
      name: '21. a calendar-year indicator: a figure about the first quarter of 2026 has no target in a 2025-only plan',
      i: ind({ aggregation: 'aantal', targets: [range('2025-01-01', '2025-12-31', { kind: 'exact', value: 100 })], measurements: [m('2026-04-05', 20, { period: periodOf('kwartaal', '2026-02-01') })] }),
      asOf: '2026-04-10',
      status: 'geen_gegevens',
      note: 'geen_streefwaarde',
    },
    {
      name: '22. a half-year indicator: 48 about the first half of 2026, measured in July, against 50: the half year is over, 80% of the route: aandacht',
      i: ind({
        baseline: { value: 40, date: '2025-12-31' },
        targets: [range('2026-01-01', '2026-06-30', { kind: 'exact', value: 50 }), range('2026-07-01', '2026-12-31', { kind: 'exact', value: 60 })],
        measurements: [m('2026-07-05', 48, { period: periodOf('halfjaar', '2026-03-01') })],
      }),
      asOf: '2026-07-10',
      status: 'aandacht',
      progress: 0.8,
      expected: 1,
      targetPeriod: '2026-H1',
    },
    {
      name: '23. quarters in a school-year target: Jan-Mar lies inside 2025/2026 and counts; Jul-Sep 2025 lies in two school years and does not',
      i: ind({
        aggregation: 'aantal',
        targets: [target('2025/2026', { kind: 'exact', value: 100 })],
        measurements: [m('2025-10-02', 40, { period: periodOf('kwartaal', '2025-08-01') }), m('2026-04-02', 30, { period: periodOf('kwartaal', '2026-02-01') })],
      }),
      asOf: '2026-04-02',
      // 30 of 100 while 242 of 364 days (to the end of March, the day the figure speaks for) have passed.
      status: 'achter',
      value: 30,
      expected: 242 / 364,
      targetPeriod: '2025/2026',
    },

    // -- Ranges, bands and relative targets (rule 5)
    {
      name: '24. range target, higher is better: the lower bound counts ("40-70% naar een passend traject")',
      i: ind({ baseline: { value: 30, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 70 })], measurements: [m('2026-06-01', 45)] }),
      asOf: '2026-06-01',
      status: 'behaald',
    },
    {
      name: '25. range target, higher is better, halfway to the lower bound on time: op koers',
      i: ind({ baseline: { value: 30, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 70 })], measurements: [m('2025-08-01', 35)] }),
      asOf: '2025-08-01',
      status: 'op_koers',
      progress: 0.5,
    },
    {
      name: '26. range target, lower is better: the upper bound counts',
      i: ind({ direction: 'lager', baseline: { value: 90, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 70 })], measurements: [m('2026-06-01', 65)] }),
      asOf: '2026-06-01',
      status: 'behaald',
    },
    {
      name: '27. within a band: above the band, moving away from it: achter',
      i: ind({ direction: 'bandbreedte', baseline: { value: 50, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 60 })], measurements: [m('2025-12-01', 75)] }),
      asOf: '2025-12-01',
      status: 'achter',
    },
    {
      name: '28. within a band: inside is reached (no baseline needed)',
      i: ind({ direction: 'bandbreedte', targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 60 })], measurements: [m('2025-12-01', 55)] }),
      asOf: '2025-12-01',
      status: 'behaald',
      progress: null,
    },
    {
      name: '29. relative target -50% on a baseline of 120 (target 60), at 90 halfway, on time: op koers',
      i: ind({ direction: 'lager', baseline: { value: 120, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'relatief', percent: -50 })], measurements: [m('2025-08-01', 90)] }),
      asOf: '2025-08-01',
      status: 'op_koers',
      progress: 0.5,
    },
    {
      name: '30. relative target without a baseline value: geen gegevens, and why',
      i: ind({ direction: 'lager', targets: [target('2025/2026', { kind: 'relatief', percent: -50 })], measurements: [m('2025-12-01', 90)] }),
      asOf: '2025-12-01',
      status: 'geen_gegevens',
      note: 'geen_nulmeting',
    },

    // -- No baseline, no route (rule 8)
    {
      name: '31. no baseline, 85 against 90: 5,6% short of the target: aandacht, without a route',
      i: ind({ targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2025-12-01', 85)] }),
      asOf: '2025-12-01',
      status: 'aandacht',
      progress: null,
      expected: null,
      basis: 'streefwaarde',
    },
    {
      name: '32. no baseline, 50 against 90: 44% short: achter',
      i: ind({ targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2025-12-01', 50)] }),
      asOf: '2025-12-01',
      status: 'achter',
      basis: 'streefwaarde',
    },
    {
      name: '33. no baseline, just short on the first day: aandacht, never op koers',
      i: ind({ targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2025-08-01', 89.9)] }),
      asOf: '2025-08-01',
      status: 'aandacht',
    },
    {
      name: '34. no baseline, reached: behaald, progress not shown',
      i: ind({ targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2025-12-01', 91)] }),
      asOf: '2025-12-01',
      status: 'behaald',
      progress: null,
      basis: 'streefwaarde',
    },
    {
      name: '35. no baseline, a target of 0 missed (lower is better): achter',
      i: ind({ direction: 'lager', targets: [target('2025/2026', { kind: 'exact', value: 0 })], measurements: [m('2025-12-01', 1)] }),
      asOf: '2025-12-01',
      status: 'achter',
    },
    {
      name: '36. a baseline value without a date is no route either',
      i: ind({ baseline: { value: 80, date: null }, targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2025-12-01', 85)] }),
      asOf: '2025-12-01',
      status: 'aandacht',
      basis: 'streefwaarde',
      progress: null,
    },

    // -- A linked ("waarvan") indicator
    {
      name: '37. a linked indicator: 205 with a DDD of the 238 in beeld (the parent\'s numerator) is 86,1% against 88%: aandacht',
      i: (() => {
        const parent = [m('2025-06-01', null, { numerator: 238, denominator: 250 })];
        const den = parentNumerator(parent, sy('2024/2025'), '2025-06-01')!;
        return ind({ targets: [target('2024/2025', { kind: 'exact', value: 88 })], measurements: [m('2025-06-01', null, { numerator: 205, denominator: den })] });
      })(),
      asOf: '2025-06-10',
      status: 'aandacht',
      value: (205 / 238) * 100,
      basis: 'streefwaarde',
    },

    // -- Counts per period (route from 0 on the first day of the period)
    {
      name: '38. count per school year, higher is better, reached before the year ends',
      i: ind({ aggregation: 'aantal', baseline: { value: 80, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2026-01-01', 50), m('2026-04-01', 45)] }),
      asOf: '2026-04-01',
      status: 'behaald',
      value: 95,
    },
    {
      name: '39. count per school year: a third of the target halfway through the year (no baseline needed for this route): aandacht',
      i: ind({ aggregation: 'aantal', targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2026-01-31', 30)] }),
      asOf: '2026-02-01',
      status: 'aandacht',
      basis: 'route',
    },
    {
      name: '40. a count that must stay low is not reached before its period ends, and on budget: op koers',
      i: ind({ direction: 'lager', aggregation: 'aantal', targets: [target('2025/2026', { kind: 'exact', value: 100 })], measurements: [m('2026-01-31', 20)] }),
      asOf: '2026-02-01',
      status: 'op_koers',
    },
    {
      name: '41. a count that must stay low, over budget: achter',
      i: ind({ direction: 'lager', aggregation: 'aantal', targets: [target('2025/2026', { kind: 'exact', value: 100 })], measurements: [m('2026-01-31', 95)] }),
      asOf: '2026-02-01',
      status: 'achter',
    },
    {
      name: '42. a count that must stay low is reached on the last day of its period',
      i: ind({ direction: 'lager', aggregation: 'aantal', targets: [target('2025/2026', { kind: 'exact', value: 100 })], measurements: [m('2026-01-31', 95)] }),
      asOf: '2026-07-31',
      status: 'behaald',
    },
    {
      name: '43. cumulative: the baseline plus everything since, against the target',
      i: ind({ aggregation: 'cumulatief', baseline: { value: 100, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 140 })], measurements: [m('2025-01-01', 10), m('2026-01-01', 15)] }),
      asOf: '2026-01-01',
      // 100 + 10 + 15 = 125: 62,5% of the route from 100 to 140, 518 of 729 days passed: 8,6 points behind.
      status: 'op_koers',
      value: 125,
      progress: 0.625,
      expected: 518 / 729,
    },

    // -- The edges of time (rule 6) and of the thresholds
    {
      name: '44. the day before the period ends the route still counts: op koers',
      i: ind({ baseline: { value: 80, date: '2025-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2026-07-01', 89)] }),
      asOf: '2026-07-30',
      status: 'op_koers',
      expected: 334 / 364,
    },
    {
      name: '45. on the last day of the period it is over: expected 100%, at best aandacht',
      i: ind({ baseline: { value: 80, date: '2025-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2026-07-01', 89)] }),
      asOf: '2026-07-31',
      status: 'aandacht',
      expected: 1,
    },
    {
      name: '46. a lag of exactly 10 points is still op koers',
      i: ind({ baseline: { value: 0, date: '2025-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 100 })], measurements: [m('2026-01-30', (182 / 364) * 100 - 10)] }),
      asOf: '2026-01-30',
      status: 'op_koers',
    },
    {
      name: '47. a shortfall of exactly 25% of the target is still aandacht (no baseline)',
      i: ind({ targets: [target('2025/2026', { kind: 'exact', value: 80 })], measurements: [m('2025-12-01', 60)] }),
      asOf: '2025-12-01',
      status: 'aandacht',
    },
    {
      name: '48. a target equal to the baseline is a route of length 0: the target alone decides (85 against 90: aandacht, not op koers)',
      i: ind({ baseline: { value: 90, date: '2025-08-01' }, targets: [target('2025/2026', { kind: 'exact', value: 90 })], measurements: [m('2025-09-01', 85)] }),
      asOf: '2025-09-01',
      status: 'aandacht',
      progress: null,
      basis: 'streefwaarde',
    },
    {
      name: '49. within a band without a baseline, below it: the distance to the lower edge decides (35 against 40-60: 12,5%, aandacht)',
      i: ind({ direction: 'bandbreedte', targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 60 })], measurements: [m('2025-12-01', 35)] }),
      asOf: '2025-12-01',
      status: 'aandacht',
      basis: 'streefwaarde',
    },
    {
      name: '50. within a band, the baseline outside it: the route to the nearer edge (30 to 40, at 36 after 487 of 729 days: op koers)',
      i: ind({ direction: 'bandbreedte', baseline: { value: 30, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 60 })], measurements: [m('2025-12-01', 36)] }),
      asOf: '2025-12-01',
      status: 'op_koers',
      progress: 0.6,
      expected: 487 / 729,
    },
    {
      name: '51. within a band, the baseline inside it, now 5 above a band 20 wide: a quarter out, aandacht',
      i: ind({ direction: 'bandbreedte', baseline: { value: 50, date: '2024-08-01' }, targets: [target('2025/2026', { kind: 'bereik', min: 40, max: 60 })], measurements: [m('2025-12-01', 65)] }),
      asOf: '2025-12-01',
      status: 'aandacht',
      progress: 0.75,
    },
    {
      name: '52. cumulative percentages are pooled from numerators and denominators since the baseline (59/110 = 53,6% against 50%)',
      i: ind({
        aggregation: 'cumulatief',
        baseline: { value: 40, date: '2024-08-01' },
        targets: [target('2025/2026', { kind: 'exact', value: 50 })],
        measurements: [m('2025-01-01', null, { numerator: 9, denominator: 10 }), m('2026-01-01', null, { numerator: 50, denominator: 100 })],
      }),
      asOf: '2026-01-01',
      status: 'behaald',
      value: (59 / 110) * 100,
    },
    {
      name: '53. cumulative: a value on the baseline\'s own day is the baseline, not added to it',
      i: ind({ aggregation: 'cumulatief', baseline: { value: 100, date: '2025-01-01' }, targets: [target('2025/2026', { kind: 'exact', value: 200 })], measurements: [m('2025-01-01', 10), m('2026-01-01', 15)] }),
      asOf: '2026-01-01',
      status: 'achter',
      value: 115,
    },
    {
      name: '54. a value about the second half of 2025 lies in two school years: no school-year target holds it',
      i: ind({ targets: [target('2024/2025', { kind: 'exact', value: 80 }), target('2025/2026', { kind: 'exact', value: 85 })], measurements: [m('2026-01-10', 84, { period: periodOf('halfjaar', '2025-09-01') })] }),
      asOf: '2026-01-10',
      status: 'geen_gegevens',
      note: 'geen_streefwaarde',
    },
  ];

  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
  for (const c of cases)
    it(c.name, () => {
      const e = evaluate(c.i, c.asOf, th);
      expect(e.status).toBe(c.status);
      const close = (got: number | null, want: number | null | undefined) => {
        if (want === undefined) return;
        if (want === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(want, 6);
      };
      close(e.progress, c.progress);
      close(e.expected, c.expected);
      if (c.value !== undefined) expect(e.value).toBeCloseTo(c.value, 6);
      if (c.basis !== undefined) expect(e.basis).toBe(c.basis);
      if (c.note !== undefined) expect(e.note).toBe(c.note);
      else if (c.status !== 'geen_gegevens') expect(e.note).toBeNull();
      if (c.targetPeriod !== undefined) expect(e.target ? periodCode({ kind: e.target.periodKind, start: e.target.periodStart, end: e.target.periodEnd }) : null).toBe(c.targetPeriod);
    });

  it('makes the thresholds configurable', () => {
    expect(statusForLag(0.1)).toBe('op_koers');
    expect(statusForLag(0.11)).toBe('aandacht');
    expect(statusForLag(0.26)).toBe('achter');
    expect(statusForLag(0.11, { onTrackMargin: 15, attentionMargin: 30 })).toBe('op_koers');
    expect(statusForLag(0.26, { onTrackMargin: 5, attentionMargin: 30 })).toBe('aandacht');
    expect(statusForShortfall(0.3, { onTrackMargin: 5, attentionMargin: 30 })).toBe('aandacht');
    expect(statusForShortfall(0.31, { onTrackMargin: 5, attentionMargin: 30 })).toBe('achter');
    expect(expectedProgress('2024-08-01', '2025-07-31', '2030-01-01')).toBe(1);
  });

  it('a linked part takes the parent\'s numerator of the same period: the definitive one once it counts, none for another period', () => {
    const parent = [m('2017-11-01', null, { ...prov, numerator: 960, denominator: 1000, period: sy('2016/2017') }), m('2018-03-15', null, { numerator: 972, denominator: 1000, period: sy('2016/2017') })];
    expect(parentNumerator(parent, sy('2016/2017'), '2017-11-01')).toBe(960);
    expect(parentNumerator(parent, sy('2016/2017'), '2018-03-15')).toBe(972);
    expect(parentNumerator(parent, sy('2016/2017'), '2018-05-01')).toBe(972);
    expect(parentNumerator(parent, sy('2017/2018'), '2018-05-01')).toBeNull();
    expect(parentNumerator([m('2018-03-15', 97.2, { period: sy('2016/2017') })], sy('2016/2017'), '2018-03-15')).toBeNull();
    expect(
      linkedSentence({ unit: 'percentage', freeUnit: '', name: 'Overstappers in beeld', phrase: 'in beeld', value: 98 }, [{ unit: 'percentage', freeUnit: '', name: 'Met DDD', phrase: 'met een ingevuld DDD', value: 95 }]),
    ).toBe('98% in beeld, waarvan 95% met een ingevuld DDD');
    expect(linkedSentence({ unit: 'percentage', freeUnit: '', name: 'In beeld', phrase: '', value: null }, [])).toBe('— In beeld');
  });
});

describe('reporting periods', () => {
  it('knows the five kinds, their codes and Dutch labels, and reads them back', () => {
    const cases: [Period, string, string][] = [
      [periodOf('schooljaar', '2017-03-01'), '2016/2017', '2016/2017'],
      [periodOf('kalenderjaar', '2017-03-01'), '2017', '2017'],
      [periodOf('halfjaar', '2017-08-15'), '2017-H2', '2e halfjaar 2017'],
      [periodOf('kwartaal', '2017-05-31'), '2017-K2', '2e kwartaal 2017'],
      [{ kind: 'vrij', start: '2017-01-01', end: '2017-03-15' }, '2017-01-01/2017-03-15', '01-01-2017 – 15-03-2017'],
    ];
    for (const [p, code, label] of cases) {
      expect(periodCode(p)).toBe(code);
      expect(periodLabel(p)).toBe(label);
      expect(parsePeriod(code)).toEqual(p);
      expect(parsePeriod(label)).toEqual(p);
      expect(isValidPeriod(p)).toBe(true);
    }
    expect(periodOf('schooljaar', '2017-07-31')).toEqual({ kind: 'schooljaar', start: '2016-08-01', end: '2017-07-31' });
    expect(periodOf('schooljaar', '2017-08-01').start).toBe('2017-08-01');
    expect(periodOf('halfjaar', '2017-06-30')).toEqual({ kind: 'halfjaar', start: '2017-01-01', end: '2017-06-30' });
    expect(periodOf('kwartaal', '2016-12-31')).toEqual({ kind: 'kwartaal', start: '2016-10-01', end: '2016-12-31' });
    expect(parsePeriod('2016-2017')).toEqual(periodOf('schooljaar', '2017-01-01'));
    expect(parsePeriod('H1 2017')).toEqual(periodOf('halfjaar', '2017-01-01'));
    expect(parsePeriod('Q3 2017')).toEqual(periodOf('kwartaal', '2017-08-01'));
    expect(parsePeriod('01-08-2016 t/m 31-07-2017')).toEqual(periodOf('schooljaar', '2017-01-01'));
    for (const bad of ['2016/2018', '2017-H3', '2017-K5', 'volgend jaar', '15-03-2017 – 01-01-2017', '']) expect(parsePeriod(bad)).toBeNull();
    expect(isValidPeriod({ kind: 'schooljaar', start: '2016-09-01', end: '2017-07-31' })).toBe(false);
    expect(shiftPeriod(periodOf('kwartaal', '2017-02-01'), -1)).toEqual({ kind: 'kwartaal', start: '2016-10-01', end: '2016-12-31' });
    expect(periodsBetween('schooljaar', '2016-08-01', '2020-07-31').map(periodCode)).toEqual(['2016/2017', '2017/2018', '2018/2019', '2019/2020']);
    expect(programmeWindow('2016-08-01', '2020-07-31')).toEqual({ start: '2016-01-01', end: '2020-12-31' });
  });

  it('a moment says which period it reports on: November about the school year before, peildatum 1 oktober about the running one', () => {
    expect(defaultMomentPeriod('schooljaar', '11-01')).toBe('vorig');
    expect(defaultMomentPeriod('schooljaar', '08-01')).toBe('vorig');
    expect(defaultMomentPeriod('schooljaar', '10-01')).toBe('lopend');
    expect(defaultMomentPeriod('schooljaar', '07-31')).toBe('lopend');
    expect(defaultMomentPeriod('kalenderjaar', '01-15')).toBe('vorig');
    expect(defaultMomentPeriod('kwartaal', '04-01')).toBe('vorig');
    expect(defaultMomentPeriod('kwartaal', '03-31')).toBe('lopend');
    expect(reportingPeriod('schooljaar', 'vorig', '2017-11-01')).toEqual(periodOf('schooljaar', '2017-03-01'));
    expect(reportingPeriod('schooljaar', 'lopend', '2017-11-01')).toEqual(periodOf('schooljaar', '2018-03-01'));
    // Custom ranges: the indicator's own target periods are its periods.
    const targets = [{ start: '2016-08-01', end: '2018-07-31' }, { start: '2018-08-01', end: '2020-07-31' }];
    expect(reportingPeriod('vrij', 'vorig', '2018-11-01', targets)).toEqual({ kind: 'vrij', start: '2016-08-01', end: '2018-07-31' });
    expect(reportingPeriod('vrij', 'lopend', '2018-11-01', targets)).toEqual({ kind: 'vrij', start: '2018-08-01', end: '2020-07-31' });
    const spec = { kind: 'halfjaarlijks' as const, dates: ['02-01', '08-01'], periods: ['lopend', 'vorig'] as MomentPeriod[] };
    expect(momentRuleFor(spec, '2017-08-03', 45)).toBe('vorig');
    expect(momentRuleFor(spec, '2017-01-20', 45)).toBe('lopend');
    expect(momentRuleFor(spec, '2017-05-01', 45)).toBe('lopend');
    expect(describedAt({ date: '2017-11-01', period: periodOf('schooljaar', '2017-03-01') })).toBe('2017-07-31');
    expect(describedAt({ date: '2017-03-01', period: periodOf('schooljaar', '2017-03-01') })).toBe('2017-03-01');
  });
});

describe('moments and the attention list', () => {
  it('lists yearly, half-yearly and custom moments', () => {
    expect(momentsBetween({ kind: 'halfjaarlijks', dates: ['01-01', '07-01'] }, '2024-08-01', '2025-12-31')).toEqual(['2025-01-01', '2025-07-01']);
    expect(momentsBetween({ kind: 'jaarlijks', dates: ['11-01'] }, '2024-08-01', '2026-11-23')).toEqual(['2024-11-01', '2025-11-01', '2026-11-01']);
    expect(momentsBetween({ kind: 'lijst', dates: ['2026-03-01', '2025-03-01'] }, '2025-01-01', '2026-12-31')).toEqual(['2025-03-01', '2026-03-01']);
  });

  const schoolYears = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => periodOf('schooljaar', `${from + k}-08-01`));
  const about = (date: string, year: string) => ({ date, period: periodOf('schooljaar', `${year.slice(0, 4)}-08-01`) });

  it('finds moments passed without a value, after a grace period', () => {
    const plan = { kind: 'halfjaarlijks' as const, dates: ['01-01', '07-01'], periodKind: 'schooljaar' as const };
    const years = schoolYears(2024, 2028);
    const dated = (d: string) => ({ date: d, period: periodOf('schooljaar', d) });
    const missed = (asOf: string, ms: { date: string; period: Period }[]) => missedMoments(plan, { from: '2024-08-01', to: '2028-07-31' }, asOf, ms, years).map((x) => x.date);
    expect(missed('2026-11-23', [dated('2025-01-03'), dated('2026-01-01')])).toEqual(['2025-07-01', '2026-07-01']);
    expect(missed('2026-01-20', [])).toEqual(['2025-01-01', '2025-07-01']);
    // Two moments about one school year each need their own value: the January figure does not fill July.
    expect(missed('2025-09-01', [dated('2025-01-03')])).toEqual(['2025-07-01']);
  });

  it('the last moment of the programme is missed too (the off-by-one of "Bereikte deelnemers" on 31-07-2020)', () => {
    const plan = { kind: 'jaarlijks' as const, dates: ['07-31'], periods: ['lopend'] as MomentPeriod[], periodKind: 'schooljaar' as const };
    const got = missedMoments(plan, { from: '2016-08-01', to: '2020-07-31' }, '2026-01-01', [], schoolYears(2016, 2020));
    expect(got.map((x) => x.date)).toEqual(['2017-07-31', '2018-07-31', '2019-07-31', '2020-07-31']);
    // Before its grace has passed, it is not missed yet.
    expect(missedMoments(plan, { from: '2016-08-01', to: '2020-07-31' }, '2020-08-15', [], schoolYears(2016, 2020)).map((x) => x.date)).toEqual(['2017-07-31', '2018-07-31', '2019-07-31']);
  });

  it('a November moment asks for the school year before it: filled by the figure about that year, and not asked before the programme', () => {
    const plan = { kind: 'jaarlijks' as const, dates: ['11-01'], periods: ['vorig'] as MomentPeriod[], periodKind: 'schooljaar' as const };
    const years = schoolYears(2016, 2020);
    const got = missedMoments(plan, { from: '2016-08-01', to: '2020-07-31' }, '2026-01-01', [about('2017-11-01', '2016/2017'), about('2019-03-01', '2017/2018')], years);
    // 01-11-2016 is about 2015/2016 (no target): never asked. 01-11-2017 is filled; 01-11-2018 by a figure
    // about 2017/2018 from its window on (01-03-2019); 01-11-2019 is missed, and so is 01-11-2020: after the
    // programme's end, but about its last school year.
    expect(got.map((x) => [x.date, periodCode(x.period)])).toEqual([
      ['2019-11-01', '2018/2019'],
      ['2020-11-01', '2019/2020'],
    ]);
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
  it('reads tab-separated lines, skips a header and names each line it cannot read', () => {
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

// -- The edges of the status rule that mutation testing (npm run mutation) found unheld: each case
// below failed on a planted one-line bug that the table above let through. Expected values are
// worked out by hand in the comments.
const th = { onTrackMargin: 10, attentionMargin: 25 };
/** A target over any range of days (the school-year helper `target` with its period replaced). */
const range = (start: string, end: string, spec: TargetSpec): TargetRevision =>
  target('2024/2025', spec, { periodStart: start, periodEnd: end, periodKind: classifyRange(start, end).kind, schoolYear: null });
/** A four-year programme target (01-08-2024 to 31-07-2028); a value on 01-08-2026 is at half the time (730 of 1460 days). */
const programme = (spec: TargetSpec) => range('2024-08-01', '2028-07-31', spec);
const HALF = '2026-08-01';
const band = { kind: 'bereik', min: 10, max: 12 } as const;

describe('status rule: the helpers at their edges', () => {
  it('progress on a route without distance is all or nothing', () => {
    expect(progressBetween(5, 5, 5, true)).toBe(1);
    expect(progressBetween(5, 5, 4, false)).toBe(0);
    expect(progressBetween(2, 10, 6, false)).toBe(0.5);
  });

  it('expected progress is complete for a period without length, and never above 1 or below 0', () => {
    expect(expectedProgress('2025-01-01', '2025-01-01', '2025-01-01')).toBe(1);
    expect(expectedProgress('2025-01-02', '2025-01-01', '2024-01-01')).toBe(1);
    expect(expectedProgress('2024-08-01', '2028-07-31', HALF)).toBe(0.5);
    expect(expectedProgress('2024-08-01', '2028-07-31', '2020-01-01')).toBe(0);
  });

  it('a lag exactly at a margin is still inside it', () => {
    expect(statusForLag(0.1, th)).toBe('op_koers');
    expect(statusForLag(0.25, th)).toBe('aandacht');
    expect(statusForLag(0.2500001, th)).toBe('achter');
    expect(statusForShortfall(0.25, th)).toBe('aandacht');
    expect(statusForShortfall(0.2500001, th)).toBe('achter');
  });

  it('the shortfall without a route is measured from the edge the direction names, as a share of it', () => {
    const t = { min: 10, max: 12 };
    expect(shortfall('hoger', 8, t)).toBeCloseTo(0.2, 12); // 2 below 10
    expect(shortfall('lager', 15, t)).toBeCloseTo(0.25, 12); // 3 above 12
    expect(shortfall('bandbreedte', 8, t)).toBeCloseTo(0.2, 12); // below the band: from 10
    expect(shortfall('bandbreedte', 15, t)).toBeCloseTo(0.25, 12); // above the band: from 12
    expect(shortfall('hoger', 10, t)).toBe(0);
    expect(shortfall('bandbreedte', 10, t)).toBe(0);
    expect(shortfall('bandbreedte', 11, t)).toBe(0);
    // Lower is better is measured from the top of the range, also from below it.
    expect(shortfall('lager', 8, t)).toBeCloseTo(4 / 12, 12);
    // A target of 0: no distance is 0, any distance is endless.
    expect(shortfall('lager', 0, { min: 0, max: 0 })).toBe(0);
    expect(shortfall('lager', 1, { min: 0, max: 0 })).toBe(Infinity);
  });
});

describe('status rule: which target counts (rule 3)', () => {
  const t = (id: string, periodStart: string, periodEnd: string, supersedesId: string | null = null) => ({ id, periodStart, periodEnd, supersedesId });
  const both = <T>(a: T, b: T) => [
    [a, b],
    [b, a],
  ];

  it('the shortest target whose period holds the value\'s period, in any order of entry', () => {
    const march2026 = { start: '2026-03-01', end: '2026-03-31' };
    // The calendar year 2026 is shorter than the two school years 2024-2026, though it ends later.
    for (const list of both(t('jaar', '2026-01-01', '2026-12-31'), t('twee', '2024-08-01', '2026-07-31'))) expect(targetFor(list, march2026)?.id).toBe('jaar');
    // The shorter one starts earlier.
    const sy2425 = { start: '2024-08-01', end: '2025-07-31' };
    for (const list of both(t('kort', '2024-01-01', '2025-12-31'), t('lang', '2024-08-01', '2028-07-31'))) expect(targetFor(list, sy2425)?.id).toBe('kort');
    // The shorter one starts late and ends with the longer one.
    const sy2728 = { start: '2027-08-01', end: '2028-07-31' };
    for (const list of both(t('laatste', '2027-08-01', '2028-07-31'), t('programma', '2024-08-01', '2028-07-31'))) expect(targetFor(list, sy2728)?.id).toBe('laatste');
  });

  it('of two targets of the same length, the one that starts later', () => {
    // 01-01-2025 to 31-12-2025 and 01-03-2025 to 28-02-2026: both 364 days after their first.
    const june = { start: '2025-06-01', end: '2025-06-30' };
    for (const list of both(t('kalender', '2025-01-01', '2025-12-31'), t('verschoven', '2025-03-01', '2026-02-28'))) expect(targetFor(list, june)?.id).toBe('verschoven');
  });

  it('only targets in force, and only ones that hold the whole period', () => {
    const sy2526 = { start: '2025-08-01', end: '2026-07-31' };
    expect(targetFor([t('oud', '2025-08-01', '2026-07-31'), t('nieuw', '2024-08-01', '2028-07-31', 'oud')], sy2526)?.id).toBe('nieuw');
    expect(targetFor([t('half', '2025-08-01', '2026-01-31')], sy2526)).toBeNull();
    expect(targetFor([], sy2526)).toBeNull();
  });

  it('targets in force come by the end of their period; a revision replaces the one it supersedes', () => {
    const list = [t('c', '2026-08-01', '2028-07-31'), t('a', '2024-08-01', '2025-07-31'), t('b', '2025-08-01', '2026-07-31'), t('a2', '2024-08-01', '2025-07-31', 'a')];
    expect(currentTargets(list).map((x) => x.id)).toEqual(['a2', 'b', 'c']);
    expect(revisionChain(list, list[3]!).map((x) => x.id)).toEqual(['a', 'a2']);
    // A revision of a target that is not in the list (or no longer): the chain is that revision alone.
    const orphan = t('x2', '2024-08-01', '2025-07-31', 'weg');
    expect(revisionChain([orphan], orphan)).toEqual([orphan]);
  });

  it('before any value, the target in force on the day is shown', () => {
    const targets = [range('2017-08-01', '2018-07-31', { kind: 'exact', value: 98 }), range('2016-08-01', '2017-07-31', { kind: 'exact', value: 97 })];
    const e = evaluate(ind({ targets }), '2017-09-01', th);
    expect(e).toMatchObject({ status: 'geen_gegevens', note: 'geen_meting', reached: false, latest: null });
    expect(e.target?.id).toBe(targets[0]!.id);
    expect(evaluate(ind({ targets }), '2019-01-01', th).target).toBeNull();
  });
});

describe('status rule: reached exactly at the target (rule 5)', () => {
  const at = (direction: IndicatorForStatus['direction'], spec: TargetSpec, value: number) =>
    evaluate(ind({ direction, targets: [programme(spec)], measurements: [m(HALF, value)] }), HALF, th).status;

  it('on the target is reached; a hair beside it is not', () => {
    expect(at('hoger', { kind: 'exact', value: 10 }, 10)).toBe('behaald');
    expect(at('hoger', { kind: 'exact', value: 10 }, 9.99)).not.toBe('behaald');
    expect(at('lager', { kind: 'exact', value: 10 }, 10)).toBe('behaald');
    expect(at('lager', { kind: 'exact', value: 10 }, 10.01)).not.toBe('behaald');
    expect(at('bandbreedte', band, 10)).toBe('behaald');
    expect(at('bandbreedte', band, 12)).toBe('behaald');
    expect(at('bandbreedte', band, 9.99)).not.toBe('behaald');
    expect(at('bandbreedte', band, 12.01)).not.toBe('behaald');
  });

  it('gives the latest value as entered, with its date, period, status and id', () => {
    const v = m(HALF, 11, { status: 'voorlopig' });
    const e = evaluate(ind({ targets: [programme({ kind: 'exact', value: 12 })], measurements: [v] }), HALF, th);
    expect(e.latest).toEqual({ value: 11, date: HALF, period: v.period, status: 'voorlopig', id: v.id });
  });

  it('a value that is not a number (no value, no parts) gives no status, with the target resolved', () => {
    const e = evaluate(ind({ targets: [programme({ kind: 'exact', value: 12 })], measurements: [m(HALF, null)] }), HALF, th);
    expect(e).toMatchObject({ status: 'geen_gegevens', note: 'geen_waarde', value: null, resolved: { min: 12, max: 12 } });
  });
});

describe('status rule: with or without a route (rules 7 and 8)', () => {
  const evalAt = (over: Partial<IndicatorForStatus>, value: number) => evaluate(ind({ ...over, measurements: [m(HALF, value)] }), HALF, th);

  it('a baseline without a value gives no route, even with a date', () => {
    const e = evalAt({ baseline: { value: null, date: '2024-08-01' }, targets: [programme({ kind: 'exact', value: 10 })] }, 8);
    // 2 short of 10: 20% <= 25%.
    expect(e).toMatchObject({ basis: 'streefwaarde', status: 'aandacht', progress: null });
  });

  it('a baseline on the edge of a range the direction aims at gives no route; the other edge does', () => {
    // Lower is better aims at the top of 10-12: from 12 there is no distance.
    expect(evalAt({ direction: 'lager', baseline: { value: 12, date: '2024-08-01' }, targets: [programme(band)] }, 13)).toMatchObject({ basis: 'streefwaarde', status: 'aandacht' });
    expect(evalAt({ direction: 'lager', baseline: { value: 10, date: '2024-08-01' }, targets: [programme(band)] }, 13).basis).toBe('route');
    // Higher is better aims at the bottom: from 10 there is none.
    expect(evalAt({ direction: 'hoger', baseline: { value: 10, date: '2024-08-01' }, targets: [programme(band)] }, 9)).toMatchObject({ basis: 'streefwaarde', status: 'aandacht' });
    expect(evalAt({ direction: 'hoger', baseline: { value: 12, date: '2024-08-01' }, targets: [programme(band)] }, 9).basis).toBe('route');
    // A band always has a route from a dated baseline, also one on its edge.
    expect(evalAt({ direction: 'bandbreedte', baseline: { value: 10, date: '2024-08-01' }, targets: [programme(band)] }, 13).basis).toBe('route');
  });

  it('a range target is approached at the edge the direction names', () => {
    // Lower is better, from 20 towards 12: at 16 half the way at half the time.
    expect(evalAt({ direction: 'lager', baseline: { value: 20, date: '2024-08-01' }, targets: [programme(band)] }, 16)).toMatchObject({ progress: 0.5, expected: 0.5, status: 'op_koers' });
    // Higher is better, from 4 towards 10: at 7 half the way.
    expect(evalAt({ direction: 'hoger', baseline: { value: 4, date: '2024-08-01' }, targets: [programme(band)] }, 7)).toMatchObject({ progress: 0.5, expected: 0.5, status: 'op_koers' });
  });
});

describe('status rule: a band (bandbreedte) along its route', () => {
  const bandAt = (baseline: number, value: number) =>
    evaluate(ind({ direction: 'bandbreedte', baseline: { value: baseline, date: '2024-08-01' }, targets: [programme(band)], measurements: [m(HALF, value)] }), HALF, th);

  it('from outside the band: progress towards its nearer edge, against the time passed', () => {
    // From 20 towards 12: at 14, (14 - 20) / (12 - 20) = 0.75 at half the time.
    expect(bandAt(20, 14)).toMatchObject({ progress: 0.75, expected: 0.5, status: 'op_koers' });
    // From 4 towards 10: at 7 half the way (op koers); at 5 a sixth (lag 1/3: achter).
    expect(bandAt(4, 7)).toMatchObject({ progress: 0.5, status: 'op_koers' });
    expect(bandAt(4, 5).status).toBe('achter');
    expect(bandAt(4, 5).progress).toBeCloseTo(1 / 6, 12);
  });

  it('from inside the band: how far the value strayed, against the band\'s width', () => {
    // Band 10-12 (width 2): 13 is 1 above, progress 1 - 1/2.
    expect(bandAt(11, 13)).toMatchObject({ progress: 0.5, status: 'achter' });
    expect(bandAt(11, 12.1).status).toBe('op_koers');
    expect(bandAt(11, 12.1).progress).toBeCloseTo(0.95, 12);
    expect(bandAt(11, 9)).toMatchObject({ progress: 0.5, status: 'achter' });
    expect(bandAt(11, 9.8).progress).toBeCloseTo(0.9, 12);
    expect(bandAt(11, 9.8).status).toBe('op_koers');
    // A baseline on an edge is inside the band.
    expect(bandAt(10, 13)).toMatchObject({ progress: 0.5, status: 'achter' });
    expect(bandAt(12, 9)).toMatchObject({ progress: 0.5, status: 'achter' });
  });
});

describe('status rule: a count per period that must stay at 0', () => {
  const sy2526: Period = periodOf('schooljaar', '2025-08-01');
  const zero = (value: number) =>
    evaluate(
      ind({ direction: 'lager', aggregation: 'aantal', targets: [range(sy2526.start, sy2526.end, { kind: 'exact', value: 0 })], measurements: [m('2025-10-01', value, { period: sy2526 })] }),
      '2025-11-01',
      th,
    );

  it('one is over budget at once; none is on course until the period is over', () => {
    expect(zero(1)).toMatchObject({ progress: 2, status: 'achter', reached: false });
    expect(zero(0)).toMatchObject({ progress: 0, status: 'op_koers', reached: false });
  });
});
