/** A symbol per result status, so the status never depends on colour alone (screens, Excel, print). */
import type { ResultStatus } from './types';

export const STATUS_ICON: Record<ResultStatus, string> = {
  behaald: '✔',
  op_koers: '➜',
  aandacht: '⚠',
  achter: '✖',
  geen_gegevens: '○',
};

/** Worst first; "geen gegevens" only counts when no indicator has a status of its own. */
const SEVERITY: ResultStatus[] = ['achter', 'aandacht', 'op_koers', 'behaald', 'geen_gegevens'];

/** A measure's status: the worst status of its indicators (indicators without data are skipped). */
export function worstStatus(statuses: Iterable<ResultStatus>): ResultStatus {
  let best = SEVERITY.length - 1;
  for (const s of statuses) best = Math.min(best, SEVERITY.indexOf(s));
  return SEVERITY[best]!;
}
