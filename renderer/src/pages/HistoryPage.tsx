/**
 * Geschiedenis: one entry per action (who, when, where, what), its changed records folded in, values
 * as the screens show them (the core formats them: electron/core/history/feed.ts). Filters: by
 * person, by date, and by record (#/geschiedenis/<entity>/<id>, reached from any record in the list
 * or from a page's own history).
 */
import { useState, type FormEvent } from 'react';
import { useCall } from '../useLoad';
import { t, type MessageKey } from '../i18n';
import { formatDateTime } from '../format';
import { href } from '../router';
import { SelectField, TextField } from '../components/Field';
import { LoadError } from '../components/LoadError';
import { opLabel } from '../components/HistoryList';
import { dateError, parseDateInput } from '../../../shared/dates';
import type { HistoryFeedInput, HistorySet, ShownChange } from '../../../shared/schemas/history';

type Filter = Pick<HistoryFeedInput, 'user' | 'from' | 'to' | 'entity' | 'id'>;

/** Local midnight of a dd-mm-jjjj day as an instant (plus `days`). */
function midnight(iso: string, days = 0): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days).toISOString();
}

const n = (x: number) => x.toLocaleString('nl-NL');
/** Kinds of records named in an entry's folded line. */
const SUMMARY_PARTS = 3;

function Value({ short, full }: { short: string; full?: string }) {
  if (!full) return <>{short}</>;
  return (
    <details className="history-full">
      <summary>
        <span className="when-closed">{short} </span>
        <span className="link-like when-closed">{t('history.fullText')}</span>
        <span className="link-like when-open">{t('history.shortText')}</span>
      </summary>
      <div className="history-full-text">{full}</div>
    </details>
  );
}

