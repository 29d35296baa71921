/**
 * Reading money: awards, budget lines with their realised amounts, spend, rule settings, and the
 * facts the shared rollups and checks work from. Sums of spend are taken in SQL (one row per
 * line), so an overview reads one row per budget line however many entries there are.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { parseList } from './tree';
import { measurementValue } from './results';
import { reachedPerYear, sumParticipants, type YearCount } from '../../../../shared/participants';
import { keeping } from './indicator-results';
import { compareCodes } from '../../../../shared/natsort';
import { t, type MessageKey } from '../../../../shared/i18n/nl';
import {
  AWARDED_SOURCES,
  COFIN_SOURCES,
  DEFAULT_RULES,
  FUNDING_SOURCES,
  SPENDING_CATEGORIES,
  addCents,
  amounts,
  overview,
  perParticipant,
  runChecks,
  type AwardFacts,
  type FundingSource,
  type Group as RollupGroup,
  type LineFacts,
  type MeasureFacts,
  type RuleSettings,
  type SpendFacts,
  type SpendingCategory,
} from '../../../../shared/budget';
import type { Award, BudgetFilter, BudgetLine, BudgetOverview, MatrixCell, Spend } from '../../../../shared/schemas/budget';

type Db = Kysely<Database>;

// ---- Awards

function toAward(r: Database['award']): Award {
  return {
    id: r.id,
    programmeId: r.programmeId,
    stream: r.stream as Award['stream'],
    year: r.year,
    amountCents: r.amountCents,
    paymentDates: parseList(r.paymentDates),
    spendBy: r.spendBy,
    route: r.route as Award['route'],
    reference: r.reference,
    notes: r.notes,
    rowVersion: r.rowVersion,
  };
}

export async function listAwards(db: Db, programmeId: string): Promise<Award[]> {
  const rows = await db.selectFrom('award').selectAll().where('programmeId', '=', programmeId).where('deletedAt', 'is', null).orderBy('year').orderBy('stream').execute();
  return rows.map(toAward);
}

export async function findAward(db: Db, id: string): Promise<Award | undefined> {
  const r = await db.selectFrom('award').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  return r && toAward(r);
}

// ---- Budget lines

/** Live lines of live measures, with the filter applied. */
export function linesQuery(db: Db, f: Partial<BudgetFilter>) {
  let q = db
    .selectFrom('budgetLine as bl')
    .innerJoin('measure as m', 'm.id', 'bl.measureId')
    .where('bl.deletedAt', 'is', null)
    .where('m.deletedAt', 'is', null);
  if (f.programmeId) q = q.where('m.programmeId', '=', f.programmeId);
  if (f.measureId) q = q.where('bl.measureId', '=', f.measureId);
  if (f.activityId) q = q.where('bl.activityId', '=', f.activityId);
  if (f.year !== undefined) q = q.where('bl.year', '=', f.year);
  if (f.fundingSource) q = q.where('bl.fundingSource', '=', f.fundingSource);
  if (f.category) q = q.where('bl.category', '=', f.category);
  if (f.cofin) q = q.where('bl.fundingSource', 'in', COFIN_SOURCES);
  if (f.partnerId === null) q = q.where('bl.partnerId', 'is', null);
  else if (f.partnerId) q = q.where('bl.partnerId', '=', f.partnerId);
  if (f.lineIds) q = f.lineIds.length ? q.where('bl.id', 'in', f.lineIds) : q.where(sql<boolean>`0`);
  return q;
}

type LinesQuery = ReturnType<typeof linesQuery>;

/** Spend totals per line from the lines' mirror (migration 0013): one key lookup per line, not a sum over its spend. */
function withSpendTotals(q: LinesQuery) {
  return q
    .innerJoin('budgetLineTotal as t', 't.id', 'bl.id')
    .select(['t.realisedCents as realisedCents', 't.spendCount as spendCount', 't.yearTotalCount as yearTotals']);
}

