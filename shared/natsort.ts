/**
 * Natural order for user-typed codes: "2" < "2.1" < "2.1.1" < "2a" < "2b" < "10".
 * Codes are split into runs of digits and non-digits; digit runs compare as numbers.
 */
const collator = new Intl.Collator('nl-NL', { sensitivity: 'base' });

function chunks(code: string): string[] {
  return code.trim().match(/\d+|\D+/g) ?? [];
}

export function compareCodes(a: string, b: string): number {
  const ca = chunks(a);
  const cb = chunks(b);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff;
      if (x.length !== y.length) return x.length - y.length; // "02" after "2"
    } else if (dx !== dy) {
      // A number sorts before text ("2.1" vs "2.a")
      return dx ? -1 : 1;
    } else {
      // A separator sorts before a letter suffix: "2.1" < "2a".
      const sx = x === '.' ? ' ' : x;
      const sy = y === '.' ? ' ' : y;
      const c = collator.compare(sx, sy);
      if (c !== 0) return c;
    }
  }
  return ca.length - cb.length;
}

export function sortByCode<T>(items: readonly T[], code: (t: T) => string): T[] {
  return [...items].sort((a, b) => compareCodes(code(a), code(b)));
}
