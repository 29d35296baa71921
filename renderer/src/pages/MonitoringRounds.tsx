/** Monitoringgesprekken: the rounds, those in preparation first, and a form for a new round. */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, call } from '../api';
import { useConflictGuard } from '../components/ConflictDialog';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { useLoad } from '../useLoad';
import { useNotify } from '../notify';
import { useApp } from '../state';
import { t } from '../i18n';
import { formatDate } from '../format';
import { go, href } from '../router';
import { TextArea, TextField, SelectField } from '../components/Field';
import { InputStatusBadge } from '../components/MonitoringParts';
import { coded } from '../components/Status';
import { messageOf } from '../components/errors';
import { parseDateInput } from '../../../shared/dates';
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
  const { data, error } = useLoad(() => call('monitoring.round.list', {}), []);
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
      {error && <p className="error-box">{error}</p>}
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
  const notify = useNotify();
  const { refresh } = useApp();
  const programmes = useLoad(() => call('programme.list'), []);
  const [programmeId, setProgrammeId] = useState('');
  const [name, setName] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [notes, setNotes] = useState('');
  const [measureIds, setMeasureIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const tree = useLoad(() => (programmeId && !id ? call('tree.get', { programmeId }) : Promise.resolve(null)), [programmeId, id]);
  // What was loaded (or empty for a new round), to know whether leaving loses anything.
  const current = JSON.stringify({ name, start, end, notes, measureIds });
  const [initial, setInitial] = useState(current);
  const [rowVersion, setRowVersion] = useState(0);
  const [reloads, setReloads] = useState(0);
  const guarded = useConflictGuard();

  useEffect(() => {
    if (!id) return;
    void call('monitoring.round.get', { id }).then((r) => {
      setProgrammeId(r.programmeId);
      setName(r.name);
      setStart(formatDate(r.startDate));
      setEnd(formatDate(r.endDate));
      setNotes(r.notes);
      setRowVersion(r.rowVersion);
      setInitial(JSON.stringify({ name: r.name, start: formatDate(r.startDate), end: formatDate(r.endDate), notes: r.notes, measureIds: [] }));
    });
  }, [id, reloads]);
  useEffect(() => {
    if (!id && !programmeId && programmes.data?.length) setProgrammeId((programmes.data.find((p) => p.status === 'lopend') ?? programmes.data[0]!).id);
  }, [programmes.data, programmeId, id]);

  const measures = (tree.data?.lines ?? []).flatMap((l) => l.measures);

  /** Writes the form; the round's id when saved. */
  async function save(): Promise<string | undefined> {
    const errs: Record<string, string> = {};
    const s = parseDateInput(start);
    const en = end.trim() ? parseDateInput(end) : null;
    if (!name.trim()) errs.name = t('val.required');
    if (!s) errs.startDate = t('val.date');
    if (end.trim() && !en) errs.endDate = t('val.date');
    if (s && en && en < s) errs.endDate = t('val.endBeforeStart');
    if (!programmeId) errs.programmeId = t('val.required');
    setErrors(errs);
    if (Object.keys(errs).length) return undefined;
    try {
      const r = id
        ? await guarded((v) => call('monitoring.round.update', { id, rowVersion: v ?? rowVersion, name, startDate: s!, endDate: en, notes }), { onReload: () => setReloads((n) => n + 1) })
        : await call('monitoring.round.create', { programmeId, name, startDate: s!, endDate: en, notes, measureIds });
      if (!r) return undefined;
      notify(t(id ? 'label.update' : 'label.create', { entity: t('entity.monitoringRound'), name: r.name }));
      setInitial(current);
      setRowVersion(r.rowVersion);
      refresh();
      return r.id;
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notify(messageOf(err), 'error');
      return undefined;
    }
  }
  const unsaved = useUnsavedChanges(current !== initial, async () => !!(await save()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const savedId = await save();
    if (!savedId) return;
    unsaved.saved();
    go('monitoring', 'ronde', savedId);
  }

  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('monitoring')}>{t('mon.title')}</a> / <span>{id ? t('mon.round.edit') : t('mon.round.new')}</span>
      </nav>
      <h1>{id ? t('mon.round.edit') : t('mon.round.new')}</h1>
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
        <TextField label={t('mon.round.name')} name="name" value={name} onChange={setName} placeholder={t('mon.round.namePlaceholder')} error={errors.name} required />
        <div className="row">
          <TextField label={t('field.startDate')} name="startDate" value={start} onChange={setStart} placeholder={t('ui.datePlaceholder')} error={errors.startDate} required />
          <TextField label={t('mon.round.endDateOptional')} name="endDate" value={end} onChange={setEnd} placeholder={t('ui.datePlaceholder')} error={errors.endDate} />
        </div>
        <TextArea label={t('field.notes')} name="notes" rows={2} value={notes} onChange={setNotes} />
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
