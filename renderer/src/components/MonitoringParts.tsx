/**
 * Pieces shared by the monitoring screens: the facts panel, the action table with its form, and
 * status badges. Overdue actions carry an icon and the words "Te laat", never colour alone.
 */
import { partnerOptions } from './PartnerPicker';
import { parsePeriod, periodLabel } from '../../../shared/results/periods';
import { formatCount } from '../../../shared/participants';
import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { t, type MessageKey } from '../i18n';
import { formatCents, formatDate } from '../format';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { SelectField, TextArea, TextField } from './Field';
import { LoadProblem } from './LoadError';
import { parseDateInput, dateError } from '../../../shared/dates';
import { checkAction, ACTION_STATUSES, type ActionStatus } from '../../../shared/monitoring/actions';
import type { Action, MeasureFacts } from '../../../shared/schemas/monitoring';
import { StatusBadge } from '../pages/ResultsParts';

export const inputStatusLabel = (s: string) => t(`mon.status.${s}` as MessageKey);
export const actionStatusLabel = (s: string) => t(`status.${s}` as MessageKey);

export function InputStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-input-${status}`}>{inputStatusLabel(status)}</span>;
}

export function Overdue({ action }: { action: Pick<Action, 'overdue'> }) {
  if (!action.overdue) return null;
  return (
    <span className="overdue" title={t('mon.action.overdueLong')}>
      <span aria-hidden="true">⚠ </span>
      {t('mon.action.overdue')}
    </span>
  );
}

export const owner = (a: Pick<Action, 'ownerName' | 'ownerOrganisationName'>) => [a.ownerName, a.ownerOrganisationName].filter(Boolean).join(', ');

// ---- Facts

export function ParticipantsFacts({ facts }: { facts: MeasureFacts }) {
  if (facts.participants.length === 0) return <p className="muted small">{t('mon.facts.noParticipants')}</p>;
  return (
    <table className="table compact">
      <caption className="sr-only">{t('mon.facts.participants')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('mon.facts.schoolYear')}</th>
          <th scope="col" className="num">
            {t('mon.facts.planned')}
          </th>
          <th scope="col" className="num">
            {t('mon.facts.reached')}
          </th>
        </tr>
      </thead>
      <tbody>
        {facts.participants.map((p) => (
          <tr key={p.schoolYear}>
            <td>{p.schoolYear}</td>
            <td className="num">{formatCount(p.planned)}</td>
            <td className="num">{formatCount(p.reached)}</td>
          </tr>
        ))}
        {facts.participants.length > 1 && (
          <tr className="total">
            <th scope="row">{t('activity.total')}</th>
            <td className="num">{formatCount(facts.participants.reduce((s, p) => s + p.planned, 0))}</td>
            <td className="num">{facts.participants.some((p) => p.reached !== null) ? formatCount(facts.participants.reduce((s, p) => s + (p.reached ?? 0), 0)) : '—'}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** "01-11-2017, over 2016/2017": the date of the latest value and the period it is about. */
function latestText(r: { latestDate: string | null; period: string | null }): string {
  const p = r.period ? parsePeriod(r.period) : null;
  return [formatDate(r.latestDate), p ? t('results.aboutPeriod', { period: periodLabel(p) }) : ''].filter(Boolean).join(', ');
}

export function ResultsFacts({ facts, compact = false }: { facts: MeasureFacts; compact?: boolean }) {
  if (!facts.results.available) return <p className="muted small">{t('mon.facts.notAvailable')}</p>;
  if (compact)
    return (
      <ul className="fact-results">
        {facts.results.items.map((r, i) => (
          <li key={i}>
            <div className="fact-result-head">
              <span>{r.partOf ? `${t('results.waarvan')} ${r.indicator}` : r.indicator}</span> <StatusBadge status={r.status} />
            </div>
            <div className="muted small">
              {r.owner && `${r.owner} · `}
              {t('mon.facts.target')} {r.target} · {t('mon.facts.value')} {r.value}
              {r.latestDate && ` (${latestText(r)})`}
            </div>
            {r.together && <div className="small fact-together">{r.together}</div>}
          </li>
        ))}
      </ul>
    );
  return (
    <table className="table compact">
      <caption className="sr-only">{t('mon.facts.results')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('mon.facts.indicator')}</th>
          <th scope="col" className="num">
            {t('mon.facts.target')}
          </th>
          <th scope="col" className="num">
            {t('mon.facts.value')}
          </th>
          <th scope="col">{t('mon.action.status')}</th>
        </tr>
      </thead>
      <tbody>
        {facts.results.items.map((r, i) => (
          <tr key={i} className={r.partOf ? 'fact-part' : undefined}>
            <td>
              {r.partOf ? `${t('results.waarvan')} ${r.indicator}` : r.indicator}
              {r.owner && <div className="muted small">{r.owner}</div>}
              {r.together && <div className="small fact-together">{r.together}</div>}
            </td>
            <td className="num">{r.target}</td>
            <td className="num">
              {r.value}
              {r.latestDate && <div className="muted small">{latestText(r)}</div>}
            </td>
            <td>
              <StatusBadge status={r.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BudgetFacts({ facts }: { facts: MeasureFacts }) {
  if (!facts.budget.available) return <p className="muted small">{t('mon.facts.notAvailable')}</p>;
  return (
    <table className="table compact">
      <caption className="sr-only">{t('mon.facts.budget')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('mon.facts.year')}</th>
          <th scope="col" className="num">
            {t('mon.facts.budgeted')}
          </th>
          <th scope="col" className="num">
            {t('mon.facts.spent')}
          </th>
        </tr>
      </thead>
      <tbody>
        {facts.budget.years.map((y) => (
          <tr key={y.year}>
            <td>{y.year}</td>
            <td className="num">{formatCents(y.budgetedCents)}</td>
            <td className="num">{y.spentCents === null ? '—' : formatCents(y.spentCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OpenActionsFacts({ facts }: { facts: MeasureFacts }) {
  if (facts.openActions.length === 0) return <p className="muted small">{t('mon.facts.noOpenActions')}</p>;
  return (
    <ul className="fact-actions">
      {facts.openActions.map((a) => (
        <li key={a.id}>
          {a.text}
          <div className="muted small">
            {a.owner} · {actionStatusLabel(a.status)}
            {a.deadline && ` · ${t('mon.action.deadline')} ${formatDate(a.deadline)}`} · {t('mon.action.fromRound', { round: a.roundName })} <Overdue action={a} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The whole panel beside the questions. */
export function FactsPanel({ facts, frozen, frozenAt }: { facts: MeasureFacts; frozen: boolean; frozenAt: string | null }) {
  return (
    <aside className="card facts-panel" aria-labelledby="facts-h">
      <h2 id="facts-h">{t('mon.facts.title')}</h2>
      <p className="muted small">{frozen ? t('mon.input.frozenFacts', { date: formatDate(frozenAt ?? facts.asOf) }) : t('mon.input.liveFacts', { date: formatDate(facts.asOf) })}</p>
      {facts.partnerName && (
        <p className="muted small">{facts.partnerScoped ? t('mon.facts.partnerShare', { name: facts.partnerName }) : t('mon.facts.partnerWhole', { name: facts.partnerName })}</p>
      )}
      <h3>{t('mon.facts.participants')}</h3>
      <ParticipantsFacts facts={facts} />
      <h3>{t('mon.facts.results')}</h3>
      <ResultsFacts facts={facts} compact />
      <h3>{t('mon.facts.budget')}</h3>
      <BudgetFacts facts={facts} />
      <h3>{t('mon.facts.openActions')}</h3>
      <OpenActionsFacts facts={facts} />
    </aside>
  );
}

// ---- Actions

interface ActionFormState {
  measureId: string;
  activityId: string;
  indicatorId: string;
  text: string;
  ownerName: string;
  ownerOrganisationId: string;
  deadline: string;
  status: ActionStatus;
}

export interface ActionContext {
  roundId: string;
  roundDate: string;
  measures: { id: string; label: string }[];
  activities?: { id: string; label: string; measureId: string }[];
  indicators?: { id: string; label: string; measureId: string }[];
}

/** Add or edit an action; text and owner are required, a deadline before the round is flagged. */
export function ActionForm({ ctx, action, onDone }: { ctx: ActionContext; action?: Action; onDone(): void }) {
  const { act } = useAct();
  const orgs = useCall('organisation.list');
  const [f, setF] = useState<ActionFormState>({
    measureId: action?.measureId ?? ctx.measures[0]?.id ?? '',
    activityId: action?.activityId ?? '',
    indicatorId: action?.indicatorId ?? '',
    text: action?.text ?? '',
    ownerName: action?.ownerName ?? '',
    ownerOrganisationId: action?.ownerOrganisationId ?? '',
    deadline: action?.deadline ? formatDate(action.deadline) : '',
    status: action?.status ?? 'open',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof ActionFormState>(k: K, v: ActionFormState[K]) => setF((x) => ({ ...x, [k]: v }));
  const deadline = f.deadline.trim() ? parseDateInput(f.deadline) : null;
  const warnings = checkAction({ text: f.text || 'x', ownerName: f.ownerName || 'x', ownerOrganisationId: null, deadline }, ctx.roundDate).filter((p) => p.severity === 'warning');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    for (const p of checkAction({ text: f.text, ownerName: f.ownerName, ownerOrganisationId: f.ownerOrganisationId || null, deadline }, ctx.roundDate))
      if (p.severity === 'error') errs[p.field] = p.message.replace(/^[^:]+: /, '');
    if (f.deadline.trim() && !deadline) errs.deadline = dateError(f.deadline);
    if (!f.measureId) errs.measureId = t('val.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const body = {
      measureId: f.measureId,
      activityId: f.activityId || null,
      indicatorId: f.indicatorId || null,
      text: f.text,
      ownerName: f.ownerName,
      ownerOrganisationId: f.ownerOrganisationId || null,
      deadline,
      status: f.status,
    };
    await act((v) => (action ? call('monitoring.action.update', { id: action.id, rowVersion: v ?? action.rowVersion, ...body }) : call('monitoring.action.create', { roundId: ctx.roundId, ...body })), {
      done: action ? t('mon.action.updated') : t('mon.action.added'),
      then: onDone,
      failed: (err) => setErrors(err.fieldErrors()),
      reload: onDone,
    });
  }

  const activities = (ctx.activities ?? []).filter((a) => a.measureId === f.measureId);
  const indicators = (ctx.indicators ?? []).filter((a) => a.measureId === f.measureId);
  return (
    <form className="action-form card" onSubmit={(e) => void submit(e)} aria-label={action ? t('action.edit') : t('mon.action.add')} noValidate>
      <TextArea label={t('mon.action.text')} name="text" rows={2} value={f.text} onChange={(v) => set('text', v)} error={errors.text} required />
      <div className="row">
        <TextField label={t('mon.action.ownerName')} name="ownerName" professional value={f.ownerName} onChange={(v) => set('ownerName', v)} error={errors.ownerName} hint={t('mon.action.ownerHint')} />
        <SelectField
          label={t('mon.action.ownerOrganisation')}
          name="ownerOrganisationId"
          value={f.ownerOrganisationId}
          onChange={(v) => set('ownerOrganisationId', v)}
          placeholder={t('mon.action.noOrganisation')}
          options={partnerOptions(orgs.data ?? [])}
        />
      </div>
      <LoadProblem q={orgs} />
      <div className="row">
        {ctx.measures.length > 1 && (
          <SelectField
            label={t('mon.action.measure')}
            name="measureId"
            value={f.measureId}
            onChange={(v) => setF((x) => ({ ...x, measureId: v, activityId: '', indicatorId: '' }))}
            options={ctx.measures.map((m) => ({ value: m.id, label: m.label }))}
            error={errors.measureId}
          />
        )}
        {activities.length > 0 && (
          <SelectField
            label={t('mon.action.activity')}
            name="activityId"
            value={f.activityId}
            onChange={(v) => set('activityId', v)}
            placeholder={t('mon.action.noActivity')}
            options={activities.map((a) => ({ value: a.id, label: a.label }))}
          />
        )}
        {indicators.length > 0 && (
          <SelectField
            label={t('mon.action.indicator')}
            name="indicatorId"
            value={f.indicatorId}
            onChange={(v) => set('indicatorId', v)}
            placeholder={t('mon.action.noIndicator')}
            options={indicators.map((a) => ({ value: a.id, label: a.label }))}
            error={errors.indicatorId}
          />
        )}
        <TextField label={t('mon.action.deadline')} name="deadline" value={f.deadline} onChange={(v) => set('deadline', v)} error={errors.deadline} placeholder={t('ui.datePlaceholder')} />
        <SelectField
          label={t('mon.action.status')}
          name="status"
          value={f.status}
          onChange={(v) => set('status', v as ActionStatus)}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: actionStatusLabel(s) }))}
        />
      </div>
      {warnings.length > 0 && (
        <p className="warning-box" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('mon.action.warnDeadline')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {action ? t('action.save') : t('mon.action.add')}
        </button>
        <button type="button" onClick={onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Actions as a table "Actie/Afspraak" / "Door" / deadline / status, with the status changeable in place. */
export function ActionTable({
  actions,
  ctx,
  showRound = false,
  showMeasure = true,
  caption,
}: {
  actions: Action[];
  ctx?: ActionContext;
  showRound?: boolean;
  showMeasure?: boolean;
  caption: string;
}) {
  const { act } = useAct();
  const [editing, setEditing] = useState<string | null>(null);
  const setStatus = (a: Action, status: ActionStatus) => act((v) => call('monitoring.action.setStatus', { id: a.id, rowVersion: v ?? a.rowVersion, status }), { done: t('mon.action.updated') });

  if (actions.length === 0) return <p className="muted">{t('mon.action.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table actions-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">{t('mon.action.text')}</th>
            <th scope="col">{t('mon.action.owner')}</th>
            <th scope="col">{t('mon.action.deadline')}</th>
            <th scope="col">{t('mon.action.status')}</th>
            {ctx && <th scope="col"><span className="sr-only">{t('action.edit')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {actions.map((a, i) =>
            editing === a.id && ctx ? (
              <tr key={a.id}>
                <td colSpan={6}>
                  <ActionForm ctx={{ ...ctx, roundId: a.roundId, roundDate: a.roundDate }} action={a} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={a.id} className={a.overdue ? 'row-overdue' : undefined}>
                <td className="num">{i + 1}.</td>
                <td>
                  {a.text}
                  <div className="muted small">
                    {showMeasure && [a.measureCode, a.measureName].filter(Boolean).join(' ')}
                    {showMeasure && a.activityName && ` · ${a.activityName}`}
                    {a.indicatorName && ` · ${t('mon.action.indicatorShort', { name: a.indicatorName })}`}
                    {showRound && `${showMeasure ? ' · ' : ''}${t('mon.action.fromRound', { round: a.roundName })}`}
                  </div>
                </td>
                {/* Person and organisation on their own lines, in a column wide enough not to wrap word by word. */}
                <td className="owner-cell">
                  {a.ownerName || (!a.ownerOrganisationName && '—')}
                  {a.ownerOrganisationName && <div className={a.ownerName ? 'muted small' : undefined}>{a.ownerOrganisationName}</div>}
                </td>
                <td>
                  <span className="nowrap">{a.deadline ? formatDate(a.deadline) : '—'}</span> <Overdue action={a} />
                  {a.deadlineBeforeRound && (
                    <div className="small warn-mark" title={t('mon.action.warnDeadline')}>
                      <span aria-hidden="true">⚠ </span>
                      {t('mon.action.beforeRound')}
                    </div>
                  )}
                </td>
                <td>
                  <label className="sr-only" htmlFor={`st-${a.id}`}>
                    {t('mon.action.setStatus', { n: i + 1 })}
                  </label>
                  <select id={`st-${a.id}`} value={a.status} onChange={(e) => void setStatus(a, e.target.value as ActionStatus)}>
                    {ACTION_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {actionStatusLabel(s)}
                      </option>
                    ))}
                  </select>
                </td>
                {ctx && (
                  <td>
                    <button type="button" className="link-button" onClick={() => setEditing(a.id)} aria-label={`${t('action.edit')}: ${a.text.slice(0, 40)}`}>
                      {t('action.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
