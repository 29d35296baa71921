/**
 * Partner request sections where a filled-in row creates a new child record: "Metingen" (a new
 * measurement of one of the partner's indicators) and "Bestedingen" (new spend on one of the
 * partner's budget lines). Each row is pre-filled from its parent (indicator, budget line) with a
 * hidden parent id; the partner fills in the input cells. On import (import.ts) a row with empty
 * input cells is unchanged; a filled-in row becomes a `new` record after the contract's zod
 * schema and the handlers' own checks (`measurementRecord`, `spendColumns`), so a percentage
 * outside 0-100 or a second year total is rejected per row, naming sheet, row and column.
 *
 * The new record's id is derived from the file (its export moment, partner, sheet and parent), so
 * importing the same file again finds the record and plans it `unchanged`; after an undo (which
 * removes the records again) the same file creates them anew.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Tracker } from '../history/tracker';
import type { ColumnSpec, Row } from './sheets';
import { NUMFMT } from './cells';
import { UserError } from '../errors';
import { listBudgetLines } from '../db/queries/budget';
import { contextFor, indicatorViews } from '../db/queries/results';
import { ensureStored, measurementRecord } from '../handlers/results';
import { checkAnswers, saveAnswers } from '../handlers/monitoring';
import { interviewDetail } from '../db/queries/monitoring';
import { SaveAnswersInput } from '../../../shared/schemas/monitoring';
import { spendColumns } from '../handlers/budget';
import { MeasurementInput } from '../../../shared/schemas/results';
import { SpendInput } from '../../../shared/schemas/budget';
import { momentsWithPeriods } from '../../../shared/results/moments';
import { schoolYearOf, schoolYearRange, isSchoolYear } from '../../../shared/results/schoolYear';
import { parsePeriod, periodCode, periodLabel } from '../../../shared/results/periods';
import { formatDate } from '../../../shared/dates';
import { compareCodes } from '../../../shared/natsort';
import { t, type MessageKey } from '../../../shared/i18n/nl';
import { nowIso } from '../clock';
import { applyTextLimits } from './text-limits';

type Db = Kysely<Database>;

export interface InputRequest {
  period?: string;
  /** Monitoring round (id or name) for the Monitoring section; default the newest round. */
  round?: string;
  /** ISO date-time of the request (default now). */
  at?: string;
}

/** A validated new record: the row for the store, and how to write it inside the import's transaction. */
export interface NewRecord {
  row: Row;
  label: string;
  /** Set when the row changes an existing record (an answer) instead of creating one: its current values. */
  old?: Row;
  /** The existing record was changed in Regieboek after the file was made: the user chooses. */
  conflict?: boolean;
  create(tr: Tracker): Promise<void>;
}

/** A problem with one input row, blamed on a column of the section. */
export interface InputIssue {
  key: string;
  message: string;
}

export interface InputSection {
  /** Stable name, used in requests ("measurements", "spend"). */
  name: string;
  /** Sheet name: part of the file format. */
  sheet: string;
  /** The store entity a filled-in row creates. */
  entity: string;
  /** The hidden column holding the parent's id (indicator, budget line). */
  parentKey: string;
  columns: readonly ColumnSpec[];
  /** Keys of the input columns (unlocked, shaded, compared). */
  editable: ReadonlySet<string>;
  instructions: string;
  /** Pre-filled rows for this partner and period. */
  rows(db: Db, org: { id: string; name: string }, req: InputRequest): Promise<Row[]>;
  /** Every parent this partner may report on (any period). */
  parents(db: Db, org: { id: string; name: string }): Promise<Set<string>>;
  /**
   * The new record from a filled-in row, or null when its input cells are empty, or a notice when
   * the row is skipped on purpose; throws InputError. `changedSince` says whether a stored record
   * was changed in Regieboek after the file was made (a conflict when the file differs).
   */
  build(db: Db, values: Row, id: string, at: string, changedSince: (id: string) => boolean): Promise<NewRecord | { skipped: string } | null>;
  /** A cell's own rule where it depends on the row's parent (the value of a percentage or a count indicator). */
  ruleFor?(column: ColumnSpec, unit: string | undefined): ColumnSpec;
  /** The unit of each parent, for ruleFor when a returned file is read. */
  units?(db: Db, parents: ReadonlySet<string>): Promise<Map<string, string>>;
  /** The row's parent unit when written (the same as units() gives). */
  unitKey?: string;
}

/** A written row whose input cells stay locked (writeTable's `locked`): an input that was already submitted. */
export const LOCKED = '_locked';

