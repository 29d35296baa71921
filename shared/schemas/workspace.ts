import { z } from 'zod';
import { t } from '../i18n/nl';
import { tooLong } from './fields';

export const Region = z.object({ number: z.number().int(), name: z.string(), contactMunicipality: z.string().nullable() });
export type Region = z.infer<typeof Region>;

export const WorkspaceInfo = z.object({
  path: z.string(),
  fileName: z.string(),
  region: Region,
  schemaVersion: z.number().int(),
  isExample: z.boolean(),
  /** The read-only banner ("Alleen-lezen: … U kunt kijken en exporteren, niet wijzigen."), or null. */
  readOnly: z.string().nullable(),
  /** On a network location (rollback journal instead of WAL). */
  network: z.boolean(),
  /** An interrupted write was rolled back on opening. */
  recovered: z.boolean(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const RecentFile = z.object({
  path: z.string(),
  fileName: z.string(),
  regionLabel: z.string().nullable(),
  lastOpened: z.string(),
  exists: z.boolean(),
});
export type RecentFile = z.infer<typeof RecentFile>;

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  userName: z.string(),
  osUserName: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  /** The core's today (electron/core/clock.ts), so the screens use the same date as the rules. */
  today: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A file name typed by the user for a new workspace; the folder is always the data folder. */
export const fileName = () =>
  z
    .string({ error: t('val.fileName') })
    .trim()
    .regex(/^[\p{L}\p{N} _-]{1,80}$/u, t('val.fileName'));

export const regionNumber = () => z.number({ error: t('val.region') }).int(t('val.region')).min(1, t('val.region')).max(40, t('val.region'));

export const Settings = z.object({ userName: z.string().trim().max(100, tooLong(100)) });
export type Settings = z.infer<typeof Settings>;
