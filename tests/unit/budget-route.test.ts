import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filterParts, parseFilter, type Filter } from '../../renderer/src/pages/budgetFilter';

describe('budget routes', () => {
  it('write every drill-down filter into the route and read it back unchanged', () => {
    const filter = fc.record(
      {
        measureId: fc.uuid(),
        activityId: fc.uuid(),
        year: fc.integer({ min: 2000, max: 2100 }),
        fundingSource: fc.constantFrom('ocw', 'plus', 'rmc', 'cofin_school', 'cofin_gemeente', 'eigen', 'overig' as const),
        category: fc.constantFrom('A', 'B', 'G', 'H' as const),
        partnerId: fc.option(fc.uuid(), { nil: null }),
        lineIds: fc.array(fc.uuid(), { minLength: 1, maxLength: 4 }),
        // Only co-financing lines: written as cofinanciering=ja, left out when off.
        cofin: fc.constant(true),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filter, (f) => {
        expect(parseFilter(filterParts(f as Filter))).toEqual(f);
      }),
    );
  });

  it('reads "partner=geen" as lines without a partner and ignores unknown parts', () => {
    expect(parseFilter(['partner=geen', 'jaar=2026', 'onzin=1', 'los'])).toEqual({ partnerId: null, year: 2026 });
  });
});
