/**
 * Previous / next over a long list the core sends a page at a time (issue 13: budget lines and
 * spend at 2,000 activities). Shows which rows are on screen out of how many; nothing when one page
 * holds them all.
 */
import { t, type MessageKey } from '../i18n';

const nl = (n: number) => n.toLocaleString('nl-NL');

/**
 * `below`: the same buttons under the table, for whoever scrolled to its end; the list's one
 * navigation landmark and status stay at the top.
 */
export function Pager({ offset, limit, total, what, onPage, below }: { offset: number; limit: number; total: number; what: MessageKey; onPage(offset: number): void; below?: boolean }) {
  if (total <= limit && offset === 0) return null;
  const from = Math.min(total, offset + 1);
  const to = Math.min(total, offset + limit);
  const text = t(what, { from: nl(from), to: nl(to), count: nl(total) });
  // From below, the new page is read from its top: back to the pager above the table.
  const go = (to: number, at: HTMLElement) => {
    onPage(to);
    if (below) at.closest('.pager')?.parentElement?.querySelector<HTMLElement>('nav.pager')?.scrollIntoView({ block: 'start' });
  };
  const buttons = (
    <>
      <button type="button" className="small" disabled={offset === 0} onClick={(e) => go(Math.max(0, offset - limit), e.currentTarget)}>
        {t('pager.prev')}
      </button>
      {below ? <span className="small">{text}</span> : <span className="small" role="status">{text}</span>}
      <button type="button" className="small" disabled={to >= total} onClick={(e) => go(offset + limit, e.currentTarget)}>
        {t('pager.next')}
      </button>
    </>
  );
  return below ? <div className="pager actions">{buttons}</div> : <nav className="pager actions" aria-label={t('pager.nav')}>{buttons}</nav>;
}

/** The page offset of a list, back at the start whenever its filter changes (no stale page past the end). */
export function pageOf(state: { key: string; offset: number }, key: string): number {
  return state.key === key ? state.offset : 0;
}
