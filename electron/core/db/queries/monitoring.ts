/**
 * Reading monitoring rounds, inputs, question sets and actions, and the facts panel
 * (factsForMeasure). Pure rules (carry-over, overdue) come from shared/monitoring.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';
import { defaultQuestionSet, type FactKind, type QuestionSet } from '../../../../shared/monitoring/questions';
import { carriedOver, deadlineBeforeRound, isOpenStatus, isOverdue, wasOpenOn, type ActionFilter, type ActionStatus, filterActions } from '../../../../shared/monitoring/actions';
import type {
  Action,
  Attendee,
  InputQuestion,
  InputStatus,
  InterviewDetail,
  InterviewSummary,
  MeasureFacts,
  Question,
  QuestionSetView,
  RoundDetail,
  RoundSummary,
} from '../../../../shared/schemas/monitoring';
import { compareCodes } from '../../../../shared/natsort';
import { parseList } from './tree';
import { moneyPerYearAsOf } from './budget';
import { indicatorViews, programmeInfo, thresholdsFor } from './results';
import { linkedSentence } from '../../../../shared/results/linked';
import { reachedPerYear, sumParticipants } from '../../../../shared/participants';
import type { MeasurementValue } from '../../../../shared/results/types';
import type { IndicatorView } from '../../../../shared/schemas/results';
import { formatIndicatorValue, formatRange } from '../../../../shared/results/format';
import { t, type MessageKey } from '../../../../shared/i18n/nl';
import { today as clockToday } from '../../clock';

type Db = Kysely<Database> | Transaction<Database>;

/** Ids of the default questions, stable per programme so the unsaved default set can be edited. */
export const defaultQuestionId = (programmeId: string, key: string) => `${programmeId}-${key}`;

// ---- Question sets

export async function loadQuestionSet(db: Db, programmeId: string): Promise<{ setId: string | null; set: QuestionSet }> {
  const row = await db.selectFrom('questionSet').select(['id', 'version']).where('programmeId', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) return { setId: null, set: defaultQuestionSet((k) => defaultQuestionId(programmeId, k)) };
  const qs = await db.selectFrom('question').selectAll().where('setId', '=', row.id).where('deletedAt', 'is', null).orderBy('retired').orderBy('position').execute();
  return {
    setId: row.id,
    set: {
      version: row.version,
      questions: qs.map((q) => ({ id: q.id, text: q.questionText, position: q.position, version: q.version, facts: q.facts as FactKind | null, retired: q.retired === 1 })),
    },
  };
}

export async function questionSetView(db: Db, programmeId: string): Promise<QuestionSetView> {
  const { setId, set } = await loadQuestionSet(db, programmeId);
  const versions = setId
    ? await db.selectFrom('questionSetVersion').select(['version', 'createdAt']).where('setId', '=', setId).where('deletedAt', 'is', null).orderBy('version', 'desc').execute()
    : [];
  return { programmeId, stored: !!setId, version: set.version, questions: set.questions as Question[], versions };
}

// ---- Actions

function actionQuery(db: Db) {
  return db
    .selectFrom('monitoringAction as a')
    .innerJoin('monitoringRound as r', 'r.id', 'a.roundId')
    .innerJoin('measure as m', 'm.id', 'a.measureId')
    .leftJoin('activity as act', 'act.id', 'a.activityId')
    .leftJoin('organisation as o', 'o.id', 'a.ownerOrganisationId')
    .leftJoin('indicator as ind', 'ind.id', 'a.indicatorId')
    .selectAll('a')
    .select([
      'r.name as roundName',
      'r.startDate as roundDate',
      'r.programmeId as programmeId',
      'm.code as measureCode',
      'm.name as measureName',
      'act.name as activityName',
      'o.name as ownerOrganisationName',
      'ind.name as indicatorName',
    ])
    .where('a.deletedAt', 'is', null)
    .where('r.deletedAt', 'is', null)
    .where('m.deletedAt', 'is', null);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number];

