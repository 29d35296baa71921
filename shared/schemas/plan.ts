/**
 * The Word plan as the screens see it: what the reader found (blocks), what the user changed in
 * the preview (choices), the preview itself (tree, questions found, unplaced text, suggestions,
 * and per record what an import would do), and the export request.
 */
import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './fields';
import { ExchangeFile } from './exchange';
import { PLAN_FIELD_NAMES, type PlanField } from '../plan/template';

export const PlanParagraph = z.object({
  kind: z.literal('p'),
  id: z.number().int(),
  text: z.string(),
  /** Style name in lower case ("heading 2", "kop 2", "normal"). */
  style: z.string(),
  /** 0 title, 1-9 heading or outline level, null body text. */
  headingLevel: z.number().int().nullable(),
  /** The number Word shows (from numbering.xml), or a bullet. */
  num: z.object({ text: z.string(), level: z.number().int(), bullet: z.boolean() }).nullable(),
  bold: z.boolean(),
  italic: z.boolean(),
  toc: z.boolean(),
});
export const PlanTable = z.object({ kind: z.literal('table'), id: z.number().int(), rows: z.array(z.array(z.string())) });
export const PlanBlock = z.discriminatedUnion('kind', [PlanParagraph, PlanTable]);
export type PlanBlock = z.infer<typeof PlanBlock>;
export type PlanParagraph = z.infer<typeof PlanParagraph>;

