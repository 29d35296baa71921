/**
 * Importing a workbook Regieboek made (workspace workbook or a partner's returned request): first a
 * dry run that says per row what would happen (new / changed / unchanged / conflict / rejected),
 * then, on request, the same plan applied in one transaction as one change set whose source is the
 * file name, so the whole import is one step in the Geschiedenis and history.undo reverses it.
 * Nothing is written by a dry run, and nothing is written at all when the file is refused.
 */
import crypto from 'node:crypto';
import type ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { readWorkbook, norm, LIMITS, type Limits } from './book';
import { peekInfo, readInfo, type FileInfo } from './info';
import { recordKinds, kindByName, sameValue, type Db, type RecordKind } from './kinds';
import { findPartner, partnerSections, sectionColumns } from './partner';
import { InputError, inputRecordId, inputSections, type InputSection, type NewRecord } from './partner-inputs';
import { describe, readTable, type ColumnSpec, type Issue, type ReadRow, type Row } from './sheets';
import { colLetter, cutForExcel, CUT_MARK, type CellValue } from './cells';
import { shapeIssues } from './shape-check';
import { tracked, type Tracker } from '../history/tracker';
import { entityDef } from '../history/entities';
import { UserError } from '../errors';
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
  wb: ExcelJS.Workbook;
  info: FileInfo;
  specs: SheetSpec[];
  sha256: string;
}

export interface ImportOptions {
  limits?: Limits;
}

function toPlanIssue(i: Issue): PlanIssue {
  return { sheet: i.sheet, row: i.row ?? null, col: i.col ? colLetter(i.col) : null, header: i.header ?? null, message: i.message, text: describe(i) };
}

/** A value as the dry-run list shows it (nl-NL). */
export function display(spec: ColumnSpec, v: CellValue | undefined): string {
  if (v === null || v === undefined || v === '') return t('xl.plan.empty');
  switch (spec.type) {
    case 'money':
      return formatCents(Number(v));
    case 'date':
      return formatDate(String(v));
    case 'datetime':
      return formatDateTime(String(v));
    case 'percent':
      return `${String(Math.round(Number(v) * 1000) / 10).replace('.', ',')}%`;
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

async function parse(db: Db, buf: Buffer, fileName: string, opts: ImportOptions): Promise<Parsed> {
  const wb = await readWorkbook(buf, fileName, opts.limits ?? LIMITS);
  const info = await readInfo(wb, fileName, db);
  const specs = specsFor(info);
  const known = new Set([...specs.map((s) => norm(s.sheet)), norm(t('xl.sheet.info')), norm(t('xl.sheet.instructions'))]);
  const unknown = wb.worksheets.filter((w) => !known.has(norm(w.name))).map((w) => `"${w.name}"`);
  const missing = specs.filter((s) => !wb.worksheets.some((w) => norm(w.name) === norm(s.sheet)));
  if (missing.length && unknown.length)
    throw new UserError('user_error', t('xl.read.renamedSheet', { file: fileName, missing: missing.map((s) => `"${s.sheet}"`).join(', '), found: unknown.join(', ') }));
  // A request holds only the sections that were asked for.
  const used = info.kind === 'partner' ? specs.filter((s) => !missing.includes(s)) : specs;
  return { fileName, wb, info, specs: used, sha256: crypto.createHash('sha256').update(buf).digest('hex') };
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
async function planInputSheet(db: Db, p: Parsed, spec: SheetSpec & { input: InputSection }, ws: ExcelJS.Worksheet, notices: PlanIssue[]): Promise<Planned[]> {
  const input = spec.input;
  const table = readTable(ws, spec.columns, { requiredColumns: [input.parentKey] });
  if (table.errors.length) throw new UserError('user_error', t('xl.read.sheetRefused', { file: p.fileName, problems: table.errors.map(describe).join('\n') }));
  notices.push(...table.notices.map(toPlanIssue));
  const org = p.info.partner ? await findPartner(db, p.info.partner) : null;
  const parents = org ? await input.parents(db, org) : new Set<string>();
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
    if (parent && !parents.has(parent)) issueAt(input.parentKey, t('xl.plan.notPartnersParent', { id: parent }));
    let status: RowStatus = 'unchanged';
    const changes: PlanChange[] = [];
    let record: NewRecord | undefined;
    let label = String(r.values.indicator ?? r.values.costItem ?? r.values.input ?? parent);
    if (!issues.length && !existing.has(id)) {
      try {
        const made = await input.build(db, r.values, id, now);
        if (made) {
          record = made;
          label = `${label}: ${made.label}`;
          // A row that changes an existing record (an answer of the Monitoring sheet) is `changed`.
          status = made.old ? 'changed' : 'new';
          for (const c of spec.columns) {
            const v = r.values[c.key];
            if (made.old && spec.editable.has(c.key)) changes.push({ key: c.key, header: c.header, old: display(c, made.old[c.key] as CellValue), new: display(c, v), conflict: false });
            else if (spec.editable.has(c.key) && v !== null && v !== undefined && v !== '') changes.push({ key: c.key, header: c.header, old: t('xl.plan.empty'), new: display(c, v), conflict: false });
          }
        }
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        for (const i of e.issues) issueAt(i.key, i.message);
      }
    }
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
    });
  }
  return out;
}

