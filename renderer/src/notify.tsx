import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Kind = 'info' | 'error';
interface Note {
  id: number;
  kind: Kind;
  text: string;
}
let nextId = 0;
const Ctx = createContext<(text: string, kind?: Kind) => void>(() => {});

/** Short messages after an action, read out by screen readers (aria-live). */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [notes, setNotes] = useState<Note[]>([]);
  const notify = useCallback((text: string, kind: Kind = 'info') => {
    const id = ++nextId;
    // A success makes earlier error notices stale: drop them.
    setNotes((n) => [...(kind === 'info' ? n.filter((x) => x.kind !== 'error') : n).slice(-2), { id, kind, text }]);
    setTimeout(() => setNotes((n) => n.filter((x) => x.id !== id)), kind === 'error' ? 9000 : 4500);
  }, []);
  return (
    <Ctx.Provider value={notify}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {notes.map((n) => (
          <div key={n.id} className={`toast toast-${n.kind}`}>
            {n.text}
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
}

export const useNotify = () => useContext(Ctx);
