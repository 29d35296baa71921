/**
 * Record kinds for issues 4 (money: awards, budget lines, spend, budget rules) and 5 (results:
 * indicators, targets, measurements, regional VSV figures, result thresholds), so the workspace
 * workbook stays a lossless copy of the whole workspace.
 *
 * Fixed Dutch headers (`xlh.f.*`), typed cells (amounts in euro, numbers, dates), choices as their
 * Dutch labels (read back by label or code), 0/1 flags as Ja/Nee, JSON lists as JSON text. The
 * database's own checks guard what the cell types do not; a row they refuse stops the import as a
 * whole with a Dutch message naming sheet, row and id.
 */
import type { RecordKind } from './kinds';
import type { ColumnSpec } from './sheets';
import { NUMFMT, type CellType } from './cells';
import { idCol, stamps, tableKind } from './kinds-tree';
import { nl, t, type MessageKey } from '../../../shared/i18n/nl';

type Spec = [key: string, type: CellType, opts?: Partial<ColumnSpec>];

const has = (k: string): k is MessageKey => k in nl;

/** Fixed Dutch header: per sheet where a name means different things ("Soort kosten", "Soort boeking"), else per field. */
function header(kind: string, key: string): string {
  const own = `xlh.f.${kind}.${key}`;
  const shared = `xlh.f.${key}`;
  return has(own) ? t(own) : has(shared) ? t(shared) : key;
}

const choices = (family: string, values: readonly string[]) => values.map((v) => ({ value: v, label: has(`${family}.${v}`) ? t(`${family}.${v}` as MessageKey) : v }));
const SOURCES = ['ocw', 'plus', 'rmc', 'cofin_school', 'cofin_gemeente', 'eigen', 'overig'] as const;
const CHOICES: Record<string, { type: 'choice'; choices: { value: string; label: string }[] }> = {
  stream: { type: 'choice', choices: choices('source', SOURCES) },
  fundingSource: { type: 'choice', choices: choices('source', SOURCES) },
  route: { type: 'choice', choices: choices('route', ['jaarverslag', 'sisa', 'overig']) },
  'budgetLine.kind': { type: 'choice', choices: choices('costKind', ['personeel', 'materieel', 'overig']) },
  category: { type: 'choice', choices: choices('category', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) },
  'spend.kind': { type: 'choice', choices: choices('spendKind', ['entry', 'correction', 'year_total']) },
  unit: { type: 'choice', choices: choices('unit', ['aantal', 'percentage', 'euro', 'dagen', 'vrij']) },
  direction: { type: 'choice', choices: choices('direction', ['hoger', 'lager', 'bandbreedte']) },
  aggregation: { type: 'choice', choices: choices('aggregation', ['niveau', 'aantal', 'cumulatief']) },
  momentKind: { type: 'choice', choices: choices('momentKind', ['jaarlijks', 'halfjaarlijks', 'lijst']) },
  'target.kind': { type: 'choice', choices: choices('targetKind', ['exact', 'bereik', 'relatief']) },
  periodKind: { type: 'choice', choices: choices('periodKind', ['schooljaar', 'kalenderjaar', 'halfjaar', 'kwartaal', 'vrij']) },
  'measurement.status': { type: 'choice', choices: choices('measurementStatus', ['voorlopig', 'definitief']) },
  'regionFigure.status': { type: 'choice', choices: choices('measurementStatus', ['voorlopig', 'definitief']) },
  onderwijssoort: { type: 'choice', choices: choices('onderwijssoort', ['vo_onderbouw', 'vmbo_bovenbouw', 'havo_vwo_bovenbouw', 'mbo1', 'mbo2', 'mbo34']) },
};
/** Stored as 0/1, shown as Ja/Nee. */
const FLAGS = new Set(['management', 'inKind', 'checkAwards', 'retired']);

const columns = (kind: string, list: Spec[]): ColumnSpec[] => [
  idCol,
  ...list.map(([key, type, opts]): ColumnSpec => {
    const choice = CHOICES[`${kind}.${key}`] ?? CHOICES[key];
    return {
      key,
      header: header(kind, key),
      type: FLAGS.has(key) ? 'bool' : (choice?.type ?? type),
      help: t('xlh.generic.help', { key }),
      ...(choice ? { choices: choice.choices } : {}),
      // A year reads as 2026, not 2.026.
      ...(key === 'year' ? { numFmt: NUMFMT.year } : {}),
      ...opts,
    };
  }),
  ...stamps,
];

interface Def {
  name: string;
  sheet: MessageKey;
  cols: Spec[];
  required: string[];
  refs?: Record<string, string>;
  orderBy: string[];
  label: (r: Record<string, unknown>) => string;
  defaults: Record<string, unknown>;
}