function toAction(r: ActionRow, today: string): Action {
  const status = r.status as ActionStatus;
  return {
    id: r.id,
    roundId: r.roundId,
    roundName: r.roundName,
    roundDate: r.roundDate,
    programmeId: r.programmeId,
    measureId: r.measureId,
    measureCode: r.measureCode,
    measureName: r.measureName,
    activityId: r.activityId,
    activityName: r.activityName,
    indicatorId: r.indicatorId,
    indicatorName: r.indicatorName,
    text: r.text,
    ownerName: r.ownerName,
    ownerOrganisationId: r.ownerOrganisationId,
    ownerOrganisationName: r.ownerOrganisationName,
    deadline: r.deadline,
    status,
    closedAt: r.closedAt,
    overdue: isOverdue({ status, deadline: r.deadline }, today),
    deadlineBeforeRound: deadlineBeforeRound(r.deadline, r.roundDate),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    rowVersion: r.rowVersion,
  };
}

/** Actions in a stable order: by round date, then measure code, then the order they were made. */
function sortActions(list: Action[]): Action[] {
  return list.sort((a, b) => a.roundDate.localeCompare(b.roundDate) || compareCodes(a.measureCode, b.measureCode) || a.createdAt.localeCompare(b.createdAt));
}

export async function listActions(db: Db, filter: ActionFilter & { programmeId?: string; roundId?: string } = {}, today = clockToday()): Promise<Action[]> {
  let q = actionQuery(db);
  if (filter.programmeId) q = q.where('r.programmeId', '=', filter.programmeId);
  if (filter.roundId) q = q.where('a.roundId', '=', filter.roundId);
  const all = (await q.execute()).map((r) => toAction(r, today));
  return sortActions(filterActions(all, filter, today));
}

export async function findAction(db: Db, id: string): Promise<Action | undefined> {
  const r = await actionQuery(db).where('a.id', '=', id).executeTakeFirst();
  return r && toAction(r, clockToday());
}

// ---- Rounds

async function liveRounds(db: Db, programmeId?: string) {
  let q = db
    .selectFrom('monitoringRound as r')
    .innerJoin('programme as p', 'p.id', 'r.programmeId')
    .selectAll('r')
    .select('p.name as programmeName')
    .where('r.deletedAt', 'is', null)
    .where('p.deletedAt', 'is', null);
  if (programmeId) q = q.where('r.programmeId', '=', programmeId);
  return q.orderBy('r.startDate', 'desc').execute();
}

async function interviewsOf(db: Db, roundIds: string[]): Promise<Map<string, InterviewSummary[]>> {
  const out = new Map<string, InterviewSummary[]>();
  if (roundIds.length === 0) return out;
  const rows = await db
    .selectFrom('monitoringInterview as i')
    .innerJoin('measure as m', 'm.id', 'i.measureId')
    .innerJoin('monitoringRound as r', 'r.id', 'i.roundId')
    .leftJoin('organisation as o', 'o.id', 'i.partnerId')
    .selectAll('i')
    .select(['m.code as measureCode', 'm.name as measureName', 'o.name as partnerName', 'r.programmeId as programmeId'])
    .where('i.roundId', 'in', roundIds)
    .where('i.deletedAt', 'is', null)
    .where('m.deletedAt', 'is', null)
    .execute();
  const ids = rows.map((r) => r.id);
  const attendees = ids.length
    ? await db.selectFrom('monitoringAttendee').selectAll().where('interviewId', 'in', ids).where('deletedAt', 'is', null).orderBy('sortOrder').orderBy('createdAt').execute()
    : [];
  const answers = ids.length
    ? await db.selectFrom('monitoringAnswer').select(['interviewId', 'questionId', 'answer']).where('interviewId', 'in', ids).where('deletedAt', 'is', null).execute()
    : [];
  const activeCount = new Map<string, { total: number; ids: Set<string> }>();
  for (const r of rows) {
    const summary: InterviewSummary = {
      id: r.id,
      measureId: r.measureId,
      measureCode: r.measureCode,
      measureName: r.measureName,
      partnerId: r.partnerId,
      partnerName: r.partnerName,
      status: r.status as InputStatus,
      submittedAt: r.submittedAt,
      answered: 0,
      total: 0,
      attendees: attendees.filter((a) => a.interviewId === r.id).map(toAttendee),
      rowVersion: r.rowVersion,
    };
    const mine = answers.filter((a) => a.interviewId === r.id);
    summary.answered = mine.filter((a) => a.answer.trim() !== '').length;
    if (summary.status === 'concept') {
      // A concept input asks the set's active questions plus any already answered.
      if (!activeCount.has(r.programmeId)) {
        const { set } = await loadQuestionSet(db, r.programmeId);
        const active = set.questions.filter((q) => !q.retired);
        activeCount.set(r.programmeId, { total: active.length, ids: new Set(active.map((q) => q.id)) });
      }
      const a = activeCount.get(r.programmeId)!;
      summary.total = a.total + mine.filter((x) => !a.ids.has(x.questionId)).length;
    } else summary.total = mine.length;
    out.set(r.roundId, [...(out.get(r.roundId) ?? []), summary]);
  }
  for (const list of out.values()) list.sort((a, b) => compareCodes(a.measureCode, b.measureCode) || (a.partnerName ?? '').localeCompare(b.partnerName ?? '', 'nl'));
  return out;
}

