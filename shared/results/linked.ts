/**
 * Linked ("waarvan") indicators: "98% van de overstappers in beeld, waarvan 95% met een ingevuld
 * DDD". The part is a percentage of its parent: its denominator is the parent's numerator for the
 * same period (or it is entered as a share directly). Both are entered together and shown together.
 */
import { formatIndicatorValue } from './format';
import { samePeriod, type Period } from './periods';
import type { MeasurementValue, Unit } from './types';
import { effectivePerMoment } from './values';
import { t } from '../i18n/nl';

/**
 * The parent's numerator that a part's denominator is: of the parent's values that count, the one
 * about the same period, measured on the same day, else the latest measured on or before it.
 * Null when the parent has no value with a numerator for that period yet. A parent value of that
 * same day entered without a numerator (a percentage only) also gives null: the part's count is
 * about that day's parent count, never an older one (tested in results-rules.test.ts).
 */
export function parentNumerator(parent: readonly MeasurementValue[], period: Pick<Period, 'start' | 'end'>, date: string): number | null {
  const counted = effectivePerMoment(parent.filter((m) => m.date <= date && samePeriod(m.period, period))).map((e) => e.current);
  const sameDay = counted.filter((m) => m.date === date);
  const pick = (sameDay.length ? sameDay : counted).filter((m) => m.numerator !== null);
  return pick.length ? pick[pick.length - 1]!.numerator : null;
}

interface Part {
  unit: Unit;
  freeUnit: string;
  name: string;
  phrase: string;
}

/** "98% in beeld, waarvan 95% met een ingevuld DDD"; a missing figure reads "—". */
export function linkedSentence(parent: Part & { value: number | null }, parts: readonly (Part & { value: number | null })[]): string {
  const one = (x: Part & { value: number | null }) => `${formatIndicatorValue(x.unit, x.value, x.freeUnit)} ${x.phrase || x.name}`;
  return [one(parent), ...parts.map((p) => `${t('results.waarvan')} ${one(p)}`)].join(', ');
}
