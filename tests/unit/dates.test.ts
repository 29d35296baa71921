import { describe, expect, it } from 'vitest';
import { formatDate, isValidIsoDate, parseDateInput, schoolYearOf } from '../../shared/dates';

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
