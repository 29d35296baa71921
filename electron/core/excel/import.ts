/**
 * Importing a workbook Regieboek made (workspace workbook or a partner's returned request): first a
 * dry run that says per row what would happen (new / changed / unchanged / conflict / rejected),
 * then, on request, the same plan applied in one transaction as one change set whose source is the
 * file name, so the whole import is one step in the Geschiedenis and history.undo reverses it.
 * Nothing is written by a dry run, and nothing is written at all when the file is refused.
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { cleanTexts, readBook, norm, LIMITS, type Limits } from './book';
import type { XBook, XSheet } from './xlsx/reader';
import { checkRegion, peekInfo, type FileInfo } from './info';
import { recordKinds, kindByName, sameValue, type Db, type RecordKind } from './kinds';
import { findPartner, partnerSections, sectionColumns } from './partner';
import { InputError, inputRecordId, inputSections, type InputSection, type NewRecord } from './partner-inputs';
import { describe, readTable, type ColumnSpec, type Issue, type ReadRow, type ReadTable, type Row } from './sheets';
import { colLetter, cutForExcel, CUT_MARK, type CellValue } from './cells';
import { shapeIssues } from './shape-check';
import { tracked, type Tracker } from '../history/tracker';
import { entityDef } from '../history/entities';
import { UserError } from '../errors';
import { privacyIssues, rowFindings } from '../privacy/guard';
import { findingMessage } from '../../../shared/privacy/fields';
import { formatCents } from '../../../shared/money';
import { formatDate, formatDateTime } from '../../../shared/dates';
import type { ConflictChoices, ImportPlan, ImportResult, PlanChange, PlanIssue, PlanRow, RowStatus } from '../../../shared/schemas/exchange';
import { t } from '../../../shared/i18n/nl';
import { nowIso } from '../clock';
import { looseDb } from '../db/loose';

/** One sheet the file is expected to have, and what an import may do with it. */
interface SheetSpec {
  kind: RecordKind;
  sheet: string;
  columns: readonly ColumnSpec[];
  /** Columns whose values an import compares and writes. */
  editable: ReadonlySet<string>;
  allowCreate: boolean;
  /** A partner's input section: each filled-in row creates a new child record (partner-inputs.ts). */
  input?: InputSection;
}

interface Parsed {
  fileName: string;
  book: XBook;
  info: FileInfo;
  specs: SheetSpec[];
  sha256: string;
  /** About the file as a whole: extra sheets, macros, links to other files. */
  notices: PlanIssue[];
  /** Record sheets read into typed rows (pure of the workspace, so a dry run's reading serves the apply). */
  tables: Map<SheetSpec, ReadTable>;
  /** The last dry run's plan of this file, with the state of the store it was made against. */
  planned?: { state: string; plan: ImportPlan; rows: Planned[] };
}

export interface ImportOptions {
  limits?: Limits;
}

function toPlanIssue(i: Issue): PlanIssue {
  return { sheet: i.sheet, row: i.row ?? null, col: i.col ? colLetter(i.col) : null, header: i.header ?? null, message: i.message, text: describe(i) };
}

let empty: string | undefined;
/** "(leeg)", looked up once: it is shown next to every value of every new row. */
const EMPTY = () => (empty ??= t('xl.plan.empty'));

const shownMoments = new Map<string, string>();

/** A value as the dry-run list shows it (nl-NL). */
export function display(spec: ColumnSpec, v: CellValue | undefined): string {
  if (v === null || v === undefined || v === '') return EMPTY();
  switch (spec.type) {
    case 'money':
      return formatCents(Math.round(Number(v) / (spec.scale ?? 1)));
    case 'date':
      return formatDate(String(v));
    case 'datetime': {
      // Looked up once per moment: Intl's time zone conversion is the dearest step of a dry run's list.
      const iso = String(v);
      let shown = shownMoments.get(iso);
      if (shown === undefined) {
        if (shownMoments.size >= 20_000) shownMoments.clear();
        shownMoments.set(iso, (shown = formatDateTime(iso)));
      }
      return shown;
    }
    case 'percent':
      return `${String(Math.round((Number(v) / (spec.scale ?? 1)) * 1000) / 10).replace('.', ',')}%`;
    case 'choice':
      return spec.choices?.find((c) => c.value === v)?.label ?? String(v);
    case 'bool':
      return v ? t('xl.yes') : t('xl.no');
    case 'int':
    case 'decimal':
      return String(v).replace('.', ',');
    default: {
      const s = String(v);
      return s.length > 120 ? s.slice(0, 117) + '…' : s;
    }
  }
}

function specsFor(info: FileInfo): SheetSpec[] {
  if (info.kind === 'workspace')
    return recordKinds.map((kind) => ({
      kind,
      sheet: kind.sheet,
      columns: kind.columns,
      editable: new Set(kind.columns.filter((c) => !c.informational && c.key !== kind.idKey).map((c) => c.key)),
      allowCreate: !!kind.create && !kind.readOnly,
    }));
  return [
    ...partnerSections.map((s) => {
      const { kind, columns, editable } = sectionColumns(s);
      return { kind, sheet: s.sheet, columns, editable, allowCreate: false };
    }),
    ...inputSections.map((s) => ({ kind: kindByName(s.entity)!, sheet: s.sheet, columns: s.columns, editable: s.editable, allowCreate: false, input: s })),
  ];
}

