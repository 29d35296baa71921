/**
 * Record kinds for the programme tree of issue 3: partners and their contacts, programme lines,
 * measures, activities (every question of the standard activity description is a column) and
 * sub-activities. References are ids (text), with a readable name column next to them that is only
 * informational. Lists stored as JSON are one item per line in a cell; planned participants are
 * "2025/2026: 400" lines.
 */
import type { Tracker } from '../history/tracker';
import type { Db, RecordKind } from './kinds';
import type { ColumnSpec, Row } from './sheets';
import type { CellType } from './cells';
import { ITEM_STATUSES, MEASURE_SHAPES } from '../../../shared/schemas/tree';
import { syncOwnActivity } from '../handlers/own-activity';
import { ORGANISATION_TYPES } from '../../../shared/schemas/partner';
import { t, type MessageKey } from '../../../shared/i18n/nl';

type Anything = Record<string, unknown>;
const anyDb = (db: Db) => db as unknown as import('kysely').Kysely<Record<string, Anything>>;

const statusChoices = ITEM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
const shapeChoices = MEASURE_SHAPES.map((s) => ({ value: s, label: t(`shape.${s}`) }));
const orgTypeChoices = ORGANISATION_TYPES.map((s) => ({ value: s, label: t(`orgType.${s}`) }));

const col = (key: string, header: MessageKey, type: CellType, help: MessageKey, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header: t(header),
  type,
  help: t(help),
  ...extra,
});
export const idCol = col('id', 'xlh.id', 'id', 'xlh.id.help', { required: true });
export const stamps = [
  col('createdAt', 'xlh.createdAt', 'datetime', 'xlh.createdAt.help', { informational: true }),
  col('updatedAt', 'xlh.updatedAt', 'datetime', 'xlh.updatedAt.help', { informational: true }),
];
const nameOf = (key: string, header: MessageKey) => col(key, header, 'text', 'xlh.refName.help', { informational: true });

/** How a column is stored when it is not stored as its cell value. */
export type Conv = 'list' | 'bool' | 'participants';

const toCell: Record<Conv, (v: unknown) => unknown> = {
  list: (v) => (JSON.parse(String(v ?? '[]')) as string[]).join('\n'),
  bool: (v) => v === 1 || v === true,
  participants: (v) => (JSON.parse(String(v ?? '[]')) as { schoolYear: string; count: number }[]).map((p) => `${p.schoolYear}: ${p.count}`).join('\n'),
};