function toAttendee(a: Database['monitoringAttendee']): Attendee {
  return { id: a.id, interviewId: a.interviewId, contactId: a.contactId, name: a.name, organisationName: a.organisationName, function: a.function, rowVersion: a.rowVersion };
}

export async function listRounds(db: Db, programmeId?: string, today = clockToday()): Promise<RoundSummary[]> {
  const rounds = await liveRounds(db, programmeId);
  const interviews = await interviewsOf(
    db,
    rounds.map((r) => r.id),
  );
  const actions = await listActions(db, { programmeId }, today);
  return rounds.map((r) => {
    const mine = actions.filter((a) => a.roundId === r.id);
    return {
      id: r.id,
      programmeId: r.programmeId,
      programmeName: r.programmeName,
      name: r.name,
      startDate: r.startDate,
      endDate: r.endDate,
      notes: r.notes,
      upcoming: (r.endDate ?? r.startDate) >= today,
      interviews: interviews.get(r.id) ?? [],
      actionCount: mine.length,
      openActionCount: mine.filter((a) => isOpenStatus(a.status)).length,
      rowVersion: r.rowVersion,
    };
  });
}

export async function roundDetail(db: Db, id: string, today = clockToday()): Promise<RoundDetail | undefined> {
  const row = await db.selectFrom('monitoringRound').select('programmeId').where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  const rounds = await listRounds(db, row.programmeId, today);
  const round = rounds.find((r) => r.id === id);
  if (!round) return undefined;
  const all = await listActions(db, { programmeId: row.programmeId }, today);
  const agenda = carriedOver(
    all,
    rounds.map((r) => ({ id: r.id, date: r.startDate })),
    { id: round.id, date: round.startDate },
  );
  return { ...round, agenda, actions: all.filter((a) => a.roundId === id) };
}

// ---- Facts

/** A measurement as the screens get it, back in the shape of the pure rules. */
const measurementValueOfView = (m: IndicatorView['measurements'][number]): MeasurementValue => ({
  id: m.id,
  date: m.date,
  period: { kind: m.periodKind, start: m.periodStart, end: m.periodEnd },
  value: m.value,
  numerator: m.numerator,
  denominator: m.denominator,
  categories: m.categories,
  status: m.status,
  recordedAt: m.recordedAt,
});

/** A parent with "waarvan" parts: the latest values about its latest period in one sentence, as on the results card. */
function togetherOf(v: IndicatorView, views: IndicatorView[]): string | null {
  const parts = views.filter((x) => x.parentId === v.id);
  const latest = v.evaluation.latest;
  if (!parts.length || !latest) return null;
  const about = (x: IndicatorView) => (x.evaluation.latest && x.evaluation.latest.period === latest.period ? x.evaluation.latest.value : null);
  return `${linkedSentence({ ...v, value: about(v) }, parts.map((p) => ({ ...p, value: about(p) })))} (${t('results.aboutPeriod', { period: latest.periodLabel })})`;
}

