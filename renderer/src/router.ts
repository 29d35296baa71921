import { useEffect, useState } from 'react';

/**
 * Hash routes ("#/programmas/abc"), so a reload keeps the user on the same screen. Every way of
 * leaving a screen ends in a hash change (a link, the sidebar, a breadcrumb, Ctrl+K, go(), the
 * browser's back button), so this is where a screen with unsaved changes gets to ask first.
 */
type Listener = () => void;
/** Resolves true when the screen may be left (saved, or the user chose not to save). */
export type LeaveGuard = () => Promise<boolean>;

const listeners = new Set<Listener>();
let accepted = window.location.hash;
let guard: LeaveGuard | null = null;
/** A hash we set ourselves after the guard said yes: let it through. */
let passing: string | null = null;

/**
 * Each history entry the app has shown carries its position (history.state.rbIdx), so a refused
 * change can be undone the way it came: a new entry (link, go()) is stepped back from, the back or
 * forward button is stepped over the other way.
 */
const indexOf = (): number | undefined => (history.state as { rbIdx?: number } | null)?.rbIdx;
let acceptedIdx = indexOf() ?? 0;
if (indexOf() === undefined) history.replaceState({ ...(history.state as object | null), rbIdx: acceptedIdx }, '');

window.addEventListener('hashchange', () => {
  const next = window.location.hash;
  if (next === accepted) return;
  const idx = indexOf();
  if (guard && next !== passing) {
    const ask = guard;
    // Back to the screen's own entry while the question is open (its hash change is ignored above).
    if (idx === undefined) history.back();
    else history.go(acceptedIdx - idx);
    void ask().then((leave) => {
      if (!leave) return;
      passing = next;
      window.location.hash = next;
    });
    return;
  }
  passing = null;
  accepted = next;
  if (idx === undefined) {
    acceptedIdx += 1;
    history.replaceState({ ...(history.state as object | null), rbIdx: acceptedIdx }, '');
  } else acceptedIdx = idx;
  for (const l of listeners) l();
});

/** Installs the question to ask before leaving; returns its removal. One screen at a time. */
export function setLeaveGuard(g: LeaveGuard | null): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

/** Asks the current screen's guard, if any (closing the window, the desktop shell's quit). */
export function mayLeave(): Promise<boolean> {
  return guard ? guard() : Promise.resolve(true);
}

export const hasLeaveGuard = () => guard !== null;

export function useRoute(): string[] {
  const read = () => accepted.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const on = () => setParts(read());
    listeners.add(on);
    return () => {
      listeners.delete(on);
    };
  }, []);
  return parts;
}

export function go(...parts: string[]): void {
  window.location.hash = '#/' + parts.map(encodeURIComponent).join('/');
}

export function href(...parts: string[]): string {
  return '#/' + parts.map(encodeURIComponent).join('/');
}
