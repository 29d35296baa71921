/**
 * The registry of record kinds the exchange knows. A kind says which sheet it lives on, its fixed
 * columns, how to read its rows from the store and how an import creates or changes one. The
 * workspace workbook, the import pipeline and the legend all work from this list, so a new kind
 * of record (measures, activities, budget lines, indicators …) joins the exchange by adding an
 * entry here (parents before children) and documenting its sheet in docs/EXCHANGE.md.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Tracker } from '../history/tracker';
import type { ColumnSpec, Row } from './sheets';
import { PROGRAMME_STATUSES } from '../../../shared/schemas/programme';
import { t } from '../../../shared/i18n/nl';
import { activityKind, contactKind, measureKind, organisationKind, programmeLineKind, subActivityKind } from './kinds-tree';
import { moneyAndResultKinds } from './kinds-money';
import { applyTextLimits } from './text-limits';

export type Db = Kysely<Database> | Transaction<Database>;

export interface RecordKind {
  /** Stable name, also the tracker's entity when the kind is tracked. */
  name: string;
  /** Tracked entity (history, undo); null for records an import never writes. */
  entity: string | null;
  /** Sheet name: part of the file format. */
  sheet: string;
  /** Key of the column that identifies a record; always written as text. */
  idKey: string;
  columns: readonly ColumnSpec[];
  /** Columns a file must have for the sheet to be read. */
  requiredColumns: readonly string[];
  /** Live rows in a stable export order. */
  list(db: Db): Promise<Row[]>;
  /** How a person recognises the record in the dry-run list. */
  label(row: Row): string;
  /** Checks across fields after each cell was read; key names the column to blame. */
  check?(row: Row): { key: string; message: string }[];
  /** Creates a record with the id from the file. Absent: the kind cannot be created by an import. */
  create?(tr: Tracker, row: Row): Promise<void>;
  /** The stored row create() inserts, so an import can insert many at once (tr.insertMany). */
  stored?(row: Row, at: string): Record<string, unknown>;
  /** Changes fields of a record. Absent: tr.update(entity, id, patch). */
  update?(tr: Tracker, id: string, patch: Row): Promise<void>;
  /** Never written by an import (differences are reported, not applied). */
  readOnly?: boolean;
  /** Column key -> kind name the value refers to (checked against the store and the file). */
  refs?: Record<string, string>;
}

const statusChoices = PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));

export const regionKind: RecordKind = {
  name: 'region',
  entity: null,
  sheet: t('xlh.region.sheet'),
  idKey: 'number',
  readOnly: true,
  columns: [
    { key: 'number', header: t('xlh.region.number'), type: 'int', required: true, help: t('xlh.region.number.help') },
    { key: 'name', header: t('xlh.region.name'), type: 'text', required: true, help: t('xlh.region.name.help') },
    { key: 'contactMunicipality', header: t('xlh.region.contact'), type: 'text', help: t('xlh.region.contact.help') },
  ],
  requiredColumns: ['number'],
  list: async (db) => (await db.selectFrom('region').select(['number', 'name', 'contactMunicipality']).execute()).map((r) => ({ ...r })),
  label: (r) => `${String(r.number).padStart(2, '0')} ${String(r.name ?? '')}`,
};

