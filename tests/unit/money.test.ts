import { describe, expect, it } from 'vitest';
import { centsToInput, formatCents, parseMoney } from '../../shared/money';

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

  const HOW = 'Schrijf bedragen als 1.234,56 (punt voor duizendtallen, komma voor centen).';
  it.each([
    ['1,234', `"1,234" is dubbelzinnig: bedoelt u 1.234 of 1,23? ${HOW}`],
    ['12,345', `"12,345" is dubbelzinnig: bedoelt u 12.345 of 12,34? ${HOW}`],
    ['12.34', `"12.34" is dubbelzinnig: een punt scheidt alleen duizendtallen. ${HOW}`],
    ['1.23', `"1.23" is dubbelzinnig: een punt scheidt alleen duizendtallen. ${HOW}`],
    // A first group of four digits is no thousands grouping either.
    ['1234.567', `"1234.567" is dubbelzinnig: een punt scheidt alleen duizendtallen. ${HOW}`],
    ['.123', `".123" is dubbelzinnig: een punt scheidt alleen duizendtallen. ${HOW}`],
    ['1.234.56', `"1.234.56" is dubbelzinnig: een punt scheidt alleen duizendtallen. ${HOW}`],
    ['1.2345', `"1.2345" is dubbelzinnig: een punt scheidt alleen duizendtallen. ${HOW}`],
    ['12,3456', `"12,3456": na de komma horen hooguit twee cijfers (centen). ${HOW}`],
    // A trailing comma has no cents after it.
    ['12,', `"12,": na de komma horen hooguit twee cijfers (centen). ${HOW}`],
    ['twaalf', `"twaalf" is geen bedrag. ${HOW}`],
    [',50', `",50" is geen bedrag. ${HOW}`],
    ['1,2,3', `"1,2,3" heeft meer dan één komma. ${HOW}`],
    ['', `Vul een bedrag in. ${HOW}`],
    ['  €  ', `Vul een bedrag in. ${HOW}`],
    // Text around the number, or a euro sign or minus where it does not belong.
    ['12 euro', `"12 euro" is geen bedrag. ${HOW}`],
    ['12€', `"12€" is geen bedrag. ${HOW}`],
    ['12EUR', `"12EUR" is geen bedrag. ${HOW}`],
    ['ca. 12', `"ca. 12" is geen bedrag. ${HOW}`],
    ['12-', `"12-" is geen bedrag. ${HOW}`],
  ])('refuses the ambiguous or wrong input "%s" with what was found and how to write it', (input, message) => {
    expect(parseMoney(input)).toEqual({ ok: false, message });
    // Spaces around what was typed are not quoted back.
    expect(parseMoney(`  ${input}\t`)).toEqual({ ok: false, message });
  });

  it('refuses 12 digits before the comma and accepts 11; leading zeros do not count', () => {
    expect(parseMoney('123456789012')).toEqual({ ok: false, message: '"123456789012" is te groot: hooguit 11 cijfers voor de komma.' });
    expect(parseMoney('12345678901')).toEqual({ ok: true, cents: 1234567890100 });
    expect(parseMoney('012345678901')).toEqual({ ok: true, cents: 1234567890100 });
    expect(parseMoney('0')).toEqual({ ok: true, cents: 0 });
    expect(parseMoney('0,5')).toEqual({ ok: true, cents: 50 });
    expect(parseMoney('00012345678901')).toEqual({ ok: true, cents: 1234567890100 });
    expect(parseMoney(' 123456789012 ')).toEqual({ ok: false, message: '"123456789012" is te groot: hooguit 11 cijfers voor de komma.' });
  });

  it('allows negative amounts only where asked, written with a hyphen or a minus sign, before or after the euro sign', () => {
    expect(parseMoney('-1.000,00')).toEqual({ ok: false, message: 'Een negatief bedrag is hier niet toegestaan.' });
    expect(parseMoney('-1.000,00', { allowNegative: true })).toEqual({ ok: true, cents: -100000 });
    expect(parseMoney('\u22121.000', { allowNegative: true })).toEqual({ ok: true, cents: -100000 });
    expect(parseMoney('-€ 12,50', { allowNegative: true })).toEqual({ ok: true, cents: -1250 });
    expect(parseMoney('€ -12,50', { allowNegative: true })).toEqual({ ok: true, cents: -1250 });
    expect(parseMoney('EUR 12,50')).toEqual({ ok: true, cents: 1250 });
    expect(parseMoney('eur 12,50')).toEqual({ ok: true, cents: 1250 });
    expect(parseMoney('-12€', { allowNegative: true })).toEqual({ ok: false, message: `"-12€" is geen bedrag. ${HOW}` });
    expect(parseMoney('12\u202f345')).toEqual({ ok: true, cents: 1234500 });
  });
});

describe('formatCents', () => {
  it('writes nl-NL currency', () => {
    expect(formatCents(123456)).toBe('€ 1.234,56');
    expect(formatCents(5)).toBe('€ 0,05');
    expect(formatCents(-100000)).toBe('-€ 1.000,00');
    expect(formatCents(123456789, { symbol: false })).toBe('1.234.567,89');
  });

  it('fills an editable field without the symbol, and leaves it empty for no amount', () => {
    expect(centsToInput(123456)).toBe('1.234,56');
    expect(centsToInput(-5)).toBe('-0,05');
    expect(centsToInput(0)).toBe('0,00');
    expect(centsToInput(null)).toBe('');
  });

  it('round-trips through parseMoney', () => {
    for (const c of [0, 1, 99, 100, 123456, 98765432101]) {
      const r = parseMoney(formatCents(c));
      expect(r).toEqual({ ok: true, cents: c });
    }
  });
});
