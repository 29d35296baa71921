/**
 * Question sets of the monitoring interview. The 12 standard questions ship as the default set; a
 * programme edits its own copy (add, reword, reorder, retire). Every edit makes a new set version,
 * and a reworded question gets a new question version. Answers copy the question's text and
 * version when they are written, so an edit later never changes an answer already given.
 * Retired questions stay in the set (archived), out of new inputs.
 */
import { t, type MessageKey } from '../i18n/nl';

/** Which facts a question shows inline, so nobody retypes a figure. */
export const FACT_KINDS = ['reach', 'budget'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Question {
  id: string;
  text: string;
  /** 1-based place among the questions (retired ones keep their last place). */
  position: number;
  /** Goes up by one at every rewording. */
  version: number;
  facts: FactKind | null;
  retired: boolean;
}

export interface QuestionSet {
  /** 0 for the untouched default set; every edit adds one. */
  version: number;
  questions: Question[];
}

/** The standard questions of the monitoring interview (GLOSSARY, "The monitoring interview"). */
export const STANDARD_QUESTIONS: readonly { key: string; text: string; facts: FactKind | null }[] = [
  { key: 'q01', text: t('mon.q.q01'), facts: null },
  { key: 'q02', text: t('mon.q.q02'), facts: null },
  { key: 'q03', text: t('mon.q.q03'), facts: null },
  { key: 'q04', text: t('mon.q.q04'), facts: null },
  { key: 'q05', text: t('mon.q.q05'), facts: null },
  { key: 'q06', text: t('mon.q.q06'), facts: 'reach' },
  { key: 'q07', text: t('mon.q.q07'), facts: null },
  { key: 'q08', text: t('mon.q.q08'), facts: 'budget' },
  { key: 'q09', text: t('mon.q.q09'), facts: null },
  { key: 'q10', text: t('mon.q.q10'), facts: null },
  { key: 'q11', text: t('mon.q.q11'), facts: null },
  { key: 'q12', text: t('mon.q.q12'), facts: null },
];

/** The default set, with ids from makeId (the store passes UUIDs; tests pass readable ones). */
export function defaultQuestionSet(makeId: (key: string) => string = (k) => k): QuestionSet {
  return {
    version: 0,
    questions: STANDARD_QUESTIONS.map((q, i) => ({ id: makeId(q.key), text: q.text, position: i + 1, version: 1, facts: q.facts, retired: false })),
  };
}

export type QuestionEdit =
  | { kind: 'add'; id: string; text: string; facts?: FactKind | null; /** 1-based; at the end when left out */ position?: number }
  | { kind: 'reword'; id: string; text: string }
  | { kind: 'reorder'; ids: string[] }
  | { kind: 'retire'; id: string }
  | { kind: 'reinstate'; id: string };

export class QuestionSetError extends Error {
  constructor(
    readonly reason: 'unknown' | 'empty' | 'duplicate' | 'retired' | 'order',
    message: string,
  ) {
    super(message);
  }
}

/** Catalogue text as a sentence. */
const msg = (key: MessageKey) => {
  const s = t(key);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The questions a new input asks, in order. */
export function activeQuestions(set: QuestionSet): Question[] {
  return set.questions.filter((q) => !q.retired).sort((a, b) => a.position - b.position);
}

/** Retired questions, kept for the record. */
export function archivedQuestions(set: QuestionSet): Question[] {
  return set.questions.filter((q) => q.retired).sort((a, b) => a.position - b.position);
}

function renumber(active: Question[], rest: Question[]): Question[] {
  const placed = active.map((q, i) => ({ ...q, position: i + 1 }));
  return [...placed, ...rest];
}

/** One edit, returning the next version of the set; the input set is not changed. */
export function applyQuestionEdit(set: QuestionSet, edit: QuestionEdit): QuestionSet {
  const find = (id: string) => {
    const q = set.questions.find((x) => x.id === id);
    if (!q) throw new QuestionSetError('unknown', msg('mon.err.questionUnknown'));
    return q;
  };
  const active = activeQuestions(set);
  const retired = archivedQuestions(set);
  let questions: Question[];
  switch (edit.kind) {
    case 'add': {
      const text = normalise(edit.text);
      if (!text) throw new QuestionSetError('empty', msg('mon.err.questionEmpty'));
      if (set.questions.some((q) => q.id === edit.id)) throw new QuestionSetError('duplicate', msg('mon.err.questionDuplicate'));
      const q: Question = { id: edit.id, text, position: 0, version: 1, facts: edit.facts ?? null, retired: false };
      const at = Math.min(Math.max((edit.position ?? active.length + 1) - 1, 0), active.length);
      questions = renumber([...active.slice(0, at), q, ...active.slice(at)], retired);
      break;
    }
    case 'reword': {
      const q = find(edit.id);
      const text = normalise(edit.text);
      if (!text) throw new QuestionSetError('empty', msg('mon.err.questionEmpty'));
      if (text === q.text) return set;
      questions = set.questions.map((x) => (x.id === q.id ? { ...x, text, version: x.version + 1 } : x));
      break;
    }
    case 'reorder': {
      const ids = active.map((q) => q.id);
      if (edit.ids.length !== ids.length || new Set(edit.ids).size !== ids.length || !edit.ids.every((id) => ids.includes(id)))
        throw new QuestionSetError('order', msg('mon.err.questionOrder'));
      if (edit.ids.every((id, i) => id === ids[i])) return set;
      questions = renumber(
        edit.ids.map((id) => find(id)),
        retired,
      );
      break;
    }
    case 'retire': {
      const q = find(edit.id);
      if (q.retired) return set;
      questions = renumber(
        active.filter((x) => x.id !== q.id),
        [...retired, { ...q, retired: true }],
      );
      break;
    }
    case 'reinstate': {
      const q = find(edit.id);
      if (!q.retired) return set;
      questions = renumber([...active, { ...q, retired: false }], retired.filter((x) => x.id !== q.id));
      break;
    }
  }
  return { version: set.version + 1, questions };
}

/** What an answer keeps of its question: the exact text and version it answered. */
export interface FrozenQuestion {
  questionId: string;
  questionText: string;
  questionVersion: number;
  position: number;
  facts: FactKind | null;
}

export function freezeQuestion(q: Question): FrozenQuestion {
  return { questionId: q.id, questionText: q.text, questionVersion: q.version, position: q.position, facts: q.facts };
}

/** True when the set now words a question differently from the frozen copy an answer holds. */
export function isReworded(set: QuestionSet, frozen: FrozenQuestion): boolean {
  const q = set.questions.find((x) => x.id === frozen.questionId);
  return !!q && q.version !== frozen.questionVersion;
}
