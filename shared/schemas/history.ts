import { z } from 'zod';
import { id } from './fields';
import { t } from '../i18n/nl';

/** A value as it was or became: history stores plain JSON values. */
const Json = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const FieldChange = z.object({
  field: z.string(),
  old: Json,
  new: Json,
  /** How a person reads a referenced id (a measure's code and name), when the value is one. */
  oldLabel: z.string().optional(),
  newLabel: z.string().optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** What happened to one record in a change. */
export const HistoryOp = z.enum(['create', 'update', 'delete', 'restore', 'purge']);

export const HistoryEntry = z.object({
  changeSetId: z.number().int(),
  at: z.string(),
  user: z.string(),
  label: z.string(),
  action: z.string(),
  source: z.string().nullable(),
  undone: z.boolean(),
  entity: z.string(),
  entityId: z.string(),
  /** What the record is called now (or was called, when it is gone). */
  itemLabel: z.string(),
  op: HistoryOp,
  changes: z.array(FieldChange),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const TrashItem = z.object({
  changeSetId: z.number().int(),
  entity: z.string(),
  entityId: z.string(),
  label: z.string(),
  deletedAt: z.string(),
  user: z.string(),
  childCount: z.number().int(),
});
export type TrashItem = z.infer<typeof TrashItem>;

/**
 * Ctrl+Z / Ctrl+Shift+Z: either done, or (for more than 25 records) the question to ask first;
 * the screen then repeats the call with this changeSetId.
 */
export const UndoResult = z.object({
  status: z.enum(['done', 'confirm']),
  changeSetId: z.number().int(),
  /** The user's action it reverses ("Import uit werkbestand.xlsx"). */
  label: z.string(),
  /** "1.142 records worden verwijderd." */
  summary: z.string(),
  records: z.number().int(),
  question: z.string().optional(),
});
export type UndoResult = z.infer<typeof UndoResult>;

/** Input of history.undo and history.redo: changeSetId confirms the change set the question named. */
export const UndoInput = z.strictObject({ changeSetId: z.number().int().min(1).optional() });

export const StackState = z.object({ undo: z.string().nullable(), redo: z.string().nullable() });

// ---- The Geschiedenis screen: one entry per user action (change set), values as people read them

/** A field's change as the screen shows it: the Dutch label, old and new as read (long texts shortened, full text apart). */
export const ShownChange = z.object({
  field: z.string(),
  label: z.string(),
  old: z.string(),
  new: z.string(),
  oldFull: z.string().optional(),
  newFull: z.string().optional(),
});
export type ShownChange = z.infer<typeof ShownChange>;

export const HistoryItem = z.object({
  entity: z.string(),
  /** "Maatregel" */
  entityName: z.string(),
  entityId: z.string(),
  itemLabel: z.string(),
  op: HistoryOp,
  changes: z.array(ShownChange),
});
export type HistoryItem = z.infer<typeof HistoryItem>;

export const HistorySet = z.object({
  changeSetId: z.number().int(),
  /** ISO instant; the screen shows it as dd-mm-jjjj uu:mm. */
  at: z.string(),
  user: z.string(),
  /** What the user did, in Dutch ("Input 2a Instroomloket 16+ ingediend"). */
  label: z.string(),
  action: z.string(),
  source: z.string().nullable(),
  undone: z.boolean(),
  /** Where it happened: the programme, round, measure, activity … of its main record, outermost first. */
  where: z.array(z.object({ entity: z.string(), entityName: z.string(), label: z.string() })),
  /** How many records it touched, and per kind and operation. */
  records: z.number().int(),
  summary: z.array(z.object({ entity: z.string(), entityName: z.string(), op: z.string(), n: z.number().int() })),
  /** The first records it touched, with their field changes; `moreItems` were left out. */
  items: z.array(HistoryItem),
  moreItems: z.number().int(),
});
export type HistorySet = z.infer<typeof HistorySet>;

const instant = () => z.string({ error: t('val.date') }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { error: t('val.date') });

export const HistoryFeedInput = z.strictObject({
  limit: z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(1, t('val.number')).max(200, t('val.number')).default(40),
  /** Older than this change set (the next page). */
  before: z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(1, t('val.number')).optional(),
  user: z.string({ error: t('val.notText') }).max(200).optional(),
  /** From this instant (inclusive) up to `to` (exclusive); the screen sends local midnights. */
  from: instant().optional(),
  to: instant().optional(),
  /** Only actions that touched this record. */
  entity: z.string({ error: t('val.notText') }).min(1).max(64).optional(),
  id: id().optional(),
});
export type HistoryFeedInput = z.input<typeof HistoryFeedInput>;

export const HistoryFeed = z.object({
  sets: z.array(HistorySet),
  /** Older entries exist (ask again with `before`). */
  more: z.boolean(),
  /** Everyone who changed something in this workspace, for the person filter. */
  users: z.array(z.string()),
  /** The record filtered on, named. */
  record: z.object({ entity: z.string(), entityName: z.string(), label: z.string() }).nullable(),
});
export type HistoryFeed = z.infer<typeof HistoryFeed>;
