// The measured-value rules of shared/results/values.ts at their edges: which value counts per
// moment, how values add up, and what an indicator's value for a target's period is. Pure
// functions with hand-written inputs and hand-computed expectations (also run by npm run mutation).
import { describe, expect, it } from 'vitest';
import { measurementValues } from './measurement-values';
import { aggregateValue, byPeriodThenDate, categoryCheck, categorySum, combine, effectivePerMoment, valueOf } from '../../shared/results/values';

const SY1617 = { kind: 'schooljaar', start: '2016-08-01', end: '2017-07-31' } as const;
const SY1718 = { kind: 'schooljaar', start: '2017-08-01', end: '2018-07-31' } as const;
const Q1_17 = { kind: 'kwartaal', start: '2017-01-01', end: '2017-03-31' } as const;
const Q2_17 = { kind: 'kwartaal', start: '2017-04-01', end: '2017-06-30' } as const;
const Q3_17 = { kind: 'kwartaal', start: '2017-07-01', end: '2017-09-30' } as const;

const mv = measurementValues(SY1617, 'v');

describe('the value of one measurement', () => {
  it('categories add up; none or an empty list is no sum', () => {
    expect(categorySum(null)).toBeNull();
    expect(categorySum([])).toBeNull();
    expect(categorySum([{ name: 'a', count: 3 }])).toBe(3);
    expect(categorySum([{ name: 'a', count: 3 }, { name: 'b', count: 4.5 }])).toBe(7.5);
  });

  it('a ratio wins over the entered value, the entered value over the categories', () => {
    expect(valueOf({ value: 99, numerator: 1, denominator: 4, categories: [{ name: 'a', count: 5 }] })).toBe(25);
    expect(valueOf({ value: 99, numerator: null, denominator: 4, categories: [{ name: 'a', count: 5 }] })).toBe(99);
    expect(valueOf({ value: 99, numerator: 1, denominator: null, categories: null })).toBe(99);
    expect(valueOf({ value: null, numerator: null, denominator: null, categories: [{ name: 'a', count: 5 }, { name: 'b', count: 2 }] })).toBe(7);
    expect(valueOf({ value: null, numerator: null, denominator: null, categories: null })).toBeNull();
  });

  it('a ratio over 0 is no percentage: the entered value counts instead', () => {
    expect(valueOf({ value: 12, numerator: 3, denominator: 0, categories: null })).toBe(12);
    expect(valueOf({ value: null, numerator: 3, denominator: 0, categories: null })).toBeNull();
    expect(valueOf({ value: 0, numerator: 0, denominator: 5, categories: null })).toBe(0);
  });

  it('an entered 0 counts as 0, not as "no value"', () => {
    expect(valueOf({ value: 0, numerator: null, denominator: null, categories: [{ name: 'a', count: 5 }] })).toBe(0);
  });

  it('categories against the total: a mismatch is reported, the entered total stays', () => {
    const cats = [{ name: 'a', count: 3 }, { name: 'b', count: 4 }];
    expect(categoryCheck({ value: 7, categories: cats })).toEqual({ sum: 7, total: 7, mismatch: false });
    expect(categoryCheck({ value: 8, categories: cats })).toEqual({ sum: 7, total: 8, mismatch: true });
    expect(categoryCheck({ value: 6, categories: cats })).toEqual({ sum: 7, total: 6, mismatch: true });
    expect(categoryCheck({ value: null, categories: cats })).toEqual({ sum: 7, total: 7, mismatch: false });
    expect(categoryCheck({ value: 5, categories: null })).toEqual({ sum: null, total: 5, mismatch: false });
    expect(categoryCheck({ value: null, categories: null })).toEqual({ sum: null, total: null, mismatch: false });
  });

  it('a difference of rounding (1e-12) is no mismatch; a difference of 1e-6 is', () => {
    const cats = [{ name: 'a', count: 0.1 }, { name: 'b', count: 0.2 }];
    expect(categoryCheck({ value: 0.3, categories: cats }).mismatch).toBe(false);
    expect(categoryCheck({ value: 0.300001, categories: cats }).mismatch).toBe(true);
  });
});

