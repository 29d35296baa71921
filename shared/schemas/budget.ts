/**
 * Money on the wire: awards, budget lines, spend, rule settings and the overviews. Amounts are
 * integer cents; a negative amount is accepted only where it means something (a reservation in
 * category G, a correction of spend) and is refused elsewhere with the field named.
 */
import { z } from 'zod';
import { cents, choice, id, isoDate, longText, optionalText, requiredText, rowVersion, storedVersion } from './fields';
import { t } from '../i18n/nl';
import { ACCOUNTABILITY_ROUTES, COST_KINDS, FUNDING_SOURCES, RESERVE_CATEGORY, SPENDING_CATEGORIES, SPEND_KINDS } from '../budget/model';

export const calendarYear = () =>
  z.number({ error: t('val.year') }).int(t('val.year')).min(2000, t('val.year')).max(2100, t('val.year'));

// ---- Awards (toekenningen)

const awardFields = {
  stream: choice(FUNDING_SOURCES),
  year: calendarYear(),
  amountCents: cents(),
  paymentDates: z.array(isoDate(), { error: t('val.list') }).max(24).transform((ds) => [...new Set(ds)].sort()),
  spendBy: isoDate().nullable(),
  route: choice(ACCOUNTABILITY_ROUTES),
  reference: optionalText(100),
  notes: longText(5000),
};
export const AwardInput = z.strictObject({ programmeId: id(), ...awardFields });
export type AwardInput = z.infer<typeof AwardInput>;
export const AwardUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...awardFields });
export type AwardUpdate = z.infer<typeof AwardUpdate>;

export const Award = z.object({
  id: z.string(),
  programmeId: z.string(),
  stream: z.enum(FUNDING_SOURCES),
  year: z.number().int(),
  amountCents: z.number().int(),
  paymentDates: z.array(z.string()),
  spendBy: z.string().nullable(),
  route: z.enum(ACCOUNTABILITY_ROUTES),
  reference: z.string(),
  notes: z.string(),
  rowVersion: storedVersion(),
});
export type Award = z.infer<typeof Award>;

// ---- Budget lines (begrotingsregels)

const lineFields = {
  activityId: id().nullable(),
  year: calendarYear(),
  costItem: requiredText(200),
  kind: choice(COST_KINDS),
  fte: z.number({ error: t('val.number') }).min(0, t('val.notNegative')).max(1000, t('val.tooBig')).nullable(),
  hours: z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(0, t('val.notNegative')).max(1_000_000, t('val.tooBig')).nullable(),
  fundingSource: choice(FUNDING_SOURCES),
  category: choice(SPENDING_CATEGORIES),
  management: z.boolean({ error: t('val.choice') }),
  partnerId: id().nullable(),
  inKind: z.boolean({ error: t('val.choice') }),
  plannedCents: cents({ allowNegative: true }),
  notes: longText(5000),
};
const negativeOnlyReserve = (l: { plannedCents: number; category: string }) => l.plannedCents >= 0 || l.category === RESERVE_CATEGORY;
const negativeIssue = { error: t('val.negativeReserve'), path: ['plannedCents'] };

export const BudgetLineInput = z.strictObject({ measureId: id(), ...lineFields }).refine(negativeOnlyReserve, negativeIssue);
export type BudgetLineInput = z.infer<typeof BudgetLineInput>;
export const BudgetLineUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), measureId: id(), ...lineFields }).refine(negativeOnlyReserve, negativeIssue);
export type BudgetLineUpdate = z.infer<typeof BudgetLineUpdate>;

