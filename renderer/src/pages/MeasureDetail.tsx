import { call } from '../api';
import { LoadError } from '../components/LoadError';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t } from '../i18n';
import { formatDate } from '../format';
import { go, href } from '../router';
import { EntityHistory } from '../components/HistoryList';
import { DeleteButton } from '../components/DeleteButton';
import { LongText } from '../components/Text';
import { coded, StatusBadge } from '../components/Status';
import { useEffect } from 'react';
import { holdsOneActivity } from '../../../shared/schemas/tree';

export function MeasureDetail({ id }: { id: string }) {
  const { act } = useAct();
  const { data: m, error } = useCall('measure.get', { id });

  async function remove() {
    if (!m) return;
    // Only a delete that succeeded leaves the page; a refused one stays, with the core's message.
    await act((v) => call('measure.delete', { id, rowVersion: v ?? m.rowVersion }), { done: t('measure.deleted', { name: coded(m.code, m.name) }), conflict: 'delete', then: () => go('programmas', m.programmeId) });
  }

  // A measure that is its own activity has one page: its activity's (the template, sub-activities, money links).
  const own = m && holdsOneActivity(m.shape) ? m.activities[0] : undefined;
  useEffect(() => {
    if (own) window.location.replace(href('activiteiten', own.id));
  }, [own]);

  if (error) return <LoadError message={error} back={href('programmas')} />;
  if (!m || own) return <div className="page" aria-busy="true" />;
  const move = (i: number, d: -1 | 1) => {
    const ids = m.activities.map((a) => a.id);
    [ids[i], ids[i + d]] = [ids[i + d]!, ids[i]!];
    void act(() => call('tree.reorder', { entity: 'activity', ids }), { done: t('tree.reordered') });
  };
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('programmas', m.programmeId)}>{m.programmeName}</a> / <span>{coded(m.code, m.name)}</span>
      </nav>
      <header className="page-head">
        <h1>{coded(m.code, m.name)}</h1>
        <div className="actions">
          <a className="button" href={href('maatregelen', m.id, 'bewerken')}>
            {t('action.edit')}
          </a>
          <a className="button" href={href('resultaten', m.programmeId)} aria-label={t('results.ofProgramme')}>
            {t('nav.results')}
          </a>
          <a className="button" href={href('afdrukken', 'maatregel', m.id)}>
            {t('action.print')}
          </a>
          <a className="button" href={href('begroting', m.programmeId, 'regels', `maatregel=${m.id}`)}>
            {t('budget.title')}
          </a>
          <DeleteButton onConfirm={remove} />
        </div>
      </header>
      <dl className="facts">
        <div>
          <dt>{t('field.lineId')}</dt>
          <dd>{m.lineName ? coded(m.lineCode ?? '', m.lineName) : t('tree.noLine')}</dd>
        </div>
        <div>
          <dt>{t('field.status')}</dt>
          <dd>
            <StatusBadge status={m.status} />
            {m.plusvoorziening && <span className="badge badge-plus">{t('field.plusvoorziening')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('field.leadOrganisationId')}</dt>
          <dd>{m.lead?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('measure.activities')}</dt>
          <dd>{m.activities.length}</dd>
        </div>
      </dl>
      <div className="grid-2 wide-left">
        <div>
          <section className="card">
            <h2>{t('field.description')}</h2>
            <LongText text={m.description} />
            <h3>{t('field.targetGroups')}</h3>
            {m.targetGroups.length ? (
              <ul className="tags">
                {m.targetGroups.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">—</p>
            )}
            <h3>{t('field.executorIds')}</h3>
            <p>{m.executors.map((o) => o.name).join(', ') || '—'}</p>
          </section>
          <section className="card" aria-labelledby="act-h">
            <div className="section-head">
              <h2 id="act-h">{t('measure.activities')}</h2>
              <a className="button primary" href={href('maatregelen', m.id, 'activiteit-nieuw')}>
                <span aria-hidden="true">+ </span>
                {t('measure.newActivity')}
              </a>
            </div>
            {m.activities.length === 0 ? (
              <p className="muted">{t('measure.noActivities')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('field.code')}</th>
                    <th scope="col">{t('field.name')}</th>
                    <th scope="col">{t('programme.period')}</th>
                    <th scope="col">{t('field.status')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('field.ids')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {m.activities.map((a, i) => (
                    <tr key={a.id}>
                      <td className="code-cell">{a.code}</td>
                      <td>
                        <a href={href('activiteiten', a.id)}>{a.name}</a>
                        {a.warnings.length > 0 && (
                          <span className="warn-mark" title={a.warnings.map((w) => w.message).join(' ')}>
                            {' '}
                            ⚠
                          </span>
                        )}
                      </td>
                      <td className="nowrap">{a.startDate ? `${formatDate(a.startDate)} – ${formatDate(a.endDate)}` : '—'}</td>
                      <td>
                        <StatusBadge status={a.status} />
                      </td>
                      <td className="nowrap">
<span className="reorder">
                        <button type="button" className="icon" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('action.up')}: ${coded(a.code, a.name)}`}>
                          ↑
                        </button>
                        <button type="button" className="icon" disabled={i === m.activities.length - 1} onClick={() => move(i, 1)} aria-label={`${t('action.down')}: ${coded(a.code, a.name)}`}>
                          ↓
                        </button>
                      </span>
</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        <section className="card" aria-labelledby="hist-h">
          <h2 id="hist-h">{t('history.title')}</h2>
          <EntityHistory items={[{ entity: 'measure', id }]} />
        </section>
      </div>
    </div>
  );
}