describe('the order of measurements', () => {
  it('by the end of the period, then its start, then the date', () => {
    const a = { period: { kind: 'vrij' as const, start: '2017-01-01', end: '2017-03-31' }, date: '2017-05-01' };
    const b = { period: { kind: 'vrij' as const, start: '2017-04-01', end: '2017-06-30' }, date: '2017-01-01' };
    const c = { period: { kind: 'vrij' as const, start: '2016-08-01', end: '2017-06-30' }, date: '2017-09-01' };
    const d = { period: { kind: 'vrij' as const, start: '2016-08-01', end: '2017-06-30' }, date: '2017-10-01' };
    expect(byPeriodThenDate(a, b)).toBeLessThan(0);
    expect(byPeriodThenDate(b, a)).toBeGreaterThan(0);
    expect(byPeriodThenDate(c, b)).toBeLessThan(0);
    expect(byPeriodThenDate(b, c)).toBeGreaterThan(0);
    expect(byPeriodThenDate(c, d)).toBeLessThan(0);
    expect(byPeriodThenDate(d, c)).toBeGreaterThan(0);
    expect(byPeriodThenDate(d, { ...d })).toBe(0);
  });
});

describe('which value counts per moment', () => {
  it('one value per moment: the latest recorded definitive one, else the latest provisional one', () => {
    const p1 = mv({ date: '2017-03-01', value: 1, status: 'voorlopig', recordedAt: '2017-03-02T08:00:00Z' });
    const p2 = mv({ date: '2017-03-01', value: 2, status: 'voorlopig', recordedAt: '2017-03-03T08:00:00Z' });
    expect(effectivePerMoment([p2, p1]).map((e) => [e.current.id, e.all.map((x) => x.id)])).toEqual([[p2.id, [p1.id, p2.id]]]);
    const d1 = mv({ date: '2017-03-01', value: 3, recordedAt: '2017-03-01T09:00:00Z' });
    const d2 = mv({ date: '2017-03-01', value: 4, recordedAt: '2017-03-02T09:00:00Z' });
    const out = effectivePerMoment([d2, p2, d1, p1]);
    expect(out).toHaveLength(1);
    expect(out[0]!.current.id).toBe(d2.id);
    expect(out[0]!.all.map((x) => x.id)).toEqual([d1.id, p1.id, d2.id, p2.id]);
  });

  it('a moment is a period and a date: another date or another period is another moment', () => {
    const a = mv({ date: '2017-03-01', value: 1 });
    const b = mv({ date: '2017-03-02', value: 2 });
    const c = mv({ date: '2017-03-01', value: 3, period: { ...Q1_17 } });
    const d = mv({ date: '2017-03-01', value: 4, period: { kind: 'vrij', start: '2016-08-01', end: '2017-03-31' } });
    const out = effectivePerMoment([a, b, c, d]).map((e) => e.current.id);
    // Ordered by period end (Q1 and the custom range end 31-03; Q1 starts later), then the school year's dates.
    expect(out).toEqual([d.id, c.id, a.id, b.id]);
  });

  it('a definitive value replaces the provisional values of its period measured on or before its date, not after', () => {
    const before = mv({ date: '2017-03-01', value: 1, status: 'voorlopig' });
    const same = mv({ date: '2017-11-01', value: 2, status: 'voorlopig', recordedAt: '2017-11-01T08:00:00Z' });
    const def = mv({ date: '2017-11-01', value: 3, recordedAt: '2017-11-01T07:00:00Z' });
    const after = mv({ date: '2017-12-01', value: 4, status: 'voorlopig' });
    const otherPeriod = mv({ date: '2017-03-01', value: 5, status: 'voorlopig', period: { ...SY1718 } });
    const otherEnd = mv({ date: '2017-03-01', value: 6, status: 'voorlopig', period: { kind: 'vrij', start: '2016-08-01', end: '2017-06-30' } });
    const otherStart = mv({ date: '2017-03-01', value: 7, status: 'voorlopig', period: { kind: 'vrij', start: '2016-09-01', end: '2017-07-31' } });
    const out = effectivePerMoment([before, same, def, after, otherPeriod, otherEnd, otherStart]);
    expect(out.map((e) => e.current.id)).toEqual([otherEnd.id, def.id, after.id, otherStart.id, otherPeriod.id]);
    // The definitive value of the same moment is current; the provisional one stays in its list.
    expect(out[1]!.all.map((x) => x.id)).toEqual([def.id, same.id]);
  });

  it('a provisional value is only replaced by a definitive one, not by a later provisional one', () => {
    const a = mv({ date: '2017-03-01', value: 1, status: 'voorlopig' });
    const b = mv({ date: '2017-05-01', value: 2, status: 'voorlopig' });
    expect(effectivePerMoment([a, b]).map((e) => e.current.id)).toEqual([a.id, b.id]);
  });

  it('nothing in, nothing out', () => expect(effectivePerMoment([])).toEqual([]));
});

