/**
 * The partner data request (uitvraag): one workbook per partner with only what they are asked
 * about. Known values are pre-filled, input cells are unlocked and shaded, everything else is
 * protected, statuses and categories are dropdowns, each header explains itself in a comment, the
 * ids are in a hidden column and the first sheet tells the partner in Dutch what to do.
 *
 * A section is one sheet built from a record kind: which rows (for this partner and period),
 * which columns are shown and which of those the partner fills in. The returned file is read by
 * the same import pipeline (import.ts): only the editable columns are compared, ids that are not
 * in the workspace are rejected, nothing is created.
 */
import { compareCodes } from '../../../shared/natsort';
import type { SheetWriter, WorkbookWriter, WStyle, WValidation } from './xlsx/writer';
import { partnerDescription } from '../../../shared/partners/names';
import { kindByName, type Db, type RecordKind } from './kinds';
import { FORMAT_VERSION, runningProgrammes, workspaceRegion, writeInfoSheet } from './info';
import { printSetup, rowHeight, writeTable, type ColumnSpec, type Row } from './sheets';
import { newWorkbook, type ExportContext } from './workspace-book';
import { colLetter } from './cells';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';
import { findRound, inputSections, LOCKED } from './partner-inputs';
import { nowIso } from '../clock';

export interface PartnerRequest {
  /** The partner (organisation) the workbook is for. */
  partner: string;
  /** Round or period the request is about, e.g. "2025/2026" (free text until issue 5 adds rounds). */
  period?: string;
  /** Monitoring round (id or name) for the "monitoring" section; default the newest round. */
  round?: string;
  /** Section names to include (record sections and input sections "measurements", "spend", "monitoring"); default the record sections that are not optional; input sections only when named. */
  sections?: readonly string[];
}

export interface PartnerSection {
  /** Stable name, used in requests ("programmes", later "measurements", "spend", "monitoring"). */
  name: string;
  /** Record kind the rows belong to (its id column is written hidden). */
  kind: string;
  /** Sheet name: part of the file format. */
  sheet: string;
  /** Columns shown, in order; editable ones are unlocked for the partner. */
  columns: readonly { key: string; editable: boolean }[];
  /** What the partner is asked, for the instructions sheet. */
  instructions: string;
  /** Only included when a request names it in `sections`. */
  optional?: boolean;
  /** The rows of this partner for this request. */
  rows(db: Db, req: PartnerRequest, kind: RecordKind): Promise<Row[]>;
}

/** The organisation a request is for, by name (case-insensitive) or id; null when the workspace has no partners yet. */
export async function findPartner(db: Db, partner: string): Promise<{ id: string; name: string } | null> {
  const orgs = await db.selectFrom('organisation').select(['id', 'name', 'brin', 'kvk', 'place']).where('deletedAt', 'is', null).orderBy('name').execute();
  if (!orgs.length) return null;
  const want = partner.trim().toLowerCase();
  const byId = orgs.find((o) => o.id === partner.trim());
  if (byId) return { id: byId.id, name: byId.name };
  const named = orgs.filter((o) => o.name.trim().toLowerCase() === want);
  // Two partners with this name: never pick one silently; say which there are.
  if (named.length > 1) throw new UserError('invalid_input', t('xl.partner.ambiguous', { partner, n: named.length, list: named.map(partnerDescription).join('; ') }), 'partner');
  const hit = named[0] ? { id: named[0].id, name: named[0].name } : undefined;
  if (!hit) throw new UserError('invalid_input', t('xl.partner.unknown', { partner, names: orgs.map((o) => o.name).join(', ') }), 'partner');
  return hit;
}

const ids = (v: unknown) => String(v ?? '').split('\n').filter(Boolean);

/**
 * The sections that exist now. "activities": the running and planned activities where the partner
 * is penvoerder or uitvoerder (of the activity or of its measure); the partner confirms the status
 * and describes the results so far. "programmes" (only on request) lets a partner confirm the
 * status of the running programmes. Issues 4-5 add spend, measurements and monitoring answers.
 */
