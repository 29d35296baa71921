import { describe, expect, it } from 'vitest';
import { formatCents, parseMoney } from '../../shared/money';

describe('parseMoney', () => {
  it.each([
    ['1234,56', 123456],
    ['1.234,56', 123456],
    ['€ 1.234', 123400],
    ['1234', 123400],
    ['€\u00a012.345.678,9', 1234567890],
    ['0,05', 5],
    ['1.234.567', 123456700],
  ])('reads %s as %i cents', (input, cents) => {
    expect(parseMoney(input)).toEqual({ ok: true, cents });
  });

  it.each(['1,234', '12.34', '1.23', '12,345', 'twaalf', '1,2,3', ''])('refuses the ambiguous or wrong input %s with a way to write it', (input) => {
    const r = parseMoney(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/1\.234,56|bedrag/);
  });

  it('refuses 12 digits before the comma and accepts 11', () => {
    expect(parseMoney('123456789012').ok).toBe(false);
    expect(parseMoney('12345678901')).toEqual({ ok: true, cents: 1234567890100 });
  });

  it('allows negative amounts only where asked', () => {
    expect(parseMoney('-1.000,00').ok).toBe(false);
    expect(parseMoney('-1.000,00', { allowNegative: true })).toEqual({ ok: true, cents: -100000 });
  });
});

describe('formatCents', () => {
  it('writes nl-NL currency', () => {
    expect(formatCents(123456)).toBe('€ 1.234,56');
    expect(formatCents(5)).toBe('€ 0,05');
    expect(formatCents(-100000)).toBe('-€ 1.000,00');
    expect(formatCents(123456789, { symbol: false })).toBe('1.234.567,89');
  });

  it('round-trips through parseMoney', () => {
    for (const c of [0, 1, 99, 100, 123456, 98765432101]) {
      const r = parseMoney(formatCents(c));
      expect(r).toEqual({ ok: true, cents: c });
    }
  });
});
