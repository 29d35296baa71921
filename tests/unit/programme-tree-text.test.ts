import { describe, expect, it } from 'vitest';
import { foldForSearch, matchRanges, normaliseLine, normaliseText } from '../../shared/text';

describe('text pasted from Word', () => {
  it('turns Word bullets, tabs and numbering into plain lists, keeping paragraphs', () => {
    const pasted = 'Aanpak:\r\n\u2022\tintake op school\r\no\tmet ouders\r\n\uf0b7\tbinnen twee weken\r\n\r\n\r\n1)\tEerste stap\r\n2.\tTweede stap';
    expect(normaliseText(pasted)).toBe('Aanpak:\n- intake op school\n- met ouders\n- binnen twee weken\n\n1) Eerste stap\n2. Tweede stap');
  });

  it('replaces non-breaking spaces, smart quotes and invisible characters', () => {
    expect(normaliseText('\ufeff\u201cDe\u00a0Brug\u201d is \u2018ons\u2019 plan\u200b\u2026  ')).toBe('"De Brug" is \'ons\' plan...');
    expect(normaliseLine('  2.2.1\u00a0\u00a0Digitaal\tDossier\n')).toBe('2.2.1 Digitaal Dossier');
  });

  it('is idempotent, so saving twice changes nothing', () => {
    const once = normaliseText('\u2022\tpunt\r\n\r\n\r\nalinea\u00a0twee');
    expect(normaliseText(once)).toBe(once);
  });
});

describe('search helpers', () => {
  it('folds case and accents', () => {
    expect(foldForSearch('Beroepsoriëntatie')).toBe('beroepsorientatie');
  });

  it('finds match ranges in the original text despite accents', () => {
    const text = 'Loopbaanoriëntatie en oriëntatiedagen';
    const ranges = matchRanges(text, 'orientatie');
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['oriëntatie', 'oriëntatie']);
    expect(matchRanges('niets', 'zzz')).toEqual([]);
  });
});
