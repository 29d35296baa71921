/**
 * Actions and agreements from monitoring interviews ("Actie/Afspraak", "Door"): validation, overdue
 * detection, and carry-over of open actions to the next round's agenda. Pure functions on plain
 * data; the store and the screens use the same rules.
 */
import { fieldLabel, t } from '../i18n/nl';

export const ACTION_STATUSES = ['open', 'loopt', 'afgerond', 'vervallen'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Open and running actions still need follow-up. */
export const isOpenStatus = (s: ActionStatus) => s === 'open' || s === 'loopt';

export interface ActionLike {
  id: string;
  roundId: string;
  status: ActionStatus;
  deadline: string | null;
  /** When it was set to afgerond or vervallen (ISO date or timestamp); null while open. */
  closedAt: string | null;
}

export interface RoundLike {
  id: string;
  /** The round's (first) date, ISO. */
  date: string;
}

/** A deadline before today while the action is not done or dropped. Dates are ISO yyyy-mm-dd. */
export function isOverdue(a: Pick<ActionLike, 'status' | 'deadline'>, today: string): boolean {
  return !!a.deadline && isOpenStatus(a.status) && a.deadline < today.slice(0, 10);
}

/** A deadline before the round it was agreed in is probably a typing error: flagged, not refused. */
export function deadlineBeforeRound(deadline: string | null, roundDate: string | null): boolean {
  return !!deadline && !!roundDate && deadline < roundDate.slice(0, 10);
}

export interface ActionDraft {
  text: string;
  ownerName: string;
  ownerOrganisationId: string | null;
  deadline: string | null;
}

export interface ActionProblem {
  field: 'text' | 'ownerName' | 'deadline';
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Text and an owner (a person, an organisation or both) are required; a deadline before the
 * round's date is a warning.
 */
export function checkAction(a: ActionDraft, roundDate: string | null): ActionProblem[] {
  const out: ActionProblem[] = [];
  if (!a.text.trim()) out.push({ field: 'text', severity: 'error', message: `${fieldLabel('text')}: ${t('mon.err.actionText')}` });
  if (!a.ownerName.trim() && !a.ownerOrganisationId)
    out.push({ field: 'ownerName', severity: 'error', message: `${fieldLabel('ownerName')}: ${t('mon.err.actionOwner')}` });
  if (deadlineBeforeRound(a.deadline, roundDate))
    out.push({ field: 'deadline', severity: 'warning', message: `${fieldLabel('deadline')}: ${t('mon.warn.deadlineBeforeRound')}` });
  return out;
}

/**
 * Whether an action was still open on a date: open now, or closed only after that date.
 * Used to rebuild the agenda of a round as it was.
 */
export function wasOpenOn(a: ActionLike, date: string): boolean {
  if (isOpenStatus(a.status)) return true;
  return !!a.closedAt && a.closedAt.slice(0, 10) > date.slice(0, 10);
}

/**
 * The actions a round's agenda carries over: those agreed in earlier rounds (by date) that were
 * still open on this round's date. Today that is exactly every open action from earlier rounds;
 * for a past round it also shows what was closed afterwards. Optionally limited to the actions of
 * some measures (those in scope), with measureOf giving an action's measure.
 */
export function carriedOver<A extends ActionLike>(actions: A[], rounds: RoundLike[], round: RoundLike): A[] {
  const dateOf = new Map(rounds.map((r) => [r.id, r.date]));
  return actions.filter((a) => {
    if (a.roundId === round.id) return false;
    const d = dateOf.get(a.roundId);
    if (!d || d >= round.date) return false;
    return wasOpenOn(a, round.date);
  });
}

/** Next date-ordered round after this one (the one whose agenda gets this round's open actions). */
export function nextRound<R extends RoundLike>(rounds: R[], round: RoundLike): R | undefined {
  return rounds.filter((r) => r.date > round.date).sort((a, b) => a.date.localeCompare(b.date))[0];
}

export interface ActionFilter {
  owner?: string;
  status?: ActionStatus | 'overdue' | 'openOrRunning';
  measureId?: string;
}

/** The overview's filters: owner matches person or organisation name, case-insensitively. */
export function filterActions<A extends ActionLike & { ownerName: string; ownerOrganisationName: string | null; measureId: string }>(
  actions: A[],
  f: ActionFilter,
  today: string,
): A[] {
  const owner = f.owner?.trim().toLowerCase();
  return actions.filter((a) => {
    if (owner && !`${a.ownerName} ${a.ownerOrganisationName ?? ''}`.toLowerCase().includes(owner)) return false;
    if (f.measureId && a.measureId !== f.measureId) return false;
    if (f.status === 'overdue') return isOverdue(a, today);
    if (f.status === 'openOrRunning') return isOpenStatus(a.status);
    if (f.status && a.status !== f.status) return false;
    return true;
  });
}
