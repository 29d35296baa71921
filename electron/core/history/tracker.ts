/**
 * The one way the core writes tracked records. A user action is one change set in one transaction:
 * every insert, field change and move to the Prullenbak is recorded with old and new values, which
 * is what the Geschiedenis shows and what undo reverses.
 */
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { entityDef } from './entities';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';

type Row = Record<string, unknown>;
type Db = Kysely<Database> | Transaction<Database>;

export interface ChangeMeta {
  user: string;
  action: string;
  label: string;
  source?: string | null;
  undoes?: number | null;
}

const now = () => new Date().toISOString();
/** A column's name in SQLite, as the CamelCasePlugin writes it (createdAt -> created_at). */
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const isTrashColumn = (k: string) => k === 'deletedAt' || k === 'deletedIn';

// Dynamic table names are unavoidable in a generic tracker; the entity registry is the allowlist.
const anyDb = (db: Db) => db as unknown as Kysely<Record<string, Row>>;

export async function readRow(db: Db, entity: string, id: string, opts: { includeDeleted?: boolean } = {}): Promise<Row | undefined> {
  const { table } = entityDef(entity);
  let q = anyDb(db).selectFrom(table).selectAll().where('id', '=', id);
  if (!opts.includeDeleted) q = q.where('deletedAt', 'is', null);
  return q.executeTakeFirst();
}

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

  private async record(entity: string, entityId: string, op: string, fields: Record<string, [unknown, unknown]>, snapshot: Row | null) {
    this.count++;
    await this.trx
      .insertInto('change')
      .values({ changeSetId: this.changeSetId, entity, entityId, op, fields: JSON.stringify(fields), snapshot: snapshot ? JSON.stringify(snapshot) : null })
      .execute();
  }

  async insert<T extends Row>(entity: string, row: T): Promise<T> {
    const { table } = entityDef(entity);
    await anyDb(this.trx).insertInto(table).values(row).execute();
    const fields: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(row)) if (!isTrashColumn(k) && v !== null && v !== '') fields[k] = [null, v];
    await this.record(entity, String(row.id), 'create', fields, row);
    return row;
  }

  /**
   * Inserts many rows of one entity, each recorded as insert() records it, in a few multi-row
   * statements (an import of thousands of records). Rows must have the same columns.
   */
  async insertMany(entity: string, rows: readonly Row[]): Promise<void> {
    if (!rows.length) return;
    const { table } = entityDef(entity);
    const keys = Object.keys(rows[0]!);
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
          const v = row[k];
          values.push(v === undefined ? null : v);
          if (!isTrashColumn(k) && v !== null && v !== undefined && v !== '') fields[k] = [null, v];
        }
        changes.push(this.changeSetId, entity, String(row.id), 'create', JSON.stringify(fields), JSON.stringify(row));
      }
      const marks = `(${keys.map(() => '?').join(', ')})`;
      await this.trx.executeQuery(CompiledQuery.raw(`insert into "${snake(table)}" (${columns}) values ${chunk.map(() => marks).join(', ')}`, values));
      await this.trx.executeQuery(
        CompiledQuery.raw(`insert into "change" ("change_set_id", "entity", "entity_id", "op", "fields", "snapshot") values ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`, changes),
      );
      this.count += chunk.length;
    }
  }

  /** Writes only the fields that differ; returns the row as it now is. */
  async update(entity: string, id: string, patch: Row): Promise<Row> {
    const { table } = entityDef(entity);
    const before = await readRow(this.trx, entity, id);
    if (!before) throw new UserError('not_found', t('err.notFound', { entity: t(entityDef(entity).nameKey) }));
    const fields: Record<string, [unknown, unknown]> = {};
    const set: Row = {};
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'id' || v === undefined || !(k in before)) continue;
      if (before[k] !== v) {
        fields[k] = [before[k], v];
        set[k] = v;
      }
    }
    if (Object.keys(set).length === 0) return before;
    if ('updatedAt' in before) set.updatedAt = this.at;
    await anyDb(this.trx).updateTable(table).set(set).where('id', '=', id).execute();
    await this.record(entity, id, 'update', fields, null);
    return { ...before, ...set };
  }

  /** Moves a row and its live children to the Prullenbak, as one restorable item. */
  async trash(entity: string, id: string): Promise<Row> {
    const row = await readRow(this.trx, entity, id);
    if (!row) throw new UserError('not_found', t('err.notFound', { entity: t(entityDef(entity).nameKey) }));
    const def = entityDef(entity);
    await this.markDeleted(entity, id);
    await this.trx
      .insertInto('trash')
      .values({ changeSetId: this.changeSetId, entity, entityId: id, label: def.label(row), deletedAt: this.at, restoredAt: null })
      .execute();
    return row;
  }

  private async markDeleted(entity: string, id: string): Promise<void> {
    const def = entityDef(entity);
    await anyDb(this.trx).updateTable(def.table).set({ deletedAt: this.at, deletedIn: this.changeSetId }).where('id', '=', id).execute();
    await this.record(entity, id, 'delete', {}, null);
    for (const child of def.children) {
      const rows = await anyDb(this.trx)
        .selectFrom(entityDef(child.entity).table)
        .select('id')
        .where(child.foreignKey, '=', id)
        .where('deletedAt', 'is', null)
        .execute();
      for (const r of rows) await this.markDeleted(child.entity, String(r.id));
    }
  }

  /** Brings back everything one change set put in the Prullenbak. */
  async restoreTrashed(trashedIn: number): Promise<void> {
    const rows = await this.trx.selectFrom('change').select(['entity', 'entityId']).where('changeSetId', '=', trashedIn).where('op', '=', 'delete').execute();
    for (const r of rows) {
      const { table } = entityDef(r.entity);
      await anyDb(this.trx).updateTable(table).set({ deletedAt: null, deletedIn: null }).where('id', '=', r.entityId).where('deletedIn', '=', trashedIn).execute();
      await this.record(r.entity, r.entityId, 'restore', {}, { trashedIn });
    }
    await this.trx.updateTable('trash').set({ restoredAt: this.at }).where('changeSetId', '=', trashedIn).execute();
  }

  /** Puts rows back in the Prullenbak (undo of a restore). */
  async retrash(trashedIn: number, entity: string, entityId: string): Promise<void> {
    const { table } = entityDef(entity);
    const deletedAt = await this.trx.selectFrom('trash').select('deletedAt').where('changeSetId', '=', trashedIn).executeTakeFirst();
    await anyDb(this.trx).updateTable(table).set({ deletedAt: deletedAt?.deletedAt ?? this.at, deletedIn: trashedIn }).where('id', '=', entityId).execute();
    await this.trx.updateTable('trash').set({ restoredAt: null }).where('changeSetId', '=', trashedIn).execute();
    await this.record(entity, entityId, 'delete', {}, null);
  }

  /** Removes a row for good: only to undo its creation. */
  async purge(entity: string, id: string): Promise<void> {
    const { table } = entityDef(entity);
    const row = await readRow(this.trx, entity, id, { includeDeleted: true });
    await anyDb(this.trx).deleteFrom(table).where('id', '=', id).execute();
    await this.record(entity, id, 'purge', {}, row ?? null);
  }

  /** Sets fields back without bumping them through update()'s diff (undo of an update). */
  async setFields(entity: string, id: string, values: Row): Promise<void> {
    const { table } = entityDef(entity);
    const before = await readRow(this.trx, entity, id, { includeDeleted: true });
    if (!before) return;
    const fields: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(values)) fields[k] = [before[k], v];
    await anyDb(this.trx).updateTable(table).set(values).where('id', '=', id).execute();
    await this.record(entity, id, 'update', fields, null);
  }
}

/**
 * Runs one user action as one transaction and one change set. An action that changed nothing
 * leaves no trace in the history.
 */
export async function tracked<T>(db: Kysely<Database>, meta: ChangeMeta, fn: (tr: Tracker) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const cs = await trx
      .insertInto('changeSet')
      .values({ at, user: meta.user, action: meta.action, label: meta.label, source: meta.source ?? null, undoes: meta.undoes ?? null, undoneBy: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tr = new Tracker(trx, cs.id, at);
    const result = await fn(tr);
    if (tr.changes === 0) await trx.deleteFrom('changeSet').where('id', '=', cs.id).execute();
    return result;
  });
}

export { sql };