/**
 * The last file read, by its bytes, name and limits: the Excel page and the CLI apply right after
 * a dry run of the same file, and reading it is the larger part of an import's work.
 */
let lastParsed: { key: string; parsed: Parsed } | null = null;

async function parse(db: Db, buf: Buffer, fileName: string, opts: ImportOptions): Promise<Parsed> {
  const limits = opts.limits ?? LIMITS;
  const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
  const key = JSON.stringify([sha256, fileName, limits]);
  let p = lastParsed?.key === key ? lastParsed.parsed : null;
  if (!p) {
    lastParsed = null;
    p = await parseFile(buf, fileName, limits, sha256);
    lastParsed = { key, parsed: p };
  }
  await checkRegion(db, p.info, fileName);
  return p;
}

/** Forgets the last file read (after it was applied, or in tests). */
export function forgetParsed(): void {
  lastParsed = null;
}

const sheetNamed = (book: XBook, name: string) => book.sheets.find((w) => norm(w.name) === norm(name));

async function parseFile(buf: Buffer, fileName: string, limits: Limits, sha256: string): Promise<Parsed> {
  const book = await readBook(buf, fileName, limits);
  const info = peekInfo(book, fileName);
  const specs = specsFor(info);
  const notices: PlanIssue[] = [];
  const own = new Set([norm(t('xl.sheet.info')), norm(t('xl.sheet.instructions'))]);
  // A request holds only the sections that were asked for, which its Info sheet names.
  const expected = info.kind === 'partner' && info.sheets ? specs.filter((s) => info.sheets!.some((n) => norm(n) === norm(s.sheet))) : specs;
  const known = new Set(specs.map((s) => norm(s.sheet)));
  const unknown = book.sheets.filter((w) => !known.has(norm(w.name)) && !own.has(norm(w.name)));
  const missing = expected.filter((s) => !sheetNamed(book, s.sheet));
  if (missing.length && unknown.length && (info.kind === 'workspace' || info.sheets))
    throw new UserError('user_error', t('xl.read.renamedSheet', { file: fileName, missing: missing.map((s) => `"${s.sheet}"`).join(', '), found: unknown.map((w) => `"${w.name}"`).join(', ') }));
  for (const w of unknown) notices.push(toPlanIssue({ sheet: w.name, message: t('xl.read.extraSheet') }));
  if (book.macros) notices.push({ sheet: '', row: null, col: null, header: null, message: t('xl.read.macros'), text: t('xl.read.macros') });
  if (book.externalLinks) notices.push({ sheet: '', row: null, col: null, header: null, message: t('xl.read.externalLinks', { n: book.externalLinks }), text: t('xl.read.externalLinks', { n: book.externalLinks }) });
  const used = info.kind === 'partner' ? specs.filter((s) => sheetNamed(book, s.sheet)) : specs;
  return { fileName, book, info, specs: used, sha256, notices, tables: new Map() };
}

/** A record sheet's typed rows: only the id and the columns an import may change are read. */
function tableOf(p: Parsed, spec: SheetSpec, ws: XSheet): ReadTable {
  let table = p.tables.get(spec);
  if (!table) {
    const required = spec.kind.requiredColumns.filter((k) => spec.columns.some((c) => c.key === k) && (k === spec.kind.idKey || spec.allowCreate));
    // A partner cannot change read-only columns, so they are never held against the partner.
    const read = spec.allowCreate ? undefined : new Set([spec.kind.idKey, ...spec.editable]);
    table = readTable(ws, spec.columns, { requiredColumns: required, read, date1904: p.book.date1904 });
    p.tables.set(spec, table);
  }
  return table;
}

/** Per record id: the fields changed in Regieboek after `since` (for conflicts), in one query per entity. */
async function changedSince(db: Db, entity: string, since: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('change')
    .innerJoin('changeSet', 'changeSet.id', 'change.changeSetId')
    .leftJoin('changeSet as target', 'target.id', 'changeSet.undoes')
    .select(['change.entityId', 'change.fields'])
    .where('change.entity', '=', entity)
    .where('changeSet.at', '>', since)
    // A change and its undo, both after the file was made, cancel out.
    .where('changeSet.undoneBy', 'is', null)
    .where((eb) => eb.or([eb('changeSet.undoes', 'is', null), eb('target.at', '<=', since)]))
    .execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.entityId) ?? new Set<string>();
    for (const k of Object.keys(JSON.parse(r.fields) as object)) set.add(k);
    out.set(r.entityId, set);
  }
  return out;
}

