/**
 * Long lists render only the rows on screen (issue 13): TanStack Virtual over the page's own scroll
 * area (.main), so a windowed table or list looks and scrolls like the whole one. Short lists (an
 * ordinary region) render every row as before: what is on screen, keyboard order and printing stay
 * as they were there.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** From this many rows on, only the rows on screen (and a few around them) are in the page. */
export const WINDOW_FROM = 60;

export function usePageWindow<E extends HTMLElement>(count: number, estimate: number, gap = 0) {
  const anchor = useRef<E>(null);
  const [margin, setMargin] = useState(0);
  const on = count >= WINDOW_FROM;
  const v = useVirtualizer({
    count: on ? count : 0,
    getScrollElement: () => anchor.current?.closest<HTMLElement>('.main') ?? null,
    estimateSize: () => estimate,
    overscan: 6,
    // The CSS margin between items (a card's margin-bottom), so positions add up as laid out.
    gap,
    scrollMargin: margin,
  });
  // Where the list starts inside the scroll area: the rows above it (facts, filters) move it.
  useLayoutEffect(() => {
    const el = anchor.current;
    const scroller = el?.closest('.main');
    if (!on || !el || !scroller) return;
    const m = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    if (Math.abs(m - margin) > 1) setMargin(m);
  });
  const items = v.getVirtualItems();
  const before = on && items.length ? items[0]!.start - margin : 0;
  const after = on && items.length ? v.getTotalSize() - (items[items.length - 1]!.end - margin) : 0;
  return {
    anchor,
    on,
    /** The indexes to render: all of them for a short list. */
    indexes: on ? items.map((i) => i.index) : Array.from({ length: count }, (_, i) => i),
    before: Math.max(0, before),
    after: Math.max(0, after),
    measure: on ? v.measureElement : undefined,
  };
}

/** A spacer row standing in for the table rows above or below the window. */
export function SpacerRow({ height, cols }: { height: number; cols: number }): ReactNode {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="window-spacer" style={{ height }}>
      <td colSpan={cols} />
    </tr>
  );
}