describe('adding up moments', () => {
  it('nothing to add is no value', () => expect(combine([])).toBeNull());

  it('ratios are pooled: Σ teller / Σ noemer, never an average of percentages', () => {
    const a = mv({ date: '2017-01-01', numerator: 1, denominator: 4 });
    const b = mv({ date: '2017-02-01', numerator: 3, denominator: 6 });
    expect(combine([a, b])).toBe(40);
    expect(combine([mv({ date: '2017-01-01', numerator: 0, denominator: 0 }), mv({ date: '2017-01-02', numerator: 0, denominator: 0 })])).toBeNull();
  });

  it('a ratio with a denominator of 0 in the pool adds nothing to it', () => {
    expect(combine([mv({ date: '2017-01-01', numerator: 2, denominator: 0 }), mv({ date: '2017-01-02', numerator: 1, denominator: 4 })])).toBe(75);
  });

  it('otherwise values add up; one without a value makes the sum unknown', () => {
    expect(combine([mv({ date: '2017-01-01', value: 2 }), mv({ date: '2017-02-01', value: 5 })])).toBe(7);
    expect(combine([mv({ date: '2017-01-01', value: 2 }), mv({ date: '2017-02-01', numerator: 1, denominator: 4 })])).toBe(27);
    expect(combine([mv({ date: '2017-01-01', value: 2 }), mv({ date: '2017-02-01', value: null })])).toBeNull();
    expect(combine([mv({ date: '2017-01-01', value: null }), mv({ date: '2017-02-01', value: 2 })])).toBeNull();
    expect(combine([mv({ date: '2017-01-01', value: -3 })])).toBe(-3);
  });

  it('only values with both a numerator and a denominator are pooled as a ratio', () => {
    // A numerator without a denominator (or the other way round) is no ratio: the entered values add up.
    expect(combine([mv({ date: '2017-01-01', value: 5, numerator: 2 }), mv({ date: '2017-01-02', value: 3, numerator: 1 })])).toBe(8);
    expect(combine([mv({ date: '2017-01-01', value: 5, denominator: 10 })])).toBe(5);
  });
});

