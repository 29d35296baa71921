import { describe, expect, it } from 'vitest';
import { makeCore, pinToday, programmeInput } from './helpers';
import { today } from '../../electron/core/clock';
import { yearsSinceWritten } from '../../electron/core/demo/calendar';
import { activityInput, measureInput } from './programme-tree-helpers';
import type { In } from '../../shared/contract';

async function setup() {
  const core = await makeCore();
  const { call } = core;
  const p = await call('programme.create', programmeInput({ periodStart: '2026-01-01', periodEnd: '2027-12-31' }));
  const m1 = await call('measure.create', measureInput(p.id, '1.1', 'Verzuimaanpak'));
  const m2 = await call('measure.create', { ...measureInput(p.id, '2.1', 'Plusklas'), plusvoorziening: true });
  const a = await call('activity.create', { ...activityInput(m2.id, '2.1.1', 'Plusklas Noord'), plannedParticipants: [{ schoolYear: '2026/2027', count: 40 }] });
  const org = await call('organisation.create', { name: 'Gemeente Voorbeeldstad', type: 'gemeente', brin: '', kvk: '', place: '', notes: '' });
  return { ...core, p, m1, m2, a, org };
}

const line = (measureId: string, over: Partial<In<'budgetLine.create'>> = {}): In<'budgetLine.create'> => ({
  measureId,
  activityId: null,
  year: 2026,
  costItem: 'Inzet trajectbegeleider 0,4 fte',
  kind: 'personeel',
  fte: 0.4,
  hours: null,
  fundingSource: 'ocw',
  category: 'C',
  management: false,
  partnerId: null,
  inKind: false,
  plannedCents: 4_000_000,
  notes: '',
  ...over,
});

const award = (programmeId: string, over: Partial<In<'award.create'>> = {}): In<'award.create'> => ({
  programmeId,
  stream: 'ocw',
  year: 2026,
  amountCents: 10_000_000,
  paymentDates: ['2026-07-01', '2026-02-01'],
  spendBy: '2027-12-31',
  route: 'jaarverslag',
  reference: 'OCW/VSV/2026/16',
  notes: '',
  ...over,
});