const lines = (v: unknown) =>
  String(v ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

const toStore: Record<Conv, (v: unknown) => unknown> = {
  list: (v) => JSON.stringify([...new Set(lines(v))]),
  bool: (v) => (v ? 1 : 0),
  participants: (v) =>
    JSON.stringify(
      lines(v).map((l) => {
        const m = /^(\d{4}\/\d{4})\s*:\s*([\d.]+)$/.exec(l)!;
        return { schoolYear: m[1], count: Number(m[2]!.replace(/\./g, '')) };
      }),
    ),
};

function participantsIssue(v: unknown): string | null {
  for (const l of lines(v)) {
    const m = /^(\d{4})\/(\d{4})\s*:\s*([\d.]+)$/.exec(l);
    if (!m || Number(m[2]) !== Number(m[1]) + 1) return t('xl.check.participants', { line: l.slice(0, 40) });
  }
  return null;
}

export interface TableKindSpec {
  name: string;
  sheet: MessageKey;
  columns: ColumnSpec[];
  requiredColumns: string[];
  refs?: Record<string, string>;
  conv?: Record<string, Conv>;
  /** Stored columns that come from the file (everything else is informational or derived). */
  stored: string[];
  /** Readable names for reference columns: column key -> [table, id column to match]. */
  names?: Record<string, { table: string; from: string }>;
  orderBy: string[];
  label: (r: Row) => string;
  check?: (r: Row) => { key: string; message: string }[];
  defaults: Anything;
}

/** A tracked table as a record kind: list with conversions and reference names, create and update through the tracker. */
export function tableKind(s: TableKindSpec): RecordKind {
  const conv = s.conv ?? {};
  const storeRow = (row: Row, onlyPresent: boolean): Anything => {
    const out: Anything = {};
    for (const k of s.stored) {
      if (onlyPresent && !(k in row)) continue;
      const v = row[k];
      out[k] = conv[k] ? toStore[conv[k]!](v) : v === undefined ? null : v;
    }
    return out;
  };
  // A new row: defaults, the file's stored columns (an empty one takes its default), then the
  // bookkeeping columns, in that key order. Built in one object: an import makes thousands.
  const BOOKKEEPING = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'deletedIn'];
  const fromFile = new Set(s.stored);
  const keyOrder = [...new Set([...Object.keys(s.defaults), ...s.stored, ...BOOKKEEPING])];
  const storedRow = (row: Row, at: string): Anything => {
    const out: Anything = {};
    for (const k of keyOrder) {
      let v: unknown;
      if (k === 'id') v = row.id;
      else if (k === 'createdAt') v = row.createdAt ?? at;
      else if (k === 'updatedAt') v = row.updatedAt ?? at;
      else if (k === 'deletedAt' || k === 'deletedIn') v = null;
      else if (fromFile.has(k)) {
        const c = conv[k];
        v = c ? toStore[c](row[k]) : row[k] === undefined ? null : row[k];
        if (v === null && k in s.defaults) v = s.defaults[k];
      } else v = s.defaults[k];
      out[k] = v;
    }
    return out;
  };
  return {
    name: s.name,
    entity: s.name,
    sheet: t(s.sheet),
    idKey: 'id',
    columns: s.columns,
    requiredColumns: s.requiredColumns,
    refs: s.refs,
    label: s.label,
    check: s.check,
    list: async (db) => {
      let q = anyDb(db).selectFrom(s.name).selectAll().where('deletedAt', 'is', null);
      for (const o of s.orderBy) q = q.orderBy(o);
      const rows = await q.execute();
      const names = new Map<string, Map<string, string>>();
      for (const [key, ref] of Object.entries(s.names ?? {})) {
        const list = await anyDb(db).selectFrom(ref.table).select(['id', 'name']).execute();
        names.set(key, new Map(list.map((r) => [String(r.id), String(r.name)])));
      }
      return rows.map((r) => {
        const out: Row = {};
        for (const c of s.columns) {
          if (c.key in (s.names ?? {})) continue;
          const v = r[c.key];
          out[c.key] = (conv[c.key] ? toCell[conv[c.key]!](v) : v ?? null) as Row[string];
        }
        for (const [key, ref] of Object.entries(s.names ?? {})) {
          const ids = conv[ref.from] === 'list' ? lines(out[ref.from]) : out[ref.from] ? [String(out[ref.from])] : [];
          out[key] = ids.map((id) => names.get(key)?.get(id) ?? '?').join('\n') || null;
        }
        return out;
      });
    },
    create: async (tr: Tracker, row: Row) => {
      await tr.insert(s.name, storedRow(row, tr.at));
    },
    stored: (row: Row, at: string) => storedRow(row, at),
    update: async (tr: Tracker, id: string, patch: Row) => {
      const stored = storeRow(patch, true);
      for (const [k, v] of Object.entries(stored)) if (v === null && k in s.defaults && s.defaults[k] !== null) stored[k] = s.defaults[k];
      await tr.update(s.name, id, stored);
    },
  };
}

const coded = (r: Row) => [r.code, r.name].filter(Boolean).join(' ');

export const organisationKind = tableKind({
  name: 'organisation',
  sheet: 'xlh.organisation.sheet',
  columns: [
    idCol,
    col('name', 'xlh.organisation.name', 'text', 'xlh.organisation.name.help', { required: true, maxLength: 200 }),
    col('type', 'xlh.organisation.type', 'choice', 'xlh.organisation.type.help', { required: true, choices: orgTypeChoices }),
    col('brin', 'xlh.organisation.brin', 'text', 'xlh.organisation.brin.help'),
    col('kvk', 'xlh.organisation.kvk', 'text', 'xlh.organisation.kvk.help'),
    col('place', 'xlh.organisation.place', 'text', 'xlh.organisation.place.help'),
    col('notes', 'xlh.programme.notes', 'longText', 'xlh.programme.notes.help', { width: 40 }),
    ...stamps,
  ],
  requiredColumns: ['id', 'name', 'type'],
  stored: ['name', 'type', 'brin', 'kvk', 'place', 'notes'],
  orderBy: ['name', 'id'],
  label: (r) => String(r.name ?? r.id),
  defaults: { brin: '', kvk: '', place: '', notes: '' },
});

