/** Ctrl+K: search everything by code, name or text; results grouped per kind, matches highlighted. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { call } from '../api';
import { t, type MessageKey } from '../i18n';
import { go } from '../router';
import { Highlight } from './Highlight';
import { messageOf } from './errors';
import type { SearchHit, SearchResult } from '../../../shared/schemas/tree';

export function SearchDialog({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const results = useRef<HTMLDivElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);
  // Keep the chosen result in view while moving with the arrow keys.
  // A block body: an effect must return nothing or a cleanup, and scrollIntoView may return a Promise.
  useEffect(() => {
    results.current?.querySelector('a.active')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  useEffect(() => {
    if (query.trim().length < 2) {
      setResult(null);
      return;
    }
    let live = true;
    // A short pause, so typing does not send a search per key.
    const timer = setTimeout(() => {
      call('search.all', { query })
        .then((r) => {
          if (!live) return;
          setResult(r);
          setActive(0);
          setError(null);
        })
        .catch((e: unknown) => live && setError(messageOf(e)));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const flat: SearchHit[] = result?.groups.flatMap((g) => g.hits) ?? [];
  const open = (h: SearchHit) => {
    onClose();
    go(...h.route);
  };

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(flat.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter' && flat[active]) {
      e.preventDefault();
      open(flat[active]);
    }
  }

  let index = -1;
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="search-dialog" role="dialog" aria-modal="true" aria-labelledby="search-title" onKeyDown={onKey}>
        <div className="search-head">
          <h2 id="search-title">{t('search.title')}</h2>
          <button type="button" className="ghost-dark" onClick={onClose}>
            {t('action.close')}
          </button>
        </div>
        <label htmlFor="search-input" className="sr-only">
          {t('search.label')}
        </label>
        <input
          id="search-input"
          ref={input}
          type="search"
          className="search-input"
          value={query}
          placeholder={t('search.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="search-hint"
          autoComplete="off"
        />
        <p id="search-hint" className="muted small">
          {t('search.hint')}
        </p>
        {error && <p className="error-box">{error}</p>}
        <div ref={results} className="search-results" role="region" aria-label={t('search.results')} aria-live="polite">
          {result && result.total === 0 && <p className="muted">{t('search.none', { query })}</p>}
          {result && result.total > 0 && <p className="muted small">{t('search.count', { n: result.total })}</p>}
          {result?.groups.map((g) => (
            <section key={g.kind} aria-labelledby={`sg-${g.kind}`}>
              <h3 id={`sg-${g.kind}`}>{t(`search.kind.${g.kind}` as MessageKey)}</h3>
              <ul>
                {g.hits.map((h) => {
                  index++;
                  const i = index;
                  return (
                    <li key={h.id}>
                      <a
                        href={'#/' + h.route.map(encodeURIComponent).join('/')}
                        className={i === active ? 'active' : undefined}
                        onClick={(e) => {
                          e.preventDefault();
                          open(h);
                        }}
                        // Move, not enter: results appearing under a resting pointer must not steal the choice.
                        onMouseMove={() => i !== active && setActive(i)}
                      >
                        <span className="hit-title">
                          {h.code && (
                            <span className="code">
                              <Highlight text={h.code} query={query} />
                            </span>
                          )}{' '}
                          <Highlight text={h.name} query={query} />
                        </span>
                        {h.context && <span className="hit-context muted small">{h.context}</span>}
                        {h.snippet && (
                          <span className="hit-snippet small">
                            <Highlight text={h.snippet} query={query} />
                          </span>
                        )}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
