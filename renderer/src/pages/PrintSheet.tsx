/**
 * The printable Activiteitenblad and Maatregelblad, in the shape of the plan template. Shown
 * without the app's menu; "Afdrukken" uses the browser's print (the desktop shell can save as PDF).
 */
import { useEffect } from 'react';
import { useCall } from '../useLoad';
import { useToday } from '../state';
import { t } from '../i18n';
import { href } from '../router';
import { formatDate } from '../format';
import { ActivitySections } from '../components/ActivitySections';
import { LongText } from '../components/Text';
import { coded } from '../components/Status';
import { holdsOneActivity, type Activity, type MeasureDetail } from '../../../shared/schemas/tree';

function Toolbar({ back }: { back: string }) {
  return (
    <div className="print-toolbar no-print">
      <a className="button" href={back}>
        <span aria-hidden="true">← </span>
        {t('print.back')}
      </a>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('action.print')}
      </button>
    </div>
  );
}

function SheetHead({ kind, title, programme }: { kind: string; title: string; programme: string }) {
  const today = useToday();
  return (
    <header className="sheet-head">
      <div className="sheet-kind">{kind}</div>
      <h1>{title}</h1>
      <div className="sheet-meta">
        {programme} · {t('print.printed', { date: formatDate(today) })}
      </div>
    </header>
  );
}

function ActivityBody({ a }: { a: Activity }) {
  return <ActivitySections a={a} />;
}

export function ActivitySheet({ id }: { id: string }) {
  const { data: a, error } = useCall('activity.get', { id });
  useEffect(() => {
    if (a) document.title = `${t('print.activitySheet')} ${coded(a.code, a.name)}`;
    return () => {
      document.title = t('app.name');
    };
  }, [a]);
  if (error) return <p className="error-box">{error}</p>;
  if (!a) return <div aria-busy="true" />;
  return (
    <div className="sheet">
      <Toolbar back={href('activiteiten', a.id)} />
      <SheetHead kind={t(a.measureShape === 'single' ? 'print.measureSheet' : 'print.activitySheet')} title={coded(a.code, a.name)} programme={a.programmeName} />
      <ActivityBody a={a} />
    </div>
  );
}

function MeasureFacts({ m }: { m: MeasureDetail }) {
  return (
    <table className="sheet-facts">
      <tbody>
        <tr>
          <th scope="row">{t('field.lineId')}</th>
          <td>{m.lineName ? coded(m.lineCode ?? '', m.lineName) : t('tree.noLine')}</td>
        </tr>
        <tr>
          <th scope="row">{t('entity.measure')}</th>
          <td>{coded(m.code, m.name)}</td>
        </tr>
        <tr>
          <th scope="row">{t('field.status')}</th>
          <td>
            {t(`status.${m.status}`)}
            {m.plusvoorziening && ` · ${t('field.plusvoorziening')}`}
          </td>
        </tr>
        <tr>
          <th scope="row">{t('field.targetGroups')}</th>
          <td>{m.targetGroups.join(', ') || '—'}</td>
        </tr>
        <tr>
          <th scope="row">{t('field.leadOrganisationId')}</th>
          <td>{m.lead?.name ?? '—'}</td>
        </tr>
        <tr>
          <th scope="row">{t('field.executorIds')}</th>
          <td>{m.executors.map((o) => o.name).join(', ') || '—'}</td>
        </tr>
        <tr>
          <th scope="row">{t('field.description')}</th>
          <td>
            <LongText text={m.description} />
          </td>
        </tr>
        <tr>
          <th scope="row">{t('measure.activities')}</th>
          <td>
            <ul className="plain">
              {m.activities.map((a) => (
                <li key={a.id}>{coded(a.code, a.name)}</li>
              ))}
            </ul>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function MeasureSheet({ id }: { id: string }) {
  const { data: m, error } = useCall('measure.get', { id });
  useEffect(() => {
    if (m) document.title = `${t('print.measureSheet')} ${coded(m.code, m.name)}`;
    return () => {
      document.title = t('app.name');
    };
  }, [m]);
  if (error) return <p className="error-box">{error}</p>;
  if (!m) return <div aria-busy="true" />;
  // A measure that is its own activity prints as one sheet: the template already holds its facts.
  const own = holdsOneActivity(m.shape) ? m.activities[0] : undefined;
  if (own)
    return (
      <div className="sheet">
        <Toolbar back={href('activiteiten', own.id)} />
        <SheetHead kind={t(m.shape === 'single' ? 'print.measureSheet' : 'print.activitySheet')} title={coded(m.code, m.name)} programme={m.programmeName} />
        <ActivityBody a={own} />
      </div>
    );
  return (
    <div className="sheet">
      <Toolbar back={href('maatregelen', m.id)} />
      <SheetHead kind={t('print.measureSheet')} title={coded(m.code, m.name)} programme={m.programmeName} />
      <MeasureFacts m={m} />
      {m.activities.map((a) => (
        <article key={a.id} className="sheet-activity" aria-label={coded(a.code, a.name)}>
          <h2 className="sheet-activity-title">
            {t('print.activitySheet')}: {coded(a.code, a.name)}
          </h2>
          <ActivityBody a={a} />
        </article>
      ))}
    </div>
  );
}
