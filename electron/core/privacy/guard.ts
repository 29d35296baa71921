/**
 * The core's side of the privacy guard (shared/privacy/guard.ts): every tracked write passes
 * guardWrite, so forms and IPC, the CLI, the Excel import and any later import all meet the same
 * check. A BSN, birth date or home address is refused at its field; a text that seems to name a
 * young person is refused until the user confirmed that exact field value.
 */
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Finding } from '../../../shared/privacy/guard';
import { findingMessage, scanField } from '../../../shared/privacy/fields';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import type { FieldIssue, PrivacyConfirm } from '../../../shared/result';
import { UserError } from '../errors';
import { nowIso } from '../clock';

type Db = Kysely<Database> | Transaction<Database>;

export interface FieldFinding {
  field: string;
  value: string;
  finding: Finding;
}

/** The remembered confirmation of one field value: a hash, so the text is not stored twice. */
export function confirmationKey(entity: string, field: string, value: string): string {
  return crypto.createHash('sha256').update(`${entity}\u0000${field}\u0000${value}`).digest('hex');
}

/** Every finding in the text fields of a row (or a patch), the strongest per field first. */
export function rowFindings(entity: string, values: Record<string, unknown>): FieldFinding[] {
  const out: FieldFinding[] = [];
  for (const [field, value] of Object.entries(values)) {
    const found = scanField(entity, field, value);
    found.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'refuse' ? -1 : 1));
    for (const finding of found) out.push({ field, value: value as string, finding });
  }
  return out;
}

/** Which of these keys the user confirmed before. */
export async function confirmedKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.selectFrom('privacyConfirmation').select('key').where('key', 'in', [...new Set(keys)]).execute();
  return new Set(rows.map((r) => r.key));
}

export async function confirm(db: Db, items: PrivacyConfirm[], user: string): Promise<void> {
  const at = nowIso();
  for (const c of items)
    await db
      .insertInto('privacyConfirmation')
      .values({ key: c.key, entity: c.entity, field: c.field, confirmedAt: at, user })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
}

/** One message per field (the first finding), as forms show them next to the fields. */
function perField(list: FieldFinding[]): FieldFinding[] {
  const seen = new Set<string>();
  return list.filter((f) => !seen.has(f.field) && seen.add(f.field));
}

/** What the soft findings of a row need confirmed: those the user has not confirmed yet. */
export async function unconfirmed(db: Db, entity: string, soft: FieldFinding[]): Promise<PrivacyConfirm[]> {
  const items = perField(soft).map((f) => ({ key: confirmationKey(entity, f.field, f.value), entity, field: f.field, message: findingMessage(f.finding) }));
  const done = await confirmedKeys(
    db,
    items.map((i) => i.key),
  );
  return items.filter((i) => !done.has(i.key));
}

/**
 * Refuses a write with data about a young person. `undo`: values coming back from the history are
 * only refused for a BSN, birth date or address (a name was confirmed, or written before the guard).
 */
export async function guardWrite(db: Db, entity: string, values: Record<string, unknown>, opts: { undo?: boolean } = {}): Promise<void> {
  const found = rowFindings(entity, values);
  if (!found.length) return;
  const hard = perField(found.filter((f) => f.finding.severity === 'refuse'));
  if (hard.length) {
    const first = hard[0]!;
    if (opts.undo)
      throw new UserError(
        'user_error',
        t('privacy.undoRefused', { what: t(`privacy.kind.${first.finding.kind}`), masked: first.finding.masked, field: fieldLabel(first.field, entity) }),
      );
    const issues: FieldIssue[] = hard.map((f) => ({ field: f.field, message: findingMessage(f.finding) }));
    throw new UserError('invalid_input', issues.map((i) => `${fieldLabel(i.field, entity)}: ${i.message}`).join(' '), first.field, { issues });
  }
  if (opts.undo) return;
  const ask = await unconfirmed(
    db,
    entity,
    found.filter((f) => f.finding.severity === 'confirm'),
  );
  if (!ask.length) return;
  const issues: FieldIssue[] = ask.map((c) => ({ field: c.field, message: c.message }));
  throw new UserError('privacy_confirm', t('privacy.needsConfirm', { details: ask.map((c) => `${fieldLabel(c.field, entity)}: ${c.message}`).join(' ') }), ask[0]!.field, {
    issues,
    confirm: ask,
  });
}

/**
 * Per field, what the guard holds against these values before they are written: every refusal and
 * every name-like phrase not confirmed before. The Excel dry run rejects a row with these, naming
 * sheet, row and column, so the apply never meets them.
 */
export async function privacyIssues(db: Db, entity: string, values: Record<string, unknown>): Promise<{ field: string; finding: Finding }[]> {
  const found = rowFindings(entity, values);
  if (!found.length) return [];
  const hard = perField(found.filter((f) => f.finding.severity === 'refuse'));
  const soft = perField(found.filter((f) => f.finding.severity === 'confirm' && !hard.some((h) => h.field === f.field)));
  const done = await confirmedKeys(
    db,
    soft.map((f) => confirmationKey(entity, f.field, f.value)),
  );
  return [...hard, ...soft.filter((f) => !done.has(confirmationKey(entity, f.field, f.value)))].map((f) => ({ field: f.field, finding: f.finding }));
}
