import type { Period } from '../../shared/results/periods';
import type { MeasurementValue } from '../../shared/results/types';

/**
 * A maker of measurement values for the pure result-rule tests: the period given here unless the
 * test says otherwise, definitive, recorded at noon of its date, ids `<prefix>1`, `<prefix>2`, ….
 */
export function measurementValues(period: Period, prefix: string) {
  let seq = 0;
  return (over: Partial<MeasurementValue> & Pick<MeasurementValue, 'date'>): MeasurementValue => ({
    id: `${prefix}${++seq}`,
    period: { ...period },
    value: null,
    numerator: null,
    denominator: null,
    categories: null,
    status: 'definitief',
    recordedAt: `${over.date}T12:00:00.000Z`,
    ...over,
  });
}
