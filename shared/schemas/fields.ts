/** Field builders with Dutch messages; the dispatcher prefixes each message with the field's label. */
import { z } from 'zod';
import './locale';
import { dateInputProblem, isValidIsoDate } from '../dates';
import { MAX_EURO_DIGITS } from '../money';
import { t } from '../i18n/nl';
import { normaliseLine, normaliseText } from '../text';

export const MAX_CENTS = 10 ** (MAX_EURO_DIGITS + 2) - 1;

export const id = () => z.string({ error: t('val.required') }).min(1, t('val.required')).max(64);

/**
 * The longest texts Regieboek stores, the same at every boundary (form, IPC, CLI, Excel, plan
 * import): a line of text (names, titles) and a long text (descriptions, answers). Both
 * stay far below Excel's 32,767 characters per cell, so every export fits. A field may have a
 * smaller maximum of its own (a code, a phone number); none has a larger one.
 */
export const TEXT_MAX = { line: 200, long: 20_000 } as const;

/** "te lang (40.600 tekens); hooguit 20.000 tekens.": the length found and the maximum. */
export const tooLong = (max: number) => ({
  error: (issue: { input?: unknown }) =>
    t('val.tooLong', { max: max.toLocaleString('nl-NL'), length: String(typeof issue.input === 'string' ? issue.input.length.toLocaleString('nl-NL') : '?') }),
});

// Text is normalised before it is checked, so pasted Word text keeps its meaning (shared/text.ts).
export const requiredText = (max: number = TEXT_MAX.line) =>
  z.string({ error: t('val.notText') }).overwrite(normaliseLine).min(1, t('val.required')).max(max, tooLong(max));

export const optionalText = (max: number = TEXT_MAX.line) => z.string({ error: t('val.notText') }).overwrite(normaliseLine).max(max, tooLong(max));

export const longText = (max: number = TEXT_MAX.long) => z.string({ error: t('val.notText') }).overwrite(normaliseText).max(max, tooLong(max));

// A well-formed date that does not exist ("2017-02-31") is told so, not called badly written.
export const isoDate = () =>
  z.string({ error: t('val.date') }).refine(isValidIsoDate, { error: (issue) => (typeof issue.input === 'string' ? (dateInputProblem(issue.input) ?? t('val.date')) : t('val.date')) });

export const cents = (opts: { allowNegative?: boolean } = {}) => {
  const base = z.number({ error: t('val.cents') }).int(t('val.cents')).max(MAX_CENTS, t('val.tooBig'));
  return opts.allowNegative ? base.min(-MAX_CENTS, t('val.tooBig')) : base.min(0, t('val.notNegative'));
};

export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: t('val.choice') });

export const wholeNumber = () => z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(0, t('val.notNegative'));

/**
 * The maximum length a schema allows for the text field `key` (searched through nested objects,
 * lists and wrappers), so other boundaries such as Excel columns check the same limit.
 */
export function maxLengthOf(schema: z.ZodType, key: string): number | undefined {
  const seen = new Set<unknown>();
  const find = (s: z.ZodType, field: string | null): number | undefined => {
    if (!s || seen.has(s)) return undefined;
    seen.add(s);
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    switch (def.type) {
      case 'string':
        return field === key ? ((s as z.ZodString).maxLength ?? undefined) : undefined;
      case 'object':
        for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          const hit = find(v, k);
          if (hit !== undefined) return hit;
        }
        return undefined;
      case 'array':
        // A list's items have their own limit, not the list's cell (uitvoerders, one id per line).
        return find(def.element as z.ZodType, null);
      case 'pipe':
        return find(def.in as z.ZodType, field);
      case 'union':
        for (const o of def.options as z.ZodType[]) {
          const hit = find(o, field);
          if (hit !== undefined) return hit;
        }
        return undefined;
      default:
        return 'innerType' in def ? find(def.innerType as z.ZodType, field) : undefined;
    }
  };
  return find(schema, null);
}

/**
 * The version of the record a form or list was loaded with (issue 10). Every update and delete
 * carries it; the core refuses the write when the record changed since (someone else saved first).
 */
export const rowVersion = () => z.number({ error: t('val.rowVersion') }).int(t('val.rowVersion')).min(0, t('val.rowVersion'));
/** Output side: what the screen sends back with its update or delete. */
export const storedVersion = () => z.number().int();
/** Input of a delete: which record, and the version the user saw. */
export const byIdVersion = () => z.strictObject({ id: id(), rowVersion: rowVersion() });
