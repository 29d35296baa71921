// The smaller result rules at their edges: the chart axis, the worst status, Dutch numbers typed
// and shown, pasted DUO figures, school years, measurement moments and linked ("waarvan")
// indicators. Pure functions, hand-written inputs, hand-computed expectations; also run by
// npm run mutation.
import { describe, expect, it } from 'vitest';
import { measurementValues } from './measurement-values';
import { valueAxis } from '../../shared/results/axis';
import { STATUS_ICON, worstStatus } from '../../shared/results/symbols';
import { formatIndicatorValue, formatNumber, formatRange, parseNumberInput, percentReading, readNumberInput, readPercentage } from '../../shared/results/format';
import { parseRegionPaste } from '../../shared/results/paste';
import { addDays, dayNumber, daysBetween, inSchoolYearsOf, isSchoolYear, schoolYearRange, schoolYearsBetween } from '../../shared/results/schoolYear';
import { missedMoments as missedMomentsOf, momentsBetween, momentsWithPeriods, staleProvisional, type MomentPlan } from '../../shared/results/moments';
import { linkedSentence, parentNumerator } from '../../shared/results/linked';
import type { Period } from '../../shared/results/periods';

// npm run mutation runs this file once per mutant without reloading moments.ts, whose cache of
// moment windows is keyed by the target periods: one more target period, unique per run and after
// every date (no moment lies in it or after it), keeps windows computed under one mutant from
// serving the next run. It changes no answer.
const APART = { start: `9999-12-31~${Math.random()}`, end: '9999-12-31~' };
const missedMoments = (...[plan, range, asOf, ms, targets]: Parameters<typeof missedMomentsOf>) => missedMomentsOf(plan, range, asOf, ms, [...targets, APART]);

const SY = (y: number): Period => ({ kind: 'schooljaar', start: `${y}-08-01`, end: `${y + 1}-07-31` });
const mv = measurementValues(SY(2016), 'r');

describe('the value axis of a trend chart', () => {
  it('high percentages start at a round base at least 10 points below the top, and stop at 100', () => {
    expect(valueAxis([97, 98.5], 'percentage')).toEqual({ lo: 80, hi: 100, ticks: [80, 90, 100] });
    expect(valueAxis([60, 62], 'percentage')).toEqual({ lo: 50, hi: 65, ticks: [50, 57.5, 65] });
    expect(valueAxis([50, 55], 'percentage')).toEqual({ lo: 40, hi: 55, ticks: [40, 47.5, 55] });
    // The base is the lower of the lowest value and the top minus 10, rounded down to ten.
    expect(valueAxis([70, 71], 'percentage')).toEqual({ lo: 60, hi: 75, ticks: [60, 67.5, 75] });
    expect(valueAxis([95, 120], 'percentage')).toEqual({ lo: 90, hi: 150, ticks: [90, 120, 150] });
    expect(valueAxis([96, 100], 'percentage')).toEqual({ lo: 90, hi: 100, ticks: [90, 95, 100] });
  });

  it('low percentages, counts and amounts start at 0; the top is the next round number', () => {
    expect(valueAxis([49.9, 55], 'percentage')).toEqual({ lo: 0, hi: 55, ticks: [0, 27.5, 55] });
    expect(valueAxis([2, 3], 'percentage')).toEqual({ lo: 0, hi: 3, ticks: [0, 1.5, 3] });
    expect(valueAxis([430], 'count')).toEqual({ lo: 0, hi: 450, ticks: [0, 225, 450] });
    expect(valueAxis([2.3], 'count')).toEqual({ lo: 0, hi: 2.5, ticks: [0, 1.25, 2.5] });
    expect(valueAxis([100], 'count')).toEqual({ lo: 0, hi: 100, ticks: [0, 50, 100] });
    expect(valueAxis([70, 71], 'count')).toEqual({ lo: 0, hi: 75, ticks: [0, 37.5, 75] });
  });

  it('nothing, zeros, negatives and non-numbers', () => {
    expect(valueAxis([], 'count')).toEqual({ lo: 0, hi: 1, ticks: [0, 0.5, 1] });
    expect(valueAxis([], 'percentage')).toEqual({ lo: 0, hi: 1, ticks: [0, 0.5, 1] });
    expect(valueAxis([0, 0], 'count')).toEqual({ lo: 0, hi: 1, ticks: [0, 0.5, 1] });
    expect(valueAxis([-5, -2], 'count')).toEqual({ lo: -5, hi: 0, ticks: [-5, -2.5, 0] });
    expect(valueAxis([-5, 0], 'count')).toEqual({ lo: -5, hi: 0, ticks: [-5, -2.5, 0] });
    expect(valueAxis([-5], 'count')).toEqual({ lo: -5, hi: -4, ticks: [-5, -4.5, -4] });
    expect(valueAxis([Number.NaN, Number.POSITIVE_INFINITY, 4], 'count')).toEqual({ lo: 0, hi: 4, ticks: [0, 2, 4] });
  });
});

