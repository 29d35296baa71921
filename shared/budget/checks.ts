/**
 * The rule checks a programme's money is held to. The defaults are the 2012 rules; each programme
 * may set its own (RuleSettings). Every finding names the budget lines that cause it, so the
 * screens can link to them.
 */
import { formatCents } from '../money';
import { t } from '../i18n/nl';
import {
  AWARDED_SOURCES,
  PLUS_SOURCE,
  SUBSIDY_SOURCE,
  addCents,
  isManagementCost,
  type AwardFacts,
  type FundingSource,
  type LineFacts,
  type MeasureFacts,
  type RuleSettings,
  type SpendFacts,
} from './model';
import { amounts, realisedByLine } from './rollup';

export const CHECK_CODES = ['management_pct', 'management_max', 'plus_share', 'award_exceeded', 'overspend', 'outside_period', 'awarded_total'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];
export type Severity = 'error' | 'warning' | 'info';

export interface CheckFinding {
  code: CheckCode;
  severity: Severity;
  message: string;
  year: number | null;
  stream: FundingSource | null;
  /** The budget lines behind the finding. */
  lineIds: string[];
  measureIds: string[];
  /** The awards the finding compares with. */
  awardIds: string[];
}

/** A share as people read it ("11,1"); only asked of a positive whole. */
const pct = (part: number, whole: number) => ((part * 100) / whole).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
const sum = (xs: readonly LineFacts[], f: (l: LineFacts) => number) => xs.reduce((s, l) => addCents(s, f(l)), 0);
const uniq = (xs: string[]) => [...new Set(xs)];

