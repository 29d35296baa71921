/**
 * Backups that may still hold erased data. An erasure cannot reach inside a backup (it is a
 * consistent copy of an earlier moment), so after an erasure the backups of the workspace that
 * still hold an erased record or its history are listed, and the user may delete them. The list and
 * the deleting go through the one backups module (files/backups.ts): the automatic backups, the
 * raw copies set aside before a recovery, and (older files) the migration copies next to the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../db/sqlite';
import { entities } from '../history/entities';
import { deleteBackup, deleteSetAside, listBackups, listSetAside } from '../files/backups';
import type { BackupRef } from '../../../shared/schemas/privacy';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

type Kind = 'backup' | 'setAside' | 'migration';
interface Found extends BackupRef {
  kind: Kind;
}

/** Copies made before a migration by older versions, next to the workspace ("Regio.regieboek.v5-….bak"). */
function migrationCopies(workspacePath: string): string[] {
  const dir = path.dirname(workspacePath);
  const base = path.basename(workspacePath);
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => n.startsWith(base + '.') && /\.v\d+-[\w-]+\.bak$/.test(n))
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

function filesIn(p: string): string[] {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((n) => filesIn(path.join(p, n)));
}

function ref(file: string, kind: Kind, madeAt?: string): Found {
  const st = fs.statSync(file);
  const bytes = filesIn(file).reduce((sum, f) => sum + fs.statSync(f).size, 0);
  return { file, name: path.basename(file), madeAt: madeAt ?? st.mtime.toISOString(), bytes, kind };
}

/** Every copy of this workspace's data outside the file itself, newest first. */
export function workspaceBackups(root: string, workspacePath: string): Found[] {
  const out: Found[] = [];
  for (const b of listBackups(root, workspacePath)) out.push({ file: b.file, name: b.fileName, madeAt: b.at, bytes: b.size, kind: 'backup' });
  for (const f of listSetAside(root, workspacePath)) if (fs.existsSync(f)) out.push(ref(f, 'setAside'));
  for (const f of migrationCopies(workspacePath)) out.push(ref(f, 'migration'));
  return out.sort((a, b) => (a.madeAt < b.madeAt ? 1 : -1));
}

/** What was erased: whole records, or (values given) only these old values of them. */
export interface Erased {
  records: { entity: string; id: string }[];
  values?: string[];
}

/** The forms a text takes in a file: as typed, and escaped inside the history's JSON. */
const forms = (v: string) => [...new Set([v, JSON.stringify(v).slice(1, -1)])];

/** Whether one SQLite file holds any of the erased data, as a row or in its history. */
function sqliteHolds(file: string, erased: Erased): boolean {
  const { records, values } = erased;
  const db = openSqlite(file, { readonly: true });
  try {
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (values) {
      const history = tables.has('change') && tables.has('change_set');
      const inHistory = history ? db.prepare('SELECT 1 FROM change WHERE entity = ? AND entity_id = ? AND (instr(fields, ?) > 0 OR instr(coalesce(snapshot, \'\'), ?) > 0) LIMIT 1') : null;
      const inLabels = history ? db.prepare('SELECT 1 FROM change_set WHERE instr(label, ?) > 0 LIMIT 1') : null;
      // The record's own row too: a value that got in past the guard (an old file) has no history to find it by.
      const inRow = (r: { entity: string; id: string }) => {
        const def = entities[r.entity];
        const table = def ? snake(def.table) : null;
        const row = table && tables.has(table) ? (db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(r.id) as Record<string, unknown> | undefined) : undefined;
        return row ? Object.values(row).filter((x): x is string => typeof x === 'string') : [];
      };
      return records.some((r) => {
        const row = inRow(r);
        return values.some((v) => row.some((x) => x.includes(v)) || forms(v).some((f) => inHistory?.get(r.entity, r.id, f, f) || inLabels?.get(f)));
      });
    }
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
  } finally {
    db.close();
  }
}

/**
 * Whether a backup (a file, or a folder of raw copies with journals) holds any of these records.
 * A file SQLite cannot read is searched as bytes for the records' ids; unreadable counts as holding.
 */
export function holdsAny(p: string, erased: Erased): boolean {
  if (!erased.records.length) return false;
  const needles = (erased.values ? erased.values.flatMap(forms) : erased.records.map((r) => r.id)).map((x) => Buffer.from(x));
  for (const file of filesIn(p)) {
    try {
      if (sqliteHolds(file, erased)) return true;
      continue;
    } catch {
      // not a database (a journal, a WAL): look at its bytes
    }
    try {
      const bytes = fs.readFileSync(file);
      if (needles.some((n) => bytes.includes(n))) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** The backups of a workspace that still hold something of what was erased. */
export function backupsHolding(root: string, workspacePath: string, erased: Erased): BackupRef[] {
  if (!erased.records.length) return [];
  return workspaceBackups(root, workspacePath)
    .filter((b) => holdsAny(b.file, erased))
    .map(({ kind: _k, ...b }) => b);
}

/** Deletes backups the user chose; only what workspaceBackups lists for this workspace. */
export function deleteBackups(root: string, workspacePath: string, files: string[]): void {
  const known = new Map(workspaceBackups(root, workspacePath).map((b) => [path.resolve(b.file), b]));
  const chosen = files.map((f) => {
    const b = known.get(path.resolve(f));
    if (!b) throw new UserError('not_found', t('erase.notABackup', { file: path.basename(f) }));
    return b;
  });
  for (const b of chosen) {
    if (b.kind === 'backup') deleteBackup(root, b.file);
    else if (b.kind === 'setAside') deleteSetAside(root, b.file);
    else fs.rmSync(b.file, { force: true });
  }
}