/** Ids of the rows of an entity that are in the Prullenbak. */
async function trashedIds(db: Db, entity: string): Promise<Set<string>> {
  const { table } = entityDef(entity);
  const rows = await looseDb<{ id: string; deletedAt: string | null }>(db)
    .selectFrom(table)
    .select('id')
    .where('deletedAt', 'is not', null)
    .execute();
  return new Set(rows.map((r) => String(r.id)));
}

interface Planned extends PlanRow {
  /** The row's id (or parent) is not in this workspace at all: a sign of a file made for another one. */
  foreign?: boolean;
  /** The row is hidden in the file. */
  hidden?: boolean;
  spec: SheetSpec;
  values: Row;
  cols: Record<string, number>;
  patch: Row;
  conflictPatch: Row;
  /** A new child record from a partner's input row. */
  record?: NewRecord;
}

/**
 * A partner's input sheet (Metingen, Bestedingen): a row with empty input cells is unchanged; a
 * filled-in row is a new child record of its parent (which must be the file's partner's), checked
 * by the contract's schema and the handlers' own rules. Its id comes from the file and the parent,
 * so the same file imported again finds the record and changes nothing.
 */
async function planInputSheet(db: Db, p: Parsed, spec: SheetSpec & { input: InputSection }, ws: XSheet, notices: PlanIssue[]): Promise<Planned[]> {
  const input = spec.input;
  // A partner this workspace does not know has no parents here: every row is refused, which
  // buildPlan reports as a file made for another workspace.
  const org = p.info.partner ? await findPartner(db, p.info.partner).catch((e: unknown) => (e instanceof UserError ? null : Promise.reject(e))) : null;
  const parents = org ? await input.parents(db, org) : new Set<string>();
  const units = input.units && input.ruleFor ? await input.units(db, parents) : null;
  const ruleOf = units && input.ruleFor ? (values: Row, c: ColumnSpec): ColumnSpec => input.ruleFor!(c, units.get(String(values[input.parentKey] ?? ''))) : undefined;
  const table = readTable(ws, spec.columns, { requiredColumns: [input.parentKey], read: new Set([input.parentKey, ...spec.editable]), date1904: p.book.date1904, ruleOf });
  if (table.errors.length) throw new UserError('user_error', t('xl.read.sheetRefused', { file: p.fileName, problems: table.errors.map(describe).join('\n') }));
  notices.push(...table.notices.map(toPlanIssue));
  const changed = p.info.madeAt ? await changedSince(db, input.entity, p.info.madeAt) : new Map<string, Set<string>>();
  const changedAfterExport = (id: string) => changed.has(id);
  const counts = new Map<string, number[]>();
  for (const r of table.rows) {
    const v = r.values[input.parentKey];
    if (v !== null && v !== undefined) counts.set(String(v), [...(counts.get(String(v)) ?? []), r.rowNumber]);
  }
  const idOf = (parent: string) => inputRecordId([p.info.madeAt, p.info.partner ?? '', spec.sheet, parent]);
  const ids = [...counts.keys()].map(idOf);
  const { table: tableName } = entityDef(input.entity);
  const existing = new Set(
    ids.length
      ? (await looseDb<{ id: string }>(db).selectFrom(tableName).select('id').where('id', 'in', ids).execute()).map((x) => String(x.id))
      : [],
  );
  const now = nowIso();
  const out: Planned[] = [];
  for (const r of table.rows) {
    const parent = r.values[input.parentKey] === null || r.values[input.parentKey] === undefined ? '' : String(r.values[input.parentKey]);
    const id = parent ? idOf(parent) : '';
    const issues: Issue[] = [...r.issues];
    const issueAt = (key: string, message: string) => {
      const c = spec.columns.find((x) => x.key === key);
      issues.push({ sheet: spec.sheet, row: r.rowNumber, col: r.cols[key], header: c?.header, message });
    };
    const dups = counts.get(parent) ?? [];
    if (parent && dups.length > 1) issueAt(input.parentKey, t('xl.plan.duplicateId', { id: parent, rows: dups.join(', ') }));
    const foreign = !!parent && !parents.has(parent);
    if (foreign) issueAt(input.parentKey, t('xl.plan.notPartnersParent', { id: parent }));
    let status: RowStatus = 'unchanged';
    const changes: PlanChange[] = [];
    let record: NewRecord | undefined;
    let label = String(r.values.indicator ?? r.values.costItem ?? r.values.input ?? parent);
    if (!issues.length && !existing.has(id)) {
      try {
        const made = await input.build(db, r.values, id, now, changedAfterExport);
        if (made && 'skipped' in made) {
          const note = { sheet: spec.sheet, row: r.rowNumber, message: made.skipped };
          r.notes.push(note);
          notices.push(toPlanIssue(note));
        } else if (made) {
          record = made;
          label = `${label}: ${made.label}`;
          // A row that changes an existing record (an answer of the Monitoring sheet) is `changed`,
          // or a conflict when Regieboek changed that record after the file was made.
          status = made.conflict ? 'conflict' : made.old ? 'changed' : 'new';
          for (const c of spec.columns) {
            const v = r.values[c.key];
            const rule = ruleOf ? ruleOf(r.values, c) : c;
            if (made.old && spec.editable.has(c.key)) changes.push({ key: c.key, header: c.header, old: display(rule, made.old[c.key] as CellValue), new: display(rule, v), conflict: !!made.conflict });
            else if (spec.editable.has(c.key) && v !== null && v !== undefined && v !== '') changes.push({ key: c.key, header: c.header, old: EMPTY(), new: display(rule, v), conflict: false });
          }
        }
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const i of e.issues) issueAt(i.key, i.message);
      }
    }
    const privacy = record && !issues.length ? privacyOf(db, p, input.entity, spec, r.values) : null;
    if (privacy) for (const p of await privacy) issueAt(p.field, p.message);
    if (issues.length) status = 'rejected';
    out.push({
      key: `${spec.sheet}!${parent || r.rowNumber}`,
      sheet: spec.sheet,
      row: r.rowNumber,
      kind: spec.kind.name,
      id,
      label,
      status,
      changes,
      issues: issues.map(toPlanIssue),
      notes: r.notes.map(toPlanIssue),
      spec,
      values: r.values,
      cols: r.cols,
      patch: {},
      conflictPatch: {},
      record,
      foreign,
      hidden: r.hidden,
    });
  }
  return out;
}

