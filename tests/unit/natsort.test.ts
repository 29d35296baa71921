import { describe, expect, it } from 'vitest';
import { compareCodes, sortByCode } from '../../shared/natsort';

describe('natural sort of codes', () => {
  it('orders numbers by value, not by text', () => {
    expect(sortByCode(['10', '2', '1', '9'], (c) => c)).toEqual(['1', '2', '9', '10']);
  });

  it('puts sub-codes and letter suffixes after their parent and before the next number', () => {
    const shuffled = ['2b', '10', '2.1.1', '3', '2', '2a', '2.1', '2.10', '2.2', '1'];
    expect(sortByCode(shuffled, (c) => c)).toEqual(['1', '2', '2.1', '2.1.1', '2.2', '2.10', '2a', '2b', '3', '10']);
  });

  it('treats case as equal and keeps the comparison symmetric', () => {
    expect(compareCodes('2A', '2a')).toBe(0);
    expect(Math.sign(compareCodes('2.1', '2a'))).toBe(-Math.sign(compareCodes('2a', '2.1')));
  });
});

describe('natural sort: the edges (mutation testing found them unheld)', () => {
  const sign = (a: string, b: string) => Math.sign(compareCodes(a, b));

  it('puts a number before text at the same place: "2.1" before "2.a", also where the collation would not', () => {
    expect(sign('2.1', '2.a')).toBe(-1);
    expect(sign('2.a', '2.1')).toBe(1);
    // A collation puts "." before "5"; the rule puts the number first.
    expect(sign('5', '.5')).toBe(-1);
    expect(sign('.5', '5')).toBe(1);
    // Decided at the first place they differ: a code that starts with a letter after one that starts with a number.
    expect(sign('a1', '1a')).toBe(1);
    expect(sign('5a', '.5')).toBe(-1);
  });

  it('compares a run of text as one piece: "2-" before "2.a", as the collation orders "-" and ".a"', () => {
    expect(sign('2-', '2.a')).toBe(-1);
    expect(sign('2.a', '2-')).toBe(1);
  });

  it('breaks the tie between "2" and "02" by length: "2" first, and only then', () => {
    expect(sign('2', '02')).toBe(-1);
    expect(sign('02', '2')).toBe(1);
    expect(sign('2.02', '2.2')).toBe(1);
    expect(sign('2.02', '2.3')).toBe(-1);
    expect(sortByCode(['02', '10', '2', '1'], (c) => c)).toEqual(['1', '2', '02', '10']);
  });

  it('ignores spaces around a code', () => {
    expect(compareCodes(' 2a ', '2a')).toBe(0);
    expect(sign(' 10', '9')).toBe(1);
  });

  it('sorts an empty code first', () => {
    expect(sign('', '1')).toBe(-1);
    expect(compareCodes('', '')).toBe(0);
  });
});
