/**
 * Rollups of budget lines and their spend. Each line's realised amount is the sum of its spend
 * (entries, corrections and year totals alike); every breakdown groups whole lines, so every
 * breakdown sums to the grand total to the cent.
 */
import {
  AWARDED_SOURCES,
  COFIN_SOURCES,
  FUNDING_SOURCES,
  SPENDING_CATEGORIES,
  addCents,
  type AwardFacts,
  type FundingSource,
  type LineFacts,
  type MeasureFacts,
  type SpendFacts,
  type SpendingCategory,
} from './model';

export interface Amounts {
  plannedCents: number;
  realisedCents: number;
  /** planned - realised; negative when over-spent. */
  remainingCents: number;
  /** realised as a percentage of planned (for display only), null when nothing is planned. */
  pctRealised: number | null;
  /** More realised than planned. */
  over: boolean;
}

export interface Group<K> extends Amounts {
  key: K;
  /** Of the planned amount: contributions in kind (hours, rooms) rather than money. */
  inKindCents: number;
  /** The budget lines behind the figure, for the drill-down. */
  lineIds: string[];
}

export function amounts(plannedCents: number, realisedCents: number): Amounts {
  return {
    plannedCents,
    realisedCents,
    remainingCents: plannedCents - realisedCents,
    pctRealised: plannedCents > 0 ? (realisedCents * 100) / plannedCents : null,
    over: realisedCents > Math.max(plannedCents, 0),
  };
}

/** Realised cents per budget line id (lines without spend are absent). */
export function realisedByLine(spend: readonly SpendFacts[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of spend) m.set(s.lineId, addCents(m.get(s.lineId) ?? 0, s.cents));
  return m;
}

const collator = new Intl.Collator('nl', { numeric: true });

function compareKeys(a: unknown, b: unknown, order?: ReadonlyMap<unknown, number>): number {
  if (order) return (order.get(a) ?? -1) - (order.get(b) ?? -1);
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Groups lines by a key; groups come out sorted by key (or in the given order). */
export function rollup<K>(lines: readonly LineFacts[], realised: ReadonlyMap<string, number>, keyOf: (l: LineFacts) => K, order?: readonly K[]): Group<K>[] {
  return rollupAligned(lines, lines.map((l) => realised.get(l.id) ?? 0), keyOf, order);
}

/** The same, with each line's realised cents given at the line's index (one lookup per line, not per breakdown). */
function rollupAligned<K>(lines: readonly LineFacts[], real: readonly number[], keyOf: (l: LineFacts) => K, order?: readonly K[]): Group<K>[] {
  const acc = new Map<K, { planned: number; realised: number; inKind: number; lineIds: string[] }>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const k = keyOf(l);
    let g = acc.get(k);
    if (!g) acc.set(k, (g = { planned: 0, realised: 0, inKind: 0, lineIds: [] }));
    g.planned = addCents(g.planned, l.plannedCents);
    if (l.inKind) g.inKind = addCents(g.inKind, l.plannedCents);
    g.realised = addCents(g.realised, real[i]!);
    g.lineIds.push(l.id);
  }
  const rank = order ? new Map<unknown, number>(order.map((k, i) => [k, i])) : undefined;
  return [...acc.entries()]
    .sort(([a], [b]) => compareKeys(a, b, rank))
    .map(([key, g]) => ({ key, lineIds: g.lineIds, inKindCents: g.inKind, ...amounts(g.planned, g.realised) }));
}

export interface MatrixRow {
  measureId: string;
  cells: Record<number, Group<number>>;
  total: Amounts;
}

export interface MeasureFigures {
  measureId: string;
  plannedCents: number;
  realisedCents: number;
  /** Co-financing by partners (money and in kind), planned. */
  cofinCents: number;
  cofinInKindCents: number;
  /** The co-financing lines, for the drill-down. */
  cofinLineIds: string[];
  /** Co-financing as a percentage of the measure's planned total, null when nothing is planned. */
  cofinPct: number | null;
  plannedParticipants: number | null;
  /** Planned total divided by the planned participants, rounded to the cent. */
  perParticipantCents: number | null;
  reachedParticipants: number | null;
  /** Realised total divided by the participants reached, rounded to the cent. */
  perReachedCents: number | null;
}

export interface VrijvalRow {
  stream: FundingSource;
  year: number;
  awardedCents: number;
  plannedCents: number;
  realisedCents: number;
  /** Awarded but not spent: flows back. */
  vrijvalCents: number;
}

export interface Overview {
  total: Amounts & { awardedCents: number; lineCount: number };
  years: number[];
  byMeasure: Group<string>[];
  byActivity: Group<string | null>[];
  byYear: Group<number>[];
  byFundingSource: Group<FundingSource>[];
  byCategory: Group<SpendingCategory>[];
  /** null: lines without a partner. */
  byPartner: Group<string | null>[];
  matrix: MatrixRow[];
  measures: MeasureFigures[];
  vrijval: VrijvalRow[];
  /** Budget lines whose spend exceeds the plan. */
  overspentLineIds: string[];
}

export function perParticipant(cents: number, participants: number | null): number | null {
  if (!participants || participants <= 0) return null;
  return Math.round(cents / participants);
}

