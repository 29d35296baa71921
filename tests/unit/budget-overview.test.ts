// The budget overview (shared/budget/rollup.ts) on four hand-written lines, worked out by hand:
// every breakdown, the order of its groups, the matrix, the figures per measure and the vrijval.
// The property test in budget-rollup.test.ts holds the sums for any input; this one holds the
// exact figures and orders. Also run by npm run mutation.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, amounts, overview, perParticipant, realisedByLine, rollup, runChecks, type LineFacts } from '../../shared/budget';

const line = (id: string, over: Partial<LineFacts>): LineFacts => ({
  id,
  measureId: 'm1',
  activityId: null,
  year: 2024,
  fundingSource: 'ocw',
  category: 'B',
  management: false,
  inKind: false,
  partnerId: null,
  plannedCents: 0,
  ...over,
});
const LINES = [
  line('l1', { measureId: 'm2', activityId: 'a1', year: 2025, fundingSource: 'ocw', category: 'B', partnerId: 'p2', plannedCents: 10000 }),
  line('l2', { measureId: 'm1', activityId: null, year: 2024, fundingSource: 'cofin_school', category: 'A', inKind: true, plannedCents: 3000 }),
  line('l3', { measureId: 'm1', activityId: 'a2', year: 2025, fundingSource: 'cofin_gemeente', category: 'C', partnerId: 'p1', plannedCents: 2000 }),
  line('l4', { measureId: 'm2', activityId: 'a1', year: 2024, fundingSource: 'plus', category: 'B', partnerId: 'p10', plannedCents: 500 }),
];
const SPEND = [
  { id: 's1', lineId: 'l1', kind: 'entry' as const, cents: 4000 },
  { id: 's2', lineId: 'l1', kind: 'entry' as const, cents: 7000 },
  { id: 's3', lineId: 'l3', kind: 'entry' as const, cents: 2000 },
  { id: 's4', lineId: 'elders', kind: 'entry' as const, cents: 999 },
  { id: 's5', lineId: 'l4', kind: 'correction' as const, cents: -100 },
  { id: 's6', lineId: 'l4', kind: 'entry' as const, cents: 300 },
];
const AWARDS = [
  { id: 'w1', stream: 'ocw' as const, year: 2025, cents: 20000 },
  { id: 'w2', stream: 'rmc' as const, year: 2026, cents: 5000 },
];
const MEASURES = [
  { id: 'm2', code: '2', name: 'Twee', plusvoorziening: false, plannedParticipants: 4, reachedParticipants: 5 },
  { id: 'm1', code: '1', name: 'Een', plusvoorziening: false, plannedParticipants: 0 },
  { id: 'm3', code: '3', name: 'Drie', plusvoorziening: false, plannedParticipants: null },
];
// Computed inside each test (not once for the file), so that npm run mutation sees which test ran it.
const full = () => overview({ lines: LINES, spend: SPEND, awards: AWARDS, measures: MEASURES, periodYears: [2024, 2023] });
const keysAndLines = (gs: { key: unknown; lineIds: string[] }[]) => gs.map((g) => [g.key, g.lineIds]);

