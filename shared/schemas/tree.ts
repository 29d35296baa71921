/**
 * The programme itself: programme lines, measures, activities (the standard activity description,
 * one field per question) and sub-activities. Codes are kept exactly as typed; order is natural.
 */
import { z } from 'zod';
import { choice, id, isoDate, longText, optionalText, requiredText, rowVersion, storedVersion, wholeNumber } from './fields';
import { t } from '../i18n/nl';

export const ITEM_STATUSES = ['concept', 'lopend', 'afgerond', 'gestopt'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * The plan's own structure. A measure is one of three shapes:
 * - `measure`: a measure with its activities (the usual case);
 * - `single`: a measure that is itself its one activity (plan item 1.1 without activities below it);
 * - `activity`: an activity directly under a programme line (plan items 3.1-3.3); the measure row only
 *   holds its place at that level, so budget, monitoring and the steering sheets treat it like a measure.
 * Both last shapes hold exactly one activity, which carries the template; the core keeps the fields
 * they share (SHARED_FIELDS) equal in both rows, so every screen, sheet and query reads the same.
 */
export const MEASURE_SHAPES = ['measure', 'single', 'activity'] as const;
export type MeasureShape = (typeof MEASURE_SHAPES)[number];
/** A measure whose one activity is the item itself (no separate activity level). */
export const holdsOneActivity = (shape: string): boolean => shape === 'single' || shape === 'activity';
/** What a measure and its own activity share; written to both rows in one change set. */
export const SHARED_FIELDS = ['code', 'name', 'status', 'description', 'targetGroups', 'leadOrganisationId', 'executorIds'] as const;

/** Kinds in the tree, as history and the Prullenbak name them. */
export const TREE_ENTITIES = ['programmeLine', 'measure', 'activity', 'subActivity'] as const;
export type TreeEntity = (typeof TREE_ENTITIES)[number];

/** "2", "2a", "2.1.1": trimmed, single-spaced, otherwise exactly as typed; may be empty. */
export const code = () => optionalText(20);

const orgRef = () => id().nullable();
const targetGroups = () =>
  z
    .array(requiredText(120), { error: t('val.list') })
    .max(30)
    // The same group twice is a paste accident, not a second group.
    .transform((list) => [...new Set(list)]);

export const SCHOOL_YEAR = /^(\d{4})\/(\d{4})$/;
export const PlannedParticipants = z.object({
  schoolYear: z
    .string({ error: t('val.schoolYear') })
    .trim()
    .refine((s) => {
      const m = SCHOOL_YEAR.exec(s);
      return !!m && Number(m[2]) === Number(m[1]) + 1;
    }, { error: t('val.schoolYear') }),
  count: wholeNumber().max(1_000_000, t('val.tooBig')),
});
export type PlannedParticipants = z.infer<typeof PlannedParticipants>;

// ---- Programme lines

const lineFields = { code: code(), name: requiredText(200), description: longText() };
export const LineInput = z.strictObject({ programmeId: id(), ...lineFields });
export const LineUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...lineFields });

export const ProgrammeLine = z.object({
  id: z.string(),
  programmeId: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  sortOrder: z.number().int(),
  rowVersion: storedVersion(),
});
export type ProgrammeLine = z.infer<typeof ProgrammeLine>;

// ---- Measures

const measureFields = {
  lineId: id().nullable(),
  code: code(),
  name: requiredText(200),
  description: longText(),
  plusvoorziening: z.boolean({ error: t('val.choice') }),
  targetGroups: targetGroups(),
  leadOrganisationId: orgRef(),
  executorIds: z.array(id()).max(50),
  status: choice(ITEM_STATUSES),
};
// A new measure is an ordinary one unless said; an update without a shape keeps the one it has.
export const MeasureInput = z.strictObject({ programmeId: id(), ...measureFields, shape: choice(MEASURE_SHAPES).default('measure') });
export type MeasureInput = z.infer<typeof MeasureInput>;
export const MeasureUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...measureFields, shape: choice(MEASURE_SHAPES).optional() });

const orgName = z.object({ id: z.string(), name: z.string() });

export const Measure = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  lineId: z.string().nullable(),
  lineCode: z.string().nullable(),
  lineName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  plusvoorziening: z.boolean(),
  targetGroups: z.array(z.string()),
  leadOrganisationId: z.string().nullable(),
  executorIds: z.array(z.string()),
  lead: orgName.nullable(),
  executors: z.array(orgName),
  status: z.enum(ITEM_STATUSES),
  shape: z.enum(MEASURE_SHAPES),
  sortOrder: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rowVersion: storedVersion(),
});
export type Measure = z.infer<typeof Measure>;

// ---- Activities: the fields follow the template's questions 2-11 (1 is derived from the measure).