describe('the status of a measure', () => {
  it('is the worst status of its indicators; "geen gegevens" only when none has one', () => {
    expect(worstStatus([])).toBe('geen_gegevens');
    expect(worstStatus(['geen_gegevens'])).toBe('geen_gegevens');
    expect(worstStatus(['behaald', 'geen_gegevens'])).toBe('behaald');
    expect(worstStatus(['behaald', 'op_koers'])).toBe('op_koers');
    expect(worstStatus(['op_koers', 'aandacht', 'behaald'])).toBe('aandacht');
    expect(worstStatus(['aandacht', 'achter', 'geen_gegevens'])).toBe('achter');
    expect(worstStatus(new Set(['behaald', 'achter'] as const))).toBe('achter');
  });
  it('has a symbol of its own per status, so it never depends on colour alone', () => {
    expect(STATUS_ICON).toEqual({ behaald: '✔', op_koers: '➜', aandacht: '⚠', achter: '✖', geen_gegevens: '○' });
  });
});

describe('Dutch numbers shown', () => {
  it('thousands with a point, decimals with a comma, trailing zeros dropped, never "-0"', () => {
    expect(formatNumber(1234567.891)).toBe('1.234.567,89');
    expect(formatNumber(-1234.5)).toBe('-1.234,5');
    expect(formatNumber(1.05)).toBe('1,05');
    expect(formatNumber(12.3)).toBe('12,3');
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(0.25, 1)).toBe('0,3');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-0.01)).toBe('-0,01');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234.4, 0)).toBe('1.234');
  });

  it('a value in its unit; no value is a dash', () => {
    expect(formatIndicatorValue('percentage', 12.5)).toBe('12,5%');
    expect(formatIndicatorValue('euro', 12.6)).toBe('€ 0,13');
    expect(formatIndicatorValue('dagen', 1)).toBe('1 dag');
    expect(formatIndicatorValue('dagen', 2)).toBe('2 dagen');
    expect(formatIndicatorValue('dagen', 1.25)).toBe('1,3 dagen');
    expect(formatIndicatorValue('aantal', 1234.56)).toBe('1.234,6');
    expect(formatIndicatorValue('vrij', 3.256, 'uur')).toBe('3,26 uur');
    expect(formatIndicatorValue('vrij', 3.256)).toBe('3,26');
    expect(formatIndicatorValue('aantal', null)).toBe('—');
    expect(formatIndicatorValue('aantal', Number.NaN)).toBe('—');
  });

  it('a range, one value when both ends are the same', () => {
    expect(formatRange('percentage', null)).toBe('—');
    expect(formatRange('percentage', { min: 5, max: 5 })).toBe('5%');
    expect(formatRange('percentage', { min: 5, max: 7.5 })).toBe('5% – 7,5%');
    expect(formatRange('vrij', { min: 1, max: 2 }, 'uur')).toBe('1 uur – 2 uur');
    expect(formatRange('vrij', { min: 1, max: 2 })).toBe('1 – 2');
  });
});

