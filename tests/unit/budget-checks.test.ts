import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RULES, runChecks, type AwardFacts, type LineFacts, type MeasureFacts, type SpendFacts } from '../../shared/budget';

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
