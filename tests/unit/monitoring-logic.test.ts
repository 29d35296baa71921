import { describe, expect, it } from 'vitest';
import {
  activeQuestions,
  applyQuestionEdit,
  archivedQuestions,
  defaultQuestionSet,
  freezeQuestion,
  isReworded,
  QuestionSetError,
  STANDARD_QUESTIONS,
} from '../../shared/monitoring/questions';
import { carriedOver, checkAction, deadlineBeforeRound, filterActions, isOverdue, nextRound, wasOpenOn, type ActionLike } from '../../shared/monitoring/actions';

describe('question sets', () => {
  it('ships the 12 standard questions, with facts inline at 6 and 8', () => {
    const set = defaultQuestionSet();
    expect(set.version).toBe(0);
    expect(activeQuestions(set)).toHaveLength(12);
    expect(activeQuestions(set)[0]!.text).toBe('Bent u tevreden over de voortgang van het project?');
    expect(activeQuestions(set).filter((q) => q.facts).map((q) => q.position)).toEqual([6, 8]);
    expect(STANDARD_QUESTIONS[11]!.text).toMatch(/andere aspecten/);
  });

  it('a rewording makes a new question version; the frozen answer keeps the old text', () => {
    const v0 = defaultQuestionSet();
    const frozen = freezeQuestion(activeQuestions(v0)[2]!);
    const v1 = applyQuestionEdit(v0, { kind: 'reword', id: 'q03', text: '  Wat  kan beter, en hoe?  ' });
    expect(v1.version).toBe(1);
    const q3 = v1.questions.find((q) => q.id === 'q03')!;
    expect(q3).toMatchObject({ text: 'Wat kan beter, en hoe?', version: 2 });
    expect(frozen).toMatchObject({ questionText: 'Wat kan beter?', questionVersion: 1 });
    expect(isReworded(v1, frozen)).toBe(true);
    expect(isReworded(v0, frozen)).toBe(false);
    // The earlier version object is untouched.
    expect(v0.questions.find((q) => q.id === 'q03')!.text).toBe('Wat kan beter?');
    // The same wording again is no new version.
    expect(applyQuestionEdit(v1, { kind: 'reword', id: 'q03', text: 'Wat kan beter, en hoe?' })).toBe(v1);
  });

  it('adds, reorders, retires (archived, not deleted) and reinstates', () => {
    let s = defaultQuestionSet();
    s = applyQuestionEdit(s, { kind: 'add', id: 'x1', text: 'Hoe gaat het met de borging?', position: 2 });
    expect(activeQuestions(s).map((q) => q.id).slice(0, 3)).toEqual(['q01', 'x1', 'q02']);
    expect(activeQuestions(s).map((q) => q.position)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    s = applyQuestionEdit(s, { kind: 'retire', id: 'q07' });
    expect(activeQuestions(s)).toHaveLength(12);
    expect(archivedQuestions(s).map((q) => q.id)).toEqual(['q07']);
    expect(s.questions).toHaveLength(13);
    const ids = activeQuestions(s).map((q) => q.id).reverse();
    s = applyQuestionEdit(s, { kind: 'reorder', ids });
    expect(activeQuestions(s)[0]!.id).toBe('q12');
    s = applyQuestionEdit(s, { kind: 'reinstate', id: 'q07' });
    expect(activeQuestions(s).at(-1)!.id).toBe('q07');
    expect(s.version).toBe(4);
  });

  it('refuses empty text, unknown questions and incomplete orders', () => {
    const s = defaultQuestionSet();
    expect(() => applyQuestionEdit(s, { kind: 'add', id: 'n', text: '   ' })).toThrow(QuestionSetError);
    expect(() => applyQuestionEdit(s, { kind: 'reword', id: 'nope', text: 'x' })).toThrow(/bestaat niet/);
    expect(() => applyQuestionEdit(s, { kind: 'reorder', ids: ['q01'] })).toThrow(/precies één keer/);
    expect(() => applyQuestionEdit(s, { kind: 'add', id: 'q01', text: 'dubbel' })).toThrow(/bestaat al/);
  });
});

const action = (over: Partial<ActionLike> & { id: string; roundId: string }): ActionLike => ({ status: 'open', deadline: null, closedAt: null, ...over });

describe('actions', () => {
  const rounds = [
    { id: 'r1', date: '2025-06-12' },
    { id: 'r2', date: '2025-12-04' },
    { id: 'r3', date: '2026-06-18' },
  ];

  it('carries open and running actions of earlier rounds to the next agenda, not closed ones', () => {
    const actions = [
      action({ id: 'a', roundId: 'r1', status: 'open' }),
      action({ id: 'b', roundId: 'r1', status: 'loopt' }),
      action({ id: 'c', roundId: 'r1', status: 'afgerond', closedAt: '2025-09-01' }),
      action({ id: 'd', roundId: 'r1', status: 'vervallen', closedAt: '2025-07-01' }),
      action({ id: 'e', roundId: 'r2', status: 'open' }),
      action({ id: 'f', roundId: 'r3', status: 'open' }),
    ];
    expect(carriedOver(actions, rounds, rounds[2]!).map((a) => a.id)).toEqual(['a', 'b', 'e']);
    expect(carriedOver(actions, rounds, rounds[0]!)).toEqual([]);
  });

  it('rebuilds a past agenda: an action closed after that round was still on it', () => {
    const actions = [
      action({ id: 'a', roundId: 'r1', status: 'afgerond', closedAt: '2026-01-15' }),
      action({ id: 'b', roundId: 'r1', status: 'afgerond', closedAt: '2025-11-01' }),
    ];
    expect(carriedOver(actions, rounds, rounds[1]!).map((a) => a.id)).toEqual(['a']);
    expect(carriedOver(actions, rounds, rounds[2]!)).toEqual([]);
  });

  it('marking a carried-over action done takes it off the next agenda', () => {
    const a = action({ id: 'a', roundId: 'r2', status: 'open' });
    expect(carriedOver([a], rounds, nextRound(rounds, rounds[1]!)!)).toHaveLength(1);
    const done = { ...a, status: 'afgerond' as const, closedAt: '2026-07-01' };
    // Closed after r3's date, so r3's agenda (as it was) still shows it; a later round would not.
    expect(carriedOver([done], rounds, rounds[2]!)).toHaveLength(1);
    expect(carriedOver([done], [...rounds, { id: 'r4', date: '2026-12-01' }], { id: 'r4', date: '2026-12-01' })).toHaveLength(0);
  });

  it('is overdue when the deadline has passed and it is not done or dropped', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-01-31' }, '2026-02-01')).toBe(true);
    expect(isOverdue({ status: 'loopt', deadline: '2026-01-31' }, '2026-02-01T09:00:00Z')).toBe(true);
    expect(isOverdue({ status: 'open', deadline: '2026-02-01' }, '2026-02-01')).toBe(false);
    expect(isOverdue({ status: 'afgerond', deadline: '2026-01-31' }, '2026-02-01')).toBe(false);
    expect(isOverdue({ status: 'vervallen', deadline: '2026-01-31' }, '2026-02-01')).toBe(false);
    expect(isOverdue({ status: 'open', deadline: null }, '2026-02-01')).toBe(false);
  });

  it('requires text and an owner; flags a deadline before the round date', () => {
    const ok = { text: 'Overleg plannen', ownerName: 'Projectleider', ownerOrganisationId: null, deadline: '2026-09-01' };
    expect(checkAction(ok, '2026-06-18')).toEqual([]);
    expect(checkAction({ ...ok, ownerName: '', ownerOrganisationId: 'org' }, '2026-06-18')).toEqual([]);
    const bad = checkAction({ ...ok, text: ' ', ownerName: '' }, '2026-06-18');
    expect(bad.map((p) => [p.field, p.severity])).toEqual([
      ['text', 'error'],
      ['ownerName', 'error'],
    ]);
    expect(bad[0]!.message).toMatch(/^Actie\/Afspraak: /);
    const warn = checkAction({ ...ok, deadline: '2026-06-01' }, '2026-06-18');
    expect(warn).toMatchObject([{ field: 'deadline', severity: 'warning' }]);
    expect(deadlineBeforeRound('2026-06-18', '2026-06-18')).toBe(false);
  });

  it('filters by owner (person or organisation), status and measure', () => {
    const list = [
      { ...action({ id: 'a', roundId: 'r1', deadline: '2025-01-01' }), ownerName: 'Fenna Wouters', ownerOrganisationName: 'ROC Voorbeeld', measureId: 'm1' },
      { ...action({ id: 'b', roundId: 'r1', status: 'afgerond' }), ownerName: '', ownerOrganisationName: 'Gemeente Voorbeeld', measureId: 'm2' },
    ];
    const today = '2026-01-01';
    expect(filterActions(list, { owner: 'roc' }, today).map((a) => a.id)).toEqual(['a']);
    expect(filterActions(list, { owner: 'gemeente' }, today).map((a) => a.id)).toEqual(['b']);
    expect(filterActions(list, { status: 'overdue' }, today).map((a) => a.id)).toEqual(['a']);
    expect(filterActions(list, { status: 'afgerond' }, today).map((a) => a.id)).toEqual(['b']);
    expect(filterActions(list, { measureId: 'm2' }, today).map((a) => a.id)).toEqual(['b']);
  });

  it('the edges: days, not moments; same-day rounds; unordered rounds; exact messages', () => {
    // A moment on the deadline's day is not past it.
    expect(isOverdue({ status: 'open', deadline: '2026-02-01' }, '2026-02-01T09:00:00Z')).toBe(false);
    expect(deadlineBeforeRound('2026-06-18', '2026-06-18T10:00:00Z')).toBe(false);
    expect(deadlineBeforeRound('2026-06-01', null)).toBe(false);
    expect(deadlineBeforeRound(null, '2026-06-18')).toBe(false);
    // Closed on the round's day (at any time): no longer open on it.
    expect(wasOpenOn(action({ id: 'x', roundId: 'r1', status: 'afgerond', closedAt: '2025-12-04T15:00:00Z' }), '2025-12-04')).toBe(false);
    expect(wasOpenOn(action({ id: 'x', roundId: 'r1', status: 'afgerond', closedAt: '2025-12-05T08:00:00Z' }), '2025-12-04')).toBe(true);
    // An action of another round on the same day is not carried over to it.
    const sameDay = [...rounds, { id: 'r2b', date: '2025-12-04' }];
    expect(carriedOver([action({ id: 'a', roundId: 'r2b' })], sameDay, rounds[1]!)).toEqual([]);
    // The next round by date, whatever the order of the list.
    expect(nextRound([rounds[2]!, rounds[0]!, rounds[1]!], rounds[0]!)?.id).toBe('r2');
    expect(nextRound(rounds, rounds[2]!)).toBeUndefined();
    const ok = { text: 'Overleg plannen', ownerName: 'Projectleider', ownerOrganisationId: null, deadline: '2026-09-01' };
    expect(checkAction({ ...ok, text: '', ownerName: '  ', deadline: '2026-06-01' }, '2026-06-18')).toEqual([
      { field: 'text', severity: 'error', message: 'Actie/Afspraak: vul de actie of afspraak in.' },
      { field: 'ownerName', severity: 'error', message: 'Door: vul in wie de actie uitvoert (een persoon, een organisatie of beide).' },
      { field: 'deadline', severity: 'warning', message: 'Deadline: de deadline ligt vóór de datum van het monitoringgesprek.' },
    ]);
  });

  it('filters open and running actions together', () => {
    const list = [
      { ...action({ id: 'a', roundId: 'r1', status: 'open' }), ownerName: 'Fenna Wouters', ownerOrganisationName: null, measureId: 'm1' },
      { ...action({ id: 'b', roundId: 'r1', status: 'loopt' }), ownerName: 'Sem', ownerOrganisationName: null, measureId: 'm1' },
      { ...action({ id: 'c', roundId: 'r1', status: 'afgerond' }), ownerName: 'Sem', ownerOrganisationName: null, measureId: 'm1' },
    ];
    expect(filterActions(list, { status: 'openOrRunning' }, '2026-01-01').map((a) => a.id)).toEqual(['a', 'b']);
    expect(filterActions(list, { owner: ' WOUTERS ' }, '2026-01-01').map((a) => a.id)).toEqual(['a']);
  });
});
