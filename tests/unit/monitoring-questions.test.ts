// Editing the question list of the monitoring interview (shared/monitoring/questions.ts) on a small
// hand-written set: where a new question goes, what a reorder accepts, what retiring and
// reinstating do to the places, and the messages of each refusal. Also run by npm run mutation.
import { describe, expect, it } from 'vitest';
import { activeQuestions, applyQuestionEdit, archivedQuestions, freezeQuestion, isReworded, QuestionSetError, type Question, type QuestionSet } from '../../shared/monitoring/questions';

const q = (id: string, text: string, position: number, over: Partial<Question> = {}): Question => ({ id, text, position, version: 1, facts: null, retired: false, ...over });
// Stored out of order on purpose: the lists come out by place.
const SET: QuestionSet = {
  version: 5,
  questions: [q('b', 'Twee', 2), q('x', 'Oud', 2, { version: 3, facts: 'reach', retired: true }), q('a', 'Een', 1, { facts: 'budget' }), q('c', 'Drie', 3), q('y', 'Ouder', 1, { retired: true })],
};
const ids = (qs: Question[]) => qs.map((x) => `${x.id}${x.position}${x.retired ? 'r' : ''}`);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof QuestionSetError)) throw e;
    return [e.reason, e.message];
  }
  throw new Error('not refused');
};

describe('the question list', () => {
  it('active questions and the archive, each in order of place', () => {
    expect(ids(activeQuestions(SET))).toEqual(['a1', 'b2', 'c3']);
    expect(ids(archivedQuestions(SET))).toEqual(['y1r', 'x2r']);
  });

  it('a new question goes at the place asked (first or last at most), else at the end', () => {
    const at2 = applyQuestionEdit(SET, { kind: 'add', id: 'n', text: '  Nieuw   ding ', facts: 'reach', position: 2 });
    expect(at2.version).toBe(6);
    expect(ids(at2.questions)).toEqual(['a1', 'n2', 'b3', 'c4', 'y1r', 'x2r']);
    expect(at2.questions[1]).toEqual({ id: 'n', text: 'Nieuw ding', position: 2, version: 1, facts: 'reach', retired: false });
    expect(ids(applyQuestionEdit(SET, { kind: 'add', id: 'n', text: 'N' }).questions)).toEqual(['a1', 'b2', 'c3', 'n4', 'y1r', 'x2r']);
    expect(applyQuestionEdit(SET, { kind: 'add', id: 'n', text: 'N' }).questions[3]!.facts).toBeNull();
    expect(ids(applyQuestionEdit(SET, { kind: 'add', id: 'n', text: 'N', position: 0 }).questions).slice(0, 4)).toEqual(['n1', 'a2', 'b3', 'c4']);
    expect(ids(applyQuestionEdit(SET, { kind: 'add', id: 'n', text: 'N', position: 4 }).questions).slice(0, 4)).toEqual(['a1', 'b2', 'c3', 'n4']);
    expect(ids(applyQuestionEdit(SET, { kind: 'add', id: 'n', text: 'N', position: 99 }).questions).slice(0, 4)).toEqual(['a1', 'b2', 'c3', 'n4']);
    // The set edited is never changed itself.
    expect(ids(SET.questions)).toEqual(['b2', 'x2r', 'a1', 'c3', 'y1r']);
  });

  it('refuses an empty text, an id that exists (also a retired one) and an unknown question, in a sentence', () => {
    expect(refusal(() => applyQuestionEdit(SET, { kind: 'add', id: 'n', text: '   ' }))).toEqual(['empty', 'Vul de tekst van de vraag in.']);
    expect(refusal(() => applyQuestionEdit(SET, { kind: 'add', id: 'x', text: 'Nog eens' }))).toEqual(['duplicate', 'Deze vraag bestaat al.']);
    expect(refusal(() => applyQuestionEdit(SET, { kind: 'reword', id: 'zz', text: 'Iets' }))).toEqual(['unknown', 'Deze vraag bestaat niet in de vragenlijst.']);
    expect(refusal(() => applyQuestionEdit(SET, { kind: 'reword', id: 'a', text: ' \n ' }))).toEqual(['empty', 'Vul de tekst van de vraag in.']);
    expect(refusal(() => applyQuestionEdit(SET, { kind: 'retire', id: 'zz' }))).toEqual(['unknown', 'Deze vraag bestaat niet in de vragenlijst.']);
    expect(refusal(() => applyQuestionEdit(SET, { kind: 'reinstate', id: 'zz' }))).toEqual(['unknown', 'Deze vraag bestaat niet in de vragenlijst.']);
  });

  it('a rewording is a new version of that question only; the same words are no edit', () => {
    const next = applyQuestionEdit(SET, { kind: 'reword', id: 'b', text: 'Twee?' });
    expect(next.version).toBe(6);
    expect(next.questions.find((x) => x.id === 'b')).toEqual(q('b', 'Twee?', 2, { version: 2 }));
    expect(next.questions.filter((x) => x.id !== 'b')).toEqual(SET.questions.filter((x) => x.id !== 'b'));
    expect(applyQuestionEdit(SET, { kind: 'reword', id: 'a', text: '  Een ' })).toBe(SET);
    const frozen = freezeQuestion(SET.questions[0]!);
    expect(frozen).toEqual({ questionId: 'b', questionText: 'Twee', questionVersion: 1, position: 2, facts: null });
    expect(isReworded(next, frozen)).toBe(true);
    expect(isReworded(SET, frozen)).toBe(false);
    expect(isReworded(SET, { ...frozen, questionId: 'weg' })).toBe(false);
  });

  it('a new order names every active question once; the same order is no edit', () => {
    const next = applyQuestionEdit(SET, { kind: 'reorder', ids: ['c', 'a', 'b'] });
    expect(next.version).toBe(6);
    expect(ids(next.questions)).toEqual(['c1', 'a2', 'b3', 'y1r', 'x2r']);
    expect(ids(applyQuestionEdit(SET, { kind: 'reorder', ids: ['a', 'c', 'b'] }).questions)).toEqual(['a1', 'c2', 'b3', 'y1r', 'x2r']);
    expect(applyQuestionEdit(SET, { kind: 'reorder', ids: ['a', 'b', 'c'] })).toBe(SET);
    for (const bad of [['a', 'b'], ['a', 'a', 'b'], ['a', 'a', 'b', 'c'], ['a', 'b', 'x'], ['a', 'b', 'c', 'x']])
      expect(refusal(() => applyQuestionEdit(SET, { kind: 'reorder', ids: bad })), bad.join()).toEqual(['order', 'Geef elke actieve vraag precies één keer op.']);
  });

  it('retiring archives a question at its last place; reinstating puts it back at the end', () => {
    const retired = applyQuestionEdit(SET, { kind: 'retire', id: 'b' });
    expect(retired.version).toBe(6);
    expect(ids(retired.questions)).toEqual(['a1', 'c2', 'y1r', 'x2r', 'b2r']);
    expect(applyQuestionEdit(SET, { kind: 'retire', id: 'x' })).toBe(SET);
    const back = applyQuestionEdit(SET, { kind: 'reinstate', id: 'x' });
    expect(ids(back.questions)).toEqual(['a1', 'b2', 'c3', 'x4', 'y1r']);
    expect(back.questions[3]).toEqual(q('x', 'Oud', 4, { version: 3, facts: 'reach' }));
    expect(applyQuestionEdit(SET, { kind: 'reinstate', id: 'a' })).toBe(SET);
  });
});