export const partnerSections: PartnerSection[] = [
  {
    name: 'activities',
    kind: 'activity',
    sheet: t('xlh.activity.sheet'),
    columns: [
      { key: 'id', editable: false },
      { key: 'measureName', editable: false },
      { key: 'code', editable: false },
      { key: 'name', editable: false },
      { key: 'startDate', editable: false },
      { key: 'endDate', editable: false },
      { key: 'status', editable: true },
      { key: 'resultsGeneral', editable: true },
    ],
    instructions: t('xl.partner.section.activities'),
    rows: async (db, req, kind) => {
      const org = await findPartner(db, req.partner);
      if (!org) return [];
      const measures = await db.selectFrom('measure').select(['id', 'code', 'leadOrganisationId', 'executorIds']).where('deletedAt', 'is', null).execute();
      const viaMeasure = new Set(measures.filter((m) => m.leadOrganisationId === org.id || (JSON.parse(m.executorIds) as string[]).includes(org.id)).map((m) => m.id));
      const measureCode = new Map(measures.map((m) => [m.id, m.code]));
      const rows = (await kind.list(db)).filter(
        (r) => r.status !== 'afgerond' && r.status !== 'gestopt' && (r.leadOrganisationId === org.id || ids(r.executorIds).includes(org.id) || viaMeasure.has(String(r.measureId))),
      );
      // In plan order (measure code, then activity code), as the partner knows the plan.
      const code = (v: unknown) => String(v ?? '');
      return rows.sort(
        (a, b) => compareCodes(code(measureCode.get(String(a.measureId))), code(measureCode.get(String(b.measureId)))) || compareCodes(code(a.code), code(b.code)),
      );
    },
  },
  {
    name: 'programmes',
    kind: 'programme',
    sheet: t('xlh.programme.sheet'),
    optional: true,
    columns: [
      { key: 'id', editable: false },
      { key: 'name', editable: false },
      { key: 'periodStart', editable: false },
      { key: 'periodEnd', editable: false },
      { key: 'status', editable: true },
      { key: 'notes', editable: true },
    ],
    instructions: t('xl.partner.section.programmes'),
    rows: async (db, _req, kind) => (await kind.list(db)).filter((r) => r.status !== 'afgerond'),
  },
];

export function sectionColumns(s: PartnerSection): { kind: RecordKind; columns: ColumnSpec[]; editable: Set<string> } {
  const kind = kindByName(s.kind);
  if (!kind) throw new Error(`Unknown record kind ${s.kind}`);
  const columns = s.columns.map((c) => {
    const spec = kind.columns.find((k) => k.key === c.key);
    if (!spec) throw new Error(`Unknown column ${c.key} of ${s.kind}`);
    return spec;
  });
  return { kind, columns, editable: new Set(s.columns.filter((c) => c.editable).map((c) => c.key)) };
}

const nlNumber = (n: number) => n.toLocaleString('nl-NL');

/**
 * The data validation of an input column: one rule over the column's cells, and an error text
 * that says exactly what the rule allows (a number of 0 or more, a whole number, a date in range).
 */
export function validationFor(spec: ColumnSpec): WValidation | null {
  const base = { allowBlank: true, errorTitle: spec.header };
  switch (spec.type) {
    case 'choice':
      return spec.choices ? { ...base, type: 'list', allowBlank: !spec.required, formulae: [`"${spec.choices.map((c) => c.label).join(',')}"`], error: t('xl.partner.pickFromList') } : null;
    case 'int':
      return spec.allowNegative
        ? { ...base, type: 'whole', operator: 'between', formulae: [-1_000_000_000, 1_000_000_000], error: t('xl.partner.wholeNumber') }
        : { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: t('xl.partner.wholeNumberNotNegative') };
    case 'money':
    case 'decimal':
      return spec.allowNegative
        ? { ...base, type: 'decimal', operator: 'between', formulae: [-1e12, 1e12], error: t('xl.partner.number', { max: nlNumber(1e12) }) }
        : { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: t('xl.partner.numberNotNegative') };
    case 'date':
      return { ...base, type: 'date', operator: 'between', formulae: [32_874, 73_415], error: t('xl.partner.dateOnly') };
    default:
      return null;
  }
}

/** One validation per input column, over the rows of the table (never per cell, never twice). */
function addValidations(ws: SheetWriter, columns: readonly ColumnSpec[], editable: ReadonlySet<string>, rows: number): void {
  columns.forEach((c, i) => {
    if (!editable.has(c.key)) return;
    const v = validationFor(c);
    if (v) ws.validate(`${colLetter(i + 1)}2:${colLetter(i + 1)}${Math.max(rows + 1, 2)}`, v);
  });
}

