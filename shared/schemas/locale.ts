/**
 * Dutch at every boundary: zod's own Dutch locale is the base for every schema message, and where
 * it speaks the programmer's language ("verwacht object, ontving string", "<=64 tekens") the
 * project's own message says it in the user's words. Messages a schema sets itself (fields.ts) win
 * over both. Imported once by fields.ts and contract.ts, so it runs before any schema is used.
 */
import { z } from 'zod';
import { t, type MessageKey } from '../i18n/nl';

/** What a person calls the kind of value that was sent or expected. */
const KIND: Record<string, MessageKey> = {
  string: 'val.kind.text',
  number: 'val.kind.number',
  int: 'val.kind.wholeNumber',
  bigint: 'val.kind.wholeNumber',
  boolean: 'val.kind.yesNo',
  array: 'val.kind.list',
  object: 'val.kind.object',
  null: 'val.kind.empty',
  undefined: 'val.kind.nothing',
  date: 'val.kind.date',
  nan: 'val.kind.number',
};

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
}

const kind = (k: string) => (KIND[k] ? t(KIND[k]) : t('val.kind.other'));

/** "dit veld is onbekend; laat het weg. (bsn)": the names as sent, a few and not too long. */
export function unknownFields(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => (k.length > 40 ? k.slice(0, 39) + '…' : k));
  return t('val.unknownField') + ` (${shown.join(', ')}${keys.length > 5 ? ', …' : ''})`;
}

/** The project's wording for the issues zod's locale words technically; undefined leaves zod's Dutch. */
export function projectMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t('val.required');
      return t('val.wrongKind', { expected: kind(String(issue.expected)), found: kind(kindOf(issue.input)) });
    case 'too_big': {
      const max = Number(issue.maximum);
      // The length found and the maximum, as fields.ts's own limits say it ("te lang (300 tekens); hooguit 255 tekens.").
      if (issue.origin === 'string')
        return t('val.tooLong', { max: max.toLocaleString('nl-NL'), length: typeof issue.input === 'string' ? issue.input.length.toLocaleString('nl-NL') : '?' });
      if (issue.origin === 'array' || issue.origin === 'set') return t('val.tooMany', { max: max.toLocaleString('nl-NL') });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return t(issue.inclusive ? 'val.atMost' : 'val.below', { max: max.toLocaleString('nl-NL') });
      return undefined;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('val.required') : t('val.tooShort', { min: min.toLocaleString('nl-NL') });
      if (issue.origin === 'array' || issue.origin === 'set') return t('val.tooFew', { min });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return t(issue.inclusive ? 'val.atLeast' : 'val.above', { min: min.toLocaleString('nl-NL') });
      return undefined;
    }
    case 'invalid_value':
      return t('val.choice');
    case 'invalid_format':
      return t('val.format');
    case 'unrecognized_keys':
      return unknownFields(issue.keys);
    case 'invalid_union':
      return t('val.invalid');
    default:
      return undefined;
  }
}

z.config(z.locales.nl());
z.config({ customError: (issue) => projectMessage(issue) });
