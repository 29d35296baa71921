/**
 * The one way the core writes tracked records. A user action is one change set in one transaction:
 * every insert, field change, move to the Prullenbak and removal is recorded with old and new values,
 * which is what the Geschiedenis shows and what undo and redo reverse.
 *
 * Where old values live (for redo and for the privacy scrub): everything needed to bring a record
 * back is in the `change` table and nowhere else — `fields` holds {column: [old, new]} for updates,
 * trash marks and restores; `snapshot` holds the whole row for a create and for a purge (the undo of
 * a create), so a purge is never final: the redo inserts the snapshot again.
 */
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { entityDef } from './entities';
import { UserError } from '../errors';
import { staleWrite } from './conflict';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { partnerWithNumber } from '../db/queries/partners';
import { nowIso } from '../clock';
import { guardWrite } from '../privacy/guard';
import { looseDb } from '../db/loose';

type Row = Record<string, unknown>;
type Db = Kysely<Database> | Transaction<Database>;

export interface ChangeMeta {
  user: string;
  /** The window or CLI run the change came from: undo and redo keep a stack per session. */
  session: string | null;
  action: string;
  label: string;
  source?: string | null;
  undoes?: number | null;
}

/** The version a write was based on; left out only where the caller checks conflicts itself (import). */
export interface Based {
  rowVersion?: number;
}

/** Columns the tracker keeps itself: never part of a recorded field change. */
const isBookkeeping = (k: string) => k === 'rowVersion';
/** A column's name in SQLite, as the CamelCasePlugin writes it (createdAt -> created_at). */
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export async function readRow(db: Db, entity: string, id: string, opts: { includeDeleted?: boolean } = {}): Promise<Row | undefined> {
  const { table } = entityDef(entity);
  let q = looseDb<Row>(db).selectFrom(table).selectAll().where('id', '=', id);
  if (!opts.includeDeleted) q = q.where('deletedAt', 'is', null);
  return q.executeTakeFirst();
}

/**
 * JSON.stringify({ ...row, rowVersion: 1 }) without copying the row (an import snapshots thousands):
 * the same text, since the row's last key is followed by rowVersion either way.
 */
function snapshotJson(row: Row): string {
  if ('rowVersion' in row) return JSON.stringify({ ...row, rowVersion: 1 });
  const json = JSON.stringify(row);
  return json === '{}' ? '{"rowVersion":1}' : `${json.slice(0, -1)},"rowVersion":1}`;
}

export type Op = 'create' | 'update' | 'delete' | 'restore' | 'purge';

export class Tracker {
  private count = 0;
  constructor(
    readonly trx: Transaction<Database>,
    readonly changeSetId: number,
    readonly at: string,
  ) {}

  get changes(): number {
    return this.count;
  }

  private async record(entity: string, entityId: string, op: Op, fields: Record<string, [unknown, unknown]>, snapshot: Row | null) {
    this.count++;
    await this.trx
      .insertInto('change')
      .values({ changeSetId: this.changeSetId, entity, entityId, op, fields: JSON.stringify(fields), snapshot: snapshot ? JSON.stringify(snapshot) : null })
      .execute();
  }

  private notFound(entity: string): UserError {
    return new UserError('not_found', t('err.notFound', { entity: t(entityDef(entity).nameKey) }));
  }

  /** Refuses a write based on an older version of the row than the one stored now. */
  private async checkVersion(entity: string, id: string, row: Row, based: Based | undefined, patch?: Row): Promise<void> {
    if (based?.rowVersion === undefined || row.rowVersion === based.rowVersion) return;
    throw await staleWrite(this.trx, entity, id, row, patch);
  }

  /** Refuses the action when the row changed since the user loaded it (for actions that write other rows). */
  async expectVersion(entity: string, id: string, based: Based | undefined): Promise<void> {
    const row = await readRow(this.trx, entity, id);
    if (!row) throw this.notFound(entity);
    await this.checkVersion(entity, id, row, based);
  }

