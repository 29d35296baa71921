/**
 * Which stored fields the privacy guard reads, and how. One list for the core's write check, the
 * Excel import, the Privacycontrole scan and the forms' early warning.
 */
import { fieldLabel, t, type MessageKey } from '../i18n/nl';
import { scanText, type Finding, type ScanOptions } from './guard';

/** Fields about professionals: their own names and addresses are fine, so only BSN and birth dates are looked for. */
export const PROFESSIONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  contact: ['name', 'function', 'email', 'phone'],
  monitoringAttendee: ['name', 'organisationName', 'function'],
  monitoringAction: ['ownerName'],
};

const STRUCTURAL = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'deletedIn', 'submittedAt', 'closedAt']);

/** Ids, references and time stamps are never read; every other text field is. */
export function isScannedField(field: string): boolean {
  return !STRUCTURAL.has(field) && !/Ids?$/.test(field);
}

/**
 * A value that can hold text someone typed (not a stored choice such as "lopend", a date, a number
 * or a reference): what "Uit de geschiedenis wissen" is offered for next to an old value.
 */
export function isTypedText(field: string, value: unknown): boolean {
  if (typeof value !== 'string' || !isScannedField(field)) return false;
  const s = value.trim();
  return s !== '' && s !== '[gewist]' && !/^[a-z_]+$/.test(s) && !/^\d{4}-\d{2}-\d{2}/.test(s) && !/^-?[\d.,]+$/.test(s);
}

export function scanOptions(entity: string, field: string): ScanOptions {
  return { professional: PROFESSIONAL_FIELDS[entity]?.includes(field) ?? false };
}

/** The guard's findings in one stored value (text, or a JSON list of texts as stored). */
export function scanField(entity: string, field: string, value: unknown): Finding[] {
  if (typeof value !== 'string' || !isScannedField(field)) return [];
  return scanText(value, scanOptions(entity, field));
}

/** "hier staat een BSN (…333). Regieboek bewaart …": the message at the field, without the field's name. */
export function findingMessage(f: Finding): string {
  const what = t(`privacy.kind.${f.kind}` as MessageKey);
  return t(f.severity === 'refuse' ? 'privacy.refused' : 'privacy.askConfirm', { what, masked: f.masked });
}

/** The message with the field's name in front, as the core and the imports report it. */
export function fieldFindingMessage(field: string, f: Finding, scope?: string): string {
  return `${fieldLabel(field, scope)}: ${findingMessage(f)}`;
}
