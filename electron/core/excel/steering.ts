/**
 * The steering-group workbook (Stuurgroeprapportage): a report, never imported. Each sheet is a
 * builder in `steeringSheets`; issues 3-5 fill the budget, results and actions sheets (and add
 * measure columns to the overview) by replacing or extending a builder. Every sheet: real number,
 * amount, percentage and date cells in nl-NL formats, frozen header, filter, fitting widths, keys
 * repeated on every row, landscape print one page wide with region and date in header and footer.
 */
import type { SheetWriter, WorkbookWriter, WStyle } from './xlsx/writer';
import { programmeKind, type Db } from './kinds';
import { workspaceRegion } from './info';
import { printSetup, writeTable, type ColumnSpec, type Row } from './sheets';
import { NUMFMT } from './cells';
import { newWorkbook, type ExportContext } from './workspace-book';
import { nl, t, type MessageKey } from '../../../shared/i18n/nl';
import { schoolYearOf } from '../../../shared/dates';
import { measureFigures } from '../db/queries/budget';
import { programmesResults, type IndicatorResult } from '../db/queries/results';
import { RESULT_STATUSES, type ResultStatus } from '../../../shared/results/types';
import { STATUS_ICON, worstStatus } from '../../../shared/results/symbols';
import { nowIso } from '../clock';
import { periodLabel } from '../../../shared/results/periods';
import { sumParticipants } from '../../../shared/participants';
import { linkedSentence } from '../../../shared/results/linked';
import type { ProgrammeResultsOf } from '../../../shared/schemas/results';

type Results = ProgrammeResultsOf<IndicatorResult>;

const localIsoDate = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

export interface SteeringContext {
  db: Db;
  wb: WorkbookWriter;
  region: string;
  /** ISO time of the report. */
  at: string;
  user: string;
  /** A programme's results (the one status rule), computed once per report for every sheet that shows them. */
  results(programmeId: string): Promise<Results | undefined>;
}

export interface SteeringSheet {
  name: string;
  /** Sheet title (tab). */
  title: string;
  build(ws: SheetWriter, ctx: SteeringContext): Promise<void>;
}

/** Status as text with a symbol, so it survives printing in black and white. */
export const STATUS_SYMBOL: Record<string, string> = { concept: '○', lopend: '▶', afgerond: '✓', gestopt: '■' };
type Status = 'concept' | 'lopend' | 'afgerond' | 'gestopt';
const statusText = (s: unknown) => `${STATUS_SYMBOL[String(s)] ?? ''} ${t(`status.${s as Status}`)}`.trim();

/** A result status as text with its symbol, as on the results screens: "✔ Behaald". */
export const resultStatusText = (s: ResultStatus) => `${STATUS_ICON[s]} ${t(`resultStatus.${s}`)}`;

/**
 * Result status per measure (the worst of its own and its activities' indicators, see
 * `worstStatus`) and per indicator id, from the results queries' status rule, per programme.
 */
async function resultStatuses(ctx: SteeringContext): Promise<{ measures: Map<string, ResultStatus>; indicators: Map<string, ResultStatus> }> {
  const measures = new Map<string, ResultStatus>();
  const indicators = new Map<string, ResultStatus>();
  const programmes = await ctx.db.selectFrom('programme').select('id').where('deletedAt', 'is', null).execute();
  for (const p of programmes) {
    const res = await ctx.results(p.id);
    for (const m of res?.measures ?? []) {
      const views = [...m.indicators, ...m.activities.flatMap((a) => a.indicators)];
      for (const v of views) indicators.set(v.id, v.evaluation.status);
      measures.set(m.id, worstStatus(views.map((v) => v.evaluation.status)));
    }
  }
  return { measures, indicators };
}

const col = (key: string, header: string, type: ColumnSpec['type'], help: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key, header, type, help, ...extra });
/** A text column of a fixed width whose text wraps (the row grows), so a report page keeps a readable size. */
const wrap = (key: string, header: string, width: number, help = ''): ColumnSpec => col(key, header, 'longText', help, { width });