/** The editable text values of a row: what the privacy guard looks at. */
function editableTexts(spec: SheetSpec, values: Row, clean: ReadonlySet<string>): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const k in values) {
    const v = values[k];
    if (typeof v === 'string' && spec.editable.has(k) && !clean.has(v)) texts[k] = v;
  }
  return texts;
}

/**
 * The privacy guard's issues for the editable text values of a row, per column key. Most rows have
 * no finding at all: that is decided here without waiting on the store (imports check every row).
 */
function privacyOf(db: Db, p: Parsed, entity: string, spec: SheetSpec, values: Row): Promise<{ field: string; message: string }[]> | null {
  const texts = editableTexts(spec, values, cleanTexts(p.book));
  if (!rowFindings(entity, texts).length) return null;
  return privacyIssues(db, entity, texts).then((list) =>
    list.map(({ field, finding: f }) => ({
      field,
      message: f.severity === 'refuse' ? findingMessage(f) : t('privacy.xlConfirm', { what: t(`privacy.kind.${f.kind}`), masked: f.masked }),
    })),
  );
}

/** An issue at a row's column (a module function: planSheet would otherwise make a closure per row). */
function addIssue(issues: Issue[], spec: SheetSpec, r: ReadRow, key: string, message: string): void {
  const c = spec.columns.find((x) => x.key === key);
  issues.push({ sheet: spec.sheet, row: r.rowNumber, col: r.cols[key], header: c?.header, message });
}

