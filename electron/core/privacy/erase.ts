/**
 * Erasure: what was typed by mistake leaves the data, the history and the file's bytes.
 *
 * - eraseTrash: "Prullenbak legen" and "Definitief verwijderen" for one item. The records and
 *   everything below them are deleted; references from other records are cleared.
 * - eraseFieldHistory: "Uit de geschiedenis wissen" for one field of one record: every old value
 *   (not the current one) leaves the history.
 *
 * In both, the values leave the history too: in change rows, snapshots, change-set labels, trash
 * labels, copies (question-set versions, frozen interview facts) and any table the history may grow
 * later, they become "[gewist]". Every change set that held such a value is marked `erased`: undo and
 * redo stop there, so they never write erased data (or "[gewist]") back. One content-free history
 * line says what kind of record was erased, by whom and when. Afterwards the WAL is checkpointed
 * (TRUNCATE) and the file compacted (VACUUM); with secure_delete on, the bytes are then gone from the
 * file and its -wal. Backups made before still hold the data: see backups.ts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Sqlite } from '../db/sqlite';
import { entities, entityDef, entityName } from '../history/entities';
import { isScannedField } from '../../../shared/privacy/fields';
import { redact, scanText } from '../../../shared/privacy/guard';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { UserError } from '../errors';
import { confirmationKey } from './guard';
import { nowIso } from '../clock';

type Trx = Transaction<Database>;
type Row = Record<string, unknown>;
type AnyDb = Kysely<Record<string, Row>>;

export const ERASED = '[gewist]';

/** Who erases: written into the content-free history line (the session makes it that window's step). */
export interface Who {
  user: string;
  session?: string | null;
}

/** Tables that are the history (not records): scrubbed in full, also tables added to the history later. */
const NOT_HISTORY = new Set(['meta', 'region', 'privacy_confirmation', ...Object.values(entities).map((d) => snake(d.table))]);
/** Columns of records that copy other records' text (snapshots frozen at some moment). */
const COPIES: { table: string; column: string }[] = [
  { table: 'question_set_version', column: 'questions' },
  { table: 'monitoring_interview', column: 'facts_snapshot' },
  { table: 'monitoring_interview', column: 'title' },
];
/** References held in JSON lists rather than foreign keys. */
const JSON_REFS: { entity: string; field: string; target: string }[] = [
  { entity: 'measure', field: 'executorIds', target: 'organisation' },
  { entity: 'activity', field: 'executorIds', target: 'organisation' },
];
/** References without a foreign key (indicators live in a later migration than actions). */
const LOOSE_REFS: { entity: string; field: string; target: string }[] = [{ entity: 'monitoringAction', field: 'indicatorId', target: 'indicator' }];

function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}
function camel(s: string): string {
  return s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
const any = (db: Kysely<Database> | Trx) => db as unknown as AnyDb;
const rkey = (entity: string, id: string) => `${entity}\u0000${id}`;
const entityOfTable = new Map(Object.entries(entities).map(([name, d]) => [snake(d.table), name]));

/** Ids, references, time stamps and bookkeeping stay in the history (they say nothing); everything else goes. */
const keeps = (field: string) => !isScannedField(field) || field === 'trashedIn' || field === 'rowVersion';

/** Strings worth looking for elsewhere: not ids, dates, numbers or stored choices such as "lopend". */
function collect(v: unknown, out: Set<string>): void {
  if (typeof v !== 'string') return;
  const s = v.trim();
  if (s.length < 4 || s === ERASED) return;
  if (s.startsWith('[') || s.startsWith('{')) {
    try {
      const parsed = JSON.parse(s) as unknown;
      const walk = (x: unknown): void => {
        if (typeof x === 'string') collect(x, out);
        else if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') Object.values(x).forEach(walk);
      };
      walk(parsed);
      return;
    } catch {
      // not JSON: a text that starts with a bracket
    }
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(s) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(s) || /^[a-z_]+$/.test(s) || /^-?[\d.,]+$/.test(s)) return;
  out.add(s);
  // Labels quote names and texts cut short ("text.slice(0, 60)").
  for (const n of [60, 80]) if (s.length > n) out.add(s.slice(0, n));
}

/** Replaces every occurrence of the strings (longest first), also as they appear inside JSON. */
function scrubText(text: string, strings: string[]): string {
  let out = text;
  for (const s of strings) {
    if (out.includes(s)) out = out.split(s).join(ERASED);
    const json = JSON.stringify(s).slice(1, -1);
    if (json !== s && out.includes(json)) out = out.split(json).join(ERASED);
  }
  return out;
}

/** A label with the strings replaced, and (for the erased records' own change sets) every refusing finding of the guard. */
function scrubLabel(label: string, strings: string[], findings: boolean): string {
  const s = scrubText(label, strings);
  if (!findings) return s;
  const found = scanText(s).filter((f) => f.severity === 'refuse');
  return found.length ? redact(s, found).replace(/\[[^\]]*…[^\]]*\]/g, ERASED) : s;
}

