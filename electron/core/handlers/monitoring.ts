/**
 * Monitoring interviews: the programme's question set, rounds with the measures in scope, the input
 * per measure (answers, attendees, facts frozen at submission) and the action lists. Every write
 * is one tracked change set, so history, undo and the Prullenbak cover it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { handlers } from './types';
import type { Database } from '../db/schema';
import { tracked, type Tracker } from '../history/tracker';
import { entityName } from '../history/entities';
import { UserError } from '../errors';
import { fieldLabel, t, type MessageKey } from '../../../shared/i18n/nl';
import { findProgramme } from '../db/queries/programmes';
import { findMeasure, organisationNames } from '../db/queries/tree';
import {
  factsForMeasure,
  findAction,
  interviewDetail,
  listActions,
  listRounds,
  loadQuestionSet,
  questionSetView,
  roundDetail,
} from '../db/queries/monitoring';
import { applyQuestionEdit, QuestionSetError, type QuestionEdit, type QuestionSet } from '../../../shared/monitoring/questions';
import { isOpenStatus, type ActionStatus } from '../../../shared/monitoring/actions';
import type { InputStatus, QuestionEditInput } from '../../../shared/schemas/monitoring';
import { assertOrganisations } from './tree';
import { today } from '../clock';

type Db = Kysely<Database>;

const notFound = (entity: string) => new UserError('not_found', t('err.notFound', { entity: entityName(entity) }));
const invalid = (field: string, key: MessageKey) => new UserError('invalid_input', `${fieldLabel(field)}: ${t(key)}`, field);

async function must<T>(p: Promise<T | undefined>, entity: string): Promise<T> {
  const v = await p;
  if (!v) throw notFound(entity);
  return v;
}

const meta = (ctx: { user: string; session: string }, action: string, label: string) => ({ user: ctx.user, session: ctx.session, action, label });
const coded = (m: { code: string; name: string }) => [m.code, m.name].filter(Boolean).join(' ');

/** The programme's own question set, written from the default the first time it is needed. */
export async function ensureQuestionSet(tr: Tracker, programmeId: string): Promise<{ setId: string; set: QuestionSet }> {
  const loaded = await loadQuestionSet(tr.trx, programmeId);
  if (loaded.setId) return { setId: loaded.setId, set: loaded.set };
  const setId = randomUUID();
  const stamp = { createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null };
  await tr.insert('questionSet', { id: setId, programmeId, version: 0, ...stamp });
  for (const q of loaded.set.questions)
    await tr.insert('question', { id: q.id, setId, questionText: q.text, position: q.position, version: q.version, facts: q.facts, retired: q.retired ? 1 : 0, ...stamp });
  await tr.insert('questionSetVersion', { id: randomUUID(), setId, version: 0, questions: JSON.stringify(loaded.set.questions), ...stamp });
  return { setId, set: loaded.set };
}

/** One edit of a programme's question set: changed questions, the set's version, a version snapshot. */
export async function editQuestionSet(tr: Tracker, programmeId: string, edit: QuestionEditInput['edit']): Promise<void> {
  const { setId, set } = await ensureQuestionSet(tr, programmeId);
  const e: QuestionEdit =
    edit.kind === 'add'
      ? { kind: 'add', id: randomUUID(), text: edit.questionText, facts: edit.facts, position: edit.position }
      : edit.kind === 'reword'
        ? { kind: 'reword', id: edit.id, text: edit.questionText }
        : edit;
  let next: QuestionSet;
  try {
    next = applyQuestionEdit(set, e);
  } catch (err) {
    if (err instanceof QuestionSetError) throw new UserError('invalid_input', err.message, err.reason === 'order' ? 'ids' : err.reason === 'empty' ? 'questionText' : 'id');
    throw err;
  }
  if (next === set) return;
  const stamp = { createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null };
  for (const q of next.questions) {
    const before = set.questions.find((x) => x.id === q.id);
    const row = { questionText: q.text, position: q.position, version: q.version, facts: q.facts, retired: q.retired ? 1 : 0 };
    if (!before) await tr.insert('question', { id: q.id, setId, ...row, ...stamp });
    else await tr.update('question', q.id, row);
  }
  await tr.update('questionSet', setId, { version: next.version });
  await tr.insert('questionSetVersion', { id: randomUUID(), setId, version: next.version, questions: JSON.stringify(next.questions), ...stamp });
}