async function planSheet(db: Db, p: Parsed, spec: SheetSpec, notices: PlanIssue[], fileIds: Map<string, Set<string>>, list: (kind: RecordKind) => Promise<Row[]>): Promise<Planned[]> {
  const ws = sheetNamed(p.book, spec.sheet);
  if (!ws) {
    notices.push(toPlanIssue({ sheet: spec.sheet, message: t('xl.read.sheetAbsent') }));
    return [];
  }
  if (spec.input) return planInputSheet(db, p, { ...spec, input: spec.input }, ws, notices);
  const table = tableOf(p, spec, ws);
  if (table.errors.length) throw new UserError('user_error', t('xl.read.sheetRefused', { file: p.fileName, problems: table.errors.map(describe).join('\n') }));
  notices.push(...table.notices.map(toPlanIssue));

  const kind = spec.kind;
  const existing = new Map((await list(kind)).map((r) => [String(r[kind.idKey]), r]));
  const changed = p.info.madeAt && kind.entity ? await changedSince(db, kind.entity, p.info.madeAt) : new Map<string, Set<string>>();
  const trashed = kind.entity && spec.allowCreate ? await trashedIds(db, kind.entity) : new Set<string>();
  const byId = new Map<string, ReadRow[]>();
  for (const r of table.rows) {
    const v = r.values[kind.idKey];
    if (v === null || v === undefined) continue;
    const id = String(v);
    const same = byId.get(id);
    if (same) same.push(r);
    else byId.set(id, [r]);
  }
  fileIds.set(kind.name, new Set(byId.keys()));

  const out: Planned[] = [];
  for (const r of table.rows) {
    const id = r.values[kind.idKey] === null || r.values[kind.idKey] === undefined ? '' : String(r.values[kind.idKey]);
    const issues: Issue[] = [...r.issues];
    const dups = byId.get(id) ?? [];
    if (id && dups.length > 1) addIssue(issues, spec, r, kind.idKey, t('xl.plan.duplicateId', { id, rows: dups.map((d) => d.rowNumber).join(', ') }));
    // Checks across fields, only on the columns that were read (a partner's read-only columns are not).
    if (!issues.length) for (const c of kind.check?.(r.values) ?? []) if (spec.allowCreate || spec.editable.has(c.key)) addIssue(issues, spec, r, c.key, c.message);

    const current = id ? existing.get(id) : undefined;
    // Not in this workspace (a new record of a workspace workbook, an unknown one of a request).
    const foreign = !!id && !current && !kind.readOnly;
    let status: RowStatus = 'unchanged';
    const changes: PlanChange[] = [];
    const patch: Row = {};
    const conflictPatch: Row = {};
    if (!issues.length) {
      if (current) {
        const since = changed.get(id) ?? new Set<string>();
        for (const c of spec.columns) {
          if (!spec.editable.has(c.key) || !r.present.has(c.key)) continue;
          const nv = r.values[c.key] ?? null;
          const ov = current[c.key] ?? null;
          // An empty cell for an empty stored text is no change: sameValue holds '' and null the same.
          if (sameValue(ov, nv)) continue;
          // A text cut on export (older data, longer than a cell) left as it was keeps the stored text.
          if (typeof nv === 'string' && nv.endsWith(CUT_MARK)) {
            if (typeof ov !== 'string' || cutForExcel(ov)?.text !== nv) addIssue(issues, spec, r, c.key, t('xl.cell.cutText', { max: (c.maxLength ?? 0).toLocaleString('nl-NL') }));
            continue;
          }
          if (kind.readOnly) {
            addIssue(issues, spec, r, c.key, t('xl.plan.readOnly', { sheet: spec.sheet }));
            continue;
          }
          if (nv === null && c.required) {
            addIssue(issues, spec, r, c.key, t('xl.cell.required'));
            continue;
          }
          const conflict = since.has(c.key);
          changes.push({ key: c.key, header: c.header, old: display(c, ov as CellValue), new: display(c, nv), conflict });
          if (conflict) conflictPatch[c.key] = nv;
          else patch[c.key] = nv;
        }
        if (!issues.length) status = Object.keys(conflictPatch).length ? 'conflict' : changes.length ? 'changed' : 'unchanged';
      } else if (!id) {
        // readCell already refused an empty required id
      } else if (!spec.allowCreate) {
        addIssue(issues, spec, r, kind.idKey, t(kind.readOnly ? 'xl.plan.otherRecord' : 'xl.plan.unknownId', { id, sheet: spec.sheet }));
      } else {
        if (trashed.has(id)) addIssue(issues, spec, r, kind.idKey, t('xl.plan.inTrash', { id }));
        // One pass over the columns (an import plans every row): empty required columns, then texts
        // cut on export, are refused in that order; otherwise every filled column is listed as new.
        let cut: Issue[] | null = null;
        for (const c of spec.columns) {
          const v = r.values[c.key];
          if (c.required && (v === null || v === undefined) && !r.issues.length) addIssue(issues, spec, r, c.key, t('xl.cell.required'));
          if (typeof v === 'string' && v.endsWith(CUT_MARK) && !c.informational) addIssue((cut ??= []), spec, r, c.key, t('xl.cell.cutText', { max: (c.maxLength ?? 0).toLocaleString('nl-NL') }));
          if (!issues.length && !cut && c.key !== kind.idKey && !c.informational && v !== null && v !== undefined && v !== '')
            changes.push({ key: c.key, header: c.header, old: EMPTY(), new: display(c, v), conflict: false });
        }
        if (cut) issues.push(...cut);
        if (issues.length) changes.length = 0;
        else status = 'new';
      }
    }
    // What would be written goes through the privacy guard: the changed values, or a new row's.
    const privacy = kind.entity && !issues.length && status !== 'unchanged' ? privacyOf(db, p, kind.entity, spec, status === 'new' ? r.values : { ...patch, ...conflictPatch }) : null;
    if (privacy) for (const p of await privacy) addIssue(issues, spec, r, p.field, p.message);
    if (issues.length) status = 'rejected';
    out.push({
      key: `${spec.sheet}!${id || r.rowNumber}`,
      sheet: spec.sheet,
      row: r.rowNumber,
      kind: kind.name,
      id,
      label: kind.label(r.values),
      status,
      changes,
      issues: issues.length ? issues.map(toPlanIssue) : [],
      notes: r.notes.length ? r.notes.map(toPlanIssue) : [],
      spec,
      values: r.values,
      cols: r.cols,
      patch,
      conflictPatch,
      foreign,
      hidden: r.hidden,
    });
  }
  // An import never deletes: records missing from a workspace workbook stay as they are.
  if (spec.allowCreate) {
    const absent = [...existing.keys()].filter((id) => !byId.has(id)).length;
    if (absent) notices.push(toPlanIssue({ sheet: spec.sheet, message: t('xl.plan.notInFile', { n: absent }) }));
  }
  return out;
}

/** The ids in a reference cell: one, or one per line (uitvoerders). */
function refIds(v: CellValue): string[] {
  const s = String(v);
  if (s.indexOf('\n') >= 0) return s.split('\n').map((x) => x.trim()).filter(Boolean);
  const one = s.trim();
  return one ? [one] : [];
}

