/**
 * The Reservekopieën screen: list, make, restore, and "Opslaan als kopie" as a download for the
 * browser host (the desktop shell saves through its own dialog, with the same snapshot code).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { handlers } from './types';
import { workspaceInfo } from './workspace';
import { BACKUP_POLICY, workspaceFolder } from '../files/backups';
import { snapshotTo } from '../files/snapshot';
import { now as clockNow } from '../clock';

/** "Regio (kopie 30-11-2026).regieboek" */
export function copyName(fileName: string, now = clockNow()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${fileName.replace(/\.regieboek$/i, '')} (kopie ${p(now.getDate())}-${p(now.getMonth() + 1)}-${now.getFullYear()}).regieboek`;
}

export const backupHandlers = handlers({
  'backup.list': (_, ctx) => {
    const ws = ctx.app.requireWorkspace();
    return { folder: workspaceFolder(ctx.app.backupsDir, ws.path), backups: ctx.app.backups(), policy: { maxBytes: BACKUP_POLICY.maxBytes } };
  },

  'backup.create': (_, ctx) => ctx.app.backup('handmatig'),

  // No workspace open: nothing to warn about (the start screen asks this too).
  'backup.problem': (_, ctx) => (ctx.app.workspace ? ctx.app.backupProblem() : null),

  'backup.restore': async ({ file }, ctx) => {
    const r = await ctx.app.restore(file);
    return { workspace: workspaceInfo(r.workspace), safety: r.safety, restored: r.restored };
  },

  'backup.download': (_, ctx) => {
    const ws = ctx.app.requireWorkspace();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-kopie-'));
    try {
      const file = path.join(dir, 'kopie.regieboek');
      snapshotTo(ws.sqlite, file);
      return { fileName: copyName(ws.fileName), base64: fs.readFileSync(file).toString('base64') };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});