const TITLE: WStyle = { bold: true, size: 14, wrap: true, vertical: 'top' };
const LINE: WStyle = { wrap: true, vertical: 'top' };

export async function buildPartnerWorkbook(db: Db, req: PartnerRequest, ctx: ExportContext): Promise<WorkbookWriter> {
  const partner = req.partner.trim();
  if (!partner) throw new UserError('invalid_input', t('xl.partner.needPartner'));
  const at = ctx.at ?? nowIso();
  const region = await workspaceRegion(db);
  const sections = partnerSections.filter((s) => (req.sections ? req.sections.includes(s.name) : !s.optional));
  const org = await findPartner(db, partner);
  const round = req.sections?.includes('monitoring') ? await findRound(db, req.round) : null;
  const wb = newWorkbook(at);

  const help = wb.addSheet(t('xl.sheet.instructions'));
  const lines = [
    t('xl.partner.title', { partner: org?.name ?? partner, region: region.label }),
    req.period ? t('xl.partner.period', { period: req.period }) : '',
    round ? t('xl.partner.round', { round: round.name }) : '',
    '',
    t('xl.partner.intro'),
    t('xl.partner.howInput'),
    t('xl.partner.howDropdown'),
    t('xl.partner.howNumbers'),
    t('xl.partner.noPersonalData'),
    t('xl.partner.doNotChange'),
    '',
    ...sections.map((s) => `${s.sheet}: ${s.instructions}`),
    ...inputSections.filter((s) => req.sections?.includes(s.name)).map((s) => `${s.sheet}: ${s.instructions}`),
  ];
  // One column as wide as a landscape page, so the instructions print at full size.
  const width = 105;
  lines.forEach((l, i) => {
    help.set(i + 1, 1, l, i === 0 ? TITLE : LINE);
    const h = rowHeight([{ text: l, width }], i === 0 ? 14 : 11);
    if (h) help.height(i + 1, h);
  });
  help.col(1, { width });
  help.page = { landscape: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } };
  help.protect();

  const info = wb.addSheet(t('xl.sheet.info'));
  const built = sections.map((s) => ({ s, ...sectionColumns(s) }));
  const inputs = inputSections.filter((s) => req.sections?.includes(s.name));
  writeInfoSheet(
    info,
    {
      kind: 'partner',
      formatVersion: FORMAT_VERSION,
      regionNumber: region.number,
      regionLabel: region.label,
      madeAt: at,
      madeBy: ctx.user,
      source: ctx.source,
      partner: org?.name ?? partner,
      programmes: await runningProgrammes(db),
      sheets: [...built.map((b) => b.s.sheet), ...inputs.map((s) => s.sheet)],
    },
    [...built.map((b) => ({ sheet: b.s.sheet, columns: b.columns })), ...inputs.map((s) => ({ sheet: s.sheet, columns: s.columns }))],
  );
  info.protect();

  for (const b of built) {
    const ws = wb.addSheet(b.s.sheet);
    const rows = await b.s.rows(db, req, b.kind);
    writeTable(ws, b.columns, rows, { headerNotes: true, editable: b.editable, hidden: new Set([b.kind.idKey]), fitRows: true });
    addValidations(ws, b.columns, b.editable, rows.length);
    printSetup(ws, { title: t('xl.partner.printTitle', { partner }), region: region.label, date: at });
    ws.protect();
  }
  // Input sections: a filled-in row becomes a new measurement or spend record (partner-inputs.ts).
  for (const s of inputs) {
    const ws = wb.addSheet(s.sheet);
    const rows = org ? await s.rows(db, org, { period: req.period, round: round?.id, at }) : [];
    writeTable(ws, s.columns, rows, {
      headerNotes: true,
      editable: s.editable,
      hidden: new Set([s.parentKey]),
      fitRows: true,
      ruleOf: s.ruleFor ? (r, c) => s.ruleFor!(c, r[s.unitKey ?? ''] === undefined ? undefined : String(r[s.unitKey ?? ''])) : undefined,
      locked: (r) => r[LOCKED] === true,
    });
    addValidations(ws, s.columns, s.editable, rows.length);
    printSetup(ws, { title: t('xl.partner.printTitle', { partner }), region: region.label, date: at });
    ws.protect();
  }
  return wb;
}

export async function exportPartner(db: Db, req: PartnerRequest, ctx: ExportContext): Promise<Buffer> {
  return (await buildPartnerWorkbook(db, req, ctx)).toBuffer();
}
