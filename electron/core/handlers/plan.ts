/**
 * The Word plan for the screens: a preview that the screen recomputes with the user's corrections
 * (the file crosses the bridge as base64 each time; the core keeps no state between calls), the
 * import (a backup first, one change set), and the export as a Word document.
 */
import { handlers } from './types';
import { withImportBackup } from '../files/backups';
import { applyPlan, previewPlan } from '../plan/import';
import { exportPlan } from '../plan/write';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';

const decode = (base64: string) => Buffer.from(base64, 'base64');

export const planHandlers = handlers({
  'plan.preview': async ({ file, choices, programmeId, newProgramme }, ctx) =>
    (await previewPlan(ctx.db(), decode(file.base64), file.fileName, choices, programmeId, { newProgramme: programmeId ? undefined : newProgramme })).preview,

  'plan.import': async ({ file, choices, programmeId, newProgramme, sha256, basis }, ctx) => {
    const ws = ctx.app.requireWorkspace();
    ws.assertWritable();
    const buf = decode(file.base64);
    const run = () => applyPlan(ctx.db(), buf, file.fileName, { user: ctx.user, session: ctx.session, programmeId, newProgramme, choices, basis });
    if (sha256) {
      // The screen showed a preview of exactly this file; a different file is never applied unseen.
      const { preview } = await previewPlan(ctx.db(), buf, file.fileName, choices, programmeId, { newProgramme: programmeId ? undefined : newProgramme });
      if (preview.sha256 !== sha256) throw new UserError('conflict', t('plan.apply.fileChanged'));
    }
    return withImportBackup(ctx.app.backupsDir, ws.sqlite, ws.path, run);
  },

  'plan.export': async ({ programmeId }, ctx) => {
    const { buffer, fileName } = await exportPlan(ctx.db(), programmeId);
    return { fileName, base64: buffer.toString('base64') };
  },
});