export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => i.message).join('; '));
  }
}

/** Deterministic id of the record a row of a returned file creates (a UUID-shaped sha256). */
export function inputRecordId(parts: readonly string[]): string {
  const h = crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const col = (key: string, header: MessageKey, type: ColumnSpec['type'], help: MessageKey, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key, header: t(header), type, help: t(help), ...extra });
const empty = (v: unknown) => v === null || v === undefined || v === '';

/** The partner's activities and measures: penvoerder or uitvoerder of the activity or of its measure. */
export async function partnerScope(db: Db, orgId: string) {
  const measures = await db.selectFrom('measure').select(['id', 'code', 'name', 'programmeId', 'leadOrganisationId', 'executorIds']).where('deletedAt', 'is', null).execute();
  const mine = (lead: string | null, executors: string) => lead === orgId || (JSON.parse(executors || '[]') as string[]).includes(orgId);
  const measureIds = new Set(measures.filter((m) => mine(m.leadOrganisationId, m.executorIds)).map((m) => m.id));
  const activities = (
    await db.selectFrom('activity').select(['id', 'code', 'name', 'measureId', 'plannedParticipants', 'createdAt', 'leadOrganisationId', 'executorIds', 'status']).where('deletedAt', 'is', null).execute()
  ).filter((a) => mine(a.leadOrganisationId, a.executorIds) || measureIds.has(a.measureId));
  return { measures, measureIds, activities };
}

/** From a thrown error: per column of the section, in Dutch. */
function blame(e: unknown, fieldColumn: Record<string, string>, fallback: string): InputIssue[] {
  if (e instanceof UserError) return [{ key: fieldColumn[e.field ?? ''] ?? fallback, message: e.message }];
  throw e;
}

function zodIssues(issues: readonly { path: PropertyKey[]; message: string }[], fieldColumn: Record<string, string>, fallback: string): InputIssue[] {
  return issues.map((i) => ({ key: fieldColumn[String(i.path[0] ?? '')] ?? fallback, message: i.message }));
}

// ---- Metingen

/**
 * A measured value as people type it, by the indicator's unit: a percentage as 40%, "40 %" or 0,4
 * (stored as 40), a count as a whole number ("1.234" is one thousand two hundred thirty-four), an
 * amount as euro ("€ 1.234,56"); other units as a plain number.
 */
function valueRule(column: ColumnSpec, unit: string | undefined): ColumnSpec {
  switch (unit) {
    case 'percentage':
      return { ...column, type: 'percent', scale: 100, allowNegative: false };
    case 'aantal':
      return { ...column, type: 'int', allowNegative: false };
    case 'euro':
      return { ...column, type: 'money', scale: 0.01 };
    default:
      return column;
  }
}

const MEASUREMENT_FIELDS: Record<string, string> = { value: 'value', date: 'date', period: 'period', status: 'status', explanation: 'explanation', indicatorId: 'indicatorId', numerator: 'value', denominator: 'value', categories: 'value' };

