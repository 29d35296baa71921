/**
 * How many of the eleven answers of each activity of the fictional plan the import placed under
 * the right question: compared field by field with the plan the documents were written from.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema';
import { previewPlan } from '../../electron/core/plan/import';
import { emptyChoices, type PlanChoices } from '../../shared/schemas/plan';
import { normaliseText } from '../../shared/text';
import { activitiesOf } from '../fixtures/plan-docs';
import type { FxPlan } from '../fixtures/plan-model';

export interface Placement {
  rate: number;
  worst: { code: string; rate: number };
  activities: number;
  wrong: string[];
  preview: Awaited<ReturnType<typeof previewPlan>>['preview'];
  records: Awaited<ReturnType<typeof previewPlan>>['records'];
}

const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function placement(db: Kysely<Database>, plan: FxPlan, buf: Buffer, name: string, choices: PlanChoices = emptyChoices()): Promise<Placement> {
  // Accept every suggestion, so question 8's participants count too.
  const first = await previewPlan(db, buf, name, choices, null);
  const all = { ...choices, suggestions: first.preview.suggestions.filter((s) => !s.blocked).map((s) => s.id) };
  const { preview, records } = await previewPlan(db, buf, name, all, null);
  const wrong: string[] = [];
  let right = 0;
  let worst = { code: '', rate: 1 };
  const expected = activitiesOf(plan);
  for (const { line, measure, activity: a } of expected) {
    const rec = records.find((r) => r.item.kind !== 'line' && r.item.kind !== 'measure' && r.item.code === a.code);
    let ok = 0;
    const check = (q: number, cond: boolean, detail: () => string) => {
      if (cond) ok++;
      else wrong.push(`${a.code} vraag ${q}: ${detail()}`);
    };
    if (!rec) {
      wrong.push(`${a.code}: niet gevonden`);
      worst = { code: a.code, rate: 0 };
      continue;
    }
    const v = rec.values as Record<string, unknown>;
    const parent = records.find((r) => r.item.key === rec.item.parentKey);
    const lineRec = parent?.item.kind === 'line' ? parent : records.find((r) => r.item.key === parent?.item.parentKey);
    const wantShape = measure.shape === 'measure' ? 'activity' : measure.shape;
    const text = (f: string) => normaliseText(String(v[f] ?? ''));
    check(1, rec.item.found.has(1) && lineRec?.item.name === line.name && rec.item.kind === wantShape && (measure.shape !== 'measure' || parent?.item.code === measure.code), () => `${lineRec?.item.name} / ${rec.item.kind}`);
    check(2, v.name === a.name, () => String(v.name));
    check(3, text('description') === a.description, () => text('description'));
    check(4, text('aim') === a.aim, () => text('aim'));
    check(5, v.startDate === a.start && v.endDate === a.end && text('durationNote') === a.durationNote, () => `${String(v.startDate)} ${String(v.endDate)} ${text('durationNote')}`);
    check(6, eq(rec.subs.map((s) => [s.number, s.name]), a.subs.map((s) => [s[0], s[1]])) && rec.subs.every((s, i) => !s.intendedResult || s.intendedResult === a.subs[i]![3]), () => JSON.stringify(rec.subs));
    check(7, text('subActivitiesDuration') === a.subsDuration && rec.subs.every((s, i) => s.period === a.subs[i]![2]), () => text('subActivitiesDuration'));
    check(8, eq(v.targetGroups, a.targetGroups) && text('targetGroupNeed') === a.need && eq((v.plannedParticipants as { schoolYear: string; count: number }[]).map((p) => [p.schoolYear, p.count]), a.participants), () => `${JSON.stringify(v.targetGroups)} | ${text('targetGroupNeed')} | ${JSON.stringify(v.plannedParticipants)}`);
    check(9, text('lookBackEarlier') === a.lookBackEarlier && text('lookBackAimReached') === a.lookBackAimReached, () => `${text('lookBackEarlier')} | ${text('lookBackAimReached')}`);
    const ten = ['resultsGeneral', 'resultsPerSubActivity', 'resultsVsvContribution', 'resultsResponsible', 'measurementMoments', 'indicatorsMonitoring', 'organisationStructure'] as const;
    check(10, ten.every((f) => text(f) === a[f]), () => ten.filter((f) => text(f) !== a[f]).map((f) => `${f}=${text(f)}`).join(' | '));
    check(11, text('sustainabilityHow') === a.sustainabilityHow && text('sustainabilityWho') === a.sustainabilityWho && v.sustainabilityFrom === a.sustainabilityFrom, () => `${text('sustainabilityHow')} | ${text('sustainabilityWho')} | ${String(v.sustainabilityFrom)}`);
    right += ok;
    if (ok / 11 < worst.rate) worst = { code: a.code, rate: ok / 11 };
  }
  return { rate: right / (expected.length * 11), worst, activities: expected.length, wrong, preview, records };
}
