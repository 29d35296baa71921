// Reporting periods (shared/results/periods.ts) at their edges: first and last days, the turn of
// the year, codes and labels read back, which period a moment reports on. Hand-written dates and
// hand-computed expectations; also run by npm run mutation.
import { describe, expect, it } from 'vitest';
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
  samePeriod,
  shiftPeriod,
  within,
  type Period,
} from '../../shared/results/periods';

const P = (kind: Period['kind'], start: string, end: string): Period => ({ kind, start, end });

describe('the period that holds a day', () => {
  it('a school year runs from 1 August to 31 July: both edges belong to it', () => {
    expect(periodOf('schooljaar', '2017-03-15')).toEqual(P('schooljaar', '2016-08-01', '2017-07-31'));
    expect(periodOf('schooljaar', '2017-07-31')).toEqual(P('schooljaar', '2016-08-01', '2017-07-31'));
    expect(periodOf('schooljaar', '2017-08-01')).toEqual(P('schooljaar', '2017-08-01', '2018-07-31'));
    expect(periodOf('schooljaar', '2017-12-31')).toEqual(P('schooljaar', '2017-08-01', '2018-07-31'));
    expect(periodOf('schooljaar', '2018-01-01')).toEqual(P('schooljaar', '2017-08-01', '2018-07-31'));
  });

  it('calendar years, half years and quarters', () => {
    expect(periodOf('kalenderjaar', '2017-12-31')).toEqual(P('kalenderjaar', '2017-01-01', '2017-12-31'));
    expect(periodOf('kalenderjaar', '2017-01-01')).toEqual(P('kalenderjaar', '2017-01-01', '2017-12-31'));
    expect(periodOf('halfjaar', '2017-06-30')).toEqual(P('halfjaar', '2017-01-01', '2017-06-30'));
    expect(periodOf('halfjaar', '2017-07-01')).toEqual(P('halfjaar', '2017-07-01', '2017-12-31'));
    expect(periodOf('halfjaar', '2017-12-31')).toEqual(P('halfjaar', '2017-07-01', '2017-12-31'));
    expect(periodOf('kwartaal', '2017-01-01')).toEqual(P('kwartaal', '2017-01-01', '2017-03-31'));
    expect(periodOf('kwartaal', '2017-05-15')).toEqual(P('kwartaal', '2017-04-01', '2017-06-30'));
    expect(periodOf('kwartaal', '2017-09-30')).toEqual(P('kwartaal', '2017-07-01', '2017-09-30'));
    expect(periodOf('kwartaal', '2017-10-01')).toEqual(P('kwartaal', '2017-10-01', '2017-12-31'));
    expect(periodOf('kwartaal', '2017-12-31')).toEqual(P('kwartaal', '2017-10-01', '2017-12-31'));
  });

  it('the period before and after, also across the turn of the year', () => {
    const sy = P('schooljaar', '2016-08-01', '2017-07-31');
    expect(shiftPeriod(sy, 1)).toEqual(P('schooljaar', '2017-08-01', '2018-07-31'));
    expect(shiftPeriod(sy, -1)).toEqual(P('schooljaar', '2015-08-01', '2016-07-31'));
    expect(shiftPeriod(P('kwartaal', '2017-01-01', '2017-03-31'), -1)).toEqual(P('kwartaal', '2016-10-01', '2016-12-31'));
    expect(shiftPeriod(P('kwartaal', '2017-10-01', '2017-12-31'), 1)).toEqual(P('kwartaal', '2018-01-01', '2018-03-31'));
    expect(shiftPeriod(P('kwartaal', '2017-04-01', '2017-06-30'), 1)).toEqual(P('kwartaal', '2017-07-01', '2017-09-30'));
    expect(shiftPeriod(P('halfjaar', '2017-07-01', '2017-12-31'), 1)).toEqual(P('halfjaar', '2018-01-01', '2018-06-30'));
    expect(shiftPeriod(P('halfjaar', '2017-01-01', '2017-06-30'), -1)).toEqual(P('halfjaar', '2016-07-01', '2016-12-31'));
    expect(shiftPeriod(P('kalenderjaar', '2017-01-01', '2017-12-31'), -1)).toEqual(P('kalenderjaar', '2016-01-01', '2016-12-31'));
    expect(() => shiftPeriod(P('vrij', '2017-01-01', '2017-02-01'), 1)).toThrow(/custom range/);
  });

  it('every period that overlaps a range, the partial first and last included', () => {
    expect(periodsBetween('kwartaal', '2017-02-15', '2017-07-01').map((p) => p.start)).toEqual(['2017-01-01', '2017-04-01', '2017-07-01']);
    expect(periodsBetween('kwartaal', '2017-02-15', '2017-06-30').map((p) => p.start)).toEqual(['2017-01-01', '2017-04-01']);
    expect(periodsBetween('schooljaar', '2017-05-05', '2017-05-05')).toEqual([P('schooljaar', '2016-08-01', '2017-07-31')]);
    expect(periodsBetween('schooljaar', '2017-05-05', '2017-05-04')).toEqual([]);
    expect(periodsBetween('schooljaar', '2017-02-30', '2018-05-04')).toEqual([]);
    expect(periodsBetween('schooljaar', '2017-02-03', '2018-13-04')).toEqual([]);
  });
});