async function roundRow(db: Db, id: string) {
  return must(db.selectFrom('monitoringRound').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst(), 'monitoringRound');
}

async function interviewRow(db: Db, id: string) {
  return must(db.selectFrom('monitoringInterview').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst(), 'monitoringInterview');
}

async function assertMeasureInProgramme(db: Db, measureId: string, programmeId: string, field = 'measureId') {
  const m = await findMeasure(db, measureId);
  if (!m || m.programmeId !== programmeId) throw invalid(field, 'mon.err.measureNotInProgramme');
  return m;
}

async function assertActivity(db: Db, activityId: string | null, measureId: string) {
  if (!activityId) return;
  const a = await db.selectFrom('activity').select('measureId').where('id', '=', activityId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!a || a.measureId !== measureId) throw invalid('activityId', 'mon.err.unknownActivity');
}

/** An indicator linked to an action belongs to the action's measure or one of its activities. */
async function assertIndicator(db: Db, indicatorId: string | null, measureId: string) {
  if (!indicatorId) return;
  const i = await db
    .selectFrom('indicator')
    .leftJoin('activity', 'activity.id', 'indicator.activityId')
    .select(['indicator.measureId', 'activity.measureId as activityMeasureId'])
    .where('indicator.id', '=', indicatorId)
    .where('indicator.deletedAt', 'is', null)
    .executeTakeFirst();
  if (!i || (i.measureId ?? i.activityMeasureId) !== measureId) throw invalid('indicatorId', 'mon.err.unknownIndicator');
}

const closedAtFor = (status: ActionStatus, before: { status: string; closedAt: string | null } | null, today: string) =>
  isOpenStatus(status) ? null : before && !isOpenStatus(before.status as ActionStatus) ? before.closedAt : today;

/** Answers follow the input's status; submitting freezes the facts as they are now. */
export async function setInputStatus(tr: Tracker, id: string, status: InputStatus): Promise<void> {
  const row = await interviewRow(tr.trx, id);
  const round = await roundRow(tr.trx, row.roundId);
  if (status !== 'concept') {
    // Every active question gets an answer row, so the record shows what was asked.
    const { set } = await ensureQuestionSet(tr, round.programmeId);
    const have = new Set((await tr.trx.selectFrom('monitoringAnswer').select('questionId').where('interviewId', '=', id).where('deletedAt', 'is', null).execute()).map((a) => a.questionId));
    for (const q of set.questions)
      if (!q.retired && !have.has(q.id))
        await tr.insert('monitoringAnswer', {
          id: randomUUID(),
          interviewId: id,
          questionId: q.id,
          questionText: q.text,
          questionVersion: q.version,
          position: q.position,
          answer: '',
          status,
          createdAt: tr.at,
          updatedAt: tr.at,
          deletedAt: null,
          deletedIn: null,
        });
  }
  const answers = await tr.trx.selectFrom('monitoringAnswer').select('id').where('interviewId', '=', id).where('deletedAt', 'is', null).execute();
  for (const a of answers) await tr.update('monitoringAnswer', a.id, { status });
  const patch: Record<string, unknown> = { status };
  if (status === 'concept') Object.assign(patch, { factsSnapshot: null, submittedAt: null });
  else if (!row.factsSnapshot) {
    const facts = await factsForMeasure(tr.trx, row.measureId, round.startDate, row.partnerId);
    Object.assign(patch, { factsSnapshot: JSON.stringify(facts), submittedAt: tr.at });
  }
  await tr.update('monitoringInterview', id, patch);
}

/**
 * Whether answers may be written to an input: it must still be concept (a submitted input is
 * frozen), and every question must be one of the programme's active questions or one the input
 * already answers. Throws the UserError the saveAnswers handler gives; returns the input's row.
 */
export async function checkAnswers(db: Db, id: string, questionIds: readonly string[]) {
  const row = await interviewRow(db, id);
  if (row.status !== 'concept') throw new UserError('conflict', t('mon.err.inputSubmitted').replace(/^./, (c) => c.toUpperCase()), 'status');
  if (questionIds.length) {
    const round = await roundRow(db, row.roundId);
    const { set } = await loadQuestionSet(db, round.programmeId);
    const answered = new Set((await db.selectFrom('monitoringAnswer').select('questionId').where('interviewId', '=', id).where('deletedAt', 'is', null).execute()).map((a) => a.questionId));
    for (const q of questionIds) if (!answered.has(q) && !set.questions.some((x) => x.id === q && !x.retired)) throw invalid('questionId', 'mon.err.questionUnknown');
  }
  return row;
}