export const contactKind = tableKind({
  name: 'contact',
  sheet: 'xlh.contact.sheet',
  columns: [
    idCol,
    col('organisationId', 'xlh.contact.organisation', 'id', 'xlh.contact.organisation.help', { required: true }),
    nameOf('organisationName', 'xlh.contact.organisationName'),
    col('name', 'xlh.contact.name', 'text', 'xlh.contact.name.help', { required: true, maxLength: 200 }),
    col('function', 'xlh.contact.function', 'text', 'xlh.contact.function.help'),
    col('email', 'xlh.contact.email', 'text', 'xlh.contact.email.help'),
    col('phone', 'xlh.contact.phone', 'text', 'xlh.contact.phone.help'),
    ...stamps,
  ],
  requiredColumns: ['id', 'organisationId', 'name'],
  refs: { organisationId: 'organisation' },
  names: { organisationName: { table: 'organisation', from: 'organisationId' } },
  stored: ['organisationId', 'name', 'function', 'email', 'phone'],
  orderBy: ['organisationId', 'name', 'id'],
  label: (r) => String(r.name ?? r.id),
  defaults: { function: '', email: '', phone: '' },
});

export const programmeLineKind = tableKind({
  name: 'programmeLine',
  sheet: 'xlh.line.sheet',
  columns: [
    idCol,
    col('programmeId', 'xlh.line.programme', 'id', 'xlh.line.programme.help', { required: true }),
    nameOf('programmeName', 'xlh.line.programmeName'),
    col('code', 'xlh.code', 'text', 'xlh.code.help', { maxLength: 20 }),
    col('name', 'xlh.line.name', 'text', 'xlh.line.name.help', { required: true, maxLength: 200 }),
    col('description', 'xlh.description', 'longText', 'xlh.description.help', { width: 50 }),
    col('sortOrder', 'xlh.sortOrder', 'int', 'xlh.sortOrder.help', { allowNegative: true }),
    ...stamps,
  ],
  requiredColumns: ['id', 'programmeId', 'name'],
  refs: { programmeId: 'programme' },
  names: { programmeName: { table: 'programme', from: 'programmeId' } },
  stored: ['programmeId', 'code', 'name', 'description', 'sortOrder'],
  orderBy: ['programmeId', 'sortOrder', 'id'],
  label: coded,
  defaults: { code: '', description: '', sortOrder: 0 },
});

/**
 * A measure that is its own activity and that activity share fields (own-activity.ts): whatever an
 * import writes to one row is written to the other in the same change set.
 */
function keepsOwnActivityInStep(kind: RecordKind, from: 'measure' | 'activity'): RecordKind {
  const measureOf = async (tr: Tracker, id: string) =>
    from === 'measure' ? id : (await tr.trx.selectFrom('activity').select('measureId').where('id', '=', id).executeTakeFirst())?.measureId;
  return {
    ...kind,
    create: async (tr, row) => {
      await kind.create!(tr, row);
      // A new activity under a measure that is its own activity takes the measure's shared fields.
      if (from === 'activity' && row.measureId) await syncOwnActivity(tr, String(row.measureId), 'measure');
    },
    update: async (tr, id, patch) => {
      await kind.update!(tr, id, patch);
      const m = await measureOf(tr, id);
      if (m) await syncOwnActivity(tr, m, from);
    },
  };
}

