import type { HistoryEntry } from '../../../shared/schemas/history';
import { call } from '../api';
import { useLoad } from '../useLoad';
import { Loaded } from './LoadError';
import { fieldLabel, t, type MessageKey } from '../i18n';
import { formatDateTime, formatValue } from '../format';
import { entityLabel } from '../entities';
import { href } from '../router';

const internal = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'deletedIn']);

export function HistoryList({ entries, showLabel }: { entries: HistoryEntry[]; showLabel?: boolean }) {
  if (entries.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="history">
      {entries.map((e, i) => {
        const changes = e.changes.filter((c) => !internal.has(c.field));
        // When the action was more than this row's own change (a revision, a move, an undo), its label says what.
        const why = e.action !== e.op ? e.label : null;
        return (
          <li key={`${e.changeSetId}-${i}`} className={e.undone ? 'history-undone' : undefined}>
            <div className="history-head">
              <span className="history-op">{t(`history.op.${e.op}` as MessageKey)}</span>
              {showLabel && (
                <span className="history-label">
                  {entityLabel(e.entity)} <strong>{e.itemLabel}</strong>
                </span>
              )}
              <span className="history-meta">
                {formatDateTime(e.at)} · {e.user}
                {e.undone && <em> · {t('history.undone')}</em>}
              </span>
            </div>
            {why && <div className="history-why">{why}</div>}
            {e.op === 'update' && changes.length > 0 && (
              <table className="history-changes">
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{fieldLabel(c.field)}</th>
                      <td className="old">{c.oldLabel ?? formatValue(c.field, c.old)}</td>
                      <td aria-hidden="true">→</td>
                      <td className="new">{c.newLabel ?? formatValue(c.field, c.new)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The history of one or more records (a measure; an indicator with its targets and measurements),
 * newest first, loaded here: every page shows history the same way, and a failed load says so.
 */
export function EntityHistory({ items, showLabel }: { items: { entity: string; id: string }[]; showLabel?: boolean }) {
  const q = useLoad(['history.forEntity', items], async () => {
    const lists = await Promise.all(items.map((i) => call('history.forEntity', i)));
    return items.length === 1 ? lists[0]! : lists.flat().sort((a, b) => b.changeSetId - a.changeSetId);
  });
  const only = items.length === 1 ? items[0] : undefined;
  return (
    <>
      <Loaded q={q}>{(entries) => <HistoryList entries={entries} showLabel={showLabel} />}</Loaded>
      {only && (
        <p className="small">
          <a href={href('geschiedenis', only.entity, only.id)}>{t('history.allHistory')}</a>
        </p>
      )}
    </>
  );
}
