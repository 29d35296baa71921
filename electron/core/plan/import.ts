/**
 * The plan import: the preview (a dry run per record against the programme, if one is chosen)
 * and the apply, which writes every chosen record in one change set (one Ctrl+Z undoes it all).
 * Values go through the contract's own schemas, so the limits and messages are those of the forms.
 */
import crypto from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { tracked, type Tracker } from '../history/tracker';
import { measureFromActivity } from '../handlers/own-activity';
import { UserError } from '../errors';
import { rowFindings } from '../privacy/guard';
import { readDocx } from './docx-read';
import { fieldText, parsePlanDate, recognise, type DraftItem, type Recognised } from './recognise';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { normaliseLine, normaliseText } from '../../../shared/text';
import { formatDate } from '../../../shared/dates';
import { ACTIVITY_LONG_TEXTS, ActivityUpdate, LineUpdate, holdsOneActivity } from '../../../shared/schemas/tree';
import { PLAN_FIELDS, QUESTION_NUMBERS, type PlanField } from '../../../shared/plan/template';
import type { PlanChange, PlanChoices, PlanItem, PlanPreview, PlanSuggestion } from '../../../shared/schemas/plan';
import { compareCodes } from '../../../shared/natsort';
import { IndicatorInput, TargetInput } from '../../../shared/schemas/results';
import { periodCode, periodLabel, programmeWindow, within, type Period } from '../../../shared/results/periods';
import { formatIndicatorValue } from '../../../shared/results/format';
import { firstSchoolYearOf, momentsOf, participantLines, resultSuggestions, type FoundIndicator } from './suggest';
import { indicatorColumns, specColumns, targetRow } from '../handlers/results';

type Db = Kysely<Database>;
type Row = Record<string, unknown>;

/** Activity text fields written from the document (questions 3-11): the template's free-text answers. */
const TEXT_FIELDS = ACTIVITY_LONG_TEXTS;

export interface ActivityValues {
  code: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
  targetGroups: string[];
  sustainabilityFrom: string;
  [k: string]: unknown;
}

interface Record_ {
  item: DraftItem;
  /** Programme line / measure: code, name, description. Activities: the template's fields. */
  values: Row;
  subs: { number: string; name: string; period: string; intendedResult: string }[];
  issues: string[];
  suggestions: PlanSuggestion[];
  existing: { id: string; activityId?: string; row: Row; subs: Row[] } | null;
  changes: PlanChange[];
  status: 'new' | 'changed' | 'unchanged';
  /** Question 10's indicators (with their targets) as offered; written when accepted. */
  offers: IndicatorOffer[];
}

interface TargetOffer {
  id: string;
  period: Period;
  value: number;
  blocked: string | null;
  accepted: boolean;
}

interface IndicatorOffer {
  id: string;
  found: FoundIndicator;
  /** The indicator already in Regieboek (same name on the activity): only its missing targets are offered. */
  existingId: string | null;
  /** The indicator form's values, checked with its schema. */
  input: Record<string, unknown> & Parameters<typeof indicatorColumns>[0];
  blocked: string | null;
  accepted: boolean;
  targets: TargetOffer[];
}

interface ExistingIndicator {
  id: string;
  activityId: string;
  name: string;
  unit: string;
  targets: { periodStart: string; periodEnd: string; value: number | null; kind: string }[];
}

const coded = (code: string, name: string) => [code, name].filter(Boolean).join(' ');
/** The first words of a text for the preview, cut between words and marked as cut. */
const firstWords = (s: string, max: number) => {
  if (s.length <= max) return s;
  const space = s.lastIndexOf(' ', max);
  return `${s.slice(0, space > max * 0.6 ? space : max).trimEnd()} …`;
};

/** "Start: 01-08-2026" and "Einde: 31-07-2029" lines of question 5 become dates; the rest is the note. */
function durationOf(text: string): { startDate: string | null; endDate: string | null; note: string } {
  let startDate: string | null = null;
  let endDate: string | null = null;
  const rest: string[] = [];
  for (const line of text.split('\n')) {
    const s = /^(?:- )?(start(?:datum)?|begin(?:datum)?)\s*:\s*(.+)$/i.exec(line);
    const e = /^(?:- )?(einde|einddatum|eind)\s*:\s*(.+)$/i.exec(line);
    if (s && !startDate && parsePlanDate(s[2]!)) startDate = parsePlanDate(s[2]!);
    else if (e && !endDate && parsePlanDate(e[2]!)) endDate = parsePlanDate(e[2]!);
    else rest.push(line);
  }
  return { startDate, endDate, note: normaliseText(rest.join('\n')) };
}

