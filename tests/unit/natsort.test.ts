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
