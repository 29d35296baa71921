/** All actions from the monitoring interviews, filtered by owner, status and measure; overdue ones marked. */
import { useState } from 'react';
import { useCall } from '../useLoad';
import { LoadProblem } from '../components/LoadError';
import { t } from '../i18n';
import { href } from '../router';
import { SelectField, TextField } from '../components/Field';
import { ActionTable, actionStatusLabel } from '../components/MonitoringParts';
import { coded } from '../components/Status';
import { ACTION_STATUSES } from '../../../shared/monitoring/actions';

/** Rows drawn at first, and added by each "Meer tonen". */
const SHOWN = 100;

type StatusFilter = '' | (typeof ACTION_STATUSES)[number] | 'overdue' | 'openOrRunning';

export function MonitoringActions() {
  const [owner, setOwner] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [measureId, setMeasureId] = useState('');
  const all = useCall('monitoring.action.list', {});
  const { data, error } = useCall('monitoring.action.list', { owner: owner.trim() || undefined, status: status || undefined, measureId: measureId || undefined }, { keepPrevious: true });
  const measures = [...new Map((all.data?.actions ?? []).map((a) => [a.measureId, coded(a.measureCode, a.measureName)])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl', { numeric: true }));
  const overdue = (all.data?.actions ?? []).filter((a) => a.overdue).length;
  // A big region has hundreds of actions: the table draws them a hundred at a time.
  const filterKey = JSON.stringify([owner, status, measureId]);
  const [more, setMore] = useState({ key: filterKey, shown: SHOWN });
  const shown = more.key === filterKey ? more.shown : SHOWN;
  return (
    <div className="page wide">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('monitoring')}>{t('mon.title')}</a> / <span>{t('mon.actions.title')}</span>
      </nav>
      <header className="page-head">
        <h1>{t('mon.actions.title')}</h1>
      </header>
      <p className="lead">{t('mon.actions.lead')}</p>
      {overdue > 0 && (
        <p className="warning-box">
          <span aria-hidden="true">⚠ </span>
          {t('mon.actions.overdueCount', { n: overdue })}{' '}
          <button type="button" className="link-button" onClick={() => setStatus('overdue')}>
            {t('mon.actions.showOverdue')}
          </button>
        </p>
      )}
      <form className="row filters" role="search" aria-label={t('mon.actions.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('mon.actions.filterOwner')} name="owner" value={owner} onChange={setOwner} />
        <SelectField
          label={t('mon.actions.filterStatus')}
          name="status"
          value={status}
          onChange={(v) => setStatus(v as StatusFilter)}
          placeholder={t('mon.actions.allStatuses')}
          options={[
            { value: 'openOrRunning', label: t('mon.actions.openOrRunning') },
            { value: 'overdue', label: t('mon.actions.onlyOverdue') },
            ...ACTION_STATUSES.map((s) => ({ value: s, label: actionStatusLabel(s) })),
          ]}
        />
        <SelectField
          label={t('mon.actions.filterMeasure')}
          name="measureId"
          value={measureId}
          onChange={setMeasureId}
          placeholder={t('mon.actions.allMeasures')}
          options={measures.map(([value, label]) => ({ value, label }))}
        />
      </form>
      <LoadProblem q={all} />
      {error && <p className="error-box" role="alert">{error}</p>}
      {data && (
        <>
          <p className="muted small" role="status">
            {t('mon.actions.count', { n: data.actions.length })}
          </p>
          {data.actions.length === 0 ? (
            <p className="muted">{t('mon.actions.empty')}</p>
          ) : (
            <>
              <ActionTable
                actions={data.actions.length > shown ? data.actions.slice(0, shown) : data.actions}
                showRound
                caption={t('mon.actions.title')}
                ctx={{ roundId: '', roundDate: '', measures: measures.map(([id, label]) => ({ id, label })) }}
              />
              {data.actions.length > shown && (
                <p className="actions">
                  <span className="muted small">{t('mon.actions.shown', { shown: shown.toLocaleString('nl-NL'), count: data.actions.length.toLocaleString('nl-NL') })}</span>{' '}
                  <button type="button" onClick={() => setMore({ key: filterKey, shown: shown + SHOWN })}>
                    {t('mon.actions.more')}
                  </button>
                </p>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
