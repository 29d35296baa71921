/** Results of one activity: a card per indicator with baseline, targets, measurements, status and trend. */
import { LoadError } from '../components/LoadError';
import { useState } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t, type MessageKey } from '../i18n';
import { formatDate } from '../format';
import { go, href } from '../router';
import { EntityHistory, HistoryList } from '../components/HistoryList';
import { ChartLegend, StatusBadge, TrendChart, fmt, measurementText, missedText, pctText, periodText, targetText } from './ResultsParts';
import { MeasurementForm, ReviseForm, TargetForm } from './ResultsForms';
import { formatNumber } from '../../../shared/results/format';
import { linkedSentence } from '../../../shared/results/linked';
import type { IndicatorView, MeasurementView, TargetView } from '../../../shared/schemas/results';

type Open = { kind: 'measurement'; preset?: { date: string; period: string; status: 'voorlopig' | 'definitief' } } | { kind: 'target' } | { kind: 'revise'; target: TargetView } | null;


function TargetsTable({ ind, onRevise }: { ind: IndicatorView; onRevise(x: TargetView): void }) {
  if (ind.targets.length === 0) return <p className="muted small">{t('results.noTargets')}</p>;
  const byId = new Map(ind.targets.map((x) => [x.id, x]));
  const current = ind.targets.filter((x) => x.current);
  return (
    <table className="table compact">
      <caption className="sr-only">{`${t('results.targets')}: ${ind.name}`}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.period')}</th>
          <th scope="col">{t('results.target')}</th>
          <th scope="col">
            <span className="sr-only">{t('action.edit')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {current.map((x) => {
          const earlier: TargetView[] = [];
          for (let p = x.supersedesId ? byId.get(x.supersedesId) : undefined; p; p = p.supersedesId ? byId.get(p.supersedesId) : undefined) earlier.push(p);
          return (
            <tr key={x.id} className={ind.evaluation.targetId === x.id ? 'row-current' : undefined}>
              <th scope="row">{periodText(x)}</th>
              <td>
                <strong>{targetText(ind, x)}</strong>
                {x.supersedesId && (
                  <span className="small">
                    {' '}
                    ({t('results.revised')} {x.decisionDate ? formatDate(x.decisionDate) : ''}: {x.reason})
                  </span>
                )}
                {earlier.map((p) => (
                  <div key={p.id} className="small muted revision">
                    {t('results.revisionOf', { value: targetText(ind, p), date: formatDate(p.decisionDate ?? p.createdAt.slice(0, 10)) })}
                  </div>
                ))}
              </td>
              <td className="num">
                {!ind.builtin && (
                  <button type="button" className="link-button" onClick={() => onRevise(x)} aria-label={`${t('results.revise')}: ${t('entity.target').toLowerCase()} ${periodText(x)}`}>
                    {t('results.revise')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function MeasurementsTable({ ind, onDefinitive, onDelete }: { ind: IndicatorView; onDefinitive(m: MeasurementView): void; onDelete(m: MeasurementView): void }) {
  if (ind.measurements.length === 0) return <p className="muted small">{t('results.noData')}</p>;
  // A moment is a period and a date: "definitief maken" is offered while that moment has no definitive value.
  const moment = (m: MeasurementView) => `${m.period}|${m.date}`;
  const hasDefinitive = new Set(ind.measurements.filter((m) => m.status === 'definitief').map(moment));
  return (
    <table className="table compact">
      <caption className="sr-only">{`${t('results.measurements')}: ${ind.name}`}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field.date')}</th>
          <th scope="col">{t('results.periodOf')}</th>
          <th scope="col" className="num">
            {t('field.value')}
          </th>
          <th scope="col">{t('field.status')}</th>
          <th scope="col">{t('field.source')}</th>
          <th scope="col">
            <span className="sr-only">{t('results.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {[...ind.measurements].reverse().map((m) => (
          <tr key={m.id} className={m.counts ? undefined : 'replaced'}>
            <td>{formatDate(m.date)}</td>
            <td>{periodText(m)}</td>
            <td className="num">
              {measurementText(ind, m)}
              {m.categories && (
                <div className="small muted cats-line">
                  {m.categories.map((c) => `${c.name}: ${formatNumber(c.count)}`).join(' · ')}
                </div>
              )}
              {m.mismatch && (
                <div className="small warn-text" role="note">
                  ⚠ {t('results.categoriesMismatch', { sum: formatNumber(m.categorySum ?? 0), total: formatNumber(m.value ?? 0) })}
                </div>
              )}
            </td>
            <td>
              {t(`measurementStatus.${m.status}` as MessageKey)}
              {!m.counts && <span className="small muted"> ({t('results.replaced')})</span>}
              {m.explanation && <div className="small muted">{m.explanation}</div>}
            </td>
            <td className="small">{m.source}</td>
            <td className="num">
              {m.status === 'voorlopig' && m.counts && !hasDefinitive.has(moment(m)) && (
                <button type="button" className="link-button" onClick={() => onDefinitive(m)} aria-label={`${t('results.makeDefinitiveShort')}: ${t('entity.measurement').toLowerCase()} ${formatDate(m.date)}`}>
                  {t('results.makeDefinitiveShort')}
                </button>
              )}{' '}
              <button type="button" className="link-button danger-link" onClick={() => onDelete(m)} aria-label={t('results.deleteMeasurement', { date: formatDate(m.date) })}>
                {t('action.delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * "Voortgang": along the route from the baseline; without a route the status comes from the target
 * alone and the card says so; without a status, why (no target for the value's period, ...).
 */
function progressText(ind: IndicatorView): string {
  const ev = ind.evaluation;
  if (ev.note && ev.note !== 'geen_meting') return t(`results.note.${ev.note}` as MessageKey, { period: ev.latest?.periodLabel ?? '' });
  if (ev.status === 'behaald') return t('resultStatus.behaald');
  if (ev.basis === 'streefwaarde') return ind.baselineValue === null ? t('results.basis.streefwaarde') : t('results.basis.noRoute');
  return ev.progress === null ? '—' : t('results.progressText', { progress: pctText(ev.progress), expected: pctText(ev.expected) });
}

/** "98% in beeld, waarvan 95% met een ingevuld DDD": the targets of one period, or the latest values, together. */
function Together({ ind, parts }: { ind: IndicatorView; parts: IndicatorView[] }) {
  const ev = ind.evaluation;
  const tg = ind.targets.find((x) => x.id === ev.targetId) ?? ind.targets.find((x) => x.current);
  const targetOf = (v: IndicatorView) => {
    if (!tg) return null;
    const x = v.targets.find((y) => y.current && y.periodStart === tg.periodStart && y.periodEnd === tg.periodEnd);
    return x ? x.resolvedMin : null;
  };
  const latestOf = (v: IndicatorView) => {
    const x = v.evaluation.latest;
    return x && ev.latest && x.period === ev.latest.period ? x.value : null;
  };
  return (
    <div className="rtogether" role="group" aria-label={t('results.together')}>
      {tg && (
        <p>
          <span className="muted small">{t('results.togetherTarget', { period: periodText(tg) })}</span> <strong>{linkedSentence({ ...ind, value: targetOf(ind) }, parts.map((p) => ({ ...p, value: targetOf(p) })))}</strong>
        </p>
      )}
      {ev.latest && (
        <p>
          <span className="muted small">{t('results.togetherLatest', { period: ev.latest.periodLabel })}</span> <strong>{linkedSentence({ ...ind, value: latestOf(ind) }, parts.map((p) => ({ ...p, value: latestOf(p) })))}</strong>
        </p>
      )}
    </div>
  );
}

export function IndicatorCard({
  ind,
  parts = [],
  today,
  programme,
  headingLevel = 2,
}: {
  ind: IndicatorView;
  /** Its "waarvan" parts, shown and entered with it. */
  parts?: IndicatorView[];
  today: string;
  programme: { periodStart: string; periodEnd: string };
  headingLevel?: 2 | 3;
}) {
  const { act } = useAct();
  const [open, setOpen] = useState<Open>(null);
  const [showHistory, setShowHistory] = useState(false);
  // The indicator's history with that of its targets and measurements, newest first.
  const historyItems = [
    { entity: 'indicator', id: ind.id },
    ...ind.targets.filter((x) => !x.id.startsWith('deelnemers:')).map((x) => ({ entity: 'target', id: x.id })),
    ...ind.measurements.map((m) => ({ entity: 'measurement', id: m.id })),
  ];
  const ev = ind.evaluation;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const headId = `ind-${ind.id.replace(/[^a-z0-9]/gi, '')}`;
  const done = () => setOpen(null);

  const removeMeasurement = (m: MeasurementView) => act((v) => call('measurement.delete', { id: m.id, rowVersion: v ?? m.rowVersion }), { done: t('results.measurementDeleted', { date: formatDate(m.date) }), conflict: 'delete' });
  const removeIndicator = () => act((v) => call('indicator.delete', { id: ind.id, rowVersion: v ?? ind.rowVersion }), { done: t('results.indicatorDeleted', { name: ind.name }), conflict: 'delete' });

  return (
    <section className={`card rcard rcard-${ev.status}`} aria-labelledby={headId}>
      <header className="rcard-head">
        <div>
          <H id={headId}>{ind.name}</H>
          <div className="small muted">
            {t(`unit.${ind.unit}` as MessageKey)}
            {ind.freeUnit ? ` (${ind.freeUnit})` : ''} · {t(`direction.${ind.direction}` as MessageKey)} · {t(`aggregation.${ind.aggregation}` as MessageKey)}
            {ind.dataSource ? ` · ${t('field.dataSource')}: ${ind.dataSource}` : ''}
          </div>
          {ind.builtin && <div className="small muted">{t('results.builtin.note')}</div>}
        </div>
        <StatusBadge status={ev.status} />
      </header>
      {ind.attention.some((x) => x.kind === 'gemist' || x.kind === 'voorlopig') && (
        <ul className="card-notes small" aria-label={t('results.attention')}>
          {ind.attention
            .filter((x) => x.kind === 'gemist' || x.kind === 'voorlopig')
            .map((x) => (
              <li key={`${x.kind}-${x.date}`}>
                <span aria-hidden="true">{x.kind === 'gemist' ? '◔' : '◑'}</span>{' '}
                {x.kind === 'gemist' ? missedText(x) : t('results.reason.stale', { date: formatDate(x.date) })}
              </li>
            ))}
        </ul>
      )}
      {parts.length > 0 && <Together ind={ind} parts={parts} />}
      <div className="rcard-body">
        <div>
          <dl className="rfacts">
            <div>
              <dt>{t('results.baseline')}</dt>
              <dd>
                {ind.baselineValue === null ? '—' : fmt(ind, ind.baselineValue)}
                {ind.baselineDate && <span className="small muted"> ({formatDate(ind.baselineDate)})</span>}
              </dd>
            </div>
            <div>
              <dt>{t('results.latest')}</dt>
              <dd>
                {ev.latest ? (
                  <>
                    {t('results.latestOver', { value: fmt(ind, ev.latest.value), period: ev.latest.periodLabel })}{' '}
                    <span className="small muted">
                      ({formatDate(ev.latest.date)}, {t(`measurementStatus.${ev.latest.status}` as MessageKey).toLowerCase()})
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </dd>
            </div>
            {ind.aggregation !== 'niveau' && ev.value !== null && (
              <div>
                <dt>{ind.aggregation === 'aantal' ? t('results.totalPeriod') : t('results.totalSince')}</dt>
                <dd>{fmt(ind, ev.value)}</dd>
              </div>
            )}
            <div>
              <dt>{t('results.progress')}</dt>
              <dd className={ind.evaluation.progress === null && ind.evaluation.status !== 'behaald' ? 'note' : undefined}>{progressText(ind)}</dd>
            </div>
          </dl>
          {ind.baselineSource && <p className="small muted">{`${t('field.baselineSource')}: ${ind.baselineSource}`}</p>}
          <h4>{t('results.targets')}</h4>
          <TargetsTable ind={ind} onRevise={(target) => setOpen({ kind: 'revise', target })} />
        </div>
        <div>
          <TrendChart ind={ind} today={today} />
          <ChartLegend />
        </div>
      </div>
      <h4>{t('results.measurements')}</h4>
      <MeasurementsTable ind={ind} onDefinitive={(m) => setOpen({ kind: 'measurement', preset: { date: m.date, period: m.period, status: 'definitief' } })} onDelete={(m) => void removeMeasurement(m)} />
      {open?.kind === 'measurement' && <MeasurementForm key={open.preset ? `${open.preset.period}|${open.preset.date}` : 'new'} ind={ind} parts={parts} programme={programme} preset={open.preset} onDone={done} onCancel={done} />}
      {open?.kind === 'target' && <TargetForm ind={ind} parts={parts} programme={programme} onDone={done} onCancel={done} />}
      {open?.kind === 'revise' && <ReviseForm key={open.target.id} target={open.target} onDone={done} onCancel={done} />}
      <div className="actions rcard-actions">
        <button type="button" onClick={() => setOpen({ kind: 'measurement' })} aria-label={`${t('results.addMeasurement')}: ${ind.name}`}>
          {t('results.addMeasurement')}
        </button>
        {!ind.builtin && (
          <button type="button" onClick={() => setOpen({ kind: 'target' })} aria-label={`${t('results.addTarget')}: ${ind.name}`}>
            {t('results.addTarget')}
          </button>
        )}
        {!ind.builtin && (
          <a className="button" href={href('resultaten', 'indicator', ind.id, 'bewerken')} aria-label={`${t('results.editIndicator')}: ${ind.name}`}>
            {t('action.edit')}
          </a>
        )}
        {!ind.virtual && (
          <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)} aria-label={`${t('history.title')}: ${ind.name}`}>
            {t('history.title')}
          </button>
        )}
        {!ind.virtual && !ind.builtin && (
          <button type="button" className="danger" onClick={() => void removeIndicator()} aria-label={`${t('action.delete')}: ${ind.name}`}>
            {t('action.delete')}
          </button>
        )}
      </div>
      {showHistory && (
        <div className="rhistory" aria-label={t('results.history')} role="region">
          <h4>{t('results.history')}</h4>
          {ind.virtual ? <HistoryList entries={[]} /> : <EntityHistory items={historyItems} showLabel />}
        </div>
      )}
      {parts.length > 0 && (
        <div className="rparts">
          {parts.map((p) => (
            <IndicatorCard key={p.id} ind={p} today={today} programme={programme} headingLevel={3} />
          ))}
        </div>
      )}
    </section>
  );
}

/** Cards at the top level: each indicator that is not a part of another one on the page, with its parts. */
export function withParts(list: IndicatorView[]): { ind: IndicatorView; parts: IndicatorView[] }[] {
  const ids = new Set(list.map((v) => v.id));
  return list.filter((v) => !v.parentId || !ids.has(v.parentId)).map((ind) => ({ ind, parts: list.filter((v) => v.parentId === ind.id) }));
}

export function ResultsActivity({ id }: { id: string }) {
  const { data, error } = useCall('results.forActivity', { activityId: id });
  if (error) return <LoadError message={error} back={href('resultaten')} />;
  if (!data) return <div className="page" aria-busy="true" />;
  const a = data.activity;
  const label = [a.code, a.name].filter(Boolean).join(' ');
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('resultaten', data.programme.id)}>{t('results.title')}</a> / <a href={href('maatregelen', a.measureId)}>{[a.measureCode, a.measureName].filter(Boolean).join(' ')}</a> /{' '}
        <a href={href('activiteiten', a.id)}>{label}</a>
      </nav>
      <header className="page-head">
        <h1>{t('results.card', { name: label })}</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => go('resultaten', 'nieuw', 'activiteit', a.id)}>
            {t('results.addIndicator')}
          </button>
        </div>
      </header>
      <p className="lead small">
        {data.programme.name} · {t('results.asOf', { date: formatDate(data.today) })}. <a href={href('help')}>{t('results.howStatus')}</a>
      </p>
      {data.indicators.length === 0 && <p className="muted">{t('results.noIndicators')}</p>}
      {withParts(data.indicators).map(({ ind, parts }) => (
        <IndicatorCard key={ind.id} ind={ind} parts={parts} today={data.today} programme={data.programme} />
      ))}
    </div>
  );
}

/** One indicator on its own (used for indicators on a measure), with its "waarvan" parts. */
export function ResultsIndicator({ id, programmeId }: { id: string; programmeId: string }) {
  const { data, error } = useCall('indicator.get', { id });
  const prog = useCall('results.forProgramme', { programmeId });
  if (error || prog.error) return <LoadError message={(error ?? prog.error)!} back={href('resultaten')} />;
  if (!data || !prog.data) return <div className="page" aria-busy="true" />;
  const all = prog.data.measures.flatMap((m) => [...m.indicators, ...m.activities.flatMap((a) => a.indicators)]);
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('resultaten', programmeId)}>{t('results.title')}</a> / <span>{data.name}</span>
      </nav>
      <IndicatorCard ind={data} parts={all.filter((v) => v.parentId === data.id)} today={prog.data.today} programme={prog.data.programme} />
    </div>
  );
}