export function runChecks(input: {
  lines: readonly LineFacts[];
  spend: readonly SpendFacts[];
  awards: readonly AwardFacts[];
  measures: readonly MeasureFacts[];
  rules: RuleSettings;
  /** Names measures in messages. */
  measureLabel?: (measureId: string) => string;
  /** The programme period (ISO dates); budget lines in calendar years outside it are flagged. */
  period?: { start: string; end: string };
  /** The programme's own "Toegekend bedrag"; checked against the sum of the awards per year and source. */
  programmeAwardedCents?: number | null;
}): CheckFinding[] {
  const { lines, awards, rules } = input;
  const realised = realisedByLine(input.spend);
  const real = (l: LineFacts) => realised.get(l.id) ?? 0;
  const label = input.measureLabel ?? ((id: string) => id);
  const years = [...new Set([...lines.map((l) => l.year), ...awards.map((a) => a.year)])].sort((a, b) => a - b);
  const awardsOf = (stream: FundingSource, year: number) => awards.filter((a) => a.stream === stream && a.year === year);
  const awarded = (stream: FundingSource, year: number) => awardsOf(stream, year).reduce((s, a) => addCents(s, a.cents), 0);
  const awardIds = (stream: FundingSource, year: number) => awardsOf(stream, year).map((a) => a.id);
  const out: CheckFinding[] = [];

  for (const year of years) {
    // Management and coordination costs charged to the subsidy.
    const mgmt = lines.filter((l) => l.year === year && l.fundingSource === SUBSIDY_SOURCE && isManagementCost(l));
    if (mgmt.length) {
      const planned = sum(mgmt, (l) => l.plannedCents);
      const done = sum(mgmt, real);
      const [amount, basis] = done > planned ? [done, t('budget.basis.realised')] : [planned, t('budget.basis.planned')];
      const subsidy = awarded(SUBSIDY_SOURCE, year);
      const refs = { lineIds: mgmt.map((l) => l.id), measureIds: uniq(mgmt.map((l) => l.measureId)), year, stream: SUBSIDY_SOURCE, awardIds: awardIds(SUBSIDY_SOURCE, year) };
      if (subsidy > 0 && amount * 100 > rules.managementMaxPct * subsidy)
        out.push({
          code: 'management_pct',
          severity: 'error',
          message: t('check.management_pct', { year, amount: formatCents(amount), basis, pct: pct(amount, subsidy), subsidy: formatCents(subsidy), max: rules.managementMaxPct }),
          ...refs,
        });
      if (amount > rules.managementMaxCents)
        out.push({
          code: 'management_max',
          severity: 'error',
          message: t('check.management_max', { year, amount: formatCents(amount), basis, max: formatCents(rules.managementMaxCents) }),
          ...refs,
        });
    }

    // At least plusMinPct% of the indicative plusvoorziening amount to plusvoorzieningen, or a reason.
    const indicative = awarded(PLUS_SOURCE, year);
    if (indicative > 0) {
      const plusMeasures = new Set(input.measures.filter((m) => m.plusvoorziening).map((m) => m.id));
      const toPlus = lines.filter((l) => l.year === year && l.fundingSource === PLUS_SOURCE && plusMeasures.has(l.measureId));
      const amount = sum(toPlus, (l) => l.plannedCents);
      if (amount * 100 < rules.plusMinPct * indicative) {
        const plusLines = lines.filter((l) => l.year === year && l.fundingSource === PLUS_SOURCE);
        const reason = rules.plusReason.trim();
        out.push({
          code: 'plus_share',
          severity: reason ? 'info' : 'warning',
          message: t(reason ? 'check.plus_share_reason' : 'check.plus_share', {
            year,
            amount: formatCents(amount),
            pct: pct(amount, indicative),
            indicative: formatCents(indicative),
            min: rules.plusMinPct,
          }),
          year,
          stream: PLUS_SOURCE,
          lineIds: plusLines.map((l) => l.id),
          measureIds: uniq(plusLines.map((l) => l.measureId)),
          awardIds: awardIds(PLUS_SOURCE, year),
        });
      }
    }

    // Budgets within the awards, per stream and year.
    if (rules.checkAwards)
      for (const stream of AWARDED_SOURCES) {
        const mine = lines.filter((l) => l.year === year && l.fundingSource === stream);
        if (!mine.length) continue;
        const planned = sum(mine, (l) => l.plannedCents);
        const aw = awarded(stream, year);
        if (planned > aw)
          out.push({
            code: 'award_exceeded',
            severity: 'error',
            message: t('check.award_exceeded', { year, stream: t(`source.${stream}`), planned: formatCents(planned), awarded: formatCents(aw), over: formatCents(planned - aw) }),
            year,
            stream,
            lineIds: mine.map((l) => l.id),
            measureIds: uniq(mine.map((l) => l.measureId)),
            awardIds: awardIds(stream, year),
          });
      }
  }

  // One truth for the awarded amount: the programme's own figure is checked against the sum of its
  // awards (it is not derived from them: the decision letter's total is what was awarded).
  if (input.programmeAwardedCents !== undefined && input.programmeAwardedCents !== null) {
    const total = awards.reduce((s, a) => addCents(s, a.cents), 0);
    const own = input.programmeAwardedCents;
    if (total !== own)
      out.push({
        code: 'awarded_total',
        severity: total === 0 ? 'info' : 'warning',
        message:
          total === 0
            ? t('check.awarded_total_none', { own: formatCents(own) })
            : t('check.awarded_total', { own: formatCents(own), total: formatCents(total), diff: formatCents(Math.abs(own - total)), more: own > total ? t('check.awarded_more') : t('check.awarded_less') }),
        year: null,
        stream: null,
        lineIds: [],
        measureIds: [],
        awardIds: awards.map((a) => a.id),
      });
  }

  // Budget lines in a calendar year the programme period does not touch.
  if (input.period) {
    const [first, last] = [Number(input.period.start.slice(0, 4)), Number(input.period.end.slice(0, 4))];
    for (const year of years) {
      if (year >= first && year <= last) continue;
      const mine = lines.filter((l) => l.year === year);
      if (!mine.length) continue;
      out.push({
        code: 'outside_period',
        severity: 'warning',
        message: t('check.outside_period', { year, n: mine.length, first, last }),
        year,
        stream: null,
        lineIds: mine.map((l) => l.id),
        measureIds: uniq(mine.map((l) => l.measureId)),
        awardIds: [],
      });
    }
  }

  // Over-spent budget lines.
  for (const l of lines) {
    const a = amounts(l.plannedCents, real(l));
    if (a.over)
      out.push({
        code: 'overspend',
        severity: 'warning',
        message: t('check.overspend', { measure: label(l.measureId), year: l.year, realised: formatCents(a.realisedCents), planned: formatCents(a.plannedCents), over: formatCents(-a.remainingCents) }),
        year: l.year,
        stream: l.fundingSource,
        lineIds: [l.id],
        measureIds: [l.measureId],
        awardIds: [],
      });
  }
  return out;
}
