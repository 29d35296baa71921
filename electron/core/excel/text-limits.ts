/**
 * Text lengths in Excel columns: the same maxima as the forms and the IPC (the contract's zod
 * schemas, `TEXT_MAX` in shared/schemas/fields.ts), so a text that a form refuses is refused in a
 * returned workbook too, with the length and the maximum. Columns whose field has no input schema
 * get the line or long-text maximum; texts Regieboek writes itself (JSON lists, snapshots) may use
 * a whole Excel cell.
 */
import type { z } from 'zod';
import type { ColumnSpec } from './sheets';
import { maxLengthOf, TEXT_MAX } from '../../../shared/schemas/fields';
import { ProgrammeInput } from '../../../shared/schemas/programme';
import { ContactInput, OrganisationInput } from '../../../shared/schemas/partner';
import { ActivityInput, LineInput, MeasureInput, SubActivityInput } from '../../../shared/schemas/tree';
import { AwardInput, BudgetLineInput, RulesUpdate, SpendInput } from '../../../shared/schemas/budget';
import { IndicatorInput, MeasurementInput, RegionFigureInput, TargetRevise } from '../../../shared/schemas/results';
import { ActionInput, AttendeeInput, QuestionEditInput, RoundInput, SaveAnswersInput } from '../../../shared/schemas/monitoring';

/** Excel's own limit for the text in one cell. */
export const EXCEL_MAX_TEXT = 32_767;

/** The input schema(s) whose text limits a record kind or partner section shares. */
const SCHEMAS: Record<string, readonly z.ZodType[]> = {
  programme: [ProgrammeInput],
  organisation: [OrganisationInput],
  contact: [ContactInput],
  programmeLine: [LineInput],
  measure: [MeasureInput],
  activity: [ActivityInput],
  subActivity: [SubActivityInput],
  award: [AwardInput],
  budgetRules: [RulesUpdate],
  budgetLine: [BudgetLineInput],
  spend: [SpendInput],
  indicator: [IndicatorInput],
  target: [TargetRevise],
  measurement: [MeasurementInput],
  regionFigure: [RegionFigureInput],
  question: [QuestionEditInput],
  monitoringRound: [RoundInput],
  monitoringAttendee: [AttendeeInput],
  monitoringAnswer: [SaveAnswersInput],
  monitoringAction: [ActionInput],
};

/** Written by Regieboek itself, never typed by a person: JSON lists and snapshots. */
const MACHINE_TEXT = new Set([
  'questionSetVersion.questions',
  'monitoringInterview.factsSnapshot',
  'indicator.momentDates',
  'indicator.categories',
  'measurement.categories',
  'award.paymentDates',
]);

/** The maximum length of a text column of `kind` (a record kind's name or a section's entity). */
export function textMax(kind: string, column: Pick<ColumnSpec, 'key' | 'type' | 'maxLength'>): number {
  if (MACHINE_TEXT.has(`${kind}.${column.key}`)) return EXCEL_MAX_TEXT;
  for (const s of SCHEMAS[kind] ?? []) {
    const max = maxLengthOf(s, column.key);
    if (max !== undefined) return max;
  }
  return column.maxLength ?? (column.type === 'longText' ? TEXT_MAX.long : TEXT_MAX.line);
}

/** Sets `maxLength` on every text column of a kind's columns (in place; columns are built once). */
export function applyTextLimits(kind: string, columns: readonly ColumnSpec[]): void {
  // Informational columns (names next to ids, timestamps) are never stored, so never refused.
  for (const c of columns) if ((c.type === 'text' || c.type === 'longText') && !c.informational) c.maxLength = textMax(kind, c);
}