function Changes({ changes }: { changes: ShownChange[] }) {
  if (changes.length === 0) return null;
  return (
    <table className="history-changes">
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.label}</th>
            <td className="old">
              <Value short={c.old} full={c.oldFull} />
            </td>
            <td aria-hidden="true">→</td>
            <td className="new">
              <Value short={c.new} full={c.newFull} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Entry({ s }: { s: HistorySet }) {
  const counts = s.summary.map((x) => t('history.summaryItem', { entity: x.entityName, n: n(x.n), op: t(s.action === 'erase' && x.op === 'purge' ? 'history.opPast.erase' : (`history.opPast.${x.op}` as MessageKey)) }));
  // The first kinds in the folded line; all of them inside.
  const folded = counts.length > SUMMARY_PARTS ? [...counts.slice(0, SUMMARY_PARTS), '…'] : counts;
  return (
    <li className={`hentry${s.undone ? ' history-undone' : ''}`} aria-label={s.label}>
      <div className="hentry-head">
        <strong className="hentry-label">{s.label}</strong>
        <span className="history-meta">
          {formatDateTime(s.at)} · {s.user}
          {s.undone && <em> · {t('history.undone')}</em>}
        </span>
      </div>
      {s.where.length > 0 && (
        <div className="hentry-where">
          <span className="muted">{t('history.where')}: </span>
          {s.where.map((w, i) => (
            <span key={w.entity}>
              {i > 0 && ' › '}
              <span className="muted">{w.entityName}</span> {w.label}
            </span>
          ))}
        </div>
      )}
      {s.source && <div className="muted small">{t('history.source', { source: s.source })}</div>}
      <details className="hentry-details" open={s.records <= 3}>
        <summary>
          {t('history.details')} ({s.records === 1 ? t('history.record') : t('history.records', { n: n(s.records) })}): {folded.join(' · ')}
        </summary>
        {counts.length > SUMMARY_PARTS && <p className="hentry-counts">{counts.join(' · ')}</p>}
        <ul className="hentry-items">
          {s.items.map((it, i) => (
            <li key={`${it.entityId}-${i}`}>
              <span className="history-op">{opLabel(s.action, it.op, it.changes.length)}</span> <span className="muted">{it.entityName}</span>{' '}
              <a href={href('geschiedenis', it.entity, it.entityId)} title={t('history.filter.byRecord')}>
                {it.itemLabel}
              </a>
              <Changes changes={it.changes} />
            </li>
          ))}
        </ul>
        {s.moreItems > 0 && <p className="muted small">{t('history.moreItems', { n: n(s.moreItems) })}</p>}
      </details>
    </li>
  );
}

/** One page of entries; the last one offers the next (older) page. */
function FeedPage({ filter, before, onMore }: { filter: Filter; before?: number; onMore?: (before: number) => void }) {
  const q = useCall('history.feed', { ...filter, before, limit: 40 });
  if (q.error) return <p className="error-box" role="alert">{q.error}</p>;
  if (!q.data) return <div aria-busy="true" />;
  const { sets, more } = q.data;
  if (sets.length === 0 && before === undefined) return <p className="muted">{filter.user || filter.from || filter.to || filter.id ? t('history.noMatch') : t('history.empty')}</p>;
  return (
    <>
      <ol className="history hfeed">
        {sets.map((s) => (
          <Entry key={s.changeSetId} s={s} />
        ))}
      </ol>
      {more && onMore && (
        <button type="button" className="more" onClick={() => onMore(sets[sets.length - 1]!.changeSetId)}>
          {t('history.more')}
        </button>
      )}
    </>
  );
}

export function HistoryPage({ entity, id }: { entity?: string; id?: string }) {
  const [user, setUser] = useState('');
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [dates, setDates] = useState<{ from?: string; to?: string }>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pages, setPages] = useState<number[]>([]);
  const record = entity && id ? { entity, id } : {};
  const filter: Filter = { ...(user ? { user } : {}), ...dates, ...record };
  // The users and the record's name come with the first page.
  const head = useCall('history.feed', { ...filter, limit: 1 });

  function applyDates(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const from = fromText.trim() ? parseDateInput(fromText) : null;
    const to = toText.trim() ? parseDateInput(toText) : null;
    if (fromText.trim() && !from) errs.from = dateError(fromText);
    if (toText.trim() && !to) errs.to = dateError(toText);
    if (from && to && to < from) errs.to = t('history.filter.fromAfterTo');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setPages([]);
    setDates({ ...(from ? { from: midnight(from) } : {}), ...(to ? { to: midnight(to, 1) } : {}) });
  }
  function clear() {
    setUser('');
    setFromText('');
    setToText('');
    setDates({});
    setErrors({});
    setPages([]);
  }

  if (head.error && !head.data) return <LoadError message={head.error} back={href('geschiedenis')} />;
  const users = head.data?.users ?? [];
  const named = head.data?.record;
  return (
    <div className="page wide">
      <header className="page-head">
        <h1>{t('history.title')}</h1>
      </header>
      <p className="lead">
        {t('history.feedIntro')} {t('history.undoHint')}
      </p>
      <form className="card filter-bar history-filters" onSubmit={applyDates} noValidate aria-label={t('history.filter.title')}>
        <SelectField
          label={t('history.filter.user')}
          name="user"
          value={user}
          onChange={(v) => {
            setUser(v);
            setPages([]);
          }}
          options={[{ value: '', label: t('history.filter.allUsers') }, ...users.map((u) => ({ value: u, label: u }))]}
        />
        <TextField label={t('history.filter.from')} name="from" value={fromText} onChange={setFromText} placeholder={t('ui.datePlaceholder')} error={errors.from} />
        <TextField label={t('history.filter.to')} name="to" value={toText} onChange={setToText} placeholder={t('ui.datePlaceholder')} error={errors.to} />
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('history.filter.apply')}
          </button>
          <button type="button" onClick={clear}>
            {t('history.filter.clear')}
          </button>
        </div>
      </form>
      {named && (
        <p className="history-record" role="status">
          {t('history.filter.record', { entity: named.entityName.toLowerCase(), name: named.label })} <a href={href('geschiedenis')}>{t('history.filter.allRecords')}</a>
        </p>
      )}
      <section className="card">
        <FeedPage filter={filter} onMore={pages.length === 0 ? (b) => setPages([b]) : undefined} />
        {pages.map((b, i) => (
          <FeedPage key={b} filter={filter} before={b} onMore={i === pages.length - 1 ? (next) => setPages((p) => [...p, next]) : undefined} />
        ))}
      </section>
    </div>
  );
}
