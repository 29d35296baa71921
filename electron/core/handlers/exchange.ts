/**
 * The Excel exchange for the screens. Files cross the bridge as base64 in both hosts; the core
 * never writes an exported file itself (the screen downloads or saves it).
 */
import crypto from 'node:crypto';
import { handlers, type HandlerContext } from './types';
import { workspaceInfo } from './workspace';
import { withImportBackup } from '../files/backups';
import { peekFile } from '../excel';
import { EXAMPLE_REGION, findRegion } from '../../../shared/regions';
import { applyImport, buildErrorWorkbook, exportPartner, exportSteering, exportWorkspace, planImport } from '../excel';
import { exportFileName, workspaceRegion } from '../excel/info';
import { findPartner } from '../excel/partner';
import { findRound } from '../excel/partner-inputs';
import { planReverse, reverse } from '../history/undo';
import { UserError } from '../errors';
import type { LastImport } from '../../../shared/schemas/exchange';
import { t } from '../../../shared/i18n/nl';
import { nowIso } from '../clock';

const decode = (base64: string) => Buffer.from(base64, 'base64');


async function lastImport(ctx: HandlerContext): Promise<LastImport | null> {
  const db = ctx.db();
  const newest = await db.selectFrom('changeSet').select('id').where('undoes', 'is', null).where('undoneBy', 'is', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const imp = await db
    .selectFrom('changeSet')
    .selectAll()
    .where('action', '=', 'import')
    .where('undoneBy', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!imp) return null;
  const n = await db.selectFrom('change').select((eb) => eb.fn.countAll<number>().as('n')).where('changeSetId', '=', imp.id).executeTakeFirstOrThrow();
  return { changeSetId: imp.id, at: imp.at, user: imp.user, source: imp.source ?? '', label: imp.label, changes: Number(n.n), undoable: newest?.id === imp.id };
}

export const exchangeHandlers = handlers({
  'exchange.export': async ({ kind, partner, partners, period, round, sections }, ctx) => {
    const db = ctx.db();
    const source = ctx.app.workspace?.fileName ?? '';
    const c = { user: ctx.user, source };
    const region = await workspaceRegion(db);
    if (kind === 'partner') {
      // One workbook per partner, every name checked before any file is made.
      const names = [...new Set([...(partner ? [partner] : []), ...(partners ?? [])].map((p) => p.trim()).filter(Boolean))];
      if (!names.length) throw new UserError('invalid_input', t('xl.partner.needPartner'), 'partner');
      for (const n of names) await findPartner(db, n);
      if (sections?.includes('monitoring')) await findRound(db, round);
      const at = nowIso();
      const files = [];
      for (const n of names) {
        const buf = await exportPartner(db, { partner: n, period, round, sections }, { ...c, at });
        files.push({ fileName: exportFileName(kind, region.label, (await findPartner(db, n))?.name ?? n), base64: buf.toString('base64') });
      }
      return { ...files[0]!, files };
    }
    const buf = kind === 'workspace' ? await exportWorkspace(db, c) : await exportSteering(db, c);
    const file = { fileName: exportFileName(kind, region.label, partner), base64: buf.toString('base64') };
    return { ...file, files: [file] };
  },

  'exchange.plan': ({ fileName, base64 }, ctx) => planImport(ctx.db(), decode(base64), fileName),

  'exchange.apply': async ({ fileName, base64, choices, sha256 }, ctx) => {
    const buf = decode(base64);
    // The screen showed a dry run of exactly this file; a different file is never applied unseen.
    if (sha256 && crypto.createHash('sha256').update(buf).digest('hex') !== sha256) throw new UserError('conflict', t('exchange.fileChanged'));
    const ws = ctx.app.requireWorkspace();
    ws.assertWritable();
    return withImportBackup(ctx.app.backupsDir, ws.sqlite, ws.path, () => applyImport(ctx.db(), buf, fileName, { user: ctx.user, session: ctx.session, choices }));
  },

  'exchange.errors': async ({ fileName, base64 }, ctx) => {
    const buf = decode(base64);
    const plan = await planImport(ctx.db(), buf, fileName);
    const out = await buildErrorWorkbook(buf, fileName, plan);
    return { fileName: fileName.replace(/\.xlsx$/i, '') + ` - ${t('xl.sheet.errors').toLowerCase()}.xlsx`, base64: out.toString('base64') };
  },

  'exchange.lastImport': (_, ctx) => lastImport(ctx),

  /**
   * A new workspace from a workspace workbook: made for the file's region, filled by one import.
   * A file with any rejected row makes no workspace at all (nothing half-made is left behind).
   */
  'exchange.newWorkspace': async ({ fileName, file }, ctx) => {
    const buf = decode(file.base64);
    const info = await peekFile(buf, file.fileName);
    if (info.kind !== 'workspace') throw new UserError('user_error', t('cli.notWorkspaceFile', { file: file.fileName }));
    const region = info.regionNumber === EXAMPLE_REGION.number ? EXAMPLE_REGION : findRegion(info.regionNumber);
    if (!region) throw new UserError('user_error', t('xl.info.badRegion', { file: file.fileName, value: String(info.regionNumber) }));
    const target = ctx.app.fileFor(fileName);
    // Built and filled under a temporary name: a refused file or a kill leaves no workspace behind.
    const ws = await ctx.app.createFilled(target, region, {}, async (w) => {
      const plan = await planImport(w.db, buf, file.fileName);
      const bad = plan.rows.filter((r) => r.status === 'rejected').flatMap((r) => r.issues);
      if (bad.length)
        throw new UserError('user_error', t('exchange.newRejected', { n: plan.counts.rejected, first: bad.slice(0, 3).map((i) => i.text).join('\n') }));
      await applyImport(w.db, buf, file.fileName, { user: ctx.user, session: ctx.session });
    });
    return workspaceInfo(ws);
  },

  'exchange.undoImport': async (_, ctx) => {
    const last = await lastImport(ctx);
    if (!last) throw new UserError('user_error', t('exchange.noImport'));
    if (!last.undoable) throw new UserError('user_error', t('exchange.notLast'));
    // The page's own button, after the page showed the import: reversed like Ctrl+Z, refused when others built on it.
    const db = ctx.db();
    const target = await db.selectFrom('changeSet').selectAll().where('id', '=', last.changeSetId).executeTakeFirstOrThrow();
    const plan = await planReverse(db, target);
    await reverse(db, ctx, plan, 'undo');
    return { status: 'done' as const, changeSetId: target.id, label: plan.label, summary: plan.summary, records: plan.records };
  },
});
