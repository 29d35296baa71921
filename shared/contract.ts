/**
 * The one contract between the screens and the core: per channel a zod schema for the input and
 * for the output. Electron's IPC and the browser host both carry exactly these channels, and the
 * renderer's call() is typed from this map.
 */
import { z } from 'zod';
import './schemas/locale';
import { Programme, ProgrammeInput, ProgrammeUpdate } from './schemas/programme';
import { AppInfo, RecentFile, Region, Settings, WorkspaceInfo, fileName, regionNumber } from './schemas/workspace';
import { HistoryEntry, HistoryFeed, HistoryFeedInput, StackState, TrashItem, UndoInput, UndoResult } from './schemas/history';
import { Backup, BackupList } from './schemas/backups';
import { byIdVersion, id, isoDate } from './schemas/fields';
import { BackupRef, ErasureOutcome, PrivacyConfirmInput, PrivacyScan } from './schemas/privacy';
import { ConflictChoices, ExchangeFile, ExportRequest, ExportResult, ImportPlan, ImportResult, LastImport } from './schemas/exchange';
import { DuoApplyInput, DuoInput, DuoPlan, DuoResult } from './schemas/duo';
import { PlanExportInput, PlanImportInput, PlanImportResult, PlanPreview } from './schemas/plan';
import {
  Award,
  AwardInput,
  AwardUpdate,
  BudgetFilter,
  BudgetLinePage,
  BudgetLinePageInput,
  SpendPage,
  SpendPageInput,
  BudgetLine,
  BudgetLineInput,
  BudgetLineUpdate,
  BudgetOverview,
  CheckFinding,
  RuleSettings,
  RulesUpdate,
  Spend,
  SpendInput,
  SpendUpdate,
} from './schemas/budget';
import {
  ActivityResults,
  IndicatorInput,
  IndicatorUpdate,
  IndicatorView,
  MeasurementInput,
  ProgrammeSummary,
  RegionFigure,
  RegionFigureInput,
  TargetInput,
  TargetRevise,
  ThresholdsUpdate,
  ThresholdsView,
} from './schemas/results';
import { ContactUpdate, ContactInput, Contact, Organisation, OrganisationDetail, OrganisationInput, OrganisationUpdate } from './schemas/partner';
import {
  Activity,
  ActivityInput,
  ActivityUpdate,
  LineInput,
  LineUpdate,
  MeasureDetail,
  MeasureInput,
  MeasureUpdate,
  MoveActivityInput,
  ProgrammeLine,
  ProgrammeTree,
  OutlineActivityRow,
  TreeActivitiesInput,
  TreeOutline,
  TreeOutlineInput,
  ReorderInput,
  SearchResult,
  SubActivity,
  SubActivityInput,
  SubActivityUpdate,
} from './schemas/tree';
import {
  Action,
  ActionInput,
  ActionList,
  ActionListInput,
  ActionStatusInput,
  ActionUpdate,
  Attendee,
  AttendeeInput,
  InterviewAddInput,
  InterviewDetail,
  InterviewStatusInput,
  MeasureFacts,
  QuestionEditInput,
  QuestionSetView,
  RoundDetail,
  RoundInput,
  RoundSummary,
  RoundUpdate,
  SaveAnswersRequest,
} from './schemas/monitoring';

const none = z.strictObject({});
const byId = z.strictObject({ id: id() });
/** A delete: the record and the version the user saw (a stale delete is refused). */
const byVersion = byIdVersion();