export async function listBudgetLines(db: Db, f: Partial<BudgetFilter>): Promise<BudgetLine[]> {
  const rows = await withSpendTotals(linesQuery(db, f))
    .leftJoin('activity as a', (j) => j.onRef('a.id', '=', 'bl.activityId').on('a.deletedAt', 'is', null))
    .leftJoin('organisation as o', 'o.id', 'bl.partnerId')
    .selectAll('bl')
    .select(['m.code as measureCode', 'm.name as measureName', 'a.code as activityCode', 'a.name as activityName', 'o.name as partnerName'])
    .execute();
  const lines = rows.map(
    (r): BudgetLine => ({
      id: r.id,
      measureId: r.measureId,
      measureCode: r.measureCode,
      measureName: r.measureName,
      activityId: r.activityId,
      activityCode: r.activityCode,
      activityName: r.activityName,
      year: r.year,
      costItem: r.costItem,
      kind: r.kind as BudgetLine['kind'],
      fte: r.fte,
      hours: r.hours,
      fundingSource: r.fundingSource as FundingSource,
      category: r.category as SpendingCategory,
      management: r.management === 1,
      partnerId: r.partnerId,
      partnerName: r.partnerName,
      inKind: r.inKind === 1,
      plannedCents: r.plannedCents,
      notes: r.notes,
      realisedCents: Number(r.realisedCents),
      spendCount: Number(r.spendCount),
      hasYearTotal: Number(r.yearTotals) > 0,
      rowVersion: r.rowVersion,
    }),
  );
  return lines.sort(compareLines);
}

// One collator each, made once: localeCompare with a locale makes one per call, which a sort of
// 16,000 lines (2,000 activities) feels.
const byText = new Intl.Collator('nl');
const byCode = new Intl.Collator('nl', { numeric: true });

type LineOrder = Pick<BudgetLine, 'measureCode' | 'year' | 'activityCode' | 'costItem'>;
/** The order of budget lines on every screen: measure code (naturally), year, activity code, cost item. */
export const compareLines = (a: LineOrder, b: LineOrder): number =>
  compareCodes(a.measureCode, b.measureCode) || a.year - b.year || byCode.compare(a.activityCode ?? '', b.activityCode ?? '') || byText.compare(a.costItem, b.costItem);

type SpendOrder = Pick<Spend, 'measureCode' | 'year' | 'date' | 'description'>;
/** The order of spend entries: measure code (naturally), year, date, description. */
export const compareSpend = (a: SpendOrder, b: SpendOrder): number =>
  compareCodes(a.measureCode, b.measureCode) || a.year - b.year || (a.date ?? '').localeCompare(b.date ?? '') || byText.compare(a.description, b.description);

export async function findBudgetLine(db: Db, id: string): Promise<(BudgetLine & { programmeId: string }) | undefined> {
  const [line] = await listBudgetLines(db, { lineIds: [id] });
  if (!line) return undefined;
  const m = await db.selectFrom('measure').select('programmeId').where('id', '=', line.measureId).executeTakeFirstOrThrow();
  return { ...line, programmeId: m.programmeId };
}

// ---- Spend

export async function listSpend(db: Db, f: Partial<BudgetFilter> & { budgetLineId?: string; spendIds?: string[] }): Promise<Spend[]> {
  let q = (linesQuery(db, f)).innerJoin('spend as s', 's.budgetLineId', 'bl.id').where('s.deletedAt', 'is', null);
  if (f.budgetLineId) q = q.where('s.budgetLineId', '=', f.budgetLineId);
  if (f.spendIds) q = q.where('s.id', 'in', f.spendIds.length ? f.spendIds : ['']);
  const rows = await q
    .select([
      's.id',
      's.budgetLineId',
      's.kind',
      's.date',
      's.year',
      's.amountCents',
      's.description',
      's.reference',
      's.rowVersion',
      'bl.year as lineYear',
      'bl.costItem as lineCostItem',
      'bl.fundingSource',
      'bl.category',
      'm.id as measureId',
      'm.code as measureCode',
      'm.name as measureName',
    ])
    .execute();
  return rows
    .map((r) => ({ ...r, kind: r.kind as Spend['kind'], fundingSource: r.fundingSource as FundingSource, category: r.category as SpendingCategory }))
    .sort(compareSpend);
}

export async function findSpend(db: Db, id: string): Promise<Spend | undefined> {
  const [s] = await listSpend(db, { spendIds: [id] });
  return s;
}