describe('the kind of a range', () => {
  it('is read from its days; anything else is a custom range', () => {
    expect(classifyRange('2016-08-01', '2017-07-31')).toEqual(P('schooljaar', '2016-08-01', '2017-07-31'));
    expect(classifyRange('2017-01-01', '2017-12-31')).toEqual(P('kalenderjaar', '2017-01-01', '2017-12-31'));
    expect(classifyRange('2017-07-01', '2017-12-31')).toEqual(P('halfjaar', '2017-07-01', '2017-12-31'));
    expect(classifyRange('2017-10-01', '2017-12-31')).toEqual(P('kwartaal', '2017-10-01', '2017-12-31'));
    expect(classifyRange('2017-01-01', '2017-03-30')).toEqual(P('vrij', '2017-01-01', '2017-03-30'));
    expect(classifyRange('2017-01-02', '2017-03-31')).toEqual(P('vrij', '2017-01-02', '2017-03-31'));
  });

  it('a period is valid with real days in order, and for a fixed kind exactly one period of it', () => {
    expect(isValidPeriod(P('vrij', '2017-01-05', '2017-01-05'))).toBe(true);
    expect(isValidPeriod(P('vrij', '2017-01-05', '2017-01-04'))).toBe(false);
    expect(isValidPeriod(P('vrij', '2017-02-30', '2017-03-04'))).toBe(false);
    expect(isValidPeriod(P('vrij', '2017-02-03', '2017-02-29'))).toBe(false);
    expect(isValidPeriod(P('kwartaal', '2017-04-01', '2017-06-30'))).toBe(true);
    expect(isValidPeriod(P('kwartaal', '2017-04-01', '2017-06-29'))).toBe(false);
    expect(isValidPeriod(P('kwartaal', '2017-04-02', '2017-06-30'))).toBe(false);
    expect(isValidPeriod(P('schooljaar', '2017-01-01', '2017-12-31'))).toBe(false);
  });

  it('the same period, one inside another (edges included), the day a value speaks for', () => {
    const y = { start: '2016-08-01', end: '2017-07-31' };
    expect(samePeriod(y, { ...y })).toBe(true);
    expect(samePeriod(y, { start: y.start, end: '2017-07-30' })).toBe(false);
    expect(samePeriod(y, { start: '2016-08-02', end: y.end })).toBe(false);
    expect(within(y, y)).toBe(true);
    expect(within({ start: '2016-07-31', end: '2017-01-01' }, y)).toBe(false);
    expect(within({ start: '2017-01-01', end: '2017-08-01' }, y)).toBe(false);
    // Measured before the last day: its own date; on or after it: the last day.
    expect(describedAt({ date: '2017-07-30', period: y })).toBe('2017-07-30');
    expect(describedAt({ date: '2017-07-31', period: y })).toBe('2017-07-31');
    expect(describedAt({ date: '2017-11-01', period: y })).toBe('2017-07-31');
  });
});

