/**
 * The standard activity description as a plan document writes it: the eleven numbered questions,
 * the sub-questions some of them carry, and which Regieboek field each answer goes to. The Word
 * import recognises questions with these patterns and the Word export writes the same texts, so a
 * plan exported by Regieboek always reads back.
 */
import type { MessageKey } from '../i18n/nl';

export const QUESTION_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export type QuestionNo = (typeof QUESTION_NUMBERS)[number];

/** Where an answer goes; `lineName` (question 1) is read to check the place, never stored on the activity. */
export const PLAN_FIELDS = {
  lineName: 1,
  name: 2,
  description: 3,
  aim: 4,
  durationNote: 5,
  subActivities: 6,
  subActivitiesDuration: 7,
  targetGroups: 8,
  targetGroupNeed: 8,
  plannedParticipants: 8,
  lookBackEarlier: 9,
  lookBackAimReached: 9,
  resultsGeneral: 10,
  resultsPerSubActivity: 10,
  resultsVsvContribution: 10,
  resultsResponsible: 10,
  measurementMoments: 10,
  indicatorsMonitoring: 10,
  organisationStructure: 10,
  sustainabilityHow: 11,
  sustainabilityWho: 11,
  sustainabilityFrom: 11,
} as const satisfies Record<string, QuestionNo>;
export type PlanField = keyof typeof PLAN_FIELDS;
export const PLAN_FIELD_NAMES = Object.keys(PLAN_FIELDS) as PlanField[];

/** The question's label as the screens and the export write it ("3. Beknopte omschrijving …"). */
export const questionLabelKey = (n: QuestionNo) => `activity.s${n}` as MessageKey;
/** The label of a field in the preview ("Meetmomenten"); question 1 and 2 by their question. */
export const planFieldLabelKey = (f: PlanField): MessageKey =>
  f === 'lineName' ? 'activity.s1' : f === 'name' ? 'activity.s2' : f === 'subActivities' ? 'activity.s6' : (`field.${f}` as MessageKey);

/** The answer field a question's text goes to when no sub-question says otherwise. */
export const DEFAULT_FIELD: Record<QuestionNo, PlanField> = {
  1: 'lineName',
  2: 'name',
  3: 'description',
  4: 'aim',
  5: 'durationNote',
  6: 'subActivities',
  7: 'subActivitiesDuration',
  8: 'targetGroupNeed',
  9: 'lookBackEarlier',
  10: 'resultsGeneral',
  11: 'sustainabilityHow',
};

/**
 * How a question starts, tested on its text without the number, in lower case. Plans word the
 * questions a little differently ("Doel", "Doelstelling van de activiteit"); these cover the
 * template's wording and the common variants.
 */
export const QUESTION_PATTERNS: Record<QuestionNo, RegExp> = {
  1: /^(naam\s+(van\s+)?(de\s+)?)?programmalijn\b/,
  2: /^naam\s+(van\s+)?(de\s+)?activiteit\b/,
  3: /^(geef\s+een\s+)?(beknopte\s+)?(omschrijving|beschrijving)\b/,
  4: /^(wat\s+is\s+het\s+)?doel(stelling)?(en)?\b(?!groep)/,
  5: /^(duur\s+en\s+start|start\s+en\s+duur|looptijd|startdatum\s+en\s+duur|duur\s+van\s+de\s+activiteit)\b/,
  6: /^(welke\s+)?deelactiviteiten\b(?!\s+duren)/,
  7: /^duur\s+(van\s+)?(de\s+)?deelactiviteiten\b/,
  8: /^(welke\s+)?doelgroep/,
  9: /^(terugblik|analyse)\b/,
  10: /^(beoogde\s+)?resultaten\b/,
  11: /^borging\b/,
};

/** Sub-questions some questions carry (often in italics), each with the field its answer goes to; checked in this order. */
export const SUB_QUESTIONS: Partial<Record<QuestionNo, { field: PlanField; pattern: RegExp; labelKey: MessageKey }[]>> = {
  8: [
    { field: 'plannedParticipants', pattern: /hoeveel\s+deelnemers|aantal\s+deelnemers|beoogd\s+aantal/, labelKey: 'plan.sub.plannedParticipants' },
    { field: 'targetGroupNeed', pattern: /behoefte|aansluit/, labelKey: 'plan.sub.targetGroupNeed' },
    { field: 'targetGroups', pattern: /welke\s+doelgroep|om\s+welke|doelgroep\(en\)|^doelgroepen\s*[:?]?$/, labelKey: 'plan.sub.targetGroups' },
  ],
  9: [
    { field: 'lookBackAimReached', pattern: /doel\s+bereikt|hun\s+doel|gewerkt|effect/, labelKey: 'plan.sub.lookBackAimReached' },
    { field: 'lookBackEarlier', pattern: /eerder|vorige\s+periode|in\s+het\s+verleden/, labelKey: 'plan.sub.lookBackEarlier' },
  ],
  10: [
    { field: 'resultsPerSubActivity', pattern: /per\s+deelactiviteit/, labelKey: 'plan.sub.resultsPerSubActivity' },
    { field: 'resultsVsvContribution', pattern: /bijdrage|streefpercentage|uitvalpercentage|kwantitatie/, labelKey: 'plan.sub.resultsVsvContribution' },
    { field: 'measurementMoments', pattern: /meetmoment/, labelKey: 'plan.sub.measurementMoments' },
    { field: 'indicatorsMonitoring', pattern: /prestatie-?indicator|hoe\s+wordt\s+(er\s+)?gemonitord|monitoring\s+verloopt/, labelKey: 'plan.sub.indicatorsMonitoring' },
    { field: 'organisationStructure', pattern: /overlegstructuur|organisatiestructuur|evaluatie/, labelKey: 'plan.sub.organisationStructure' },
    { field: 'resultsResponsible', pattern: /verantwoordelijk/, labelKey: 'plan.sub.resultsResponsible' },
    { field: 'resultsGeneral', pattern: /algemene\s+resultaten|welke\s+resultaten|beoogde\s+resultaten/, labelKey: 'plan.sub.resultsGeneral' },
  ],
  11: [
    { field: 'sustainabilityFrom', pattern: /vanaf\s+wanneer|per\s+wanneer|^wanneer/, labelKey: 'plan.sub.sustainabilityFrom' },
    { field: 'sustainabilityWho', pattern: /^wie\b|verantwoordelijk/, labelKey: 'plan.sub.sustainabilityWho' },
    { field: 'sustainabilityHow', pattern: /^hoe\b|op\s+welke\s+wijze/, labelKey: 'plan.sub.sustainabilityHow' },
  ],
};

/** A sub-question's field when the text is one; null otherwise. */
export function subQuestionField(q: QuestionNo, text: string): PlanField | null {
  const s = text.trim().toLowerCase();
  for (const sub of SUB_QUESTIONS[q] ?? []) if (sub.pattern.test(s)) return sub.field;
  return null;
}

/** The sub-questions the export writes per question, in template order. */
export const EXPORT_SUBS: Partial<Record<QuestionNo, PlanField[]>> = {
  8: ['targetGroups', 'targetGroupNeed', 'plannedParticipants'],
  9: ['lookBackEarlier', 'lookBackAimReached'],
  10: ['resultsGeneral', 'resultsPerSubActivity', 'resultsVsvContribution', 'resultsResponsible', 'measurementMoments', 'indicatorsMonitoring', 'organisationStructure'],
  11: ['sustainabilityHow', 'sustainabilityWho', 'sustainabilityFrom'],
};

export const subLabelKey = (f: PlanField) => `plan.sub.${f}` as MessageKey;