// ---- Rules

export async function getRules(db: Db, programmeId: string): Promise<RuleSettings> {
  const r = await db.selectFrom('budgetRules').selectAll().where('id', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!r) return { ...DEFAULT_RULES };
  return {
    managementMaxPct: r.managementMaxPct,
    managementMaxCents: r.managementMaxCents,
    plusMinPct: r.plusMinPct,
    plusReason: r.plusReason,
    checkAwards: r.checkAwards === 1,
  };
}

// ---- Facts for rollups and checks

export interface BudgetFacts {
  lines: LineFacts[];
  spend: SpendFacts[];
  awards: AwardFacts[];
  measures: MeasureFacts[];
  partnerNames: Map<string, string>;
}

/** The facts of one programme, or of every programme in the workspace (programmeId undefined). */
export async function budgetFacts(db: Db, programmeId?: string): Promise<BudgetFacts> {
  const f = programmeId ? { programmeId } : {};
  const lineRows = await withSpendTotals(linesQuery(db, f))
    .select(['bl.id', 'bl.measureId', 'bl.activityId', 'bl.year', 'bl.fundingSource', 'bl.category', 'bl.management', 'bl.inKind', 'bl.partnerId', 'bl.plannedCents'])
    .execute();
  const lines: LineFacts[] = [];
  const spend: SpendFacts[] = [];
  for (const r of lineRows) {
    lines.push({
      id: r.id,
      measureId: r.measureId,
      activityId: r.activityId,
      year: r.year,
      fundingSource: r.fundingSource as FundingSource,
      category: r.category as SpendingCategory,
      management: r.management === 1,
      inKind: r.inKind === 1,
      partnerId: r.partnerId,
      plannedCents: r.plannedCents,
    });
    // One fact per line: the sum of its spend. Entries and year totals roll up the same way.
    if (Number(r.spendCount) > 0) spend.push({ id: r.id, lineId: r.id, kind: 'entry', cents: Number(r.realisedCents) });
  }

  let aq = db.selectFrom('award').innerJoin('programme as p', 'p.id', 'award.programmeId').select(['award.id', 'award.stream', 'award.year', 'award.amountCents']).where('award.deletedAt', 'is', null).where('p.deletedAt', 'is', null);
  if (programmeId) aq = aq.where('award.programmeId', '=', programmeId);
  const awards = (await aq.execute()).map((a) => ({ id: a.id, stream: a.stream as FundingSource, year: a.year, cents: a.amountCents }));

  const measures = await measureFactsOf(db, programmeId);

  const orgs = await db.selectFrom('organisation').select(['id', 'name']).execute();
  return { lines, spend, awards, measures, partnerNames: new Map(orgs.map((o) => [o.id, o.name])) };
}

/** The measures (one programme's, or all) with their planned and reached participants, in code order. */
async function measureFactsOf(db: Db, programmeId?: string): Promise<MeasureFacts[]> {
  let mq = db.selectFrom('measure').select(['id', 'code', 'name', 'plusvoorziening']).where('deletedAt', 'is', null);
  if (programmeId) mq = mq.where('programmeId', '=', programmeId);
  const measureRows = await mq.execute();
  let pq = db.selectFrom('activity as a').innerJoin('measure as m', 'm.id', 'a.measureId').select(['a.measureId', 'a.plannedParticipants']).where('a.deletedAt', 'is', null).where('m.deletedAt', 'is', null);
  if (programmeId) pq = pq.where('m.programmeId', '=', programmeId);
  // Participants of a measure: the total over its activities and their school years (shared/participants.ts).
  const plannedLists = new Map<string, { schoolYear: string; count: number }[][]>();
  for (const r of await pq.execute()) plannedLists.set(r.measureId, [...(plannedLists.get(r.measureId) ?? []), parseList<{ schoolYear: string; count: number }>(r.plannedParticipants)]);
  const reached = await reachedParticipants(db, programmeId);
  return measureRows
    .map((m) => {
      const planned = sumParticipants(plannedLists.get(m.id) ?? []);
      return {
        id: m.id,
        code: m.code,
        name: m.name,
        plusvoorziening: m.plusvoorziening === 1,
        plannedParticipants: planned.perYear.length ? planned.total : null,
        reachedParticipants: reached.get(m.id) ?? null,
      };
    })
    .sort((a, b) => compareCodes(a.code, b.code) || a.name.localeCompare(b.name, 'nl'));
}

