/**
 * The example region's money: awards, budget lines per measure and year (with co-financing by
 * partners, in money and in kind), and spend over the running programme. Built on whatever
 * measures and partners the example holds; when it has none yet, a few are added here. The data
 * is made to trigger exactly two checks: one over-spent budget line and management costs above 10%
 * of the subsidy in 2026. Years are written as on calendar.ts's WRITTEN_ON and moved with it.
 */
import { randomUUID } from 'node:crypto';
import type { Tracker } from '../history/tracker';
import type { FundingSource, SpendingCategory, CostKind, SpendKind } from '../../../shared/budget';
import type { DemoCalendar } from './calendar';

const stamp = (at: string) => ({ createdAt: at, updatedAt: at, deletedAt: null, deletedIn: null });

/** Deterministic "random" in [0, 1): the example is the same every time. */
function noise(n: number): number {
  const x = Math.sin(n * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
}

/** The programme's calendar years and the share of each year inside the period (in twelfths). */
function calendarYears(periodStart: string, periodEnd: string): { year: number; twelfths: number }[] {
  const [y0, m0] = [Number(periodStart.slice(0, 4)), Number(periodStart.slice(5, 7))];
  const [y1, m1] = [Number(periodEnd.slice(0, 4)), Number(periodEnd.slice(5, 7))];
  const out: { year: number; twelfths: number }[] = [];
  for (let y = y0; y <= y1; y++) out.push({ year: y, twelfths: (y === y1 ? m1 : 12) - (y === y0 ? m0 - 1 : 0) });
  return out;
}

const euros = (e: number) => Math.round(e) * 100;

export async function seedMoney(tr: Tracker, cal: DemoCalendar, programmeId: string): Promise<void> {
  // The calendar years as written: 2024 put aside, 2025 over-spent, 2026 the current year.
  const [y2024, y2025, y2026] = [cal.year(2024), cal.year(2025), cal.year(2026)];
  // The same amounts in whichever year the example is seeded.
  const noiseOf = (n: number) => noise(n - cal.years);
  const trx = tr.trx;
  const at = tr.at;
  const programme = await trx.selectFrom('programme').select(['periodStart', 'periodEnd']).where('id', '=', programmeId).executeTakeFirstOrThrow();

  let measures = await trx.selectFrom('measure').select(['id', 'code', 'name', 'plusvoorziening']).where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute();
  if (measures.length === 0) {
    const fallback = [
      ['1.1', 'Sluitende overstap vo-mbo', 0],
      ['1.2', 'Verzuimaanpak eerste leerjaar mbo', 0],
      ['2.1', 'Plusvoorziening Op Koers', 1],
      ['3.1', 'Regionale coördinatie en monitoring', 0],
    ] as const;
    for (const [i, [code, name, plus]] of fallback.entries())
      await tr.insert('measure', {
        id: randomUUID(),
        programmeId,
        lineId: null,
        code,
        name,
        description: '',
        plusvoorziening: plus,
        targetGroups: '[]',
        leadOrganisationId: null,
        executorIds: '[]',
        status: 'lopend',
        sortOrder: i,
        ...stamp(at),
      });
    measures = await trx.selectFrom('measure').select(['id', 'code', 'name', 'plusvoorziening']).where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute();
  }
  measures.sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true }));

  let orgs = await trx.selectFrom('organisation').select(['id', 'type']).where('deletedAt', 'is', null).execute();
  if (!orgs.some((o) => o.type === 'gemeente') || !orgs.some((o) => ['mbo', 'vo'].includes(o.type))) {
    for (const [name, type] of [
      ['Gemeente Voorbeeldstad', 'gemeente'],
      ['Voorbeeld College', 'mbo'],
    ] as const)
      await tr.insert('organisation', { id: randomUUID(), name, type, brin: '', kvk: '', place: 'Voorbeeldstad', notes: '', ...stamp(at) });
    orgs = await trx.selectFrom('organisation').select(['id', 'type']).where('deletedAt', 'is', null).execute();
  }
  // Co-financing partners take turns over the measures.
  const municipalities = orgs.filter((o) => o.type === 'gemeente').map((o) => o.id);
  const schools = orgs.filter((o) => ['mbo', 'vo'].includes(o.type)).map((o) => o.id);
  const municipality = (i: number) => municipalities[i % municipalities.length]!;
  const school = (i: number) => schools[i % schools.length]!;

  const activities = await trx.selectFrom('activity').select(['id', 'measureId']).where('deletedAt', 'is', null).execute();
  const plusMeasures = measures.filter((m) => m.plusvoorziening === 1);
  const regular = measures.filter((m) => m.plusvoorziening !== 1);
  const coordination = regular.find((m) => /coördinat|regie/i.test(m.name)) ?? regular[regular.length - 1] ?? measures[0]!;
  const years = calendarYears(programme.periodStart, programme.periodEnd);

  // Awards: the OCW subsidy, plusvoorziening funds (only when there is a plusvoorziening) and RMC funds.
  const awards: { stream: FundingSource; perYear: number; route: 'jaarverslag' | 'sisa' }[] = [
    { stream: 'ocw', perYear: 840_000, route: 'jaarverslag' },
    { stream: 'rmc', perYear: 150_000, route: 'sisa' },
  ];
  if (plusMeasures.length) awards.push({ stream: 'plus', perYear: 240_000, route: 'jaarverslag' });
  const awarded = new Map<string, number>();
  for (const a of awards)
    for (const { year, twelfths } of years) {
      const cents = euros((a.perYear * twelfths) / 12);
      awarded.set(`${a.stream}|${year}`, cents);
      await tr.insert('award', {
        id: randomUUID(),
        programmeId,
        stream: a.stream,
        year,
        amountCents: cents,
        paymentDates: JSON.stringify(twelfths === 12 ? [`${year}-02-15`, `${year}-07-15`] : [`${year}-${years[0]!.year === year ? '09' : '02'}-15`]),
        spendBy: `${year + 1}-12-31`,
        route: a.route,
        reference: `${a.stream === 'rmc' ? 'SPUK' : 'OCW'}/VSV/${year}/00`,
        notes: '',
        ...stamp(at),
      });
    }

  type Line = { measureId: string; activityId: string | null; year: number; costItem: string; kind: CostKind; fte: number | null; hours: number | null; fundingSource: FundingSource; category: SpendingCategory; management: number; partnerId: string | null; inKind: number; plannedCents: number; realise: number };
  const lines: Line[] = [];
  const base = { activityId: null, fte: null, hours: null, management: 0, partnerId: null, inKind: 0 };

  for (const { year } of years) {
    const subsidy = awarded.get(`ocw|${year}`)!;
    // Coordination (category A): 9% of the subsidy, but 11,3% in 2026: the management-cost breach.
    const mgmt = Math.round((subsidy * (year === y2026 ? 113 : 90)) / 1000 / 100) * 100;
    lines.push({ ...base, measureId: coordination.id, year, costItem: 'Programmacoördinator VSV 0,8 fte', kind: 'personeel', fte: 0.8, fundingSource: 'ocw', category: 'A', plannedCents: mgmt, realise: 0.97 });
    const ocwEach = Math.floor((subsidy * 0.8) / regular.length / 10_000) * 10_000;
    const rmcEach = Math.floor((awarded.get(`rmc|${year}`)! * 0.9) / regular.length / 10_000) * 10_000;
    regular.forEach((m, i) => {
      const act = activities.find((a) => a.measureId === m.id)?.id ?? null;
      const cat: SpendingCategory = (['E', 'C', 'F', 'B'] as const)[i % 4]!;
      lines.push({ ...base, measureId: m.id, activityId: act, year, costItem: `Inzet uitvoering ${m.code || m.name}`.trim(), kind: 'personeel', fte: 0.6, fundingSource: 'ocw', category: cat, plannedCents: ocwEach, realise: 0.88 + noiseOf(i + year) * 0.1 });
      lines.push({ ...base, measureId: m.id, year, costItem: 'Materiaal en bijeenkomsten', kind: 'materieel', fundingSource: 'rmc', category: cat === 'B' ? 'B' : 'H', plannedCents: rmcEach, realise: 0.8 + noiseOf(i * 7 + year) * 0.15 });
      lines.push({ ...base, measureId: m.id, year, costItem: 'Inzet docenten (uren)', kind: 'personeel', hours: 320, fundingSource: 'cofin_school', category: cat, partnerId: school(i), inKind: 1, plannedCents: euros(20_000 + i * 2_500), realise: 1 });
      if (i % 2 === 0)
        lines.push({ ...base, measureId: m.id, year, costItem: 'Bijdrage gemeente', kind: 'overig', fundingSource: 'cofin_gemeente', category: cat, partnerId: municipality(i / 2), plannedCents: euros(15_000), realise: 0.95 });
    });
    const plus = awarded.get(`plus|${year}`);
    if (plus)
      plusMeasures.forEach((m, i) => {
        lines.push({ ...base, measureId: m.id, activityId: activities.find((a) => a.measureId === m.id)?.id ?? null, year, costItem: 'Begeleiders plusvoorziening', kind: 'personeel', fte: 2, fundingSource: 'plus', category: 'D', plannedCents: Math.floor((plus * 0.95) / plusMeasures.length / 10_000) * 10_000, realise: 0.9 + noise(i + (year - cal.years) * 3) * 0.08 });
      });
  }
  // The over-spent line: ICT for registration, 2025, realised 18% above plan.
  lines.push({ ...base, measureId: coordination.id, year: y2025, costItem: 'Licentie en beheer registratiesysteem verzuim', kind: 'materieel', fundingSource: 'eigen', category: 'B', plannedCents: euros(12_000), realise: 1.18 });
  // A reserve (category G): put aside in 2024, used in 2026 (a negative amount, as the effect report asks).
  const reserve = { ...base, measureId: coordination.id, kind: 'overig' as const, fundingSource: 'ocw' as const, category: 'G' as const, realise: 1 };
  if (years.some((y) => y.year === y2024) && years.some((y) => y.year === y2026)) {
    lines.push({ ...reserve, year: y2024, costItem: `Reservering voor verzuimproject ${y2026}`, plannedCents: euros(20_000) });
    lines.push({ ...reserve, year: y2026, costItem: 'Inzet reservering verzuimproject', plannedCents: -euros(20_000) });
  }

  let n = 0;
  for (const { realise, ...l } of lines) {
    const id = randomUUID();
    await tr.insert('budgetLine', { id, ...l, notes: '', ...stamp(at) });
    // Spend: years before 2026 complete, 2026 through the third quarter, later years not yet.
    if (l.category === 'G') {
      // A reservation is booked once: the addition to the reserve, or (negative) its use.
      await tr.insert('spend', {
        id: randomUUID(),
        budgetLineId: id,
        kind: 'entry',
        // Put aside at the end of the year; used in the current year before the day the example was written.
        date: `${l.year}-${l.year === y2026 ? '06' : '12'}-15`,
        year: l.year,
        amountCents: l.plannedCents,
        description: l.plannedCents < 0 ? 'Inzet reserve' : 'Dotatie reserve',
        reference: `M${l.year}-RES`,
        ...stamp(at),
      });
      continue;
    }
    const quarters = l.year < y2026 ? [3, 6, 9, 12] : l.year === y2026 ? [3, 6, 9] : [];
    if (!quarters.length || l.plannedCents <= 0) continue;
    const share = l.year < y2026 ? realise : Math.min(realise, 1) * 0.7;
    const total = Math.round(l.plannedCents * share);
    const spend = (kind: SpendKind, date: string | null, cents: number, description: string, reference: string) =>
      tr.insert('spend', { id: randomUUID(), budgetLineId: id, kind, date, year: date ? Number(date.slice(0, 4)) : l.year, amountCents: cents, description, reference, ...stamp(at) });
    if (l.partnerId) {
      // Partners report one total a year.
      await spend('year_total', null, total, 'Opgave partner', '');
      continue;
    }
    let left = total;
    for (const [qi, month] of quarters.entries()) {
      const cents = qi === quarters.length - 1 ? left : Math.round(total / quarters.length);
      left -= cents;
      await spend('entry', `${l.year}-${String(month).padStart(2, '0')}-28`, cents, l.kind === 'personeel' ? `Loonkosten kwartaal ${qi + 1}` : `Factuur kwartaal ${qi + 1}`, `F${l.year}-${String(++n).padStart(4, '0')}`);
    }
  }
}