describe('Dutch numbers typed', () => {
  it('comma decimals, thousands points, spaces, a percent sign and the minus sign', () => {
    expect(readNumberInput(' 12,5 % ')).toEqual({ value: 12.5, dot: false });
    expect(readNumberInput('12,25')).toEqual({ value: 12.25, dot: false });
    expect(readNumberInput('1 234')).toEqual({ value: 1234, dot: false });
    expect(readNumberInput('1\u00a0234\u202f5')).toEqual({ value: 12345, dot: false });
    expect(readNumberInput('\u22123')).toEqual({ value: -3, dot: false });
    expect(readNumberInput('1.234,56')).toEqual({ value: 1234.56, dot: false });
    expect(readNumberInput('-1.234.567')).toEqual({ value: -1234567, dot: false });
    expect(readNumberInput('12.345')).toEqual({ value: 12345, dot: false });
  });

  it('a point that cannot be a thousands point is read as the decimal sign, and says so', () => {
    expect(readNumberInput('0.975')).toEqual({ value: 0.975, dot: true });
    expect(readNumberInput('97.5')).toEqual({ value: 97.5, dot: true });
    expect(readNumberInput('12.5')).toEqual({ value: 12.5, dot: true });
    expect(readNumberInput('-0.5')).toEqual({ value: -0.5, dot: true });
    expect(readNumberInput('01.234')).toEqual({ value: 1.234, dot: true });
    expect(readNumberInput('1.2345')).toEqual({ value: 1.2345, dot: true });
    expect(parseNumberInput('0.975')).toBeNull();
  });

  it('anything else is no number, never 0', () => {
    for (const s of ['', '  ', '%', 'abc', '12.', '1.2.3', '1,2,3', '1%2', '12%%', 'x12', '12x', 'x1.234', '1.234x', 'x0.5', '0.5x', '1.234,5x', '1-2'])
      expect(readNumberInput(s), s).toEqual({ value: null, dot: false });
  });

  it('a percentage field says how it read the input, and refuses what lies outside 0-100', () => {
    expect(percentReading('97,5')).toBe('Gelezen als 97,5%.');
    expect(percentReading('0.975')).toBe('Gelezen als 0,975%: de punt is als komma gelezen. Bedoelt u iets anders, schrijf dan bijvoorbeeld 97,5.');
    expect(percentReading('abc')).toBeUndefined();
    expect(readPercentage('abc')).toEqual({ value: null, error: 'vul een getal in.' });
    expect(readPercentage('100,5')).toEqual({ value: null, error: 'Gelezen als 100,5%. Een percentage ligt tussen 0 en 100.' });
    expect(readPercentage('-1')).toEqual({ value: null, error: 'Gelezen als -1%. Een percentage ligt tussen 0 en 100.' });
    expect(readPercentage('0')).toEqual({ value: 0 });
    expect(readPercentage('100')).toEqual({ value: 100 });
    expect(readPercentage('50,5')).toEqual({ value: 50.5 });
  });
});

describe('DUO figures pasted from a spreadsheet', () => {
  it('each cell checked, with the line number and the value found', () => {
    const text = [
      '2023/2024\tmbo 1\t10\t1',
      '',
      'geen jaar\tmbo 1\t10\t1',
      '2023/2024',
      '2023/2024\tmbo 1\t12,5\t1',
      '2023/2024\tmbo 1\t-1\t1',
      '2023/2024\tmbo 1\t10\t1,5',
      '2023/2024\tmbo 1\t10\t-1',
      '2023/2024\tmbo 1\t10\tx',
      '2023/2024\tmbo 1\t10\t10\tDEF',
      '2023/2024\tmbo 1\t10\t1\t\t\t101',
      '2023/2024\tmbo 1\t10\t1\t\t\t-1',
      '2023/2024\tmbo 1\t10\t1\t\t\tx',
      '2023/2024\tmbo 1\t10\t11',
      '2023/2024\tmbo 1',
      '2023/2024\tmbo 1\t10',
      '   ',
      '2023/2024\tmbo 2\t10\t1\t\t\t100',
    ].join('\n');
    const r = parseRegionPaste(text, 'Test');
    expect(r.rows.map((x) => [x.onderwijssoort, x.nationalNorm])).toEqual([['mbo1', null], ['mbo2', 100]]);
    expect(r.errors).toEqual([
      { line: 3, message: '"geen jaar" is geen schooljaar (schrijf 2024/2025)' },
      { line: 4, message: 'onbekende onderwijssoort ""' },
      { line: 5, message: 'aantal deelnemers "12,5" is geen heel getal' },
      { line: 6, message: 'aantal deelnemers "-1" is geen heel getal' },
      { line: 7, message: 'aantal vsv\'ers "1,5" is geen heel getal' },
      { line: 8, message: 'aantal vsv\'ers "-1" is geen heel getal' },
      { line: 9, message: 'aantal vsv\'ers "x" is geen heel getal' },
      { line: 10, message: '"DEF" is niet voorlopig of definitief' },
      { line: 11, message: 'landelijke norm "101" is geen percentage' },
      { line: 12, message: 'landelijke norm "-1" is geen percentage' },
      { line: 13, message: 'landelijke norm "x" is geen percentage' },
      { line: 14, message: "meer vsv'ers dan deelnemers" },
      { line: 15, message: 'aantal deelnemers "" is geen heel getal' },
      { line: 16, message: 'aantal vsv\'ers "" is geen heel getal' },
    ]);
  });

  it('reads every kind of school as DUO and people write it; status in any case, norm and version optional', () => {
    const text = [
      "Schooljaar\tSoort\tDeelnemers\tVsv'ers",
      ' 2023-2024 \t MBO niveau 3/4 \t 1.200 \t 12 \t Voorlopig \t VSV 2022 \t 5,5 ',
      '2023/2024\tvo_onderbouw\t0\t0\tDEFINITIEF\t\t0',
      '2023/2024\tHavo/VWO-bovenbouw\t10\t10',
      '2023/2024\tmbo niveau 1\t1\t0',
    ].join('\r');
    const r = parseRegionPaste(text);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { schoolYear: '2023/2024', onderwijssoort: 'mbo34', students: 1200, leavers: 12, percentage: null, nationalNorm: 5.5, status: 'voorlopig', definitionVersion: 'VSV 2022', source: 'Geplakt uit spreadsheet' },
      { schoolYear: '2023/2024', onderwijssoort: 'vo_onderbouw', students: 0, leavers: 0, percentage: null, nationalNorm: 0, status: 'definitief', definitionVersion: '', source: 'Geplakt uit spreadsheet' },
      { schoolYear: '2023/2024', onderwijssoort: 'havo_vwo_bovenbouw', students: 10, leavers: 10, percentage: null, nationalNorm: null, status: 'definitief', definitionVersion: '', source: 'Geplakt uit spreadsheet' },
      { schoolYear: '2023/2024', onderwijssoort: 'mbo1', students: 1, leavers: 0, percentage: null, nationalNorm: null, status: 'definitief', definitionVersion: '', source: 'Geplakt uit spreadsheet' },
    ]);
  });
});

