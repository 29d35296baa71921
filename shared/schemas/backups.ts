import { z } from 'zod';

/** Why a backup was made; also the last part of its file name. */
export const BACKUP_REASONS = ['dagelijks', 'import', 'migratie', 'handmatig', 'herstel'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const Backup = z.object({
  file: z.string(),
  fileName: z.string(),
  /** The workspace it is a backup of. */
  workspace: z.string(),
  /** When it was made (ISO, UTC). */
  at: z.string(),
  reason: z.enum(BACKUP_REASONS),
  size: z.number().int(),
  schemaVersion: z.number().int().nullable(),
  /** Live records per kind in the backup; null when it could not be read. */
  counts: z.record(z.string(), z.number().int()).nullable(),
});
export type Backup = z.infer<typeof Backup>;

export const BackupList = z.object({ folder: z.string(), backups: z.array(Backup), policy: z.object({ maxBytes: z.number() }) });
export type BackupList = z.infer<typeof BackupList>;
