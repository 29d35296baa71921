import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FUNDING_SOURCES,
  SPENDING_CATEGORIES,
  SPEND_KINDS,
  amounts,
  overview,
  perParticipant,
  type AwardFacts,
  type LineFacts,
  type SpendFacts,
} from '../../shared/budget';
import { MAX_CENTS } from '../../shared/schemas/fields';

const centsArb = fc.integer({ min: -MAX_CENTS, max: MAX_CENTS });

/** Any set of budget lines with any spend against them (including negative corrections). */
const world = fc
  .array(
    fc.record({
      measureId: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
      activityId: fc.option(fc.constantFrom('a1', 'a2'), { nil: null }),
      year: fc.integer({ min: 2024, max: 2031 }),
      fundingSource: fc.constantFrom(...FUNDING_SOURCES),
      category: fc.constantFrom(...SPENDING_CATEGORIES),
      management: fc.boolean(),
      inKind: fc.boolean(),
      partnerId: fc.option(fc.constantFrom('p1', 'p2', 'p3'), { nil: null }),
      plannedCents: centsArb,
      spend: fc.array(fc.record({ kind: fc.constantFrom(...SPEND_KINDS), cents: centsArb }), { maxLength: 5 }),
    }),
    { maxLength: 40 },
  )
  .map((rows) => {
    const lines: LineFacts[] = [];
    const spend: SpendFacts[] = [];
    rows.forEach(({ spend: s, ...l }, i) => {
      lines.push({ id: `l${i}`, ...l });
      s.forEach((x, j) => spend.push({ id: `s${i}-${j}`, lineId: `l${i}`, ...x }));
    });
    return { lines, spend };
  });

const total = (gs: { plannedCents: number; realisedCents: number }[]) => ({
  planned: gs.reduce((a, g) => a + g.plannedCents, 0),
  realised: gs.reduce((a, g) => a + g.realisedCents, 0),
});