const refsCache = new WeakMap<RecordKind, [string, RecordKind][]>();
/** A kind's references to other kinds that exist, as [column key, target kind] (looked up once per kind). */
function refsOf(kind: RecordKind): [string, RecordKind][] {
  let refs = refsCache.get(kind);
  if (!refs) {
    refs = [];
    for (const [key, target] of Object.entries(kind.refs ?? {})) {
      const targetKind = kindByName(target);
      if (targetKind) refs.push([key, targetKind]);
    }
    refsCache.set(kind, refs);
  }
  return refs;
}

/**
 * References to other kinds must point to a record in the store or to a row of the same file that
 * is not itself rejected; a rejected parent rejects its children, and theirs, until nothing changes.
 */
async function checkRefs(rows: Planned[], list: (kind: RecordKind) => Promise<Row[]>): Promise<void> {
  // The stored ids of every kind a row may point to, read before the loop (not one await per reference).
  const stored = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.status === 'rejected' || !r.spec.kind.refs || r.spec.input) continue;
    for (const [key, target] of refsOf(r.spec.kind)) {
      if (stored.has(target.name) || r.values[key] === null || r.values[key] === undefined) continue;
      stored.set(target.name, new Set((await list(target)).map((x) => String(x[target.idKey]))));
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    const inFile = new Map<string, Set<string>>();
    for (const r of rows) if (r.status !== 'rejected' && r.id) inFile.set(r.kind, (inFile.get(r.kind) ?? new Set()).add(r.id));
    for (const r of rows) {
      // Input rows are checked against the partner's own parents when planned.
      if (r.status === 'rejected' || !r.spec.kind.refs || r.spec.input) continue;
      for (const [key, targetKind] of refsOf(r.spec.kind)) {
        const v = r.values[key];
        if (v === null || v === undefined) continue;
        const target = targetKind.name;
        let known = stored.get(target);
        if (!known) stored.set(target, (known = new Set((await list(targetKind)).map((x) => String(x[targetKind.idKey])))));
        // A list of references (uitvoerders) is one id per line.
        for (const one of refIds(v)) {
          if (known.has(one) || inFile.get(target)?.has(one)) continue;
          const c = r.spec.columns.find((x) => x.key === key);
          r.issues.push(toPlanIssue({ sheet: r.sheet, row: r.row, col: r.cols[key], header: c?.header, message: t('xl.plan.badRef', { id: one, sheet: targetKind.sheet }) }));
          r.status = 'rejected';
          changed = true;
        }
      }
    }
  }
}

async function buildPlan(db: Db, p: Parsed, fileName: string): Promise<{ plan: ImportPlan; rows: Planned[] }> {
  const notices: PlanIssue[] = [...p.notices];
  const fileIds = new Map<string, Set<string>>();
  const rows: Planned[] = [];
  // Each kind's stored rows are read once per plan, for comparing and for checking references.
  const lists = new Map<string, Promise<Row[]>>();
  const list = (kind: RecordKind) => {
    if (!lists.has(kind.name)) lists.set(kind.name, kind.list(db));
    return lists.get(kind.name)!;
  };
  for (const spec of p.specs) rows.push(...(await planSheet(db, p, spec, notices, fileIds, list)));
  await checkRefs(rows, list);
  // A measure that is its own activity keeps exactly one; a refused row may refuse its children in turn.
  const shapes = await shapeIssues(db, rows, kindByName('activity')!.sheet);
  for (const { row: r, key, message } of shapes) {
    const c = r.spec.columns.find((x) => x.key === key);
    r.issues.push(toPlanIssue({ sheet: r.sheet, row: r.row, col: r.cols[key], header: c?.header, message }));
    r.status = 'rejected';
  }
  if (shapes.length) await checkRefs(rows, list);
  await refuseOtherWorkspace(db, p, rows);
  noteHidden(p, rows, notices);
  const counts = { new: 0, changed: 0, unchanged: 0, conflict: 0, rejected: 0 };
  for (const r of rows) counts[r.status]++;
  const plan: ImportPlan = {
    fileName,
    fileKind: p.info.kind === 'partner' ? 'partner' : 'workspace',
    formatVersion: p.info.formatVersion,
    region: p.info.regionLabel,
    exportedAt: p.info.madeAt || null,
    partner: p.info.partner,
    sha256: p.sha256,
    counts,
    rows: rows.map((r) => ({ key: r.key, sheet: r.sheet, row: r.row, kind: r.kind, id: r.id, label: r.label, status: r.status, changes: r.changes, issues: r.issues, notes: r.notes })),
    notices,
  };
  return { plan, rows };
}

/**
 * A file made for another workspace of the same region has the right region but none of this
 * workspace's records: one message says so, instead of rejecting every row. A partner request whose
 * rows all point elsewhere, or a workspace workbook sharing no id with a workspace that has records.
 */