export function overview(input: {
  lines: readonly LineFacts[];
  spend: readonly SpendFacts[];
  awards: readonly AwardFacts[];
  measures?: readonly MeasureFacts[];
  /** Calendar years of the programme period: shown as columns even before anything is budgeted in them. */
  periodYears?: readonly number[];
}): Overview {
  const { lines, spend, awards } = input;
  const lineIds = new Set(lines.map((l) => l.id));
  const realised = realisedByLine(spend.filter((s) => lineIds.has(s.lineId)));
  const realOf = lines.map((l) => realised.get(l.id) ?? 0);
  let planned = 0;
  let real = 0;
  for (let i = 0; i < lines.length; i++) {
    planned = addCents(planned, lines[i]!.plannedCents);
    real = addCents(real, realOf[i]!);
  }
  let awarded = 0;
  for (const a of awards) awarded = addCents(awarded, a.cents);

  const measureOrder = input.measures?.map((m) => m.id);
  const known = new Set(measureOrder);
  const byMeasure = rollupAligned(lines, realOf, (l) => l.measureId, measureOrder && lines.every((l) => known.has(l.measureId)) ? measureOrder : undefined);
  const byYear = rollupAligned(lines, realOf, (l) => l.year);
  const years = [...new Set([...(input.periodYears ?? []), ...byYear.map((g) => g.key), ...awards.map((a) => a.year)])].sort((a, b) => a - b);

  const linesOf = new Map<string, { lines: LineFacts[]; real: number[] }>();
  lines.forEach((l, i) => {
    let list = linesOf.get(l.measureId);
    if (!list) linesOf.set(l.measureId, (list = { lines: [], real: [] }));
    list.lines.push(l);
    list.real.push(realOf[i]!);
  });
  const matrix: MatrixRow[] = byMeasure.map((m) => {
    const mine = linesOf.get(m.key) ?? { lines: [], real: [] };
    const cells: Record<number, Group<number>> = {};
    for (const g of rollupAligned(mine.lines, mine.real, (l) => l.year)) cells[g.key] = g;
    return { measureId: m.key, cells, total: amounts(m.plannedCents, m.realisedCents) };
  });

  const measureIds = [...new Set([...(input.measures ?? []).map((m) => m.id), ...byMeasure.map((g) => g.key)])];
  const measureFacts = new Map((input.measures ?? []).map((m) => [m.id, m]));
  const measureGroups = new Map(byMeasure.map((g) => [g.key, g]));
  const measures: MeasureFigures[] = measureIds.map((id) => {
    const facts = measureFacts.get(id);
    const g = measureGroups.get(id);
    const p = g?.plannedCents ?? 0;
    let cofin = 0;
    let inKind = 0;
    const cofinLineIds: string[] = [];
    for (const l of linesOf.get(id)?.lines ?? [])
      if (COFIN_SOURCES.includes(l.fundingSource)) {
        cofin = addCents(cofin, l.plannedCents);
        cofinLineIds.push(l.id);
        if (l.inKind) inKind = addCents(inKind, l.plannedCents);
      }
    const participants = facts?.plannedParticipants ?? null;
    return {
      measureId: id,
      plannedCents: p,
      realisedCents: g?.realisedCents ?? 0,
      cofinCents: cofin,
      cofinInKindCents: inKind,
      cofinLineIds,
      cofinPct: p > 0 ? (cofin * 100) / p : null,
      plannedParticipants: participants,
      perParticipantCents: perParticipant(p, participants),
      reachedParticipants: facts?.reachedParticipants ?? null,
      perReachedCents: perParticipant(g?.realisedCents ?? 0, facts?.reachedParticipants ?? null),
    };
  });

  const vrijval: VrijvalRow[] = [];
  const streamYear = new Map<string, { aw: number; p: number; r: number; any: boolean }>();
  const cell = (stream: string, year: number) => {
    const k = `${stream}|${year}`;
    let c = streamYear.get(k);
    if (!c) streamYear.set(k, (c = { aw: 0, p: 0, r: 0, any: false }));
    return c;
  };
  for (const a of awards) {
    const c = cell(a.stream, a.year);
    c.aw = addCents(c.aw, a.cents);
    c.any = true;
  }
  lines.forEach((l, i) => {
    const c = cell(l.fundingSource, l.year);
    c.p = addCents(c.p, l.plannedCents);
    c.r = addCents(c.r, realOf[i]!);
    c.any = true;
  });
  for (const stream of AWARDED_SOURCES)
    for (const year of years) {
      const c = streamYear.get(`${stream}|${year}`);
      if (!c?.any) continue;
      vrijval.push({ stream, year, awardedCents: c.aw, plannedCents: c.p, realisedCents: c.r, vrijvalCents: Math.max(0, c.aw - c.r) });
    }

  return {
    total: { ...amounts(planned, real), awardedCents: awarded, lineCount: lines.length },
    years,
    byMeasure,
    byActivity: rollupAligned(lines, realOf, (l) => l.activityId),
    byYear,
    byFundingSource: rollupAligned(lines, realOf, (l) => l.fundingSource, FUNDING_SOURCES),
    byCategory: rollupAligned(lines, realOf, (l) => l.category, SPENDING_CATEGORIES),
    byPartner: rollupAligned(lines, realOf, (l) => l.partnerId),
    matrix,
    measures,
    vrijval,
    overspentLineIds: lines.filter((l, i) => realOf[i]! > Math.max(l.plannedCents, 0)).map((l) => l.id),
  };
}
