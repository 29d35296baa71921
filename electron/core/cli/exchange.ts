/**
 * `regieboek export` and `regieboek import`: the Excel exchange on the command line.
 *
 *   export --db FILE --kind workspace|steering|partner [--partner NAME]... [--period P] [--round NAME] [--sections a,b] --out FILE.xlsx
 *          (--partner more than once, or NAME1,NAME2: --out is a folder with one workbook per partner)
 *   import --db FILE --in FILE.xlsx [--dry-run] [--json] [--errors-out FOUTEN.xlsx] [--choose KEY=file]
 *
 * Export only reads the workspace. Import without --dry-run applies in one transaction (one change
 * set with the file name as its source); with --dry-run it only reports.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema';
import { assertOpenable, createWorkspaceFile, defaultBackupsRoot, openWorkspaceFile, type Workspace } from '../db/workspace-file';
import { withImportBackup } from '../files/backups';
import { openSqlite } from '../db/sqlite';
import { LATEST_VERSION } from '../db/migrate';
import { UserError } from '../errors';
import { applyImport, buildErrorWorkbook, exportPartner, exportSteering, exportWorkspace, peekFile, planImport } from '../excel';
import { EXAMPLE_REGION, findRegion, regionLabel } from '../../../shared/regions';
import type { ConflictChoices, ImportPlan } from '../../../shared/schemas/exchange';
import { EXPORT_KINDS, PARTNER_SECTION_NAMES, type ExportKind } from '../../../shared/schemas/exchange';
import { findPartner } from '../excel/partner';
import { exportFileName, workspaceRegion } from '../excel/info';
import { t } from '../../../shared/i18n/nl';
import type { CliIo } from './main';
import { nowIso } from '../clock';

export interface ExchangeOpts {
  kind?: string;
  partner?: string | string[];
  period?: string;
  /** Monitoring round (name or id) for the monitoring section. */
  round?: string;
  sections?: string;
  out?: string;
  in?: string;
  'dry-run'?: boolean;
  'errors-out'?: string;
  choose?: string[];
  user?: string;
  json?: boolean;
  /** Where the backup before an applied import goes. */
  backupsRoot?: string;
}

/** One CLI run is one session: its change sets are never undone by a window's Ctrl+Z. */
export const CLI_SESSION = `cli-${process.pid}-${randomUUID()}`;

const cliUser = (o: ExchangeOpts) => o.user?.trim() || (() => {
  try {
    return os.userInfo().username;
  } catch {
    return 'regieboek';
  }
})();

/** A read-only handle when the file is current; an older file is opened (and migrated) as the app would. */
async function withReadDb<T>(file: string, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const version = assertOpenable(file);
  if (version < LATEST_VERSION) {
    const ws = openWorkspaceFile(file);
    try {
      return await fn(ws.db);
    } finally {
      await ws.close();
    }
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(file, { readonly: true }) }), plugins: [new CamelCasePlugin()] });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Writes under a temporary name and renames, so a failed export never leaves half a file. */
function writeAtomically(out: string, buf: Buffer): void {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, buf);
  fs.renameSync(tmp, out);
}

/** Partner names from --partner (repeatable, each possibly a comma list), without duplicates. */
function partnerNames(o: ExchangeOpts): string[] {
  const list = Array.isArray(o.partner) ? o.partner : o.partner ? [o.partner] : [];
  return [...new Set(list.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean))];
}

function sectionsOf(o: ExchangeOpts): string[] | undefined {
  if (!o.sections?.trim()) return undefined;
  const list = o.sections.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((s) => !(PARTNER_SECTION_NAMES as readonly string[]).includes(s));
  if (bad) throw new UserError('invalid_input', t('cli.badSections', { value: bad, names: PARTNER_SECTION_NAMES.join(', ') }));
  return list;
}

export async function exportCommand(db: string, o: ExchangeOpts, io: CliIo): Promise<number> {
  const kind = (o.kind ?? '') as ExportKind;
  if (!EXPORT_KINDS.includes(kind)) throw new UserError('invalid_input', t('cli.needKind'));
  if (!o.out) throw new UserError('invalid_input', t('cli.needOut'));
  const partners = partnerNames(o);
  const sections = sectionsOf(o);
  if (kind === 'partner' && !partners.length) throw new UserError('invalid_input', t('xl.partner.needPartner') + ' (--partner NAAM)');
  const ctx = { user: cliUser(o), source: path.basename(db), at: nowIso() };
  if (kind === 'partner' && partners.length > 1) {
    // Several partners: --out is a folder, one workbook per partner, every name checked first.
    const dir = path.resolve(o.out);
    if (dir.toLowerCase().endsWith('.xlsx') || (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0))) throw new UserError('invalid_input', t('cli.outFolder'));
    const files = await withReadDb(db, async (d) => {
      const region = await workspaceRegion(d);
      const found = [];
      for (const p of partners) found.push((await findPartner(d, p)) ?? { id: p, name: p });
      const out: { name: string; buf: Buffer }[] = [];
      for (const p of found) out.push({ name: exportFileName('partner', region.label, p.name), buf: await exportPartner(d, { partner: p.id, period: o.period, round: o.round, sections }, ctx) });
      return out;
    });
    fs.mkdirSync(dir, { recursive: true });
    for (const f of files) writeAtomically(path.join(dir, f.name), f.buf);
    io.out(t('cli.exportedMany', { n: files.length, path: dir }) + '\n');
    for (const f of files) io.out(`  ${f.name}\n`);
    return 0;
  }
  if (!o.out.toLowerCase().endsWith('.xlsx')) throw new UserError('invalid_input', t('cli.outXlsx'));
  const out = path.resolve(o.out);
  const buf = await withReadDb(db, (d) =>
    kind === 'workspace' ? exportWorkspace(d, ctx) : kind === 'steering' ? exportSteering(d, ctx) : exportPartner(d, { partner: partners[0]!, period: o.period, round: o.round, sections }, ctx),
  );
  writeAtomically(out, buf);
  io.out(t('cli.exported', { path: out }) + '\n');
  return 0;
}