describe('the budget overview, worked out by hand', () => {
  it('grand total: spend on lines not in the overview is left out', () => {
    const o = full();
    // planned 10000 + 3000 + 2000 + 500; realised 11000 + 2000 + 200.
    expect(o.total).toEqual({ plannedCents: 15500, realisedCents: 13200, remainingCents: 2300, pctRealised: (13200 * 100) / 15500, over: false, awardedCents: 25000, lineCount: 4 });
    expect(o.years).toEqual([2023, 2024, 2025, 2026]);
    expect(o.overspentLineIds).toEqual(['l1']);
  });

  it('per measure in the order given, with in-kind co-financing per group', () => {
    const o = full();
    expect(o.byMeasure).toEqual([
      { key: 'm2', lineIds: ['l1', 'l4'], inKindCents: 0, plannedCents: 10500, realisedCents: 11200, remainingCents: -700, pctRealised: (11200 * 100) / 10500, over: true },
      { key: 'm1', lineIds: ['l2', 'l3'], inKindCents: 3000, plannedCents: 5000, realisedCents: 2000, remainingCents: 3000, pctRealised: 40, over: false },
    ]);
    // An order that does not name every measure with lines is not used: by code instead.
    const partial = overview({ lines: LINES, spend: SPEND, awards: [], measures: [MEASURES[0]!] });
    expect(partial.byMeasure.map((g) => g.key)).toEqual(['m1', 'm2']);
    expect(overview({ lines: LINES, spend: SPEND, awards: [] }).byMeasure.map((g) => g.key)).toEqual(['m1', 'm2']);
  });

  it('per year, funding source and category in their fixed order; per partner and activity by name with "none" last', () => {
    const o = full();
    expect(o.byYear.map((g) => [g.key, g.lineIds, g.plannedCents, g.realisedCents])).toEqual([
      [2024, ['l2', 'l4'], 3500, 200],
      [2025, ['l1', 'l3'], 12000, 13000],
    ]);
    expect(keysAndLines(o.byFundingSource)).toEqual([['ocw', ['l1']], ['plus', ['l4']], ['cofin_school', ['l2']], ['cofin_gemeente', ['l3']]]);
    expect(keysAndLines(o.byCategory)).toEqual([['A', ['l2']], ['B', ['l1', 'l4']], ['C', ['l3']]]);
    expect(keysAndLines(o.byPartner)).toEqual([['p1', ['l3']], ['p2', ['l1']], ['p10', ['l4']], [null, ['l2']]]);
    expect(keysAndLines(o.byActivity)).toEqual([['a1', ['l1', 'l4']], ['a2', ['l3']], [null, ['l2']]]);
  });

  it('the matrix: per measure its years, and the measure total', () => {
    const o = full();
    expect(o.matrix.map((r) => [r.measureId, Object.keys(r.cells), r.total.plannedCents, r.total.realisedCents])).toEqual([
      ['m2', ['2024', '2025'], 10500, 11200],
      ['m1', ['2024', '2025'], 5000, 2000],
    ]);
    expect(o.matrix[0]!.cells[2024]).toMatchObject({ key: 2024, lineIds: ['l4'], plannedCents: 500, realisedCents: 200 });
    expect(o.matrix[1]!.cells[2025]).toMatchObject({ key: 2025, lineIds: ['l3'], plannedCents: 2000, realisedCents: 2000, over: false });
  });

  it('per measure: co-financing, cost per participant planned and reached; measures without lines too', () => {
    const o = full();
    expect(o.measures).toEqual([
      { measureId: 'm2', plannedCents: 10500, realisedCents: 11200, cofinCents: 0, cofinInKindCents: 0, cofinLineIds: [], cofinPct: 0, plannedParticipants: 4, perParticipantCents: 2625, reachedParticipants: 5, perReachedCents: 2240 },
      { measureId: 'm1', plannedCents: 5000, realisedCents: 2000, cofinCents: 5000, cofinInKindCents: 3000, cofinLineIds: ['l2', 'l3'], cofinPct: 100, plannedParticipants: 0, perParticipantCents: null, reachedParticipants: null, perReachedCents: null },
      { measureId: 'm3', plannedCents: 0, realisedCents: 0, cofinCents: 0, cofinInKindCents: 0, cofinLineIds: [], cofinPct: null, plannedParticipants: null, perParticipantCents: null, reachedParticipants: null, perReachedCents: null },
    ]);
  });

  it('vrijval per awarded stream and year: awarded minus realised, never below 0; co-financing has none', () => {
    const o = full();
    expect(o.vrijval).toEqual([
      { stream: 'ocw', year: 2025, awardedCents: 20000, plannedCents: 10000, realisedCents: 11000, vrijvalCents: 9000 },
      { stream: 'plus', year: 2024, awardedCents: 0, plannedCents: 500, realisedCents: 200, vrijvalCents: 0 },
      { stream: 'rmc', year: 2026, awardedCents: 5000, plannedCents: 0, realisedCents: 0, vrijvalCents: 5000 },
    ]);
  });
});

