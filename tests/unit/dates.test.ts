import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isValidIsoDate, localIsoDate, parseDateInput, schoolYearOf } from '../../shared/dates';

describe('dates', () => {
  it('shows ISO dates as dd-mm-jjjj', () => {
    expect(formatDate('2026-07-31')).toBe('31-07-2026');
  });
  it('reads what people type and refuses impossible dates', () => {
    expect(parseDateInput('31-07-2026')).toBe('2026-07-31');
    expect(parseDateInput('1-8-2026')).toBe('2026-08-01');
    expect(parseDateInput('2026-08-01')).toBe('2026-08-01');
    expect(parseDateInput('31-02-2026')).toBeNull();
    expect(parseDateInput('morgen')).toBeNull();
    expect(isValidIsoDate('2026-13-01')).toBe(false);
  });
  it('knows the school year runs from 1 August', () => {
    expect(schoolYearOf('2026-07-31')).toBe('2025/2026');
    expect(schoolYearOf('2026-08-01')).toBe('2026/2027');
  });
});

describe('dates: the edges (mutation testing found them unheld)', () => {
  it('a valid ISO date is exactly yyyy-mm-dd of a day that exists', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-04-31')).toBe(false);
    expect(isValidIsoDate('2026-00-10')).toBe(false);
    // Date.UTC reads years 0-99 as 1900-1999: the year check refuses them.
    expect(isValidIsoDate('0050-01-01')).toBe(false);
    expect(isValidIsoDate('31-07-2026')).toBe(false);
    expect(isValidIsoDate('2026-07-31x')).toBe(false);
    expect(isValidIsoDate('x2026-07-31')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('reads typed dates only whole, with spaces around them allowed', () => {
    expect(parseDateInput(' 31-07-2026 ')).toBe('2026-07-31');
    expect(parseDateInput('31/7/2026')).toBe('2026-07-31');
    expect(parseDateInput('31.07.2026')).toBe('2026-07-31');
    expect(parseDateInput('131-07-2026')).toBeNull();
    expect(parseDateInput('31-07-20261')).toBeNull();
    expect(parseDateInput('2026-07-31x')).toBeNull();
    expect(parseDateInput('2026-02-30')).toBeNull();
  });

  it('shows nothing for no date, the date part of a moment, and other text as it is', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('2026-11-23T14:05:00.000Z')).toBe('23-11-2026');
    expect(formatDate('onbekend')).toBe('onbekend');
  });

  it('gives a moment as local date, and as date and time in Dutch time (Europe/Amsterdam, whatever the process zone)', () => {
    const local = new Date(2026, 0, 5, 9, 7);
    expect(localIsoDate(local)).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    // 08:07 UTC is 09:07 in Amsterdam in winter (CET), 14:45 UTC is 15:45; 12:00 UTC in July is 14:00 (CEST).
    expect(formatDateTime('2026-01-05T08:07:00.000Z')).toBe('05-01-2026 09:07');
    expect(formatDateTime('2026-11-23T14:45:00.000Z')).toBe('23-11-2026 15:45');
    expect(formatDateTime('2026-07-01T12:00:00.000Z')).toBe('01-07-2026 14:00');
    expect(formatDateTime('geen moment')).toBe('geen moment');
  });
});
