/**
 * `regieboek plan import|export`: the Word plan on the command line.
 *
 *   plan import --db FILE --in PLAN.docx|PLAN.odt [--programme ID] [--dry-run] [--accept-suggestions] [--json]
 *        prints the detected tree with, per activity, the questions found; without --dry-run it
 *        writes one change set (a backup first), into --programme or a new programme from the cover
 *   plan export --db FILE --programme ID --out PLAN.docx
 */
import fs from 'node:fs';
import path from 'node:path';
import { openWorkspaceFile } from '../db/workspace-file';
import { withImportBackup } from '../files/backups';
import { UserError } from '../errors';
import { applyPlan, previewPlan } from '../plan/import';
import { exportPlan } from '../plan/write';
import { today } from '../clock';
import { t } from '../../../shared/i18n/nl';
import { emptyChoices, type PlanPreview } from '../../../shared/schemas/plan';
import { CLI_SESSION, type ExchangeOpts } from './exchange';
import type { CliIo } from './main';
import os from 'node:os';

export interface PlanOpts extends ExchangeOpts {
  programme?: string;
  'accept-suggestions'?: boolean;
}

const user = (o: PlanOpts) => o.user?.trim() || (() => {
  try {
    return os.userInfo().username;
  } catch {
    return 'regieboek';
  }
})();

function printPreview(p: PlanPreview, io: CliIo): void {
  const c = p.counts;
  io.out(t('plan.cli.summary', { file: p.fileName, lines: c.lines, measures: c.measures, activities: c.activities, found: c.questionsFound, total: c.questionsTotal, unplaced: p.unplaced.length }) + '\n');
  for (const it of p.items) {
    const status = p.programmeId ? ` [${t(`exchange.status.${it.status}`)}]` : '';
    io.out(`${'  '.repeat(it.depth - 1)}${t(`plan.kind.${it.kind}`)} ${[it.code, it.name].filter(Boolean).join(' ')}${status}\n`);
    if (it.questions.length) io.out(`${'  '.repeat(it.depth)}${it.questions.map((q) => (q.found ? String(q.no) : `(${q.no})`)).join(' ')}\n`);
    for (const ch of it.changes) io.out(`${'  '.repeat(it.depth)}${ch.label}: ${ch.old.slice(0, 60)} -> ${ch.new.slice(0, 60)}\n`);
    for (const i of it.issues) io.out(`${'  '.repeat(it.depth)}${i}\n`);
  }
  if (p.suggestions.length) io.out(`${t('plan.cli.suggestions')}:\n`);
  for (const x of p.suggestions) {
    const it = p.items.find((i) => i.key === x.itemKey);
    io.out(`  [${x.accepted ? 'x' : x.blocked ? '-' : ' '}] ${[it?.code, it?.name].filter(Boolean).join(' ')}: ${x.label}${x.blocked ? ` (${x.blocked})` : ''}\n`);
  }
  if (p.unplaced.length) io.out(`${t('plan.cli.unplaced')}:\n`);
  for (const u of p.unplaced) io.out(`  ${u.where}: ${u.text.slice(0, 80)}\n`);
  for (const i of p.issues) io.out(i + '\n');
}

export async function planCommand(db: string, sub: string | undefined, o: PlanOpts, io: CliIo): Promise<number> {
  if (sub === 'export') {
    if (!o.programme) throw new UserError('invalid_input', t('plan.cli.needProgramme'));
    if (!o.out || !o.out.toLowerCase().endsWith('.docx')) throw new UserError('invalid_input', t('plan.cli.needOutDocx'));
    if (!fs.existsSync(db)) throw new UserError('not_found', t('err.fileMissing', { path: db }));
    const ws = openWorkspaceFile(db, { user: user(o), backupsRoot: o.backupsRoot, readOnly: true });
    try {
      const { buffer } = await exportPlan(ws.db, o.programme);
      const out = path.resolve(o.out);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const tmp = `${out}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, buffer);
      fs.renameSync(tmp, out);
      io.out(t('plan.cli.exported', { path: out }) + '\n');
    } finally {
      await ws.close();
    }
    return 0;
  }
  if (sub !== 'import') throw new UserError('invalid_input', t('cli.unknownCommand', { cmd: `plan ${sub ?? ''}`.trim() }));
  if (!o.in) throw new UserError('invalid_input', t('plan.cli.needInDocx'));
  const input = path.resolve(o.in);
  if (!fs.existsSync(input)) throw new UserError('not_found', t('err.fileMissing', { path: input }));
  if (!fs.existsSync(db)) throw new UserError('not_found', t('err.fileMissing', { path: db }));
  const buf = fs.readFileSync(input);
  const name = path.basename(input);
  const ws = openWorkspaceFile(db, { user: user(o), backupsRoot: o.backupsRoot, readOnly: !!o['dry-run'] });
  try {
    const programmeId = o.programme ?? null;
    const first = await previewPlan(ws.db, buf, name, emptyChoices(), programmeId);
    // --accept-suggestions takes every suggestion that can be written; the others stay listed with why not.
    const choices = { ...emptyChoices(), suggestions: o['accept-suggestions'] ? first.preview.suggestions.filter((s) => !s.blocked).map((s) => s.id) : [] };
    if (o['dry-run']) {
      const { preview } = await previewPlan(ws.db, buf, name, choices, programmeId);
      if (o.json) io.out(JSON.stringify({ dryRun: true, ...preview }, null, 2) + '\n');
      else printPreview(preview, io);
      return preview.issues.length ? 1 : 0;
    }
    ws.assertWritable();
    const p = first.preview;
    const year = Number(today().slice(0, 4));
    const newProgramme = programmeId ? undefined : { name: p.title || name.replace(/\.(docx|odt)$/i, ''), periodStart: p.periodStart ?? `${year}-01-01`, periodEnd: p.periodEnd ?? `${year + 3}-12-31` };
    const result = await withImportBackup(o.backupsRoot!, ws.sqlite, ws.path, () => applyPlan(ws.db, buf, name, { user: user(o), session: CLI_SESSION, programmeId, newProgramme, choices }));
    if (o.json) io.out(JSON.stringify({ dryRun: false, ...result.preview, applied: result.applied, changeSetId: result.changeSetId, programmeId: result.programmeId }, null, 2) + '\n');
    else {
      printPreview(result.preview, io);
      const prog = await ws.db.selectFrom('programme').select('name').where('id', '=', result.programmeId).executeTakeFirst();
      io.out(t('plan.cli.applied', { n: result.applied, programme: prog?.name ?? '' }) + '\n');
    }
    return 0;
  } finally {
    await ws.close();
  }
}
