// Why a typed date is refused, and the Dutch calendar day of a moment (shared/dates.ts), with
// hand-written cases; also run by npm run mutation.
import { describe, expect, it } from 'vitest';
import { dateError, dateInputProblem, dutchIsoDate } from '../../shared/dates';

describe('a typed date that is refused says why', () => {
  it('a date that exists is no problem, in any accepted shape', () => {
    for (const s of ['29-02-2024', ' 1-2-2026 ', '01/02/2026', '1.2.2026', '2026-02-01']) expect(dateInputProblem(s), s).toBeNull();
  });

  it('a day that does not exist names the month and its number of days; a month that does not exist, the month', () => {
    expect(dateInputProblem('31-04-2026')).toBe('31-04-2026 bestaat niet: april 2026 heeft 30 dagen.');
    expect(dateInputProblem(' 29-2-2026 ')).toBe('29-2-2026 bestaat niet: februari 2026 heeft 28 dagen.');
    expect(dateInputProblem('30/02/2024')).toBe('30/02/2024 bestaat niet: februari 2024 heeft 29 dagen.');
    expect(dateInputProblem('32.12.2026')).toBe('32.12.2026 bestaat niet: december 2026 heeft 31 dagen.');
    expect(dateInputProblem('2026-04-31')).toBe('2026-04-31 bestaat niet: april 2026 heeft 30 dagen.');
    expect(dateInputProblem('12-13-2026')).toBe('12-13-2026 bestaat niet: er is geen maand 13; schrijf dd-mm-jjjj, bijvoorbeeld 31-07-2026.');
    expect(dateInputProblem('12-0-2026')).toBe('12-0-2026 bestaat niet: er is geen maand 0; schrijf dd-mm-jjjj, bijvoorbeeld 31-07-2026.');
    expect(dateInputProblem('1-1-2026')).toBeNull();
  });

  it('anything else gets the general message', () => {
    for (const s of ['', 'morgen', '123-1-2026', '1-1-26', 'x1-1-2026', '1-1-2026x', '2026-4-30', '2026-04-31x'])
      expect(dateInputProblem(s), s).toBe('geen geldige datum; schrijf dd-mm-jjjj, bijvoorbeeld 31-07-2026.');
    expect(dateError('morgen')).toBe('geen geldige datum; schrijf dd-mm-jjjj, bijvoorbeeld 31-07-2026.');
    expect(dateError('31-04-2026')).toBe('31-04-2026 bestaat niet: april 2026 heeft 30 dagen.');
  });
});

describe('the calendar day of a moment in Dutch time', () => {
  it('is the next day from midnight in Amsterdam, in winter and in summer time', () => {
    expect(dutchIsoDate(new Date('2026-01-15T22:59:59.000Z'))).toBe('2026-01-15');
    expect(dutchIsoDate(new Date('2026-01-15T23:00:00.000Z'))).toBe('2026-01-16');
    expect(dutchIsoDate(new Date('2026-07-15T21:59:59.000Z'))).toBe('2026-07-15');
    expect(dutchIsoDate(new Date('2026-07-15T22:00:00.000Z'))).toBe('2026-07-16');
  });
});