describe('money in the store', () => {
  it('takes an award, two lines with different sources and spend, and shows them in the overview', async () => {
    const { call, p, m1, m2, a, org } = await setup();
    const aw = await call('award.create', award(p.id));
    expect(aw.paymentDates).toEqual(['2026-02-01', '2026-07-01']);
    const l1 = await call('budgetLine.create', line(m1.id));
    const l2 = await call('budgetLine.create', line(m2.id, { activityId: a.id, fundingSource: 'cofin_gemeente', partnerId: org.id, inKind: true, category: 'E', plannedCents: 1_000_000 }));
    expect(l2).toMatchObject({ activityCode: '2.1.1', partnerName: 'Gemeente Voorbeeldstad', realisedCents: 0, spendCount: 0 });

    await call('spend.create', { budgetLineId: l1.id, kind: 'entry', date: '2026-03-15', amountCents: 1_234_56, description: 'Factuur maart', reference: 'F-2026-031' });
    await call('spend.create', { budgetLineId: l1.id, kind: 'correction', date: '2026-04-01', amountCents: -3_456, description: 'Creditnota', reference: '' });
    await call('spend.create', { budgetLineId: l2.id, kind: 'year_total', date: null, amountCents: 1_100_000, description: 'Jaartotaal gemeente', reference: '' });

    const o = await call('budget.overview', { programmeId: p.id });
    expect(o.total).toMatchObject({ plannedCents: 5_000_000, realisedCents: 1_220_000, awardedCents: 10_000_000, lineCount: 2 });
    for (const b of [o.byYear, o.byFundingSource, o.byCategory, o.byPartner])
      expect(b.reduce((s, g) => s + g.plannedCents, 0) * 1e6 + b.reduce((s, g) => s + g.realisedCents, 0)).toBe(o.total.plannedCents * 1e6 + o.total.realisedCents);
    expect(o.byFundingSource.map((g) => [g.label, g.plannedCents])).toEqual([
      ['OCW regionale middelen VSV', 4_000_000],
      ['Cofinanciering gemeenten', 1_000_000],
    ]);
    expect(o.byPartner.map((g) => g.label)).toEqual(['Gemeente Voorbeeldstad', 'Geen partner']);
    const cell = o.matrix.find((r) => r.measureId === m1.id)!.cells[0]!;
    // A cell sends its two sums; remaining and % follow from them on the screen.
    expect(cell).toEqual({ key: 2026, plannedCents: 4_000_000, realisedCents: 120_000 });
    expect(o.measures.find((m) => m.id === m2.id)).toMatchObject({ cofinCents: 1_000_000, cofinInKindCents: 1_000_000, cofinPct: 100, plannedParticipants: 40, perParticipantCents: 25_000 });
    expect(o.overspentLineIds).toEqual([l2.id]);
    const checks = await call('budget.checks', { programmeId: p.id });
    expect(checks.map((c) => c.code)).toEqual(['overspend']);
    expect(checks[0]!.lineIds).toEqual([l2.id]);

    // One click from a matrix cell to its entries: the same filter the cell stands for.
    const entries = await call('spend.list', { programmeId: p.id, measureId: m1.id, year: 2026 });
    expect(entries.map((e) => [e.kind, e.amountCents, e.reference])).toEqual([
      ['entry', 123_456, 'F-2026-031'],
      ['correction', -3_456, ''],
    ]);
    expect(entries.reduce((s, e) => s + e.amountCents, 0)).toBe(cell.realisedCents);
    // The answer carries the cell's figures, not the ids of its lines (issue 13: small answers); its filter finds them.
    expect(cell).not.toHaveProperty('lineIds');
    expect((await call('budgetLine.list', { programmeId: p.id, partnerId: null })).map((l) => l.id)).toEqual([l1.id]);
  });

  it('gives the cost per participant reached: realised spend over the participants reached, the latest figure per school year', async () => {
    // Reached figures are about the past: the clock stands after them.
    pinToday('2027-06-01');
    const { call, p, m2, a } = await setup();
    const l = await call('budgetLine.create', line(m2.id, { activityId: a.id, plannedCents: 2_000_000 }));
    await call('spend.create', { budgetLineId: l.id, kind: 'entry', date: '2026-09-30', amountCents: 1_100_000, description: 'Begeleiding', reference: '' });
    const reached = (date: string, value: number, status: 'voorlopig' | 'definitief') =>
      call('measurement.create', { indicatorId: `deelnemers:${a.id}`, date, value, numerator: null, denominator: null, categories: null, status, source: 'Registratie', explanation: '' });
    await reached('2026-12-01', 30, 'voorlopig');
    await reached('2027-03-01', 32, 'definitief');
    const o = await call('budget.overview', { programmeId: p.id });
    // 32 reached (the later figure of school year 2026/2027), € 11.000,00 spent: € 343,75 each.
    expect(o.measures.find((m) => m.id === m2.id)).toMatchObject({ realisedCents: 1_100_000, reachedParticipants: 32, perReachedCents: 34_375 });
    // A measure without reached figures has none (not zero).
    expect(o.measures.find((m) => m.id !== m2.id)).toMatchObject({ reachedParticipants: null, perReachedCents: null });
  });

  it('refuses a line without funding source or year, naming the field', async () => {
    const { fail, m1 } = await setup();
    const { fundingSource: _f, ...noSource } = line(m1.id);
    const e1 = await fail('budgetLine.create', noSource);
    expect(e1.field).toBe('fundingSource');
    expect(e1.message).toMatch(/^Financieringsbron: /);
    const { year: _y, ...noYear } = line(m1.id);
    const e2 = await fail('budgetLine.create', noYear);
    expect(e2.field).toBe('year');
    expect(e2.message).toBe('Jaar: vul een kalenderjaar in, bijvoorbeeld 2026.');
  });

  it('refuses 12 digits before the comma and negative amounts where they mean nothing', async () => {
    const { fail, call, m1, p } = await setup();
    expect((await fail('budgetLine.create', line(m1.id, { plannedCents: 100_000_000_000_00 }))).message).toMatch(/^Begroot bedrag: het bedrag is te groot/);
    expect((await fail('award.create', award(p.id, { amountCents: -1 }))).message).toBe('Bedrag: mag niet negatief zijn.');
    expect((await fail('budgetLine.create', line(m1.id, { plannedCents: -100 }))).message).toMatch(/^Begroot bedrag: een negatief bedrag mag alleen bij categorie G/);
    const reserve = await call('budgetLine.create', line(m1.id, { category: 'G', costItem: 'Inzet reserve', plannedCents: -50_000 }));
    expect(reserve.plannedCents).toBe(-50_000);
    const l = await call('budgetLine.create', line(m1.id));
    const neg = await fail('spend.create', { budgetLineId: l.id, kind: 'entry', date: '2026-01-05', amountCents: -1, description: '', reference: '' });
    expect(neg).toMatchObject({ field: 'amountCents', message: expect.stringMatching(/^Bedrag: een negatief bedrag mag alleen als correctie/) });
    await call('spend.create', { budgetLineId: reserve.id, kind: 'entry', date: '2026-01-05', amountCents: -20_000, description: 'Reserve ingezet', reference: '' });
    expect((await fail('spend.create', { budgetLineId: l.id, kind: 'entry', date: null, amountCents: 1, description: '', reference: '' })).field).toBe('date');
  });

  it('allows one year total per line and checks the activity belongs to the measure', async () => {
    const { fail, call, m1, a } = await setup();
    const l = await call('budgetLine.create', line(m1.id));
    await call('spend.create', { budgetLineId: l.id, kind: 'year_total', date: '2026-05-05', amountCents: 10, description: '', reference: '' });
    expect((await call('budgetLine.get', { id: l.id })).hasYearTotal).toBe(true);
    expect((await fail('spend.create', { budgetLineId: l.id, kind: 'year_total', date: null, amountCents: 10, description: '', reference: '' })).field).toBe('kind');
    expect((await fail('budgetLine.create', line(m1.id, { activityId: a.id }))).field).toBe('activityId');
  });

  it('sends a line with its spend to the Prullenbak and brings both back; undo works', async () => {
    const { call, p, m1, versionOf } = await setup();
    const l = await call('budgetLine.create', line(m1.id));
    await call('spend.create', { budgetLineId: l.id, kind: 'entry', date: '2026-03-15', amountCents: 500, description: 'Factuur', reference: '' });
    await call('budgetLine.delete', { id: l.id, rowVersion: l.rowVersion });
    expect(await call('budgetLine.list', { programmeId: p.id })).toEqual([]);
    expect(await call('spend.list', { programmeId: p.id })).toEqual([]);
    const [item] = await call('trash.list');
    expect(item).toMatchObject({ entity: 'budgetLine', label: '2026 Inzet trajectbegeleider 0,4 fte' });
    await call('trash.restore', { changeSetId: item!.changeSetId });
    expect((await call('spend.list', { programmeId: p.id })).map((s) => s.amountCents)).toEqual([500]);

    await call('budgetLine.update', { ...line(m1.id), id: l.id, rowVersion: versionOf('budgetLine', l.id), plannedCents: 1 });
    await call('history.undo');
    expect((await call('budgetLine.get', { id: l.id })).plannedCents).toBe(4_000_000);

    // Trashing the measure takes the line and its spend along.
    await call('measure.delete', { id: m1.id, rowVersion: versionOf('measure', m1.id) });
    expect((await call('budget.overview', { programmeId: p.id })).total.lineCount).toBe(0);
  });

  it('checks against per-programme rules and keeps them in the history', async () => {
    const { call, p, m1 } = await setup();
    await call('award.create', award(p.id, { amountCents: 1_000_000 }));
    await call('budgetLine.create', line(m1.id, { category: 'A', plannedCents: 200_000 }));
    let o = await call('budget.overview', { programmeId: p.id });
    expect(o.rules).toEqual({ managementMaxPct: 10, managementMaxCents: 15_000_000, plusMinPct: 75, plusReason: '', checkAwards: true });
    expect((await call('budget.checks', { programmeId: p.id })).map((c) => c.code)).toEqual(['management_pct']);
    await call('budget.rules.update', { programmeId: p.id, ...o.rules, managementMaxPct: 25 });
    o = await call('budget.overview', { programmeId: p.id });
    expect(await call('budget.checks', { programmeId: p.id })).toEqual([]);
    await call('budget.rules.update', { programmeId: p.id, ...o.rules, managementMaxPct: 20 });
    expect((await call('history.forEntity', { entity: 'budgetRules', id: p.id })).map((h) => h.op)).toEqual(['update', 'create']);
  });
});