export const programmeKind: RecordKind = {
  name: 'programme',
  entity: 'programme',
  sheet: t('xlh.programme.sheet'),
  idKey: 'id',
  columns: [
    { key: 'id', header: t('xlh.id'), type: 'id', required: true, help: t('xlh.id.help') },
    { key: 'name', header: t('xlh.programme.name'), type: 'text', required: true, maxLength: 200, help: t('xlh.programme.name.help') },
    { key: 'periodStart', header: t('xlh.programme.start'), type: 'date', required: true, help: t('xlh.programme.start.help') },
    { key: 'periodEnd', header: t('xlh.programme.end'), type: 'date', required: true, help: t('xlh.programme.end.help') },
    { key: 'status', header: t('xlh.programme.status'), type: 'choice', required: true, choices: statusChoices, help: t('xlh.programme.status.help') },
    { key: 'requestedCents', header: t('xlh.programme.requested'), type: 'money', help: t('xlh.programme.requested.help') },
    { key: 'awardedCents', header: t('xlh.programme.awarded'), type: 'money', help: t('xlh.programme.awarded.help') },
    { key: 'analysis', header: t('xlh.programme.analysis'), type: 'longText', width: 60, help: t('xlh.programme.analysis.help') },
    { key: 'notes', header: t('xlh.programme.notes'), type: 'longText', width: 40, help: t('xlh.programme.notes.help') },
    { key: 'contactSchoolId', header: t('xlh.programme.contactSchool'), type: 'id', help: t('xlh.programme.contactSchool.help') },
    { key: 'contactSchoolName', header: t('xlh.programme.contactSchoolName'), type: 'text', informational: true, help: t('xlh.refName.help') },
    { key: 'contactMunicipalityId', header: t('xlh.programme.contactMunicipality'), type: 'id', help: t('xlh.programme.contactMunicipality.help') },
    { key: 'contactMunicipalityName', header: t('xlh.programme.contactMunicipalityName'), type: 'text', informational: true, help: t('xlh.refName.help') },
    { key: 'createdAt', header: t('xlh.createdAt'), type: 'datetime', informational: true, help: t('xlh.createdAt.help') },
    { key: 'updatedAt', header: t('xlh.updatedAt'), type: 'datetime', informational: true, help: t('xlh.updatedAt.help') },
  ],
  requiredColumns: ['id', 'name', 'periodStart', 'periodEnd', 'status'],
  refs: { contactSchoolId: 'organisation', contactMunicipalityId: 'organisation' },
  list: async (db) => {
    const orgs = new Map((await db.selectFrom('organisation').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
    const rows = await db
      .selectFrom('programme')
      .select(['id', 'name', 'periodStart', 'periodEnd', 'status', 'requestedCents', 'awardedCents', 'analysis', 'notes', 'contactSchoolId', 'contactMunicipalityId', 'createdAt', 'updatedAt'])
      .where('deletedAt', 'is', null)
      .orderBy('periodStart')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      ...r,
      contactSchoolName: r.contactSchoolId ? (orgs.get(r.contactSchoolId) ?? null) : null,
      contactMunicipalityName: r.contactMunicipalityId ? (orgs.get(r.contactMunicipalityId) ?? null) : null,
    }));
  },
  label: (r) => String(r.name ?? r.id),
  check: (r) =>
    typeof r.periodStart === 'string' && typeof r.periodEnd === 'string' && r.periodEnd < r.periodStart ? [{ key: 'periodEnd', message: t('xl.check.endBeforeStart') }] : [],
  create: async (tr, r) => {
    await tr.insert('programme', programmeKind.stored!(r, tr.at));
  },
  stored: (r, at) => ({
    id: r.id,
    name: r.name,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status,
    analysis: r.analysis ?? '',
    requestedCents: r.requestedCents ?? null,
    awardedCents: r.awardedCents ?? null,
    notes: r.notes ?? '',
    contactSchoolId: r.contactSchoolId ?? null,
    contactMunicipalityId: r.contactMunicipalityId ?? null,
    createdAt: r.createdAt ?? at,
    updatedAt: r.updatedAt ?? at,
    deletedAt: null,
    deletedIn: null,
  }),
};

/**
 * Every kind, parents before children (an import creates them in this order). Issue 3's tree is
 * in kinds-tree.ts; issues 4-5 add budget lines, expenditure, indicators … here.
 */
export const recordKinds: RecordKind[] = [regionKind, organisationKind, contactKind, programmeKind, programmeLineKind, measureKind, activityKind, subActivityKind, ...moneyAndResultKinds];
for (const k of recordKinds) applyTextLimits(k.name, k.columns);

export function registerKind(kind: RecordKind, opts: { after?: string } = {}): void {
  if (recordKinds.some((k) => k.name === kind.name || k.sheet === kind.sheet)) throw new Error(`Record kind ${kind.name} registered twice`);
  applyTextLimits(kind.name, kind.columns);
  const at = opts.after ? recordKinds.findIndex((k) => k.name === opts.after) + 1 : recordKinds.length;
  recordKinds.splice(at > 0 ? at : recordKinds.length, 0, kind);
}

export const kindByName = (name: string) => recordKinds.find((k) => k.name === name);

/** Text fields are stored as '' when empty; a file's empty cell means the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  const na = a === undefined || a === '' ? null : a;
  const nb = b === undefined || b === '' ? null : b;
  return na === nb;
}
