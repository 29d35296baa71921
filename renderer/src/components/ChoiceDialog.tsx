/**
 * One modal question with named choices, for every "are you sure?" that may not be skipped: undoing a
 * big change set, a conflict with someone else's change, leaving a form with unsaved changes.
 * `const ask = useAsk(); if ((await ask({...})) === 'save') …` — Escape or a click beside the dialog
 * answers the choice marked `cancel`.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: string;
  kind?: 'primary' | 'danger' | 'plain';
  /** The answer for Escape (and the button that has the focus first, unless another is `focus`). */
  cancel?: boolean;
  focus?: boolean;
}

export interface Question<V extends string> {
  title: string;
  /** Paragraphs under the title. */
  body?: ReactNode[];
  choices: Choice<V>[];
}

type Ask = <V extends string>(q: Question<V>) => Promise<V>;

const Ctx = createContext<Ask>(() => Promise.reject(new Error('AskProvider ontbreekt')));

interface Open {
  q: Question<string>;
  resolve(v: string): void;
}

export function AskProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<Open | null>(null);
  const ask = useCallback<Ask>(
    <V extends string>(q: Question<V>) =>
      new Promise<V>((resolve) => {
        // A second question while one is open answers the first with its cancel choice.
        setOpen((prev) => {
          if (prev) prev.resolve(prev.q.choices.find((c) => c.cancel)?.value ?? prev.q.choices[prev.q.choices.length - 1]!.value);
          return { q, resolve: resolve as (v: string) => void };
        });
      }),
    [],
  );
  const answer = (v: string) => {
    open?.resolve(v);
    setOpen(null);
  };
  return (
    <Ctx.Provider value={ask}>
      {children}
      {open && <ChoiceDialog q={open.q} onAnswer={answer} />}
    </Ctx.Provider>
  );
}

export const useAsk = () => useContext(Ctx);

function ChoiceDialog({ q, onAnswer }: { q: Question<string>; onAnswer(v: string): void }) {
  const box = useRef<HTMLDivElement>(null);
  const cancel = q.choices.find((c) => c.cancel) ?? q.choices[q.choices.length - 1]!;
  const first = q.choices.find((c) => c.focus) ?? cancel;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLButtonElement>(`button[data-value="${CSS.escape(first.value)}"]`)?.focus();
    return () => before?.focus?.();
  }, [first.value]);

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onAnswer(cancel.value);
    } else if (e.key === 'Tab') {
      // Keep the focus inside the dialog.
      const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = e.shiftKey ? (i <= 0 ? buttons.length - 1 : i - 1) : (i + 1) % buttons.length;
      e.preventDefault();
      buttons[next]?.focus();
    }
    // The shell's own shortcuts (Ctrl+Z, Ctrl+K) wait until the question is answered.
    e.stopPropagation();
  }

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onAnswer(cancel.value)}>
      <div ref={box} className="choice-dialog" role="alertdialog" aria-modal="true" aria-labelledby="choice-title" aria-describedby="choice-body" onKeyDown={onKey}>
        <h2 id="choice-title">{q.title}</h2>
        <div id="choice-body">
          {q.body?.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        <div className="choice-buttons">
          {q.choices.map((c) => (
            <button key={c.value} type="button" data-value={c.value} className={c.kind === 'plain' || !c.kind ? undefined : c.kind} onClick={() => onAnswer(c.value)}>
              {c.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