/**
 * Participants reached per measure: per activity the built-in participants indicator's values per
 * school year by the results' own rule (shared/participants.ts reachedPerYear), summed over the
 * measure's activities and school years, as the planned participants are.
 *
 * Each indicator's outcome is kept in participants_reached (migration 0015; its triggers delete it
 * when a measurement of the indicator changes), so a call reads one small row per indicator and
 * applies the rule only to indicators without one: their measurements as one JSON list each, of
 * exactly the fields the rule reads (results.ts measurementValue's input). SQLite writes reals with
 * 17 significant digits and JSON.stringify the shortest exact form, so every value reads back the same.
 */
export async function reachedParticipants(db: Db, programmeId?: string): Promise<Map<string, number>> {
  // One read of one state: a write between reading measurements and keeping their outcome would be lost.
  return db.isTransaction ? reachedIn(db, programmeId) : db.transaction().execute((trx) => reachedIn(trx, programmeId));
}

async function reachedIn(db: Db, programmeId?: string): Promise<Map<string, number>> {
  const raw = db.withoutPlugins();
  // Every live built-in participants indicator with its kept outcome (migration 0015), if any.
  const indicators = (
    await sql<{ id: string; measureId: string; perYear: string | null }>`
      SELECT i.id, a.measure_id AS "measureId", k.per_year AS "perYear"
      FROM measure m
      JOIN activity a ON a.measure_id = m.id
      JOIN indicator i ON i.activity_id = a.id
      LEFT JOIN participants_reached k ON k.indicator_id = i.id
      WHERE i.builtin = 'deelnemers' AND i.deleted_at IS NULL AND a.deleted_at IS NULL AND m.deleted_at IS NULL
        ${programmeId ? sql`AND m.programme_id = ${programmeId}` : sql``}`.execute(raw)
  ).rows;
  const missing = indicators.filter((r) => r.perYear === null).map((r) => r.id);
  const judged = new Map<string, YearCount[]>();
  if (missing.length) {
    const many = missing.length > 1000;
    const rows = await sql<{ id: string; ms: string }>`
      SELECT x.indicator_id AS id, json_group_array(json_object(
        'id', x.id, 'date', x.date, 'periodKind', x.period_kind, 'periodStart', x.period_start, 'periodEnd', x.period_end, 'value', x.value,
        'numerator', x.numerator, 'denominator', x.denominator, 'categories', x.categories, 'status', x.status, 'recordedAt', x.recorded_at)) AS ms
      FROM measurement x
      WHERE x.deleted_at IS NULL AND x.indicator_id IN (${many ? sql`SELECT i.id FROM indicator i WHERE i.builtin = 'deelnemers'` : sql.join(missing)})
      GROUP BY x.indicator_id`.execute(raw);
    const measured = new Map(rows.rows.map((r) => [r.id, r.ms]));
    for (const id of missing) judged.set(id, reachedPerYear((JSON.parse(measured.get(id) ?? '[]') as Parameters<typeof measurementValue>[0][]).map(measurementValue)));
    await keeping(raw, async (w) => {
      const list = [...judged];
      for (let i = 0; i < list.length; i += 200)
        await sql`INSERT OR REPLACE INTO participants_reached (indicator_id, per_year) VALUES ${sql.join(list.slice(i, i + 200).map(([id, perYear]) => sql`(${id}, ${JSON.stringify(perYear)})`))}`.execute(w);
    });
  }
  const lists = new Map<string, YearCount[][]>();
  for (const r of indicators) {
    const perYear = r.perYear === null ? judged.get(r.id)! : (JSON.parse(r.perYear) as YearCount[]);
    const l = lists.get(r.measureId);
    if (l) l.push(perYear);
    else lists.set(r.measureId, [perYear]);
  }
  return new Map([...lists].flatMap(([m, ls]) => {
    const s = sumParticipants(ls);
    return s.perYear.length ? [[m, s.total] as const] : [];
  }));
}

