/** Field builders with Dutch messages; the dispatcher prefixes each message with the field's label. */
import { z } from 'zod';
import './locale';
import { isValidIsoDate } from '../dates';
import { MAX_EURO_DIGITS } from '../money';
import { t } from '../i18n/nl';
import { normaliseLine, normaliseText } from '../text';

export const MAX_CENTS = 10 ** (MAX_EURO_DIGITS + 2) - 1;

export const id = () => z.string({ error: t('val.required') }).min(1, t('val.required')).max(64);

// Text is normalised before it is checked, so pasted Word text keeps its meaning (shared/text.ts).
export const requiredText = (max = 200) =>
  z.string({ error: t('val.notText') }).overwrite(normaliseLine).min(1, t('val.required')).max(max, t('val.tooLong', { max }));

export const optionalText = (max = 200) => z.string({ error: t('val.notText') }).overwrite(normaliseLine).max(max, t('val.tooLong', { max }));

export const longText = (max = 50_000) => z.string({ error: t('val.notText') }).overwrite(normaliseText).max(max, t('val.tooLong', { max }));

export const isoDate = () =>
  z.string({ error: t('val.date') }).refine(isValidIsoDate, { error: t('val.date') });

export const cents = (opts: { allowNegative?: boolean } = {}) => {
  const base = z.number({ error: t('val.cents') }).int(t('val.cents')).max(MAX_CENTS, t('val.tooBig'));
  return opts.allowNegative ? base.min(-MAX_CENTS, t('val.tooBig')) : base.min(0, t('val.notNegative'));
};

export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: t('val.choice') });

export const wholeNumber = () => z.number({ error: t('val.number') }).int(t('val.wholeNumber')).min(0, t('val.notNegative'));
