/** Results of a programme: the summary per measure and activity, the "Aandacht nodig" list and the thresholds. */
import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { LoadProblem } from '../components/LoadError';
import { t, type MessageKey } from '../i18n';
import { formatDate } from '../format';
import { go, href } from '../router';
import { SelectField, TextField } from '../components/Field';
import { STATUS_ICON, StatusBadge, missedText } from './ResultsParts';
import { RESULT_STATUSES, type ResultStatus } from '../../../shared/results/types';
import type { AttentionItem, ProgrammeResults } from '../../../shared/schemas/results';
import { holdsOneActivity } from '../../../shared/schemas/tree';
import { ShapeBadge } from '../components/Status';

function Counts({ counts, label }: { counts: Record<ResultStatus, number>; label: string }) {
  const shown = RESULT_STATUSES.filter((s) => counts[s] > 0);
  if (!shown.length) return <span className="muted small">{t('results.noIndicators')}</span>;
  return (
    <ul className="counts" aria-label={label}>
      {shown.map((s) => (
        <li key={s} className={`rstatus rstatus-${s}`}>
          <span aria-hidden="true">{STATUS_ICON[s]}</span> {counts[s]} {t(`resultStatus.${s}` as MessageKey).toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

function reasonText(a: AttentionItem): string {
  switch (a.kind) {
    case 'achter':
      return t('results.reason.behind');
    case 'aandacht':
      return t('results.reason.attention');
    case 'gemist':
      return missedText(a);
    case 'voorlopig':
      return t('results.reason.stale', { date: formatDate(a.date) });
    case 'categorieen': {
      const [sum, total] = a.detail.split('/');
      return t('results.reason.mismatch', { sum: sum ?? '', total: total ?? '' });
    }
  }
}

const ATTENTION_ICON: Record<AttentionItem['kind'], string> = { achter: '✖', aandacht: '⚠', gemist: '◔', voorlopig: '◑', categorieen: '∑' };

function AttentionList({ r }: { r: ProgrammeResults }) {
  return (
    <section className="card" aria-labelledby="attention-h">
      <h2 id="attention-h">
        {t('results.attention')} <span className="count-pill">{r.attention.length}</span>
      </h2>
      <p className="small muted">{t('results.attentionIntro')}</p>
      {r.attention.length === 0 ? (
        <p>{t('results.attentionEmpty')}</p>
      ) : (
        <ul className="attention" aria-label={t('results.attention')}>
          {r.attention.map((a, i) => (
            <li key={`${a.indicatorId}-${a.kind}-${a.date}-${i}`}>
              <span className={`attention-kind attention-${a.kind}`}>
                <span aria-hidden="true">{ATTENTION_ICON[a.kind]}</span> {reasonText(a)}
              </span>
              <a href={a.ownerKind === 'activity' ? href('resultaten', 'activiteit', a.ownerId) : href('resultaten', r.programme.id, 'indicator', a.indicatorId)}>{a.indicatorName}</a>
              <span className="small muted"> · {a.ownerName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ThresholdsForm({ r }: { r: ProgrammeResults }) {
  const { act } = useAct();
  const [on, setOn] = useState(String(r.thresholds.onTrackMargin));
  const [att, setAtt] = useState(String(r.thresholds.attentionMargin));
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const a = /^\d{1,3}$/.test(on.trim()) ? Number(on) : NaN;
    const b = /^\d{1,3}$/.test(att.trim()) ? Number(att) : NaN;
    if (Number.isNaN(a)) errs.onTrackMargin = t('val.wholeNumber');
    if (Number.isNaN(b)) errs.attentionMargin = t('val.wholeNumber');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    await act(() => call('results.thresholds', { programmeId: r.programme.id, onTrackMargin: a, attentionMargin: b }), {
      done: t('results.thresholdsSaved'),
      failed: (err) => setErrors(err.fieldErrors()),
    });
  }
  return (
    <form className="form card" aria-labelledby="thr-h" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="thr-h">{t('results.thresholds')}</h2>
      <p className="small muted">{t('results.thresholdsHelp')}</p>
      <div className="row">
        <TextField label={t('field.onTrackMargin')} name="onTrackMargin" value={on} onChange={setOn} error={errors.onTrackMargin} inputMode="numeric" />
        <TextField label={t('field.attentionMargin')} name="attentionMargin" value={att} onChange={setAtt} error={errors.attentionMargin} inputMode="numeric" />
      </div>
      <div className="form-actions">
        <button type="submit">{t('action.save')}</button>
      </div>
    </form>
  );
}

export function ResultsOverview({ programmeId }: { programmeId?: string }) {
  const programmes = useCall('programme.list');
  const chosen = programmeId ?? programmes.data?.find((p) => p.status === 'lopend')?.id ?? programmes.data?.[0]?.id;
  const { data: r, error } = useCall('results.forProgramme', { programmeId: chosen ?? '' }, { enabled: !!chosen });

  if (programmes.data && programmes.data.length === 0)
    return (
      <div className="page">
        <h1>{t('results.title')}</h1>
        <p>{t('programme.list.empty')}</p>
      </div>
    );
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('results.title')}</h1>
        <div className="actions">
          {programmes.data && chosen && (
            <SelectField
              label={t('results.chooseProgramme')}
              name="programme"
              value={chosen}
              onChange={(v) => go('resultaten', v)}
              options={programmes.data.map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
        </div>
      </header>
      <p className="lead">
        {t('results.intro')} <a href={href('help')}>{t('results.howStatus')}</a>
      </p>
      <LoadProblem q={programmes} />
      {error && <p className="error-box" role="alert">{error}</p>}
      {!r ? (
        <div aria-busy="true" />
      ) : (
        <>
          <section className="card" aria-labelledby="sum-h">
            <h2 id="sum-h">
              {t('results.summary')} <span className="small muted">· {t('results.asOf', { date: formatDate(r.today) })}</span>
            </h2>
            <Counts counts={r.counts} label={`${t('results.summary')} ${r.programme.name}`} />
          </section>
          <AttentionList r={r} />
          <section aria-labelledby="per-measure-h">
            <h2 id="per-measure-h">{t('results.summaryFor')}</h2>
            {r.measures.length === 0 && <p className="muted">{t('results.noActivities')}</p>}
            {r.measures.length > 0 && (
            <table className="table results-table">
              <thead>
                <tr>
                  <th scope="col">{t('results.measure')} / {t('results.activity').toLowerCase()}</th>
                  <th scope="col">{t('results.status')}</th>
                </tr>
              </thead>
              <tbody>
                {r.measures.map((m) => (
                  <MeasureRows key={m.id} m={m} programmeId={r.programme.id} />
                ))}
              </tbody>
            </table>
            )}
          </section>
          <ThresholdsForm key={`${r.programme.id}-${r.thresholds.onTrackMargin}-${r.thresholds.attentionMargin}`} r={r} />
        </>
      )}
    </div>
  );
}

/** An item that is its own activity: one row, opening the activity's results, its indicators listed. */
function OwnActivityRow({ m, programmeId }: { m: ProgrammeResults['measures'][number]; programmeId: string }) {
  const label = [m.code, m.name].filter(Boolean).join(' ');
  const a = m.activities[0]!;
  return (
    <tr className="measure-row">
      <th scope="row">
        <a href={href('resultaten', 'activiteit', a.id)}>{label}</a> <ShapeBadge shape={m.shape} />
        {m.indicators.map((ind) => (
          <div key={ind.id} className="small measure-ind">
            <a href={href('resultaten', programmeId, 'indicator', ind.id)}>{ind.name}</a> <StatusBadge status={ind.evaluation.status} />
          </div>
        ))}
        <div className="small muted">{a.indicators.map((i) => i.name).join(' · ') || (m.indicators.length ? '' : t('results.noIndicators'))}</div>
      </th>
      <td>
        <Counts counts={m.counts} label={`${t('results.status')} ${label}`} />
      </td>
    </tr>
  );
}

function MeasureRows({ m, programmeId }: { m: ProgrammeResults['measures'][number]; programmeId: string }) {
  const label = [m.code, m.name].filter(Boolean).join(' ');
  if (holdsOneActivity(m.shape) && m.activities.length === 1) return <OwnActivityRow m={m} programmeId={programmeId} />;
  return (
    <>
      <tr className="measure-row">
        <th scope="row">
          {label}
          {m.indicators.map((ind) => (
            <div key={ind.id} className="small measure-ind">
              <a href={href('resultaten', programmeId, 'indicator', ind.id)}>{ind.name}</a> <StatusBadge status={ind.evaluation.status} />
            </div>
          ))}
          <div className="small">
            <a href={href('resultaten', 'nieuw', 'maatregel', m.id)} aria-label={t('results.addIndicatorTo', { name: label })}>
              + {t('results.addIndicator')}
            </a>
          </div>
        </th>
        <td>
          <Counts counts={m.counts} label={`${t('results.status')} ${label}`} />
        </td>
      </tr>
      {m.activities.map((a) => {
        const al = [a.code, a.name].filter(Boolean).join(' ');
        return (
          <tr key={a.id}>
            <td className="indent">
              <a href={href('resultaten', 'activiteit', a.id)}>{al}</a>
              <div className="small muted">{a.indicators.map((i) => i.name).join(' · ') || t('results.noIndicators')}</div>
            </td>
            <td>
              <Counts counts={a.counts} label={`${t('results.status')} ${al}`} />
            </td>
          </tr>
        );
      })}
    </>
  );
}