describe('regieboek budget', () => {
  it('prints totals whose four breakdowns each sum to the total, and the example\'s three findings', async () => {
    const path = await import('node:path');
    const { runCli } = await import('../../electron/core/cli/main');
    const { tempDir } = await import('./helpers');
    const file = path.join(tempDir(), 'demo.sqlite');
    const io = { out: '', err: '' };
    const sink = { out: (s: string) => (io.out += s), err: (s: string) => (io.err += s) };
    expect(await runCli(['demo', '--db', file], sink)).toBe(0);
    io.out = '';
    expect(await runCli(['budget', '--db', file, '--json'], sink)).toBe(0);
    const r = JSON.parse(io.out);
    expect(r.total.plannedCents).toBeGreaterThan(0);
    expect(r.total.realisedCents).toBeGreaterThan(0);
    expect(r.total.awardedCents).toBeGreaterThan(0);
    for (const key of ['byMeasure', 'byYear', 'byFundingSource', 'byCategory']) {
      const rows = r[key] as { plannedCents: number; realisedCents: number }[];
      expect(rows.reduce((s, x) => s + x.plannedCents, 0)).toBe(r.total.plannedCents);
      expect(rows.reduce((s, x) => s + x.realisedCents, 0)).toBe(r.total.realisedCents);
    }
    expect(r.byMeasure.every((m: { code: string }) => m.code !== '')).toBe(true);
    // The programme of 2020-2024 (written on WRITTEN_ON; the example moves with the clock by whole
    // years) names an awarded amount but has no awards per year and source: said, as information.
    const shift = yearsSinceWritten(today());
    expect(r.checks.map((c: { code: string }) => c.code).sort()).toEqual(['awarded_total', 'management_pct', 'overspend']);
    expect(r.checks.find((c: { code: string }) => c.code === 'awarded_total')).toMatchObject({ severity: 'info', programme: `Regionaal programma VSV ${2020 + shift}-${2024 + shift}` });
    expect(r.checks[0]).toEqual(expect.objectContaining({ code: expect.any(String), severity: expect.any(String), message: expect.any(String) }));
    expect(await runCli(['budget', '--db', file], sink)).toBe(0);
    expect(io.out).toContain('3 bevindingen');
  });
});