/** Programme, measure code and name on every row, so filtering in Excel keeps each row's context. */
const measureKeys = () => [
  wrap('programme', t('xl.steering.programme'), 20),
  col('code', t('xlh.code'), 'text', '', { width: 8 }),
  wrap('measure', t('xl.steering.measure'), 22),
];
const pcol = (key: string) => programmeKind.columns.find((c) => c.key === key)!;

const EMPTY_NOTE: WStyle = { italic: true, color: 'FF666666' };

/** A sheet with only headers says so in its first row, instead of looking broken. */
function emptyNote(ws: SheetWriter, text: string): void {
  ws.set(2, 1, text, EMPTY_NOTE);
}

/**
 * A report table: rows as high as their wrapped text, printed on A4 landscape. A table too wide
 * for one readable page (the overview) prints at full size over more pages, its key columns
 * (programme, code, measure) repeated on each, instead of shrinking the type to fit one width.
 */
async function table(ws: SheetWriter, ctx: SteeringContext, columns: ColumnSpec[], rows: Row[], empty: string, print: { keyColumns?: number } = {}): Promise<void> {
  writeTable(ws, columns, rows, { fitRows: true });
  if (!rows.length) emptyNote(ws, empty);
  printSetup(ws, { title: t('xl.steering.title'), region: ctx.region, date: ctx.at, keyColumns: print.keyColumns, readable: true });
}