async function planSheet(db: Db, p: Parsed, spec: SheetSpec, notices: PlanIssue[], fileIds: Map<string, Set<string>>): Promise<Planned[]> {
  const ws = p.wb.worksheets.find((w) => norm(w.name) === norm(spec.sheet));
  if (!ws) {
    notices.push(toPlanIssue({ sheet: spec.sheet, message: t('xl.read.sheetAbsent') }));
    return [];
  }
  if (spec.input) return planInputSheet(db, p, { ...spec, input: spec.input }, ws, notices);
  const required = spec.kind.requiredColumns.filter((k) => spec.columns.some((c) => c.key === k) && (k === spec.kind.idKey || spec.allowCreate));
  const table = readTable(ws, spec.columns, { requiredColumns: required });
  if (table.errors.length) throw new UserError('user_error', t('xl.read.sheetRefused', { file: p.fileName, problems: table.errors.map(describe).join('\n') }));
  notices.push(...table.notices.map(toPlanIssue));

  const kind = spec.kind;
  const existing = new Map((await kind.list(db)).map((r) => [String(r[kind.idKey]), r]));
  const changed = p.info.madeAt && kind.entity ? await changedSince(db, kind.entity, p.info.madeAt) : new Map<string, Set<string>>();
  const trashed = kind.entity && spec.allowCreate ? await trashedIds(db, kind.entity) : new Set<string>();
  const byId = new Map<string, ReadRow[]>();
  for (const r of table.rows) {
    const v = r.values[kind.idKey];
    if (v === null || v === undefined) continue;
    const id = String(v);
    byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  fileIds.set(kind.name, new Set(byId.keys()));

  const out: Planned[] = [];
  for (const r of table.rows) {
    const id = r.values[kind.idKey] === null || r.values[kind.idKey] === undefined ? '' : String(r.values[kind.idKey]);
    const issues: Issue[] = [...r.issues];
    const base = { key: `${spec.sheet}!${id || r.rowNumber}`, sheet: spec.sheet, row: r.rowNumber, kind: kind.name, id, label: kind.label(r.values), spec, values: r.values, cols: r.cols };
    const issueAt = (key: string, message: string) => {
      const c = spec.columns.find((x) => x.key === key);
      issues.push({ sheet: spec.sheet, row: r.rowNumber, col: r.cols[key], header: c?.header, message });
    };
    const dups = byId.get(id) ?? [];
    if (id && dups.length > 1) issueAt(kind.idKey, t('xl.plan.duplicateId', { id, rows: dups.map((d) => d.rowNumber).join(', ') }));
    if (!issues.length) for (const c of kind.check?.(r.values) ?? []) issueAt(c.key, c.message);

    const current = id ? existing.get(id) : undefined;
    let status: RowStatus = 'unchanged';
    const changes: PlanChange[] = [];
    const patch: Row = {};
    const conflictPatch: Row = {};
    if (!issues.length) {
      if (current) {
        const since = changed.get(id) ?? new Set<string>();
        for (const c of spec.columns) {
          if (!spec.editable.has(c.key) || !r.present.has(c.key)) continue;
          let nv = r.values[c.key] ?? null;
          const ov = current[c.key] ?? null;
          if (nv === null && (c.type === 'text' || c.type === 'longText') && ov === '') nv = '';
          if (sameValue(ov, nv)) continue;
          // A text cut on export (older data, longer than a cell) left as it was keeps the stored text.
          if (typeof nv === 'string' && nv.endsWith(CUT_MARK)) {
            if (typeof ov !== 'string' || cutForExcel(ov)?.text !== nv) issueAt(c.key, t('xl.cell.cutText', { max: (c.maxLength ?? 0).toLocaleString('nl-NL') }));
            continue;
          }
          if (kind.readOnly) {
            issueAt(c.key, t('xl.plan.readOnly', { sheet: spec.sheet }));
            continue;
          }
          if (nv === null && c.required) {
            issueAt(c.key, t('xl.cell.required'));
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
        issueAt(kind.idKey, t(kind.readOnly ? 'xl.plan.otherRecord' : 'xl.plan.unknownId', { id, sheet: spec.sheet }));
      } else {
        if (trashed.has(id)) issueAt(kind.idKey, t('xl.plan.inTrash', { id }));
        for (const c of spec.columns) if (c.required && (r.values[c.key] === null || r.values[c.key] === undefined) && !r.issues.length) issueAt(c.key, t('xl.cell.required'));
        for (const c of spec.columns) {
          const v = r.values[c.key];
          if (typeof v === 'string' && v.endsWith(CUT_MARK) && !c.informational) issueAt(c.key, t('xl.cell.cutText', { max: (c.maxLength ?? 0).toLocaleString('nl-NL') }));
        }
        if (!issues.length) {
          status = 'new';
          for (const c of spec.columns) {
            if (c.key === kind.idKey || c.informational) continue;
            const v = r.values[c.key];
            if (v !== null && v !== undefined && v !== '') changes.push({ key: c.key, header: c.header, old: t('xl.plan.empty'), new: display(c, v), conflict: false });
          }
        }
      }
    }
    if (issues.length) status = 'rejected';
    out.push({ ...base, status, changes, issues: issues.map(toPlanIssue), notes: r.notes.map(toPlanIssue), patch, conflictPatch });
  }
  // An import never deletes: records missing from a workspace workbook stay as they are.
  if (spec.allowCreate) {
    const absent = [...existing.keys()].filter((id) => !byId.has(id)).length;
    if (absent) notices.push(toPlanIssue({ sheet: spec.sheet, message: t('xl.plan.notInFile', { n: absent }) }));
  }
  return out;
}

/**
 * References to other kinds must point to a record in the store or to a row of the same file that
 * is not itself rejected; a rejected parent rejects its children, and theirs, until nothing changes.
 */
async function checkRefs(db: Db, rows: Planned[]): Promise<void> {
  const stored = new Map<string, Set<string>>();
  const storeIds = async (kind: RecordKind) => {
    if (!stored.has(kind.name)) stored.set(kind.name, new Set((await kind.list(db)).map((x) => String(x[kind.idKey]))));
    return stored.get(kind.name)!;
  };
  for (let changed = true; changed; ) {
    changed = false;
    const inFile = new Map<string, Set<string>>();
    for (const r of rows) if (r.status !== 'rejected' && r.id) inFile.set(r.kind, (inFile.get(r.kind) ?? new Set()).add(r.id));
    for (const r of rows) {
      // Input rows are checked against the partner's own parents when planned.
      if (r.status === 'rejected' || !r.spec.kind.refs || r.spec.input) continue;
      for (const [key, target] of Object.entries(r.spec.kind.refs)) {
        const v = r.values[key];
        const targetKind = kindByName(target);
        if (v === null || v === undefined || !targetKind) continue;
        const known = await storeIds(targetKind);
        // A list of references (uitvoerders) is one id per line.
        for (const one of String(v).split('\n').map((x) => x.trim()).filter(Boolean)) {
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
  const notices: PlanIssue[] = [];
  const fileIds = new Map<string, Set<string>>();
  const rows: Planned[] = [];
  for (const spec of p.specs) rows.push(...(await planSheet(db, p, spec, notices, fileIds)));
  await checkRefs(db, rows);
  // A measure that is its own activity keeps exactly one; a refused row may refuse its children in turn.
  const shapes = await shapeIssues(db, rows, kindByName('activity')!.sheet);
  for (const { row: r, key, message } of shapes) {
    const c = r.spec.columns.find((x) => x.key === key);
    r.issues.push(toPlanIssue({ sheet: r.sheet, row: r.row, col: r.cols[key], header: c?.header, message }));
    r.status = 'rejected';
  }
  if (shapes.length) await checkRefs(db, rows);
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
    rows: rows.map(({ spec: _s, values: _v, cols: _k, patch: _p, conflictPatch: _c, record: _n, ...row }) => row),
    notices,
  };
  return { plan, rows };
}

/** What a file is and which region it is for, without a workspace (to make one for it). */
export async function peekFile(buf: Buffer, fileName: string, opts: ImportOptions = {}): Promise<FileInfo> {
  return peekInfo(await readWorkbook(buf, fileName, opts.limits ?? LIMITS), fileName);
}

/** The dry run: reads the file and compares it with the store. Writes nothing. */
export async function planImport(db: Kysely<Database>, buf: Buffer, fileName: string, opts: ImportOptions = {}): Promise<ImportPlan> {
  const p = await parse(db, buf, fileName, opts);
  return (await buildPlan(db, p, fileName)).plan;
}

const NOTHING = Symbol('nothing to apply');

/**
 * Rows in creation order: a new row that refers to another new row of the same kind (a target
 * superseding another) comes after it, so undo, which removes in reverse order, never removes a
 * row that another still refers to.
 */
function selfRefOrder(rows: Planned[]): Planned[] {
  const out: Planned[] = [];
  const placed = new Set<Planned>();
  const byKey = new Map(rows.filter((r) => r.status === 'new').map((r) => [`${r.kind}:${r.id}`, r]));
  const place = (r: Planned, depth = 0) => {
    if (placed.has(r) || depth > 1000) return;
    placed.add(r);
    for (const [key, target] of Object.entries(r.spec.kind.refs ?? {})) {
      const v = r.values[key];
      if (target !== r.kind || v === null || v === undefined) continue;
      const parent = byKey.get(`${target}:${String(v)}`);
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
      const { plan, rows } = await buildPlan(tr.trx, p, fileName);
      finalPlan = plan;
      // Nothing to write: roll back, so not even an empty change set touches the workspace file.
      if (!rows.some(wanted)) throw NOTHING;
      // References may point forward within one kind (a target superseding a later row): checked at commit.
      await sql`PRAGMA defer_foreign_keys = ON`.execute(tr.trx);
      for (const r of selfRefOrder(rows)) {
        const kind = r.spec.kind;
        try {
          if ((r.status === 'new' || r.status === 'changed') && r.record) {
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
          throw new UserError('user_error', t('xl.apply.refused', { sheet: r.sheet, row: r.row, id: r.id, detail: (e as Error).message.slice(0, 160) }));
        }
      }
      if (tr.changes > 0) changeSetId = tr.changeSetId;
    });
  } catch (e) {
    if (e !== NOTHING) throw e;
  }
  return { plan: finalPlan!, applied, changeSetId };
}