const defs: Def[] = [
  {
    name: 'award',
    sheet: 'xlh.award.sheet',
    cols: [['programmeId', 'id', { required: true }], ['stream', 'text', { required: true }], ['year', 'int', { required: true }], ['amountCents', 'money', { required: true }], ['paymentDates', 'longText'], ['spendBy', 'text'], ['route', 'text', { required: true }], ['reference', 'text'], ['notes', 'longText']],
    required: ['id', 'programmeId', 'stream', 'year', 'amountCents', 'route'],
    refs: { programmeId: 'programme' },
    orderBy: ['programmeId', 'year', 'id'],
    label: (r) => `${r.stream} ${r.year}`,
    defaults: { paymentDates: '[]', reference: '', notes: '', spendBy: null },
  },
  {
    name: 'budgetRules',
    sheet: 'xlh.budgetRules.sheet',
    cols: [['managementMaxPct', 'int', { required: true }], ['managementMaxCents', 'money', { required: true }], ['plusMinPct', 'int', { required: true }], ['plusReason', 'longText'], ['checkAwards', 'int', { required: true }]],
    required: ['id', 'managementMaxPct', 'managementMaxCents', 'plusMinPct', 'checkAwards'],
    refs: { id: 'programme' },
    orderBy: ['id'],
    label: (r) => String(r.id),
    defaults: { plusReason: '' },
  },
  {
    name: 'budgetLine',
    sheet: 'xlh.budgetLine.sheet',
    cols: [
      ['measureId', 'id', { required: true }], ['activityId', 'id'], ['year', 'int', { required: true }], ['costItem', 'text', { required: true }], ['kind', 'text', { required: true }],
      ['fte', 'decimal'], ['hours', 'int'], ['fundingSource', 'text', { required: true }], ['category', 'text', { required: true }], ['management', 'int'], ['partnerId', 'id'],
      ['inKind', 'int'], ['plannedCents', 'money', { required: true, allowNegative: true }], ['notes', 'longText'],
    ],
    required: ['id', 'measureId', 'year', 'costItem', 'kind', 'fundingSource', 'category', 'plannedCents'],
    refs: { measureId: 'measure', activityId: 'activity', partnerId: 'organisation' },
    orderBy: ['measureId', 'year', 'id'],
    label: (r) => `${r.year} ${r.costItem}`,
    defaults: { management: 0, inKind: 0, notes: '', fte: null, hours: null, activityId: null, partnerId: null },
  },
  {
    name: 'spend',
    sheet: 'xlh.spend.sheet',
    cols: [['budgetLineId', 'id', { required: true }], ['kind', 'text', { required: true }], ['date', 'date'], ['year', 'int', { required: true }], ['amountCents', 'money', { required: true, allowNegative: true }], ['description', 'longText'], ['reference', 'text']],
    required: ['id', 'budgetLineId', 'kind', 'year', 'amountCents'],
    refs: { budgetLineId: 'budgetLine' },
    orderBy: ['budgetLineId', 'year', 'id'],
    label: (r) => `${r.year} ${r.description ?? ''}`.trim(),
    defaults: { description: '', reference: '', date: null },
  },
  {
    name: 'resultSettings',
    sheet: 'xlh.resultSettings.sheet',
    cols: [['programmeId', 'id', { required: true }], ['onTrackMargin', 'int', { required: true }], ['attentionMargin', 'int', { required: true }]],
    required: ['id', 'programmeId', 'onTrackMargin', 'attentionMargin'],
    refs: { programmeId: 'programme' },
    orderBy: ['programmeId', 'id'],
    label: (r) => String(r.programmeId),
    defaults: {},
  },
  {
    name: 'indicator',
    sheet: 'xlh.indicator.sheet',
    cols: [
      ['activityId', 'id'], ['measureId', 'id'], ['builtin', 'text'], ['name', 'text', { required: true }], ['description', 'longText'], ['unit', 'text', { required: true }], ['freeUnit', 'text'],
      ['direction', 'text', { required: true }], ['aggregation', 'text', { required: true }], ['dataSource', 'longText'], ['momentKind', 'text', { required: true }], ['momentDates', 'longText'],
      ['categories', 'longText'], ['baselineValue', 'decimal', { allowNegative: true }], ['baselineDate', 'date'], ['baselineSource', 'longText'], ['baselineNote', 'longText'], ['sortOrder', 'int', { allowNegative: true }],
      ['periodKind', 'text', { required: true }], ['momentPeriods', 'longText'], ['parentId', 'id'], ['phrase', 'text'],
    ],
    required: ['id', 'name', 'unit', 'direction', 'aggregation', 'momentKind', 'periodKind'],
    refs: { activityId: 'activity', measureId: 'measure', parentId: 'indicator' },
    orderBy: ['sortOrder', 'id'],
    label: (r) => String(r.name ?? r.id),
    defaults: { description: '', freeUnit: '', dataSource: '', momentDates: '[]', categories: '[]', baselineSource: '', baselineNote: '', sortOrder: 0, activityId: null, measureId: null, builtin: null, baselineValue: null, baselineDate: null, momentPeriods: '[]', parentId: null, phrase: '' },
  },
  {
    name: 'target',
    sheet: 'xlh.target.sheet',
    cols: [
      ['indicatorId', 'id', { required: true }], ['schoolYear', 'text'], ['periodKind', 'text', { required: true }], ['periodStart', 'date', { required: true }], ['periodEnd', 'date', { required: true }], ['kind', 'text', { required: true }],
      ['value', 'decimal', { allowNegative: true }], ['min', 'decimal', { allowNegative: true }], ['max', 'decimal', { allowNegative: true }], ['percent', 'decimal', { allowNegative: true }],
      ['supersedesId', 'id'], ['reason', 'longText'], ['decisionDate', 'date'],
    ],
    required: ['id', 'indicatorId', 'periodKind', 'periodStart', 'periodEnd', 'kind'],
    refs: { indicatorId: 'indicator', supersedesId: 'target' },
    orderBy: ['indicatorId', 'periodStart', 'id'],
    label: (r) => `${r.schoolYear ?? ''} ${r.kind}`.trim(),
    defaults: { reason: '', schoolYear: null, value: null, min: null, max: null, percent: null, supersedesId: null, decisionDate: null },
  },
  {
    name: 'measurement',
    sheet: 'xlh.measurement.sheet',
    cols: [
      ['indicatorId', 'id', { required: true }], ['date', 'date', { required: true }], ['schoolYear', 'text', { required: true }],
      ['periodKind', 'text', { required: true }], ['periodStart', 'date', { required: true }], ['periodEnd', 'date', { required: true }], ['value', 'decimal', { allowNegative: true }],
      ['numerator', 'decimal'], ['denominator', 'decimal'], ['categories', 'longText'], ['status', 'text', { required: true }], ['source', 'longText'], ['explanation', 'longText'],
      ['recordedAt', 'datetime', { required: true }],
    ],
    required: ['id', 'indicatorId', 'date', 'schoolYear', 'periodKind', 'periodStart', 'periodEnd', 'status', 'recordedAt'],
    refs: { indicatorId: 'indicator' },
    orderBy: ['indicatorId', 'date', 'id'],
    label: (r) => `${r.date} ${r.value ?? ''}`.trim(),
    defaults: { source: '', explanation: '', value: null, numerator: null, denominator: null, categories: null },
  },
  {
    name: 'regionFigure',
    sheet: 'xlh.regionFigure.sheet',
    cols: [
      // Counts and percentage are empty where DUO suppressed them for privacy (never 0).
      ['schoolYear', 'text', { required: true }], ['onderwijssoort', 'text', { required: true }], ['students', 'int'], ['leavers', 'int'],
      ['percentage', 'decimal'], ['nationalNorm', 'decimal'], ['status', 'text', { required: true }], ['definitionVersion', 'text'], ['source', 'longText'],
    ],
    required: ['id', 'schoolYear', 'onderwijssoort', 'status'],
    orderBy: ['schoolYear', 'onderwijssoort', 'id'],
    label: (r) => `${r.schoolYear} ${r.onderwijssoort}`,
    defaults: { definitionVersion: '', source: '', nationalNorm: null, students: null, leavers: null, percentage: null },
  },
  // Issue 6: monitoring. Timestamps stored as text (submittedAt, closedAt) stay text, so they come back exactly.
  {
    name: 'questionSet',
    sheet: 'xlh.questionSet.sheet',
    cols: [['programmeId', 'id', { required: true }], ['version', 'int', { required: true }]],
    required: ['id', 'programmeId', 'version'],
    refs: { programmeId: 'programme' },
    orderBy: ['programmeId', 'id'],
    label: (r) => String(r.id),
    defaults: {},
  },
  {
    name: 'question',
    sheet: 'xlh.question.sheet',
    cols: [['setId', 'id', { required: true }], ['questionText', 'longText', { required: true }], ['position', 'int', { required: true }], ['version', 'int', { required: true }], ['facts', 'text'], ['retired', 'int']],
    required: ['id', 'setId', 'questionText', 'position', 'version'],
    refs: { setId: 'questionSet' },
    orderBy: ['setId', 'position', 'id'],
    label: (r) => String(r.questionText ?? r.id).slice(0, 60),
    defaults: { retired: 0, facts: null },
  },
  {
    name: 'questionSetVersion',
    sheet: 'xlh.questionSetVersion.sheet',
    cols: [['setId', 'id', { required: true }], ['version', 'int', { required: true }], ['questions', 'longText', { required: true }]],
    required: ['id', 'setId', 'version', 'questions'],
    refs: { setId: 'questionSet' },
    orderBy: ['setId', 'version', 'id'],
    label: (r) => `${r.setId} v${r.version}`,
    defaults: {},
  },
  {
    name: 'monitoringRound',
    sheet: 'xlh.monitoringRound.sheet',
    cols: [['programmeId', 'id', { required: true }], ['name', 'text', { required: true }], ['startDate', 'date', { required: true }], ['endDate', 'date'], ['notes', 'longText']],
    required: ['id', 'programmeId', 'name', 'startDate'],
    refs: { programmeId: 'programme' },
    orderBy: ['programmeId', 'startDate', 'id'],
    label: (r) => String(r.name ?? r.id),
    defaults: { notes: '', endDate: null },
  },
  {
    name: 'monitoringInterview',
    sheet: 'xlh.monitoringInterview.sheet',
    cols: [
      ['roundId', 'id', { required: true }], ['measureId', 'id', { required: true }], ['partnerId', 'id'], ['title', 'text'], ['status', 'text', { required: true }],
      ['submittedAt', 'text'], ['factsSnapshot', 'longText'], ['sortOrder', 'int', { allowNegative: true }],
    ],
    required: ['id', 'roundId', 'measureId', 'status'],
    refs: { roundId: 'monitoringRound', measureId: 'measure', partnerId: 'organisation' },
    orderBy: ['roundId', 'sortOrder', 'id'],
    label: (r) => String(r.title || r.id),
    defaults: { title: '', sortOrder: 0, partnerId: null, submittedAt: null, factsSnapshot: null },
  },
  {
    name: 'monitoringAttendee',
    sheet: 'xlh.monitoringAttendee.sheet',
    cols: [['interviewId', 'id', { required: true }], ['contactId', 'id'], ['name', 'text', { required: true }], ['organisationName', 'text'], ['function', 'text'], ['sortOrder', 'int', { allowNegative: true }]],
    required: ['id', 'interviewId', 'name'],
    refs: { interviewId: 'monitoringInterview', contactId: 'contact' },
    orderBy: ['interviewId', 'sortOrder', 'id'],
    label: (r) => String(r.name ?? r.id),
    defaults: { organisationName: '', function: '', sortOrder: 0, contactId: null },
  },
  {
    name: 'monitoringAnswer',
    sheet: 'xlh.monitoringAnswer.sheet',
    cols: [
      ['interviewId', 'id', { required: true }], ['questionId', 'id', { required: true }], ['questionText', 'longText', { required: true }], ['questionVersion', 'int', { required: true }],
      ['position', 'int', { required: true }], ['answer', 'longText'], ['status', 'text', { required: true }],
    ],
    required: ['id', 'interviewId', 'questionId', 'questionText', 'questionVersion', 'position', 'status'],
    refs: { interviewId: 'monitoringInterview', questionId: 'question' },
    orderBy: ['interviewId', 'position', 'id'],
    label: (r) => String(r.questionText ?? r.id).slice(0, 60),
    defaults: { answer: '' },
  },
  {
    name: 'monitoringAction',
    sheet: 'xlh.monitoringAction.sheet',
    cols: [
      ['roundId', 'id', { required: true }], ['measureId', 'id', { required: true }], ['activityId', 'id'], ['indicatorId', 'id'], ['text', 'longText', { required: true }],
      ['ownerName', 'text'], ['ownerOrganisationId', 'id'], ['deadline', 'date'], ['status', 'text', { required: true }], ['closedAt', 'text'], ['sortOrder', 'int', { allowNegative: true }],
    ],
    required: ['id', 'roundId', 'measureId', 'text', 'status'],
    refs: { roundId: 'monitoringRound', measureId: 'measure', activityId: 'activity', ownerOrganisationId: 'organisation' },
    orderBy: ['roundId', 'sortOrder', 'id'],
    label: (r) => String(r.text ?? r.id).slice(0, 60),
    defaults: { ownerName: '', sortOrder: 0, activityId: null, indicatorId: null, ownerOrganisationId: null, deadline: null, closedAt: null },
  },
];

export const moneyAndResultKinds: RecordKind[] = defs.map((d) =>
  tableKind({
    name: d.name,
    sheet: d.sheet,
    columns: columns(d.name, d.cols),
    conv: Object.fromEntries(d.cols.filter(([k]) => FLAGS.has(k)).map(([k]) => [k, 'bool' as const])),
    requiredColumns: d.required,
    refs: d.refs,
    stored: d.cols.map(([k]) => k),
    orderBy: d.orderBy,
    label: d.label,
    defaults: d.defaults,
  }),
);
