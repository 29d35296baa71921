/**
 * Monitoring interviews: question sets, rounds, inputs per measure (answers, attendees, frozen
 * facts) and the action lists. Messages are Dutch; the dispatcher names the field.
 */
import { z } from 'zod';
import { choice, id, isoDate, longText, optionalText, requiredText, rowVersion, storedVersion } from './fields';
import { t } from '../i18n/nl';
import { ACTION_STATUSES } from '../monitoring/actions';
import { FACT_KINDS } from '../monitoring/questions';
import { RESULT_STATUSES } from '../results/types';

export const INPUT_STATUSES = ['concept', 'ingediend', 'besproken'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];
export { ACTION_STATUSES };

// ---- Question sets

export const Question = z.object({
  id: z.string(),
  text: z.string(),
  position: z.number().int(),
  version: z.number().int(),
  facts: z.enum(FACT_KINDS).nullable(),
  retired: z.boolean(),
});
export type Question = z.infer<typeof Question>;

export const QuestionSetView = z.object({
  programmeId: z.string(),
  /** False while the programme still uses the untouched default set. */
  stored: z.boolean(),
  version: z.number().int(),
  questions: z.array(Question),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string() })),
});
export type QuestionSetView = z.infer<typeof QuestionSetView>;

const questionText = () => requiredText(500);
export const QuestionEditInput = z.strictObject({
  programmeId: id(),
  edit: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('add'), questionText: questionText(), facts: z.enum(FACT_KINDS).nullable().default(null), position: z.number().int().min(1).optional() }),
    z.strictObject({ kind: z.literal('reword'), id: id(), questionText: questionText() }),
    z.strictObject({ kind: z.literal('reorder'), ids: z.array(id()).min(1).max(200) }),
    z.strictObject({ kind: z.literal('retire'), id: id() }),
    z.strictObject({ kind: z.literal('reinstate'), id: id() }),
  ]),
});
export type QuestionEditInput = z.infer<typeof QuestionEditInput>;

// ---- Facts

export const MeasureFacts = z.object({
  measureId: z.string(),
  asOf: z.string(),
  /** For an input per partner: whose share the facts show (false: the partner has no activity of its own, so the whole measure). */
  partnerName: z.string().nullable().default(null),
  partnerScoped: z.boolean().default(false),
  participants: z.array(z.object({ schoolYear: z.string(), planned: z.number().int(), reached: z.number().int().nullable() })),
  results: z.object({
    available: z.boolean(),
    items: z.array(
      z.object({
        /** Defaults: facts frozen before issue 12 have neither. */
        indicatorId: z.string().default(''),
        indicator: z.string(),
        owner: z.string(),
        target: z.string(),
        value: z.string(),
        latestDate: z.string().nullable(),
        /** The period the latest value is about ("2016/2017"), apart from its date. */
        period: z.string().nullable().default(null),
        /** A "waarvan" part: the name of its parent; a parent: it and its parts in one sentence. */
        partOf: z.string().nullable().default(null),
        together: z.string().nullable().default(null),
        status: z.enum(RESULT_STATUSES),
        statusLabel: z.string(),
      }),
    ),
  }),
  budget: z.object({
    available: z.boolean(),
    years: z.array(z.object({ year: z.number().int(), budgetedCents: z.number().int(), spentCents: z.number().int().nullable() })),
  }),
  openActions: z.array(
    z.object({ id: z.string(), text: z.string(), owner: z.string(), deadline: z.string().nullable(), status: z.enum(ACTION_STATUSES), roundName: z.string(), overdue: z.boolean() }),
  ),
});
export type MeasureFacts = z.infer<typeof MeasureFacts>;

// ---- Actions

const actionFields = {
  measureId: id(),
  activityId: id().nullable().default(null),
  indicatorId: id().nullable().default(null),
  text: requiredText(2000),
  ownerName: optionalText(200),
  ownerOrganisationId: id().nullable(),
  deadline: isoDate().nullable(),
  status: choice(ACTION_STATUSES),
};
const hasOwner = (a: { ownerName: string; ownerOrganisationId: string | null }) => a.ownerName.length > 0 || !!a.ownerOrganisationId;
const ownerIssue = { error: t('mon.err.actionOwner'), path: ['ownerName'] };

export const ActionInput = z.strictObject({ roundId: id(), ...actionFields }).refine(hasOwner, ownerIssue);
export type ActionInput = z.infer<typeof ActionInput>;
export const ActionUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...actionFields }).refine(hasOwner, ownerIssue);
export type ActionUpdate = z.infer<typeof ActionUpdate>;