const measureLabel = (m: { code: string; name: string } | undefined, id: string) => (m ? [m.code, m.name].filter(Boolean).join(' ') : id);

/** Overview and checks over a set of facts; rules per programme (the defaults for a whole workspace). */
export function overviewOf(facts: BudgetFacts, rules: RuleSettings, period?: { start: string; end: string }, programmeAwardedCents?: number | null) {
  const o = overview({ ...facts, periodYears: period ? periodYears(period.start, period.end) : [] });
  const byId = new Map(facts.measures.map((m) => [m.id, m]));
  const checks = runChecks({ ...facts, rules, period, programmeAwardedCents, measureLabel: (id) => measureLabel(byId.get(id), id) });
  const label = {
    year: (k: number) => String(k),
    source: (k: FundingSource) => t(`source.${k}` as MessageKey),
    category: (k: SpendingCategory) => t(`category.${k}` as MessageKey),
    partner: (k: string | null) => (k === null ? t('budget.noPartner') : (facts.partnerNames.get(k) ?? k)),
  };
  const labelled = <K extends string | number | null>(gs: RollupGroup<K>[], f: (k: K) => string) => gs.map((g) => ({ ...g, label: f(g.key) }));
  return {
    o,
    checks,
    byId,
    byYear: labelled(o.byYear, label.year),
    byFundingSource: labelled(o.byFundingSource, label.source),
    byCategory: labelled(o.byCategory, label.category),
    byPartner: labelled(o.byPartner, label.partner),
    byMeasure: labelled(o.byMeasure, (k) => measureLabel(byId.get(k), k)),
  };
}

/**
 * Every measure's money and participant figures in one pass over the whole workspace (the steering
 * overview). A measure's figures depend on its own lines only, so they are the same as
 * budgetOverview gives per programme, without querying the store once per programme.
 */
export async function measureFigures(db: Db): Promise<Map<string, ReturnType<typeof overview>['measures'][number]>> {
  return new Map(overview(await budgetFacts(db)).measures.map((m) => [m.measureId, m]));
}

/**
 * One programme's live budget lines (of live measures) with their realised sums, from the mirror
 * (migration 0013). Not materialised: each rollup branch reads the covering index that is in its own
 * order (by measure and year, or by source, year, category and partner), so none of them sorts lines.
 */
const programmeLines = (programmeId: string) => sql`
  SELECT id, measure_id, year, funding_source, category, partner_id, in_kind, cofin, planned_cents, realised_cents
  FROM budget_line_total
  WHERE programme_id = ${programmeId} AND deleted_at IS NULL AND measure_deleted_at IS NULL`;

interface RollupRow {
  g: 'm' | 's' | 'c' | 'p' | 'o';
  k: string | null;
  y: number | null;
  planned: number;
  realised: number;
  inKind: number;
  cofin: number;
  cofinInKind: number;
  cofinLines: number;
  n: number;
}

/**
 * The overview's rollups in SQL, one statement over the programme's lines (read from the mirror,
 * each line's spend already summed): per measure and year, per funding source and year (the
 * vrijval), per category, per partner, and the over-spent lines (g = 'o'). Every other total is a
 * sum of these rows, so every breakdown sums to the grand total to the cent. Only groups leave
 * SQLite, never a row per line.
 *
 * The per-measure branch reads the lines in measure order; `g` groups them once, in index order, by
 * source, year, category and partner (a few hundred groups even at 2,000 activities), and the other
 * three breakdowns add up its sums, which are whole cents, so nothing is rounded.
 */
