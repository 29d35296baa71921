/** One monitoring round: measures in scope with their inputs, attendees, the agenda of carried-over actions, and this round's actions. */
import { partnerOptions } from '../components/PartnerPicker';
import { LoadError, LoadProblem } from '../components/LoadError';
import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t } from '../i18n';
import { formatDate } from '../format';
import { go, href } from '../router';
import { SelectField, TextField } from '../components/Field';
import { DeleteButton } from '../components/DeleteButton';
import { LongText } from '../components/Text';
import { ActionForm, ActionTable, InputStatusBadge, type ActionContext } from '../components/MonitoringParts';
import { coded } from '../components/Status';
import type { InterviewSummary, RoundDetail } from '../../../shared/schemas/monitoring';

export const interviewLabel = (i: Pick<InterviewSummary, 'measureCode' | 'measureName' | 'partnerName'>) =>
  coded(i.measureCode, i.measureName) + (i.partnerName ? ` — ${i.partnerName}` : '');

function AttendeeAdd({ interviewId, label }: { interviewId: string; label: string }) {
  const { act } = useAct();
  const [open, setOpen] = useState(false);
  const [orgId, setOrgId] = useState('');
  const [contactId, setContactId] = useState('');
  const [name, setName] = useState('');
  const [organisationName, setOrganisationName] = useState('');
  const [fn, setFn] = useState('');
  const [error, setError] = useState<string>();
  const orgs = useCall('organisation.list', undefined, { enabled: open });
  const org = useCall('organisation.get', { id: orgId }, { enabled: !!orgId });

  async function submit(e: FormEvent) {
    e.preventDefault();
    await act(() => call('monitoring.attendee.add', { interviewId, contactId: contactId || null, name, organisationName, function: fn }), {
      done: t('label.create', { entity: t('entity.monitoringAttendee'), name: name || t('mon.attendees.fromContacts') }),
      then: () => {
        setContactId('');
        setName('');
        setOrganisationName('');
        setFn('');
        setError(undefined);
      },
      failed: (err) => setError(err.message),
      inline: true,
    });
  }

  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={`${t('mon.attendees.add')}: ${label}`}>
        + {t('mon.attendees.add')}
      </button>
    );
  return (
    <form className="attendee-form" onSubmit={(e) => void submit(e)} aria-label={`${t('mon.attendees.add')}: ${label}`} noValidate>
      <div className="row">
        <SelectField
          label={t('mon.attendees.organisation')}
          name="org"
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setContactId('');
          }}
          placeholder={t('mon.attendees.chooseOrganisation')}
          options={partnerOptions(orgs.data ?? [])}
        />
        {orgId && (
          <SelectField
            label={t('mon.attendees.fromContacts')}
            name="contactId"
            value={contactId}
            onChange={setContactId}
            placeholder={t('mon.attendees.chooseContact')}
            options={(org.data?.contacts ?? []).map((c) => ({ value: c.id, label: [c.name, c.function].filter(Boolean).join(', ') }))}
          />
        )}
      </div>
      <LoadProblem q={orgs} />
      <LoadProblem q={org} />
      {!contactId && (
        <div className="row">
          <TextField label={t('field.name')} name="name" professional value={name} onChange={setName} error={error} />
          <TextField label={t('field.organisationName')} name="organisationName" professional value={organisationName} onChange={setOrganisationName} />
          <TextField label={t('field.function')} name="function" professional value={fn} onChange={setFn} />
        </div>
      )}
      {contactId && error && <p className="field-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('action.add')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('action.close')}
        </button>
      </div>
    </form>
  );
}

function AddMeasure({ round }: { round: RoundDetail }) {
  const { act } = useAct();
  const tree = useCall('tree.outline', { programmeId: round.programmeId });
  const orgs = useCall('organisation.list');
  const [measureId, setMeasureId] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [error, setError] = useState<string>();
  const measures = (tree.data?.lines ?? []).flatMap((l) => l.measures);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!measureId) return setError(t('val.required'));
    await act(() => call('monitoring.interview.add', { roundId: round.id, measureId, partnerId: partnerId || null }), {
      done: t('mon.round.measureAdded'),
      then: () => {
        setMeasureId('');
        setPartnerId('');
        setError(undefined);
      },
      // Shown under the field, whose label already names it.
      failed: (err) => setError(err.message.replace(/^[^:]+: /, '')),
      inline: true,
    });
  }
  return (
    <form className="row add-measure" onSubmit={(e) => void submit(e)} aria-label={t('mon.round.addMeasure')} noValidate>
      <LoadProblem q={tree} />
      <LoadProblem q={orgs} />
      <SelectField
        label={t('mon.action.measure')}
        name="measureId"
        value={measureId}
        onChange={setMeasureId}
        placeholder={t('mon.round.chooseMeasure')}
        options={measures.map((m) => ({ value: m.id, label: coded(m.code, m.name) }))}
        error={error}
      />
      <SelectField
        label={t('mon.round.partner')}
        name="partnerId"
        value={partnerId}
        onChange={setPartnerId}
        placeholder={t('mon.round.allPartners')}
        options={partnerOptions(orgs.data ?? [])}
      />
      <div className="field field-button">
        <button type="submit">{t('mon.round.addMeasure')}</button>
      </div>
    </form>
  );
}