const participantSuggestion = (item: DraftItem, p: { schoolYear: string; count: number; source: string }, accepted: Set<string>): PlanSuggestion => {
  const id = `${item.key}:p:${p.schoolYear}`;
  return {
    id,
    itemKey: item.key,
    kind: 'participants',
    label: t('plan.suggest.participants', { year: p.schoolYear, count: p.count.toLocaleString('nl-NL') }),
    period: p.schoolYear,
    value: p.count,
    indicatorId: null,
    accepted: accepted.has(id),
    blocked: null,
    source: p.source,
  };
};

/** The fields of question 10 that hold results and indicators (not who is responsible, not the meetings). */
const RESULT_FIELDS: PlanField[] = ['resultsGeneral', 'resultsPerSubActivity', 'resultsVsvContribution', 'measurementMoments', 'indicatorsMonitoring'];

/** Planned participants (questions 8 and 10) and question 10's indicators with targets, as the document writes them. */
function numbersOf(item: DraftItem, firstYearStart: string | null) {
  const first = firstSchoolYearOf(firstYearStart);
  const lines = RESULT_FIELDS.flatMap((f) => (item.fields.get(f) ?? []).flatMap((p) => p.text.split('\n')));
  const results = resultSuggestions({ lines, tables: item.resultTables, firstSchoolYear: first });
  const participants = participantLines(
    item.participantRows.map((r) => r.text),
    first,
  );
  for (const p of results.participants) if (!participants.some((x) => x.schoolYear === p.schoolYear)) participants.push(p);
  return { participants, indicators: results.indicators, moments: momentsOf(fieldText(item, 'measurementMoments')) };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);

/**
 * Question 10's indicators and targets as offers: checked with the results forms' own schemas and
 * rules (percentages 0-100, a period inside the programme), against what the activity already has.
 */
function indicatorOffers(
  item: DraftItem,
  found: FoundIndicator[],
  moments: ReturnType<typeof momentsOf>,
  accepted: Set<string>,
  window: { periodStart: string; periodEnd: string } | null,
  existing: ExistingIndicator[],
): IndicatorOffer[] {
  const offers: IndicatorOffer[] = [];
  for (const f of found) {
    const id = `${item.key}:i:${slug(f.name)}`;
    if (offers.some((o) => o.id === id)) continue;
    const kind = f.targets[0]!.period.kind;
    const input = {
      name: f.name,
      description: t('plan.suggest.description', { source: f.source }),
      unit: f.unit,
      freeUnit: '',
      direction: f.direction,
      aggregation: 'niveau',
      dataSource: '',
      momentKind: moments?.kind ?? 'jaarlijks',
      momentDates: moments?.dates ?? ['10-01'],
      categories: [],
      baselineValue: f.baselineValue,
      baselineDate: f.baselineDate,
      baselineSource: '',
      baselineNote: '',
      periodKind: kind,
      momentPeriods: [],
      phrase: '',
    };
    const have = existing.find((e) => e.name.trim().toLowerCase() === f.name.toLowerCase());
    const parsed = IndicatorInput.safeParse({ activityId: 'x', measureId: null, parentId: null, ...input });
    const blocked = have || parsed.success ? null : parsed.error.issues.map((i) => `${fieldLabel(String(i.path[0] ?? ''))}: ${i.message}`).join(' ');
    const targets: TargetOffer[] = [];
    for (const x of f.targets) {
      const tid = `${id}:${periodCode(x.period)}`;
      const stored = have?.targets.find((y) => y.periodStart === x.period.start && y.periodEnd === x.period.end);
      // Already in Regieboek with this value: nothing to offer. With another value: a revision needs a reason, on the Resultaten screen.
      if (stored && stored.kind === 'exact' && stored.value === x.value) continue;
      const unit = (have?.unit ?? f.unit) as 'percentage';
      const checked = TargetInput.safeParse({ indicatorId: 'x', schoolYear: null, periodStart: x.period.start, periodEnd: x.period.end, kind: 'exact', value: x.value, min: null, max: null, percent: null });
      let why: string | null = null;
      if (stored) why = t('plan.suggest.targetDiffers', { period: periodLabel(x.period), stored: formatIndicatorValue(unit, stored.value) });
      else if (!checked.success) why = checked.error.issues[0]!.message;
      else if (unit === 'percentage' && (x.value < 0 || x.value > 100)) why = t('val.percentRange');
      else if (x.period.kind !== kind) why = t('plan.suggest.otherPeriodKind', { period: periodLabel(x.period) });
      else if (window && !within(x.period, programmeWindow(window.periodStart, window.periodEnd)))
        why = t('plan.suggest.outsideProgramme', { period: periodLabel(x.period), from: formatDate(window.periodStart), to: formatDate(window.periodEnd) });
      else if (blocked) why = t('plan.suggest.indicatorBlocked');
      targets.push({ id: tid, period: x.period, value: x.value, blocked: why, accepted: !why && accepted.has(tid) });
    }
    if (have && !targets.length) continue;
    const offer: IndicatorOffer = { id, found: f, existingId: have?.id ?? null, input, blocked, accepted: false, targets };
    // Accepting a target takes its indicator along.
    offer.accepted = !blocked && !have && (accepted.has(id) || targets.some((x) => x.accepted));
    offers.push(offer);
  }
  return offers;
}

