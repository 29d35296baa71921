/**
 * Targets and results: indicators with their baseline, targets (a revision is a new row; the old
 * one stays), measurements (a definitive value is a new row next to the provisional one), region
 * figures and the status thresholds per programme. Every write is one tracked change set.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { handlers } from './types';
import type { Database } from '../db/schema';
import { tracked, type Tracker } from '../history/tracker';
import { entityName } from '../history/entities';
import { UserError } from '../errors';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { formatDate } from '../../../shared/dates';
import {
  contextFor,
  indicatorView,
  indicatorViews,
  ownerOf,
  programmeInfo,
  programmeOverview,
  toMeasurementValue,
  toRevision,
  virtualParticipants,
  participantTargets,
  periodOfRow,
} from '../db/queries/results';
import { parseList } from '../db/queries/tree';
import { evaluate } from '../../../shared/results/status';
import { schoolYearOf, schoolYearRange } from '../../../shared/results/schoolYear';
import { classifyRange, defaultMomentPeriod, periodCode, describedAt, momentRuleFor, parsePeriod, periodLabel, programmeWindow, reportingPeriod, within, type MomentPeriod, type Period } from '../../../shared/results/periods';
import { MOMENT_WINDOW_DAYS } from '../../../shared/results/moments';
import { currentTargets, valueOf } from '../../../shared/results/values';
import { parentNumerator } from '../../../shared/results/linked';
import { formatNumber } from '../../../shared/results/format';
import type { MeasurementValue } from '../../../shared/results/types';
import type { IndicatorView, MeasurementInput, RegionFigure } from '../../../shared/schemas/results';
import { nowIso } from '../clock';

type Db = Kysely<Database>;

const fieldError = (field: string, message: string, code: 'invalid_input' | 'conflict' = 'invalid_input') => new UserError(code, `${fieldLabel(field)}: ${message}`, field);
const notFound = (entity: string) => new UserError('not_found', t('err.notFound', { entity: entityName(entity) }));
const meta = (ctx: { user: string; session: string }, action: string, label: string) => ({ user: ctx.user, session: ctx.session, action, label });

async function mustView(db: Db, id: string): Promise<IndicatorView> {
  const v = await indicatorView(db, id);
  if (!v) throw notFound('indicator');
  return v;
}

/**
 * A new measurement as the store keeps it, after every check the results screens apply (date in
 * the programme's school years, percentages 0-100, known categories, an explanation when the value
 * puts the indicator behind). Throws a UserError naming the field. Used by measurement.create and
 * by the Excel import of a partner's "Metingen" sheet.
 */