export const budgetRollupSql = (programmeId: string) => {
  // in_kind and cofin are 0 or 1, so a product is the CASE WHEN … THEN planned_cents ELSE 0.
  const sumsOfG = sql`sum(planned), sum(realised), sum(in_kind), sum(cofin), sum(cofin_in_kind), sum(cofin_lines), sum(n)`;
  return sql<RollupRow>`
    WITH l AS NOT MATERIALIZED (${programmeLines(programmeId)}),
    g AS MATERIALIZED (
      SELECT funding_source, year, category, partner_id, sum(planned_cents) AS planned, sum(realised_cents) AS realised, sum(in_kind * planned_cents) AS in_kind,
        sum(cofin * planned_cents) AS cofin, sum(cofin * in_kind * planned_cents) AS cofin_in_kind, sum(cofin) AS cofin_lines, count(*) AS n
      FROM l GROUP BY funding_source, year, category, partner_id)
    SELECT 'm' AS g, measure_id AS k, year AS y, sum(planned_cents) AS planned, sum(realised_cents) AS realised, sum(in_kind * planned_cents) AS "inKind",
      sum(cofin * planned_cents) AS cofin, sum(cofin * in_kind * planned_cents) AS "cofinInKind", sum(cofin) AS "cofinLines", count(*) AS n
      FROM l GROUP BY measure_id, year
    UNION ALL SELECT 's', funding_source, year, ${sumsOfG} FROM g GROUP BY funding_source, year
    UNION ALL SELECT 'c', category, NULL, ${sumsOfG} FROM g GROUP BY category
    UNION ALL SELECT 'p', partner_id, NULL, ${sumsOfG} FROM g GROUP BY partner_id
    UNION ALL SELECT 'o', id, NULL, planned_cents, realised_cents, 0, 0, 0, 0, 1 FROM l WHERE realised_cents > max(planned_cents, 0)`;
};

/** The checks of one programme with its own rules (the Controles tab and its count). */
export async function budgetChecks(db: Db, programmeId: string) {
  const p = await db.selectFrom('programme').select(['periodStart', 'periodEnd', 'awardedCents']).where('id', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!p) return undefined;
  const facts = await budgetFacts(db, programmeId);
  const byId = new Map(facts.measures.map((m) => [m.id, m]));
  return runChecks({
    ...facts,
    rules: await getRules(db, programmeId),
    period: { start: p.periodStart, end: p.periodEnd },
    programmeAwardedCents: p.awardedCents,
    measureLabel: (id) => measureLabel(byId.get(id), id),
  });
}