const ordered = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length);

interface Scrubbed {
  /** Change sets whose values were scrubbed: marked erased. */
  sets: Set<number>;
  strings: Set<string>;
}

/** Every value of a change row (or only one field's old values) to "[gewist]". */
async function scrubChanges(trx: Trx, rows: { id: number; changeSetId: number; fields: string; snapshot: string | null }[], pick: (field: string, value: unknown) => boolean, acc: Scrubbed): Promise<void> {
  for (const c of rows) {
    let touched = false;
    const fields = JSON.parse(c.fields) as Record<string, [unknown, unknown]>;
    for (const [f, pair] of Object.entries(fields)) {
      const next = pair.map((v) => {
        if (v === null || v === '' || v === ERASED || !pick(f, v)) return v;
        collect(v, acc.strings);
        touched = true;
        return ERASED;
      }) as [unknown, unknown];
      fields[f] = next;
    }
    let snapshot = c.snapshot;
    if (snapshot) {
      const snap = JSON.parse(snapshot) as Row;
      if (snap && typeof snap === 'object' && !Array.isArray(snap)) {
        for (const [f, v] of Object.entries(snap)) {
          if (v === null || v === '' || v === ERASED || !pick(f, v)) continue;
          collect(v, acc.strings);
          snap[f] = ERASED;
          touched = true;
        }
        snapshot = JSON.stringify(snap);
      }
    }
    if (!touched) continue;
    acc.sets.add(c.changeSetId);
    await trx.updateTable('change').set({ fields: JSON.stringify(fields), snapshot }).where('id', '=', c.id).execute();
  }
}