export async function measurementRecord(db: Db, input: MeasurementInput, id: string, recordedAt: string, opts: { parentRows?: MeasurementValue[] } = {}) {
  const ind = await mustView(db, input.indicatorId);
  const owner = await ownerOf(db, ind);
  const c = owner && (await contextFor(db, owner.programmeId));
  if (!c) throw notFound('programme');
  const period = input.period ? parsePeriod(input.period)! : periodForMeasurement(ind, input.date);
  checkInProgramme(period, c.programme, 'period');
  if (input.date < period.start) throw fieldError('date', t('val.dateBeforePeriod', { period: periodLabel(period) }));
  checkPercentage(ind.unit, { value: input.value });
  // A count alone is a "waarvan" part's: its denominator is the parent's numerator for the same period.
  let denominator = input.denominator;
  if (input.numerator !== null && denominator === null) {
    if (!ind.parentId) throw fieldError('denominator', t('val.number'));
    const parent = await mustView(db, ind.parentId);
    const stored = await db.selectFrom('measurement').selectAll().where('indicatorId', '=', parent.id).where('deletedAt', 'is', null).execute();
    denominator = parentNumerator([...stored.map(toMeasurementValue), ...(opts.parentRows ?? [])], period, input.date);
    if (denominator === null) throw fieldError('numerator', t('val.partNoDenominator', { parent: parent.name, period: periodLabel(period) }));
    if (input.numerator > denominator) throw fieldError('numerator', t('val.partTooMany', { count: formatNumber(denominator), parent: parent.name }));
  }
  if (input.categories && ind.categories.length) {
    const unknown = input.categories.find((x) => !ind.categories.includes(x.name));
    if (unknown) throw fieldError('categories', t('val.unknownCategory', { name: unknown.name }));
  }
  const row = {
    id,
    indicatorId: ind.id,
    date: input.date,
    schoolYear: schoolYearOf(describedAt({ date: input.date, period })),
    periodKind: period.kind,
    periodStart: period.start,
    periodEnd: period.end,
    value: input.value,
    numerator: input.numerator,
    denominator,
    categories: input.categories && input.categories.length ? JSON.stringify(input.categories) : null,
    status: input.status,
    source: input.source,
    explanation: input.explanation.trim(),
    recordedAt,
    createdAt: recordedAt,
    updatedAt: recordedAt,
    deletedAt: null,
    deletedIn: null,
    rowVersion: 1,
  };
  if (ind.unit === 'percentage') checkPercentage('percentage', { value: valueOf(toMeasurementValue(row)) });

  // A value that makes the indicator fall behind needs an explanation.
  const stored = await db.selectFrom('measurement').selectAll().where('indicatorId', '=', ind.id).where('deletedAt', 'is', null).execute();
  const targets = ind.builtin && owner.kind === 'activity' ? participantTargets(owner.id, parseList(owner.plannedParticipants), '') : await db.selectFrom('target').selectAll().where('indicatorId', '=', ind.id).where('deletedAt', 'is', null).execute();
  const asOf = input.date > c.today ? input.date : c.today;
  const ev = evaluate(
    { direction: ind.direction, aggregation: ind.aggregation, baseline: { value: ind.baselineValue, date: ind.baselineDate }, targets: currentTargets(targets.map(toRevision)), measurements: [...stored, row].map(toMeasurementValue) },
    asOf,
    c.thresholds,
  );
  if (ev.status === 'achter' && ev.latest?.id === id && !row.explanation) throw fieldError('explanation', t('val.explanationRequired'));
  return { ind, row };
}

/** The period a measurement on this date reports on, by the indicator's moments (see periods.reportingPeriod). */
export function periodForMeasurement(ind: IndicatorView, date: string): Period {
  const rule = momentRuleFor({ kind: ind.momentKind, dates: ind.momentDates, periods: ind.momentPeriods }, date, MOMENT_WINDOW_DAYS);
  const targets = ind.targets.filter((x) => x.current).map((x) => ({ start: x.periodStart, end: x.periodEnd }));
  return reportingPeriod(ind.periodKind, rule, date, targets);
}

/** A period of a measurement or target lies within the programme (widened to whole calendar and school years). */
export function checkInProgramme(period: Period, programme: { periodStart: string; periodEnd: string }, field: string): void {
  const w = programmeWindow(programme.periodStart, programme.periodEnd);
  if (!within(period, w))
    throw fieldError(
      field,
      t('val.periodOutsideProgramme', { period: periodLabel(period), from: formatDate(programme.periodStart), to: formatDate(programme.periodEnd), min: formatDate(w.start), max: formatDate(w.end) }),
    );
}

/** The built-in participants indicator is stored on its first write, under its fixed id. */
export async function ensureStored(tr: Tracker, v: IndicatorView): Promise<void> {
  if (!v.virtual || !v.activityId) return;
  const exists = await tr.trx.selectFrom('indicator').select('id').where('id', '=', v.id).executeTakeFirst();
  if (exists) {
    // Trashed earlier: bring the row back rather than making a second one.
    await tr.setFields('indicator', v.id, { deletedAt: null, deletedIn: null });
    return;
  }
  const row = virtualParticipants(v.activityId, tr.at);
  await tr.insert('indicator', { ...row });
}

