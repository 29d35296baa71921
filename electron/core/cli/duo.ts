/**
 * `regieboek duo import --db FILE --in FILE [--dry-run] [--status voorlopig|definitief] [--year-is begin|eind] [--json]`:
 * a DUO VSV file (CSV or XLSX) into the region figures, with the same dry run and apply as the
 * screen. A dry run never writes the workspace, not even to bring an older file up to date (it
 * reads a migrated copy). Exit 1 when the file cannot be imported as it is (the reasons on stdout
 * with the plan, or on stderr).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema';
import { assertOpenable, defaultBackupsRoot, openWorkspaceFile } from '../db/workspace-file';
import { withImportBackup } from '../files/backups';
import { openSqlite } from '../db/sqlite';
import { LATEST_VERSION } from '../db/migrate';
import { UserError } from '../errors';
import { applyDuo, planDuo } from '../duo/plan';
import { t, type MessageKey } from '../../../shared/i18n/nl';
import { formatNumber } from '../../../shared/results/format';
import type { DuoPlan } from '../../../shared/schemas/duo';
import type { CliIo } from './main';
import { CLI_SESSION } from './exchange';

export interface DuoOpts {
  in?: string;
  'dry-run'?: boolean;
  status?: string;
  'year-is'?: string;
  user?: string;
  json?: boolean;
  /** Where the backup before an apply goes (the data folder's reservekopieen/). */
  backupsRoot?: string;
}

async function withPlanDb<T>(file: string, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const version = assertOpenable(file);
  if (version < LATEST_VERSION) {
    // An older file: a migrated copy answers the dry run; the file itself stays as it is.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-duo-'));
    const copy = path.join(dir, 'kopie.regieboek');
    fs.copyFileSync(file, copy);
    const ws = openWorkspaceFile(copy);
    try {
      return await fn(ws.db);
    } finally {
      await ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(file, { readonly: true }) }), plugins: [new CamelCasePlugin()] });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

function systemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'regieboek';
  }
}

const n = (v: number | null) => (v === null ? '—' : formatNumber(v));

function printPlan(plan: DuoPlan, io: CliIo): void {
  const c = plan.counts;
  io.out(t('cli.duoSummary', { file: plan.fileName, new: c.new, changed: c.changed, unchanged: c.unchanged, rejected: c.rejected, used: c.rowsUsed, other: c.rowsOtherRegion }) + '\n');
  for (const f of plan.figures) {
    const label = `${f.schoolYear} ${t(`onderwijssoort.${f.onderwijssoort}` as MessageKey)} ${t(`measurementStatus.${f.status}` as MessageKey).toLowerCase()}`;
    io.out(`  [${t(`duo.outcome.${f.outcome}` as MessageKey)}] ${label}: ${n(f.leavers)} / ${n(f.students)}${f.percentage === null ? '' : ` = ${formatNumber(f.percentage, 2)}%`}\n`);
    for (const m of f.messages) io.out(`      ${m}\n`);
  }
  for (const r of plan.rows) if (r.outcome === 'error') for (const m of r.messages) io.out(`  ${m}\n`);
  for (const p of plan.problems) io.out(`${p}\n`);
}

export async function duoCommand(sub: string | undefined, db: string, o: DuoOpts, io: CliIo): Promise<number> {
  if (sub !== 'import') throw new UserError('invalid_input', t('cli.duoUsage'));
  if (!o.in) throw new UserError('invalid_input', t('cli.duoNeedIn'));
  const input = path.resolve(o.in);
  if (!fs.existsSync(input)) throw new UserError('not_found', t('err.fileMissing', { path: input }));
  if (o.status !== undefined && o.status !== 'voorlopig' && o.status !== 'definitief') throw new UserError('invalid_input', t('cli.duoBadStatus', { value: o.status }));
  if (o['year-is'] !== undefined && o['year-is'] !== 'begin' && o['year-is'] !== 'eind') throw new UserError('invalid_input', t('cli.duoBadYearIs', { value: o['year-is'] }));
  if (!fs.existsSync(db)) throw new UserError('not_found', t('err.fileMissing', { path: db }));
  const buf = fs.readFileSync(input);
  const name = path.basename(input);
  const options = { status: (o.status as 'voorlopig' | 'definitief' | undefined) ?? null, yearIs: (o['year-is'] as 'begin' | 'eind' | undefined) ?? null, mapping: null };

  if (o['dry-run']) {
    const plan = await withPlanDb(db, (d) => planDuo(d, buf, name, options));
    if (o.json) io.out(JSON.stringify({ dryRun: true, applied: 0, changeSetId: null, ...plan }, null, 2) + '\n');
    else printPlan(plan, io);
    return plan.problems.length ? 1 : 0;
  }
  // Applying writes: the lock file keeps a colleague's open Regieboek out meanwhile, and a backup
  // is made first (removed again when the file changes nothing), as with an Excel import.
  const user = o.user?.trim() || systemUser();
  const ws = openWorkspaceFile(db, { user, backupsRoot: o.backupsRoot });
  try {
    ws.assertWritable();
    const result = await withImportBackup(o.backupsRoot ?? defaultBackupsRoot(), ws.sqlite, ws.path, () => applyDuo(ws.db, buf, name, { ...options, user, session: CLI_SESSION }));
    if (o.json) io.out(JSON.stringify({ dryRun: false, applied: result.applied, changeSetId: result.changeSetId, ...result.plan }, null, 2) + '\n');
    else {
      printPlan(result.plan, io);
      io.out(t('cli.duoApplied', { n: result.applied }) + '\n');
    }
    return 0;
  } finally {
    await ws.close();
  }
}