describe('codes and labels', () => {
  it('one code per kind, the same in exports, the CLI and Excel', () => {
    expect(periodCode(P('schooljaar', '2016-08-01', '2017-07-31'))).toBe('2016/2017');
    expect(periodCode(P('kalenderjaar', '2017-01-01', '2017-12-31'))).toBe('2017');
    expect(periodCode(P('halfjaar', '2017-01-01', '2017-06-30'))).toBe('2017-H1');
    expect(periodCode(P('halfjaar', '2017-07-01', '2017-12-31'))).toBe('2017-H2');
    expect(periodCode(P('kwartaal', '2017-01-01', '2017-03-31'))).toBe('2017-K1');
    expect(periodCode(P('kwartaal', '2017-07-01', '2017-09-30'))).toBe('2017-K3');
    expect(periodCode(P('kwartaal', '2017-10-01', '2017-12-31'))).toBe('2017-K4');
    expect(periodCode(P('vrij', '2017-01-01', '2017-03-15'))).toBe('2017-01-01/2017-03-15');
  });

  it('Dutch labels for screens', () => {
    expect(periodLabel(P('schooljaar', '2016-08-01', '2017-07-31'))).toBe('2016/2017');
    expect(periodLabel(P('kalenderjaar', '2017-01-01', '2017-12-31'))).toBe('2017');
    expect(periodLabel(P('halfjaar', '2017-01-01', '2017-06-30'))).toBe('1e halfjaar 2017');
    expect(periodLabel(P('halfjaar', '2017-07-01', '2017-12-31'))).toBe('2e halfjaar 2017');
    expect(periodLabel(P('kwartaal', '2017-04-01', '2017-06-30'))).toBe('2e kwartaal 2017');
    expect(periodLabel(P('kwartaal', '2017-10-01', '2017-12-31'))).toBe('4e kwartaal 2017');
    expect(periodLabel(P('vrij', '2017-01-01', '2017-03-15'))).toBe('01-01-2017 – 15-03-2017');
  });

  it('reads periods as people and files write them', () => {
    const sy = P('schooljaar', '2016-08-01', '2017-07-31');
    expect(parsePeriod('2016/2017')).toEqual(sy);
    expect(parsePeriod('2016-2017')).toEqual(sy);
    expect(parsePeriod(' 2016 / 2017 ')).toEqual(sy);
    expect(parsePeriod('2016/2018')).toBeNull();
    expect(parsePeriod('2017/2016')).toBeNull();
    expect(parsePeriod('2017')).toEqual(P('kalenderjaar', '2017-01-01', '2017-12-31'));
    const h1 = P('halfjaar', '2017-01-01', '2017-06-30');
    const h2 = P('halfjaar', '2017-07-01', '2017-12-31');
    expect(parsePeriod('2017-H1')).toEqual(h1);
    expect(parsePeriod('2017h2')).toEqual(h2);
    expect(parsePeriod('H2 2017')).toEqual(h2);
    expect(parsePeriod('1e  halfjaar   2017')).toEqual(h1);
    expect(parsePeriod('2E HALFJAAR 2017')).toEqual(h2);
    expect(parsePeriod('2017-H3')).toBeNull();
    const k2 = P('kwartaal', '2017-04-01', '2017-06-30');
    expect(parsePeriod('2017-K2')).toEqual(k2);
    expect(parsePeriod('2017q2')).toEqual(k2);
    expect(parsePeriod('Q4 2017')).toEqual(P('kwartaal', '2017-10-01', '2017-12-31'));
    expect(parsePeriod('k1 2017')).toEqual(P('kwartaal', '2017-01-01', '2017-03-31'));
    expect(parsePeriod('3e kwartaal 2017')).toEqual(P('kwartaal', '2017-07-01', '2017-09-30'));
    expect(parsePeriod('2017-K5')).toBeNull();
    expect(parsePeriod('2017-01-01/2017-03-15')).toEqual(P('vrij', '2017-01-01', '2017-03-15'));
    expect(parsePeriod('01-01-2017 – 15-03-2017')).toEqual(P('vrij', '2017-01-01', '2017-03-15'));
    expect(parsePeriod('1-1-2017 t/m 15.3.2017')).toEqual(P('vrij', '2017-01-01', '2017-03-15'));
    expect(parsePeriod('01-08-2016 TOT EN MET 31-07-2017')).toEqual(sy);
    expect(parsePeriod('2017-01-01-2017-03-31')).toEqual(P('kwartaal', '2017-01-01', '2017-03-31'));
    expect(parsePeriod('2017-03-15/2017-01-01')).toBeNull();
    expect(parsePeriod('2017-02-30/2017-03-01')).toBeNull();
    expect(parsePeriod('2017-01-01/2017-13-01')).toBeNull();
    expect(parsePeriod('x2017')).toBeNull();
    expect(parsePeriod('2017x')).toBeNull();
    expect(parsePeriod('x2017-K2')).toBeNull();
    expect(parsePeriod('K2 2017x')).toBeNull();
    expect(parsePeriod('x01-01-2017 – 15-03-2017')).toBeNull();
    expect(parsePeriod('01-01-2017 – 15-03-2017x')).toBeNull();
    for (const bad of ['x2017-H1', '2017-H1x', 'xH1 2017', 'H1 2017x', 'x1e halfjaar 2017', '1e halfjaar 2017x', '2017-K2x', 'xK2 2017', 'x2e kwartaal 2017', '2e kwartaal 2017x'])
      expect(parsePeriod(bad), bad).toBeNull();
    // A range of one day is a range.
    expect(parsePeriod('2017-01-05/2017-01-05')).toEqual(P('vrij', '2017-01-05', '2017-01-05'));
    expect(parsePeriod('x2016/2017')).toBeNull();
    expect(parsePeriod('2016/2017x')).toBeNull();
    expect(parsePeriod('')).toBeNull();
  });

  it('every code and label reads back as its period', () => {
    const periods = [
      P('schooljaar', '2019-08-01', '2020-07-31'),
      P('kalenderjaar', '2020-01-01', '2020-12-31'),
      P('halfjaar', '2020-07-01', '2020-12-31'),
      P('kwartaal', '2020-07-01', '2020-09-30'),
      P('vrij', '2020-02-03', '2020-02-29'),
    ];
    for (const p of periods) {
      expect(parsePeriod(periodCode(p))).toEqual(p);
      expect(parsePeriod(periodLabel(p))).toEqual(p);
    }
  });
});