/**
 * Writes answers of an input in concept, inside the caller's change set: an existing answer
 * changes (the question text it answered stays), a new one is stored with the question as it is
 * now, an empty new answer is skipped. Used by 'monitoring.interview.saveAnswers' and by the
 * import of a partner request's Monitoring sheet.
 */
export async function saveAnswers(tr: Tracker, id: string, answers: readonly { questionId: string; answer: string }[]): Promise<void> {
  const row = await checkAnswers(tr.trx, id, answers.map((a) => a.questionId));
  const round = await roundRow(tr.trx, row.roundId);
  const { set } = await ensureQuestionSet(tr, round.programmeId);
  const changesBefore = tr.changes;
  const existing = await tr.trx.selectFrom('monitoringAnswer').selectAll().where('interviewId', '=', id).where('deletedAt', 'is', null).execute();
  for (const a of answers) {
    const have = existing.find((e) => e.questionId === a.questionId);
    if (have) {
      // The answer changes; the question text it answered stays as it was.
      await tr.update('monitoringAnswer', have.id, { answer: a.answer });
      continue;
    }
    const q = set.questions.find((x) => x.id === a.questionId && !x.retired);
    if (!q) throw invalid('questionId', 'mon.err.questionUnknown');
    if (!a.answer) continue;
    await tr.insert('monitoringAnswer', {
      id: randomUUID(),
      interviewId: id,
      questionId: q.id,
      questionText: q.text,
      questionVersion: q.version,
      position: q.position,
      answer: a.answer,
      status: 'concept',
      createdAt: tr.at,
      updatedAt: tr.at,
      deletedAt: null,
      deletedIn: null,
    });
  }
  // The answers are part of the input: a changed answer raises its version, so a screen with older answers is refused.
  if (tr.changes > changesBefore) await tr.update('monitoringInterview', row.id, { updatedAt: tr.at });
}

async function measureLabel(db: Db, interview: { measureId: string }) {
  const m = await findMeasure(db, interview.measureId);
  return m ? [m.code, m.name].filter(Boolean).join(' ') : '';
}

