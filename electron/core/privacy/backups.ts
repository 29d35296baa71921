/**
 * Backups that may still hold erased data. An erasure cannot reach inside a backup (it is a
 * consistent copy of an earlier moment), so the erasure lists the backups that hold any of the
 * erased records or their history, and the user may delete them. Only files this module lists as a
 * backup of the open workspace can be deleted through it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../db/sqlite';
import { entities } from '../history/entities';
import type { BackupRef } from '../../../shared/schemas/privacy';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** Backups of a workspace: the copies made before a migration, next to the file ("Regio.regieboek.v5-….bak"). */
export function backupFiles(workspacePath: string): string[] {
  const dir = path.dirname(workspacePath);
  const base = path.basename(workspacePath);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(base + '.') && /\.v\d+-[\w-]+\.bak$/.test(n))
    .map((n) => path.join(dir, n))
    .sort();
}

export function backupRef(file: string): BackupRef {
  const st = fs.statSync(file);
  return { file, name: path.basename(file), madeAt: st.mtime.toISOString(), bytes: st.size };
}

/** Whether a backup holds any of these records, as a row or in its history. Unreadable: assume it does. */
export function holdsAny(file: string, records: { entity: string; id: string }[]): boolean {
  if (!records.length) return false;
  let db;
  try {
    db = openSqlite(file, { readonly: true });
  } catch {
    return true;
  }
  try {
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const byEntity = new Map<string, string[]>();
    for (const r of records) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.id]);
    for (const [entity, ids] of byEntity) {
      const table = entities[entity] ? snake(entities[entity].table) : null;
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        const marks = part.map(() => '?').join(',');
        if (table && tables.has(table) && db.prepare(`SELECT 1 FROM "${table}" WHERE id IN (${marks}) LIMIT 1`).get(...part)) return true;
        if (tables.has('change') && db.prepare(`SELECT 1 FROM change WHERE entity = ? AND entity_id IN (${marks}) AND (fields != '{}' OR snapshot IS NOT NULL) LIMIT 1`).get(entity, ...part)) return true;
      }
    }
    return false;
  } catch {
    return true;
  } finally {
    db.close();
  }
}

/** The backups of a workspace that still hold something of these records. */
export function backupsHolding(files: string[], records: { entity: string; id: string }[]): BackupRef[] {
  return files.filter((f) => fs.existsSync(f) && holdsAny(f, records)).map(backupRef);
}

/** Deletes backups the user chose, only from the given list of this workspace's backups; returns what is left. */
export function deleteBackups(known: string[], files: string[]): void {
  const allowed = new Set(known.map((f) => path.resolve(f)));
  for (const f of files) if (!allowed.has(path.resolve(f))) throw new UserError('not_found', t('erase.notABackup', { file: path.basename(f) }));
  for (const f of files) fs.rmSync(f, { force: true });
}
