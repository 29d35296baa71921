/**
 * Money is integer cents everywhere. This module turns what people type ("1.234,56", "€ 1.234")
 * into cents and back, and refuses what could mean two things ("1,234", "12.34").
 */
export type MoneyParse = { ok: true; cents: number } | { ok: false; message: string };

export const MAX_EURO_DIGITS = 11;
const HOW = 'Schrijf bedragen als 1.234,56 (punt voor duizendtallen, komma voor centen).';

export function parseMoney(input: string, opts: { allowNegative?: boolean } = {}): MoneyParse {
  let s = input.replace(/[\s\u00a0\u202f]/g, '').replace(/^€/, '').replace(/^EUR/i, '');
  let negative = false;
  if (/^[-\u2212]/.test(s)) {
    negative = true;
    s = s.slice(1).replace(/^€/, '');
  }
  if (s === '') return { ok: false, message: 'Vul een bedrag in. ' + HOW };
  if (!/^[\d.,]+$/.test(s)) return { ok: false, message: `"${input.trim()}" is geen bedrag. ${HOW}` };
  if ((s.match(/,/g) ?? []).length > 1) return { ok: false, message: `"${input.trim()}" heeft meer dan één komma. ${HOW}` };
  const [whole = '', frac] = s.split(',');
  if (frac !== undefined) {
    if (frac.length === 3 && !whole.includes('.'))
      return { ok: false, message: `"${input.trim()}" is dubbelzinnig: bedoelt u ${whole}.${frac} of ${whole},${frac.slice(0, 2)}? ${HOW}` };
    if (frac.length < 1 || frac.length > 2) return { ok: false, message: `"${input.trim()}": na de komma horen hooguit twee cijfers (centen). ${HOW}` };
  }
  let digits: string;
  if (whole.includes('.')) {
    const groups = whole.split('.');
    const okGroups = groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
    if (!okGroups)
      return { ok: false, message: `"${input.trim()}" is dubbelzinnig: een punt scheidt alleen duizendtallen. ${HOW}` };
    digits = groups.join('');
  } else {
    digits = whole;
  }
  if (digits === '') return { ok: false, message: `"${input.trim()}" is geen bedrag. ${HOW}` };
  const euroDigits = digits.replace(/^0+(?=\d)/, '');
  if (euroDigits.length > MAX_EURO_DIGITS)
    return { ok: false, message: `"${input.trim()}" is te groot: hooguit ${MAX_EURO_DIGITS} cijfers voor de komma.` };
  if (negative && !opts.allowNegative) return { ok: false, message: 'Een negatief bedrag is hier niet toegestaan.' };
  const cents = Number(euroDigits) * 100 + Number((frac ?? '').padEnd(2, '0'));
  return { ok: true, cents: negative ? -cents : cents };
}

/** "€ 1.234,56" (nl-NL). Built by hand so the output is identical in every runtime and locale build. */
export function formatCents(cents: number, opts: { symbol?: boolean } = {}): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (abs % 100).toString().padStart(2, '0');
  const body = `${euros},${rest}`;
  const withSymbol = opts.symbol === false ? body : `€ ${body}`;
  return neg ? `-${withSymbol}` : withSymbol;
}

/** Cents for an editable field: "1.234,56" without the symbol. */
export function centsToInput(cents: number | null): string {
  return cents === null ? '' : formatCents(cents, { symbol: false });
}