/** Per measure, the programme repeated on every row so a filter on it works. */
export const overviewSheet: SteeringSheet = {
  name: 'overview',
  title: t('xl.steering.overview'),
  build: async (ws, ctx) => {
    const year = schoolYearOf(localIsoDate(ctx.at));
    const columns = [
      ...measureKeys(),
      col('status', t('xlh.programme.status'), 'text', t('xl.steering.statusHelp'), { width: 11 }),
      wrap('lead', t('xlh.leadName'), 22),
      col('plus', t('xlh.measure.plus'), 'bool', '', { width: 16 }),
      col('activities', t('xl.steering.activityCount'), 'int', '', { width: 12 }),
      col('planned', t('xl.steering.plannedParticipants', { year }), 'int', '', { width: 13 }),
      col('budgetPlannedCents', t('xl.steering.budgetPlanned'), 'money', t('xl.steering.budgetPlannedHelp'), { allowNegative: true, width: 16 }),
      col('budgetRealisedCents', t('xl.steering.budgetRealised'), 'money', t('xl.steering.budgetRealisedHelp'), { allowNegative: true, width: 16 }),
      col('participantsPlanned', t('xl.steering.participantsPlanned'), 'int', t('xl.steering.participantsPlannedHelp'), { width: 11 }),
      col('participantsReached', t('xl.steering.participantsReached'), 'int', t('xl.steering.participantsReachedHelp'), { width: 11 }),
      col('resultStatus', t('xl.steering.measureResultStatus'), 'text', t('xl.steering.measureResultStatusHelp'), { width: 15 }),
      wrap('shape', t('field.shape'), 16, t('xl.steering.shapeHelp')),
    ];
    const db = ctx.db;
    const programmes = new Map((await db.selectFrom('programme').select(['id', 'name']).where('deletedAt', 'is', null).execute()).map((p) => [p.id, p.name]));
    const orgs = new Map((await db.selectFrom('organisation').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
    const activities = await db.selectFrom('activity').select(['measureId', 'plannedParticipants']).where('deletedAt', 'is', null).execute();
    const measures = await db
      .selectFrom('measure')
      .select(['id', 'programmeId', 'code', 'name', 'shape', 'status', 'leadOrganisationId', 'plusvoorziening'])
      .where('deletedAt', 'is', null)
      .orderBy('programmeId')
      .orderBy('sortOrder')
      .orderBy('code')
      .execute();
    // Money and participants: the same per-measure figures as the Begroting screen.
    const money = await measureFigures(db);
    const results = await resultStatuses(ctx);
    const activitiesOf = new Map<string, typeof activities>();
    for (const a of activities) activitiesOf.set(a.measureId, [...(activitiesOf.get(a.measureId) ?? []), a]);
    const rows = measures
      .filter((m) => programmes.has(m.programmeId))
      .map((m) => {
        const f = money.get(m.id);
        const mine = activitiesOf.get(m.id) ?? [];
        const planned = sumParticipants(mine.map((a) => JSON.parse(a.plannedParticipants) as { schoolYear: string; count: number }[])).perYear.filter((p) => p.schoolYear === year);
        return {
          programme: programmes.get(m.programmeId) ?? '',
          code: m.code,
          measure: m.name,
          shape: t(`shape.${m.shape}` as MessageKey),
          status: statusText(m.status),
          lead: m.leadOrganisationId ? (orgs.get(m.leadOrganisationId) ?? '') : '',
          plus: m.plusvoorziening === 1,
          activities: mine.length,
          planned: planned[0]?.count ?? null,
          budgetPlannedCents: f?.plannedCents ?? 0,
          budgetRealisedCents: f?.realisedCents ?? 0,
          participantsPlanned: f?.plannedParticipants ?? null,
          participantsReached: f?.reachedParticipants ?? null,
          resultStatus: resultStatusText(results.measures.get(m.id) ?? 'geen_gegevens'),
        };
      });
    await table(ws, ctx, columns, rows, t('xl.steering.noMeasures'), { keyColumns: 3 });
  },
};

/** The programmes: period, status, requested and awarded amounts. */
export const programmesSheet: SteeringSheet = {
  name: 'programmes',
  title: t('xlh.programme.sheet'),
  build: async (ws, ctx) => {
    const columns = [
      { ...pcol('name'), header: t('xl.steering.programme'), type: 'longText' as const, width: 30 },
      pcol('periodStart'),
      pcol('periodEnd'),
      col('status', t('xlh.programme.status'), 'text', t('xl.steering.statusHelp')),
      pcol('requestedCents'),
      pcol('awardedCents'),
      col('awardedShare', t('xl.steering.awardedShare'), 'percent', t('xl.steering.awardedShareHelp')),
    ];
    const rows = (await programmeKind.list(ctx.db)).map((p) => ({
      ...p,
      status: statusText(p.status),
      awardedShare: typeof p.awardedCents === 'number' && typeof p.requestedCents === 'number' && p.requestedCents > 0 ? p.awardedCents / p.requestedCents : null,
    }));
    await table(ws, ctx, columns, rows, t('xl.steering.noProgrammes'));
  },
};

/** Codes in natural order; one collator (localeCompare with options builds one per call, 20,000 in a big region's sort). */
const byCode = new Intl.Collator('nl', { numeric: true }).compare;

/** Measure × year × funding source: planned (budget lines) and realised (spend in that year). */
export const budgetSheet: SteeringSheet = {
  name: 'budget',
  title: t('xl.steering.budget'),
  build: async (ws, ctx) => {
    const columns = [
      ...measureKeys(),
      col('year', t('xl.steering.year'), 'int', '', { numFmt: NUMFMT.year }),
      wrap('source', t('xl.steering.source'), 22),
      col('plannedCents', t('xl.steering.planned'), 'money', '', { allowNegative: true }),
      col('spentCents', t('xl.steering.spent'), 'money', '', { allowNegative: true }),
      col('spentShare', t('xl.steering.spentShare'), 'percent', '', { allowNegative: true }),
    ];
    const db = ctx.db;
    const measures = await db
      .selectFrom('measure')
      .innerJoin('programme', 'programme.id', 'measure.programmeId')
      .select(['measure.id', 'measure.code', 'measure.name', 'measure.sortOrder', 'programme.name as programme', 'programme.periodStart'])
      .where('measure.deletedAt', 'is', null)
      .where('programme.deletedAt', 'is', null)
      .execute();
    const planned = await db
      .selectFrom('budgetLine')
      .select(['measureId', 'year', 'fundingSource', (eb) => eb.fn.sum<number>('plannedCents').as('cents')])
      .where('deletedAt', 'is', null)
      .groupBy(['measureId', 'year', 'fundingSource'])
      .execute();
    const spent = await db
      .selectFrom('spend')
      .innerJoin('budgetLine', 'budgetLine.id', 'spend.budgetLineId')
      .select(['budgetLine.measureId', 'spend.year', 'budgetLine.fundingSource', (eb) => eb.fn.sum<number>('spend.amountCents').as('cents')])
      .where('spend.deletedAt', 'is', null)
      .where('budgetLine.deletedAt', 'is', null)
      .groupBy(['budgetLine.measureId', 'spend.year', 'budgetLine.fundingSource'])
      .execute();
    const cells = new Map<string, { measureId: string; year: number; source: string; planned: number; spent: number }>();
    const at = (measureId: string, year: number, source: string) => {
      const k = `${measureId}|${year}|${source}`;
      if (!cells.has(k)) cells.set(k, { measureId, year, source, planned: 0, spent: 0 });
      return cells.get(k)!;
    };
    for (const p of planned) at(p.measureId, p.year, p.fundingSource).planned += Number(p.cents);
    for (const x of spent) at(x.measureId, x.year, x.fundingSource).spent += Number(x.cents);
    const byId = new Map(measures.map((m) => [m.id, m]));
    const rows = [...cells.values()]
      .filter((c) => byId.has(c.measureId))
      .sort((a, b) => {
        const ma = byId.get(a.measureId)!;
        const mb = byId.get(b.measureId)!;
        return ma.periodStart.localeCompare(mb.periodStart) || ma.sortOrder - mb.sortOrder || byCode(ma.code, mb.code) || a.year - b.year || a.source.localeCompare(b.source);
      })
      .map((c) => {
        const m = byId.get(c.measureId)!;
        return {
          programme: m.programme,
          code: m.code,
          measure: m.name,
          year: c.year,
          source: t(`source.${c.source}` as MessageKey),
          plannedCents: c.planned,
          spentCents: c.spent,
          spentShare: c.planned > 0 ? c.spent / c.planned : null,
        };
      });
    await table(ws, ctx, columns, rows, t('xl.steering.noBudget'), { keyColumns: 3 });
  },
};

/**
 * Per indicator, as on the results screens (the same status rule, programmeResults' lean results): baseline, the
 * target the latest value was compared with and its period, the latest value that counts with the
 * period it is about and, apart from it, the date it was measured; numerator and denominator; a
 * "waarvan" part right under its parent, with the two together in one sentence on the parent's row.
 */
export const resultsSheet: SteeringSheet = {
  name: 'results',
  title: t('xl.steering.results'),
  build: async (ws, ctx) => {
    const columns = [
      ...measureKeys(),
      wrap('owner', t('xl.steering.owner'), 20),
      wrap('indicator', t('xl.steering.indicator'), 24),
      wrap('parent', t('xl.steering.partOf'), 16, t('xl.steering.partOfHelp')),
      col('unit', t('xl.steering.unit'), 'text', '', { width: 12 }),
      col('baseline', t('xl.steering.baseline'), 'decimal', '', { allowNegative: true, width: 11 }),
      col('baselineDate', t('xl.steering.baselineDate'), 'date', '', { width: 12 }),
      wrap('target', t('xl.steering.target'), 20),
      wrap('period', t('xl.steering.period'), 14, t('xl.steering.periodHelp')),
      col('latest', t('xl.steering.latest'), 'decimal', '', { allowNegative: true, width: 11 }),
      col('latestDate', t('xl.steering.latestDate'), 'date', '', { width: 12 }),
      col('numerator', t('xl.steering.numerator'), 'decimal', '', { width: 10 }),
      col('denominator', t('xl.steering.denominator'), 'decimal', '', { width: 10 }),
      col('measurementStatus', t('xl.steering.measurementStatus'), 'text', '', { width: 12 }),
      col('resultStatus', t('xl.steering.resultStatus'), 'text', t('xl.steering.resultStatusHelp'), { width: 16 }),
      wrap('together', t('xl.steering.together'), 30, t('xl.steering.togetherHelp')),
    ];
    const db = ctx.db;
    const programmes = await db.selectFrom('programme').select(['id', 'name']).where('deletedAt', 'is', null).orderBy('periodStart').execute();
    const rows: Row[] = [];
    const num = (v: number | null) => (v === null ? '' : String(Math.round(v * 1e6) / 1e6).replace('.', ','));
    for (const p of programmes) {
      const res = await ctx.results(p.id);
      for (const m of res?.measures ?? []) {
        const groups: { owner: string; views: IndicatorResult[] }[] = [{ owner: '', views: m.indicators }, ...m.activities.map((a) => ({ owner: [a.code, a.name].filter(Boolean).join(' '), views: a.indicators }))];
        for (const g of groups)
          for (const v of inLinkedOrder(g.views)) {
            const ev = v.evaluation;
            const tg = v.target;
            const target = !tg ? '' : tg.kind === 'bereik' ? `${num(tg.min)}–${num(tg.max)}` : tg.kind === 'relatief' ? t('xl.steering.relativeTarget', { percent: num(tg.percent), value: num(tg.resolvedMin) }) : num(tg.value);
            const counted = v.counted;
            const parts = g.views.filter((x) => x.parentId === v.id);
            const parent = v.parentId ? g.views.find((x) => x.id === v.parentId) : undefined;
            rows.push({
              programme: p.name,
              code: m.code,
              measure: m.name,
              owner: g.owner,
              indicator: v.name,
              parent: parent?.name ?? '',
              unit: v.unit === 'vrij' ? v.freeUnit : t(`unit.${v.unit}` as MessageKey),
              baseline: v.baselineValue,
              baselineDate: v.baselineDate,
              target: tg ? `${target} (${periodLabel({ kind: tg.periodKind, start: tg.periodStart, end: tg.periodEnd })})` : '',
              period: ev.latest?.periodLabel ?? '',
              latest: ev.latest?.value ?? null,
              latestDate: ev.latest?.date ?? null,
              numerator: counted?.numerator ?? null,
              denominator: counted?.denominator ?? null,
              measurementStatus: ev.latest ? t(`measurementStatus.${ev.latest.status}`) : '',
              resultStatus: resultStatusText(ev.status),
              together: parts.length ? linkedSentence({ ...v, value: ev.latest?.value ?? null }, parts.map((x) => ({ ...x, value: x.evaluation.latest?.value ?? null }))) : '',
            });
          }
      }
    }
    await table(ws, ctx, columns, rows, t('xl.steering.noResults'), { keyColumns: 3 });
  },
};

/** Each indicator followed by its "waarvan" parts. */
function inLinkedOrder(views: IndicatorResult[]): IndicatorResult[] {
  const ids = new Set(views.map((v) => v.id));
  return views.filter((v) => !v.parentId || !ids.has(v.parentId)).flatMap((v) => [v, ...views.filter((x) => x.parentId === v.id)]);
}

/** The action lists of the monitoring rounds: what, by whom, deadline, status; measure and round on every row. */
export const actionsSheet: SteeringSheet = {
  name: 'actions',
  title: t('xl.steering.actions'),
  build: async (ws, ctx) => {
    const columns = [
      wrap('programme', t('xl.steering.programme'), 16),
      wrap('round', t('xl.steering.round'), 16),
      wrap('measure', t('xl.steering.measure'), 20),
      wrap('action', t('xl.steering.action'), 40),
      wrap('by', t('xl.steering.by'), 22),
      col('deadline', t('xl.steering.deadline'), 'date', '', { width: 11 }),
      col('status', t('xl.steering.actionStatus'), 'text', '', { width: 10 }),
    ];
    const rows = await ctx.db
      .selectFrom('monitoringAction')
      .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringAction.roundId')
      .innerJoin('programme', 'programme.id', 'monitoringRound.programmeId')
      .innerJoin('measure', 'measure.id', 'monitoringAction.measureId')
      .leftJoin('organisation', 'organisation.id', 'monitoringAction.ownerOrganisationId')
      .select([
        'programme.name as programme',
        'monitoringRound.name as round',
        'monitoringRound.startDate',
        'measure.code',
        'measure.name as measureName',
        'monitoringAction.text',
        'monitoringAction.ownerName',
        'organisation.name as ownerOrganisation',
        'monitoringAction.deadline',
        'monitoringAction.status',
        'monitoringAction.sortOrder',
      ])
      .where('monitoringAction.deletedAt', 'is', null)
      .where('monitoringRound.deletedAt', 'is', null)
      .where('programme.deletedAt', 'is', null)
      .orderBy('monitoringRound.startDate')
      .orderBy('measure.code')
      .orderBy('monitoringAction.sortOrder')
      .execute();
    const status = (s: string) => (`status.${s}` in nl ? t(`status.${s}` as MessageKey) : s);
    await table(
      ws,
      ctx,
      columns,
      rows.map((r) => ({
        programme: r.programme,
        round: r.round,
        measure: [r.code, r.measureName].filter(Boolean).join(' '),
        action: r.text,
        by: [r.ownerName, r.ownerOrganisation].filter(Boolean).join(', '),
        deadline: r.deadline,
        status: status(r.status),
      })),
      t('xl.steering.noActions'),
    );
  },
};

export const legendSheet: SteeringSheet = {
  name: 'legend',
  title: t('xl.steering.legend'),
  build: async (ws, ctx) => {
    const columns = [col('term', t('xl.steering.term'), 'text', ''), col('meaning', t('xl.steering.meaning'), 'longText', '', { width: 90 })];
    const rows: Row[] = [
      ...Object.keys(STATUS_SYMBOL).map((s) => ({ term: statusText(s), meaning: t(`xl.steering.legend.${s as Status}`) })),
      ...RESULT_STATUSES.map((s) => ({ term: resultStatusText(s), meaning: t(`xl.steering.legend.result.${s}`) })),
      { term: t('xl.steering.measureResultStatus'), meaning: t('xl.steering.measureResultStatusHelp') },
      { term: t('xl.steering.budgetPlanned'), meaning: t('xl.steering.budgetPlannedHelp') },
      { term: t('xl.steering.budgetRealised'), meaning: t('xl.steering.budgetRealisedHelp') },
      { term: t('xl.steering.participantsPlanned'), meaning: t('xl.steering.participantsPlannedHelp') },
      { term: t('xl.steering.participantsReached'), meaning: t('xl.steering.participantsReachedHelp') },
      { term: t('xlh.programme.requested'), meaning: t('xlh.programme.requested.help') },
      { term: t('xlh.programme.awarded'), meaning: t('xlh.programme.awarded.help') },
      { term: t('xl.steering.awardedShare'), meaning: t('xl.steering.awardedShareHelp') },
      { term: t('xl.steering.aggregates'), meaning: t('xl.info.aggregatesOnly') },
    ];
    await table(ws, ctx, columns, rows, '');
  },
};

/** In tab order. Issues 3-5 replace budget/results/actions and add measure sheets here. */
export const steeringSheets: SteeringSheet[] = [overviewSheet, programmesSheet, budgetSheet, resultsSheet, actionsSheet, legendSheet];

export async function buildSteeringWorkbook(db: Db, ctx: ExportContext): Promise<WorkbookWriter> {
  const at = ctx.at ?? nowIso();
  const region = await workspaceRegion(db);
  const wb = newWorkbook(at, t('xl.steering.title'));
  // Every programme's results in one pass, the first time a sheet asks for one.
  let all: Promise<Map<string, Results>> | undefined;
  const sctx: SteeringContext = {
    db,
    wb,
    region: region.label,
    at,
    user: ctx.user,
    results: async (id) => {
      all ??= db
        .selectFrom('programme')
        .select('id')
        .where('deletedAt', 'is', null)
        .execute()
        .then((ps) => programmesResults(db, ps.map((p) => p.id)));
      return (await all).get(id);
    },
  };
  for (const s of steeringSheets) await s.build(wb.addSheet(s.title), sctx);
  return wb;
}

export async function exportSteering(db: Db, ctx: ExportContext): Promise<Buffer> {
  return (await buildSteeringWorkbook(db, ctx)).toBuffer();
}