function offerSuggestions(item: DraftItem, offers: IndicatorOffer[]): PlanSuggestion[] {
  const out: PlanSuggestion[] = [];
  for (const o of offers) {
    const f = o.found;
    const unit = f.unit;
    if (!o.existingId)
      out.push({
        id: o.id,
        itemKey: item.key,
        kind: 'indicator',
        label: t(f.baselineValue === null ? 'plan.suggest.indicator' : f.baselineDate ? 'plan.suggest.indicatorBaseline' : 'plan.suggest.indicatorBaselineNoDate', {
          name: f.name,
          unit: t(`unit.${unit}`).toLowerCase(),
          direction: t(`direction.${f.direction}`).toLowerCase(),
          baseline: formatIndicatorValue(unit, f.baselineValue),
          date: f.baselineDate ? formatDate(f.baselineDate) : '—',
        }),
        period: '',
        value: null,
        indicatorId: null,
        accepted: o.accepted,
        blocked: o.blocked,
        source: f.source,
      });
    for (const x of o.targets)
      out.push({
        id: x.id,
        itemKey: item.key,
        kind: 'target',
        label: t(o.existingId ? 'plan.suggest.targetExisting' : 'plan.suggest.target', { period: periodLabel(x.period), value: formatIndicatorValue(unit, x.value), name: f.name }),
        period: periodCode(x.period),
        value: x.value,
        indicatorId: o.existingId ? null : o.id,
        accepted: x.accepted,
        blocked: x.blocked,
        source: f.source,
      });
  }
  return out;
}

/** The values an activity gets from the document, checked with the activity form's schema. */
function activityValues(item: DraftItem, accepted: Set<string>, programmeStart: string | null) {
  const dur = durationOf(fieldText(item, 'durationNote'));
  const name = normaliseLine(fieldText(item, 'name')) || item.name;
  const raw: Row = {
    id: 'x',
    code: item.code,
    name,
    status: 'concept',
    startDate: dur.startDate,
    endDate: dur.endDate,
    targetGroups: fieldText(item, 'targetGroups')
      .split('\n')
      .map((l) => normaliseLine(l))
      .filter(Boolean),
    plannedParticipants: [],
    sustainabilityFrom: normaliseLine(fieldText(item, 'sustainabilityFrom')),
    leadOrganisationId: null,
    executorIds: [],
  };
  for (const f of TEXT_FIELDS) raw[f] = f === 'durationNote' ? dur.note : fieldText(item, f);
  const numbers = numbersOf(item, dur.startDate ?? programmeStart);
  const suggestions = numbers.participants.map((p) => participantSuggestion(item, p, accepted));
  raw.plannedParticipants = suggestions.filter((s) => s.accepted).map((s) => ({ schoolYear: s.period, count: s.value }));
  // Checked with the form's schema; the id and version are the form's bookkeeping, not the document's.
  const parsed = ActivityUpdate.safeParse({ ...raw, rowVersion: 0 });
  const issues: string[] = [];
  if (!parsed.success)
    for (const i of parsed.error.issues) {
      const f = String(i.path[0] ?? '');
      const q = PLAN_FIELDS[f as PlanField];
      issues.push(t('plan.issue.field', { item: coded(item.code, name), question: q ? String(q) : '–', field: fieldLabel(f), message: i.message }));
    }
  const values: Row = parsed.success ? { ...parsed.data } : raw;
  delete values.id;
  delete values.rowVersion;
  return { values, issues, suggestions, numbers };
}

function structureValues(item: DraftItem): { values: Row; issues: string[] } {
  const parsed = LineUpdate.safeParse({ id: 'x', rowVersion: 0, code: item.code, name: item.name, description: normaliseText(item.description.join('\n')) });
  if (!parsed.success)
    return { values: { code: item.code, name: item.name, description: '' }, issues: parsed.error.issues.map((i) => t('plan.issue.structure', { item: coded(item.code, item.name), field: fieldLabel(String(i.path[0] ?? '')), message: i.message })) };
  const { id: _, rowVersion: _v, ...values } = parsed.data;
  return { values, issues: [] };
}

