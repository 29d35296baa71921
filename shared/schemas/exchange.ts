/** The Excel exchange as the screens see it: export requests, the dry-run plan of an import, its result. */
import { z } from 'zod';
import { t } from '../i18n/nl';

export const ROW_STATUSES = ['new', 'changed', 'unchanged', 'conflict', 'rejected'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export const PlanIssue = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  /** Column letter in the file ("D"). */
  col: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
  /** The message with its place: 'Blad "Programma's", rij 4, kolom "Einddatum" (D): …'. */
  text: z.string(),
});
export type PlanIssue = z.infer<typeof PlanIssue>;

export const PlanChange = z.object({
  key: z.string(),
  header: z.string(),
  old: z.string(),
  new: z.string(),
  /** For a conflict: the value in Regieboek now (changed since the file was made). */
  conflict: z.boolean(),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const PlanRow = z.object({
  /** "sheet!id": what a choice for a conflicting row refers to. */
  key: z.string(),
  sheet: z.string(),
  row: z.number().int(),
  kind: z.string(),
  id: z.string(),
  label: z.string(),
  status: z.enum(ROW_STATUSES),
  changes: z.array(PlanChange),
  issues: z.array(PlanIssue),
  notes: z.array(PlanIssue),
});
export type PlanRow = z.infer<typeof PlanRow>;

export const PlanCounts = z.object({ new: z.number(), changed: z.number(), unchanged: z.number(), conflict: z.number(), rejected: z.number() });
export type PlanCounts = z.infer<typeof PlanCounts>;

export const ImportPlan = z.object({
  fileName: z.string(),
  fileKind: z.enum(['workspace', 'partner']),
  formatVersion: z.number().int(),
  region: z.string(),
  exportedAt: z.string().nullable(),
  partner: z.string().nullable(),
  sha256: z.string(),
  counts: PlanCounts,
  rows: z.array(PlanRow),
  notices: z.array(PlanIssue),
});
export type ImportPlan = z.infer<typeof ImportPlan>;

export const ImportResult = z.object({
  plan: ImportPlan,
  applied: z.number().int(),
  changeSetId: z.number().int().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const EXPORT_KINDS = ['workspace', 'steering', 'partner'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A file crossing the bridge: base64 content (the browser host has no file system access). */
/** The bridge carries a file as base64: four characters for every three bytes. */
const BASE64_MAX = 30 * 1024 * 1024;
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });

export const ExchangeFile = z.object({
  fileName: z.string().trim().min(1).max(255),
  // Said in megabytes of the file the user chose, never in base64 characters.
  base64: z.string().max(BASE64_MAX, {
    error: (issue: { input?: unknown }) =>
      t('val.fileTooBig', { size: typeof issue.input === 'string' ? megabytes((issue.input.length * 3) / 4) : '?', max: megabytes((BASE64_MAX * 3) / 4) }),
  }),
});
export type ExchangeFile = z.infer<typeof ExchangeFile>;

/** Per conflicting row (PlanRow.key): take the file's value or keep Regieboek's (the default). */
export const ConflictChoices = z.record(z.string(), z.enum(['file', 'keep']));
export type ConflictChoices = z.infer<typeof ConflictChoices>;

/** What a partner request asks (electron/core/excel/partner.ts and partner-inputs.ts). */
export const PARTNER_SECTION_NAMES = ['activities', 'programmes', 'measurements', 'spend', 'monitoring'] as const;

export const ExportRequest = z.strictObject({
  kind: z.enum(EXPORT_KINDS),
  partner: z.string().trim().max(200).optional(),
  /** Several partners at once: one workbook each (in `files`). */
  partners: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  period: z.string().trim().max(50).optional(),
  /** Monitoring round (id or name) the request is about (the Monitoring section); default the newest round. */
  round: z.string().trim().max(200).optional(),
  /** Partner request sections; default the activities. */
  sections: z.array(z.enum(PARTNER_SECTION_NAMES)).min(1).max(PARTNER_SECTION_NAMES.length).optional(),
});

/** The export: the (first) file, and every file when several partners were asked for. */
export const ExportResult = ExchangeFile.extend({ files: z.array(ExchangeFile) });
export type ExportResult = z.infer<typeof ExportResult>;
export type ExportRequest = z.infer<typeof ExportRequest>;

/** The last import that can still be undone as a whole (it is the newest change). */
export const LastImport = z.object({
  changeSetId: z.number().int(),
  at: z.string(),
  user: z.string(),
  source: z.string(),
  label: z.string(),
  changes: z.number().int(),
  /** Only the newest change can be undone (Ctrl+Z order). */
  undoable: z.boolean(),
});
export type LastImport = z.infer<typeof LastImport>;
