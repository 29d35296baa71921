import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RULES, addCents, runChecks, type AwardFacts, type LineFacts, type MeasureFacts, type SpendFacts } from '../../shared/budget';

const base = { activityId: null, management: false, inKind: false, partnerId: null };
const line = (over: Partial<LineFacts> & Pick<LineFacts, 'id' | 'plannedCents'>): LineFacts => ({
  ...base,
  measureId: 'm1',
  year: 2026,
  fundingSource: 'ocw',
  category: 'C',
  ...over,
});
const measures: MeasureFacts[] = [
  { id: 'm1', code: '1.1', name: 'Verzuimaanpak', plusvoorziening: false, plannedParticipants: null },
  { id: 'm2', code: '2.1', name: 'Plusklas', plusvoorziening: true, plannedParticipants: 40 },
];
const run = (lines: LineFacts[], awards: AwardFacts[], spend: SpendFacts[] = [], rules = DEFAULT_RULES) =>
  runChecks({ lines, spend, awards, measures, rules, measureLabel: (id) => measures.find((m) => m.id === id)!.code });
const subsidy = (cents: number, year = 2026): AwardFacts => ({ id: `ocw${year}`, stream: 'ocw', year, cents });

describe('budget rule checks (2012 defaults)', () => {
  it('passes a tidy budget', () => {
    expect(run([line({ id: 'a', plannedCents: 900_000 }), line({ id: 'b', category: 'A', plannedCents: 100_000 })], [subsidy(1_000_000)])).toEqual([]);
  });

  it('flags management costs above 10% of the subsidy, counting category A and flagged lines', () => {
    const f = run([line({ id: 'a', category: 'A', plannedCents: 60_000 }), line({ id: 'b', category: 'H', management: true, plannedCents: 50_000 })], [subsidy(1_000_000)]);
    expect(f.map((x) => x.code)).toEqual(['management_pct']);
    expect(f[0]).toMatchObject({ severity: 'error', year: 2026, lineIds: ['a', 'b'], measureIds: ['m1'] });
    expect(f[0]!.message).toBe('2026: beheers- en coördinatiekosten € 1.100,00 (begroot) zijn 11% van de subsidie € 10.000,00; toegestaan is hooguit 10%.');
  });

  it('exactly 10% is allowed; one cent more is not', () => {
    expect(run([line({ id: 'a', category: 'A', plannedCents: 100_000 })], [subsidy(1_000_000)])).toEqual([]);
    expect(run([line({ id: 'a', category: 'A', plannedCents: 100_001 })], [subsidy(1_000_000)]).map((x) => x.code)).toEqual(['management_pct']);
  });

  it('caps management costs at EUR 150,000 a year, also when the realised amount is higher than planned', () => {
    const big = subsidy(1_000_000_000);
    expect(run([line({ id: 'a', category: 'A', plannedCents: 15_000_000 })], [big])).toEqual([]);
    const f = run([line({ id: 'a', category: 'A', plannedCents: 15_000_000 })], [big], [{ id: 's', lineId: 'a', kind: 'entry', cents: 15_000_100 }]);
    expect(f.map((x) => x.code).sort()).toEqual(['management_max', 'overspend']);
    expect(f.find((x) => x.code === 'management_max')!.message).toMatch(/€ 150\.001,00 \(besteed\).*€ 150\.000,00/);
  });

  it('asks for a reason when less than 75% of the indicative plusvoorziening amount goes to plusvoorzieningen', () => {
    const awards: AwardFacts[] = [{ id: 'p', stream: 'plus', year: 2026, cents: 1_000_000 }];
    const lines = [line({ id: 'a', measureId: 'm2', fundingSource: 'plus', plannedCents: 700_000 }), line({ id: 'b', measureId: 'm1', fundingSource: 'plus', plannedCents: 300_000 })];
    const f = run(lines, awards);
    expect(f).toMatchObject([{ code: 'plus_share', severity: 'warning', lineIds: ['a', 'b'] }]);
    expect(f[0]!.message).toMatch(/70%.*minder dan 75%/);
    expect(run(lines, awards, [], { ...DEFAULT_RULES, plusReason: 'Tijdelijk minder plusklassen' })).toMatchObject([{ code: 'plus_share', severity: 'info' }]);
    expect(run(lines, awards, [], { ...DEFAULT_RULES, plusMinPct: 70 })).toEqual([]);
  });

  it('refuses budgets above the award per stream and year, and budgets on a stream without award', () => {
    const f = run([line({ id: 'a', plannedCents: 1_200_000 }), line({ id: 'b', year: 2027, fundingSource: 'rmc', plannedCents: 1 })], [subsidy(1_000_000)]);
    expect(f.map((x) => [x.code, x.year, x.stream])).toEqual([
      ['award_exceeded', 2026, 'ocw'],
      ['award_exceeded', 2027, 'rmc'],
    ]);
    expect(f[0]!.message).toBe('2026: de begroting op OCW regionale middelen VSV (€ 12.000,00) is € 2.000,00 hoger dan de toekenning (€ 10.000,00).');
    // co-financing and own means need no award
    expect(run([line({ id: 'c', fundingSource: 'cofin_school', plannedCents: 5 }), line({ id: 'd', fundingSource: 'eigen', plannedCents: 5 })], [])).toEqual([]);
    expect(run([line({ id: 'a', plannedCents: 1_200_000 })], [subsidy(1_000_000)], [], { ...DEFAULT_RULES, checkAwards: false })).toEqual([]);
  });

  it('names the over-spent line', () => {
    const f = run([line({ id: 'a', plannedCents: 100_000 })], [subsidy(1_000_000)], [{ id: 's', lineId: 'a', kind: 'year_total', cents: 123_456 }]);
    expect(f).toMatchObject([{ code: 'overspend', severity: 'warning', lineIds: ['a'], message: '1.1, 2026: besteed € 1.234,56 tegen begroot € 1.000,00; € 234,56 overschreden.' }]);
  });

  it('never throws and always points at existing lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cat: fc.constantFrom('A', 'C', 'G' as const), src: fc.constantFrom('ocw', 'plus', 'rmc', 'eigen' as const), cents: fc.integer({ min: -1e9, max: 1e9 }), year: fc.integer({ min: 2025, max: 2027 }) }), { maxLength: 20 }),
        fc.array(fc.record({ src: fc.constantFrom('ocw', 'plus', 'rmc' as const), cents: fc.integer({ min: 0, max: 1e10 }), year: fc.integer({ min: 2025, max: 2027 }) }), { maxLength: 6 }),
        (ls, as) => {
          const lines = ls.map((l, i) => line({ id: `l${i}`, category: l.cat, fundingSource: l.src, plannedCents: l.cents, year: l.year, measureId: i % 2 ? 'm1' : 'm2' }));
          const awards = as.map((a, i) => ({ id: `a${i}`, stream: a.src, year: a.year, cents: a.cents }));
          for (const f of run(lines, awards)) {
            expect(f.lineIds.length + f.awardIds.length).toBeGreaterThan(0);
            for (const id of f.lineIds) expect(lines.some((l) => l.id === id)).toBe(true);
            for (const id of f.awardIds) expect(awards.some((a) => a.id === id)).toBe(true);
          }
        },
      ),
    );
  });

  it('flags budget lines in a year the programme period does not touch (periods may start mid-year)', () => {
    const lines = [line({ id: 'a', year: 2024, plannedCents: 1 }), line({ id: 'b', year: 2028, plannedCents: 1 }), line({ id: 'c', year: 2029, plannedCents: 1 })];
    const f = runChecks({ lines, spend: [], awards: [], measures, rules: { ...DEFAULT_RULES, checkAwards: false }, period: { start: '2024-08-01', end: '2028-07-31' } });
    expect(f).toMatchObject([{ code: 'outside_period', severity: 'warning', year: 2029, lineIds: ['c'] }]);
    expect(f[0]!.message).toBe('2029: 1 begrotingsregel in een jaar buiten de programmaperiode (2024-2028).');
  });
});