const sameKey = (a: { code: string; name: string }, b: { code: string; name: string }) =>
  a.code || b.code ? a.code.toLowerCase() === b.code.toLowerCase() : a.name.toLowerCase() === b.name.toLowerCase();

const show = (v: unknown): string => (Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? Object.values(x as object).join(': ') : String(x))).join('; ') : v == null ? '' : String(v));

/** A fingerprint of the records an import compares with and writes: any edit since raises a version or changes an id. */
function basisOf(rows: Awaited<ReturnType<typeof programmeRows>>): string {
  const h = crypto.createHash('sha256');
  for (const list of [rows.lines, rows.measures, rows.activities, rows.subs] as { id: string; rowVersion?: number | null }[][])
    for (const r of list) h.update(`${r.id}:${String(r.rowVersion ?? '')};`);
  for (const i of rows.indicators) h.update(`${i.id}:${i.targets.map((x) => `${x.periodStart}/${x.periodEnd}=${String(x.value)}`).join(',')};`);
  return h.digest('hex');
}

async function programmeRows(db: Db, programmeId: string) {
  const lines = await db.selectFrom('programmeLine').selectAll().where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute();
  const measures = await db.selectFrom('measure').selectAll().where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute();
  const ids = measures.map((m) => m.id);
  const activities = ids.length ? await db.selectFrom('activity').selectAll().where('measureId', 'in', ids).where('deletedAt', 'is', null).orderBy('sortOrder').execute() : [];
  const aIds = activities.map((a) => a.id);
  const subs = aIds.length ? await db.selectFrom('subActivity').selectAll().where('activityId', 'in', aIds).where('deletedAt', 'is', null).execute() : [];
  // The activities' own indicators with the targets in force (a revised target's old row is not).
  const inds = aIds.length
    ? await db.selectFrom('indicator').select(['id', 'activityId', 'name', 'unit']).where('activityId', 'in', aIds).where('builtin', 'is', null).where('deletedAt', 'is', null).execute()
    : [];
  const targets = inds.length
    ? await db.selectFrom('target').select(['id', 'indicatorId', 'supersedesId', 'periodStart', 'periodEnd', 'value', 'kind']).where('indicatorId', 'in', inds.map((i) => i.id)).where('deletedAt', 'is', null).execute()
    : [];
  const superseded = new Set(targets.map((x) => x.supersedesId).filter(Boolean));
  const indicators: ExistingIndicator[] = inds.map((i) => ({ id: i.id, activityId: i.activityId!, name: i.name, unit: i.unit, targets: targets.filter((x) => x.indicatorId === i.id && !superseded.has(x.id)) }));
  return { lines, measures, activities, subs, indicators };
}

const ACTIVITY_COMPARED = ['code', 'name', 'startDate', 'endDate', ...TEXT_FIELDS, 'targetGroups', 'plannedParticipants', 'sustainabilityFrom'] as const;

interface Computed {
  rec: Recognised;
  records: Record_[];
  preview: PlanPreview;
}

export interface PreviewOpts {
  /** The period of the new programme the import makes (targets must lie inside it). */
  newProgramme?: { periodStart: string; periodEnd: string };
}