export const measureKind = keepsOwnActivityInStep(tableKind({
  name: 'measure',
  sheet: 'xlh.measure.sheet',
  columns: [
    idCol,
    col('programmeId', 'xlh.line.programme', 'id', 'xlh.line.programme.help', { required: true }),
    nameOf('programmeName', 'xlh.line.programmeName'),
    col('lineId', 'xlh.measure.line', 'id', 'xlh.measure.line.help'),
    col('code', 'xlh.code', 'text', 'xlh.code.help', { maxLength: 20 }),
    col('name', 'xlh.measure.name', 'text', 'xlh.measure.name.help', { required: true, maxLength: 200 }),
    col('status', 'xlh.programme.status', 'choice', 'xlh.item.status.help', { required: true, choices: statusChoices }),
    col('shape', 'xlh.measure.shape', 'choice', 'xlh.measure.shape.help', { choices: shapeChoices, width: 24 }),
    col('description', 'xlh.description', 'longText', 'xlh.description.help', { width: 50 }),
    col('plusvoorziening', 'xlh.measure.plus', 'bool', 'xlh.measure.plus.help'),
    col('targetGroups', 'xlh.targetGroups', 'longText', 'xlh.targetGroups.help'),
    col('leadOrganisationId', 'xlh.lead', 'id', 'xlh.lead.help'),
    nameOf('leadName', 'xlh.leadName'),
    col('executorIds', 'xlh.executors', 'longText', 'xlh.executors.help'),
    nameOf('executorNames', 'xlh.executorNames'),
    col('sortOrder', 'xlh.sortOrder', 'int', 'xlh.sortOrder.help', { allowNegative: true }),
    ...stamps,
  ],
  requiredColumns: ['id', 'programmeId', 'name', 'status'],
  refs: { programmeId: 'programme', lineId: 'programmeLine', leadOrganisationId: 'organisation', executorIds: 'organisation' },
  conv: { plusvoorziening: 'bool', targetGroups: 'list', executorIds: 'list' },
  names: {
    programmeName: { table: 'programme', from: 'programmeId' },
    leadName: { table: 'organisation', from: 'leadOrganisationId' },
    executorNames: { table: 'organisation', from: 'executorIds' },
  },
  stored: ['programmeId', 'lineId', 'code', 'name', 'status', 'shape', 'description', 'plusvoorziening', 'targetGroups', 'leadOrganisationId', 'executorIds', 'sortOrder'],
  orderBy: ['programmeId', 'sortOrder', 'id'],
  label: coded,
  defaults: { code: '', description: '', plusvoorziening: 0, targetGroups: '[]', executorIds: '[]', sortOrder: 0, shape: 'measure' },
}), 'measure');

const activityText = (key: string, header: MessageKey): ColumnSpec => col(key, header, 'longText', 'xlh.activity.question.help', { width: 40 });

