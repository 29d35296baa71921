/**
 * Record kinds for issues 4 (money: awards, budget lines, spend, budget rules) and 5 (results:
 * indicators, targets, measurements, regional VSV figures, result thresholds), so the workspace
 * workbook stays a lossless copy of the whole workspace.
 *
 * First version: the column headers are the field names of the store (without "Cents"; amounts are
 * euro cells), values are typed cells (amounts, numbers, dates) and choices are the stored codes
 * ("ocw", "personeel", "A"). The database's own checks guard the values; a row they refuse
 * stops the import as a whole with a Dutch message naming sheet and id. Dutch headers, dropdown
 * labels and per-field checks are on the TODO list in docs/EXCHANGE.md.
 */
import type { RecordKind } from './kinds';
import type { ColumnSpec } from './sheets';
import type { CellType } from './cells';
import { idCol, stamps, tableKind } from './kinds-tree';
import { t, type MessageKey } from '../../../shared/i18n/nl';

type Spec = [key: string, type: CellType, opts?: Partial<ColumnSpec>];

const columns = (list: Spec[]): ColumnSpec[] => [
  idCol,
  ...list.map(([key, type, opts]) => ({ key, header: key.replace(/Cents$/, ''), type, help: t('xlh.generic.help', { key }), ...opts })),
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
    ],
    required: ['id', 'name', 'unit', 'direction', 'aggregation', 'momentKind'],
    refs: { activityId: 'activity', measureId: 'measure' },
    orderBy: ['sortOrder', 'id'],
    label: (r) => String(r.name ?? r.id),
    defaults: { description: '', freeUnit: '', dataSource: '', momentDates: '[]', categories: '[]', baselineSource: '', baselineNote: '', sortOrder: 0, activityId: null, measureId: null, builtin: null, baselineValue: null, baselineDate: null },
  },
  {
    name: 'target',
    sheet: 'xlh.target.sheet',
    cols: [
      ['indicatorId', 'id', { required: true }], ['schoolYear', 'text'], ['periodStart', 'date', { required: true }], ['periodEnd', 'date', { required: true }], ['kind', 'text', { required: true }],
      ['value', 'decimal', { allowNegative: true }], ['min', 'decimal', { allowNegative: true }], ['max', 'decimal', { allowNegative: true }], ['percent', 'decimal', { allowNegative: true }],
      ['supersedesId', 'id'], ['reason', 'longText'], ['decisionDate', 'date'],
    ],
    required: ['id', 'indicatorId', 'periodStart', 'periodEnd', 'kind'],
    refs: { indicatorId: 'indicator', supersedesId: 'target' },
    orderBy: ['indicatorId', 'periodStart', 'id'],
    label: (r) => `${r.schoolYear ?? ''} ${r.kind}`.trim(),
    defaults: { reason: '', schoolYear: null, value: null, min: null, max: null, percent: null, supersedesId: null, decisionDate: null },
  },
  {
    name: 'measurement',
    sheet: 'xlh.measurement.sheet',
    cols: [
      ['indicatorId', 'id', { required: true }], ['date', 'date', { required: true }], ['schoolYear', 'text', { required: true }], ['value', 'decimal', { allowNegative: true }],
      ['numerator', 'decimal'], ['denominator', 'decimal'], ['categories', 'longText'], ['status', 'text', { required: true }], ['source', 'longText'], ['explanation', 'longText'],
      ['recordedAt', 'datetime', { required: true }],
    ],
    required: ['id', 'indicatorId', 'date', 'schoolYear', 'status', 'recordedAt'],
    refs: { indicatorId: 'indicator' },
    orderBy: ['indicatorId', 'date', 'id'],
    label: (r) => `${r.date} ${r.value ?? ''}`.trim(),
    defaults: { source: '', explanation: '', value: null, numerator: null, denominator: null, categories: null },
  },
  {
    name: 'regionFigure',
    sheet: 'xlh.regionFigure.sheet',
    cols: [
      ['schoolYear', 'text', { required: true }], ['onderwijssoort', 'text', { required: true }], ['students', 'int', { required: true }], ['leavers', 'int', { required: true }],
      ['percentage', 'decimal', { required: true }], ['nationalNorm', 'decimal'], ['status', 'text', { required: true }], ['definitionVersion', 'text'], ['source', 'longText'],
    ],
    required: ['id', 'schoolYear', 'onderwijssoort', 'students', 'leavers', 'percentage', 'status'],
    orderBy: ['schoolYear', 'onderwijssoort', 'id'],
    label: (r) => `${r.schoolYear} ${r.onderwijssoort}`,
    defaults: { definitionVersion: '', source: '', nationalNorm: null },
  },
];

export const moneyAndResultKinds: RecordKind[] = defs.map((d) =>
  tableKind({
    name: d.name,
    sheet: d.sheet,
    columns: columns(d.cols),
    requiredColumns: d.required,
    refs: d.refs,
    stored: d.cols.map(([k]) => k),
    orderBy: d.orderBy,
    label: d.label,
    defaults: d.defaults,
  }),
);
