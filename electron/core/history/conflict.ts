/**
 * Messages for writes that would overwrite someone else's later change: a form saved from an
 * older version of a record (stale write), and an undo or redo of a change that was built on since.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ConflictError } from '../errors';
import { entityDef, entityName } from './entities';
import { Names } from './display';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { formatDateTime } from '../../../shared/dates';
import type { ConflictField } from '../../../shared/result';

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

/** Values as stored and as sent compare equal when they mean the same (null and undefined, JSON numbers). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The newest change set that touched a record after `after`, if any. */
export async function lastChangeOf(db: Db, entity: string, id: string, after = 0) {
  return db
    .selectFrom('change')
    .innerJoin('changeSet', 'changeSet.id', 'change.changeSetId')
    .select(['changeSet.id', 'changeSet.user', 'changeSet.at', 'changeSet.label', 'changeSet.session'])
    .where('change.entity', '=', entity)
    .where('change.entityId', '=', id)
    .where('change.changeSetId', '>', after)
    .orderBy('change.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** "Anna (12-03-2026 14:02)", or "Anna in een ander venster (…)" when it is the same name. */
export function byWhom(set: { user: string; at: string }, me?: string): string {
  const when = formatDateTime(set.at);
  return me && set.user === me ? t('conflict.byMeElsewhere', { user: set.user, when }) : t('conflict.by', { user: set.user, when });
}

/**
 * The refusal of a write based on an older version: names who changed the record since, and per
 * field that differs what is stored now and what the user sent.
 */
export async function staleWrite(db: Db, entity: string, id: string, row: Row, patch?: Row): Promise<ConflictError> {
  const names = new Names(db);
  const last = await lastChangeOf(db, entity, id);
  const fields: ConflictField[] = [];
  for (const [k, v] of Object.entries(patch ?? {})) {
    if (k === 'id' || k === 'rowVersion' || k === 'updatedAt' || v === undefined || !(k in row) || sameValue(row[k], v)) continue;
    fields.push({ field: k, label: fieldLabel(k, entity), current: await names.value(entity, k, row[k]), yours: await names.value(entity, k, v) });
  }
  const what = t('conflict.record', { entity: entityName(entity), name: entityDef(entity).label(row) });
  const parts = [
    last ? t('conflict.staleBy', { what, by: byWhom(last) }) : t('conflict.stale', { what }),
    ...fields.map((f) => t('conflict.field', { label: f.label, current: f.current, yours: f.yours })),
    t(patch ? 'conflict.chooseSave' : 'conflict.chooseDelete'),
  ];
  return new ConflictError(parts.join(' '), {
    entity,
    id,
    rowVersion: Number(row.rowVersion),
    by: last?.user ?? null,
    at: last?.at ?? null,
    fields,
  });
}