async function refuseOtherWorkspace(db: Db, p: Parsed, rows: Planned[]): Promise<void> {
  const withId = rows.filter((r) => r.id && !r.spec.kind.readOnly);
  if (!withId.length) return;
  if (!withId.every((r) => r.foreign)) return;
  if (p.info.kind === 'workspace') {
    // Into an empty workspace every record is new, as it should be.
    const filled = await db.selectFrom('programme').select('id').where('deletedAt', 'is', null).limit(1).executeTakeFirst();
    const partners = await db.selectFrom('organisation').select('id').where('deletedAt', 'is', null).limit(1).executeTakeFirst();
    if (!filled && !partners) return;
  }
  const made = p.info.madeAt ? formatDateTime(p.info.madeAt) : '?';
  throw new UserError('user_error', t(p.info.kind === 'partner' ? 'xl.plan.otherWorkspacePartner' : 'xl.plan.otherWorkspace', { file: p.fileName, source: p.info.source || '?', made }));
}

/** Changes in rows (or sheets) a person cannot see in Excel are worth a second look before applying. */
function noteHidden(p: Parsed, rows: Planned[], notices: PlanIssue[]): void {
  const bySheet = new Map<string, number[]>();
  const hiddenSheets = new Set(p.specs.filter((s) => sheetNamed(p.book, s.sheet)?.hidden).map((s) => s.sheet));
  for (const r of rows) {
    if (r.status !== 'new' && r.status !== 'changed' && r.status !== 'conflict') continue;
    const sheetHidden = hiddenSheets.has(r.sheet);
    if (!r.hidden && !sheetHidden) continue;
    r.notes.push(toPlanIssue({ sheet: r.sheet, row: r.row, message: t(sheetHidden ? 'xl.plan.hiddenSheetRow' : 'xl.plan.hiddenRow') }));
    bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r.row]);
  }
  for (const [sheet, list] of bySheet) notices.push(toPlanIssue({ sheet, message: t('xl.plan.hiddenRows', { n: list.length, rows: list.slice(0, 20).join(', ') }) }));
}

/** What a file is and which region it is for, without a workspace (to make one for it). */
export async function peekFile(buf: Buffer, fileName: string, opts: ImportOptions = {}): Promise<FileInfo> {
  return peekInfo(await readBook(buf, fileName, opts.limits ?? LIMITS), fileName);
}

/** The dry run: reads the file and compares it with the store. Writes nothing. */
export async function planImport(db: Kysely<Database>, buf: Buffer, fileName: string, opts: ImportOptions = {}): Promise<ImportPlan> {
  const p = await parse(db, buf, fileName, opts);
  const built = await buildPlan(db, p, fileName);
  // Kept for the apply of this same file, which may use it only while the store is exactly as now.
  p.planned = { state: await storeState(db), ...built };
  return built.plan;
}

/**
 * What identifies the store's state: the file, the newest change set (other than the import's own),
 * the history's size, and every commit of another connection. Every write to a record is tracked,
 * so equal means nothing was written in between.
 */
async function storeState(db: Db, ownChangeSet = -1): Promise<string> {
  const r = await sql<{ cs: number | null; n: number; mc: number | null; dv: number; file: string }>`
    select (select max(id) from change_set where id <> ${ownChangeSet}) as cs, (select count(*) from change) as n, (select max(id) from change) as mc,
           (select data_version from pragma_data_version) as dv, (select file from pragma_database_list where name = 'main') as file`.execute(db);
  return JSON.stringify(r.rows[0] ?? null);
}

const NOTHING = Symbol('nothing to apply');

/** The row has exactly these keys in this order (checked without making a list per row). */
function sameKeys(row: Record<string, unknown>, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in row) if (keys[i++] !== k) return false;
  return i === keys.length;
}

/** The store's refusal in Dutch, naming the column where SQLite names one (never SQLite's own text). */
function storeRefusal(e: unknown, columns: readonly ColumnSpec[]): string {
  const msg = e instanceof Error ? e.message : '';
  const column = (snake: string) => {
    const key = snake.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
    return columns.find((c) => c.key === key)?.header ?? key;
  };
  const m = /(UNIQUE|NOT NULL) constraint failed: \w+\.(\w+)/.exec(msg);
  if (m) return t(m[1] === 'UNIQUE' ? 'xl.apply.unique' : 'xl.apply.notNull', { column: column(m[2]!) });
  if (/FOREIGN KEY/.test(msg)) return t('xl.apply.foreignKey');
  if (/CHECK constraint/.test(msg)) return t('xl.apply.check');
  return t('xl.apply.other');
}

/**
 * Rows in creation order: a new row that refers to another new row of the same kind (a target
 * superseding another) comes after it, so undo, which removes in reverse order, never removes a
 * row that another still refers to.
 */
function selfRefOrder(rows: Planned[]): Planned[] {
  const out: Planned[] = [];
  const placed = new Set<Planned>();
  // Only a kind that refers to itself can have a parent among the new rows.
  const selfRef = (r: Planned) => refsOf(r.spec.kind).some(([, target]) => target.name === r.kind);
  const byKey = new Map(rows.filter((r) => r.status === 'new' && selfRef(r)).map((r) => [`${r.kind}:${r.id}`, r]));
  const place = (r: Planned, depth = 0) => {
    if (placed.has(r) || depth > 1000) return;
    placed.add(r);
    for (const [key, target] of refsOf(r.spec.kind)) {
      const v = r.values[key];
      if (target.name !== r.kind || v === null || v === undefined) continue;
      const parent = byKey.get(`${target.name}:${String(v)}`);
      if (parent && !placed.has(parent)) {
        placed.delete(r);
        place(parent, depth + 1);
        placed.add(r);
      }
    }
    out.push(r);
  };
  for (const r of rows) place(r);
  return out;
}