describe('editing spend', () => {
  it('changes an entry into a correction, keeps one year total per line, and records it', async () => {
    const { call, fail, p, m1 } = await setup();
    const l = await call('budgetLine.create', line(m1.id));
    const s = await call('spend.create', { budgetLineId: l.id, kind: 'entry', date: '2026-02-01', amountCents: 1_000, description: 'Factuur', reference: 'F1' });
    const fixed = await call('spend.update', { id: s.id, rowVersion: s.rowVersion, kind: 'correction', date: '2026-02-02', amountCents: -1_000, description: 'Creditnota', reference: 'C1' });
    expect(fixed).toMatchObject({ kind: 'correction', amountCents: -1_000, year: 2026 });
    await call('spend.create', { budgetLineId: l.id, kind: 'year_total', date: null, amountCents: 5_000, description: '', reference: '' });
    expect((await fail('spend.update', { id: s.id, rowVersion: fixed.rowVersion, kind: 'year_total', date: null, amountCents: 1, description: '', reference: '' })).field).toBe('kind');
    expect((await fail('spend.update', { id: s.id, rowVersion: fixed.rowVersion, kind: 'entry', date: '2026-02-02', amountCents: -1, description: '', reference: '' })).field).toBe('amountCents');
    expect((await call('budget.overview', { programmeId: p.id })).total.realisedCents).toBe(4_000);
    const h = await call('history.forEntity', { entity: 'spend', id: s.id });
    expect(h.map((e) => e.op)).toEqual(['update', 'create']);
    expect(h[0]!.label).toMatch(/01-02-2026/);
  });
});

