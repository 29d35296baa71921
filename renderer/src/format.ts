import { formatCents } from '../../shared/money';
import { formatDate } from '../../shared/dates';
import { t, type MessageKey } from './i18n';

export { formatCents, formatDate };
export { formatDateTime } from '../../shared/dates';

/** A stored value as a person reads it: money, dates and choices in Dutch. */
export function formatValue(field: string, value: string | number | boolean | null): string {
  if (value === null || value === '') return '—';
  if (field.endsWith('Cents') && typeof value === 'number') return formatCents(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (field === 'status' && typeof value === 'string') {
    const key = `status.${value}` as MessageKey;
    return t(key) === key ? value : t(key);
  }
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (field === 'plusvoorziening' && typeof value === 'number') return value ? 'ja' : 'nee';
  // Lists stored as JSON (target groups, planned participants) read as a sentence.
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const list = JSON.parse(value) as unknown[];
      if (Array.isArray(list))
        return (
          list
            .map((x) => (x && typeof x === 'object' && 'schoolYear' in x && 'count' in x ? `${String(x.schoolYear)}: ${String(x.count)}` : String(x)))
            .join(', ') || '—'
        );
    } catch {
      // not JSON after all: show as typed
    }
  }
  const s = String(value);
  return s.length > 160 ? s.slice(0, 157) + '…' : s;
}
