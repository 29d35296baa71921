/**
 * The store's tables as Kysely sees them (camelCase here, snake_case in SQLite via CamelCasePlugin).
 * Nullable columns are `T | null`, never optional.
 */
import type { Generated } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

export interface RegionTable {
  number: number;
  name: string;
  contactMunicipality: string | null;
}

/** Columns every tracked table has, for the Prullenbak. */
export interface Trashable {
  deletedAt: string | null;
  /** The change set that put this row in the Prullenbak (children share their parent's). */
  deletedIn: number | null;
  /** Raised by every write; an update or delete based on an older version is refused (issue 10). */
  rowVersion: number;
}

export interface ProgrammeTable extends Trashable {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  analysis: string;
  requestedCents: number | null;
  awardedCents: number | null;
  notes: string;
  contactSchoolId: string | null;
  contactMunicipalityId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrganisationTable extends Trashable {
  id: string;
  name: string;
  type: string;
  brin: string;
  kvk: string;
  place: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ContactTable extends Trashable {
  id: string;
  organisationId: string;
  name: string;
  function: string;
  email: string;
  phone: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProgrammeLineTable extends Trashable {
  id: string;
  programmeId: string;
  code: string;
  name: string;
  description: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface MeasureTable extends Trashable {
  id: string;
  programmeId: string;
  lineId: string | null;
  code: string;
  name: string;
  description: string;
  /** 0 or 1 */
  plusvoorziening: number;
  /** JSON string[] */
  targetGroups: string;
  leadOrganisationId: string | null;
  /** JSON string[] of organisation ids */
  executorIds: string;
  status: string;
  /** 'measure' | 'single' | 'activity' (shared/schemas/tree.ts MEASURE_SHAPES) */
  shape: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityTable extends Trashable {
  id: string;
  measureId: string;
  code: string;
  name: string;
  status: string;
  description: string;
  aim: string;
  startDate: string | null;
  endDate: string | null;
  durationNote: string;
  subActivitiesDuration: string;
  /** JSON string[] */
  targetGroups: string;
  targetGroupNeed: string;
  /** JSON {schoolYear, count}[] */
  plannedParticipants: string;
  lookBackEarlier: string;
  lookBackAimReached: string;
  resultsGeneral: string;
  resultsPerSubActivity: string;
  resultsVsvContribution: string;
  resultsResponsible: string;
  measurementMoments: string;
  indicatorsMonitoring: string;
  organisationStructure: string;
  sustainabilityHow: string;
  sustainabilityWho: string;
  sustainabilityFrom: string;
  leadOrganisationId: string | null;
  executorIds: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface SubActivityTable extends Trashable {
  id: string;
  activityId: string;
  number: string;
  name: string;
  period: string;
  intendedResult: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface AwardTable extends Trashable {
  id: string;
  programmeId: string;
  stream: string;
  year: number;
  amountCents: number;
  /** JSON string[] of ISO dates */
  paymentDates: string;
  spendBy: string | null;
  route: string;
  reference: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetLineTable extends Trashable {
  id: string;
  measureId: string;
  activityId: string | null;
  year: number;
  costItem: string;
  kind: string;
  fte: number | null;
  hours: number | null;
  fundingSource: string;
  category: string;
  /** 0 or 1 */
  management: number;
  partnerId: string | null;
  /** 0 or 1 */
  inKind: number;
  plannedCents: number;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A mirror of every budget line with the totals of its live spend, kept exact by SQL triggers
 * (migration 0013); read by the budget overview. Never written by code.
 */
export interface BudgetLineTotalTable {
  id: string;
  measureId: string;
  /** The measure's programme and trash mark, copied from measure. */
  programmeId: string | null;
  measureDeletedAt: string | null;
  deletedAt: string | null;
  year: number;
  fundingSource: string;
  category: string;
  partnerId: string | null;
  /** 0 or 1 */
  inKind: number;
  /** 1 for a co-financing source (COFIN_SOURCES) */
  cofin: number;
  plannedCents: number;
  realisedCents: number;
  spendCount: number;
  yearTotalCount: number;
}

export interface SpendTable extends Trashable {
  id: string;
  budgetLineId: string;
  kind: string;
  /** null for a year total */
  date: string | null;
  year: number;
  amountCents: number;
  description: string;
  reference: string;
  createdAt: string;
  updatedAt: string;
}

/** id is the programme's id. */
export interface BudgetRulesTable extends Trashable {
  id: string;
  managementMaxPct: number;
  managementMaxCents: number;
  plusMinPct: number;
  plusReason: string;
  /** 0 or 1 */
  checkAwards: number;
  createdAt: string;
  updatedAt: string;
}

export interface QuestionSetTable extends Trashable {
  id: string;
  programmeId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface QuestionTable extends Trashable {
  id: string;
  setId: string;
  questionText: string;
  position: number;
  version: number;
  /** 'reach' | 'budget' | null */
  facts: string | null;
  /** 0 or 1 */
  retired: number;
  createdAt: string;
  updatedAt: string;
}

export interface QuestionSetVersionTable extends Trashable {
  id: string;
  setId: string;
  version: number;
  /** JSON Question[] as the set was after this version's edit */
  questions: string;
  createdAt: string;
  updatedAt: string;
}

export interface MonitoringRoundTable extends Trashable {
  id: string;
  programmeId: string;
  name: string;
  startDate: string;
  endDate: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface MonitoringInterviewTable extends Trashable {
  id: string;
  roundId: string;
  measureId: string;
  partnerId: string | null;
  /** The measure (and partner) as named when the input was made; for history labels only. */
  title: string;
  status: string;
  submittedAt: string | null;
  /** JSON MeasureFacts, frozen when submitted */
  factsSnapshot: string | null;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface MonitoringAttendeeTable extends Trashable {
  id: string;
  interviewId: string;
  contactId: string | null;
  name: string;
  organisationName: string;
  function: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface MonitoringAnswerTable extends Trashable {
  id: string;
  interviewId: string;
  questionId: string;
  questionText: string;
  questionVersion: number;
  position: number;
  answer: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface MonitoringActionTable extends Trashable {
  id: string;
  roundId: string;
  measureId: string;
  activityId: string | null;
  indicatorId: string | null;
  text: string;
  ownerName: string;
  ownerOrganisationId: string | null;
  deadline: string | null;
  status: string;
  closedAt: string | null;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface ChangeSetTable {
  id: Generated<number>;
  at: string;
  user: string;
  action: string;
  label: string;
  source: string | null;
  undoes: number | null;
  undoneBy: number | null;
  /** The window (or CLI run) that made it: Ctrl+Z and redo work per window. Null before version 6. */
  session: string | null;
  /** 1 once an erasure scrubbed this change set's values: it can no longer be undone or redone (migration 0010). */
  erased: Generated<number>;
}

export interface ChangeTable {
  id: Generated<number>;
  changeSetId: number;
  entity: string;
  entityId: string;
  op: string;
  /** JSON: { field: [old, new] } */
  fields: string;
  /** JSON of the whole row where an undo needs it (create, delete). */
  snapshot: string | null;
}

/** A text the user confirmed is not about a young person: a hash of entity, field and value only. */
export interface PrivacyConfirmationTable {
  key: string;
  entity: string;
  field: string;
  confirmedAt: string;
  user: string;
}

export interface TrashTable {
  changeSetId: number;
  entity: string;
  entityId: string;
  label: string;
  deletedAt: string;
  restoredAt: string | null;
}

export interface IndicatorTable extends Trashable {
  id: string;
  activityId: string | null;
  measureId: string | null;
  /** 'deelnemers' for the built-in participants indicator; its targets come from the activity. */
  builtin: string | null;
  name: string;
  description: string;
  unit: string;
  freeUnit: string;
  direction: string;
  aggregation: string;
  dataSource: string;
  momentKind: string;
  /** JSON string[]: "MM-DD" for yearly/half-yearly, ISO dates for a custom list */
  momentDates: string;
  /** JSON string[] of disaggregation categories */
  categories: string;
  baselineValue: number | null;
  baselineDate: string | null;
  baselineSource: string;
  baselineNote: string;
  sortOrder: number;
  /** The kind of period its values and targets are about (shared/results/periods.ts). */
  periodKind: string;
  /** JSON ('lopend' | 'vorig')[]: per moment, the period it reports on. */
  momentPeriods: string;
  /** A "waarvan" indicator: part of this one. */
  parentId: string | null;
  /** The words after the number: "in beeld", "met een ingevuld DDD". */
  phrase: string;
  createdAt: string;
  updatedAt: string;
}

export interface TargetTable extends Trashable {
  id: string;
  indicatorId: string;
  schoolYear: string | null;
  periodKind: string;
  periodStart: string;
  periodEnd: string;
  kind: string;
  value: number | null;
  min: number | null;
  max: number | null;
  percent: number | null;
  supersedesId: string | null;
  reason: string;
  decisionDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MeasurementTable extends Trashable {
  id: string;
  indicatorId: string;
  /** When it was measured or published. */
  date: string;
  /** The school year the value speaks for: that of the period's end (or of the date, when earlier). */
  schoolYear: string;
  /** The period the value is about. */
  periodKind: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** JSON {name, count}[] or null */
  categories: string | null;
  status: string;
  source: string;
  explanation: string;
  recordedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** A column mapping for DUO files, per set of headers (not a user record: no history). */
export interface DuoMappingTable {
  headerKey: string;
  /** JSON string[]: the headers as found. */
  headers: string;
  /** JSON DuoMapping (electron/core/duo/columns.ts). */
  mapping: string;
  updatedAt: string;
}

export interface RegionFigureTable extends Trashable {
  id: string;
  schoolYear: string;
  onderwijssoort: string;
  /** Empty when DUO suppressed it for privacy (never 0). */
  students: number | null;
  leavers: number | null;
  percentage: number | null;
  nationalNorm: number | null;
  status: string;
  definitionVersion: string;
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface ResultSettingsTable extends Trashable {
  id: string;
  programmeId: string;
  onTrackMargin: number;
  attentionMargin: number;
  createdAt: string;
  updatedAt: string;
}

export interface Database {
  meta: MetaTable;
  region: RegionTable;
  programme: ProgrammeTable;
  organisation: OrganisationTable;
  contact: ContactTable;
  programmeLine: ProgrammeLineTable;
  measure: MeasureTable;
  activity: ActivityTable;
  indicator: IndicatorTable;
  target: TargetTable;
  measurement: MeasurementTable;
  regionFigure: RegionFigureTable;
  duoMapping: DuoMappingTable;
  resultSettings: ResultSettingsTable;
  subActivity: SubActivityTable;
  award: AwardTable;
  budgetLine: BudgetLineTable;
  budgetLineTotal: BudgetLineTotalTable;
  spend: SpendTable;
  budgetRules: BudgetRulesTable;
  questionSet: QuestionSetTable;
  question: QuestionTable;
  questionSetVersion: QuestionSetVersionTable;
  monitoringRound: MonitoringRoundTable;
  monitoringInterview: MonitoringInterviewTable;
  monitoringAttendee: MonitoringAttendeeTable;
  monitoringAnswer: MonitoringAnswerTable;
  monitoringAction: MonitoringActionTable;
  changeSet: ChangeSetTable;
  change: ChangeTable;
  trash: TrashTable;
  privacyConfirmation: PrivacyConfirmationTable;
}