function checkPercentage(unit: string, fields: Record<string, number | null>): void {
  if (unit !== 'percentage') return;
  for (const [k, v] of Object.entries(fields)) if (v !== null && (v < 0 || v > 100)) throw fieldError(k, t('val.percentRange'));
}

export const indicatorColumns = (i: {
  name: string;
  description: string;
  unit: string;
  freeUnit: string;
  direction: string;
  aggregation: string;
  dataSource: string;
  momentKind: string;
  momentDates: string[];
  categories: string[];
  baselineValue: number | null;
  baselineDate: string | null;
  baselineSource: string;
  baselineNote: string;
  periodKind: string;
  momentPeriods: string[];
  phrase: string;
}) => ({
  name: i.name,
  description: i.description,
  unit: i.unit,
  freeUnit: i.freeUnit,
  direction: i.direction,
  aggregation: i.aggregation,
  dataSource: i.dataSource,
  momentKind: i.momentKind,
  momentDates: JSON.stringify(i.momentDates),
  categories: JSON.stringify(i.categories),
  baselineValue: i.baselineValue,
  baselineDate: i.baselineDate,
  baselineSource: i.baselineSource,
  baselineNote: i.baselineNote,
  periodKind: i.periodKind,
  // Each moment says which period it reports on; left open, the default for its month.
  momentPeriods: JSON.stringify(i.momentDates.map((d, k): MomentPeriod => (i.momentPeriods[k] as MomentPeriod | undefined) ?? defaultMomentPeriod(i.periodKind as Period['kind'], i.momentKind === 'lijst' ? d.slice(5) : d))),
  phrase: i.phrase,
});

const pct1 = (v: number) => Math.round(v * 100) / 100;

