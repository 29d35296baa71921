/**
 * Text pasted from Word or a PDF carries bullets, tabs, non-breaking spaces, smart quotes and
 * invisible characters. These functions keep its meaning (paragraphs, lists, words) in plain text
 * that LongText renders and that search and comparison can rely on.
 */

// Bullet characters Word and PDFs put in front of list items (including Symbol-font private-use ones).
const BULLET = /^[ \t]*(?:[•◦▪▫●○■□·‣⁃∙➢➤►▶✓✔\uf0b7\uf0a7\uf0d8\uf076\uf0fc§]|o(?=\t)|[-–—*](?=[ \t]))[ \t]*/;
const NUMBERED = /^[ \t]*(\d{1,3}|[a-z])([.)])[ \t]+/;

/** A long text: paragraphs and lists kept, the rest made plain. */
export function normaliseText(input: string): string {
  const s = input
    .replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n')
    .replace(/[\u00a0\u202f\u2007\u2002\u2003\u2009]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\u2026/g, '...');
  const lines = s.split('\n').map((line) => {
    let l = line;
    if (BULLET.test(l)) l = '- ' + l.replace(BULLET, '');
    else l = l.replace(NUMBERED, '$1$2 ');
    // Remaining tabs separated words or columns: a space keeps them apart.
    return l.replace(/\t+/g, ' ').replace(/ {2,}/g, ' ').replace(/\s+$/, '');
  });
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** A one-line value (name, code, place): one line, single spaces, no edges. */
export function normaliseLine(input: string): string {
  return normaliseText(input).replace(/^- /gm, '').replace(/\s*\n\s*/g, ' ').trim();
}

/** For search: lower case, no accents, so "Beroepsoriëntatie" matches "orientatie". */
export function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Ranges of text that match any of the terms, ignoring case and accents. */
export function matchRanges(text: string, query: string): [number, number][] {
  const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = foldForSearch(text[i]!);
    folded += f;
    for (let k = 0; k < f.length; k++) from.push(i);
  }
  const ranges: [number, number][] = [];
  for (const term of terms) {
    let at = folded.indexOf(term);
    while (at >= 0) {
      ranges.push([from[at]!, from[at + term.length - 1]! + 1]);
      at = folded.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}
