/**
 * The Privacycontrole: every stored text (records, the Prullenbak, the history's old values,
 * snapshots and labels) through the guard's patterns. Read only; the screen and
 * `regieboek privacy --db FILE` show the same list. A name-like phrase a user confirmed is no hit.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { entities, entityDef } from '../history/entities';
import { isScannedField, scanOptions } from '../../../shared/privacy/fields';
import { excerpt, redact, scanText, type Finding } from '../../../shared/privacy/guard';
import type { PrivacyHit } from '../../../shared/schemas/privacy';
import { confirmationKey } from './guard';

type Row = Record<string, unknown>;
type AnyDb = Kysely<Record<string, Row>>;

/** Where a record is fixed on screen (hash route parts), for a live record. */
export function routeOf(entity: string, r: Row): string[] | null {
  const id = String(r.id);
  switch (entity) {
    case 'programme':
      return ['programmas', id];
    case 'programmeLine':
      return ['programmas', String(r.programmeId), 'lijn', id];
    case 'measure':
      return ['maatregelen', id];
    case 'activity':
      return ['activiteiten', id];
    case 'subActivity':
      return ['activiteiten', String(r.activityId)];
    case 'organisation':
      return ['partners', id];
    case 'contact':
      return ['partners', String(r.organisationId)];
    case 'indicator':
      return ['resultaten', 'indicator', id, 'bewerken'];
    case 'target':
    case 'measurement':
      return ['resultaten', 'indicator', String(r.indicatorId), 'bewerken'];
    case 'regionFigure':
      return ['vsv-cijfers'];
    case 'monitoringRound':
      return ['monitoring', 'ronde', id];
    case 'monitoringInterview':
      return ['monitoring', 'input', id];
    case 'monitoringAnswer':
    case 'monitoringAttendee':
      return ['monitoring', 'input', String(r.interviewId)];
    case 'monitoringAction':
      return ['acties'];
    case 'question':
    case 'questionSet':
    case 'questionSetVersion':
      return ['monitoring', 'vragen'];
    case 'award':
    case 'budgetLine':
    case 'spend':
    case 'budgetRules':
      return ['begroting'];
    default:
      return null;
  }
}

export interface ScanResult {
  hits: PrivacyHit[];
  confirmed: number;
  records: number;
  changes: number;
}

/**
 * Scans the workspace. `hasConfirmations`: false for a file older than the privacy migration
 * (read as it is by the CLI, not migrated).
 */
export async function scanWorkspace(db: Kysely<Database>, opts: { hasConfirmations?: boolean } = {}): Promise<ScanResult> {
  const anyDb = db as unknown as AnyDb;
  const confirmedKeys = new Set(opts.hasConfirmations === false ? [] : (await db.selectFrom('privacyConfirmation').select('key').execute()).map((r) => r.key));
  const hits: PrivacyHit[] = [];
  let confirmed = 0;
  let records = 0;
  const tables = new Set((await db.introspection.getTables()).map((t) => t.name));
  const present = (table: string) => tables.has(table.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()));

  /** The guard's findings in a value, without the confirmed name-like ones. */
  const findingsIn = (entity: string, field: string, value: unknown): Finding[] => {
    if (typeof value !== 'string' || !isScannedField(field)) return [];
    const found = scanText(value, scanOptions(entity, field));
    const kept = found.filter((f) => f.severity === 'refuse' || !confirmedKeys.has(confirmationKey(entity, field, value)));
    confirmed += found.length - kept.length;
    return kept;
  };

  // Records as they are now, in use or in the Prullenbak.
  const labels = new Map<string, string>();
  // A history value that is still the record's value is the record's hit, listed once.
  const current = new Set<string>();
  for (const [entity, def] of Object.entries(entities)) {
    if (!present(def.table)) continue;
    for (const row of await anyDb.selectFrom(def.table).selectAll().execute()) {
      records++;
      const name = safeLabel(entity, row);
      labels.set(`${entity}:${String(row.id)}`, name);
      const trashed = row.deletedAt !== null && row.deletedAt !== undefined;
      for (const [field, value] of Object.entries(row)) {
        if (typeof value === 'string') current.add(`${entity}\u0000${String(row.id)}\u0000${field}\u0000${value}`);
        const found = findingsIn(entity, field, value);
        const f = found[0];
        if (!f) continue;
        hits.push({
          place: trashed ? 'trash' : 'data',
          entity,
          entityId: String(row.id),
          field,
          kind: f.kind,
          severity: f.severity,
          excerpt: excerpt(String(value), f, found),
          record: name,
          count: 1,
          trashChangeSetId: trashed ? Number(row.deletedIn) : null,
          route: trashed ? null : routeOf(entity, row),
        });
      }
    }
  }

  // The history: old and new values, snapshots, and the labels of change sets.
  const history = new Map<string, PrivacyHit>();
  const addHistory = (entity: string, entityId: string, field: string, value: string, found: Finding[]) => {
    const key = `${entity}\u0000${entityId}\u0000${field}`;
    const seen = history.get(key);
    if (seen) {
      seen.count++;
      return;
    }
    const f = found[0]!;
    history.set(key, {
      place: 'history',
      entity,
      entityId,
      field,
      kind: f.kind,
      severity: f.severity,
      excerpt: excerpt(value, f, found),
      record: labels.get(`${entity}:${entityId}`) ?? '—',
      count: 1,
      trashChangeSetId: null,
      route: null,
    });
  };
  let changes = 0;
  let last = 0;
  for (;;) {
    const page = await db.selectFrom('change').select(['id', 'entity', 'entityId', 'fields', 'snapshot']).where('id', '>', last).orderBy('id').limit(2000).execute();
    if (!page.length) break;
    for (const c of page) {
      changes++;
      last = c.id;
      if (!entities[c.entity]) continue;
      const values: [string, unknown][] = [];
      for (const [field, pair] of Object.entries(JSON.parse(c.fields) as Record<string, unknown[]>)) for (const v of pair) values.push([field, v]);
      if (c.snapshot) {
        const snap = JSON.parse(c.snapshot) as unknown;
        if (snap && typeof snap === 'object' && !Array.isArray(snap)) values.push(...Object.entries(snap));
      }
      for (const [field, v] of values) {
        if (current.has(`${c.entity}\u0000${c.entityId}\u0000${field}\u0000${String(v)}`)) continue;
        const found = findingsIn(c.entity, field, v);
        if (found.length) addHistory(c.entity, c.entityId, field, String(v), found);
      }
    }
  }
  // Labels echo a record's name, which is checked as a field: only a refusal counts here.
  const sets = await db.selectFrom('changeSet').select(['id', 'label']).execute();
  const trashLabels = await db.selectFrom('trash').select(['changeSetId as id', 'label']).execute();
  for (const s of [...sets, ...trashLabels]) {
    const found = scanText(s.label).filter((f) => f.severity === 'refuse');
    if (!found.length) continue;
    const first = await db.selectFrom('change').select(['entity', 'entityId']).where('changeSetId', '=', s.id).orderBy('id').limit(1).executeTakeFirst();
    addHistory(first?.entity ?? '', first?.entityId ?? '', 'label', s.label, found);
  }
  hits.push(...history.values());
  return { hits, confirmed, records, changes };
}

/** A record's name for the list, with anything the guard finds in it masked. */
function safeLabel(entity: string, row: Row): string {
  try {
    return redact(entityDef(entity).label(row));
  } catch {
    return '—';
  }
}