export async function previewPlan(db: Db, buf: Buffer, fileName: string, choices: PlanChoices, programmeId: string | null, opts: PreviewOpts = {}): Promise<Computed> {
  const { blocks } = await readDocx(buf, fileName);
  const rec = recognise(blocks, choices);
  const programme = programmeId ? await db.selectFrom('programme').selectAll().where('id', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst() : null;
  if (programmeId && !programme) throw new UserError('not_found', t('err.notFound', { entity: t('entity.programme') }));
  const existing = programme ? await programmeRows(db, programme.id) : null;
  const accepted = new Set(choices.suggestions);
  const records: Record_[] = [];
  const byKey = new Map<string, Record_>();
  const issues: string[] = [];
  if (!rec.items.some((i) => i.kind !== 'line')) issues.push(t('plan.read.noStructure', { file: fileName }));
  const window = programme ?? opts.newProgramme ?? (rec.periodStart && rec.periodEnd ? { periodStart: rec.periodStart, periodEnd: rec.periodEnd } : null);

  for (const item of rec.items) {
    const parent = item.parentKey ? byKey.get(item.parentKey) : undefined;
    const own = item.kind !== 'line' && item.kind !== 'measure';
    const v = own ? activityValues(item, accepted, window?.periodStart ?? null) : { ...structureValues(item), suggestions: [], numbers: null };
    const r: Record_ = { item, values: v.values, subs: item.subActivities, issues: v.issues, suggestions: v.suggestions, existing: null, changes: [], status: 'new', offers: [] };
    // Codes are unique among siblings, as in the forms.
    const siblings = records.filter((o) => o.item.parentKey === item.parentKey && (o.item.kind === 'line') === (item.kind === 'line') && o.item.depth === item.depth);
    if (item.code && siblings.some((o) => o.item.code.toLowerCase() === item.code.toLowerCase()))
      r.issues.push(t('plan.issue.duplicateCode', { code: item.code, item: coded(item.code, String(r.values.name ?? item.name)) }));
    for (const s of item.subActivities.filter((s, i, all) => s.number && all.findIndex((x) => x.number === s.number) !== i))
      r.issues.push(t('plan.issue.duplicateSub', { number: s.number, item: coded(item.code, item.name) }));
    if (existing) {
      const name = String(r.values.name ?? item.name);
      const key = { code: item.code, name };
      if (item.kind === 'line') {
        const hit = existing.lines.find((l) => sameKey(l, key));
        if (hit) r.existing = { id: hit.id, row: hit as unknown as Row, subs: [] };
      } else {
        const parentMeasure = parent?.item.kind === 'measure' ? parent.existing : null;
        const pool = item.depth === 3 ? (parentMeasure ? existing.activities.filter((a) => a.measureId === parentMeasure.id) : []) : existing.measures;
        const hit = pool.find((m) => sameKey(m, key));
        if (hit && item.depth === 3) r.existing = { id: hit.id, activityId: hit.id, row: hit as unknown as Row, subs: existing.subs.filter((s) => s.activityId === hit.id) as unknown as Row[] };
        else if (hit) {
          const act = existing.activities.find((a) => a.measureId === hit.id);
          const ownHit = own && holdsOneActivity((hit as { shape: string }).shape) && act;
          r.existing = { id: hit.id, activityId: ownHit ? act.id : undefined, row: (ownHit ? act : hit) as unknown as Row, subs: ownHit ? (existing.subs.filter((s) => s.activityId === act.id) as unknown as Row[]) : [] };
          if (own && !ownHit) r.issues.push(t('plan.issue.shapeDiffers', { item: coded(item.code, name) }));
          if (!own && holdsOneActivity((hit as { shape: string }).shape)) r.issues.push(t('plan.issue.shapeDiffers', { item: coded(item.code, name) }));
        }
      }
      if (r.existing) {
        const fields = own ? ACTIVITY_COMPARED : (['code', 'name', 'description'] as const);
        for (const f of fields) {
          const before = r.existing.row[f];
          const oldV = f === 'targetGroups' || f === 'plannedParticipants' ? (JSON.parse(String(before ?? '[]')) as unknown[]) : before;
          let newV = r.values[f];
          // Participants come only from accepted suggestions; without any, the stored ones stay.
          if (f === 'plannedParticipants' && !(newV as unknown[]).length) continue;
          if (f === 'description' && !own && !item.description.length) continue;
          if (show(oldV) !== show(newV)) r.changes.push({ field: f, label: fieldLabel(f), old: show(oldV), new: show((newV ??= '')) });
        }
        if (own)
          for (const s of r.subs) {
            const hit = r.existing.subs.find((x) => String(x.number) === s.number || String(x.name) === s.name);
            const now = `${s.number} ${s.name}${s.period ? ` (${s.period})` : ''}`;
            if (!hit) r.changes.push({ field: 'subActivity', label: t('entity.subActivity'), old: '', new: now });
            else if (String(hit.name) !== s.name || String(hit.period) !== s.period || (s.intendedResult && String(hit.intendedResult) !== s.intendedResult))
              r.changes.push({ field: 'subActivity', label: t('entity.subActivity'), old: `${String(hit.number)} ${String(hit.name)}${hit.period ? ` (${String(hit.period)})` : ''}`, new: now });
          }
      }
    }
    if (v.numbers) {
      const activityId = r.existing?.activityId;
      r.offers = indicatorOffers(item, v.numbers.indicators, v.numbers.moments, accepted, window, activityId ? (existing?.indicators ?? []).filter((i) => i.activityId === activityId) : []);
      // Accepted indicators and targets are what changes on an activity Regieboek already has.
      if (r.existing)
        for (const o of r.offers) {
          if (o.accepted) r.changes.push({ field: 'indicator', label: t('entity.indicator'), old: '', new: o.found.name });
          for (const x of o.targets.filter((y) => y.accepted)) r.changes.push({ field: 'target', label: `${t('entity.target')} ${periodLabel(x.period)}`, old: '', new: `${o.found.name}: ${formatIndicatorValue(o.found.unit, x.value)}` });
        }
    }
    if (r.existing) r.status = r.changes.length ? 'changed' : 'unchanged';
    records.push(r);
    byKey.set(item.key, r);
  }

  // The privacy guard's refusals are shown here, per record and field, before anything is applied
  // (the tracked writes refuse them anyway); a name-like phrase is asked about when it is written.
  for (const r of records) {
    const entity = r.item.kind === 'line' ? 'programmeLine' : r.item.kind === 'measure' ? 'measure' : 'activity';
    const found = [...rowFindings(entity, r.values).map((f) => ({ ...f, entity })), ...r.subs.flatMap((sub) => rowFindings('subActivity', { ...sub }).map((f) => ({ ...f, entity: 'subActivity' })))];
    const seen = new Set<string>();
    for (const f of found.filter((x) => x.finding.severity === 'refuse')) {
      if (seen.has(`${f.entity}.${f.field}`)) continue;
      seen.add(`${f.entity}.${f.field}`);
      r.issues.push(
        t('plan.issue.privacy', { item: coded(r.item.code, String(r.values.name ?? r.item.name)), field: fieldLabel(f.field, f.entity), what: t(`privacy.kind.${f.finding.kind}`), masked: f.finding.masked }),
      );
    }
  }

  const onlyInRegieboek = existing
    ? [
        ...existing.lines.filter((l) => !records.some((r) => r.item.kind === 'line' && r.existing?.id === l.id)).map((l) => ({ kind: 'line', code: l.code, name: l.name })),
        ...existing.measures.filter((m) => !records.some((r) => r.existing?.id === m.id)).map((m) => ({ kind: m.shape === 'measure' ? 'measure' : m.shape === 'single' ? 'single' : 'activity', code: m.code, name: m.name })),
        ...existing.activities
          .filter((a) => existing.measures.find((m) => m.id === a.measureId)?.shape === 'measure' && !records.some((r) => r.existing?.activityId === a.id))
          .map((a) => ({ kind: 'activity', code: a.code, name: a.name })),
      ].sort((a, b) => compareCodes(a.code, b.code))
    : [];

  const acts = records.filter((r) => r.item.kind !== 'line' && r.item.kind !== 'measure');
  const items: PlanItem[] = records.map((r) => {
    const own = r.item.kind !== 'line' && r.item.kind !== 'measure';
    const placed = own
      ? [...r.item.fields.entries()].flatMap(([field, list]) => list.filter((p) => p.text.trim()).map((p) => ({ blockId: p.blockId, field, text: firstWords(normaliseLine(p.text), 160) })))
      : [];
    placed.sort((a, b) => a.blockId - b.blockId);
    return {
      key: r.item.key,
      blockId: r.item.blockId,
      kind: r.item.kind,
      code: r.item.code,
      name: String(r.values.name ?? r.item.name),
      parentKey: r.item.parentKey,
      depth: r.item.depth,
      where: t('plan.where.at', { n: r.item.blockId + 1 }),
      questions: own
        ? QUESTION_NUMBERS.map((no) => {
            const first = placed.find((p) => PLAN_FIELDS[p.field] === no)?.text ?? (no === 6 && r.subs.length ? r.subs.map((s) => s.name).join('; ') : '');
            return { no, found: r.item.found.has(no), preview: firstWords(first, 90) };
          })
        : [],
      placed,
      subActivities: r.subs,
      status: r.status,
      existingId: r.existing?.id ?? null,
      changes: r.changes,
      issues: r.issues,
    };
  });
  const preview: PlanPreview = {
    fileName,
    sha256: crypto.createHash('sha256').update(buf).digest('hex'),
    basis: existing ? basisOf(existing) : '',
    title: rec.title,
    periodStart: rec.periodStart,
    periodEnd: rec.periodEnd,
    analysis: rec.analysis,
    programmeId: programme?.id ?? null,
    items,
    unplaced: rec.unplaced,
    skipped: rec.skipped,
    suggestions: records.flatMap((r) => [...r.suggestions, ...offerSuggestions(r.item, r.offers)]),
    onlyInRegieboek,
    counts: {
      lines: records.filter((r) => r.item.kind === 'line').length,
      measures: records.filter((r) => r.item.kind === 'measure' || r.item.kind === 'single').length,
      activities: acts.length,
      questionsFound: acts.reduce((n, r) => n + r.item.found.size, 0),
      questionsTotal: acts.length * 11,
    },
    issues,
  };
  return { rec, records, preview };
}

const stamp = (tr: Tracker) => ({ createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null });

function activityColumns(v: Row): Row {
  const out: Row = { ...v };
  out.targetGroups = JSON.stringify(v.targetGroups ?? []);
  out.plannedParticipants = JSON.stringify(v.plannedParticipants ?? []);
  out.executorIds = JSON.stringify(v.executorIds ?? []);
  return out;
}

async function maxSort(tr: Tracker, table: 'programmeLine' | 'measure' | 'activity' | 'subActivity', column: string, parent: string): Promise<number> {
  const loose = tr.trx as unknown as Kysely<Record<string, { sortOrder: number; deletedAt: string | null; [k: string]: unknown }>>;
  const rows = await loose.selectFrom(table).select('sortOrder').where(column, '=', parent).where('deletedAt', 'is', null).execute();
  const max = Math.max(0, ...rows.map((r) => Number(r.sortOrder)));
  return max > 0 ? max + 1 : 0;
}

/** The accepted indicators and targets of one activity, in the import's change set. */
async function writeOffers(tr: Tracker, offers: IndicatorOffer[], activityId: string): Promise<void> {
  if (!offers.some((x) => x.accepted || x.targets.some((y) => y.accepted))) return;
  const last = await tr.trx.selectFrom('indicator').select((eb) => eb.fn.max('sortOrder').as('max')).where('activityId', '=', activityId).executeTakeFirst();
  let sortOrder = Number(last?.max ?? 0);
  for (const x of offers) {
    let indicatorId = x.existingId;
    if (!indicatorId) {
      if (!x.accepted) continue;
      indicatorId = randomUUID();
      await tr.insert('indicator', { id: indicatorId, activityId, measureId: null, builtin: null, ...indicatorColumns(x.input), parentId: null, sortOrder: ++sortOrder, ...stamp(tr) });
    }
    for (const y of x.targets.filter((z) => z.accepted)) await tr.insert('target', targetRow(indicatorId, y.period, specColumns({ kind: 'exact', value: y.value, min: null, max: null, percent: null }), tr.at));
  }
}

export interface ApplyOpts {
  user: string;
  session: string;
  programmeId: string | null;
  newProgramme?: { name: string; periodStart: string; periodEnd: string };
  choices: PlanChoices;
  /** The programme as the user's preview saw it (PlanPreview.basis); a changed programme is refused, not written over. */
  basis?: string;
}

/** Writes the chosen records in one change set; returns the preview it applied and the programme. */
export async function applyPlan(db: Db, buf: Buffer, fileName: string, o: ApplyOpts): Promise<{ preview: PlanPreview; changeSetId: number | null; programmeId: string; applied: number }> {
  const { records, preview } = await previewPlan(db, buf, fileName, o.choices, o.programmeId, { newProgramme: o.programmeId ? undefined : o.newProgramme });
  if (preview.issues.length) throw new UserError('user_error', preview.issues.join('\n'));
  if (o.programmeId && o.basis !== undefined && o.basis !== preview.basis) throw new UserError('conflict', t('plan.apply.programmeChanged'));
  const chosen = o.choices.apply ? new Set(o.choices.apply) : null;
  const wanted = (r: Record_) => (chosen ? chosen.has(r.item.key) : r.status !== 'unchanged');
  // A suggestion the user ticked that cannot be written (say, a target outside the new programme's period) is never dropped silently.
  const ticked = new Set(o.choices.suggestions);
  const refused = preview.suggestions.filter((x) => ticked.has(x.id) && x.blocked && records.some((r) => r.item.key === x.itemKey && wanted(r)));
  const problems = [...records.filter((r) => wanted(r) && r.issues.length).map((r) => r.issues[0]!), ...refused.map((x) => `${x.label}: ${x.blocked!}`)];
  if (problems.length) throw new UserError('invalid_input', t('plan.apply.blocked', { n: problems.length, first: problems[0]! }));
  let programmeId = o.programmeId;
  if (!programmeId && !o.newProgramme) throw new UserError('invalid_input', t('plan.apply.needProgramme'), 'programmeId');
  const ids = new Map<string, { measureId?: string; lineId?: string; activityId?: string }>();
  let applied = 0;
  const changeSetId = await tracked(db, { user: o.user, session: o.session, action: 'import', label: t('plan.apply.label', { file: fileName }), source: fileName }, async (tr) => {
    // Inside the write: nothing changed since this import read the programme (another window may have written meanwhile).
    if (programmeId && basisOf(await programmeRows(tr.trx, programmeId)) !== preview.basis) throw new UserError('conflict', t('plan.apply.programmeChanged'));
    if (!programmeId) {
      programmeId = randomUUID();
      const np = o.newProgramme!;
      await tr.insert('programme', {
        id: programmeId,
        name: np.name,
        periodStart: np.periodStart,
        periodEnd: np.periodEnd,
        status: 'concept',
        analysis: preview.analysis.slice(0, 20_000),
        requestedCents: null,
        awardedCents: null,
        notes: '',
        contactSchoolId: null,
        contactMunicipalityId: null,
        ...stamp(tr),
      });
    }
    const pid = programmeId;
    for (const r of records) {
      const it = r.item;
      const parent = it.parentKey ? ids.get(it.parentKey) : undefined;
      // A record whose new parent was not taken along cannot be placed.
      if (it.parentKey && !parent) continue;
      const lineId = it.kind === 'line' ? undefined : it.depth === 2 ? (parent?.lineId ?? null) : undefined;
      if (r.existing) {
        const ref = it.kind === 'line' ? { lineId: r.existing.id } : it.kind === 'measure' ? { measureId: r.existing.id } : { measureId: r.existing.id, activityId: r.existing.activityId ?? r.existing.id };
        ids.set(it.key, ref);
        if (!wanted(r) || r.status === 'unchanged') continue;
        applied++;
        if (it.kind === 'line') await tr.update('programmeLine', r.existing.id, { code: r.values.code, name: r.values.name, ...(it.description.length ? { description: r.values.description } : {}) });
        else if (it.kind === 'measure') await tr.update('measure', r.existing.id, { code: r.values.code, name: r.values.name, ...(it.description.length ? { description: r.values.description } : {}) });
        else {
          const activityId = ref.activityId!;
          const cols = activityColumns(r.values);
          if (!(r.values.plannedParticipants as unknown[]).length) delete cols.plannedParticipants;
          for (const k of ['status', 'leadOrganisationId', 'executorIds']) delete cols[k];
          await tr.update('activity', activityId, cols);
          if (it.depth !== 3) await tr.update('measure', r.existing.id, { code: r.values.code, name: r.values.name, description: r.values.description, targetGroups: cols.targetGroups });
          let order = await maxSort(tr, 'subActivity', 'activityId', activityId);
          for (const s of r.subs) {
            const hit = r.existing.subs.find((x) => String(x.number) === s.number || String(x.name) === s.name);
            if (hit) await tr.update('subActivity', String(hit.id), { number: s.number, name: s.name, period: s.period, ...(s.intendedResult ? { intendedResult: s.intendedResult } : {}) });
            else await tr.insert('subActivity', { id: randomUUID(), activityId, ...s, sortOrder: order ? order++ : 0, ...stamp(tr) });
          }
          await writeOffers(tr, r.offers, activityId);
        }
        continue;
      }
      if (!wanted(r)) continue;
      applied++;
      if (it.kind === 'line') {
        const id = randomUUID();
        await tr.insert('programmeLine', { id, programmeId: pid, ...r.values, sortOrder: await maxSort(tr, 'programmeLine', 'programmeId', pid), ...stamp(tr) });
        ids.set(it.key, { lineId: id });
        continue;
      }
      if (it.kind === 'measure') {
        const id = randomUUID();
        await tr.insert('measure', {
          id,
          programmeId: pid,
          lineId: lineId ?? null,
          code: r.values.code,
          name: r.values.name,
          description: r.values.description,
          plusvoorziening: 0,
          targetGroups: '[]',
          leadOrganisationId: null,
          executorIds: '[]',
          status: 'concept',
          shape: 'measure',
          sortOrder: await maxSort(tr, 'measure', 'programmeId', pid),
          ...stamp(tr),
        });
        ids.set(it.key, { measureId: id, lineId: lineId ?? undefined });
        continue;
      }
      const cols = activityColumns(r.values);
      const activityId = randomUUID();
      let measureId: string;
      if (it.depth === 3 && parent?.measureId) {
        measureId = parent.measureId;
        await tr.insert('activity', { id: activityId, measureId, ...cols, sortOrder: await maxSort(tr, 'activity', 'measureId', measureId), ...stamp(tr) });
      } else {
        // Its own activity, or an activity directly under the line: a measure row of that shape holds its place.
        measureId = randomUUID();
        const shape = it.kind === 'single' ? 'single' : 'activity';
        await tr.insert('measure', { id: measureId, programmeId: pid, lineId: lineId ?? null, ...measureFromActivity(cols), shape, sortOrder: await maxSort(tr, 'measure', 'programmeId', pid), ...stamp(tr) });
        await tr.insert('activity', { id: activityId, measureId, ...cols, sortOrder: 0, ...stamp(tr) });
      }
      for (const s of r.subs) await tr.insert('subActivity', { id: randomUUID(), activityId, ...s, sortOrder: 0, ...stamp(tr) });
      await writeOffers(tr, r.offers, activityId);
      ids.set(it.key, { measureId, activityId });
    }
    return applied ? (tr.changeSetId as number) : null;
  });
  return { preview, changeSetId, programmeId: programmeId!, applied };
}