export const activityKind = keepsOwnActivityInStep(tableKind({
  name: 'activity',
  sheet: 'xlh.activity.sheet',
  columns: [
    idCol,
    col('measureId', 'xlh.activity.measure', 'id', 'xlh.activity.measure.help', { required: true }),
    nameOf('measureName', 'xlh.activity.measureName'),
    col('code', 'xlh.code', 'text', 'xlh.code.help', { maxLength: 20 }),
    col('name', 'xlh.activity.name', 'text', 'xlh.activity.name.help', { required: true, maxLength: 200 }),
    col('status', 'xlh.programme.status', 'choice', 'xlh.item.status.help', { required: true, choices: statusChoices }),
    activityText('description', 'xlh.activity.description'),
    activityText('aim', 'xlh.activity.aim'),
    col('startDate', 'xlh.activity.start', 'date', 'xlh.activity.start.help'),
    col('endDate', 'xlh.activity.end', 'date', 'xlh.activity.end.help'),
    activityText('durationNote', 'xlh.activity.durationNote'),
    activityText('subActivitiesDuration', 'xlh.activity.subActivitiesDuration'),
    col('targetGroups', 'xlh.targetGroups', 'longText', 'xlh.targetGroups.help'),
    activityText('targetGroupNeed', 'xlh.activity.targetGroupNeed'),
    col('plannedParticipants', 'xlh.activity.planned', 'longText', 'xlh.activity.planned.help'),
    activityText('lookBackEarlier', 'xlh.activity.lookBackEarlier'),
    activityText('lookBackAimReached', 'xlh.activity.lookBackAimReached'),
    activityText('resultsGeneral', 'xlh.activity.resultsGeneral'),
    activityText('resultsPerSubActivity', 'xlh.activity.resultsPerSubActivity'),
    activityText('resultsVsvContribution', 'xlh.activity.resultsVsvContribution'),
    activityText('resultsResponsible', 'xlh.activity.resultsResponsible'),
    activityText('measurementMoments', 'xlh.activity.measurementMoments'),
    activityText('indicatorsMonitoring', 'xlh.activity.indicatorsMonitoring'),
    activityText('organisationStructure', 'xlh.activity.organisationStructure'),
    activityText('sustainabilityHow', 'xlh.activity.sustainabilityHow'),
    activityText('sustainabilityWho', 'xlh.activity.sustainabilityWho'),
    activityText('sustainabilityFrom', 'xlh.activity.sustainabilityFrom'),
    col('leadOrganisationId', 'xlh.lead', 'id', 'xlh.lead.help'),
    nameOf('leadName', 'xlh.leadName'),
    col('executorIds', 'xlh.executors', 'longText', 'xlh.executors.help'),
    nameOf('executorNames', 'xlh.executorNames'),
    col('sortOrder', 'xlh.sortOrder', 'int', 'xlh.sortOrder.help', { allowNegative: true }),
    ...stamps,
  ],
  requiredColumns: ['id', 'measureId', 'name', 'status'],
  refs: { measureId: 'measure', leadOrganisationId: 'organisation', executorIds: 'organisation' },
  conv: { targetGroups: 'list', executorIds: 'list', plannedParticipants: 'participants' },
  names: {
    measureName: { table: 'measure', from: 'measureId' },
    leadName: { table: 'organisation', from: 'leadOrganisationId' },
    executorNames: { table: 'organisation', from: 'executorIds' },
  },
  stored: [
    'measureId', 'code', 'name', 'status', 'description', 'aim', 'startDate', 'endDate', 'durationNote', 'subActivitiesDuration', 'targetGroups',
    'targetGroupNeed', 'plannedParticipants', 'lookBackEarlier', 'lookBackAimReached', 'resultsGeneral', 'resultsPerSubActivity', 'resultsVsvContribution',
    'resultsResponsible', 'measurementMoments', 'indicatorsMonitoring', 'organisationStructure', 'sustainabilityHow', 'sustainabilityWho', 'sustainabilityFrom',
    'leadOrganisationId', 'executorIds', 'sortOrder',
  ],
  orderBy: ['measureId', 'sortOrder', 'id'],
  label: coded,
  check: (r) => {
    const out: { key: string; message: string }[] = [];
    if (typeof r.startDate === 'string' && typeof r.endDate === 'string' && r.endDate < r.startDate) out.push({ key: 'endDate', message: t('xl.check.endBeforeStart') });
    const p = participantsIssue(r.plannedParticipants);
    if (p) out.push({ key: 'plannedParticipants', message: p });
    return out;
  },
  defaults: {
    code: '', description: '', aim: '', durationNote: '', subActivitiesDuration: '', targetGroups: '[]', targetGroupNeed: '', plannedParticipants: '[]',
    lookBackEarlier: '', lookBackAimReached: '', resultsGeneral: '', resultsPerSubActivity: '', resultsVsvContribution: '', resultsResponsible: '',
    measurementMoments: '', indicatorsMonitoring: '', organisationStructure: '', sustainabilityHow: '', sustainabilityWho: '', sustainabilityFrom: '',
    executorIds: '[]', sortOrder: 0, startDate: null, endDate: null, leadOrganisationId: null,
  },
}), 'activity');

export const subActivityKind = tableKind({
  name: 'subActivity',
  sheet: 'xlh.subActivity.sheet',
  columns: [
    idCol,
    col('activityId', 'xlh.subActivity.activity', 'id', 'xlh.subActivity.activity.help', { required: true }),
    nameOf('activityName', 'xlh.subActivity.activityName'),
    col('number', 'xlh.subActivity.number', 'text', 'xlh.subActivity.number.help', { maxLength: 20 }),
    col('name', 'xlh.subActivity.name', 'text', 'xlh.subActivity.name.help', { required: true, maxLength: 200 }),
    col('period', 'xlh.subActivity.period', 'text', 'xlh.subActivity.period.help'),
    col('intendedResult', 'xlh.subActivity.intendedResult', 'longText', 'xlh.subActivity.intendedResult.help', { width: 40 }),
    col('sortOrder', 'xlh.sortOrder', 'int', 'xlh.sortOrder.help', { allowNegative: true }),
    ...stamps,
  ],
  requiredColumns: ['id', 'activityId', 'name'],
  refs: { activityId: 'activity' },
  names: { activityName: { table: 'activity', from: 'activityId' } },
  stored: ['activityId', 'number', 'name', 'period', 'intendedResult', 'sortOrder'],
  orderBy: ['activityId', 'sortOrder', 'id'],
  label: (r) => [r.number, r.name].filter(Boolean).join(' '),
  defaults: { number: '', period: '', intendedResult: '', sortOrder: 0 },
});