describe('which period a moment reports on', () => {
  it('by default: the period before in the first month of a period, and in a school year also in November and December', () => {
    const sy = (mm: string) => defaultMomentPeriod('schooljaar', `${mm}-01`);
    expect(['08', '11', '12'].map(sy)).toEqual(['vorig', 'vorig', 'vorig']);
    expect(['07', '09', '10', '01'].map(sy)).toEqual(['lopend', 'lopend', 'lopend', 'lopend']);
    expect(defaultMomentPeriod('kalenderjaar', '01-15')).toBe('vorig');
    expect(defaultMomentPeriod('kalenderjaar', '02-01')).toBe('lopend');
    expect(defaultMomentPeriod('kalenderjaar', '12-31')).toBe('lopend');
    expect(defaultMomentPeriod('halfjaar', '07-01')).toBe('vorig');
    expect(defaultMomentPeriod('halfjaar', '06-30')).toBe('lopend');
    expect(['01', '04', '07', '10'].map((mm) => defaultMomentPeriod('kwartaal', `${mm}-01`))).toEqual(['vorig', 'vorig', 'vorig', 'vorig']);
    expect(['03', '05', '12'].map((mm) => defaultMomentPeriod('kwartaal', `${mm}-01`))).toEqual(['lopend', 'lopend', 'lopend']);
    expect(defaultMomentPeriod('vrij', '08-01')).toBe('lopend');
  });

  it('a fixed kind: the period of the date, or the one before it', () => {
    expect(reportingPeriod('schooljaar', 'lopend', '2017-10-01')).toEqual(P('schooljaar', '2017-08-01', '2018-07-31'));
    expect(reportingPeriod('schooljaar', 'vorig', '2017-11-01')).toEqual(P('schooljaar', '2016-08-01', '2017-07-31'));
    expect(reportingPeriod('kwartaal', 'vorig', '2017-01-10')).toEqual(P('kwartaal', '2016-10-01', '2016-12-31'));
  });

  it('custom ranges: the shortest target period holding the date (its last day included), or the last that ended before it', () => {
    const long = { start: '2016-08-01', end: '2018-07-31' };
    const short = { start: '2017-01-01', end: '2017-06-30' };
    const later = { start: '2017-07-01', end: '2017-12-15' };
    const targets = [long, later, short];
    expect(reportingPeriod('vrij', 'lopend', '2017-03-01', targets)).toEqual(P('halfjaar', '2017-01-01', '2017-06-30'));
    expect(reportingPeriod('vrij', 'lopend', '2017-06-30', targets)).toEqual(P('halfjaar', '2017-01-01', '2017-06-30'));
    expect(reportingPeriod('vrij', 'lopend', '2016-09-01', targets)).toEqual(P('vrij', '2016-08-01', '2018-07-31'));
    // Ended before the day: a period ending on the day itself is not "before" it.
    expect(reportingPeriod('vrij', 'vorig', '2017-12-15', targets)).toEqual(P('halfjaar', '2017-01-01', '2017-06-30'));
    expect(reportingPeriod('vrij', 'vorig', '2017-12-16', targets)).toEqual(P('vrij', '2017-07-01', '2017-12-15'));
    // In any order of entry.
    expect(reportingPeriod('vrij', 'vorig', '2017-12-16', [short, later, long])).toEqual(P('vrij', '2017-07-01', '2017-12-15'));
    expect(reportingPeriod('vrij', 'vorig', '2017-12-16', [long, later, short])).toEqual(P('vrij', '2017-07-01', '2017-12-15'));
    // Its first day lies in it too.
    expect(reportingPeriod('vrij', 'lopend', '2017-01-01', targets)).toEqual(P('halfjaar', '2017-01-01', '2017-06-30'));
    // The shortest, also when it ends later than a longer one.
    const twoYears = { start: '2016-01-01', end: '2017-12-31' };
    const sixteenMonths = { start: '2017-03-01', end: '2018-06-30' };
    expect(reportingPeriod('vrij', 'lopend', '2017-06-01', [twoYears, sixteenMonths])).toEqual(P('vrij', '2017-03-01', '2018-06-30'));
    expect(reportingPeriod('vrij', 'lopend', '2017-06-01', [sixteenMonths, twoYears])).toEqual(P('vrij', '2017-03-01', '2018-06-30'));
    // No target period fits: the school year rule.
    expect(reportingPeriod('vrij', 'vorig', '2017-03-01', targets)).toEqual(P('schooljaar', '2015-08-01', '2016-07-31'));
    expect(reportingPeriod('vrij', 'lopend', '2019-03-01', targets)).toEqual(P('schooljaar', '2018-08-01', '2019-07-31'));
    expect(reportingPeriod('vrij', 'lopend', '2017-03-01')).toEqual(P('schooljaar', '2016-08-01', '2017-07-31'));
  });

  it('a measurement takes the rule of the nearest moment within the window, else "lopend"', () => {
    const spec = { kind: 'jaarlijks' as const, dates: ['10-01', '11-01'], periods: ['lopend' as const, 'vorig' as const] };
    expect(momentRuleFor(spec, '2017-10-20', 45)).toBe('vorig'); // 12 days from 1 November, 19 from 1 October
    expect(momentRuleFor(spec, '2017-10-10', 45)).toBe('lopend');
    expect(momentRuleFor(spec, '2017-11-13', 12)).toBe('vorig'); // exactly at the window's edge
    expect(momentRuleFor(spec, '2017-11-14', 12)).toBe('lopend');
    // A moment of the year before or after counts too.
    expect(momentRuleFor({ kind: 'jaarlijks', dates: ['12-31'], periods: ['vorig'] }, '2018-01-05', 10)).toBe('vorig');
    expect(momentRuleFor({ kind: 'jaarlijks', dates: ['01-03'], periods: ['vorig'] }, '2017-12-30', 10)).toBe('vorig');
    // Of two as near, the first listed.
    expect(momentRuleFor({ kind: 'halfjaarlijks', dates: ['03-01', '03-21'], periods: ['vorig', 'lopend'] }, '2017-03-11', 45)).toBe('vorig');
    // A rule not given is "lopend"; a 29 February that does not exist is no moment.
    expect(momentRuleFor({ kind: 'jaarlijks', dates: ['03-01'], periods: [] }, '2017-03-01', 5)).toBe('lopend');
    expect(momentRuleFor({ kind: 'jaarlijks', dates: ['02-29'], periods: ['vorig'] }, '2017-03-01', 0)).toBe('lopend');
    expect(momentRuleFor({ kind: 'jaarlijks', dates: ['02-29'], periods: ['vorig'] }, '2016-03-01', 1)).toBe('vorig');
    expect(momentRuleFor({ kind: 'lijst', dates: ['2017-06-01', '2018-06-01'], periods: ['lopend', 'vorig'] }, '2018-05-20', 30)).toBe('vorig');
    expect(momentRuleFor({ kind: 'lijst', dates: ['2018-06-01'], periods: ['vorig'] }, '2017-06-01', 30)).toBe('lopend');
  });

  it("a programme's window is widened to whole calendar years and whole school years", () => {
    expect(programmeWindow('2016-08-01', '2020-07-31')).toEqual({ start: '2016-01-01', end: '2020-12-31' });
    expect(programmeWindow('2016-03-01', '2020-10-01')).toEqual({ start: '2015-08-01', end: '2021-07-31' });
  });
});
