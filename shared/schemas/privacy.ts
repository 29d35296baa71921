import { z } from 'zod';

/** One confirmation of the privacy guard's softer signal, as the core asked for it (AppError.confirm). */
export const PrivacyConfirmInput = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  entity: z.string().min(1).max(60),
  field: z.string().min(1).max(60),
  message: z.string().max(2000).optional(),
});

/** A backup file that may still hold erased data (it was made before the erasure). */
export const BackupRef = z.object({
  file: z.string(),
  name: z.string(),
  madeAt: z.string(),
  bytes: z.number().int(),
});
export type BackupRef = z.infer<typeof BackupRef>;

/** What an erasure did: records gone, history scrubbed, the file's bytes, and backups that still hold it. */
export const ErasureOutcome = z.object({
  records: z.number().int(),
  changeSets: z.number().int(),
  /** The -wal file was emptied after the file was compacted: the bytes are gone from both. */
  walEmptied: z.boolean(),
  backups: z.array(BackupRef),
});
export type ErasureOutcome = z.infer<typeof ErasureOutcome>;

export const PrivacyHit = z.object({
  /** data: a record as it is now; trash: a record in the Prullenbak; history: an old value or a label. */
  place: z.enum(['data', 'trash', 'history']),
  entity: z.string(),
  entityId: z.string(),
  /** The field, or "label" for the description of a change in the history. */
  field: z.string(),
  kind: z.enum(['bsn', 'birthDate', 'address', 'personName']),
  severity: z.enum(['refuse', 'confirm']),
  /** The text around the finding, every finding masked. */
  excerpt: z.string(),
  /** What the record is called (masked too). */
  record: z.string(),
  /** How many times the history holds this (history hits). */
  count: z.number().int(),
  /** The Prullenbak item to erase (trash hits). */
  trashChangeSetId: z.number().int().nullable(),
  /** The screen where the record can be fixed (data hits). */
  route: z.array(z.string()).nullable(),
});
export type PrivacyHit = z.infer<typeof PrivacyHit>;

export const PrivacyScan = z.object({
  hits: z.array(PrivacyHit),
  /** Texts that seemed to name a young person and that a user confirmed: not hits. */
  confirmed: z.number().int(),
  records: z.number().int(),
  changes: z.number().int(),
  /** Backups of this workspace: the scan does not look inside, an erasure lists those that hold erased data. */
  backups: z.array(BackupRef),
});
export type PrivacyScan = z.infer<typeof PrivacyScan>;
