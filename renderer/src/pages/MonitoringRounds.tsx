/** Monitoringgesprekken: the rounds, those in preparation first, and a form for a new round. */
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useRecordForm } from '../useRecordForm';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { LoadError, LoadProblem } from '../components/LoadError';
import { t } from '../i18n';
import { formatDate } from '../format';
import { go, href } from '../router';
import { TextArea, TextField, SelectField } from '../components/Field';
import { InputStatusBadge } from '../components/MonitoringParts';
import { coded } from '../components/Status';
import { parseDateInput, dateError } from '../../../shared/dates';
import type { RoundSummary } from '../../../shared/schemas/monitoring';

const dates = (r: { startDate: string; endDate: string | null }) => (r.endDate && r.endDate !== r.startDate ? `${formatDate(r.startDate)} – ${formatDate(r.endDate)}` : formatDate(r.startDate));

function RoundCard({ r }: { r: RoundSummary }) {
  const answered = r.interviews.reduce((n, i) => n + i.answered, 0);
  const total = r.interviews.reduce((n, i) => n + i.total, 0);
  return (
    <li className="card round-card">
      <div className="round-card-head">
        <h3>
          <a href={href('monitoring', 'ronde', r.id)}>{r.name}</a>
        </h3>
        <span className="muted">{dates(r)}</span>
      </div>
      <div className="muted small">
        {r.programmeName} · {t('mon.round.measuresCount', { n: r.interviews.length })} · {t('mon.round.answered', { answered, total })} ·{' '}
        {t('mon.rounds.actions', { n: r.actionCount, open: r.openActionCount })}
      </div>
      <ul className="plain-list">
        {r.interviews.map((i) => (
          <li key={i.id}>
            <a href={href('monitoring', 'input', i.id)}>{coded(i.measureCode, i.measureName)}</a>
            {i.partnerName && <span className="muted"> — {i.partnerName}</span>} <InputStatusBadge status={i.status} />{' '}
            <span className="muted small">{t('mon.round.answered', { answered: i.answered, total: i.total })}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

export function MonitoringRounds() {
  const { data, error } = useCall('monitoring.round.list', {});
  const upcoming = (data ?? []).filter((r) => r.upcoming).reverse();
  const past = (data ?? []).filter((r) => !r.upcoming);
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('mon.title')}</h1>
        <div className="actions">
          <a className="button" href={href('acties')}>
            {t('mon.actions.title')}
          </a>
          <a className="button" href={href('monitoring', 'vragen')}>
            {t('mon.questions.title')}
          </a>
          <a className="button primary" href={href('monitoring', 'nieuw')}>
            {t('mon.round.new')}
          </a>
        </div>
      </header>
      <p className="lead">{t('mon.lead')}</p>
      {error && <p className="error-box" role="alert">{error}</p>}
      {data && data.length === 0 && <p className="muted">{t('mon.rounds.empty')}</p>}
      {upcoming.length > 0 && (
        <section aria-labelledby="up-h">
          <h2 id="up-h">{t('mon.round.status.upcoming')}</h2>
          <ul className="plain-list">
            {upcoming.map((r) => (
              <RoundCard key={r.id} r={r} />
            ))}
          </ul>
        </section>
      )}
      {past.length > 0 && (
        <section aria-labelledby="past-h">
          <h2 id="past-h">{t('mon.round.status.past')}</h2>
          <ul className="plain-list">
            {past.map((r) => (
              <RoundCard key={r.id} r={r} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** A new round (programme, name, dates, measures in scope) or the edit of one (name, dates, notes). */
export function MonitoringRoundForm({ id }: { id?: string }) {
  const { act } = useAct();
  const programmes = useCall('programme.list');
  const round = useCall('monitoring.round.get', { id: id ?? '' }, { enabled: !!id });
  const record = useRecordForm(round.data, (r) => ({ name: r.name, start: formatDate(r.startDate), end: formatDate(r.endDate), notes: r.notes }), { name: '', start: '', end: '', notes: '' });
  const { form, setForm } = record;
  const { name, start, end, notes } = form;
  const field = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const [chosen, setProgrammeId] = useState('');
  const programmeId = id ? (round.data?.programmeId ?? '') : chosen;
  const [measureIds, setMeasureIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const tree = useCall('tree.outline', { programmeId }, { enabled: !!programmeId && !id });

  useEffect(() => {
    if (!id && !chosen && programmes.data?.length) setProgrammeId((programmes.data.find((p) => p.status === 'lopend') ?? programmes.data[0]!).id);
  }, [programmes.data, chosen, id]);

  const measures = (tree.data?.lines ?? []).flatMap((l) => l.measures);

  /** Writes the form; the round as saved, or undefined (refused, or not saved after a conflict). */
  async function save() {
    const errs: Record<string, string> = {};
    const s = parseDateInput(start);
    const en = end.trim() ? parseDateInput(end) : null;
    if (!name.trim()) errs.name = t('val.required');
    if (!s) errs.startDate = dateError(start);
    if (end.trim() && !en) errs.endDate = dateError(end);
    if (s && en && en < s) errs.endDate = t('val.endBeforeStart');
    if (!programmeId) errs.programmeId = t('val.required');
    setErrors(errs);
    if (Object.keys(errs).length) return undefined;
    const based = record.based;
    const r = await act(
      (v) =>
        id
          ? call('monitoring.round.update', { id, rowVersion: v ?? based?.rowVersion ?? 0, name, startDate: s!, endDate: en, notes })
          : call('monitoring.round.create', { programmeId, name, startDate: s!, endDate: en, notes, measureIds }),
      {
        done: (r) => t(id ? 'label.update' : 'label.create', { entity: t('entity.monitoringRound'), name: r.name }),
        failed: (err) => setErrors(err.fieldErrors()),
        reload: record.reset,
      },
    );
    if (!r.ok) return undefined;
    record.saved();
    unsaved.saved();
    return r.value;
  }
  const unsaved = useUnsavedChanges(record.dirty, async () => !!(await save()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await save();
    if (saved) go('monitoring', 'ronde', saved.id);
  }

  if (round.error) return <LoadError message={round.error} back={href('monitoring')} />;
  if (id && !round.data) return <div className="page" aria-busy="true" />;
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('monitoring')}>{t('mon.title')}</a> / <span>{id ? t('mon.round.edit') : t('mon.round.new')}</span>
      </nav>
      <h1>{id ? t('mon.round.edit') : t('mon.round.new')}</h1>
      <LoadProblem q={programmes} />
      <LoadProblem q={tree} />
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        {!id && (
          <SelectField
            label={t('mon.round.programme')}
            name="programmeId"
            value={programmeId}
            onChange={(v) => {
              setProgrammeId(v);
              setMeasureIds([]);
            }}
            options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            error={errors.programmeId}
            required
          />
        )}
        <TextField label={t('mon.round.name')} name="name" value={name} onChange={field('name')} placeholder={t('mon.round.namePlaceholder')} error={errors.name} required />
        <div className="row">
          <TextField label={t('field.startDate')} name="startDate" value={start} onChange={field('start')} placeholder={t('ui.datePlaceholder')} error={errors.startDate} required />
          <TextField label={t('mon.round.endDateOptional')} name="endDate" value={end} onChange={field('end')} placeholder={t('ui.datePlaceholder')} error={errors.endDate} />
        </div>
        <TextArea label={t('field.notes')} name="notes" rows={2} value={notes} onChange={field('notes')} />
        {!id && (
          <fieldset className="checks">
            <legend>{t('mon.round.measures')}</legend>
            {measures.length === 0 && <p className="muted small">{t('mon.round.noMeasures')}</p>}
            {measures.map((m) => (
              <label key={m.id} className="check-option">
                <input
                  type="checkbox"
                  checked={measureIds.includes(m.id)}
                  onChange={(e) => setMeasureIds((ids) => (e.target.checked ? [...ids, m.id] : ids.filter((x) => x !== m.id)))}
                />{' '}
                {coded(m.code, m.name)}
              </label>
            ))}
          </fieldset>
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('action.save')}
          </button>
          <a className="button" href={id ? href('monitoring', 'ronde', id) : href('monitoring')}>
            {t('action.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
