/**
 * Previous / next over a long list the core sends a page at a time (issue 13: budget lines and
 * spend at 2,000 activities). Shows which rows are on screen out of how many; nothing when one page
 * holds them all.
 */
import { t, type MessageKey } from '../i18n';

const nl = (n: number) => n.toLocaleString('nl-NL');

export function Pager({ offset, limit, total, what, onPage }: { offset: number; limit: number; total: number; what: MessageKey; onPage(offset: number): void }) {
  if (total <= limit && offset === 0) return null;
  const from = Math.min(total, offset + 1);
  const to = Math.min(total, offset + limit);
  return (
    <nav className="pager actions" aria-label={t('pager.nav')}>
      <button type="button" className="small" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        {t('pager.prev')}
      </button>
      <span className="small" role="status">
        {t(what, { from: nl(from), to: nl(to), count: nl(total) })}
      </span>
      <button type="button" className="small" disabled={to >= total} onClick={() => onPage(offset + limit)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}

/** The page offset of a list, back at the start whenever its filter changes (no stale page past the end). */
export function pageOf(state: { key: string; offset: number }, key: string): number {
  return state.key === key ? state.offset : 0;
}
