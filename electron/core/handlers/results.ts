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
  programmeResults,
  toMeasurementValue,
  toRevision,
  virtualParticipants,
  participantTargets,
} from '../db/queries/results';
import { parseList } from '../db/queries/tree';
import { evaluate } from '../../../shared/results/status';
import { inSchoolYearsOf, schoolYearOf, schoolYearRange, schoolYearsBetween } from '../../../shared/results/schoolYear';
import { currentTargets, valueOf } from '../../../shared/results/values';
import type { IndicatorView, MeasurementInput, RegionFigure } from '../../../shared/schemas/results';

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
export async function measurementRecord(db: Db, input: MeasurementInput, id: string, recordedAt: string) {
  const ind = await mustView(db, input.indicatorId);
  const owner = await ownerOf(db, ind);
  const c = owner && (await contextFor(db, owner.programmeId));
  if (!c) throw notFound('programme');
  if (!inSchoolYearsOf(input.date, c.programme.periodStart, c.programme.periodEnd)) {
    const years = schoolYearsBetween(c.programme.periodStart, c.programme.periodEnd);
    throw fieldError('date', t('val.outsideSchoolYears', { from: formatDate(schoolYearRange(years[0]!).start), to: formatDate(schoolYearRange(years[years.length - 1]!).end) }));
  }
  checkPercentage(ind.unit, { value: input.value });
  if (input.categories && ind.categories.length) {
    const unknown = input.categories.find((x) => !ind.categories.includes(x.name));
    if (unknown) throw fieldError('categories', t('val.unknownCategory', { name: unknown.name }));
  }
  const row = {
    id,
    indicatorId: ind.id,
    date: input.date,
    schoolYear: schoolYearOf(input.date),
    value: input.value,
    numerator: input.numerator,
    denominator: input.denominator,
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

const indicatorColumns = (i: {
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

  'results.forProgramme': async ({ programmeId }, ctx) => {
    const r = await programmeResults(ctx.db(), programmeId);
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

  'indicator.create': async ({ activityId, measureId, ...fields }, ctx) => {
    const db = ctx.db();
    const owner = await ownerOf(db, { activityId, measureId });
    if (!owner) throw activityId ? fieldError('activityId', t('err.notFound', { entity: entityName('activity') })) : fieldError('measureId', t('err.notFound', { entity: entityName('measure') }));
    const id = randomUUID();
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
        sortOrder: Number(siblings?.max ?? 0) + 1,
        createdAt: tr.at,
        updatedAt: tr.at,
        deletedAt: null,
        deletedIn: null,
      }),
    );
    return mustView(db, id);
  },

  'indicator.update': async ({ id, ...fields }, ctx) => {
    const db = ctx.db();
    const before = await mustView(db, id);
    const cols = indicatorColumns(fields);
    if (before.builtin) {
      // The built-in indicator counts participants per school year; only its texts and baseline change.
      Object.assign(cols, { unit: 'aantal', direction: 'hoger', aggregation: 'aantal', name: before.name });
    }
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: t('entity.indicator'), name: before.name })), async (tr) => {
      await ensureStored(tr, before);
      await tr.update('indicator', id, cols);
    });
    return mustView(db, id);
  },

  'indicator.delete': async ({ id }, ctx) => {
    const db = ctx.db();
    const before = await mustView(db, id);
    if (before.virtual) return null;
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: t('entity.indicator'), name: before.name })), (tr) => tr.trash('indicator', id));
    return null;
  },

  'target.create': async (input, ctx) => {
    const db = ctx.db();
    const ind = await mustView(db, input.indicatorId);
    if (ind.builtin) throw fieldError('schoolYear', t('val.builtinReadOnly'));
    const period = input.schoolYear ? schoolYearRange(input.schoolYear) : { start: input.periodStart!, end: input.periodEnd! };
    if (input.kind === 'relatief' && ind.baselineValue === null) throw fieldError('percent', t('val.baselineNeeded'));
    checkPercentage(ind.unit, { value: input.kind === 'exact' ? input.value : null, min: input.kind === 'bereik' ? input.min : null, max: input.kind === 'bereik' ? input.max : null });
    const clash = ind.targets.find((x) => x.current && x.periodStart === period.start && x.periodEnd === period.end);
    if (clash) throw fieldError(input.schoolYear ? 'schoolYear' : 'periodStart', t('val.targetExists'), 'conflict');
    const spec = specColumns(input);
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: t('entity.target'), name: `${input.schoolYear ?? `${formatDate(period.start)} – ${formatDate(period.end)}`} ${ind.name}` })), (tr) =>
      tr.insert('target', {
        id: randomUUID(),
        indicatorId: ind.id,
        schoolYear: input.schoolYear,
        periodStart: period.start,
        periodEnd: period.end,
        ...spec,
        supersedesId: null,
        reason: '',
        decisionDate: null,
        createdAt: tr.at,
        updatedAt: tr.at,
        deletedAt: null,
        deletedIn: null,
      }),
    );
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
    await tracked(db, meta(ctx, 'update', t('label.reviseTarget', { period, name: ind.name, reason: input.reason })), (tr) =>
      tr.insert('target', {
        id: randomUUID(),
        indicatorId: old.indicatorId,
        schoolYear: old.schoolYear,
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
      }),
    );
    return mustView(db, old.indicatorId);
  },

  'measurement.create': async (input, ctx) => {
    const db = ctx.db();
    const recordedAt = new Date().toISOString();
    const { ind, row } = await measurementRecord(db, input, randomUUID(), recordedAt);
    await tracked(db, meta(ctx, 'create', t('label.addMeasurement', { date: formatDate(input.date), name: ind.name })), async (tr) => {
      await ensureStored(tr, ind);
      await tr.insert('measurement', row);
    });
    return mustView(db, ind.id);
  },

  'measurement.delete': async ({ id }, ctx) => {
    const db = ctx.db();
    const m = await db.selectFrom('measurement').select(['id', 'date', 'indicatorId']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!m) throw notFound('measurement');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: t('entity.measurement'), name: formatDate(m.date) })), (tr) => tr.trash('measurement', id));
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

  'regionFigure.delete': async ({ id }, ctx) => {
    const db = ctx.db();
    const r = await db.selectFrom('regionFigure').select(['id', 'schoolYear', 'onderwijssoort']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
    if (!r) throw notFound('regionFigure');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: t('entity.regionFigure'), name: `${r.schoolYear} ${t(`onderwijssoort.${r.onderwijssoort}` as 'onderwijssoort.mbo2')}` })), (tr) =>
      tr.trash('regionFigure', id),
    );
    return null;
  },
});

function specColumns(i: { kind: string; value: number | null; min: number | null; max: number | null; percent: number | null }) {
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
    .select(['id', 'schoolYear', 'onderwijssoort', 'students', 'leavers', 'percentage', 'nationalNorm', 'status', 'definitionVersion', 'source'])
    .where('deletedAt', 'is', null)
    .orderBy('schoolYear')
    .orderBy('onderwijssoort')
    .execute();
  return rows.map((r) => ({ ...r, onderwijssoort: r.onderwijssoort as RegionFigure['onderwijssoort'], status: r.status as RegionFigure['status'] }));
}