export const monitoringHandlers = handlers({
  // ---- Question sets

  'monitoring.questions.get': async ({ programmeId }, ctx) => {
    const db = ctx.db();
    await must(findProgramme(db, programmeId), 'programme');
    return questionSetView(db, programmeId);
  },

  'monitoring.questions.edit': async ({ programmeId, edit }, ctx) => {
    const db = ctx.db();
    await must(findProgramme(db, programmeId), 'programme');
    const what = t(`mon.questions.${edit.kind === 'add' ? 'add' : edit.kind}` as MessageKey);
    await tracked(db, meta(ctx, 'update', t('label.editQuestions', { what })), (tr) => editQuestionSet(tr, programmeId, edit));
    return questionSetView(db, programmeId);
  },

  // ---- Rounds

  'monitoring.round.list': ({ programmeId }, ctx) => listRounds(ctx.db(), programmeId),

  'monitoring.round.get': ({ id }, ctx) => must(roundDetail(ctx.db(), id), 'monitoringRound'),

  'monitoring.round.create': async ({ measureIds, ...input }, ctx) => {
    const db = ctx.db();
    await must(findProgramme(db, input.programmeId), 'programme');
    const titles = new Map<string, string>();
    for (const m of measureIds) titles.set(m, coded(await assertMeasureInProgramme(db, m, input.programmeId, 'measureIds')));
    const id = randomUUID();
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: entityName('monitoringRound'), name: input.name })), async (tr) => {
      const stamp = { createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null };
      await tr.insert('monitoringRound', { id, ...input, ...stamp });
      await ensureQuestionSet(tr, input.programmeId);
      let order = 0;
      for (const measureId of [...new Set(measureIds)])
        await tr.insert('monitoringInterview', { id: randomUUID(), roundId: id, measureId, partnerId: null, title: titles.get(measureId)!, status: 'concept', submittedAt: null, factsSnapshot: null, sortOrder: order++, ...stamp });
    });
    return must(roundDetail(db, id), 'monitoringRound');
  },

  'monitoring.round.update': async ({ id, rowVersion, ...patch }, ctx) => {
    const db = ctx.db();
    const before = await roundRow(db, id);
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: entityName('monitoringRound'), name: before.name })), (tr) => tr.update('monitoringRound', id, patch, { rowVersion }));
    return must(roundDetail(db, id), 'monitoringRound');
  },

  'monitoring.round.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await roundRow(db, id);
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: entityName('monitoringRound'), name: before.name })), (tr) => tr.trash('monitoringRound', id, { rowVersion }));
    return null;
  },

  // ---- Inputs per measure

  'monitoring.interview.add': async ({ roundId, measureId, partnerId }, ctx) => {
    const db = ctx.db();
    const round = await roundRow(db, roundId);
    const m = await assertMeasureInProgramme(db, measureId, round.programmeId);
    await assertOrganisations(db, { partnerId });
    let q = db.selectFrom('monitoringInterview').select('id').where('roundId', '=', roundId).where('measureId', '=', measureId).where('deletedAt', 'is', null);
    q = partnerId ? q.where('partnerId', '=', partnerId) : q.where('partnerId', 'is', null);
    if (await q.executeTakeFirst()) throw invalid('measureId', 'mon.err.measureTwice');
    const count = await db.selectFrom('monitoringInterview').select(db.fn.countAll<number>().as('n')).where('roundId', '=', roundId).executeTakeFirstOrThrow();
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: entityName('monitoringInterview'), name: [m.code, m.name].filter(Boolean).join(' ') })), async (tr) => {
      await ensureQuestionSet(tr, round.programmeId);
      await tr.insert('monitoringInterview', {
        id: randomUUID(),
        roundId,
        measureId,
        partnerId,
        title: [coded(m), partnerId ? (await organisationNames(db)).get(partnerId) : ''].filter(Boolean).join(' — '),
        status: 'concept',
        submittedAt: null,
        factsSnapshot: null,
        sortOrder: Number(count.n),
        createdAt: tr.at,
        updatedAt: tr.at,
        deletedAt: null,
        deletedIn: null,
      });
    });
    return must(roundDetail(db, roundId), 'monitoringRound');
  },

  'monitoring.interview.remove': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const row = await interviewRow(db, id);
    const name = await measureLabel(db, row);
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: entityName('monitoringInterview'), name })), (tr) => tr.trash('monitoringInterview', id, { rowVersion }));
    return null;
  },

  'monitoring.interview.get': ({ id }, ctx) => must(interviewDetail(ctx.db(), id), 'monitoringInterview'),

  'monitoring.interview.saveAnswers': async ({ id, rowVersion, answers }, ctx) => {
    const db = ctx.db();
    const row = await checkAnswers(db, id, []);
    const name = await measureLabel(db, row);
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: entityName('monitoringInterview'), name })), async (tr) => {
      await tr.expectVersion('monitoringInterview', id, { rowVersion });
      await saveAnswers(tr, id, answers);
    });
    return must(interviewDetail(db, id), 'monitoringInterview');
  },

  'monitoring.interview.setStatus': async ({ id, rowVersion, status }, ctx) => {
    const db = ctx.db();
    const row = await interviewRow(db, id);
    const name = await measureLabel(db, row);
    const label = status === 'ingediend' ? t('label.submitInput', { name }) : t('label.statusInput', { name, status: t(`mon.status.${status}`) });
    await tracked(db, meta(ctx, 'update', label), async (tr) => {
      await tr.expectVersion('monitoringInterview', id, { rowVersion });
      await setInputStatus(tr, id, status);
    });
    return must(interviewDetail(db, id), 'monitoringInterview');
  },

  // ---- Attendees

  'monitoring.attendee.add': async (input, ctx) => {
    const db = ctx.db();
    const interview = await interviewRow(db, input.interviewId);
    let { name, organisationName, function: fn } = input;
    if (input.contactId) {
      const c = await db
        .selectFrom('contact')
        .innerJoin('organisation', 'organisation.id', 'contact.organisationId')
        .select(['contact.name', 'contact.function', 'organisation.name as organisationName'])
        .where('contact.id', '=', input.contactId)
        .where('contact.deletedAt', 'is', null)
        .executeTakeFirst();
      if (!c) throw invalid('contactId', 'mon.err.unknownContact');
      name ||= c.name;
      organisationName ||= c.organisationName;
      fn ||= c.function;
    }
    if (!name) throw invalid('name', 'mon.err.attendeeName');
    const id = randomUUID();
    const count = await db.selectFrom('monitoringAttendee').select(db.fn.countAll<number>().as('n')).where('interviewId', '=', interview.id).executeTakeFirstOrThrow();
    const row = await tracked(db, meta(ctx, 'create', t('label.create', { entity: entityName('monitoringAttendee'), name })), (tr) =>
      tr.insert('monitoringAttendee', {
        id,
        interviewId: interview.id,
        contactId: input.contactId,
        name,
        organisationName,
        function: fn,
        sortOrder: Number(count.n),
        createdAt: tr.at,
        updatedAt: tr.at,
        deletedAt: null,
        deletedIn: null,
      }),
    );
    return { id: row.id, interviewId: row.interviewId, contactId: row.contactId, name: row.name, organisationName: row.organisationName, function: row.function, rowVersion: 1 };
  },

  'monitoring.attendee.remove': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const a = await must(db.selectFrom('monitoringAttendee').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst(), 'monitoringAttendee');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: entityName('monitoringAttendee'), name: a.name })), (tr) => tr.trash('monitoringAttendee', id, { rowVersion }));
    return null;
  },

  // ---- Facts

  'monitoring.facts': async ({ measureId, asOf, partnerId }, ctx) => {
    const db = ctx.db();
    await must(findMeasure(db, measureId), 'measure');
    return factsForMeasure(db, measureId, asOf, partnerId);
  },

  // ---- Actions

  'monitoring.action.list': async (filter, ctx) => {
    const day = today();
    return { today: day, actions: await listActions(ctx.db(), filter, day) };
  },

  'monitoring.action.create': async ({ roundId, ...input }, ctx) => {
    const db = ctx.db();
    const round = await roundRow(db, roundId);
    await assertMeasureInProgramme(db, input.measureId, round.programmeId);
    await assertActivity(db, input.activityId, input.measureId);
    await assertIndicator(db, input.indicatorId, input.measureId);
    await assertOrganisations(db, { ownerOrganisationId: input.ownerOrganisationId });
    const id = randomUUID();
    const count = await db.selectFrom('monitoringAction').select(db.fn.countAll<number>().as('n')).where('roundId', '=', roundId).executeTakeFirstOrThrow();
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: entityName('monitoringAction'), name: input.text.slice(0, 60) })), (tr) =>
      tr.insert('monitoringAction', {
        id,
        roundId,
        ...input,
        // Recorded as already closed: closed in the interview itself, as far as anyone knows.
        closedAt: closedAtFor(input.status, null, round.startDate < today() ? round.startDate : today()),
        sortOrder: Number(count.n),
        createdAt: tr.at,
        updatedAt: tr.at,
        deletedAt: null,
        deletedIn: null,
      }),
    );
    return must(findAction(db, id), 'monitoringAction');
  },

  'monitoring.action.update': async ({ id, rowVersion, ...patch }, ctx) => {
    const db = ctx.db();
    const before = await must(db.selectFrom('monitoringAction').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst(), 'monitoringAction');
    const round = await roundRow(db, before.roundId);
    await assertMeasureInProgramme(db, patch.measureId, round.programmeId);
    await assertActivity(db, patch.activityId, patch.measureId);
    await assertIndicator(db, patch.indicatorId, patch.measureId);
    await assertOrganisations(db, { ownerOrganisationId: patch.ownerOrganisationId });
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: entityName('monitoringAction'), name: before.text.slice(0, 60) })), (tr) =>
      tr.update('monitoringAction', id, { ...patch, closedAt: closedAtFor(patch.status, before, today()) }, { rowVersion }),
    );
    return must(findAction(db, id), 'monitoringAction');
  },

  'monitoring.action.setStatus': async ({ id, rowVersion, status }, ctx) => {
    const db = ctx.db();
    const before = await must(db.selectFrom('monitoringAction').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst(), 'monitoringAction');
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: entityName('monitoringAction'), name: before.text.slice(0, 60) })), (tr) =>
      tr.update('monitoringAction', id, { status, closedAt: closedAtFor(status, before, today()) }, { rowVersion }),
    );
    return must(findAction(db, id), 'monitoringAction');
  },

  'monitoring.action.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(db.selectFrom('monitoringAction').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst(), 'monitoringAction');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: entityName('monitoringAction'), name: before.text.slice(0, 60) })), (tr) => tr.trash('monitoringAction', id, { rowVersion }));
    return null;
  },
});