/**
 * Applies the plan in one transaction: new rows created, changed rows updated, conflicting rows
 * only where the user chose the file's value. Rejected rows are skipped. One change set, its
 * source the file name; a file that changes nothing leaves no trace.
 */
export async function applyImport(
  db: Kysely<Database>,
  buf: Buffer,
  fileName: string,
  o: { user: string; session?: string | null; choices?: ConflictChoices } & ImportOptions,
): Promise<ImportResult> {
  const p = await parse(db, buf, fileName, o);
  let changeSetId: number | null = null;
  let applied = 0;
  let finalPlan: ImportPlan | null = null;
  const wanted = (r: Planned) => r.status === 'new' || r.status === 'changed' || (r.status === 'conflict' && o.choices?.[r.key] === 'file');
  try {
    await tracked(db, { user: o.user, session: o.session ?? null, action: 'import', label: t('xl.import.label', { file: fileName }), source: fileName }, async (tr: Tracker) => {
      // The dry run of this file planned against exactly this store: its plan stands. Otherwise (or
      // with partner input rows, whose records carry the moment they were made) plan again here.
      const dry = p.planned;
      p.planned = undefined;
      const reuse = !!dry && !dry.rows.some((r) => r.record) && dry.state === (await storeState(tr.trx, tr.changeSetId));
      const { plan, rows } = reuse ? dry : await buildPlan(tr.trx, p, fileName);
      finalPlan = plan;
      // Nothing to write: roll back, so not even an empty change set touches the workspace file.
      if (!rows.some(wanted)) throw NOTHING;
      // References may point forward within one kind (a target superseding a later row): checked at commit.
      await sql`PRAGMA defer_foreign_keys = ON`.execute(tr.trx);
      // New records of one kind go in together (tr.insertMany); a refused batch is tried row by row to name the row.
      let batch: { entity: string; keys: string[]; rows: Record<string, unknown>[]; planned: Planned[] } | null = null;
      const flush = async () => {
        if (!batch) return;
        const b = batch;
        batch = null;
        await sql`SAVEPOINT import_batch`.execute(tr.trx);
        try {
          await tr.insertMany(b.entity, b.rows);
          await sql`RELEASE import_batch`.execute(tr.trx);
        } catch {
          await sql`ROLLBACK TO import_batch`.execute(tr.trx);
          await sql`RELEASE import_batch`.execute(tr.trx);
          for (let i = 0; i < b.rows.length; i++) {
            try {
              await tr.insert(b.entity, b.rows[i]!);
            } catch (e) {
              const r = b.planned[i]!;
              throw new UserError('user_error', t('xl.apply.refused', { sheet: r.sheet, row: r.row, id: r.id, detail: storeRefusal(e, r.spec.columns) }));
            }
          }
        }
        applied += b.rows.length;
      };
      for (const r of selfRefOrder(rows)) {
        const kind = r.spec.kind;
        if (r.status === 'new' && !r.record && kind.stored && kind.entity) {
          const row = kind.stored(r.values, tr.at);
          if (batch && (batch.entity !== kind.entity || !sameKeys(row, batch.keys))) await flush();
          batch ??= { entity: kind.entity, keys: Object.keys(row), rows: [], planned: [] };
          batch.rows.push(row);
          batch.planned.push(r);
          continue;
        }
        await flush();
        try {
          if ((r.status === 'new' || r.status === 'changed' || (r.status === 'conflict' && o.choices?.[r.key] === 'file')) && r.record) {
            await r.record.create(tr);
            applied++;
          } else if (r.status === 'new' && kind.create) {
            await kind.create(tr, r.values);
            applied++;
          } else if (r.status === 'changed' || r.status === 'conflict') {
            const patch = { ...r.patch, ...(o.choices?.[r.key] === 'file' ? r.conflictPatch : {}) };
            if (!Object.keys(patch).length || !kind.entity) continue;
            if (kind.update) await kind.update(tr, r.id, patch);
            else await tr.update(kind.entity, r.id, patch);
            applied++;
          }
        } catch (e) {
          // A value the store's own checks refuse: the whole import rolls back, naming the row.
          if (e instanceof UserError) throw e;
          throw new UserError('user_error', t('xl.apply.refused', { sheet: r.sheet, row: r.row, id: r.id, detail: storeRefusal(e, r.spec.columns) }));
        }
      }
      await flush();
      if (tr.changes > 0) changeSetId = tr.changeSetId;
    });
  } catch (e) {
    if (e !== NOTHING) throw e;
  }
  return { plan: finalPlan!, applied, changeSetId };
}