/**
 * What the store knew about a measure on a date: planned (and, once results exist, reached)
 * participants per school year, results against targets, budget against spend per calendar year,
 * and the actions from earlier rounds that were still open. Parts whose data do not exist in this
 * workspace yet say so (available: false) rather than showing zeros.
 */
export async function factsForMeasure(db: Db, measureId: string, asOf: string, partnerId: string | null = null): Promise<MeasureFacts> {
  // Nothing is known beyond today: a round in preparation shows the figures as they stand now
  // (today as the results screens see it, so the two agree).
  const now = clockToday();
  const day = asOf.slice(0, 10) < now ? asOf.slice(0, 10) : now;
  const measure = await db.selectFrom('measure').select(['id', 'programmeId']).where('id', '=', measureId).executeTakeFirst();
  const allActivities = await db
    .selectFrom('activity')
    .select(['id', 'code', 'name', 'measureId', 'plannedParticipants', 'createdAt', 'leadOrganisationId', 'executorIds'])
    .where('measureId', '=', measureId)
    .where('deletedAt', 'is', null)
    .execute();
  // An input per partner shows that partner's share: the activities it leads or carries out, and
  // the budget lines of those activities or in its name. A partner in none of them sees the measure.
  const partnerActivities = partnerId ? allActivities.filter((a) => a.leadOrganisationId === partnerId || parseList(a.executorIds).includes(partnerId)) : [];
  const partnerScoped = partnerActivities.length > 0;
  const activities = partnerScoped ? partnerActivities : allActivities;
  const partnerName = partnerId ? ((await db.selectFrom('organisation').select('name').where('id', '=', partnerId).executeTakeFirst())?.name ?? null) : null;
  // Planned and reached participants per school year: the same definitions as every other screen (shared/participants.ts).
  const planned = new Map(sumParticipants(activities.map((a) => parseList<{ schoolYear: string; count: number }>(a.plannedParticipants))).perYear.map((p) => [p.schoolYear, p.count]));
  const reachedLists: { schoolYear: string; count: number }[][] = [];

  // Results and reach, from the results module's views as of the date (its rules, not a copy).
  const results: MeasureFacts['results'] = { available: false, items: [] };
  const programme = measure ? await programmeInfo(db, measure.programmeId) : undefined;
  if (measure && programme) {
    const ctx = { today: day, thresholds: await thresholdsFor(db, measure.programmeId), programme };
    const views = await indicatorViews(db, { activities, measureIds: [measureId] }, ctx);
    const ownerName = (v: { activityId: string | null }) => {
      const a = activities.find((x) => x.id === v.activityId);
      return a ? [a.code, a.name].filter(Boolean).join(' ') : '';
    };
    for (const v of views) {
      if (v.builtin === 'deelnemers') {
        // Reached young people per school year, from the values known on the date.
        reachedLists.push(reachedPerYear(v.measurements.filter((m) => m.date <= day).map(measurementValueOfView)));
        continue;
      }
      results.available = true;
      const ev = v.evaluation;
      results.items.push({
        indicatorId: v.id,
        indicator: v.name,
        owner: ownerName(v),
        target: formatRange(v.unit, ev.resolvedMin === null || ev.resolvedMax === null ? null : { min: ev.resolvedMin, max: ev.resolvedMax }, v.freeUnit),
        value: formatIndicatorValue(v.unit, ev.value, v.freeUnit),
        latestDate: ev.latest?.date ?? null,
        period: ev.latest?.period ?? null,
        partOf: v.parentId ? (views.find((x) => x.id === v.parentId)?.name ?? null) : null,
        together: togetherOf(v, views),
        status: ev.status,
        statusLabel: t(`resultStatus.${ev.status}` as MessageKey),
      });
    }
  }
  const reached = new Map(sumParticipants(reachedLists).perYear.map((p) => [p.schoolYear, p.count]));
  const years = new Set([...planned.keys(), ...reached.keys()]);
  const participants = [...years].sort().map((schoolYear) => ({ schoolYear, planned: planned.get(schoolYear) ?? 0, reached: reached.has(schoolYear) ? Math.round(reached.get(schoolYear)!) : null }));

  // Budget planned against realised per calendar year, from the money module's queries; spend
  // counts when it was booked on or before the date (a year total without a date once that year is over).
  const budget: MeasureFacts['budget'] = { available: false, years: [] };
  if (measure) {
    const inScope = new Set(activities.map((a) => a.id));
    const money = await moneyPerYearAsOf(db, measureId, day, (l) => !partnerScoped || l.partnerId === partnerId || (l.activityId !== null && inScope.has(l.activityId)));
    budget.available = money.lines > 0;
    budget.years = money.years;
  }

  const rows = await actionQuery(db).where('a.measureId', '=', measureId).where('r.startDate', '<', day).execute();
  const openActions = rows
    .map((r) => toAction(r, day))
    .filter((a) => wasOpenOn(a, day))
    .map((a) => ({
      id: a.id,
      text: a.text,
      owner: [a.ownerName, a.ownerOrganisationName].filter(Boolean).join(', '),
      deadline: a.deadline,
      status: a.status,
      roundName: a.roundName,
      overdue: a.overdue,
    }));

  return { measureId, asOf: day, partnerName, partnerScoped, participants, results, budget, openActions };
}