function parseChoices(list: string[] | undefined): ConflictChoices {
  const out: ConflictChoices = {};
  for (const c of list ?? []) {
    const i = c.lastIndexOf('=');
    const v = c.slice(i + 1);
    if (i < 1 || (v !== 'file' && v !== 'keep')) throw new UserError('invalid_input', t('cli.badChoice', { value: c }));
    out[c.slice(0, i)] = v;
  }
  return out;
}

function printPlan(plan: ImportPlan, io: CliIo): void {
  const c = plan.counts;
  io.out(t('cli.planSummary', { file: plan.fileName, new: c.new, changed: c.changed, unchanged: c.unchanged, conflict: c.conflict, rejected: c.rejected }) + '\n');
  for (const r of plan.rows) {
    if (r.status === 'unchanged') continue;
    io.out(`  [${t(`exchange.status.${r.status}`)}] ${r.sheet} rij ${r.row}: ${r.label}\n`);
    for (const ch of r.changes) io.out(`      ${ch.header}: ${ch.old} -> ${ch.new}${ch.conflict ? ` (${t('exchange.conflictNote')})` : ''}\n`);
    for (const i of r.issues) io.out(`      ${i.text}\n`);
  }
  for (const n of plan.notices) io.out(`  ${n.text}\n`);
}

export async function importCommand(db: string, o: ExchangeOpts, io: CliIo): Promise<number> {
  if (!o.in) throw new UserError('invalid_input', t('cli.needIn'));
  const input = path.resolve(o.in);
  if (!fs.existsSync(input)) throw new UserError('not_found', t('err.fileMissing', { path: input }));
  const buf = fs.readFileSync(input);
  const name = path.basename(input);
  const choices = parseChoices(o.choose);
  let ws: Workspace;
  let scratch: string | null = null;
  const existed = fs.existsSync(db);
  let closed = false;
  // Applying writes: the lock file keeps a colleague's open Regieboek (or another CLI) out meanwhile.
  const openOpts = { user: cliUser(o), backupsRoot: o.backupsRoot, readOnly: !!o['dry-run'] };
  if (existed) {
    ws = openWorkspaceFile(db, openOpts);
    if (!o['dry-run']) ws.assertWritable();
  } else {
    // No workspace yet: make one for the file's region (only from a workspace workbook). A dry
    // run makes it in a scratch folder and throws it away.
    const info = await peekFile(buf, name);
    if (info.kind !== 'workspace') throw new UserError('user_error', t('cli.notWorkspaceFile', { file: name }));
    const region = info.regionNumber === EXAMPLE_REGION.number ? EXAMPLE_REGION : findRegion(info.regionNumber);
    if (!region) throw new UserError('user_error', t('xl.info.badRegion', { file: name, value: String(info.regionNumber) }));
    if (o['dry-run']) scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-proef-'));
    ws = createWorkspaceFile(scratch ? path.join(scratch, 'proef.regieboek') : db, region, {}, { ...openOpts, readOnly: false });
    if (!scratch) io.err(t('cli.createdFromFile', { path: db, region: regionLabel(region) }) + '\n');
  }
  try {
    if (o['dry-run']) {
      const plan = await planImport(ws.db, buf, name);
      if (o['errors-out'] && plan.counts.rejected) writeAtomically(path.resolve(o['errors-out']), await buildErrorWorkbook(buf, name, plan));
      if (o.json) io.out(JSON.stringify({ dryRun: true, ...plan }, null, 2) + '\n');
      else printPlan(plan, io);
      return 0;
    }
    const apply = () => applyImport(ws.db, buf, name, { user: cliUser(o), session: CLI_SESSION, choices });
    // A backup before an import into an existing workspace (a new one holds nothing yet).
    const result = existed ? await withImportBackup(o.backupsRoot ?? defaultBackupsRoot(), ws.sqlite, ws.path, apply) : await apply();
    if (o['errors-out'] && result.plan.counts.rejected) writeAtomically(path.resolve(o['errors-out']), await buildErrorWorkbook(buf, name, result.plan));
    if (o.json) io.out(JSON.stringify({ dryRun: false, applied: result.applied, changeSetId: result.changeSetId, ...result.plan }, null, 2) + '\n');
    else {
      printPlan(result.plan, io);
      io.out(t('cli.applied', { n: result.applied }) + '\n');
    }
    return 0;
  } catch (e) {
    // A workspace made for this import and then refused is removed again: nothing is left behind.
    if (!existed && !scratch) {
      await ws.close();
      closed = true;
      for (const f of [db, db + '-wal', db + '-shm', db + '.lock']) fs.rmSync(f, { force: true });
    }
    throw e;
  } finally {
    if (!closed) await ws.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}