export const measurementsInput: InputSection = {
  name: 'measurements',
  sheet: t('xl.partner.m.sheet'),
  entity: 'measurement',
  parentKey: 'indicatorId',
  columns: [
    col('indicatorId', 'xl.partner.m.indicatorId', 'id', 'xl.partner.m.indicatorId.help', { required: true }),
    col('activity', 'xl.partner.m.activity', 'text', 'xl.partner.m.activity.help'),
    col('indicator', 'xl.partner.m.indicator', 'text', 'xl.partner.m.indicator.help'),
    col('unit', 'xl.partner.m.unit', 'text', 'xl.partner.m.unit.help'),
    col('due', 'xl.partner.m.due', 'text', 'xl.partner.m.due.help'),
    col('lastValue', 'xl.partner.m.lastValue', 'decimal', 'xl.partner.m.lastValue.help', { allowNegative: true }),
    col('lastPeriod', 'xl.partner.m.lastPeriod', 'text', 'xl.partner.m.lastPeriod.help'),
    col('lastDate', 'xl.partner.m.lastDate', 'date', 'xl.partner.m.lastDate.help'),
    col('value', 'xl.partner.m.value', 'decimal', 'xl.partner.m.value.help', { allowNegative: true }),
    col('date', 'xl.partner.m.date', 'date', 'xl.partner.m.date.help'),
    col('period', 'xl.partner.m.period', 'text', 'xl.partner.m.period.help'),
    col('status', 'xl.partner.m.status', 'choice', 'xl.partner.m.status.help', {
      choices: (['voorlopig', 'definitief'] as const).map((v) => ({ value: v, label: t(`measurementStatus.${v}`) })),
    }),
    col('explanation', 'xl.partner.m.explanation', 'longText', 'xl.partner.m.explanation.help', { width: 40 }),
  ],
  editable: new Set(['value', 'date', 'period', 'status', 'explanation']),
  instructions: t('xl.partner.section.measurements'),
  rows: async (db, org, req) => {
    const scope = await partnerScope(db, org.id);
    const at = (req.at ?? nowIso()).slice(0, 10);
    const range = req.period && isSchoolYear(req.period) ? schoolYearRange(req.period) : schoolYearRange(schoolYearOf(at));
    const active = scope.activities.filter((a) => a.status !== 'afgerond' && a.status !== 'gestopt');
    const byProgramme = new Map<string, { activities: typeof active; measureIds: string[] }>();
    const measureOf = new Map(scope.measures.map((m) => [m.id, m]));
    for (const a of active) {
      const p = measureOf.get(a.measureId)?.programmeId;
      if (!p) continue;
      const g = byProgramme.get(p) ?? { activities: [], measureIds: [] };
      g.activities.push(a);
      byProgramme.set(p, g);
    }
    for (const id of scope.measureIds) {
      const p = measureOf.get(id)!.programmeId;
      const g = byProgramme.get(p) ?? { activities: [], measureIds: [] };
      g.measureIds.push(id);
      byProgramme.set(p, g);
    }
    const activityOf = new Map(active.map((a) => [a.id, a]));
    const rows: (Row & { order: string })[] = [];
    for (const [programmeId, owners] of byProgramme) {
      const ctx = await contextFor(db, programmeId);
      if (!ctx) continue;
      for (const v of await indicatorViews(db, owners, ctx)) {
        const due = momentsWithPeriods({ kind: v.momentKind, dates: v.momentDates, periods: v.momentPeriods, periodKind: v.periodKind }, range.start, range.end, v.targets.filter((x) => x.current).map((x) => ({ start: x.periodStart, end: x.periodEnd })));
        if (!due.length && !v.builtin) continue;
        const a = v.activityId ? activityOf.get(v.activityId) : undefined;
        const m = measureOf.get(a?.measureId ?? v.measureId ?? '');
        const unit = v.unit === 'vrij' ? v.freeUnit : t(`unit.${v.unit}` as MessageKey);
        rows.push({
          order: `${m?.code ?? ''}\u0000${a?.code ?? ''}`,
          unitCode: v.unit,
          indicatorId: v.id,
          activity: a ? [a.code, a.name].filter(Boolean).join(' ') : [m?.code, m?.name].filter(Boolean).join(' '),
          indicator: v.name,
          unit,
          due: due.map((d) => t('xl.partner.m.dueAbout', { date: formatDate(d.date), period: periodLabel(d.period) })).join(', '),
          lastValue: v.evaluation.latest?.value ?? null,
          lastPeriod: v.evaluation.latest?.periodLabel ?? null,
          lastDate: v.evaluation.latest?.date ?? null,
          value: null,
          date: null,
          period: null,
          status: null,
          explanation: null,
        });
      }
    }
    return rows.sort((x, y) => compareCodes(x.order, y.order)).map(({ order: _o, ...r }) => r);
  },
  unitKey: 'unitCode',
  ruleFor: (column, unit) => (column.key === 'value' || column.key === 'lastValue' ? valueRule(column, unit) : column),
  units: async (db, parents) => {
    const ids = [...parents].filter((id) => !id.startsWith('deelnemers:'));
    const rows = ids.length ? await db.selectFrom('indicator').select(['id', 'unit']).where('id', 'in', ids).execute() : [];
    // The built-in participants indicator counts people.
    return new Map<string, string>([...[...parents].filter((id) => id.startsWith('deelnemers:')).map((id) => [id, 'aantal'] as [string, string]), ...rows.map((r) => [r.id, r.unit] as [string, string])]);
  },
  parents: async (db, org) => {
    const scope = await partnerScope(db, org.id);
    const activityIds = scope.activities.map((a) => a.id);
    const stored = activityIds.length || scope.measureIds.size
      ? await db
          .selectFrom('indicator')
          .select('id')
          .where('deletedAt', 'is', null)
          .where((eb) => eb.or([...(activityIds.length ? [eb('activityId', 'in', activityIds)] : []), ...(scope.measureIds.size ? [eb('measureId', 'in', [...scope.measureIds])] : [])]))
          .execute()
      : [];
    // The built-in participants indicator of each activity, stored or not yet.
    return new Set([...stored.map((r) => r.id), ...activityIds.map((id) => `deelnemers:${id}`)]);
  },
  build: async (db, v, id, at) => {
    if (empty(v.value) && empty(v.date) && empty(v.period) && empty(v.status) && empty(v.explanation)) return null;
    // The period as written ("2016/2017", "2017-H1", ...); empty: the one the indicator's moments give.
    const period = empty(v.period) ? null : (parsePeriod(String(v.period)) ?? String(v.period));
    const input = {
      indicatorId: String(v.indicatorId),
      date: empty(v.date) ? '' : String(v.date),
      period: period === null || typeof period === 'string' ? period : periodCode(period),
      value: empty(v.value) ? null : Number(v.value),
      numerator: null,
      denominator: null,
      categories: null,
      status: empty(v.status) ? 'voorlopig' : String(v.status),
      source: t('xl.partner.source'),
      explanation: empty(v.explanation) ? '' : String(v.explanation),
    };
    if (empty(v.date)) throw new InputError([{ key: 'date', message: t('xl.cell.required') }]);
    const parsed = MeasurementInput.safeParse(input);
    if (!parsed.success) throw new InputError(zodIssues(parsed.error.issues, MEASUREMENT_FIELDS, 'value'));
    let made: Awaited<ReturnType<typeof measurementRecord>>;
    try {
      made = await measurementRecord(db, parsed.data, id, at);
    } catch (e) {
      throw new InputError(blame(e, MEASUREMENT_FIELDS, 'value'));
    }
    return {
      row: made.row,
      label: `${made.ind.name} ${formatDate(made.row.date)}`,
      create: async (tr) => {
        await ensureStored(tr, made.ind);
        await tr.insert('measurement', made.row);
      },
    };
  },
};