/** Labels of change sets and trash items, copies, and any other history table: the strings become "[gewist]". */
async function scrubEverywhere(trx: Trx, acc: Scrubbed, touchedSets: Set<number>): Promise<void> {
  const all = ordered(acc.strings);
  // Long strings anywhere; short ones (a code and a name) only in labels of sets that touched the records.
  const long = all.filter((s) => s.length >= 8);
  for (const cs of await trx.selectFrom('changeSet').select(['id', 'label']).execute()) {
    const own = touchedSets.has(cs.id);
    const label = scrubLabel(cs.label, own ? all : long, own);
    if (label !== cs.label) {
      await trx.updateTable('changeSet').set({ label }).where('id', '=', cs.id).execute();
      acc.sets.add(cs.id);
    }
  }
  for (const tr of await trx.selectFrom('trash').select(['changeSetId', 'label']).execute()) {
    const own = touchedSets.has(tr.changeSetId);
    const label = scrubLabel(tr.label, own ? all : long, own);
    if (label !== tr.label) await trx.updateTable('trash').set({ label }).where('changeSetId', '=', tr.changeSetId).execute();
  }
  if (!long.length) return;
  // Other records' history that quotes the erased text (an input's title with a partner's name).
  let last = 0;
  for (;;) {
    const page = await trx.selectFrom('change').select(['id', 'changeSetId', 'fields', 'snapshot']).where('id', '>', last).orderBy('id').limit(2000).execute();
    if (!page.length) break;
    for (const c of page) {
      last = c.id;
      const fields = scrubText(c.fields, long);
      const snapshot = c.snapshot === null ? null : scrubText(c.snapshot, long);
      if (fields === c.fields && snapshot === c.snapshot) continue;
      await trx.updateTable('change').set({ fields, snapshot }).where('id', '=', c.id).execute();
      acc.sets.add(c.changeSetId);
    }
  }
  // Copies inside records, and every text column of every other history table (known or not).
  const targets: { table: string; column: string }[] = [...COPIES];
  const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(trx)).rows.map((r) => r.name);
  for (const table of tables) {
    if (NOT_HISTORY.has(table) || table === 'change' || table === 'change_set' || table === 'trash') continue;
    // The search index follows the records through its triggers; compact() rebuilds it, so no token of an erased text stays in it.
    if (table === 'search_doc' || table.startsWith('search_fts')) continue;
    // The budget lines' mirror (migration 0013) holds ids, enumerated values and amounts, never typed text; its triggers follow budget_line and spend.
    if (table === 'budget_line_total') continue;
    const cols = (await sql<{ name: string; type: string }>`SELECT name, type FROM pragma_table_info(${table})`.execute(trx)).rows;
    for (const c of cols) if (/TEXT|^$/i.test(c.type)) targets.push({ table, column: c.name });
  }
  const present = new Set(tables);
  for (const { table, column } of targets) {
    if (!present.has(table)) continue;
    const rows = (await sql<{ rid: number; v: string }>`SELECT rowid AS rid, ${sql.ref(column)} AS v FROM ${sql.table(table)} WHERE typeof(${sql.ref(column)}) = 'text'`.execute(trx)).rows;
    for (const r of rows) {
      const v = scrubText(r.v, long);
      if (v !== r.v) await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${v} WHERE rowid = ${r.rid}`.execute(trx);
    }
  }
}

/** Forgets confirmations of the erased values (a hash, but of a text that is gone). */
async function forgetConfirmations(trx: Trx, values: { entity: string; field: string; value: unknown }[]): Promise<void> {
  const keys = values.filter((v) => typeof v.value === 'string').map((v) => confirmationKey(v.entity, v.field, v.value as string));
  for (let i = 0; i < keys.length; i += 500) await trx.deleteFrom('privacyConfirmation').where('key', 'in', keys.slice(i, i + 500)).execute();
}

async function markErased(trx: Trx, sets: Set<number>): Promise<void> {
  const ids = [...sets];
  for (let i = 0; i < ids.length; i += 500) await trx.updateTable('changeSet').set({ erased: 1 }).where('id', 'in', ids.slice(i, i + 500)).execute();
}

/** The content-free history line: what kind of record, by whom, when. Itself never undone. */
async function erasureSet(trx: Trx, who: Who, label: string): Promise<number> {
  const cs = await trx
    .insertInto('changeSet')
    .values({ at: nowIso(), user: who.user, session: who.session ?? null, action: 'erase', label, source: null, undoes: null, undoneBy: null, erased: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return cs.id;
}

// ------------------------------------------------------------------------------------------------
// Records

interface Target {
  entity: string;
  id: string;
}

interface Gone extends Target {
  /** Reached as a row that cannot exist without an erased one (rules, thresholds), not as a child in the tree. */
  dependent: boolean;
}

/** Every record below the roots (children of children …, trashed or not), and records that cannot exist without one. */
async function closure(trx: Trx, roots: Target[]): Promise<Map<string, Gone>> {
  const out = new Map<string, Gone>();
  const queue = [...roots];
  while (queue.length) {
    const r = queue.pop()!;
    if (out.has(rkey(r.entity, r.id))) continue;
    out.set(rkey(r.entity, r.id), { ...r, dependent: false });
    for (const child of entityDef(r.entity).children) {
      const rows = await any(trx).selectFrom(entityDef(child.entity).table).select('id').where(child.foreignKey, '=', r.id).execute();
      for (const c of rows) queue.push({ entity: child.entity, id: String(c.id) });
    }
  }
  // Rows whose NOT NULL foreign key points at an erased record go too; nullable ones are cleared later.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, def] of Object.entries(entities)) {
      for (const fk of await foreignKeys(trx, def.table)) {
        if (!fk.notNull) continue;
        const target = entityOfTable.get(fk.table);
        if (!target) continue;
        const ids = [...out.values()].filter((x) => x.entity === target).map((x) => x.id);
        for (let i = 0; i < ids.length; i += 500) {
          const rows = await any(trx).selectFrom(def.table).select('id').where(fk.from, 'in', ids.slice(i, i + 500)).execute();
          for (const r of rows)
            if (!out.has(rkey(name, String(r.id)))) {
              out.set(rkey(name, String(r.id)), { entity: name, id: String(r.id), dependent: true });
              grew = true;
            }
        }
      }
    }
  }
  return out;
}

const fkCache = new Map<string, { from: string; table: string; notNull: boolean }[]>();
async function foreignKeys(trx: Trx, table: string): Promise<{ from: string; table: string; notNull: boolean }[]> {
  const t = snake(table);
  if (!fkCache.has(t)) {
    const fks = (await sql<{ from: string; table: string }>`SELECT "from", "table" FROM pragma_foreign_key_list(${t})`.execute(trx)).rows;
    const cols = new Map((await sql<{ name: string; notnull: number }>`SELECT name, "notnull" FROM pragma_table_info(${t})`.execute(trx)).rows.map((c) => [c.name, c.notnull === 1]));
    fkCache.set(
      t,
      fks.map((f) => ({ from: camel(f.from), table: f.table, notNull: cols.get(f.from) ?? false })),
    );
  }
  return fkCache.get(t)!;
}

/** Clears references from records that stay to records that go; recorded in the erasure's change set, versions raised (an open form sees the change). */
async function clearReferences(trx: Trx, gone: Map<string, Gone>, setId: number): Promise<void> {
  const idsOf = (entity: string) => [...gone.values()].filter((x) => x.entity === entity).map((x) => x.id);
  const record = (entity: string, id: string, field: string, from: unknown, to: unknown) =>
    trx.insertInto('change').values({ changeSetId: setId, entity, entityId: id, op: 'update', fields: JSON.stringify({ [field]: [from, to] }), snapshot: null }).execute();
  const refs: { entity: string; field: string; target: string }[] = [...LOOSE_REFS];
  for (const [name, def] of Object.entries(entities))
    for (const fk of await foreignKeys(trx, def.table)) {
      const target = entityOfTable.get(fk.table);
      if (target && !fk.notNull) refs.push({ entity: name, field: fk.from, target });
    }
  for (const ref of refs) {
    const ids = idsOf(ref.target);
    const { table } = entityDef(ref.entity);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await any(trx).selectFrom(table).select(['id', ref.field]).where(ref.field, 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) {
        if (gone.has(rkey(ref.entity, String(r.id)))) continue;
        try {
          await any(trx).updateTable(table).set({ [ref.field]: null, rowVersion: sql`row_version + 1` }).where('id', '=', String(r.id)).execute();
        } catch {
          // The record needs the reference (an action's "Door" without a person's name).
          const full = (await any(trx).selectFrom(table).selectAll().where('id', '=', String(r.id)).executeTakeFirst())!;
          throw new UserError('conflict', t('erase.referenced', { entity: entityName(ref.entity), name: entityDef(ref.entity).label(full) }));
        }
        await record(ref.entity, String(r.id), ref.field, r[ref.field], null);
      }
    }
  }
  for (const ref of JSON_REFS) {
    const ids = new Set(idsOf(ref.target));
    if (!ids.size) continue;
    const { table } = entityDef(ref.entity);
    for (const r of await any(trx).selectFrom(table).select(['id', ref.field]).execute()) {
      if (gone.has(rkey(ref.entity, String(r.id)))) continue;
      const list = JSON.parse(String(r[ref.field] ?? '[]')) as string[];
      const kept = list.filter((x) => !ids.has(x));
      if (kept.length === list.length) continue;
      await any(trx).updateTable(table).set({ [ref.field]: JSON.stringify(kept), rowVersion: sql`row_version + 1` }).where('id', '=', String(r.id)).execute();
      await record(ref.entity, String(r.id), ref.field, JSON.stringify(list), JSON.stringify(kept));
    }
  }
}

export interface ErasureResult {
  /** Records removed from the file (the items and everything below them). */
  records: number;
  /** Change sets whose values were replaced by "[gewist]". */
  changeSets: number;
  /** The erasure's own history line. */
  changeSetId: number | null;
  /** Ids of what was erased, to find the backups that still hold it. */
  erased: Target[];
  /** For one field's old values: the values themselves (a backup holds the record's history anyway). */
  values?: string[];
}

/**
 * Removes trash items for good (all of them when `items` is 'all'), with their records, their
 * children and their values in the history, in one transaction. Compact afterwards (compact()).
 */
export async function eraseTrash(db: Kysely<Database>, who: Who, items: number[] | 'all'): Promise<ErasureResult> {
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('trash').selectAll().where('restoredAt', 'is', null);
    if (items !== 'all') q = q.where('changeSetId', 'in', items.length ? items : [-1]);
    const trash = await q.execute();
    if (items !== 'all' && trash.length !== items.length) throw new UserError('not_found', t('err.notInTrash'));
    if (!trash.length) return { records: 0, changeSets: 0, changeSetId: null, erased: [] };

    const roots: Target[] = [];
    for (const item of trash) {
      roots.push({ entity: item.entity, id: item.entityId });
      // Rows trashed in the same step (they share deleted_in) belong to the item too.
      for (const [name, def] of Object.entries(entities))
        for (const r of await any(trx).selectFrom(def.table).select('id').where('deletedIn', '=', item.changeSetId).execute()) roots.push({ entity: name, id: String(r.id) });
    }
    const gone = await closure(trx, roots);
    // A record in use below an item (restored on its own) is never taken along; what merely hangs
    // on an erased record (a programme's rules and thresholds) goes with it.
    for (const g of gone.values()) {
      if (g.dependent) continue;
      const row = await any(trx).selectFrom(entityDef(g.entity).table).select(['deletedAt']).where('id', '=', g.id).executeTakeFirst();
      if (row && row.deletedAt === null) {
        const full = (await any(trx).selectFrom(entityDef(g.entity).table).selectAll().where('id', '=', g.id).executeTakeFirst())!;
        throw new UserError('conflict', t('erase.stillUsed', { entity: entityName(g.entity), name: entityDef(g.entity).label(full) }));
      }
    }

    const acc: Scrubbed = { sets: new Set(), strings: new Set() };
    const byEntity = new Map<string, string[]>();
    for (const g of gone.values()) byEntity.set(g.entity, [...(byEntity.get(g.entity) ?? []), g.id]);
    const confirmations: { entity: string; field: string; value: unknown }[] = [];

    // The values as they are now, and every value the history holds.
    const touched = new Set<number>();
    for (const [entity, ids] of byEntity)
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        for (const row of await any(trx).selectFrom(entityDef(entity).table).selectAll().where('id', 'in', part).execute()) {
          for (const [f, v] of Object.entries(row)) {
            if (keeps(f)) continue;
            collect(v, acc.strings);
            confirmations.push({ entity, field: f, value: v });
          }
          collect(entityDef(entity).label(row), acc.strings);
        }
        const changes = await trx.selectFrom('change').select(['id', 'changeSetId', 'fields', 'snapshot']).where('entity', '=', entity).where('entityId', 'in', part).execute();
        for (const c of changes) {
          touched.add(c.changeSetId);
          for (const [f, pair] of Object.entries(JSON.parse(c.fields) as Record<string, unknown[]>)) if (!keeps(f)) for (const v of pair) confirmations.push({ entity, field: f, value: v });
          if (c.snapshot) {
            try {
              collect(entityDef(entity).label(JSON.parse(c.snapshot) as Row), acc.strings);
            } catch {
              // a snapshot that is not a row (a restore's marker)
            }
          }
        }
        await scrubChanges(trx, changes, (f) => !keeps(f), acc);
      }
    for (const item of trash) collect(item.label, acc.strings);

    // Out of the file: children first is not needed, foreign keys are checked at commit.
    await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
    const setId = await erasureSet(trx, who, erasureLabel(trash, gone.size));
    await clearReferences(trx, gone, setId);
    for (const [entity, ids] of byEntity) for (let i = 0; i < ids.length; i += 500) await any(trx).deleteFrom(entityDef(entity).table).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const item of trash) await trx.insertInto('change').values({ changeSetId: setId, entity: item.entity, entityId: item.entityId, op: 'purge', fields: '{}', snapshot: null }).execute();
    // Trash items of records that are gone (also of children trashed on their own before).
    const trashRows = await trx.selectFrom('trash').select(['changeSetId', 'entity', 'entityId']).execute();
    for (const tr of trashRows) if (gone.has(rkey(tr.entity, tr.entityId))) await trx.deleteFrom('trash').where('changeSetId', '=', tr.changeSetId).execute();

    await scrubEverywhere(trx, acc, touched);
    await forgetConfirmations(trx, confirmations);
    acc.sets.delete(setId);
    await markErased(trx, acc.sets);
    return { records: gone.size, changeSets: acc.sets.size, changeSetId: setId, erased: [...gone.values()].map(({ entity, id }) => ({ entity, id })) };
  });
}

function erasureLabel(trash: { entity: string }[], records: number): string {
  if (trash.length > 1) return t('label.eraseTrash', { n: trash.length, records });
  const entity = entityName(trash[0]!.entity);
  return records > 1 ? t('label.eraseWithChildren', { entity, n: records - 1 }) : t('label.erase', { entity });
}

// ------------------------------------------------------------------------------------------------
// One field's old values

/**
 * "Uit de geschiedenis wissen": every value the field of this record had before (not the current
 * one) becomes "[gewist]" in the history, and so does every label that quoted it. With field
 * 'label', only findings of the guard in the labels of the record's change sets are erased.
 */
export async function eraseFieldHistory(db: Kysely<Database>, who: Who, entity: string, id: string, field: string): Promise<ErasureResult> {
  const def = entities[entity];
  if (!def) throw new UserError('invalid_input', t('erase.unknownEntity'));
  if (field !== 'label' && keeps(field)) throw new UserError('invalid_input', t('erase.notAField', { field }));
  return db.transaction().execute(async (trx) => {
    const row = await any(trx).selectFrom(def.table).selectAll().where('id', '=', id).executeTakeFirst();
    const current = row?.[field];
    const acc: Scrubbed = { sets: new Set(), strings: new Set() };
    const changes = await trx.selectFrom('change').select(['id', 'changeSetId', 'fields', 'snapshot']).where('entity', '=', entity).where('entityId', '=', id).execute();
    const touched = new Set(changes.map((c) => c.changeSetId));
    const old: unknown[] = [];
    if (field !== 'label')
      await scrubChanges(
        trx,
        changes,
        (f, v) => {
          const hit = f === field && v !== current;
          if (hit) old.push(v);
          return hit;
        },
        acc,
      );
    // The current value and its label stay: never scrub them out of a label.
    const keep = new Set<string>();
    collect(current, keep);
    if (row) collect(def.label(row), keep);
    for (const k of keep) acc.strings.delete(k);
    const before = acc.sets.size;
    await scrubEverywhere(trx, acc, touched);
    if (acc.sets.size === 0 && before === 0) return { records: 0, changeSets: 0, changeSetId: null, erased: [] };
    await forgetConfirmations(
      trx,
      old.map((value) => ({ entity, field, value })),
    );
    const setId = await erasureSet(trx, who, t('label.eraseField', { field: field === 'label' ? t('erase.labels') : fieldLabel(field, entity), entity: entityName(entity).toLowerCase() }));
    await trx.insertInto('change').values({ changeSetId: setId, entity, entityId: id, op: 'update', fields: '{}', snapshot: null }).execute();
    await markErased(trx, acc.sets);
    return { records: 0, changeSets: acc.sets.size, changeSetId: setId, erased: [{ entity, id }], values: field === 'label' ? undefined : old.filter((v): v is string => typeof v === 'string') };
  });
}

// ------------------------------------------------------------------------------------------------

/**
 * After an erasure: the WAL copied into the file and emptied (TRUNCATE), then the file rebuilt
 * without free pages (VACUUM), then the WAL emptied again. Returns whether the WAL could be emptied
 * (another connection reading the file holds it otherwise; the next erasure or close does it).
 */
export function compact(sqlite: Sqlite): { walEmptied: boolean } {
  // FTS5 keeps a deleted text's tokens in its segments until they are merged: rebuild the index from
  // search_doc (which the triggers already cleaned), so VACUUM leaves none of them in the file.
  if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").get()) sqlite.exec("INSERT INTO search_fts (search_fts) VALUES ('rebuild')");
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('VACUUM');
  const r = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  const mode = String(sqlite.pragma('journal_mode', { simple: true }));
  return { walEmptied: mode !== 'wal' || (r[0]?.busy === 0 && r[0]?.log === 0) };
}