describe('budget rule checks: a whole report, every finding written out', () => {
  // Four years, three streams; each line and award is there to hold one edge: lines of another year
  // or stream must not count, equal spend is still "begroot", a year with an award but no lines is
  // not outside the period, a reason of only spaces is no reason, and findings come in year order.
  const L = (id: string, year: number, fundingSource: LineFacts['fundingSource'], measureId: string, plannedCents: number, category: LineFacts['category'] = 'C') =>
    line({ id, year, fundingSource, measureId, plannedCents, category });
  const lines = [
    L('L1', 2026, 'ocw', 'm1', 111_111, 'A'),
    L('L2', 2026, 'plus', 'm2', 700_000, 'A'),
    L('L3', 2025, 'plus', 'm2', 500_000),
    L('L4', 2026, 'ocw', 'm2', 300_000),
    L('L5', 2025, 'ocw', 'm1', 200_000),
    L('L6', 2028, 'rmc', 'm1', 100),
    L('L7', 2028, 'rmc', 'm1', 100),
    L('L8', 2027, 'ocw', 'm1', 1_000, 'A'),
    L('L9', 2024, 'rmc', 'm1', 100),
  ];
  const awards: AwardFacts[] = [
    { id: 'ocw2025', stream: 'ocw', year: 2025, cents: 1_000_000 },
    { id: 'ocw2026', stream: 'ocw', year: 2026, cents: 1_000_000 },
    { id: 'plus2026', stream: 'plus', year: 2026, cents: 1_000_000 },
    { id: 'rmc2024', stream: 'rmc', year: 2024, cents: 500 },
    { id: 'plus2027', stream: 'plus', year: 2027, cents: 100_000 },
  ];
  const spend: SpendFacts[] = [
    { id: 's1', lineId: 'L1', kind: 'entry', cents: 111_111 },
    { id: 's5', lineId: 'L5', kind: 'entry', cents: 250_000 },
  ];

  it('finds exactly these, in this order, with these words', () => {
    const findings = runChecks({ lines, spend, awards, measures, rules: { ...DEFAULT_RULES, plusReason: '   ' }, period: { start: '2025-08-01', end: '2027-07-31' } });
    expect(findings).toEqual([
      {
        code: 'award_exceeded',
        severity: 'error',
        message: '2025: de begroting op Plusvoorzieningmiddelen (€ 5.000,00) is € 5.000,00 hoger dan de toekenning (€ 0,00).',
        year: 2025,
        stream: 'plus',
        lineIds: ['L3'],
        measureIds: ['m2'],
        awardIds: [],
      },
      {
        code: 'management_pct',
        severity: 'error',
        message: '2026: beheers- en coördinatiekosten € 1.111,11 (begroot) zijn 11,1% van de subsidie € 10.000,00; toegestaan is hooguit 10%.',
        year: 2026,
        stream: 'ocw',
        lineIds: ['L1'],
        measureIds: ['m1'],
        awardIds: ['ocw2026'],
      },
      {
        code: 'plus_share',
        severity: 'warning',
        message: '2026: naar plusvoorzieningen gaat € 7.000,00, 70% van het indicatieve bedrag € 10.000,00; dat is minder dan 75%. Leg de reden vast bij de regels van dit programma.',
        year: 2026,
        stream: 'plus',
        lineIds: ['L2'],
        measureIds: ['m2'],
        awardIds: ['plus2026'],
      },
      {
        // An indicative amount with nothing budgeted for plusvoorzieningen at all.
        code: 'plus_share',
        severity: 'warning',
        message: '2027: naar plusvoorzieningen gaat € 0,00, 0% van het indicatieve bedrag € 1.000,00; dat is minder dan 75%. Leg de reden vast bij de regels van dit programma.',
        year: 2027,
        stream: 'plus',
        lineIds: [],
        measureIds: [],
        awardIds: ['plus2027'],
      },
      {
        // Management costs on a stream without award: no percentage of nothing, but over the award.
        code: 'award_exceeded',
        severity: 'error',
        message: '2027: de begroting op OCW regionale middelen VSV (€ 10,00) is € 10,00 hoger dan de toekenning (€ 0,00).',
        year: 2027,
        stream: 'ocw',
        lineIds: ['L8'],
        measureIds: ['m1'],
        awardIds: [],
      },
      {
        code: 'award_exceeded',
        severity: 'error',
        message: '2028: de begroting op RMC-middelen (€ 2,00) is € 2,00 hoger dan de toekenning (€ 0,00).',
        year: 2028,
        stream: 'rmc',
        lineIds: ['L6', 'L7'],
        measureIds: ['m1'],
        awardIds: [],
      },
      {
        code: 'outside_period',
        severity: 'warning',
        message: '2024: 1 begrotingsregel in een jaar buiten de programmaperiode (2025-2027).',
        year: 2024,
        stream: null,
        lineIds: ['L9'],
        measureIds: ['m1'],
        awardIds: [],
      },
      {
        code: 'outside_period',
        severity: 'warning',
        message: '2028: 2 begrotingsregels in een jaar buiten de programmaperiode (2025-2027).',
        year: 2028,
        stream: null,
        lineIds: ['L6', 'L7'],
        measureIds: ['m1'],
        awardIds: [],
      },
      {
        // Without measureLabel a measure is named by its id.
        code: 'overspend',
        severity: 'warning',
        message: 'm1, 2025: besteed € 2.500,00 tegen begroot € 2.000,00; € 500,00 overschreden.',
        year: 2025,
        stream: 'ocw',
        lineIds: ['L5'],
        measureIds: ['m1'],
        awardIds: [],
      },
    ]);
  });
});