const activityFields = {
  code: code(),
  name: requiredText(200), // 2
  status: choice(ITEM_STATUSES),
  description: longText(), // 3
  aim: longText(), // 4
  startDate: isoDate().nullable(), // 5
  endDate: isoDate().nullable(),
  durationNote: longText(2000),
  subActivitiesDuration: longText(), // 7 (each sub-activity also has its period)
  targetGroups: targetGroups(), // 8
  targetGroupNeed: longText(),
  plannedParticipants: z.array(PlannedParticipants).max(12),
  lookBackEarlier: longText(), // 9
  lookBackAimReached: longText(),
  resultsGeneral: longText(), // 10
  resultsPerSubActivity: longText(),
  resultsVsvContribution: longText(),
  resultsResponsible: longText(),
  measurementMoments: longText(),
  indicatorsMonitoring: longText(),
  organisationStructure: longText(),
  sustainabilityHow: longText(), // 11
  sustainabilityWho: longText(),
  sustainabilityFrom: optionalText(200),
  leadOrganisationId: orgRef(),
  executorIds: z.array(id()).max(50),
};

const datesInOrder = (a: { startDate: string | null; endDate: string | null }) => !a.startDate || !a.endDate || a.endDate >= a.startDate;
const datesIssue = { error: t('val.endBeforeStart'), path: ['endDate'] };
const yearsOnce = (a: { plannedParticipants: PlannedParticipants[] }) => new Set(a.plannedParticipants.map((p) => p.schoolYear)).size === a.plannedParticipants.length;
const yearsIssue = { error: t('val.schoolYearTwice'), path: ['plannedParticipants'] };

/**
 * Where a new activity goes: under a measure (measureId), or directly under a programme line
 * (lineId) or, in a plan without lines, directly under the programme (programmeId, lineId null).
 */
const oneParent = (a: { measureId?: string; lineId?: string | null; programmeId?: string }) => (a.measureId ? 1 : 0) + (a.lineId || a.programmeId ? 1 : 0) === 1;
const parentIssue = { error: t('val.activityParent'), path: ['measureId'] };
export const ActivityInput = z
  .strictObject({ measureId: id().optional(), lineId: id().nullable().optional(), programmeId: id().optional(), ...activityFields })
  .refine(oneParent, parentIssue)
  .refine(datesInOrder, datesIssue)
  .refine(yearsOnce, yearsIssue);
export type ActivityInput = z.infer<typeof ActivityInput>;
export const ActivityUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...activityFields }).refine(datesInOrder, datesIssue).refine(yearsOnce, yearsIssue);
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

export const SubActivity = z.object({
  id: z.string(),
  activityId: z.string(),
  number: z.string(),
  name: z.string(),
  period: z.string(),
  intendedResult: z.string(),
  sortOrder: z.number().int(),
  rowVersion: storedVersion(),
});
export type SubActivity = z.infer<typeof SubActivity>;

const subFields = { number: code(), name: requiredText(200), period: optionalText(200), intendedResult: longText() };
export const SubActivityInput = z.strictObject({ activityId: id(), ...subFields });
export const SubActivityUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...subFields });

export const Warning = z.object({ field: z.string(), message: z.string() });
export type Warning = z.infer<typeof Warning>;

export const Activity = z.object({
  id: z.string(),
  measureId: z.string(),
  measureCode: z.string(),
  measureName: z.string(),
  /** `measure`: an activity under a measure; otherwise the item itself at the measure level. */
  measureShape: z.enum(MEASURE_SHAPES),
  /** The measure's line: for an activity directly under a programme line, its own. */
  lineId: z.string().nullable(),
  programmeId: z.string(),
  programmeName: z.string(),
  programmeStart: z.string(),
  programmeEnd: z.string(),
  lineCode: z.string().nullable(),
  lineName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  status: z.enum(ITEM_STATUSES),
  description: z.string(),
  aim: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  durationNote: z.string(),
  subActivitiesDuration: z.string(),
  targetGroups: z.array(z.string()),
  targetGroupNeed: z.string(),
  plannedParticipants: z.array(z.object({ schoolYear: z.string(), count: z.number().int() })),
  lookBackEarlier: z.string(),
  lookBackAimReached: z.string(),
  resultsGeneral: z.string(),
  resultsPerSubActivity: z.string(),
  resultsVsvContribution: z.string(),
  resultsResponsible: z.string(),
  measurementMoments: z.string(),
  indicatorsMonitoring: z.string(),
  organisationStructure: z.string(),
  sustainabilityHow: z.string(),
  sustainabilityWho: z.string(),
  sustainabilityFrom: z.string(),
  leadOrganisationId: z.string().nullable(),
  executorIds: z.array(z.string()),
  lead: orgName.nullable(),
  executors: z.array(orgName),
  sortOrder: z.number().int(),
  subActivities: z.array(SubActivity),
  /** Not errors: things to look at, such as dates outside the programme period. */
  warnings: z.array(Warning),
  createdAt: z.string(),
  updatedAt: z.string(),
  rowVersion: storedVersion(),
});
export type Activity = z.infer<typeof Activity>;

export const MeasureDetail = Measure.extend({ activities: z.array(Activity) });
export type MeasureDetail = z.infer<typeof MeasureDetail>;

