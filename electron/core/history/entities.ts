/**
 * Every tracked kind of record, once. History, the Prullenbak and undo work from this list, so a
 * new table gets them by adding an entry here (and the two trash columns to the table).
 */
import type { Database } from '../db/schema';
import { t, type MessageKey } from '../../../shared/i18n/nl';
import { formatCents } from '../../../shared/money';
import { formatDate } from '../../../shared/dates';

export interface EntityDef {
  table: keyof Database & string;
  /** Catalogue key of the Dutch name ("Programma"). */
  nameKey: MessageKey;
  /** What identifies a row to a person, for labels in history and the Prullenbak. */
  label: (row: Record<string, unknown>) => string;
  /** Rows that go to the Prullenbak with this one, and come back with it. */
  children: { entity: string; foreignKey: string }[];
}

/** The rows of these kinds whose `foreignKey` points at this row. */
const under = (foreignKey: string, ...kinds: string[]) => kinds.map((entity) => ({ entity, foreignKey }));

/** "2.2.1 Digitaal Doorstroom Dossier": code and name, as people refer to them. */
const coded = (r: Record<string, unknown>) => [r.code, r.name].filter(Boolean).join(' ');

export const entities: Record<string, EntityDef> = {
  programme: {
    table: 'programme',
    nameKey: 'entity.programme',
    label: (r) => String(r.name),
    children: under('programmeId', 'programmeLine', 'measure', 'award', 'monitoringRound', 'questionSet'),
  },
  organisation: { table: 'organisation', nameKey: 'entity.organisation', label: (r) => String(r.name), children: [{ entity: 'contact', foreignKey: 'organisationId' }] },
  contact: { table: 'contact', nameKey: 'entity.contact', label: (r) => String(r.name), children: [] },
  // Trashing a line takes its measures along (and their activities through the measure).
  programmeLine: { table: 'programmeLine', nameKey: 'entity.programmeLine', label: coded, children: [{ entity: 'measure', foreignKey: 'lineId' }] },
  measure: {
    table: 'measure',
    nameKey: 'entity.measure',
    label: coded,
    children: under('measureId', 'activity', 'budgetLine', 'indicator', 'monitoringInterview', 'monitoringAction'),
  },
  activity: {
    table: 'activity',
    nameKey: 'entity.activity',
    label: coded,
    children: under('activityId', 'subActivity', 'budgetLine', 'indicator'),
  },
  // Targets and results: an indicator goes to the Prullenbak with its targets and measurements,
  // and with its "waarvan" parts (a part without its parent means nothing).
  indicator: {
    table: 'indicator',
    nameKey: 'entity.indicator',
    label: (r) => String(r.name),
    children: [
      { entity: 'target', foreignKey: 'indicatorId' },
      { entity: 'measurement', foreignKey: 'indicatorId' },
      { entity: 'indicator', foreignKey: 'parentId' },
    ],
  },
  target: {
    table: 'target',
    nameKey: 'entity.target',
    label: (r) => String(r.schoolYear ?? `${r.periodStart} – ${r.periodEnd}`),
    children: [],
  },
  measurement: { table: 'measurement', nameKey: 'entity.measurement', label: (r) => formatDate(String(r.date)), children: [] },
  regionFigure: { table: 'regionFigure', nameKey: 'entity.regionFigure', label: (r) => `${String(r.schoolYear)} ${t(`onderwijssoort.${String(r.onderwijssoort)}` as MessageKey)}`, children: [] },
  resultSettings: { table: 'resultSettings', nameKey: 'entity.resultSettings', label: () => 'Drempels', children: [] },
  subActivity: {
    table: 'subActivity',
    nameKey: 'entity.subActivity',
    label: (r) => [r.number, r.name].filter(Boolean).join(' '),
    children: [],
  },
  // Monitoring: a programme's question set, rounds with their inputs per measure and the actions.
  questionSet: {
    table: 'questionSet',
    nameKey: 'entity.questionSet',
    label: (r) => `v${String(r.version)}`,
    children: under('setId', 'question', 'questionSetVersion'),
  },
  question: { table: 'question', nameKey: 'entity.question', label: (r) => `${String(r.position)}. ${String(r.questionText)}`, children: [] },
  questionSetVersion: { table: 'questionSetVersion', nameKey: 'entity.questionSetVersion', label: (r) => `v${String(r.version)}`, children: [] },
  monitoringRound: {
    table: 'monitoringRound',
    nameKey: 'entity.monitoringRound',
    label: (r) => String(r.name),
    children: under('roundId', 'monitoringInterview', 'monitoringAction'),
  },
  monitoringInterview: {
    table: 'monitoringInterview',
    nameKey: 'entity.monitoringInterview',
    label: (r) => String(r.title || r.id),
    children: under('interviewId', 'monitoringAttendee', 'monitoringAnswer'),
  },
  monitoringAttendee: { table: 'monitoringAttendee', nameKey: 'entity.monitoringAttendee', label: (r) => String(r.name), children: [] },
  monitoringAnswer: { table: 'monitoringAnswer', nameKey: 'entity.monitoringAnswer', label: (r) => `${String(r.position)}. ${String(r.questionText)}`, children: [] },
  monitoringAction: { table: 'monitoringAction', nameKey: 'entity.monitoringAction', label: (r) => String(r.text).slice(0, 80), children: [] },
  award: {
    table: 'award',
    nameKey: 'entity.award',
    label: (r) => `${t(`source.${String(r.stream)}` as MessageKey)} ${String(r.year)}`,
    children: [],
  },
  // A budget line goes to the Prullenbak with its spend, and comes back with it.
  budgetLine: {
    table: 'budgetLine',
    nameKey: 'entity.budgetLine',
    label: (r) => `${String(r.year)} ${String(r.costItem)}`,
    children: [{ entity: 'spend', foreignKey: 'budgetLineId' }],
  },
  spend: {
    table: 'spend',
    nameKey: 'entity.spend',
    label: (r) => [r.date ? formatDate(String(r.date)) : String(r.year), String(r.description), formatCents(Number(r.amountCents))].filter(Boolean).join(' '),
    children: [],
  },
  budgetRules: { table: 'budgetRules', nameKey: 'entity.budgetRules', label: () => t('entity.budgetRules'), children: [] },
};

export function entityDef(entity: string): EntityDef {
  const def = entities[entity];
  if (!def) throw new Error(`Unknown entity ${entity}`);
  return def;
}

export function entityName(entity: string): string {
  const def = entities[entity];
  return def ? t(def.nameKey) : entity;
}