describe('budget rule checks: the other findings written out', () => {
  it('the management maximum, and a plusvoorziening share with its reason recorded', () => {
    const lines = [line({ id: 'M', category: 'A', plannedCents: 15_000_001 }), line({ id: 'P', fundingSource: 'plus', plannedCents: 100_000 })];
    const awards: AwardFacts[] = [subsidy(1_000_000_000), { id: 'p', stream: 'plus', year: 2026, cents: 1_000_000 }];
    expect(run(lines, awards, [], { ...DEFAULT_RULES, plusReason: ' Minder plusklassen ' })).toEqual([
      {
        code: 'management_max',
        severity: 'error',
        message: '2026: beheers- en coördinatiekosten € 150.000,01 (begroot) zijn meer dan het maximum van € 150.000,00 per jaar.',
        year: 2026,
        stream: 'ocw',
        lineIds: ['M'],
        measureIds: ['m1'],
        awardIds: ['ocw2026'],
      },
      {
        // Measure m1 is no plusvoorziening: nothing goes to them.
        code: 'plus_share',
        severity: 'info',
        message: '2026: naar plusvoorzieningen gaat € 0,00, 0% van het indicatieve bedrag € 10.000,00 (minder dan 75%); de reden is vastgelegd.',
        year: 2026,
        stream: 'plus',
        lineIds: ['P'],
        measureIds: ['m1'],
        awardIds: ['p'],
      },
    ]);
  });
});

describe('budget rule checks: a year with awards only', () => {
  it('warns about an indicative amount with nothing budgeted, and flags no year outside the period without lines', () => {
    const awards: AwardFacts[] = [
      { id: 'p30', stream: 'plus', year: 2030, cents: 100_000 },
      { id: 'r31', stream: 'rmc', year: 2031, cents: 500 },
    ];
    expect(runChecks({ lines: [], spend: [], awards, measures, rules: DEFAULT_RULES, period: { start: '2025-08-01', end: '2027-07-31' } })).toEqual([
      {
        code: 'plus_share',
        severity: 'warning',
        message: '2030: naar plusvoorzieningen gaat € 0,00, 0% van het indicatieve bedrag € 1.000,00; dat is minder dan 75%. Leg de reden vast bij de regels van dit programma.',
        year: 2030,
        stream: 'plus',
        lineIds: [],
        measureIds: [],
        awardIds: ['p30'],
      },
    ]);
  });
});

describe('adding cents', () => {
  it('adds exactly, and refuses a total that can no longer be exact', () => {
    expect(addCents(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(addCents(-5, 3)).toBe(-2);
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(new RangeError(`Money total out of exact range: ${Number.MAX_SAFE_INTEGER} + 1`));
  });
});