export const contract = {
  // Application and workspace files
  'app.info': { input: none, output: AppInfo },
  'settings.get': { input: none, output: Settings },
  'settings.update': { input: Settings.strict(), output: Settings },
  'regions.list': { input: none, output: z.array(Region) },
  'workspace.current': { input: none, output: WorkspaceInfo.nullable() },
  'workspace.recent': { input: none, output: z.array(RecentFile) },
  'workspace.files': { input: none, output: z.array(RecentFile) },
  'workspace.create': { input: z.strictObject({ regionNumber: regionNumber(), fileName: fileName() }), output: WorkspaceInfo },
  'workspace.open': { input: z.strictObject({ path: z.string().min(1).max(4096), readOnly: z.boolean().optional() }), output: WorkspaceInfo },
  'workspace.openExample': { input: none, output: WorkspaceInfo },
  'workspace.close': { input: none, output: z.null() },

  // Backups of the open workspace (files/backups.ts) and "Opslaan als kopie" as a download
  'backup.list': { input: none, output: BackupList },
  'backup.create': { input: none, output: Backup },
  'backup.restore': { input: z.strictObject({ file: z.string().min(1).max(4096) }), output: z.object({ workspace: WorkspaceInfo, safety: Backup, restored: Backup }) },
  'backup.download': { input: none, output: z.object({ fileName: z.string(), base64: z.string() }) },
  // Issue 17: a failed daily backup is shown on every screen until a backup succeeds
  'backup.problem': { input: none, output: z.object({ message: z.string(), at: z.string() }).nullable() },

  // Programmes
  'programme.list': { input: none, output: z.array(Programme) },
  'programme.get': { input: byId, output: Programme },
  'programme.create': { input: ProgrammeInput, output: Programme },
  'programme.update': { input: ProgrammeUpdate, output: Programme },
  'programme.delete': { input: byVersion, output: z.null() },

  // Partners (organisations) and their contacts
  'organisation.list': { input: none, output: z.array(Organisation) },
  'organisation.get': { input: byId, output: OrganisationDetail },
  'organisation.create': { input: OrganisationInput, output: Organisation },
  'organisation.update': { input: OrganisationUpdate, output: Organisation },
  'organisation.delete': { input: byVersion, output: z.null() },
  'contact.create': { input: ContactInput, output: Contact },
  'contact.update': { input: ContactUpdate, output: Contact },
  'contact.delete': { input: byVersion, output: z.null() },

  // The programme itself: lines, measures, activities, sub-activities
  'tree.get': { input: z.strictObject({ programmeId: id() }), output: ProgrammeTree },
  'tree.outline': { input: TreeOutlineInput, output: TreeOutline },
  'tree.activities': { input: TreeActivitiesInput, output: z.array(OutlineActivityRow) },
  'tree.reorder': { input: ReorderInput, output: z.null() },
  'line.get': { input: byId, output: ProgrammeLine },
  'line.create': { input: LineInput, output: ProgrammeLine },
  'line.update': { input: LineUpdate, output: ProgrammeLine },
  'line.delete': { input: byVersion, output: z.null() },
  'measure.get': { input: byId, output: MeasureDetail },
  'measure.create': { input: MeasureInput, output: MeasureDetail },
  'measure.update': { input: MeasureUpdate, output: MeasureDetail },
  'measure.delete': { input: byVersion, output: z.null() },
  'activity.get': { input: byId, output: Activity },
  'activity.create': { input: ActivityInput, output: Activity },
  'activity.update': { input: ActivityUpdate, output: Activity },
  'activity.move': { input: MoveActivityInput, output: Activity },
  'activity.delete': { input: byVersion, output: z.null() },
  'subActivity.create': { input: SubActivityInput, output: SubActivity },
  'subActivity.update': { input: SubActivityUpdate, output: SubActivity },
  'subActivity.delete': { input: byVersion, output: z.null() },
  'search.all': { input: z.strictObject({ query: z.string().max(200) }), output: SearchResult },

  // Monitoring interviews: question sets, rounds, inputs per measure, attendees, actions
  'monitoring.questions.get': { input: z.strictObject({ programmeId: id() }), output: QuestionSetView },
  'monitoring.questions.edit': { input: QuestionEditInput, output: QuestionSetView },
  'monitoring.round.list': { input: z.strictObject({ programmeId: id().optional() }), output: z.array(RoundSummary) },
  'monitoring.round.get': { input: byId, output: RoundDetail },
  'monitoring.round.create': { input: RoundInput, output: RoundDetail },
  'monitoring.round.update': { input: RoundUpdate, output: RoundDetail },
  'monitoring.round.delete': { input: byVersion, output: z.null() },
  'monitoring.interview.add': { input: InterviewAddInput, output: RoundDetail },
  'monitoring.interview.remove': { input: byVersion, output: z.null() },
  'monitoring.interview.get': { input: byId, output: InterviewDetail },
  'monitoring.interview.saveAnswers': { input: SaveAnswersRequest, output: InterviewDetail },
  'monitoring.interview.setStatus': { input: InterviewStatusInput, output: InterviewDetail },
  'monitoring.attendee.add': { input: AttendeeInput, output: Attendee },
  'monitoring.attendee.remove': { input: byVersion, output: z.null() },
  'monitoring.facts': { input: z.strictObject({ measureId: id(), asOf: isoDate(), partnerId: id().nullable().default(null) }), output: MeasureFacts },
  'monitoring.action.list': { input: ActionListInput, output: ActionList },
  'monitoring.action.create': { input: ActionInput, output: Action },
  'monitoring.action.update': { input: ActionUpdate, output: Action },
  'monitoring.action.setStatus': { input: ActionStatusInput, output: Action },
  'monitoring.action.delete': { input: byVersion, output: z.null() },
  // Money: awards, budget lines, spend, rule settings, overviews
  'budget.overview': { input: z.strictObject({ programmeId: id() }), output: BudgetOverview },
  'budget.checks': { input: z.strictObject({ programmeId: id() }), output: z.array(CheckFinding) },
  'budget.rules.update': { input: RulesUpdate, output: RuleSettings },
  'award.list': { input: z.strictObject({ programmeId: id() }), output: z.array(Award) },
  'award.create': { input: AwardInput, output: Award },
  'award.update': { input: AwardUpdate, output: Award },
  'award.delete': { input: byVersion, output: z.null() },
  'budgetLine.list': { input: BudgetFilter, output: z.array(BudgetLine) },
  'budgetLine.get': { input: byId, output: BudgetLine },
  'budgetLine.create': { input: BudgetLineInput, output: BudgetLine },
  'budgetLine.update': { input: BudgetLineUpdate, output: BudgetLine },
  'budgetLine.delete': { input: byVersion, output: z.null() },
  'spend.list': { input: BudgetFilter.extend({ budgetLineId: id().optional() }), output: z.array(Spend) },
  'spend.create': { input: SpendInput, output: Spend },
  'spend.update': { input: SpendUpdate, output: Spend },
  'spend.delete': { input: byVersion, output: z.null() },
  // Long money lists one page at a time (issue 13)
  'budgetLine.page': { input: BudgetLinePageInput, output: BudgetLinePage },
  'spend.page': { input: SpendPageInput, output: SpendPage },
  // Targets and results
  'results.forActivity': { input: z.strictObject({ activityId: id() }), output: ActivityResults },
  'results.forProgramme': { input: z.strictObject({ programmeId: id(), measureId: id().optional(), page: z.number().int().min(0).max(100_000).optional() }), output: ProgrammeSummary },
  'results.thresholds': { input: ThresholdsUpdate, output: ThresholdsView },
  'indicator.get': { input: byId, output: IndicatorView },
  'indicator.create': { input: IndicatorInput, output: IndicatorView },
  'indicator.update': { input: IndicatorUpdate, output: IndicatorView },
  'indicator.delete': { input: byVersion, output: z.null() },
  'target.create': { input: TargetInput, output: IndicatorView },
  'target.revise': { input: TargetRevise, output: IndicatorView },
  'measurement.create': { input: MeasurementInput, output: IndicatorView },
  'measurement.delete': { input: byVersion, output: z.null() },
  'regionFigure.list': { input: none, output: z.array(RegionFigure) },
  'regionFigure.save': { input: z.strictObject({ rows: z.array(RegionFigureInput).min(1).max(500) }), output: z.array(RegionFigure) },
  'regionFigure.delete': { input: byVersion, output: z.null() },

  // History, trash and undo (for every kind of record)
  'history.forEntity': { input: z.strictObject({ entity: z.string().min(1).max(64), id: id() }), output: z.array(HistoryEntry) },
  'history.recent': { input: z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }), output: z.array(HistoryEntry) },
  'history.feed': { input: HistoryFeedInput, output: HistoryFeed },
  'history.undo': { input: UndoInput, output: UndoResult },
  'history.redo': { input: UndoInput, output: UndoResult },
  'history.stack': { input: none, output: StackState },
  'trash.list': { input: none, output: z.array(TrashItem) },
  'trash.restore': { input: z.strictObject({ changeSetId: z.number().int() }), output: z.null() },

  // Excel exchange: files cross as base64 (the browser host has no file system access)
  'exchange.export': { input: ExportRequest, output: ExportResult },
  'exchange.plan': { input: ExchangeFile.strict(), output: ImportPlan },
  'exchange.apply': { input: ExchangeFile.extend({ choices: ConflictChoices.default({}), sha256: z.string().max(64).optional() }).strict(), output: ImportResult },
  'exchange.errors': { input: ExchangeFile.strict(), output: ExchangeFile },
  'exchange.lastImport': { input: none, output: LastImport.nullable() },
  'exchange.undoImport': { input: none, output: UndoResult },

  // ---- The Word plan (issue 15): preview with the user's corrections, one import, export in the template
  'plan.preview': { input: PlanImportInput, output: PlanPreview },
  'plan.import': { input: PlanImportInput, output: PlanImportResult },
  'plan.export': { input: PlanExportInput, output: ExchangeFile },
  'exchange.newWorkspace': { input: z.strictObject({ fileName: fileName(), file: ExchangeFile.strict() }), output: WorkspaceInfo },

  // DUO's VSV files: a dry run, then the same file applied (with the sha256 the screen was shown)
  'duo.plan': { input: DuoInput, output: DuoPlan },
  'duo.apply': { input: DuoApplyInput, output: DuoResult },

  // Privacy: confirming the guard's softer signal, the Privacycontrole, erasure (issue 11)
  'privacy.confirm': { input: z.strictObject({ items: z.array(PrivacyConfirmInput).min(1).max(100) }), output: z.null() },
  'privacy.scan': { input: none, output: PrivacyScan },
  'privacy.deleteBackups': { input: z.strictObject({ files: z.array(z.string().min(1).max(1000)).min(1).max(500) }), output: z.array(BackupRef) },
  'trash.erase': { input: z.strictObject({ changeSetId: z.number().int() }), output: ErasureOutcome },
  'trash.empty': { input: none, output: ErasureOutcome },
  'history.eraseField': { input: z.strictObject({ entity: z.string().min(1).max(60), id: id(), field: z.string().min(1).max(60) }), output: ErasureOutcome },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type In<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives after validation. */
export type ParsedIn<C extends Channel> = z.output<Contract[C]['input']>;
export type Out<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the core may push to the screens (menu actions in the desktop shell). */
export const events = ['workspace-changed', 'navigate'] as const;
export type AppEvent = (typeof events)[number];
