/**
 * DUO's VSV files for the screens: the file crosses as base64; the dry run and the apply are the
 * core's (electron/core/duo/plan.ts), the same as the CLI's `regieboek duo import`.
 */
import crypto from 'node:crypto';
import { handlers } from './types';
import { applyDuo, planDuo } from '../duo/plan';
import { UserError } from '../errors';
import { withImportBackup } from '../files/backups';
import { t } from '../../../shared/i18n/nl';

const decode = (base64: string) => Buffer.from(base64, 'base64');

export const duoHandlers = handlers({
  'duo.plan': ({ fileName, base64, options }, ctx) => planDuo(ctx.db(), decode(base64), fileName, options),

  'duo.apply': async ({ fileName, base64, options, sha256 }, ctx) => {
    const buf = decode(base64);
    // The screen showed a dry run of exactly this file; a different file is never applied unseen.
    if (sha256 && crypto.createHash('sha256').update(buf).digest('hex') !== sha256) throw new UserError('conflict', t('duo.fileChanged'));
    const ws = ctx.app.requireWorkspace();
    ws.assertWritable();
    // A backup first, as with an Excel import (removed again when the file changes nothing).
    return withImportBackup(ctx.app.backupsDir, ws.sqlite, ws.path, () => applyDuo(ctx.db(), buf, fileName, { ...options, user: ctx.user, session: ctx.session }));
  },
});
