/**
 * `regieboek privacy --db FILE [--json]`: the Privacycontrole for automation and support. Reads
 * only (an older file is read as it is). Exit 0 when nothing was found, 1 when something was.
 * `regieboek trash empty --db FILE`: empties the Prullenbak for good, scrubbing the history and
 * compacting the file, as the screen does.
 */
import os from 'node:os';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/schema';
import { assertOpenable, openReadView, openWorkspaceFile } from '../db/workspace-file';
import { m0010_privacy } from '../db/migrations/0010_privacy';
import { scanWorkspace } from '../privacy/scan';
import { compact, eraseTrash } from '../privacy/erase';
import { backupsHolding, workspaceBackups } from '../privacy/backups';
import { entityName } from '../history/entities';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { UserError } from '../errors';
import type { CliIo } from './main';

const placeKey = { data: 'privacy.place.data', trash: 'privacy.place.trash', history: 'privacy.place.history' } as const;

export async function privacyCommand(file: string, o: { json?: boolean; backupsRoot: string }, io: CliIo): Promise<number> {
  const version = assertOpenable(file);
  // Read only, also a file with a hot journal (through a recovered copy), as `info` and `check` do.
  const view = openReadView(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: view.sqlite }), plugins: [new CamelCasePlugin()] });
  let r;
  try {
    r = await scanWorkspace(db, { hasConfirmations: version >= m0010_privacy.version });
  } finally {
    view.close();
  }
  const backups = workspaceBackups(o.backupsRoot, file).map(({ kind: _k, ...b }) => b);
  if (o.json) io.out(JSON.stringify({ file, clean: r.hits.length === 0, ...r, backups }, null, 2) + '\n');
  else {
    io.out((r.hits.length ? t('cli.privacyHits', { n: r.hits.length, path: file }) : t('cli.privacyClean', { path: file, records: r.records, changes: r.changes })) + '\n');
    for (const h of r.hits)
      io.out(
        `  [${t(placeKey[h.place])}] ${entityName(h.entity)} "${h.record}" — ${h.field === 'label' ? t('privacy.labelField') : fieldLabel(h.field, h.entity)}: ${t(`privacy.kind.${h.kind}`)} — ${h.excerpt}\n`,
      );
    if (backups.length) io.out(t('cli.privacyBackups', { n: backups.length, names: backups.map((b) => b.name).join(', ') }) + '\n');
  }
  return r.hits.length ? 1 : 0;
}

const cliUser = (user?: string) => {
  if (user?.trim()) return user.trim();
  try {
    return os.userInfo().username;
  } catch {
    return 'regieboek';
  }
};

export async function trashCommand(sub: string | undefined, file: string, o: { json?: boolean; user?: string; backupsRoot: string }, io: CliIo): Promise<number> {
  if (sub !== 'empty') throw new UserError('invalid_input', t('cli.trashSub', { sub: sub ?? '' }));
  // Writes: the lock file keeps an open Regieboek (or another CLI) out meanwhile.
  const ws = openWorkspaceFile(file, { user: cliUser(o.user), backupsRoot: o.backupsRoot });
  try {
    ws.assertWritable();
    const r = await eraseTrash(ws.db, { user: cliUser(o.user), session: null }, 'all');
    const { walEmptied } = r.changeSetId === null ? { walEmptied: true } : compact(ws.sqlite);
    const backups = backupsHolding(o.backupsRoot, ws.path, { records: r.erased });
    if (o.json) io.out(JSON.stringify({ records: r.records, changeSets: r.changeSets, walEmptied, backups }, null, 2) + '\n');
    else {
      io.out((r.records ? t('cli.trashEmptied', { records: r.records, sets: r.changeSets }) : t('cli.trashWasEmpty')) + '\n');
      if (backups.length) io.out(t('cli.privacyBackupsHold', { n: backups.length, names: backups.map((b) => b.name).join(', ') }) + '\n');
    }
    return 0;
  } finally {
    await ws.close();
  }
}
