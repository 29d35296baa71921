/**
 * A stored value as a person reads it: money as € 1.234,56, dates as dd-mm-jjjj, codes as their
 * Dutch label, yes/no, lists as a sentence. One function for the history, conflict messages and
 * screens, so a value reads the same everywhere. Names for ids are looked up by the core
 * (electron/core/history/display.ts), which has the database.
 */
import { formatCents } from './money';
import { formatDate, formatDateTime } from './dates';
import { t, type MessageKey } from './i18n/nl';

/** Columns holding a code from a fixed list, and the catalogue prefix of its labels (per entity where it differs). */
const CODE_LISTS: Record<string, string | Record<string, string>> = {
  status: { measurement: 'measurementStatus', monitoringInterview: 'mon.status', '*': 'status' },
  kind: { budgetLine: 'costKind', spend: 'spendKind', target: 'targetKind' },
  type: { organisation: 'orgType' },
  stream: 'source',
  fundingSource: 'source',
  category: 'category',
  unit: 'unit',
  direction: 'direction',
  aggregation: 'aggregation',
  momentKind: 'momentKind',
  onderwijssoort: 'onderwijssoort',
};

/** Columns stored as 0/1. */
const FLAGS = new Set(['plusvoorziening', 'management', 'inKind', 'active']);

function codeLabel(field: string, value: string, entity?: string): string | undefined {
  const list = CODE_LISTS[field];
  if (!list) return undefined;
  const prefix = typeof list === 'string' ? list : (list[entity ?? ''] ?? list['*']);
  if (!prefix) return undefined;
  const key = `${prefix}.${value}` as MessageKey;
  const s = t(key);
  return s === key ? undefined : s;
}

/** The full text of a value as a person reads it (the caller shortens long texts). */
export function formatValue(field: string, value: unknown, entity?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('ui.yes') : t('ui.no');
  if (FLAGS.has(field) && (value === 0 || value === 1)) return value ? t('ui.yes') : t('ui.no');
  if (typeof value === 'number') {
    if (field.endsWith('Cents')) return formatCents(value);
    return value.toLocaleString('nl-NL', { maximumFractionDigits: 4 });
  }
  if (typeof value !== 'string') return String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
  const code = codeLabel(field, value, entity);
  if (code) return code;
  // Lists stored as JSON (target groups, planned participants, payment dates) read as a sentence.
  if (value.startsWith('[')) {
    try {
      const list = JSON.parse(value) as unknown[];
      if (Array.isArray(list)) {
        // A list of records (a question list as it was): how many, never their JSON.
        if (list.some((x) => x && typeof x === 'object' && !('schoolYear' in x && 'count' in x) && !('name' in x && 'count' in x)))
          return list.length === 0 ? '—' : t('display.items', { n: list.length.toLocaleString('nl-NL') });
        return (
          list
            .map((x) =>
              x && typeof x === 'object' && 'schoolYear' in x && 'count' in x
                ? `${String(x.schoolYear)}: ${String(x.count)}`
                : x && typeof x === 'object' && 'name' in x && 'count' in x
                  ? `${String(x.name)}: ${String(x.count)}`
                  : typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x)
                    ? formatDate(x)
                    : String(x),
            )
            .join(', ') || '—'
        );
      }
    } catch {
      // not JSON after all: show as typed
    }
  }
  // A record stored as JSON (the facts frozen at a submission, a column mapping): a summary.
  if (value.startsWith('{')) {
    try {
      const o = JSON.parse(value) as unknown;
      if (o && typeof o === 'object' && !Array.isArray(o)) return summariseObject(o as Record<string, unknown>);
    } catch {
      // not JSON after all: show as typed
    }
  }
  return value;
}

const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** What a JSON record holds, in a sentence: the frozen facts of an input, or how many details. */
function summariseObject(o: Record<string, unknown>): string {
  if (typeof o.asOf === 'string' && 'results' in o && 'budget' in o) {
    const results = o.results as { items?: unknown } | null;
    const budget = o.budget as { years?: { budgetedCents?: unknown; year?: unknown }[] } | null;
    const years = Array.isArray(budget?.years) ? budget.years : [];
    const budgeted = years.reduce((sum, y) => sum + (typeof y.budgetedCents === 'number' ? y.budgetedCents : 0), 0);
    const parts = [
      t('display.facts.results', { n: count(results?.items) }),
      years.length ? t('display.facts.budget', { amount: formatCents(budgeted), years: years.length > 1 ? `${String(years[0]!.year)}–${String(years[years.length - 1]!.year)}` : String(years[0]!.year) }) : t('display.facts.noBudget'),
      t('display.facts.actions', { n: count(o.openActions) }),
    ];
    return t('display.facts', { date: /^\d{4}-\d{2}-\d{2}$/.test(o.asOf) ? formatDate(o.asOf) : o.asOf, parts: parts.join(', ') });
  }
  const n = Object.values(o).filter((v) => v !== null && v !== undefined && v !== '').length;
  return n === 0 ? '—' : t('display.details', { n: n.toLocaleString('nl-NL') });
}

/** Long texts are shortened in lists; the full text stays one click away. */
export function shorten(s: string, max = 160): string {
  return s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s;
}
