import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

type Kind = 'info' | 'error';
interface Note {
  id: number;
  kind: Kind;
  text: string;
}
let nextId = 0;
const Ctx = createContext<(text: string, kind?: Kind) => void>(() => {});
const NotesCtx = createContext<Note[]>([]);

/**
 * Short messages after an action. They live in one region (<Toasts />) that the shell places in
 * its own row below the content, so a message never covers a button; at most two at a time. An
 * error belongs to the screen it happened on: moving to another screen clears it.
 */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [notes, setNotes] = useState<Note[]>([]);
  const notify = useCallback((text: string, kind: Kind = 'info') => {
    const id = ++nextId;
    // A success makes earlier error notices stale: drop them.
    setNotes((n) => [...(kind === 'info' ? n.filter((x) => x.kind !== 'error') : n).slice(-1), { id, kind, text }]);
    setTimeout(() => setNotes((n) => n.filter((x) => x.id !== id)), kind === 'error' ? 9000 : 4500);
  }, []);
  useEffect(() => {
    const clearErrors = () => setNotes((n) => (n.some((x) => x.kind === 'error') ? n.filter((x) => x.kind !== 'error') : n));
    window.addEventListener('hashchange', clearErrors);
    return () => window.removeEventListener('hashchange', clearErrors);
  }, []);
  return (
    <Ctx.Provider value={notify}>
      <NotesCtx.Provider value={notes}>{children}</NotesCtx.Provider>
    </Ctx.Provider>
  );
}

/** The one region where notices appear (read out by screen readers). */
export function Toasts() {
  const notes = useContext(NotesCtx);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {notes.map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`}>
          {n.text}
        </div>
      ))}
    </div>
  );
}

export const useNotify = () => useContext(Ctx);