export const Action = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  roundDate: z.string(),
  programmeId: z.string(),
  measureId: z.string(),
  measureCode: z.string(),
  measureName: z.string(),
  activityId: z.string().nullable(),
  activityName: z.string().nullable(),
  indicatorId: z.string().nullable(),
  indicatorName: z.string().nullable(),
  text: z.string(),
  ownerName: z.string(),
  ownerOrganisationId: z.string().nullable(),
  ownerOrganisationName: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  deadlineBeforeRound: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rowVersion: storedVersion(),
});
export type Action = z.infer<typeof Action>;

export const ActionListInput = z.strictObject({
  programmeId: id().optional(),
  owner: optionalText(200).optional(),
  status: z.enum([...ACTION_STATUSES, 'overdue', 'openOrRunning'], { error: t('val.choice') }).optional(),
  measureId: id().optional(),
});
export const ActionList = z.object({ today: z.string(), actions: z.array(Action) });

// ---- Rounds, inputs, attendees, answers

export const Attendee = z.object({
  id: z.string(),
  interviewId: z.string(),
  contactId: z.string().nullable(),
  name: z.string(),
  organisationName: z.string(),
  function: z.string(),
  rowVersion: storedVersion(),
});
export type Attendee = z.infer<typeof Attendee>;

export const AttendeeInput = z.strictObject({
  interviewId: id(),
  contactId: id().nullable().default(null),
  name: optionalText(200),
  organisationName: optionalText(200),
  function: optionalText(200),
});
export type AttendeeInput = z.infer<typeof AttendeeInput>;

export const InterviewSummary = z.object({
  id: z.string(),
  measureId: z.string(),
  measureCode: z.string(),
  measureName: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  status: z.enum(INPUT_STATUSES),
  submittedAt: z.string().nullable(),
  answered: z.number().int(),
  total: z.number().int(),
  attendees: z.array(Attendee),
  /** Raised by every change of the input, its answers included. */
  rowVersion: storedVersion(),
});
export type InterviewSummary = z.infer<typeof InterviewSummary>;

const roundFields = {
  name: requiredText(200),
  startDate: isoDate(),
  endDate: isoDate().nullable(),
  notes: longText(),
};
const datesInOrder = (r: { startDate: string; endDate: string | null }) => !r.endDate || r.endDate >= r.startDate;
const datesIssue = { error: t('val.endBeforeStart'), path: ['endDate'] };

export const RoundInput = z.strictObject({ programmeId: id(), ...roundFields, measureIds: z.array(id()).max(200).default([]) }).refine(datesInOrder, datesIssue);
export type RoundInput = z.infer<typeof RoundInput>;
export const RoundUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...roundFields }).refine(datesInOrder, datesIssue);

export const RoundSummary = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  notes: z.string(),
  upcoming: z.boolean(),
  interviews: z.array(InterviewSummary),
  actionCount: z.number().int(),
  openActionCount: z.number().int(),
  rowVersion: storedVersion(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundDetail = RoundSummary.extend({
  /** Open actions from earlier rounds, carried over to this round's agenda. */
  agenda: z.array(Action),
  actions: z.array(Action),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const InterviewAddInput = z.strictObject({ roundId: id(), measureId: id(), partnerId: id().nullable().default(null) });

export const InputQuestion = z.object({
  questionId: z.string(),
  text: z.string(),
  version: z.number().int(),
  position: z.number().int(),
  facts: z.enum(FACT_KINDS).nullable(),
  answerId: z.string().nullable(),
  answer: z.string(),
  status: z.enum(INPUT_STATUSES),
  /** The set words this question differently now; the answer keeps the text above. */
  reworded: z.boolean(),
});
export type InputQuestion = z.infer<typeof InputQuestion>;

export const InterviewDetail = InterviewSummary.extend({
  round: z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string().nullable(), programmeId: z.string(), programmeName: z.string() }),
  questions: z.array(InputQuestion),
  facts: MeasureFacts,
  factsFrozen: z.boolean(),
  actions: z.array(Action),
  activities: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  indicators: z.array(z.object({ id: z.string(), name: z.string(), activityId: z.string().nullable(), owner: z.string() })),
});
export type InterviewDetail = z.infer<typeof InterviewDetail>;

export const SaveAnswersInput = z.strictObject({
  id: id(),
  answers: z.array(z.strictObject({ questionId: id(), answer: longText(20_000) })).max(200),
});
/** The screen's save: the answers and the version of the input they were typed against. */
export const SaveAnswersRequest = SaveAnswersInput.extend({ rowVersion: rowVersion() });
export const InterviewStatusInput = z.strictObject({ id: id(), rowVersion: rowVersion(), status: choice(INPUT_STATUSES) });
export const ActionStatusInput = z.strictObject({ id: id(), rowVersion: rowVersion(), status: choice(ACTION_STATUSES) });