describe('school years', () => {
  it('are written "2025/2026": two years in a row', () => {
    expect(isSchoolYear('2025/2026')).toBe(true);
    expect(isSchoolYear('2025/2027')).toBe(false);
    expect(isSchoolYear('2025-2026')).toBe(false);
    expect(isSchoolYear('x2025/2026')).toBe(false);
    expect(schoolYearRange('2025/2026')).toEqual({ start: '2025-08-01', end: '2026-07-31' });
    expect(() => schoolYearRange('2025/2027')).toThrow('Not a school year: 2025/2027');
    expect(() => schoolYearRange('abc')).toThrow('Not a school year: abc');
  });

  it('every school year a period touches; a date within those whole years', () => {
    expect(schoolYearsBetween('2017-07-31', '2017-08-01')).toEqual(['2016/2017', '2017/2018']);
    expect(schoolYearsBetween('2017-08-01', '2017-08-01')).toEqual(['2017/2018']);
    expect(schoolYearsBetween('2017-08-02', '2017-08-01')).toEqual([]);
    expect(schoolYearsBetween('2017-02-30', '2017-08-01')).toEqual([]);
    expect(schoolYearsBetween('2017-02-03', '2017-13-01')).toEqual([]);
    expect(inSchoolYearsOf('2016-08-01', '2017-01-01', '2017-02-01')).toBe(true);
    expect(inSchoolYearsOf('2017-07-31', '2017-01-01', '2017-02-01')).toBe(true);
    expect(inSchoolYearsOf('2017-08-01', '2017-01-01', '2017-02-01')).toBe(false);
    expect(inSchoolYearsOf('2016-07-31', '2017-01-01', '2017-02-01')).toBe(false);
    expect(inSchoolYearsOf('2017-02-30', '2017-01-01', '2017-02-01')).toBe(false);
    expect(inSchoolYearsOf('2017-01-05', '2017-02-01', '2017-01-01')).toBe(false);
  });

  it('days counted in UTC, across a leap day and the turn of the year', () => {
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2017-01-01', -1)).toBe('2016-12-31');
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2016-03-01', '2016-02-28')).toBe(-2);
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

describe('measurement moments', () => {
  it('every moment from..to, both days included, in order; a 29 February only in a leap year', () => {
    expect(momentsBetween({ kind: 'lijst', dates: ['2017-06-01', '2017-01-01', '2018-01-01', '2016-12-31'] }, '2017-01-01', '2017-06-01')).toEqual(['2017-01-01', '2017-06-01']);
    expect(momentsBetween({ kind: 'jaarlijks', dates: ['10-01'] }, '2017-10-01', '2017-10-01')).toEqual(['2017-10-01']);
    expect(momentsBetween({ kind: 'jaarlijks', dates: ['10-01'] }, '2017-10-02', '2017-10-01')).toEqual([]);
    expect(momentsBetween({ kind: 'jaarlijks', dates: ['11-01', '02-29', '03-01'] }, '2015-06-01', '2017-03-01')).toEqual(['2015-11-01', '2016-02-29', '2016-03-01', '2016-11-01', '2017-03-01']);
  });

  it('each moment with the period it reports on, by its own rule', () => {
    const plan: MomentPlan = { kind: 'jaarlijks', dates: ['10-01', '11-01'], periods: ['lopend', 'vorig'], periodKind: 'schooljaar' };
    expect(momentsWithPeriods(plan, '2017-09-01', '2017-12-31')).toEqual([
      { date: '2017-10-01', period: SY(2017) },
      { date: '2017-11-01', period: SY(2016) },
    ]);
    expect(momentsWithPeriods({ kind: 'lijst', dates: ['2017-03-01'], periods: ['vorig'], periodKind: 'kwartaal' }, '2017-01-01', '2017-12-31')).toEqual([
      { date: '2017-03-01', period: { kind: 'kwartaal', start: '2016-10-01', end: '2016-12-31' } },
    ]);
    expect(momentsWithPeriods({ kind: 'jaarlijks', dates: ['10-01'], periodKind: 'schooljaar' }, '2017-09-01', '2017-12-31')).toEqual([{ date: '2017-10-01', period: SY(2017) }]);
  });

  it('a value counts for a moment from 45 days before it on; a moment is missed 30 days after it, only with a target', () => {
    const plan: MomentPlan = { kind: 'jaarlijks', dates: ['10-01'], periods: ['lopend'], periodKind: 'schooljaar' };
    const range = { from: '2016-08-01', to: '2018-07-31' };
    const targets = [SY(2016), SY(2017)];
    // 17-08-2016 is exactly 45 days before 01-10-2016; 16-08-2017 is 46 days before 01-10-2017.
    const ms = [mv({ date: '2016-08-17', period: SY(2016) }), mv({ date: '2017-08-16', period: SY(2017) })];
    expect(missedMoments(plan, range, '2018-09-01', ms, targets)).toEqual([{ date: '2017-10-01', period: SY(2017) }]);
    expect(missedMoments(plan, range, '2018-09-01', ms, [SY(2016)])).toEqual([]);
    // 31-10-2017 is 30 days after the moment: missed from that day on, not the day before.
    expect(missedMoments(plan, range, '2017-10-31', ms, targets)).toEqual([{ date: '2017-10-01', period: SY(2017) }]);
    expect(missedMoments(plan, range, '2017-10-30', ms, targets)).toEqual([]);
  });

  it('two moments about one period each need their own value: a value counts until the window of the next', () => {
    const plan: MomentPlan = { kind: 'halfjaarlijks', dates: ['01-15', '06-15'], periods: ['lopend', 'lopend'], periodKind: 'schooljaar' };
    const range = { from: '2016-08-01', to: '2017-07-31' };
    // 01-05-2017 is exactly 45 days before 15-06-2017: it belongs to June's moment, not January's.
    const june = [mv({ date: '2017-05-01', period: SY(2016) })];
    expect(missedMoments(plan, range, '2017-12-01', june, [SY(2016)])).toEqual([{ date: '2017-01-15', period: SY(2016) }]);
    const january = [mv({ date: '2017-04-30', period: SY(2016) })];
    expect(missedMoments(plan, range, '2017-12-01', january, [SY(2016)])).toEqual([{ date: '2017-06-15', period: SY(2016) }]);
    // A value about another period fills neither.
    expect(missedMoments(plan, range, '2017-12-01', [mv({ date: '2017-05-01', period: SY(2017) })], [SY(2016)])).toHaveLength(2);
  });

  it('the last day of the programme is a moment; after it only moments about a period that ended by then', () => {
    const onEnd: MomentPlan = { kind: 'lijst', dates: ['2018-06-30'], periods: ['lopend'], periodKind: 'schooljaar' };
    expect(missedMoments(onEnd, { from: '2016-08-01', to: '2018-06-30' }, '2019-01-01', [], [SY(2017)])).toEqual([{ date: '2018-06-30', period: SY(2017) }]);
    expect(missedMoments(onEnd, { from: '2016-08-01', to: '2018-06-29' }, '2019-01-01', [], [SY(2017)])).toEqual([]);
    const november: MomentPlan = { kind: 'jaarlijks', dates: ['11-01'], periods: ['vorig'], periodKind: 'schooljaar' };
    expect(missedMoments(november, { from: '2017-08-01', to: '2018-07-31' }, '2019-06-01', [], [SY(2017), SY(2018)])).toEqual([{ date: '2018-11-01', period: SY(2017) }]);
  });

  it('custom periods: the same plan and range judged against other target periods gives their own moments', () => {
    const plan: MomentPlan = { kind: 'lijst', dates: ['2017-03-01'], periods: ['lopend'], periodKind: 'vrij' };
    const range = { from: '2016-08-01', to: '2018-07-31' };
    const a = { start: '2017-01-01', end: '2017-06-30' };
    const b = { start: '2016-09-01', end: '2017-12-31' };
    expect(missedMoments(plan, range, '2018-09-01', [], [a])).toEqual([{ date: '2017-03-01', period: { kind: 'halfjaar', ...a } }]);
    expect(missedMoments(plan, range, '2018-09-01', [], [b])).toEqual([{ date: '2017-03-01', period: { kind: 'vrij', ...b } }]);
  });

  it('provisional values still counting, measured more than a year before', () => {
    const old = mv({ date: '2017-02-28', status: 'voorlopig' });
    const exactlyAYear = mv({ date: '2017-03-01', status: 'voorlopig' });
    const definitive = mv({ date: '2016-05-01' });
    const replaced = mv({ date: '2016-03-01', status: 'voorlopig', period: SY(2015) });
    const replacing = mv({ date: '2016-11-01', period: SY(2015) });
    expect(staleProvisional([old, exactlyAYear, definitive, replaced, replacing], '2018-03-01').map((m) => m.id)).toEqual([old.id]);
  });
});

describe('linked ("waarvan") indicators', () => {
  const a = mv({ date: '2017-03-01', numerator: 100, denominator: 200, status: 'voorlopig' });
  const b = mv({ date: '2017-11-01', numerator: 120, denominator: 200 });
  const c = mv({ date: '2017-10-01', numerator: 50, denominator: 60, period: SY(2017) });
  const pct = mv({ date: '2017-05-01', value: 50, status: 'voorlopig' });

  it("the part's denominator is the parent's numerator of the same period: same day, else the latest before", () => {
    expect(parentNumerator([a, b, c], SY(2016), '2017-03-01')).toBe(100);
    expect(parentNumerator([a, b, c], SY(2016), '2017-06-01')).toBe(100);
    // Once the definitive figure is there, it replaces the provisional one.
    expect(parentNumerator([a, b, c], SY(2016), '2017-12-01')).toBe(120);
    expect(parentNumerator([a, b, c], SY(2016), '2017-02-01')).toBeNull();
    expect(parentNumerator([a, b, c], SY(2017), '2017-12-01')).toBe(50);
    expect(parentNumerator([c], SY(2016), '2017-12-01')).toBeNull();
    // The latest before without a numerator is skipped: an earlier one with one counts.
    expect(parentNumerator([a, pct], SY(2016), '2017-06-01')).toBe(100);
  });

  it('a parent value of the same day without a numerator gives none: the part is not held to an older count', () => {
    expect(parentNumerator([a, pct], SY(2016), '2017-05-01')).toBeNull();
  });

  it('one sentence: the parent, then each part after "waarvan"', () => {
    const part = { unit: 'percentage' as const, freeUnit: '', name: 'met DDD', phrase: '' };
    expect(linkedSentence({ unit: 'percentage', freeUnit: '', name: 'Overstappers', phrase: 'in beeld', value: 98 }, [{ ...part, value: 95 }, { ...part, name: 'gesproken', value: null }])).toBe(
      '98% in beeld, waarvan 95% met DDD, waarvan — gesproken',
    );
  });
});
