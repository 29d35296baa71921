/**
 * The money model, free of storage: the facts the rollups and rule checks work from. Every amount
 * is integer cents. A budget line belongs to one measure (and optionally one of its activities),
 * one calendar year, one funding source and one spending category; spend (single entries,
 * corrections and year totals alike) always belongs to one budget line.
 */

/** Funding sources (financieringsbronnen); awards use the same list as their "stream". */
export const FUNDING_SOURCES = ['ocw', 'plus', 'rmc', 'cofin_school', 'cofin_gemeente', 'eigen', 'overig'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Sources that come from an award (toekenning); budgets on them must stay within the award. */
export const AWARDED_SOURCES: readonly FundingSource[] = ['ocw', 'plus', 'rmc', 'overig'];
/** Sources that are co-financing by partners. */
export const COFIN_SOURCES: readonly FundingSource[] = ['cofin_school', 'cofin_gemeente'];
/** The regional VSV subsidy: the basis of the management-cost cap. */
export const SUBSIDY_SOURCE: FundingSource = 'ocw';
/** Plusvoorziening funds: the indicative amount of the 75% rule. */
export const PLUS_SOURCE: FundingSource = 'plus';

/** Spending categories of the RMC effect report. G (reservering) is negative when a reserve is used. */
export const SPENDING_CATEGORIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number];
/** Category A (Coördinatie) counts as management and coordination costs. */
export const MANAGEMENT_CATEGORY: SpendingCategory = 'A';
/** The one category whose planned amount may be negative. */
export const RESERVE_CATEGORY: SpendingCategory = 'G';

export const COST_KINDS = ['personeel', 'materieel', 'overig'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const SPEND_KINDS = ['entry', 'correction', 'year_total'] as const;
export type SpendKind = (typeof SPEND_KINDS)[number];

export const ACCOUNTABILITY_ROUTES = ['jaarverslag', 'sisa', 'overig'] as const;
export type AccountabilityRoute = (typeof ACCOUNTABILITY_ROUTES)[number];

export interface LineFacts {
  id: string;
  measureId: string;
  activityId: string | null;
  year: number;
  fundingSource: FundingSource;
  category: SpendingCategory;
  /** Counted as management/coordination cost even outside category A. */
  management: boolean;
  /** Co-financing given in kind (hours, rooms) rather than money. */
  inKind: boolean;
  partnerId: string | null;
  plannedCents: number;
}

export interface SpendFacts {
  id: string;
  lineId: string;
  kind: SpendKind;
  cents: number;
}

export interface AwardFacts {
  id: string;
  stream: FundingSource;
  year: number;
  cents: number;
}

export interface MeasureFacts {
  id: string;
  code: string;
  name: string;
  plusvoorziening: boolean;
  /** The largest number of participants planned in any school year (sum over its activities). */
  plannedParticipants: number | null;
  /** The same for participants reached (from results), null while there are none. */
  reachedParticipants?: number | null;
}

/** The rules a programme is checked against; the defaults are the 2012 rules. */
export interface RuleSettings {
  /** Management and coordination costs at most this percentage of the subsidy. */
  managementMaxPct: number;
  /** ... and at most this many cents a year. */
  managementMaxCents: number;
  /** At least this percentage of the indicative plusvoorziening amount goes to plusvoorzieningen ... */
  plusMinPct: number;
  /** ... or a written reason is given. */
  plusReason: string;
  /** Budgets per stream and year must stay within the awards. */
  checkAwards: boolean;
}

export const DEFAULT_RULES: RuleSettings = {
  managementMaxPct: 10,
  managementMaxCents: 15_000_000,
  plusMinPct: 75,
  plusReason: '',
  checkAwards: true,
};

export function isManagementCost(line: Pick<LineFacts, 'category' | 'management'>): boolean {
  return line.management || line.category === MANAGEMENT_CATEGORY;
}

/** Adds cents and refuses to lose precision (sums beyond 2^53 cents cannot be exact). */
export function addCents(a: number, b: number): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new RangeError(`Money total out of exact range: ${a} + ${b}`);
  return s;
}