export async function budgetOverview(db: Db, programmeId: string): Promise<BudgetOverview | undefined> {
  const p = await db.selectFrom('programme').select(['id', 'name', 'periodStart', 'periodEnd', 'awardedCents']).where('id', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!p) return undefined;
  // Its column names are the RollupRow's own: no renaming of thousands of rows by the CamelCasePlugin.
  const rollups = (await budgetRollupSql(programmeId).execute(db.withoutPlugins())).rows;
  const awardRows = await db.selectFrom('award').select(['id', 'stream', 'year', 'amountCents']).where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute();
  const awards: AwardFacts[] = awardRows.map((a) => ({ id: a.id, stream: a.stream as FundingSource, year: a.year, cents: a.amountCents }));
  const measures = await measureFactsOf(db, programmeId);
  const rules = await getRules(db, programmeId);

  type Acc = { planned: number; realised: number; inKind: number; cofin: number; cofinInKind: number; cofinLines: number; n: number };
  // Accumulates in place: one object per group, not one per row added (thousands of rows at 2,000 activities).
  const add = (into: Map<string | number | null, Acc>, key: string | number | null, r: RollupRow | Acc) => {
    let a = into.get(key);
    if (!a) into.set(key, (a = { planned: 0, realised: 0, inKind: 0, cofin: 0, cofinInKind: 0, cofinLines: 0, n: 0 }));
    a.planned = addCents(a.planned, Number(r.planned));
    a.realised = addCents(a.realised, Number(r.realised));
    a.inKind = addCents(a.inKind, Number(r.inKind));
    a.cofin = addCents(a.cofin, Number(r.cofin));
    a.cofinInKind = addCents(a.cofinInKind, Number(r.cofinInKind));
    a.cofinLines += Number(r.cofinLines);
    a.n += Number(r.n);
  };
  const perMeasure = new Map<string | number | null, Acc>();
  const perYear = new Map<string | number | null, Acc>();
  const perSource = new Map<string | number | null, Acc>();
  const perCategory = new Map<string | number | null, Acc>();
  const perPartner = new Map<string | number | null, Acc>();
  const cellsOf = new Map<string, MatrixCell[]>();
  const streamYear = new Map<string, RollupRow>();
  const overspentLineIds: string[] = [];
  for (const r of rollups) {
    if (r.g === 'm') {
      add(perMeasure, r.k, r);
      add(perYear, r.y, r);
      const cell = { key: r.y!, plannedCents: Number(r.planned), realisedCents: Number(r.realised) };
      const cells = cellsOf.get(r.k!);
      if (cells) cells.push(cell);
      else cellsOf.set(r.k!, [cell]);
    } else if (r.g === 's') {
      add(perSource, r.k, r);
      streamYear.set(`${r.k}|${r.y}`, r);
    } else if (r.g === 'c') add(perCategory, r.k, r);
    else if (r.g === 'p') add(perPartner, r.k, r);
    else overspentLineIds.push(r.k!);
  }
  let planned = 0;
  let realised = 0;
  let lineCount = 0;
  for (const a of perMeasure.values()) {
    planned = addCents(planned, a.planned);
    realised = addCents(realised, a.realised);
    lineCount += a.n;
  }
  let awarded = 0;
  for (const a of awards) awarded = addCents(awarded, a.cents);

  const group = <K extends string | number | null>(key: K, a: Acc, label: string) => ({ key, label, inKindCents: a.inKind, ...amounts(a.planned, a.realised) });
  const partnerIds = [...perPartner.keys()].filter((k): k is string => typeof k === 'string');
  const partnerNames = new Map(
    partnerIds.length ? (await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', partnerIds).execute()).map((o) => [o.id, o.name] as const) : [],
  );
  const labelOfPartner = (k: string | null) => (k === null ? t('budget.noPartner') : (partnerNames.get(k) ?? k));
  const collator = new Intl.Collator('nl', { numeric: true });
  const years = [...new Set([...periodYears(p.periodStart, p.periodEnd), ...[...perYear.keys()].map(Number), ...awards.map((a) => a.year)])].sort((a, b) => a - b);

  const vrijval: BudgetOverview['vrijval'] = [];
  for (const stream of AWARDED_SOURCES)
    for (const year of years) {
      const mine = awards.filter((a) => a.stream === stream && a.year === year);
      const c = streamYear.get(`${stream}|${year}`);
      if (!c && mine.length === 0) continue;
      const aw = mine.reduce((sum, a) => addCents(sum, a.cents), 0);
      const re = Number(c?.realised ?? 0);
      vrijval.push({ stream, year, awardedCents: aw, plannedCents: Number(c?.planned ?? 0), realisedCents: re, vrijvalCents: Math.max(0, aw - re) });
    }

  return {
    programmeId: p.id,
    programmeName: p.name,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    total: { ...amounts(planned, realised), awardedCents: awarded, lineCount },
    years,
    measures: measures.map((m) => {
      const a = perMeasure.get(m.id);
      const pl = a?.planned ?? 0;
      const re = a?.realised ?? 0;
      const cofinCents = a?.cofin ?? 0;
      return {
        id: m.id,
        code: m.code,
        name: m.name,
        plusvoorziening: m.plusvoorziening,
        plannedCents: pl,
        realisedCents: re,
        cofinCents,
        cofinInKindCents: a?.cofinInKind ?? 0,
        cofinLineCount: a?.cofinLines ?? 0,
        cofinPct: pl > 0 ? (cofinCents * 100) / pl : null,
        plannedParticipants: m.plannedParticipants,
        perParticipantCents: perParticipant(pl, m.plannedParticipants),
        reachedParticipants: m.reachedParticipants ?? null,
        perReachedCents: perParticipant(re, m.reachedParticipants ?? null),
      };
    }),
    // Rows in the measures' order (code), cells by year; only measures that have lines.
    matrix: measures.flatMap((m) => (cellsOf.has(m.id) ? [{ measureId: m.id, cells: cellsOf.get(m.id)!.sort((a, b) => a.key - b.key) }] : [])),
    byYear: [...perYear].sort(([a], [b]) => Number(a) - Number(b)).map(([k, a]) => group(Number(k), a, String(k))),
    byFundingSource: FUNDING_SOURCES.filter((s) => perSource.has(s)).map((s) => group(s, perSource.get(s)!, t(`source.${s}` as MessageKey))),
    byCategory: SPENDING_CATEGORIES.filter((c) => perCategory.has(c)).map((c) => group(c, perCategory.get(c)!, t(`category.${c}` as MessageKey))),
    // Partners in the order the rollups always had: by key, lines without a partner last.
    byPartner: [...perPartner]
      .sort(([a], [b]) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : collator.compare(String(a), String(b))))
      .map(([k, a]) => group(k as string | null, a, labelOfPartner(k as string | null))),
    vrijval,
    overspentLineIds,
    rules,
  };
}

