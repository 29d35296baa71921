/** The vocabulary of targets and results. Codes are Dutch, as in the store; labels are in the catalogue. */
import type { MomentPeriod, Period, PeriodKind } from './periods';

export const UNITS = ['aantal', 'percentage', 'euro', 'dagen', 'vrij'] as const;
export type Unit = (typeof UNITS)[number];

/** hoger is beter / lager is beter / binnen bandbreedte */
export const DIRECTIONS = ['hoger', 'lager', 'bandbreedte'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * niveau: a state at a moment (the latest moment counts);
 * aantal: a count per period, the moments inside a period add up;
 * cumulatief: a running total, every moment since the baseline adds up.
 */
export const AGGREGATIONS = ['niveau', 'aantal', 'cumulatief'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const RESULT_STATUSES = ['behaald', 'op_koers', 'aandacht', 'achter', 'geen_gegevens'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const MEASUREMENT_STATUSES = ['voorlopig', 'definitief'] as const;
export type MeasurementStatus = (typeof MEASUREMENT_STATUSES)[number];

export const MOMENT_KINDS = ['jaarlijks', 'halfjaarlijks', 'lijst'] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

/** yearly/half-yearly: dates as "MM-DD"; lijst: ISO dates. Per date the period it reports on (default: the one it falls in). */
export interface MomentSpec {
  kind: MomentKind;
  dates: string[];
  periods?: MomentPeriod[];
}

export const TARGET_KINDS = ['exact', 'bereik', 'relatief'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** exact value; range min-max; relative: percent change on the baseline (-50 = halve it). */
export type TargetSpec = { kind: 'exact'; value: number } | { kind: 'bereik'; min: number; max: number } | { kind: 'relatief'; percent: number };

export interface Baseline {
  value: number | null;
  date: string | null;
}

/** One version of a target. A revision is a new row that supersedes the one before; both stay. */
export interface TargetRevision {
  id: string;
  periodStart: string;
  periodEnd: string;
  periodKind: PeriodKind;
  /** "2025/2026" when the period is a school year. */
  schoolYear: string | null;
  spec: TargetSpec;
  supersedesId: string | null;
  reason: string;
  decisionDate: string | null;
  createdAt: string;
}

export interface CategoryCount {
  name: string;
  count: number;
}

export interface MeasurementValue {
  id: string;
  /** When it was measured or published. */
  date: string;
  /** The period it is about (a November figure is about the school year before). */
  period: Period;
  /** Entered value; with categories: the entered total, if any. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  categories: CategoryCount[] | null;
  status: MeasurementStatus;
  /** When it was recorded: among values for the same moment, the latest definitive one wins. */
  recordedAt: string;
}

/** Per programme: how far progress may lag the expected progress (in percentage points of the route). */
export interface Thresholds {
  onTrackMargin: number;
  attentionMargin: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { onTrackMargin: 10, attentionMargin: 25 };