// ---- Inputs

export async function interviewDetail(db: Db, id: string, today = clockToday()): Promise<InterviewDetail | undefined> {
  const row = await db.selectFrom('monitoringInterview').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  const round = await db
    .selectFrom('monitoringRound as r')
    .innerJoin('programme as p', 'p.id', 'r.programmeId')
    .select(['r.id', 'r.name', 'r.startDate', 'r.endDate', 'r.programmeId', 'p.name as programmeName'])
    .where('r.id', '=', row.roundId)
    .where('r.deletedAt', 'is', null)
    .executeTakeFirst();
  if (!round) return undefined;
  const summary = (await interviewsOf(db, [round.id])).get(round.id)?.find((i) => i.id === id);
  if (!summary) return undefined;
  const { set } = await loadQuestionSet(db, round.programmeId);
  const answers = await db.selectFrom('monitoringAnswer').selectAll().where('interviewId', '=', id).where('deletedAt', 'is', null).execute();
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const questions: InputQuestion[] = answers.map((a) => {
    const now = set.questions.find((q) => q.id === a.questionId);
    return {
      questionId: a.questionId,
      text: a.questionText,
      version: a.questionVersion,
      position: a.position,
      facts: now?.facts ?? null,
      answerId: a.id,
      answer: a.answer,
      status: a.status as InputStatus,
      reworded: !!now && now.version !== a.questionVersion,
    };
  });
  if (row.status === 'concept')
    for (const q of set.questions)
      if (!q.retired && !byQuestion.has(q.id))
        questions.push({ questionId: q.id, text: q.text, version: q.version, position: q.position, facts: q.facts, answerId: null, answer: '', status: 'concept', reworded: false });
  questions.sort((a, b) => a.position - b.position);
  const frozen = row.factsSnapshot ? (JSON.parse(row.factsSnapshot) as MeasureFacts) : null;
  const facts = frozen ?? (await factsForMeasure(db, row.measureId, round.startDate, row.partnerId));
  const actions = (await listActions(db, { roundId: round.id }, today)).filter((a) => a.measureId === row.measureId);
  const activities = await db.selectFrom('activity').select(['id', 'code', 'name']).where('measureId', '=', row.measureId).where('deletedAt', 'is', null).execute();
  activities.sort((a, b) => compareCodes(a.code, b.code));
  const activityIds = activities.map((a) => a.id);
  const indicators = await db
    .selectFrom('indicator')
    .select(['id', 'name', 'activityId'])
    .where('deletedAt', 'is', null)
    .where((eb) => eb.or([eb('measureId', '=', row.measureId), ...(activityIds.length ? [eb('activityId', 'in', activityIds)] : [])]))
    .orderBy('sortOrder')
    .execute();
  return {
    ...summary,
    round,
    questions,
    facts,
    factsFrozen: !!frozen,
    actions,
    activities,
    indicators: indicators.map((i) => {
      const a = activities.find((x) => x.id === i.activityId);
      return { id: i.id, name: i.name, activityId: i.activityId, owner: a ? [a.code, a.name].filter(Boolean).join(' ') : '' };
    }),
  };
}