// ---- The tree of one programme, for the overview, filters and the CLI

export const TreeActivity = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.enum(ITEM_STATUSES),
  targetGroups: z.array(z.string()),
  leadOrganisationId: z.string().nullable(),
  executorIds: z.array(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  subActivities: z.array(z.object({ id: z.string(), number: z.string(), name: z.string(), period: z.string() })),
});
export type TreeActivity = z.infer<typeof TreeActivity>;

export const TreeMeasure = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.enum(ITEM_STATUSES),
  plusvoorziening: z.boolean(),
  targetGroups: z.array(z.string()),
  leadOrganisationId: z.string().nullable(),
  executorIds: z.array(z.string()),
  shape: z.enum(MEASURE_SHAPES),
  activities: z.array(TreeActivity),
});
export type TreeMeasure = z.infer<typeof TreeMeasure>;

export const TreeLine = z.object({
  /** null: the measures that belong to no programme line. */
  id: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  measures: z.array(TreeMeasure),
});
export type TreeLine = z.infer<typeof TreeLine>;

export const ProgrammeTree = z.object({
  id: z.string(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  lines: z.array(TreeLine),
});
export type ProgrammeTree = z.infer<typeof ProgrammeTree>;

// ---- The programme page's tree, asked for in parts (issue 13): the outline (lines and their
// measures with counts) at once, the activities of a measure when the user opens it. Filters by
// partner, target group and status are applied where the data is (shared/tree-filter.ts matches()).

export const TreeFilterInput = {
  partnerId: id().optional(),
  targetGroup: optionalText(200).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
};

export const OutlineActivityRow = z.object({
  id: z.string(),
  measureId: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.enum(ITEM_STATUSES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  subCount: z.number().int(),
});
export type OutlineActivityRow = z.infer<typeof OutlineActivityRow>;

export const OutlineMeasure = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.enum(ITEM_STATUSES),
  plusvoorziening: z.boolean(),
  shape: z.enum(MEASURE_SHAPES),
  activityCount: z.number().int(),
  /** Activities that match the filters (all of them without filters). */
  shownCount: z.number().int(),
  /** An item that is its own activity: that activity, for its link and dates. */
  own: OutlineActivityRow.nullable(),
});
export type OutlineMeasure = z.infer<typeof OutlineMeasure>;

export const TreeOutline = z.object({
  id: z.string(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** With filters: only lines and measures that match or hold matching activities. */
  lines: z.array(TreeLine.omit({ measures: true }).extend({ measures: z.array(OutlineMeasure) })),
  /** Every target group of the programme's measures and activities, for the filter's choices. */
  targetGroups: z.array(z.string()),
  totalActivities: z.number().int(),
  shownActivities: z.number().int(),
});
export type TreeOutline = z.infer<typeof TreeOutline>;

export const TreeOutlineInput = z.strictObject({ programmeId: id(), ...TreeFilterInput });
/** The activities of some measures of a programme that match the filters, in tree order. */
export const TreeActivitiesInput = z.strictObject({ programmeId: id(), measureIds: z.array(id()).max(5000), ...TreeFilterInput });

export const ReorderInput = z.strictObject({ entity: z.enum(TREE_ENTITIES), ids: z.array(id()).min(1).max(500) });
/** To another measure (measureId), or to a programme line as an activity directly under it (lineId; null: no line). */
export const MoveActivityInput = z
  .strictObject({ id: id(), rowVersion: rowVersion(), measureId: id().optional(), lineId: id().nullable().optional() })
  .refine((m) => (m.measureId ? 1 : 0) + (m.lineId !== undefined ? 1 : 0) === 1, { error: t('val.moveTarget'), path: ['measureId'] });

// ---- Search

export const SEARCH_KINDS = [
  'programme', 'programmeLine', 'measure', 'activity', 'subActivity', 'indicator', 'budgetLine', 'spend',
  'organisation', 'contact', 'monitoringRound', 'monitoringAnswer', 'monitoringAction',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** Where it sits ("2.2 Overstap vo-mbo"), for telling hits apart. */
  context: z.string(),
  /** A piece of the text that matched, when the match was not in code or name. */
  snippet: z.string(),
  /** Hash route parts of the page to open. */
  route: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResult = z.object({ groups: z.array(z.object({ kind: z.enum(SEARCH_KINDS), hits: z.array(SearchHit) })), total: z.number().int() });
export type SearchResult = z.infer<typeof SearchResult>;

/** The template's free-text answers of an activity (questions 3-11), in plan order. */
export const ACTIVITY_LONG_TEXTS = [
  'description',
  'aim',
  'durationNote',
  'subActivitiesDuration',
  'targetGroupNeed',
  'lookBackEarlier',
  'lookBackAimReached',
  'resultsGeneral',
  'resultsPerSubActivity',
  'resultsVsvContribution',
  'resultsResponsible',
  'measurementMoments',
  'indicatorsMonitoring',
  'organisationStructure',
  'sustainabilityHow',
  'sustainabilityWho',
] as const;