export const BudgetLine = z.object({
  id: z.string(),
  measureId: z.string(),
  measureCode: z.string(),
  measureName: z.string(),
  activityId: z.string().nullable(),
  activityCode: z.string().nullable(),
  activityName: z.string().nullable(),
  year: z.number().int(),
  costItem: z.string(),
  kind: z.enum(COST_KINDS),
  fte: z.number().nullable(),
  hours: z.number().int().nullable(),
  fundingSource: z.enum(FUNDING_SOURCES),
  category: z.enum(SPENDING_CATEGORIES),
  management: z.boolean(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  inKind: z.boolean(),
  plannedCents: z.number().int(),
  notes: z.string(),
  realisedCents: z.number().int(),
  spendCount: z.number().int(),
  hasYearTotal: z.boolean(),
  rowVersion: storedVersion(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

// ---- Spend (bestedingen)

const spendFields = {
  kind: choice(SPEND_KINDS),
  /** Required for entries and corrections; a year total has none (it counts for the line's year). */
  date: isoDate().nullable(),
  amountCents: cents({ allowNegative: true }),
  description: optionalText(300),
  reference: optionalText(100),
};
const dateWhenEntry = (s: { kind: string; date: string | null }) => s.kind === 'year_total' || s.date !== null;
const dateIssue = { error: t('val.spendDate'), path: ['date'] };

export const SpendInput = z.strictObject({ budgetLineId: id(), ...spendFields }).refine(dateWhenEntry, dateIssue);
export type SpendInput = z.infer<typeof SpendInput>;
export const SpendUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...spendFields }).refine(dateWhenEntry, dateIssue);
export type SpendUpdate = z.infer<typeof SpendUpdate>;

export const Spend = z.object({
  id: z.string(),
  budgetLineId: z.string(),
  kind: z.enum(SPEND_KINDS),
  date: z.string().nullable(),
  year: z.number().int(),
  amountCents: z.number().int(),
  description: z.string(),
  reference: z.string(),
  lineYear: z.number().int(),
  lineCostItem: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  category: z.enum(SPENDING_CATEGORIES),
  measureId: z.string(),
  measureCode: z.string(),
  measureName: z.string(),
  rowVersion: storedVersion(),
});
export type Spend = z.infer<typeof Spend>;

// ---- Filters for lists and drill-downs: every figure in an overview maps to one filter.

export const BudgetFilter = z.strictObject({
  programmeId: id(),
  measureId: id().optional(),
  activityId: id().optional(),
  year: calendarYear().optional(),
  fundingSource: choice(FUNDING_SOURCES).optional(),
  category: choice(SPENDING_CATEGORIES).optional(),
  /** null: lines without a partner. */
  partnerId: id().nullable().optional(),
  lineIds: z.array(id()).max(5000).optional(),
  /** Only co-financing lines (school and municipality). */
  cofin: z.boolean().optional(),
});
export type BudgetFilter = z.infer<typeof BudgetFilter>;

// ---- Long lists one page at a time (issue 13): totals over every matching row, the rows of one page.

/** Rows per page of the long money lists. */
export const PAGE_SIZE = 100;
const pageAt = {
  offset: z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(0, t('val.notNegative')).default(0),
  limit: z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(1, t('val.number')).max(500, t('val.number')).default(PAGE_SIZE),
};
export const BudgetLinePageInput = BudgetFilter.extend(pageAt);
export type BudgetLinePageInput = z.input<typeof BudgetLinePageInput>;
export const SpendPageInput = BudgetFilter.extend({ budgetLineId: id().optional(), ...pageAt });
export type SpendPageInput = z.input<typeof SpendPageInput>;
export const BudgetLinePage = z.object({
  lines: z.array(BudgetLine),
  /** Lines matching the filter, over all pages. */
  total: z.number().int(),
  plannedCents: z.number().int(),
  realisedCents: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type BudgetLinePage = z.infer<typeof BudgetLinePage>;
export const SpendPage = z.object({
  spend: z.array(Spend),
  total: z.number().int(),
  amountCents: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type SpendPage = z.infer<typeof SpendPage>;

// ---- Rule settings (per programme; defaults are the 2012 rules)

const pct = () => z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(0, t('val.notNegative')).max(100, t('val.pct'));
const rulesFields = {
  managementMaxPct: pct(),
  managementMaxCents: cents(),
  plusMinPct: pct(),
  plusReason: longText(5000),
  checkAwards: z.boolean({ error: t('val.choice') }),
};
export const RuleSettings = z.object(rulesFields);
export type RuleSettingsOut = z.infer<typeof RuleSettings>;
export const RulesUpdate = z.strictObject({ programmeId: id(), ...rulesFields });
export type RulesUpdate = z.infer<typeof RulesUpdate>;

// ---- Overviews

const amountsShape = {
  plannedCents: z.number().int(),
  realisedCents: z.number().int(),
  remainingCents: z.number().int(),
  pctRealised: z.number().nullable(),
  over: z.boolean(),
};
export const Amounts = z.object(amountsShape);
export type Amounts = z.infer<typeof Amounts>;

export const Group = z.object({
  key: z.union([z.string(), z.number(), z.null()]),
  /** The Dutch name of the key ("OCW regionale middelen VSV", "A Coördinatie", "2027"). */
  label: z.string(),
  lineIds: z.array(z.string()),
  inKindCents: z.number().int(),
  ...amountsShape,
});
export type Group = z.infer<typeof Group>;
/** A group as the overview sends it: its figures, not the ids of every line behind them (the screens link by filter). */
const OverviewGroup = Group.omit({ lineIds: true });

export const CheckFinding = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  year: z.number().int().nullable(),
  stream: z.enum(FUNDING_SOURCES).nullable(),
  lineIds: z.array(z.string()),
  measureIds: z.array(z.string()),
  awardIds: z.array(z.string()),
});
export type CheckFinding = z.infer<typeof CheckFinding>;

/** One cell of the measure x year matrix: the two sums; what follows from them is computed where it is shown. */
export const MatrixCell = z.object({ key: z.number().int(), plannedCents: z.number().int(), realisedCents: z.number().int() });
export type MatrixCell = z.infer<typeof MatrixCell>;

export const BudgetOverview = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  total: z.object({ ...amountsShape, awardedCents: z.number().int(), lineCount: z.number().int() }),
  years: z.array(z.number().int()),
  measures: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      plusvoorziening: z.boolean(),
      plannedCents: z.number().int(),
      realisedCents: z.number().int(),
      cofinCents: z.number().int(),
      cofinInKindCents: z.number().int(),
      /** How many co-financing lines; the screen links to them by filter (measure + cofin). */
      cofinLineCount: z.number().int(),
      cofinPct: z.number().nullable(),
      plannedParticipants: z.number().int().nullable(),
      perParticipantCents: z.number().int().nullable(),
      reachedParticipants: z.number().nullable(),
      perReachedCents: z.number().int().nullable(),
    }),
  ),
  /** Planned and realised per measure (with lines) and year; the screen derives the rest (shared/budget amounts()), the row total is the measure's. */
  matrix: z.array(z.object({ measureId: z.string(), cells: z.array(MatrixCell) })),
  byYear: z.array(OverviewGroup),
  byFundingSource: z.array(OverviewGroup),
  byCategory: z.array(OverviewGroup),
  byPartner: z.array(OverviewGroup),
  vrijval: z.array(
    z.object({
      stream: z.enum(FUNDING_SOURCES),
      year: z.number().int(),
      awardedCents: z.number().int(),
      plannedCents: z.number().int(),
      realisedCents: z.number().int(),
      vrijvalCents: z.number().int(),
    }),
  ),
  overspentLineIds: z.array(z.string()),
  rules: RuleSettings,
});
export type BudgetOverview = z.infer<typeof BudgetOverview>;
