import { z } from 'zod';

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
  op: z.enum(['create', 'update', 'delete', 'restore', 'purge']),
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