describe('the budget helpers', () => {
  it('amounts: over only when more is realised than planned (and than 0); no percentage of nothing', () => {
    expect(amounts(100, 100)).toEqual({ plannedCents: 100, realisedCents: 100, remainingCents: 0, pctRealised: 100, over: false });
    expect(amounts(100, 101)).toMatchObject({ remainingCents: -1, over: true });
    expect(amounts(0, 100)).toEqual({ plannedCents: 0, realisedCents: 100, remainingCents: -100, pctRealised: null, over: true });
    expect(amounts(-100, 0)).toEqual({ plannedCents: -100, realisedCents: 0, remainingCents: -100, pctRealised: null, over: false });
  });

  it('cost per participant, rounded to the cent; none without participants', () => {
    expect(perParticipant(1000, 3)).toBe(333);
    expect(perParticipant(1001, 2)).toBe(501);
    expect(perParticipant(1000, 0)).toBeNull();
    expect(perParticipant(1000, -2)).toBeNull();
    expect(perParticipant(1000, null)).toBeNull();
  });

  it('realised per line, and a rollup by any key with lines without spend at 0', () => {
    expect([...realisedByLine(SPEND)]).toEqual([['l1', 11000], ['l3', 2000], ['elders', 999], ['l4', 200]]);
    const groups = rollup(LINES, new Map([['l1', 50]]), (l) => l.fundingSource, ['plus', 'ocw']);
    expect(groups.map((g) => [g.key, g.realisedCents])).toEqual([['cofin_school', 0], ['cofin_gemeente', 0], ['plus', 0], ['ocw', 50]]);
    expect(rollup(LINES, new Map(), (l) => l.year).map((g) => g.key)).toEqual([2024, 2025]);
  });
});

describe("the programme's awarded amount against its awards (budget check awarded_total)", () => {
  const awards = [
    { id: 'w1', stream: 'ocw' as const, year: 2025, cents: 20000 },
    { id: 'w2', stream: 'rmc' as const, year: 2026, cents: 5000 },
  ];
  const check = (programmeAwardedCents: number | null | undefined, list = awards) =>
    runChecks({ lines: [], spend: [], awards: list, measures: [], rules: DEFAULT_RULES, programmeAwardedCents }).filter((f) => f.code === 'awarded_total');

  it('equal to the sum of the awards, or not given: nothing to say', () => {
    expect(check(25000)).toEqual([]);
    expect(check(null)).toEqual([]);
    expect(check(undefined)).toEqual([]);
    expect(check(null, [])).toEqual([]);
  });

  it('more or less than the awards: a warning with both amounts and the difference', () => {
    expect(check(30000)).toEqual([
      {
        code: 'awarded_total',
        severity: 'warning',
        message: 'Het toegekende bedrag van het programma (€ 300,00) wijkt af van de som van de toekenningen per jaar en bron (€ 250,00): het programma noemt € 50,00 meer. Pas het bedrag bij het programma of de toekenningen aan.',
        year: null,
        stream: null,
        lineIds: [],
        measureIds: [],
        awardIds: ['w1', 'w2'],
      },
    ]);
    expect(check(24999)[0]!.message).toBe('Het toegekende bedrag van het programma (€ 249,99) wijkt af van de som van de toekenningen per jaar en bron (€ 250,00): het programma noemt € 0,01 minder. Pas het bedrag bij het programma of de toekenningen aan.');
  });

  it('an amount without any award yet: a note, not a warning', () => {
    expect(check(30000, [])).toMatchObject([{ severity: 'info', message: 'Het programma heeft een toegekend bedrag van € 300,00, maar er zijn nog geen toekenningen per jaar en bron ingevoerd.', awardIds: [] }]);
    expect(check(0, [])).toEqual([]);
  });
});