describe("an indicator's value for a target's period", () => {
  const year = { start: SY1617.start, end: SY1617.end };
  const none = { value: null, date: null };

  it('niveau: the latest value about a period inside it, dated as the day it speaks for', () => {
    const q1 = mv({ date: '2017-04-10', value: 10, period: { ...Q1_17 } });
    const q2 = mv({ date: '2017-06-15', value: 20, period: { ...Q2_17 } });
    const q3 = mv({ date: '2017-08-01', value: 30, period: { ...Q3_17 } });
    expect(aggregateValue('niveau', [q2, q3, q1], year, none)).toEqual({ value: 20, date: '2017-06-15' });
    // Measured after its period ended: it speaks for the period's last day.
    const late = mv({ date: '2017-11-01', value: 40, period: { ...SY1617 } });
    expect(aggregateValue('niveau', [q2, late], year, none)).toEqual({ value: 40, date: '2017-07-31' });
    expect(aggregateValue('niveau', [q3], year, none)).toEqual({ value: null, date: null });
    expect(aggregateValue('niveau', [], year, none)).toEqual({ value: null, date: null });
  });

  it('a period that starts or ends on the edge of the target period lies inside it; a day over does not', () => {
    const edgeStart = mv({ date: '2016-09-01', value: 1, period: { kind: 'vrij', start: '2016-08-01', end: '2016-08-31' } });
    const edgeEnd = mv({ date: '2017-07-31', value: 2, period: { kind: 'vrij', start: '2017-07-01', end: '2017-07-31' } });
    expect(aggregateValue('aantal', [edgeStart, edgeEnd], year, none)).toEqual({ value: 3, date: '2017-07-31' });
    const overStart = mv({ date: '2016-09-01', value: 5, period: { kind: 'vrij', start: '2016-07-31', end: '2016-08-31' } });
    const overEnd = mv({ date: '2017-08-01', value: 7, period: { kind: 'vrij', start: '2017-07-01', end: '2017-08-01' } });
    expect(aggregateValue('aantal', [overStart, overEnd], year, none)).toEqual({ value: null, date: null });
  });

  it('aantal: the values inside add up (ratios pooled), the baseline plays no part', () => {
    const q1 = mv({ date: '2017-04-10', value: 10, period: { ...Q1_17 } });
    const q2 = mv({ date: '2017-06-15', value: 20, period: { ...Q2_17 } });
    expect(aggregateValue('aantal', [q2, q1], year, { value: 100, date: '2016-01-01' })).toEqual({ value: 30, date: '2017-06-15' });
    const r1 = mv({ date: '2017-04-10', numerator: 1, denominator: 10, period: { ...Q1_17 } });
    const r2 = mv({ date: '2017-06-15', numerator: 4, denominator: 10, period: { ...Q2_17 } });
    expect(aggregateValue('aantal', [r1, r2], year, none)).toEqual({ value: 25, date: '2017-06-15' });
  });

  it('cumulatief: the baseline plus every value after its date up to the end of the period', () => {
    const before = mv({ date: '2016-05-01', value: 4, period: { kind: 'kwartaal', start: '2016-04-01', end: '2016-06-30' } });
    const onBase = mv({ date: '2016-09-30', value: 8, period: { kind: 'kwartaal', start: '2016-07-01', end: '2016-09-30' } });
    const q1 = mv({ date: '2017-04-10', value: 10, period: { ...Q1_17 } });
    const q2 = mv({ date: '2017-06-15', value: 20, period: { ...Q2_17 } });
    const q3 = mv({ date: '2017-08-01', value: 30, period: { ...Q3_17 } });
    const baseline = { value: 100, date: '2016-09-30' };
    // before and onBase are not after the baseline's date; q3 ends after the period.
    expect(aggregateValue('cumulatief', [q3, q2, before, onBase, q1], year, baseline)).toEqual({ value: 130, date: '2017-06-15' });
    // Without a baseline date every value up to the end counts, from 0 when there is no baseline value.
    expect(aggregateValue('cumulatief', [q2, before, onBase, q1], year, { value: null, date: null })).toEqual({ value: 42, date: '2017-06-15' });
    expect(aggregateValue('cumulatief', [q2, before, onBase, q1], year, { value: 5, date: null })).toEqual({ value: 47, date: '2017-06-15' });
  });

  it('cumulatief: a value that ends exactly on the last day counts; the date is that of the latest up to the end', () => {
    const edge = mv({ date: '2017-07-31', value: 3, period: { kind: 'vrij', start: '2017-07-01', end: '2017-07-31' } });
    expect(aggregateValue('cumulatief', [edge], year, { value: 10, date: '2016-08-01' })).toEqual({ value: 13, date: '2017-07-31' });
    // Nothing ends by the period's end: no value at all, not even the baseline.
    const q3 = mv({ date: '2017-08-01', value: 30, period: { ...Q3_17 } });
    expect(aggregateValue('cumulatief', [q3], year, { value: 10, date: '2016-08-01' })).toEqual({ value: null, date: null });
  });

  it('cumulatief: with values but none after the baseline, the baseline is the value', () => {
    const old = mv({ date: '2016-05-01', value: 4, period: { kind: 'kwartaal', start: '2016-04-01', end: '2016-06-30' } });
    expect(aggregateValue('cumulatief', [old], year, { value: 10, date: '2016-08-01' })).toEqual({ value: 10, date: '2016-05-01' });
    expect(aggregateValue('cumulatief', [old], year, { value: null, date: '2016-08-01' })).toEqual({ value: null, date: '2016-05-01' });
  });

  it('cumulatief: a value since the baseline without a number makes the total unknown, not the baseline', () => {
    const q1 = mv({ date: '2017-04-10', value: null, period: { ...Q1_17 } });
    expect(aggregateValue('cumulatief', [q1], year, { value: 10, date: '2016-08-01' })).toEqual({ value: null, date: '2017-03-31' });
  });

  it('cumulatief: a numerator without a denominator is a plain value on top of the baseline', () => {
    const half = mv({ date: '2017-04-10', value: 5, numerator: 2, period: { ...Q1_17 } });
    expect(aggregateValue('cumulatief', [half], year, { value: 10, date: '2016-08-01' })).toEqual({ value: 15, date: '2017-03-31' });
    const other = mv({ date: '2017-04-10', value: 5, denominator: 8, period: { ...Q1_17 } });
    expect(aggregateValue('cumulatief', [other], year, { value: 10, date: '2016-08-01' })).toEqual({ value: 15, date: '2017-03-31' });
  });

  it('cumulatief: ratios are pooled from their own numbers, without the baseline added', () => {
    const r1 = mv({ date: '2017-04-10', numerator: 1, denominator: 10, period: { ...Q1_17 } });
    const r2 = mv({ date: '2017-06-15', numerator: 4, denominator: 10, period: { ...Q2_17 } });
    expect(aggregateValue('cumulatief', [r1, r2], year, { value: 90, date: '2016-08-01' })).toEqual({ value: 25, date: '2017-06-15' });
    // A ratio and a plain value: added as numbers, on top of the baseline.
    const plain = mv({ date: '2017-06-20', value: 5, period: { ...Q2_17 } });
    expect(aggregateValue('cumulatief', [r1, plain], year, { value: 90, date: '2016-08-01' })).toEqual({ value: 105, date: '2017-06-20' });
  });
});