export const resultHandlers = handlers({
  'results.forActivity': async ({ activityId }, ctx) => {
    const db = ctx.db();
    const owner = await ownerOf(db, { activityId, measureId: null });
    if (!owner) throw notFound('activity');
    const c = await contextFor(db, owner.programmeId);
    if (!c) throw notFound('programme');
    const indicators = await indicatorViews(db, { activities: [owner], measureIds: [] }, c);
    return {
      activity: { id: owner.id, code: owner.code, name: owner.name, measureId: owner.measureId, measureCode: owner.measureCode, measureName: owner.measureName },
      programme: c.programme,
      thresholds: c.thresholds,
      today: c.today,
      indicators,
    };
  },

  'results.forProgramme': async ({ programmeId, measureId, page }, ctx) => {
    const r = await programmeOverview(ctx.db(), programmeId, { measureId, page });
    if (!r) throw notFound('programme');
    return r;
  },

  'results.thresholds': async ({ programmeId, onTrackMargin, attentionMargin }, ctx) => {
    const db = ctx.db();
    const p = await programmeInfo(db, programmeId);
    if (!p) throw notFound('programme');
    const existing = await db.selectFrom('resultSettings').select('id').where('programmeId', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst();
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: t('entity.resultSettings'), name: p.name })), async (tr) => {
      if (existing) await tr.update('resultSettings', existing.id, { onTrackMargin, attentionMargin });
      else await tr.insert('resultSettings', { id: randomUUID(), programmeId, onTrackMargin, attentionMargin, createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null });
    });
    return { onTrackMargin, attentionMargin };
  },

  'indicator.get': (input, ctx) => mustView(ctx.db(), input.id),

  'indicator.create': async ({ activityId, measureId, parentId, ...fields }, ctx) => {
    const db = ctx.db();
    const owner = await ownerOf(db, { activityId, measureId });
    if (!owner) throw activityId ? fieldError('activityId', t('err.notFound', { entity: entityName('activity') })) : fieldError('measureId', t('err.notFound', { entity: entityName('measure') }));
    const id = randomUUID();
    await checkParent(db, { id, activityId, measureId, unit: fields.unit, parentId });
    const siblings = await db
      .selectFrom('indicator')
      .select((eb) => eb.fn.max('sortOrder').as('max'))
      .where(activityId ? 'activityId' : 'measureId', '=', (activityId ?? measureId)!)
      .executeTakeFirst();
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: t('entity.indicator'), name: fields.name })), (tr) =>
      tr.insert('indicator', {
        id,
        activityId,
        measureId,
        builtin: null,
        ...indicatorColumns(fields),
        parentId,
        sortOrder: Number(siblings?.max ?? 0) + 1,
        createdAt: tr.at,
        updatedAt: tr.at,
        deletedAt: null,
        deletedIn: null,
      }),
    );
    return mustView(db, id);
  },

  'indicator.update': async ({ id, rowVersion, parentId, ...fields }, ctx) => {
    const db = ctx.db();
    const before = await mustView(db, id);
    const cols = { ...indicatorColumns(fields), parentId };
    if (before.builtin) {
      // The built-in indicator counts participants per school year; only its texts and baseline change.
      Object.assign(cols, { unit: 'aantal', direction: 'hoger', aggregation: 'aantal', name: before.name, periodKind: 'schooljaar', parentId: null });
    } else await checkParent(db, { id, activityId: before.activityId, measureId: before.measureId, unit: fields.unit, parentId });
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: t('entity.indicator'), name: before.name })), async (tr) => {
      await ensureStored(tr, before);
      // A virtual indicator had no stored version to be stale against.
      await tr.update('indicator', id, cols, before.virtual ? undefined : { rowVersion });
    });
    return mustView(db, id);
  },

  'indicator.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await mustView(db, id);
    if (before.virtual) return null;
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: t('entity.indicator'), name: before.name })), (tr) => tr.trash('indicator', id, { rowVersion }));
    return null;
  },

  'target.create': async (input, ctx) => {
    const db = ctx.db();
    const ind = await mustView(db, input.indicatorId);
    if (ind.builtin) throw fieldError('schoolYear', t('val.builtinReadOnly'));
    const range = input.schoolYear ? schoolYearRange(input.schoolYear) : { start: input.periodStart!, end: input.periodEnd! };
    const period = classifyRange(range.start, range.end);
    const owner = await ownerOf(db, ind);
    const c = owner && (await programmeInfo(db, owner.programmeId));
    if (!c) throw notFound('programme');
    checkInProgramme(period, c, input.schoolYear ? 'schoolYear' : 'periodStart');
    if (input.kind === 'relatief' && ind.baselineValue === null) throw fieldError('percent', t('val.baselineNeeded'));
    checkPercentage(ind.unit, { value: input.kind === 'exact' ? input.value : null, min: input.kind === 'bereik' ? input.min : null, max: input.kind === 'bereik' ? input.max : null });
    const clash = ind.targets.find((x) => x.current && x.periodStart === period.start && x.periodEnd === period.end);
    if (clash) throw fieldError(input.schoolYear ? 'schoolYear' : 'periodStart', t('val.targetExists'), 'conflict');
    const spec = specColumns(input);
    // "Waarvan" parts: their own target for the same period, in the same change set.
    const parts: { id: string; value: number }[] = [];
    for (const [k, p] of input.parts.entries()) {
      const part = await mustView(db, p.indicatorId);
      const field = `parts.${k}.value`;
      if (part.parentId !== ind.id) throw new UserError('invalid_input', `${part.name}: ${t('val.notAPart', { parent: ind.name })}`, field);
      if (p.value < 0 || p.value > 100) throw new UserError('invalid_input', `${part.name}: ${t('val.percentRange')}`, field);
      if (part.targets.some((x) => x.current && x.periodStart === period.start && x.periodEnd === period.end)) throw new UserError('conflict', `${part.name}: ${t('val.targetExists')}`, field);
      parts.push({ id: part.id, value: p.value });
    }
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: t('entity.target'), name: `${periodLabel(period)} ${ind.name}` })), async (tr) => {
      for (const [indicatorId, cols] of [[ind.id, spec] as const, ...parts.map((p) => [p.id, specColumns({ kind: 'exact', value: p.value, min: null, max: null, percent: null })] as const)])
        await tr.insert('target', targetRow(indicatorId, period, cols, tr.at));
    });
    return mustView(db, ind.id);
  },

  'target.revise': async (input, ctx) => {
    const db = ctx.db();
    const old = await db.selectFrom('target').selectAll().where('id', '=', input.id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!old) throw notFound('target');
    const ind = await mustView(db, old.indicatorId);
    if (ind.builtin) throw fieldError('value', t('val.builtinReadOnly'));
    if (!ind.targets.find((x) => x.id === old.id)?.current) throw new UserError('conflict', t('err.targetSuperseded'));
    if (input.kind === 'relatief' && ind.baselineValue === null) throw fieldError('percent', t('val.baselineNeeded'));
    checkPercentage(ind.unit, { value: input.kind === 'exact' ? input.value : null, min: input.kind === 'bereik' ? input.min : null, max: input.kind === 'bereik' ? input.max : null });
    const period = old.schoolYear ?? `${formatDate(old.periodStart)} – ${formatDate(old.periodEnd)}`;
    await tracked(db, meta(ctx, 'update', t('label.reviseTarget', { period, name: ind.name, reason: input.reason })), async (tr) => {
      await tr.expectVersion('target', old.id, { rowVersion: input.rowVersion });
      await tr.insert('target', {
        id: randomUUID(),
        indicatorId: old.indicatorId,
        schoolYear: old.schoolYear,
        periodKind: old.periodKind,
        periodStart: old.periodStart,
        periodEnd: old.periodEnd,
        ...specColumns(input),
        supersedesId: old.id,
        reason: input.reason,
        decisionDate: input.decisionDate,
        createdAt: tr.at,
        updatedAt: tr.at,
        deletedAt: null,
        deletedIn: null,
      });
    });
    return mustView(db, old.indicatorId);
  },

  'measurement.create': async (input, ctx) => {
    const db = ctx.db();
    const recordedAt = nowIso();
    const { ind, row } = await measurementRecord(db, input, randomUUID(), recordedAt);
    // "Waarvan" parts entered with it: same date, period, status and source, in the same change set.
    const parts: Awaited<ReturnType<typeof measurementRecord>>[] = [];
    for (const [k, p] of input.parts.entries()) {
      const part = await mustView(db, p.indicatorId);
      const field = (f: string) => `parts.${k}.${f}`;
      if (part.parentId !== ind.id) throw new UserError('invalid_input', `${part.name}: ${t('val.notAPart', { parent: ind.name })}`, field('value'));
      const partInput = { ...input, indicatorId: part.id, period: periodCode(periodOfRow(row)), value: p.value, numerator: p.numerator, denominator: null, categories: null, parts: [] };
      try {
        parts.push(await measurementRecord(db, partInput, randomUUID(), recordedAt, { parentRows: [toMeasurementValue(row)] }));
      } catch (e) {
        if (e instanceof UserError) throw new UserError(e.code, `${part.name}: ${e.message}`, field(e.field === 'numerator' ? 'numerator' : 'value'));
        throw e;
      }
    }
    await tracked(db, meta(ctx, 'create', t('label.addMeasurement', { date: formatDate(input.date), name: ind.name })), async (tr) => {
      await ensureStored(tr, ind);
      await tr.insert('measurement', row);
      for (const p of parts) await tr.insert('measurement', p.row);
    });
    return mustView(db, ind.id);
  },

  'measurement.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const m = await db.selectFrom('measurement').select(['id', 'date', 'indicatorId']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!m) throw notFound('measurement');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: t('entity.measurement'), name: formatDate(m.date) })), (tr) => tr.trash('measurement', id, { rowVersion }));
    return null;
  },

  'regionFigure.list': (_, ctx) => listRegionFigures(ctx.db()),

  'regionFigure.save': async ({ rows }, ctx) => {
    const db = ctx.db();
    const existing = await db.selectFrom('regionFigure').selectAll().where('deletedAt', 'is', null).execute();
    await tracked(db, meta(ctx, 'create', t('label.regionFigures', { n: rows.length })), async (tr) => {
      for (const r of rows) {
        const percentage = r.percentage ?? (r.students > 0 ? pct1((r.leavers / r.students) * 100) : 0);
        const cols = { ...r, percentage };
        const same = existing.find((e) => e.schoolYear === r.schoolYear && e.onderwijssoort === r.onderwijssoort && e.status === r.status && e.definitionVersion === r.definitionVersion);
        if (same) await tr.update('regionFigure', same.id, cols);
        else await tr.insert('regionFigure', { id: randomUUID(), ...cols, createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null });
      }
    });
    return listRegionFigures(db);
  },

  'regionFigure.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const r = await db.selectFrom('regionFigure').select(['id', 'schoolYear', 'onderwijssoort']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!r) throw notFound('regionFigure');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: t('entity.regionFigure'), name: `${r.schoolYear} ${t(`onderwijssoort.${r.onderwijssoort}` as 'onderwijssoort.mbo2')}` })), (tr) =>
      tr.trash('regionFigure', id, { rowVersion }),
    );
    return null;
  },
});