// ---- Bestedingen

const SPEND_FIELDS: Record<string, string> = { amountCents: 'amountCents', kind: 'kind', date: 'date', description: 'description', budgetLineId: 'budgetLineId', year: 'date' };

/** The calendar years of a request: "2026", both years of "2025/2026", or the current year. */
function yearsOf(req: InputRequest): number[] {
  const p = req.period?.trim() ?? '';
  if (/^\d{4}$/.test(p)) return [Number(p)];
  if (isSchoolYear(p)) return [Number(p.slice(0, 4)), Number(p.slice(5, 9))];
  return [Number((req.at ?? nowIso()).slice(0, 4))];
}

export const spendInput: InputSection = {
  name: 'spend',
  sheet: t('xl.partner.s.sheet'),
  entity: 'spend',
  parentKey: 'budgetLineId',
  columns: [
    col('budgetLineId', 'xl.partner.s.lineId', 'id', 'xl.partner.s.lineId.help', { required: true }),
    col('measure', 'xl.partner.s.measure', 'text', 'xl.partner.s.measure.help'),
    col('activity', 'xl.partner.s.activity', 'text', 'xl.partner.s.activity.help'),
    col('costItem', 'xl.partner.s.costItem', 'text', 'xl.partner.s.costItem.help'),
    col('year', 'xl.partner.s.year', 'int', 'xl.partner.s.year.help', { numFmt: NUMFMT.year }),
    col('category', 'xl.partner.s.category', 'text', 'xl.partner.s.category.help'),
    col('plannedCents', 'xl.partner.s.planned', 'money', 'xl.partner.s.planned.help', { allowNegative: true }),
    col('realisedCents', 'xl.partner.s.realised', 'money', 'xl.partner.s.realised.help', { allowNegative: true }),
    col('amountCents', 'xl.partner.s.amount', 'money', 'xl.partner.s.amount.help'),
    col('kind', 'xl.partner.s.kind', 'choice', 'xl.partner.s.kind.help', {
      choices: (['entry', 'year_total'] as const).map((v) => ({ value: v, label: t(`spendKind.${v}`) })),
    }),
    col('date', 'xl.partner.s.date', 'date', 'xl.partner.s.date.help'),
    col('description', 'xl.partner.s.description', 'text', 'xl.partner.s.description.help'),
  ],
  editable: new Set(['amountCents', 'kind', 'date', 'description']),
  instructions: t('xl.partner.section.spend'),
  rows: async (db, org, req) => {
    const lines = await partnerLines(db, org.id);
    const years = yearsOf(req);
    return lines
      .filter((l) => years.includes(l.year))
      .map((l) => ({
        budgetLineId: l.id,
        measure: [l.measureCode, l.measureName].filter(Boolean).join(' '),
        activity: [l.activityCode, l.activityName].filter(Boolean).join(' '),
        costItem: l.costItem,
        year: l.year,
        category: t(`category.${l.category}` as MessageKey),
        plannedCents: l.plannedCents,
        realisedCents: l.realisedCents,
        amountCents: null,
        kind: null,
        date: null,
        description: null,
      }));
  },
  parents: async (db, org) => new Set((await partnerLines(db, org.id)).map((l) => l.id)),
  build: async (db, v, id, at) => {
    if (empty(v.amountCents) && empty(v.kind) && empty(v.date) && empty(v.description)) return null;
    if (empty(v.amountCents)) throw new InputError([{ key: 'amountCents', message: t('xl.cell.required') }]);
    // Nothing spent is nothing to book: a 0 (or -0) is skipped with a notice, never a € 0,00 record.
    if (Number(v.amountCents) === 0) return { skipped: t('xl.partner.s.zero') };
    const kind = empty(v.kind) ? (empty(v.date) ? 'year_total' : 'entry') : String(v.kind);
    const input = {
      budgetLineId: String(v.budgetLineId),
      kind,
      date: kind === 'year_total' || empty(v.date) ? null : String(v.date),
      amountCents: Number(v.amountCents),
      description: empty(v.description) ? '' : String(v.description),
      reference: '',
    };
    const parsed = SpendInput.safeParse(input);
    if (!parsed.success) throw new InputError(zodIssues(parsed.error.issues, SPEND_FIELDS, 'amountCents'));
    let cols: Awaited<ReturnType<typeof spendColumns>>;
    try {
      const { budgetLineId, ...rest } = parsed.data;
      cols = await spendColumns(db, budgetLineId, rest);
    } catch (e) {
      throw new InputError(blame(e, SPEND_FIELDS, 'amountCents'));
    }
    const row = { id, ...cols, createdAt: at, updatedAt: at, deletedAt: null, deletedIn: null };
    return {
      row,
      label: [row.date ? formatDate(row.date) : String(row.year), row.description].filter(Boolean).join(' '),
      create: async (tr) => {
        await tr.insert('spend', { ...row, createdAt: tr.at, updatedAt: tr.at });
      },
    };
  },
};