describe('budget rollups', () => {
  it('every breakdown sums to the grand total to the cent, for any lines and spend', () => {
    fc.assert(
      fc.property(world, ({ lines, spend }) => {
        const o = overview({ lines, spend, awards: [] });
        const grand = { planned: lines.reduce((a, l) => a + l.plannedCents, 0), realised: spend.reduce((a, s) => a + s.cents, 0) };
        expect({ planned: o.total.plannedCents, realised: o.total.realisedCents }).toEqual(grand);
        for (const breakdown of [o.byMeasure, o.byYear, o.byFundingSource, o.byCategory, o.byPartner, o.byActivity]) {
          expect(total(breakdown)).toEqual(grand);
          // each line counted exactly once
          expect(breakdown.flatMap((g) => g.lineIds).sort()).toEqual(lines.map((l) => l.id).sort());
        }
        // the matrix: every row sums to its measure, every column to its year
        for (const row of o.matrix) expect(total(Object.values(row.cells))).toEqual({ planned: row.total.plannedCents, realised: row.total.realisedCents });
        for (const y of o.byYear) expect(total(o.matrix.map((r) => r.cells[y.key]).filter((c) => c !== undefined))).toEqual({ planned: y.plannedCents, realised: y.realisedCents });
        for (const g of [o.total, ...o.byMeasure, ...o.byYear]) expect(g.remainingCents).toBe(g.plannedCents - g.realisedCents);
      }),
      { numRuns: 300 },
    );
  });

  it('year totals and single entries roll up the same way', () => {
    fc.assert(
      fc.property(world, ({ lines, spend }) => {
        const asEntries = overview({ lines, spend: spend.map((s) => ({ ...s, kind: 'entry' as const })), awards: [] });
        const asTotals = overview({ lines, spend: spend.map((s) => ({ ...s, kind: 'year_total' as const })), awards: [] });
        expect(asTotals).toEqual(asEntries);
      }),
      { numRuns: 100 },
    );
  });

  it('ignores spend on lines that are not in the set (e.g. lines in the Prullenbak)', () => {
    const line: LineFacts = { id: 'l1', measureId: 'm1', activityId: null, year: 2026, fundingSource: 'ocw', category: 'C', management: false, inKind: false, partnerId: null, plannedCents: 1000 };
    const o = overview({ lines: [line], spend: [{ id: 's', lineId: 'l1', kind: 'entry', cents: 400 }, { id: 't', lineId: 'gone', kind: 'entry', cents: 999 }], awards: [] });
    expect(o.total).toMatchObject({ plannedCents: 1000, realisedCents: 400, remainingCents: 600, pctRealised: 40, over: false });
  });

  it('flags over-spend, computes vrijval, co-financing ratio and amount per participant', () => {
    const base = { activityId: null, category: 'C' as const, management: false, inKind: false, partnerId: null };
    const lines: LineFacts[] = [
      { ...base, id: 'a', measureId: 'm1', year: 2026, fundingSource: 'ocw', plannedCents: 600_000 },
      { ...base, id: 'b', measureId: 'm1', year: 2026, fundingSource: 'cofin_school', partnerId: 'p1', inKind: true, plannedCents: 300_000 },
      { ...base, id: 'c', measureId: 'm1', year: 2026, fundingSource: 'cofin_gemeente', partnerId: 'p2', plannedCents: 100_000 },
      { ...base, id: 'd', measureId: 'm2', year: 2027, fundingSource: 'ocw', plannedCents: 50_000 },
    ];
    const spend: SpendFacts[] = [
      { id: '1', lineId: 'a', kind: 'entry', cents: 250_000 },
      { id: '2', lineId: 'a', kind: 'correction', cents: -50_000 },
      { id: '3', lineId: 'd', kind: 'year_total', cents: 60_000 },
    ];
    const awards: AwardFacts[] = [
      { id: 'x', stream: 'ocw', year: 2026, cents: 1_000_000 },
      { id: 'y', stream: 'ocw', year: 2027, cents: 100_000 },
    ];
    const o = overview({ lines, spend, awards, measures: [{ id: 'm1', code: '1.1', name: 'M1', plusvoorziening: false, plannedParticipants: 3, reachedParticipants: 4 }] });
    expect(o.overspentLineIds).toEqual(['d']);
    expect(o.total.awardedCents).toBe(1_100_000);
    expect(o.years).toEqual([2026, 2027]);
    expect(o.matrix.find((r) => r.measureId === 'm1')!.cells[2026]).toMatchObject({ plannedCents: 1_000_000, realisedCents: 200_000, pctRealised: 20 });
    expect(o.vrijval).toEqual([
      { stream: 'ocw', year: 2026, awardedCents: 1_000_000, plannedCents: 600_000, realisedCents: 200_000, vrijvalCents: 800_000 },
      { stream: 'ocw', year: 2027, awardedCents: 100_000, plannedCents: 50_000, realisedCents: 60_000, vrijvalCents: 40_000 },
    ]);
    const m1 = o.measures.find((m) => m.measureId === 'm1')!;
    expect(m1).toMatchObject({ cofinCents: 400_000, cofinInKindCents: 300_000, cofinPct: 40, perParticipantCents: 333_333, reachedParticipants: 4, perReachedCents: 50_000 });
    expect(o.byFundingSource.map((g) => g.key)).toEqual(['ocw', 'cofin_school', 'cofin_gemeente']);
    expect(o.byPartner.map((g) => g.key)).toEqual(['p1', 'p2', null]);
  });

  it('handles edge amounts', () => {
    expect(amounts(0, 0)).toMatchObject({ pctRealised: null, over: false });
    expect(amounts(-500, 0).over).toBe(false); // a planned use of a reserve
    expect(amounts(0, 1).over).toBe(true);
    expect(perParticipant(1000, 0)).toBeNull();
    expect(perParticipant(1000, null)).toBeNull();
    expect(perParticipant(1000, 3)).toBe(333);
  });
});

describe('years of the programme period', () => {
  it('are columns of the matrix even before anything is budgeted in them', () => {
    const o = overview({ lines: [], spend: [], awards: [], periodYears: [2025, 2026, 2027] });
    expect(o.years).toEqual([2025, 2026, 2027]);
    expect(o.total.plannedCents).toBe(0);
  });
});