/**
 * A "waarvan" indicator is a percentage of its parent, an indicator of the same activity or measure
 * that is not itself part of another (one level), and it cannot have parts of its own.
 */
async function checkParent(db: Db, ind: { id: string; activityId: string | null; measureId: string | null; unit: string; parentId: string | null }): Promise<void> {
  if (!ind.parentId) return;
  const parent = await db.selectFrom('indicator').select(['id', 'activityId', 'measureId', 'parentId', 'unit']).where('id', '=', ind.parentId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!parent || parent.id === ind.id || parent.activityId !== ind.activityId || parent.measureId !== ind.measureId) throw fieldError('parentId', t('val.parentNotFound'));
  if (parent.parentId) throw fieldError('parentId', t('val.parentNested'));
  const hasParts = await db.selectFrom('indicator').select('id').where('parentId', '=', ind.id).where('deletedAt', 'is', null).executeTakeFirst();
  if (hasParts) throw fieldError('parentId', t('val.parentHasParts'));
  if (ind.unit !== 'percentage') throw fieldError('unit', t('val.linkedPercentage'));
}

/** A new target as the store keeps it (target.create, the Word plan's accepted suggestions). */
export function targetRow(indicatorId: string, period: Period, spec: ReturnType<typeof specColumns>, at: string) {
  return {
    id: randomUUID(),
    indicatorId,
    schoolYear: period.kind === 'schooljaar' ? periodCode(period) : null,
    periodKind: period.kind,
    periodStart: period.start,
    periodEnd: period.end,
    ...spec,
    supersedesId: null,
    reason: '',
    decisionDate: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletedIn: null,
  };
}

export function specColumns(i: { kind: string; value: number | null; min: number | null; max: number | null; percent: number | null }) {
  return {
    kind: i.kind,
    value: i.kind === 'exact' ? i.value : null,
    min: i.kind === 'bereik' ? i.min : null,
    max: i.kind === 'bereik' ? i.max : null,
    percent: i.kind === 'relatief' ? i.percent : null,
  };
}

export async function listRegionFigures(db: Db): Promise<RegionFigure[]> {
  const rows = await db
    .selectFrom('regionFigure')
    .select(['id', 'schoolYear', 'onderwijssoort', 'students', 'leavers', 'percentage', 'nationalNorm', 'status', 'definitionVersion', 'source', 'rowVersion'])
    .where('deletedAt', 'is', null)
    .orderBy('schoolYear')
    .orderBy('onderwijssoort')
    .execute();
  return rows.map((r) => ({ ...r, onderwijssoort: r.onderwijssoort as RegionFigure['onderwijssoort'], status: r.status as RegionFigure['status'] }));
}