/** Budget lines of the partner: the partner on the line, or a line of one of the partner's activities or measures. */
async function partnerLines(db: Db, orgId: string) {
  const scope = await partnerScope(db, orgId);
  const activityIds = new Set(scope.activities.map((a) => a.id));
  return (await listBudgetLines(db, {})).filter((l) => l.partnerId === orgId || (l.activityId && activityIds.has(l.activityId)) || scope.measureIds.has(l.measureId));
}

// ---- Monitoring

/** The round a request is about: by id or name (case-insensitive); none given: the newest round. */
export async function findRound(db: Db, round?: string) {
  const rounds = await db.selectFrom('monitoringRound').select(['id', 'name', 'startDate', 'programmeId']).where('deletedAt', 'is', null).orderBy('startDate', 'desc').execute();
  const wanted = round?.trim();
  if (!wanted) {
    if (!rounds.length) throw new UserError('invalid_input', t('xl.partner.noRound'), 'round');
    return rounds[0]!;
  }
  const found = rounds.find((r) => r.id === wanted) ?? rounds.find((r) => r.name.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new UserError('invalid_input', t('xl.partner.unknownRound', { round: wanted, names: rounds.map((r) => r.name).join(', ') || '—' }), 'round');
  return found;
}

/** The inputs (interviews) a partner answers: of its measures (lead or executor), or the ones for this partner. */
async function partnerInterviews(db: Db, orgId: string, roundId?: string) {
  const scope = await partnerScope(db, orgId);
  let q = db
    .selectFrom('monitoringInterview as i')
    .innerJoin('monitoringRound as r', 'r.id', 'i.roundId')
    .select(['i.id', 'i.measureId', 'i.partnerId', 'i.title', 'i.status', 'i.sortOrder', 'r.name as roundName'])
    .where('i.deletedAt', 'is', null)
    .where('r.deletedAt', 'is', null);
  if (roundId) q = q.where('i.roundId', '=', roundId);
  const rows = await q.orderBy('i.sortOrder').execute();
  return rows.filter((i) => i.partnerId === orgId || (i.partnerId === null && scope.measureIds.has(i.measureId)));
}

const answerKey = (interviewId: string, questionId: string) => `${interviewId}/${questionId}`;
const MONITORING_FIELDS: Record<string, string> = { status: 'answer', questionId: 'answerKey', answer: 'answer', id: 'answerKey' };

export const monitoringInput: InputSection = {
  name: 'monitoring',
  sheet: t('xl.partner.q.sheet'),
  entity: 'monitoringAnswer',
  parentKey: 'answerKey',
  columns: [
    // Input id and question id: longer than one id cell allows, so a (hidden, locked) text cell.
    col('answerKey', 'xl.partner.q.key', 'text', 'xl.partner.q.key.help', { required: true, maxLength: 200 }),
    col('round', 'xl.partner.q.round', 'text', 'xl.partner.q.round.help'),
    col('input', 'xl.partner.q.input', 'text', 'xl.partner.q.input.help', { width: 30 }),
    col('number', 'xl.partner.q.number', 'int', 'xl.partner.q.number.help'),
    col('question', 'xl.partner.q.question', 'longText', 'xl.partner.q.question.help', { width: 50 }),
    col('answer', 'xl.partner.q.answer', 'longText', 'xl.partner.q.answer.help', { width: 70 }),
  ],
  editable: new Set(['answer']),
  instructions: t('xl.partner.section.monitoring'),
  rows: async (db, org, req) => {
    const round = await findRound(db, req.round);
    const rows: Row[] = [];
    for (const i of await partnerInterviews(db, org.id, round.id)) {
      const d = await interviewDetail(db, i.id);
      if (!d) continue;
      // A submitted input's answers are shown but locked: the region reopens it first.
      const locked = i.status !== 'concept';
      d.questions.forEach((q, n) =>
        rows.push({ answerKey: answerKey(i.id, q.questionId), round: i.roundName, input: i.title, number: n + 1, question: q.text, answer: q.answer || null, [LOCKED]: locked }),
      );
    }
    return rows;
  },
  parents: async (db, org) => {
    const out = new Set<string>();
    const interviews = await partnerInterviews(db, org.id);
    if (!interviews.length) return out;
    const answers = await db.selectFrom('monitoringAnswer').select(['interviewId', 'questionId']).where('deletedAt', 'is', null).where('interviewId', 'in', interviews.map((i) => i.id)).execute();
    for (const a of answers) out.add(answerKey(a.interviewId, a.questionId));
    // Inputs still in concept may answer any active question of the programme's set.
    for (const i of interviews) {
      if (i.status !== 'concept') continue;
      const d = await interviewDetail(db, i.id);
      for (const q of d?.questions ?? []) out.add(answerKey(i.id, q.questionId));
    }
    return out;
  },
  build: async (db, v, _id, _at, changedSince) => {
    const [interviewId = '', questionId = ''] = String(v.answerKey).split('/');
    const answer = empty(v.answer) ? '' : String(v.answer);
    const parsed = SaveAnswersInput.safeParse({ id: interviewId, answers: [{ questionId, answer }] });
    if (!parsed.success) throw new InputError(zodIssues(parsed.error.issues.map((i) => ({ ...i, path: i.path.length > 2 ? [i.path[2]!] : i.path })), MONITORING_FIELDS, 'answer'));
    const a = parsed.data.answers[0]!;
    const current = await db.selectFrom('monitoringAnswer').select(['id', 'answer']).where('interviewId', '=', interviewId).where('questionId', '=', a.questionId).where('deletedAt', 'is', null).executeTakeFirst();
    // The current answer again: nothing to do (also for a submitted input).
    if ((current?.answer ?? '') === a.answer) return null;
    try {
      await checkAnswers(db, interviewId, [a.questionId]);
    } catch (e) {
      if (e instanceof UserError && e.field === 'status') throw new InputError([{ key: 'answer', message: t('xl.partner.q.submitted') }]);
      throw new InputError(blame(e, MONITORING_FIELDS, 'answer'));
    }
    return {
      row: { interviewId, questionId: a.questionId, answer: a.answer },
      old: { answer: current?.answer ?? '' },
      // Changed in Regieboek after the request was made: the file's answer does not simply win.
      conflict: !!current && changedSince(current.id),
      label: String(v.question ?? '').slice(0, 80),
      create: (tr) => saveAnswers(tr, interviewId, [a]),
    };
  },
};

/** In sheet order, after the record sections. */
export const inputSections: InputSection[] = [measurementsInput, spendInput, monitoringInput];
for (const s of inputSections) applyTextLimits(s.entity, s.columns);