  async insert<T extends Row>(entity: string, row: T): Promise<T> {
    const { table } = entityDef(entity);
    // Every write path ends here, so this is where data about a young person is refused.
    await guardWrite(this.trx, entity, row);
    const stored = { ...row, rowVersion: 1 };
    await looseDb<Row>(this.trx).insertInto(table).values(stored).execute();
    const fields: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(row)) if (k !== 'deletedAt' && k !== 'deletedIn' && !isBookkeeping(k) && v !== null && v !== '') fields[k] = [null, v];
    await this.record(entity, String(row.id), 'create', fields, stored);
    return row;
  }

  /**
   * Inserts many rows of one entity, each stored and recorded as insert() does, in a few multi-row
   * statements (an import of thousands of records). Rows must have the same columns.
   */
  async insertMany(entity: string, rows: readonly Row[]): Promise<void> {
    if (!rows.length) return;
    const { table } = entityDef(entity);
    const keys = [...Object.keys(rows[0]!).filter((k) => k !== 'rowVersion'), 'rowVersion'];
    // Prepared as plain SQL: building a query object per value costs more than the insert itself.
    const columns = keys.map((k) => `"${snake(k)}"`).join(', ');
    const size = Math.max(1, Math.min(500, Math.floor(16_000 / keys.length)));
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      const values: unknown[] = [];
      const changes: unknown[] = [];
      for (const row of chunk) {
        const fields: Record<string, [unknown, unknown]> = {};
        for (const k of keys) {
          const v = k === 'rowVersion' ? 1 : row[k];
          values.push(v === undefined ? null : v);
          if (k !== 'deletedAt' && k !== 'deletedIn' && !isBookkeeping(k) && v !== null && v !== undefined && v !== '') fields[k] = [null, v];
        }
        changes.push(this.changeSetId, entity, String(row.id), 'create', JSON.stringify(fields), snapshotJson(row));
      }
      const marks = `(${keys.map(() => '?').join(', ')})`;
      await this.trx.executeQuery(CompiledQuery.raw(`insert into "${snake(table)}" (${columns}) values ${chunk.map(() => marks).join(', ')}`, values));
      await this.trx.executeQuery(
        CompiledQuery.raw(`insert into "change" ("change_set_id", "entity", "entity_id", "op", "fields", "snapshot") values ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`, changes),
      );
      this.count += chunk.length;
    }
  }

  /**
   * Sets columns of one row, raises its version and records old -> new. The one place a tracked row
   * changes in place, so the trash table follows every change of deletedIn.
   */
  private async write(entity: string, id: string, before: Row, values: Row, op: Op): Promise<Row> {
    if (entity === 'organisation' && op !== 'create') await this.refuseNumberTaken(id, before, values);
    const fields: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(values)) fields[k] = [before[k] ?? null, v];
    const rowVersion = Number(before.rowVersion ?? 0) + 1;
    await looseDb<Row>(this.trx).updateTable(entityDef(entity).table).set({ ...values, rowVersion }).where('id', '=', id).execute();
    await this.record(entity, id, op, fields, null);
    if ('deletedIn' in values) await this.syncTrash(entity, id, [before.deletedIn, values.deletedIn]);
    return { ...before, ...values, rowVersion };
  }

  /**
   * A partner coming back (from the Prullenbak, or by an undo or redo) may not bring a BRIN or KvK
   * number that another partner has taken in the meantime: one number names one organisation.
   */
  private async refuseNumberTaken(id: string, before: Row, values: Row): Promise<void> {
    const after = { ...before, ...values };
    if (after.deletedAt !== null && after.deletedAt !== undefined) return;
    for (const field of ['brin', 'kvk'] as const) {
      if (!(field in values) && !('deletedAt' in values)) continue;
      const value = String(after[field] ?? '');
      const other = await partnerWithNumber(this.trx, field, value, id);
      if (other) throw new UserError('user_error', t('partner.duplicate.back', { name: String(after.name ?? ''), field: fieldLabel(field), value, other: other.name }), field);
    }
  }

  /** A Prullenbak item is listed while its root row is still marked with the item's change set. */
  private async syncTrash(entity: string, id: string, sets: unknown[]): Promise<void> {
    const row = await readRow(this.trx, entity, id, { includeDeleted: true });
    for (const s of sets) {
      if (typeof s !== 'number') continue;
      const inTrash = row?.deletedIn === s;
      await this.trx
        .updateTable('trash')
        .set({ restoredAt: inTrash ? null : this.at })
        .where('changeSetId', '=', s)
        .where('entity', '=', entity)
        .where('entityId', '=', id)
        .execute();
    }
  }

  /** Writes only the fields that differ; returns the row as it now is. */
  async update(entity: string, id: string, patch: Row, based?: Based): Promise<Row> {
    const before = await readRow(this.trx, entity, id);
    if (!before) throw this.notFound(entity);
    await this.checkVersion(entity, id, before, based, patch);
    const set: Row = {};
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'id' || isBookkeeping(k) || v === undefined || !(k in before)) continue;
      if (before[k] !== v) set[k] = v;
    }
    if (Object.keys(set).length === 0) return before;
    await guardWrite(this.trx, entity, set);
    // Recorded with the fields, so an undo puts the time of the last edit back too.
    if ('updatedAt' in before) set.updatedAt = this.at;
    return this.write(entity, id, before, set, 'update');
  }

  /** Moves a row and its live children to the Prullenbak, as one restorable item. */
  async trash(entity: string, id: string, based?: Based): Promise<Row> {
    const row = await readRow(this.trx, entity, id);
    if (!row) throw this.notFound(entity);
    await this.checkVersion(entity, id, row, based);
    const def = entityDef(entity);
    await this.trx
      .insertInto('trash')
      .values({ changeSetId: this.changeSetId, entity, entityId: id, label: def.label(row), deletedAt: this.at, restoredAt: null })
      .execute();
    await this.markDeleted(entity, id, row);
    return row;
  }

  private async markDeleted(entity: string, id: string, row: Row): Promise<void> {
    const def = entityDef(entity);
    await this.write(entity, id, row, { deletedAt: this.at, deletedIn: this.changeSetId }, 'delete');
    for (const child of def.children) {
      const rows = await looseDb<Row>(this.trx)
        .selectFrom(entityDef(child.entity).table)
        .selectAll()
        .where(child.foreignKey, '=', id)
        .where('deletedAt', 'is', null)
        .execute();
      for (const r of rows) await this.markDeleted(child.entity, String(r.id), r);
    }
  }

  /** Brings back everything one change set put in the Prullenbak. */
  async restoreTrashed(trashedIn: number): Promise<void> {
    const rows = await this.trx.selectFrom('change').select(['entity', 'entityId']).where('changeSetId', '=', trashedIn).where('op', '=', 'delete').orderBy('id').execute();
    for (const r of rows) {
      const row = await readRow(this.trx, r.entity, r.entityId, { includeDeleted: true });
      if (row?.deletedIn !== trashedIn) continue;
      await this.write(r.entity, r.entityId, row, { deletedAt: null, deletedIn: null }, 'restore');
    }
  }

  /** Sets columns to given values (an undo, or bringing back a trashed row); `op` says what it means. */
  async setFields(entity: string, id: string, values: Row, op: Op = 'update'): Promise<void> {
    const before = await readRow(this.trx, entity, id, { includeDeleted: true });
    if (!before) return;
    const set: Row = {};
    for (const [k, v] of Object.entries(values)) if (!isBookkeeping(k)) set[k] = v;
    // Values coming back from the history: a BSN, birth date or address never does.
    await guardWrite(this.trx, entity, set, { undo: true });
    await this.write(entity, id, before, set, op);
  }

  /** Removes a row: only to undo its creation. The snapshot keeps it, so a redo brings it back. */
  async purge(entity: string, id: string): Promise<void> {
    const { table } = entityDef(entity);
    const row = await readRow(this.trx, entity, id, { includeDeleted: true });
    if (!row) return;
    await looseDb<Row>(this.trx).deleteFrom(table).where('id', '=', id).execute();
    await this.record(entity, id, 'purge', {}, row);
  }

  /** Puts a purged row back from its snapshot (redo of a create), with a higher version than it had. */
  async reinsert(entity: string, snapshot: Row): Promise<void> {
    const { table } = entityDef(entity);
    await guardWrite(this.trx, entity, snapshot, { undo: true });
    const stored = { ...snapshot, rowVersion: Number(snapshot.rowVersion ?? 0) + 1 };
    await looseDb<Row>(this.trx).insertInto(table).values(stored).execute();
    const fields: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(snapshot)) if (k !== 'deletedAt' && k !== 'deletedIn' && !isBookkeeping(k) && v !== null && v !== '') fields[k] = [null, v];
    await this.record(entity, String(snapshot.id), 'create', fields, stored);
    if (typeof snapshot.deletedIn === 'number') await this.syncTrash(entity, String(snapshot.id), [snapshot.deletedIn]);
  }
}

/**
 * Runs one user action as one transaction and one change set. An action that changed nothing
 * leaves no trace in the history.
 */
export async function tracked<T>(db: Kysely<Database>, meta: ChangeMeta, fn: (tr: Tracker) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const cs = await trx
      .insertInto('changeSet')
      .values({ at, user: meta.user, session: meta.session, action: meta.action, label: meta.label, source: meta.source ?? null, undoes: meta.undoes ?? null, undoneBy: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tr = new Tracker(trx, cs.id, at);
    const result = await fn(tr);
    if (tr.changes === 0) await trx.deleteFrom('changeSet').where('id', '=', cs.id).execute();
    return result;
  });
}

export { sql };