function periodYears(start: string, end: string): number[] {
  const out: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) out.push(y);
  return out;
}

/** The whole workspace's money, in the shape the CLI prints: totals, four breakdowns, the checks. */
export async function workspaceBudget(db: Db) {
  const facts = await budgetFacts(db);
  const { o, byYear, byFundingSource, byCategory, byMeasure } = overviewOf(facts, DEFAULT_RULES);
  // Checks run per programme, each with its own rules.
  const programmes = await db.selectFrom('programme').select(['id', 'name']).where('deletedAt', 'is', null).orderBy('periodStart').execute();
  const checks = [];
  for (const p of programmes) {
    for (const c of (await budgetChecks(db, p.id)) ?? []) checks.push({ code: c.code, severity: c.severity, message: c.message, programme: p.name, year: c.year, lineIds: c.lineIds });
  }
  const byMeasureId = new Map(facts.measures.map((m) => [m.id, m]));
  const pick = (g: { plannedCents: number; realisedCents: number; remainingCents: number }) => ({ plannedCents: g.plannedCents, realisedCents: g.realisedCents, remainingCents: g.remainingCents });
  return {
    total: { plannedCents: o.total.plannedCents, realisedCents: o.total.realisedCents, awardedCents: o.total.awardedCents, remainingCents: o.total.remainingCents, lineCount: o.total.lineCount },
    byMeasure: byMeasure.map((g) => ({ code: byMeasureId.get(g.key)?.code ?? '', name: byMeasureId.get(g.key)?.name ?? '', ...pick(g) })),
    byYear: byYear.map((g) => ({ year: g.key, ...pick(g) })),
    byFundingSource: byFundingSource.map((g) => ({ source: g.key, label: g.label, ...pick(g) })),
    byCategory: byCategory.map((g) => ({ category: g.key, label: g.label, ...pick(g) })),
    checks,
  };
}

/**
 * A measure's money per calendar year as of a day, for the monitoring facts: planned per line and
 * spend counted when it was booked on or before the day (a year total without a date on 31-12 of its
 * year), summed in SQL per line. `keep` narrows the lines (a partner's share). `spentCents` is null
 * for a year without any spend counted.
 */
export async function moneyPerYearAsOf(
  db: Db,
  measureId: string,
  day: string,
  keep: (l: { partnerId: string | null; activityId: string | null }) => boolean = () => true,
): Promise<{ lines: number; years: { year: number; budgetedCents: number; spentCents: number | null }[] }> {
  const lines = (await linesQuery(db, { measureId }).select(['bl.id', 'bl.year', 'bl.plannedCents', 'bl.partnerId', 'bl.activityId']).execute()).filter(keep);
  const spent = await linesQuery(db, { measureId })
    .innerJoin('spend as s', 's.budgetLineId', 'bl.id')
    .where('s.deletedAt', 'is', null)
    .where(sql<string>`coalesce(s.date, s.year || '-12-31')`, '<=', day)
    .groupBy('bl.id')
    .select(['bl.id', sql<number>`sum(s.amount_cents)`.as('cents')])
    .execute();
  const spentOf = new Map(spent.map((s) => [s.id, Number(s.cents)]));
  const byYear = new Map<number, { budgetedCents: number; spentCents: number | null }>();
  for (const l of lines) {
    const y = byYear.get(l.year) ?? { budgetedCents: 0, spentCents: null };
    y.budgetedCents += l.plannedCents;
    const s = spentOf.get(l.id);
    if (s !== undefined) y.spentCents = (y.spentCents ?? 0) + s;
    byYear.set(l.year, y);
  }
  return { lines: lines.length, years: [...byYear.entries()].sort(([x], [y]) => x - y).map(([year, v]) => ({ year, ...v })) };
}
