/**
 * Importing DUO's VSV files (CSV or XLSX): what the screen sends (the file and the user's choices)
 * and what the dry run answers (how the file was read, the column mapping, per row what happens,
 * per region figure new / changed / unchanged). The reading itself is electron/core/duo/.
 */
import { z } from 'zod';
import { choice } from './fields';
import { ExchangeFile } from './exchange';
import { MEASUREMENT_STATUSES } from '../results/types';
import { ONDERWIJSSOORTEN } from './results';

/** What a column of a DUO file can mean. */
export const DUO_FIELDS = ['schoolYear', 'onderwijssoort', 'students', 'leavers', 'percentage', 'nationalNorm', 'status', 'regionCode', 'regionName', 'municipality', 'brin'] as const;
export type DuoField = (typeof DUO_FIELDS)[number];
/** Without these a file cannot be read; besides, one of regionCode, regionName or municipality. */
export const DUO_REQUIRED = ['schoolYear', 'onderwijssoort', 'students', 'leavers'] as const satisfies readonly DuoField[];
export const DUO_REGION_FIELDS = ['regionCode', 'regionName', 'municipality'] as const satisfies readonly DuoField[];

/** A single year ("2016") is the school year it starts (2016/2017) or ends (2015/2016). */
export const YEAR_IS = ['begin', 'eind'] as const;

/** Per field the header (as found in the file) of the column that holds it; null: no such column. */
export const DuoMapping = z.partialRecord(z.enum(DUO_FIELDS), z.string().max(200).nullable());
export type DuoMapping = z.infer<typeof DuoMapping>;

export const DuoOptions = z.strictObject({
  /** Voorlopig or definitief for the whole file, when the file has no status column. */
  status: choice(MEASUREMENT_STATUSES).nullable().default(null),
  /** The user's corrections of the column mapping; fields left out keep the automatic choice. */
  mapping: DuoMapping.nullable().default(null),
  yearIs: choice(YEAR_IS).nullable().default(null),
});
export type DuoOptions = z.input<typeof DuoOptions>;

export const DuoInput = ExchangeFile.extend({ options: DuoOptions.default({ status: null, mapping: null, yearIs: null }) }).strict();
export const DuoApplyInput = DuoInput.extend({ sha256: z.string().max(64).optional() }).strict();

const counts = z.number().nullable();

export const DuoRow = z.object({
  /** The row as Excel numbers it (the header is row 1 when it is the first line). */
  row: z.number().int(),
  outcome: z.enum(['used', 'suppressed', 'skipped', 'error', 'pending']),
  /** The figure the row counts in ("2016/2017 mbo 2 voorlopig"). */
  figure: z.string().nullable(),
  /** Dutch, with row and column where it matters. */
  messages: z.array(z.string()),
});
export type DuoRow = z.infer<typeof DuoRow>;

export const DuoFigure = z.object({
  key: z.string(),
  schoolYear: z.string(),
  onderwijssoort: z.enum(ONDERWIJSSOORTEN),
  status: z.enum(MEASUREMENT_STATUSES),
  students: counts,
  leavers: counts,
  percentage: counts,
  nationalNorm: counts,
  rows: z.array(z.number().int()),
  /** Fields DUO suppressed for privacy in one of the rows: they stay empty. */
  suppressed: z.array(z.enum(['students', 'leavers', 'percentage'])),
  outcome: z.enum(['new', 'changed', 'unchanged', 'rejected']),
  old: z.object({ students: counts, leavers: counts, percentage: counts, nationalNorm: counts }).nullable(),
  messages: z.array(z.string()),
});
export type DuoFigure = z.infer<typeof DuoFigure>;

export const DuoPlan = z.object({
  fileName: z.string(),
  sha256: z.string(),
  format: z.object({
    kind: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'windows-1252', 'utf-16']).nullable(),
    separator: z.enum([';', ',', '\t']).nullable(),
    decimal: z.enum([',', '.']),
    thousands: z.enum(['.', ',']).nullable(),
    sheet: z.string().nullable(),
    headerRow: z.number().int(),
  }),
  headers: z.array(z.string()),
  headerKey: z.string(),
  mapping: DuoMapping,
  mappingFrom: z.enum(['auto', 'remembered', 'user']),
  /** Required fields without a column: the mapping step must name them. */
  missing: z.array(z.enum(DUO_FIELDS)),
  region: z.object({ number: z.number().int(), name: z.string() }),
  regionBy: z.enum(['regionCode', 'regionName', 'municipality']).nullable(),
  otherRegions: z.array(z.object({ label: z.string(), rows: z.number().int() })),
  status: z.enum(MEASUREMENT_STATUSES).nullable(),
  statusFrom: z.enum(['column', 'fileName', 'choice']).nullable(),
  /** The file writes years as one number: the user says whether it is the start or the end. */
  singleYears: z.boolean(),
  yearIs: z.enum(YEAR_IS).nullable(),
  rows: z.array(DuoRow),
  figures: z.array(DuoFigure),
  counts: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), rowsUsed: z.number().int(), rowsOtherRegion: z.number().int(), rowsSkipped: z.number().int(), rowsError: z.number().int() }),
  /** Why nothing can be imported yet (Dutch); empty when the file can be applied. */
  problems: z.array(z.string()),
  notices: z.array(z.string()),
});
export type DuoPlan = z.infer<typeof DuoPlan>;

export const DuoResult = z.object({ plan: DuoPlan, applied: z.number().int(), changeSetId: z.number().int().nullable() });
export type DuoResult = z.infer<typeof DuoResult>;