/** What the user makes of a heading or paragraph; 'merge' joins an activity to the one before it. */
export const PLAN_LEVELS = ['line', 'measure', 'single', 'activity', 'text', 'merge', 'skip'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];
export const PLAN_ITEM_KINDS = ['line', 'measure', 'single', 'activity'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

const planField = z.enum(PLAN_FIELD_NAMES as [PlanField, ...PlanField[]]);
/** A paragraph placed by hand: under an activity (its heading's block id) and field, or skipped. */
export const PlanMove = z.union([z.strictObject({ item: z.number().int().min(0), field: planField }), z.literal('skip')]);
export type PlanMove = z.infer<typeof PlanMove>;

/** What the user changed in the preview, keyed by block id; the same file with the same choices always reads the same. */
export const PlanChoices = z.strictObject({
  levels: z.record(z.string().regex(/^\d+$/), z.enum(PLAN_LEVELS)).default({}),
  moves: z.record(z.string().regex(/^\d+$/), PlanMove).default({}),
  /** Suggestions accepted (PlanSuggestion.id). */
  suggestions: z.array(z.string().max(100)).max(2000).default([]),
  /** Re-import: the records to apply (PlanItem.key); absent: every new and changed one. */
  apply: z.array(z.string().max(100)).max(5000).optional(),
});
export type PlanChoices = z.infer<typeof PlanChoices>;
export const emptyChoices = (): PlanChoices => ({ levels: {}, moves: {}, suggestions: [] });

export const PlanSubActivity = z.object({ number: z.string(), name: z.string(), period: z.string(), intendedResult: z.string() });
export type PlanSubActivity = z.infer<typeof PlanSubActivity>;

export const PlanQuestion = z.object({
  no: z.number().int(),
  found: z.boolean(),
  /** The first words of what was placed under it. */
  preview: z.string(),
});

export const PlanPlaced = z.object({ blockId: z.number().int(), field: planField, text: z.string() });
export type PlanPlaced = z.infer<typeof PlanPlaced>;

export const PlanChange = z.object({ field: z.string(), label: z.string(), old: z.string(), new: z.string() });
export type PlanChange = z.infer<typeof PlanChange>;

export const PLAN_ITEM_STATUSES = ['new', 'changed', 'unchanged'] as const;

export const PlanItem = z.object({
  /** "b<block id>": stable for one file, used by choices. */
  key: z.string(),
  blockId: z.number().int(),
  kind: z.enum(PLAN_ITEM_KINDS),
  code: z.string(),
  name: z.string(),
  parentKey: z.string().nullable(),
  depth: z.number().int(),
  /** Where it is in the document ("alinea 12"). */
  where: z.string(),
  /** Activities (and items that are their own activity): the eleven questions. */
  questions: z.array(PlanQuestion),
  placed: z.array(PlanPlaced),
  subActivities: z.array(PlanSubActivity),
  status: z.enum(PLAN_ITEM_STATUSES),
  existingId: z.string().nullable(),
  changes: z.array(PlanChange),
  /** Problems that stop this record from being imported (too long, duplicate code, privacy). */
  issues: z.array(z.string()),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanUnplaced = z.object({ blockId: z.number().int(), text: z.string(), where: z.string() });
export type PlanUnplaced = z.infer<typeof PlanUnplaced>;

export const PLAN_SUGGESTION_KINDS = ['participants', 'indicator', 'target'] as const;

/**
 * A number from the document offered as a record, written only when the user accepts it: planned
 * participants (questions 8 and 10), an indicator with its baseline, a target for one period.
 */
export const PlanSuggestion = z.object({
  id: z.string(),
  itemKey: z.string(),
  kind: z.enum(PLAN_SUGGESTION_KINDS),
  label: z.string(),
  /** Participants and targets: the period's code ("2026/2027", "2027"); an indicator: empty. */
  period: z.string(),
  /** Participants: the count; a target: its value; an indicator: null. */
  value: z.number().nullable(),
  /** A target: the indicator suggestion it belongs to (accepting the target takes it along); null when the indicator is already in Regieboek. */
  indicatorId: z.string().nullable(),
  /** What the import writes: accepted by the user, or the indicator of an accepted target. */
  accepted: z.boolean(),
  /** Why it cannot be accepted (outside the programme, already different in Regieboek); null when it can. */
  blocked: z.string().nullable(),
  /** The text it was read from. */
  source: z.string(),
});
export type PlanSuggestion = z.infer<typeof PlanSuggestion>;

export const PlanPreview = z.object({
  fileName: z.string(),
  sha256: z.string(),
  /** Again later: a fingerprint of the programme's records as this preview saw them ('' without a programme). */
  basis: z.string(),
  /** From the cover, for a new programme. */
  title: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  /** The text under "Regionale analyse", for a new programme. */
  analysis: z.string(),
  /** The programme compared with (re-import); null: a new programme. */
  programmeId: z.string().nullable(),
  items: z.array(PlanItem),
  unplaced: z.array(PlanUnplaced),
  /** Paragraphs skipped on purpose (table of contents, the export's Regieboek overviews). */
  skipped: z.number().int(),
  suggestions: z.array(PlanSuggestion),
  /** Re-import: records in the programme the document does not have (never deleted). */
  onlyInRegieboek: z.array(z.object({ kind: z.string(), code: z.string(), name: z.string() })),
  counts: z.object({ lines: z.number(), measures: z.number(), activities: z.number(), questionsFound: z.number(), questionsTotal: z.number() }),
  /** Problems that stop the whole import. */
  issues: z.array(z.string()),
});
export type PlanPreview = z.infer<typeof PlanPreview>;

/** A new programme made by the import (when no programmeId is given). */
export const PlanNewProgramme = z.strictObject({ name: requiredText(200), periodStart: isoDate(), periodEnd: isoDate() });

export const PlanImportInput = z.strictObject({
  file: ExchangeFile,
  choices: PlanChoices.default(emptyChoices),
  programmeId: id().nullable().default(null),
  newProgramme: PlanNewProgramme.optional(),
  /** Apply: the preview the user saw was of exactly this file. */
  sha256: optionalText(64).optional(),
  /** Apply again later: the programme is as the preview the user saw found it (PlanPreview.basis). */
  basis: optionalText(64).optional(),
});
export type PlanImportInput = z.infer<typeof PlanImportInput>;

export const PlanImportResult = z.object({ preview: PlanPreview, changeSetId: z.number().int().nullable(), programmeId: z.string(), applied: z.number().int() });
export type PlanImportResult = z.infer<typeof PlanImportResult>;

export const PlanExportInput = z.strictObject({ programmeId: id() });
