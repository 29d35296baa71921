/**
 * `regieboek`: the command line over the same core. Exit 0 ok, 1 a user error (Dutch message on
 * stderr), 2 an internal error. info and check only read; nothing here modifies a file that is not
 * a Regieboek workspace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError, knownFailure } from '../errors';
import { assertOpenable, createFilledWorkspace, createWorkspaceFile, inspectFile, openReadView } from '../db/workspace-file';
import { backupsRoot, listBackups, makeBackup, workspaceFolder } from '../files/backups';
import { snapshotTo } from '../files/snapshot';
import { defaultDataDir } from '../paths';
import { formatBytes } from '../../../shared/size';
import { openSqlite } from '../db/sqlite';
import { LATEST_VERSION, pendingMigrations } from '../db/migrate';
import { recordCounts } from '../db/queries/counts';
import { seedExample } from '../demo/seed';
import { scaleExample } from '../demo/scale';
import { workspaceBudget } from '../db/queries/budget';
import { budgetMirrorDifferences } from '../db/queries/budget-mirror';
import { formatCents } from '../../../shared/money';
import { EXAMPLE_REGION, findRegion, regionLabel } from '../../../shared/regions';
import { t, type MessageKey } from '../../../shared/i18n/nl';
import { exportCommand, importCommand, type ExchangeOpts } from './exchange';
import { duoCommand } from './duo';
import { privacyCommand, trashCommand } from './privacy';
import { planCommand, type PlanOpts } from './plan';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema';
import { listProgrammes } from '../db/queries/programmes';
import { programmeTree } from '../db/queries/tree';
import { holdsOneActivity, type ProgrammeTree } from '../../../shared/schemas/tree';
import { programmeViews } from '../db/queries/results';
import type { IndicatorView } from '../../../shared/schemas/results';
import type { Unit } from '../../../shared/results/types';
import { formatIndicatorValue } from '../../../shared/results/format';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { listActions, listRounds } from '../db/queries/monitoring';
import { today as clockToday } from '../clock';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Opts = { db?: string; region?: string; scale?: string; json?: boolean; help?: boolean; 'data-dir'?: string; status?: string; 'year-is'?: string } & ExchangeOpts & PlanOpts;

function needDb(o: Opts): string {
  if (!o.db) throw new UserError('invalid_input', t('cli.needDb'));
  return path.resolve(o.db);
}

export async function info(file: string) {
  const version = assertOpenable(file);
  const sqlite = openSqlite(file, { readonly: true });
  try {
    const region = sqlite.prepare('SELECT number, name, contact_municipality AS contactMunicipality FROM region').get() as {
      number: number;
      name: string;
      contactMunicipality: string | null;
    };
    const counts = recordCounts(sqlite);
    const trash = (sqlite.prepare('SELECT count(*) AS n FROM trash WHERE restored_at IS NULL').get() as { n: number }).n;
    const changes = (sqlite.prepare('SELECT count(*) AS n FROM change_set').get() as { n: number }).n;
    return { file, region: { ...region, label: regionLabel(region) }, schemaVersion: version, latestSchemaVersion: LATEST_VERSION, counts, trash, changeSets: changes };
  } finally {
    sqlite.close();
  }
}

/** Money over the whole workspace; reads only, so a file with open migrations is refused. */
export async function budget(file: string) {
  const version = assertOpenable(file);
  if (pendingMigrations(version) > 0) throw new UserError('invalid_input', t('cli.budgetPending', { path: file, version }));
  const sqlite = openSqlite(file, { readonly: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    return await workspaceBudget(db);
  } finally {
    await db.destroy();
  }
}

/** Every programme with its lines, measures, activities and sub-activities; reads only. */
export async function tree(file: string): Promise<{ programmes: ProgrammeTree[] }> {
  const version = assertOpenable(file);
  const sqlite = openSqlite(file, { readonly: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    const programmes = await listProgrammes(db);
    // A file from before the programme tree (schema 1) is read as it is, not migrated.
    if (version < 2) return { programmes: programmes.map((p) => ({ id: p.id, name: p.name, periodStart: p.periodStart, periodEnd: p.periodEnd, lines: [] })) };
    const trees = await Promise.all(programmes.map((p) => programmeTree(db, p.id)));
    return { programmes: trees.filter((x): x is ProgrammeTree => !!x) };
  } finally {
    await db.destroy();
  }
}

/** Monitoring rounds with per measure the answered/total questions, and every action; reads only. */
export async function monitoring(file: string) {
  const version = assertOpenable(file);
  if (version < 5) return { today: clockToday(), rounds: [], actions: [] };
  const sqlite = openSqlite(file, { readonly: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    const today = clockToday();
    const rounds = (await listRounds(db, undefined, today)).map((r) => ({
      id: r.id,
      programme: r.programmeName,
      name: r.name,
      startDate: r.startDate,
      endDate: r.endDate,
      upcoming: r.upcoming,
      measures: r.interviews.map((i) => ({
        code: i.measureCode,
        name: i.measureName,
        partner: i.partnerName,
        status: i.status,
        answered: i.answered,
        total: i.total,
        attendees: i.attendees.length,
      })),
      actions: r.actionCount,
      openActions: r.openActionCount,
    }));
    const actions = (await listActions(db, {}, today)).map((a) => ({
      id: a.id,
      round: a.roundName,
      measure: [a.measureCode, a.measureName].filter(Boolean).join(' '),
      text: a.text,
      owner: [a.ownerName, a.ownerOrganisationName].filter(Boolean).join(', '),
      deadline: a.deadline,
      status: a.status,
      overdue: a.overdue,
    }));
    return { today, rounds, actions };
  } finally {
    await db.destroy();
  }
}

/**
 * Per indicator of every programme: baseline, targets (revisions included), every measurement with
 * the date it was measured and, apart from it, the period it is about ("2016/2017"), the latest value
 * that counts and the status, from the same views the screens show.
 */
export async function results(file: string) {
  const version = assertOpenable(file);
  if (version < 4) return { programmes: [] as unknown[], indicators: [] as unknown[] };
  const sqlite = openSqlite(file, { readonly: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  try {
    const indicators: Record<string, unknown>[] = [];
    const label = (code: string, name: string) => [code, name].filter(Boolean).join(' ');
    const row = (programme: string, owner: { activity: string | null; measure: string }, v: IndicatorView, all: IndicatorView[]) => ({
      programme,
      ...owner,
      activity: owner.activity,
      id: v.id,
      indicator: v.name,
      parent: v.parentId ? (all.find((x) => x.id === v.parentId)?.name ?? null) : null,
      unit: v.unit,
      direction: v.direction,
      aggregation: v.aggregation,
      periodKind: v.periodKind,
      baseline: { value: v.baselineValue, date: v.baselineDate },
      targets: v.targets.map((x) => ({
        period: x.period,
        schoolYear: x.schoolYear,
        periodStart: x.periodStart,
        periodEnd: x.periodEnd,
        kind: x.kind,
        ...(x.kind === 'exact' ? { value: x.value } : x.kind === 'bereik' ? { min: x.min, max: x.max } : { percent: x.percent }),
        resolved: x.resolvedMin === null ? null : { min: x.resolvedMin, max: x.resolvedMax },
        current: x.current,
        ...(x.supersedesId ? { reason: x.reason, decisionDate: x.decisionDate } : {}),
      })),
      measurements: v.measurements.map((m) => ({
        period: m.period,
        date: m.date,
        value: m.computedValue,
        ...(m.numerator !== null ? { numerator: m.numerator, denominator: m.denominator } : {}),
        status: m.status,
        counts: m.counts,
      })),
      latest: v.evaluation.latest && { period: v.evaluation.latest.period, date: v.evaluation.latest.date, value: v.evaluation.latest.value, status: v.evaluation.latest.status },
      status: v.evaluation.status,
      basis: v.evaluation.basis,
      note: v.evaluation.note,
      progress: v.evaluation.progress === null ? null : Math.round(v.evaluation.progress * 1000) / 1000,
      expected: v.evaluation.expected === null ? null : Math.round(v.evaluation.expected * 1000) / 1000,
    });
    for (const p of await listProgrammes(db)) {
      const r = await programmeViews(db, p.id);
      if (!r) continue;
      for (const m of r.measures) {
        const all = [...m.indicators, ...m.activities.flatMap((a) => a.indicators)];
        for (const v of m.indicators) indicators.push(row(p.name, { activity: null, measure: label(m.code, m.name) }, v, all));
        for (const a of m.activities) for (const v of a.indicators) indicators.push(row(p.name, { activity: label(a.code, a.name), measure: label(m.code, m.name) }, v, all));
      }
    }
    return { indicators };
  } finally {
    await db.destroy();
  }
}

function printTree(result: { programmes: ProgrammeTree[] }, out: (s: string) => void): void {
  const label = (code: string, name: string) => [code, name].filter(Boolean).join(' ');
  for (const p of result.programmes) {
    out(`${p.name}\n`);
    for (const l of p.lines) {
      out(`  ${label(l.code, l.name)}\n`);
      for (const m of l.measures) {
        // An item that is its own activity is one line, marked with its shape; its sub-activities below it.
        if (holdsOneActivity(m.shape)) {
          out(`    ${label(m.code, m.name)} (${t(`shape.badge.${m.shape}` as MessageKey).toLowerCase()})\n`);
          for (const s of m.activities.flatMap((a) => a.subActivities)) out(`      ${label(s.number, s.name)}\n`);
          continue;
        }
        out(`    ${label(m.code, m.name)}\n`);
        for (const a of m.activities) {
          out(`      ${label(a.code, a.name)}\n`);
          for (const s of a.subActivities) out(`        ${label(s.number, s.name)}\n`);
        }
      }
    }
  }
}

async function makeDemo(file: string, scale = 1): Promise<void> {
  if (fs.existsSync(file)) {
    // Only a previous example workspace may be replaced: it holds nothing a user typed.
    assertOpenable(file);
    const ro = openSqlite(file, { readonly: true });
    const isExample = (ro.prepare('SELECT number FROM region').get() as { number: number } | undefined)?.number === EXAMPLE_REGION.number;
    ro.close();
    if (!isExample) throw new UserError('conflict', t('err.fileExists', { path: file }));
  }
  // Built and filled under a temporary name, then renamed over the old example in one step.
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.demo-${process.pid}`);
  for (const f of [tmp, tmp + '-wal', tmp + '-shm', tmp + '-journal']) fs.rmSync(f, { force: true });
  const ws = await createFilledWorkspace(tmp, EXAMPLE_REGION, { example: 'true' }, async (w) => {
    await seedExample(w.db);
    scaleExample(w.sqlite, scale);
  }, { lock: false });
  await ws.close();
  for (const f of [file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, file);
}

/** The data folder whose backups the CLI uses: --data-dir, else the app's own. */
function dataDirOf(o: Opts): string {
  return path.resolve(o['data-dir'] ?? (process.env.REGIEBOEK_DATA_DIR || defaultDataDir()));
}

/** `regieboek backup`: a snapshot into the backups (reason "handmatig") or to --out. */
async function backupCommand(file: string, o: Opts, io: CliIo): Promise<number> {
  assertOpenable(file);
  const view = openReadView(file);
  try {
    if (o.out) {
      const out = path.resolve(o.out);
      const size = snapshotTo(view.sqlite, out, { sourcePath: file });
      io.out(t('cli.copyMade', { path: out, size: formatBytes(size) }) + '\n');
    } else {
      const b = makeBackup(backupsRoot(dataDirOf(o)), view.sqlite, file, 'handmatig');
      io.out(t('cli.backupMade', { path: b.file, size: formatBytes(b.size) }) + '\n');
    }
  } finally {
    view.close();
  }
  return 0;
}

function backupsCommand(file: string, o: Opts, io: CliIo): number {
  const list = listBackups(backupsRoot(dataDirOf(o)), file);
  if (o.json) {
    io.out(JSON.stringify({ workspace: file, folder: workspaceFolder(backupsRoot(dataDirOf(o)), file), backups: list }, null, 2) + '\n');
    return 0;
  }
  if (!list.length) io.out(t('cli.backupsNone', { path: file }) + '\n');
  for (const b of list) io.out(`${formatDateTime(b.at)}  ${t(`backup.reason.${b.reason}`)}  ${formatBytes(b.size)}  ${b.file}\n`);
  return 0;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [cmd, ...args] = argv;
    // `regieboek duo import …`, `regieboek plan export …`, `regieboek trash empty …`: the sub-command comes before the options.
    const sub = (cmd === 'duo' || cmd === 'plan' || cmd === 'trash') && args[0] && !args[0].startsWith('-') ? args[0] : undefined;
    const rest = sub ? args.slice(1) : args;
    let values: Opts;
    try {
      values = parseArgs({
        args: rest,
        options: {
          db: { type: 'string' },
          region: { type: 'string' },
          scale: { type: 'string' },
          json: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
          kind: { type: 'string' },
          partner: { type: 'string', multiple: true },
          period: { type: 'string' },
          round: { type: 'string' },
          sections: { type: 'string' },
          out: { type: 'string' },
          in: { type: 'string' },
          'dry-run': { type: 'boolean' },
          'errors-out': { type: 'string' },
          choose: { type: 'string', multiple: true },
          user: { type: 'string' },
          'data-dir': { type: 'string' },
          status: { type: 'string' },
          'year-is': { type: 'string' },
          programme: { type: 'string' },
          'accept-suggestions': { type: 'boolean' },
        },
        strict: true,
      }).values;
    } catch (e) {
      throw new UserError('invalid_input', t('cli.badOption', { detail: (e as Error).message }));
    }
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help' || values.help) {
      io.out(t('cli.usage'));
      return 0;
    }
    switch (cmd) {
      case 'init': {
        const file = needDb(values);
        if (values.region === undefined) throw new UserError('invalid_input', t('cli.needRegion'));
        const n = /^\d{1,2}$/.test(values.region) ? Number(values.region) : NaN;
        const region = n >= 1 ? findRegion(n) : undefined;
        if (!region) throw new UserError('invalid_input', t('cli.badRegion', { value: values.region }));
        const ws = createWorkspaceFile(file, region);
        await ws.close();
        io.out(t('cli.created', { path: file, region: regionLabel(region) }) + '\n');
        return 0;
      }
      case 'demo': {
        const file = needDb(values);
        const scale = values.scale === undefined ? 1 : /^\d{1,3}$/.test(values.scale) ? Number(values.scale) : NaN;
        if (!(scale >= 1 && scale <= 200)) throw new UserError('invalid_input', t('cli.badScale', { value: values.scale ?? '' }));
        await makeDemo(file, scale);
        io.out(t('cli.demoCreated', { path: file }) + '\n');
        return 0;
      }
      case 'info': {
        const result = await info(needDb(values));
        if (values.json) io.out(JSON.stringify(result, null, 2) + '\n');
        else {
          io.out(`${result.region.label} — schemaversie ${result.schemaVersion}\n`);
          for (const [k, v] of Object.entries(result.counts)) io.out(`  ${k}: ${v}\n`);
        }
        return 0;
      }
      case 'budget': {
        const r = await budget(needDb(values));
        if (values.json) io.out(JSON.stringify(r, null, 2) + '\n');
        else {
          io.out(t('cli.budgetTotal', { planned: formatCents(r.total.plannedCents), realised: formatCents(r.total.realisedCents), awarded: formatCents(r.total.awardedCents) }) + '\n');
          for (const m of r.byMeasure) io.out(`  ${[m.code, m.name].filter(Boolean).join(' ')}: ${formatCents(m.plannedCents)} / ${formatCents(m.realisedCents)}\n`);
          io.out((r.checks.length ? t('cli.budgetChecks', { n: r.checks.length }) : t('cli.budgetNoChecks')) + '\n');
          for (const c of r.checks) io.out(`  [${c.severity}] ${c.message}\n`);
        }
        return 0;
      }
      case 'tree': {
        const result = await tree(needDb(values));
        if (values.json) io.out(JSON.stringify(result, null, 2) + '\n');
        else printTree(result, io.out);
        return 0;
      }
      case 'monitoring': {
        const r = await monitoring(needDb(values));
        if (values.json) io.out(JSON.stringify(r, null, 2) + '\n');
        else {
          for (const round of r.rounds) {
            io.out(`${round.name} (${formatDate(round.startDate)})\n`);
            for (const m of round.measures) io.out(`  ${[m.code, m.name].filter(Boolean).join(' ')}${m.partner ? ` — ${m.partner}` : ''}: ${t('mon.round.answered', { answered: m.answered, total: m.total })} [${m.status}]\n`);
          }
          for (const a of r.actions)
            io.out(`[${a.status}${a.overdue ? ', ' + t('mon.action.overdue').toLowerCase() : ''}] ${a.text} — ${a.owner}${a.deadline ? ` (${formatDate(a.deadline)})` : ''}\n`);
        }
        return 0;
      }
      case 'results': {
        const result = await results(needDb(values));
        if (values.json) io.out(JSON.stringify(result, null, 2) + '\n');
        else
          for (const i of result.indicators as { activity: string | null; measure: string; indicator: string; unit: Unit; status: string; latest: { value: number | null; date: string; period: string } | null }[])
            io.out(
              `${i.activity ?? i.measure} | ${i.indicator} | ${t(`resultStatus.${i.status}` as 'resultStatus.behaald')}${i.latest ? ` | ${t('cli.resultsAt', { value: formatIndicatorValue(i.unit, i.latest.value), period: i.latest.period, date: formatDate(i.latest.date) })}` : ''}\n`,
            );
        return 0;
      }
      case 'check': {
        const file = needDb(values);
        const c = inspectFile(file, { thorough: true });
        if (c.kind === 'damaged') {
          io.err(t('cli.checkBad', { path: file, detail: c.detail ?? '' }) + '\n');
          return 1;
        }
        const version = assertOpenable(file, { thorough: true });
        const view = openReadView(file);
        const fk = view.sqlite.pragma('foreign_key_check') as unknown[];
        const mirror = budgetMirrorDifferences(view.sqlite);
        view.close();
        if (fk.length > 0) {
          io.err(t('cli.checkBad', { path: file, detail: `${fk.length} verwijzing(en) naar ontbrekende gegevens` }) + '\n');
          return 1;
        }
        if (mirror.length > 0) {
          io.err(t('cli.checkBad', { path: file, detail: t('cli.checkBudgetMirror', { n: mirror.length }) }) + '\n');
          return 1;
        }
        const pending = pendingMigrations(version);
        io.out((pending > 0 ? t('cli.checkPending', { path: file, version, pending }) : t('cli.checkOk', { path: file, version })) + '\n');
        // A rolled-back write is not damage: SQLite undoes it on the next open, as it did in the check's copy.
        if (c.kind === 'ok' && c.recovered) io.out(t('cli.checkRecovered') + '\n');
        return 0;
      }
      case 'export':
        return await exportCommand(needDb(values), values, io);
      case 'import':
        return await importCommand(needDb(values), { ...values, backupsRoot: backupsRoot(dataDirOf(values)) }, io);
      case 'backup':
        return await backupCommand(needDb(values), values, io);
      case 'backups':
        return backupsCommand(needDb(values), values, io);
      case 'duo':
        return await duoCommand(sub, needDb(values), { ...values, backupsRoot: backupsRoot(dataDirOf(values)) }, io);
      case 'privacy':
        return await privacyCommand(needDb(values), { ...values, backupsRoot: backupsRoot(dataDirOf(values)) }, io);
      case 'trash':
        return await trashCommand(sub, needDb(values), { ...values, backupsRoot: backupsRoot(dataDirOf(values)) }, io);
      case 'plan':
        return await planCommand(needDb(values), sub, { ...values, backupsRoot: backupsRoot(dataDirOf(values)) }, io);
      default:
        throw new UserError('invalid_input', t('cli.unknownCommand', { cmd }));
    }
  } catch (e) {
    const known = knownFailure(e);
    if (known) {
      io.err(known.message + '\n');
      return 1;
    }
    io.err(t('cli.internal', { detail: e instanceof Error ? (e.stack ?? e.message) : String(e) }) + '\n');
    return 2;
  }
}