describe('money follows the programme tree', () => {
  it('moves an activity\'s budget lines with the activity, and one undo puts both back', async () => {
    const { call, p, m1, m2, a } = await setup();
    const l = await call('budgetLine.create', line(m2.id, { activityId: a.id }));
    await call('activity.move', { id: a.id, rowVersion: a.rowVersion, measureId: m1.id });
    expect((await call('budgetLine.get', { id: l.id })).measureId).toBe(m1.id);
    expect((await call('budget.overview', { programmeId: p.id })).matrix.map((r) => r.measureId)).toEqual([m1.id]);
    await call('history.undo');
    expect((await call('budgetLine.get', { id: l.id })).measureId).toBe(m2.id);
    expect((await call('activity.get', { id: a.id })).measureId).toBe(m2.id);
  });
});

describe('the example region\'s money', () => {
  it('has awards, budget lines with co-financing and spend for every measure over the programme period, and the two example checks', async () => {
    const { call } = await makeCore({ workspace: false });
    await call('workspace.openExample');
    const running = (await call('programme.list')).find((p) => p.status === 'lopend')!;
    const o = await call('budget.overview', { programmeId: running.id });
    // The example moves with the clock (demo/calendar.ts): the programme runs from y0 to y0 + 4, y0 + 2 is under way.
    const y0 = Number(running.periodStart.slice(0, 4));
    const years = [y0, y0 + 1, y0 + 2, y0 + 3, y0 + 4];
    expect(o.years).toEqual(years);
    expect(running.periodStart <= today() && today() <= running.periodEnd).toBe(true);
    expect(o.measures.length).toBeGreaterThanOrEqual(4);
    for (const m of o.measures) {
      const row = o.matrix.find((r) => r.measureId === m.id)!;
      expect(row.cells.map((c) => c.key)).toEqual(years);
      for (const c of row.cells) if (c.key <= y0 + 2) expect(c.realisedCents).not.toBe(0);
    }
    expect(o.measures.filter((m) => m.cofinCents > 0).length).toBeGreaterThan(0);
    expect(o.measures.some((m) => m.cofinInKindCents > 0)).toBe(true);
    expect(o.byFundingSource.map((g) => g.key)).toEqual(expect.arrayContaining(['ocw', 'plus', 'rmc', 'cofin_school', 'cofin_gemeente']));
    expect(o.byCategory.find((g) => g.key === 'G')).toMatchObject({ plannedCents: 0, realisedCents: 0 });
    expect((await call('budget.checks', { programmeId: running.id })).map((c) => c.code).sort()).toEqual(['management_pct', 'overspend']);
    expect(o.vrijval.length).toBeGreaterThan(0);
    // Cost per participant reached, from the results' built-in participants indicator.
    const withReached = o.measures.filter((m) => m.reachedParticipants !== null);
    expect(withReached.length).toBeGreaterThan(0);
    // The formula itself is held by a hand-computed case above; here: every such measure has one.
    for (const m of withReached) expect(m.perReachedCents).toBeGreaterThan(0);
  });
});