export function MonitoringRound({ id }: { id: string }) {
  const { act } = useAct();
  const { data: r, error } = useCall('monitoring.round.get', { id });
  const [adding, setAdding] = useState(false);

  if (error) return <LoadError message={error} back={href('monitoring')} />;
  if (!r) return <div className="page" aria-busy="true" />;
  const uniqueMeasures = [...new Map(r.interviews.map((i) => [i.measureId, { id: i.measureId, label: coded(i.measureCode, i.measureName) }])).values()];
  const ctx: ActionContext = { roundId: r.id, roundDate: r.startDate, measures: uniqueMeasures };
  return (
    <div className="page wide">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('monitoring')}>{t('mon.title')}</a> / <span>{r.name}</span>
      </nav>
      <header className="page-head">
        <div>
          <h1>{r.name}</h1>
          <div className="muted">
            {formatDate(r.startDate)}
            {r.endDate && r.endDate !== r.startDate && ` – ${formatDate(r.endDate)}`} · {r.programmeName} ·{' '}
            {r.upcoming ? t('mon.round.status.upcoming') : t('mon.round.status.past')}
          </div>
        </div>
        <div className="actions">
          <a className="button" href={href('monitoring', 'ronde', r.id, 'bewerken')}>
            {t('action.edit')}
          </a>
          <a className="button" href={href('afdrukken', 'verslag', r.id)}>
            {t('mon.round.report')}
          </a>
          <DeleteButton
            onConfirm={() => act((v) => call('monitoring.round.delete', { id: r.id, rowVersion: v ?? r.rowVersion }), { done: t('label.delete', { entity: t('entity.monitoringRound'), name: r.name }), conflict: 'delete', then: () => go('monitoring') })}
          />
        </div>
      </header>
      {r.notes && <LongText text={r.notes} />}

      <section className="card" aria-labelledby="scope-h">
        <h2 id="scope-h">{t('mon.round.measures')}</h2>
        <table className="table">
          <caption className="sr-only">{t('mon.round.measures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mon.action.measure')}</th>
              <th scope="col">{t('mon.input.status')}</th>
              <th scope="col">{t('mon.round.answers')}</th>
              <th scope="col" className="num">{t('mon.attendees')}</th>
              <th scope="col">
                <span className="sr-only">{t('mon.round.links')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.interviews.map((i) => (
              <tr key={i.id}>
                <td>
                  <a href={href('monitoring', 'input', i.id)}>{interviewLabel(i)}</a>
                </td>
                <td>
                  <InputStatusBadge status={i.status} />
                </td>
                <td className="nowrap">{t('mon.round.answered', { answered: i.answered, total: i.total })}</td>
                <td className="num">{i.attendees.length}</td>
                <td className="nowrap">
                  <a href={href('monitoring', 'input', i.id)}>{t('mon.input.open')}</a>
                  {' · '}
                  <a href={href('afdrukken', 'input', i.id)} aria-label={`${t('mon.input.print')}: ${interviewLabel(i)}`}>
                    {t('action.print')}
                  </a>
                  {' · '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${t('mon.round.removeMeasure')}: ${interviewLabel(i)}`}
                    onClick={() => void act((v) => call('monitoring.interview.remove', { id: i.id, rowVersion: v ?? i.rowVersion }), { done: t('label.delete', { entity: t('entity.monitoringInterview'), name: interviewLabel(i) }), conflict: 'delete' })}
                  >
                    {t('mon.round.removeMeasure')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <AddMeasure round={r} />
      </section>

      <section className="card" aria-labelledby="att-h">
        <h2 id="att-h">{t('mon.attendees')}</h2>
        <div className="attendee-grid">
          {r.interviews.map((i) => (
            <div key={i.id} className="attendee-block">
              <h3>{interviewLabel(i)}</h3>
              {i.attendees.length === 0 && <p className="muted small">{t('mon.attendees.none')}</p>}
              <ul className="plain-list attendees">
                {i.attendees.map((a) => (
                  <li key={a.id}>
                    {a.name}
                    <span className="muted small">{[a.organisationName, a.function].filter(Boolean).length > 0 && ` — ${[a.organisationName, a.function].filter(Boolean).join(', ')}`}</span>{' '}
                    <button
                      type="button"
                      className="link-button small"
                      aria-label={t('mon.attendees.remove', { name: a.name })}
                      title={t('mon.attendees.remove', { name: a.name })}
                      onClick={() => void act((v) => call('monitoring.attendee.remove', { id: a.id, rowVersion: v ?? a.rowVersion }), { done: t('label.delete', { entity: t('entity.monitoringAttendee'), name: a.name }), conflict: 'delete' })}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              <AttendeeAdd interviewId={i.id} label={interviewLabel(i)} />
            </div>
          ))}
        </div>
      </section>

      <section className="card" aria-labelledby="agenda-h">
        <h2 id="agenda-h">{t('mon.round.agenda')}</h2>
        {r.agenda.length === 0 ? <p className="muted">{t('mon.round.agendaEmpty')}</p> : <ActionTable actions={r.agenda} showRound caption={t('mon.round.agenda')} />}
      </section>

      <section className="card" aria-labelledby="actions-h">
        <div className="section-head">
          <h2 id="actions-h">{t('mon.round.actions')}</h2>
          {!adding && uniqueMeasures.length > 0 && (
            <button type="button" onClick={() => setAdding(true)}>
              + {t('mon.action.add')}
            </button>
          )}
        </div>
        {adding && <ActionForm ctx={ctx} onDone={() => setAdding(false)} />}
        <ActionTable actions={r.actions} ctx={ctx} caption={t('mon.round.actions')} />
      </section>
    </div>
  );
}
