import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { useToday } from '../state';
import { useNotify } from '../notify';
import { t, type MessageKey } from '../i18n';
import { formatDate } from '../format';
import { SelectField, TextArea, TextField } from '../components/Field';
import { Money } from '../components/Money';
import { centsToInput, parseMoney } from '../../../shared/money';
import { parseDateInput, dateError } from '../../../shared/dates';
import { ACCOUNTABILITY_ROUTES, FUNDING_SOURCES } from '../../../shared/budget/model';
import type { Award, AwardInput, BudgetOverview } from '../../../shared/schemas/budget';

interface AwardState {
  stream: string;
  year: string;
  amount: string;
  paymentDates: string;
  spendBy: string;
  route: string;
  reference: string;
  notes: string;
}
const empty = (year: number): AwardState => ({ stream: 'ocw', year: String(year), amount: '', paymentDates: '', spendBy: '', route: 'jaarverslag', reference: '', notes: '' });
const fromAward = (a: Award): AwardState => ({
  stream: a.stream,
  year: String(a.year),
  amount: centsToInput(a.amountCents),
  paymentDates: a.paymentDates.map(formatDate).join(', '),
  spendBy: formatDate(a.spendBy),
  route: a.route,
  reference: a.reference,
  notes: a.notes,
});

function toInput(f: AwardState): { input?: Omit<AwardInput, 'programmeId'>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const year = /^\d{4}$/.test(f.year.trim()) ? Number(f.year.trim()) : NaN;
  if (Number.isNaN(year)) errors.year = t('val.year');
  const money = parseMoney(f.amount);
  if (!money.ok) errors.amountCents = money.message;
  const dates: string[] = [];
  for (const raw of f.paymentDates.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const d = parseDateInput(raw);
    if (!d) errors.paymentDates = t('budget.badPaymentDate', { value: raw });
    else dates.push(d);
  }
  const spendBy = f.spendBy.trim() ? parseDateInput(f.spendBy) : null;
  if (f.spendBy.trim() && !spendBy) errors.spendBy = dateError(f.spendBy);
  if (Object.keys(errors).length || !money.ok) return { errors };
  return { errors, input: { stream: f.stream as Award['stream'], year, amountCents: money.cents, paymentDates: dates, spendBy, route: f.route as Award['route'], reference: f.reference, notes: f.notes } };
}

function AwardForm({ programmeId, award, initial, onDone }: { programmeId: string; award?: Award; initial: AwardState; onDone(): void }) {
  const notify = useNotify();
  const { act } = useAct();
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof AwardState) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  /** True when saved (the form closes); false: refused, the form says why. */
  async function save(): Promise<boolean> {
    const { input, errors: errs } = toInput(f);
    setErrors(errs);
    if (!input) {
      notify(t('val.fixFields'), 'error');
      return false;
    }
    const r = await act((v) => (award ? call('award.update', { id: award.id, rowVersion: v ?? award.rowVersion, ...input }) : call('award.create', { programmeId, ...input })), {
      done: t('budget.awardSaved'),
      failed: (err) => setErrors(err.fieldErrors()),
      reload: onDone,
    });
    if (!r.ok) return false;
    unsaved.saved();
    onDone();
    return true;
  }
  const unsaved = useUnsavedChanges(JSON.stringify(f) !== JSON.stringify(initial), save);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await save();
  }
  const title = award ? t('budget.editAward') : t('budget.newAward');
  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h2>{title}</h2>
      <div className="row">
        <SelectField label={t('field.stream')} name="stream" required value={f.stream} onChange={set('stream')} error={errors.stream} options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))} />
        <TextField label={t('field.year')} name="year" required value={f.year} onChange={set('year')} error={errors.year} inputMode="numeric" />
        <TextField label={t('field.amountCents')} name="amountCents" required value={f.amount} onChange={set('amount')} error={errors.amountCents} inputMode="decimal" placeholder={t('budget.moneyPlaceholder')} hint={t('budget.moneyHint')} />
      </div>
      <div className="row">
        <TextField label={t('field.paymentDates')} name="paymentDates" value={f.paymentDates} onChange={set('paymentDates')} error={errors.paymentDates} hint={t('budget.paymentDatesHint')} />
        <TextField label={t('field.spendBy')} name="spendBy" value={f.spendBy} onChange={set('spendBy')} error={errors.spendBy} placeholder={t('ui.datePlaceholder')} />
      </div>
      <div className="row">
        <SelectField label={t('field.route')} name="route" value={f.route} onChange={set('route')} error={errors.route} options={ACCOUNTABILITY_ROUTES.map((r) => ({ value: r, label: t(`route.${r}`) }))} />
        <TextField label={t('field.reference')} name="reference" value={f.reference} onChange={set('reference')} error={errors.reference} />
      </div>
      <TextArea label={t('field.notes')} name="notes" rows={2} value={f.notes} onChange={set('notes')} error={errors.notes} />
      <div className="form-actions">
        <button type="submit" className="primary">{t('action.save')}</button>
        <button type="button" onClick={onDone}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}

export function BudgetAwards({ programmeId, o }: { programmeId: string; o: BudgetOverview }) {
  const { act } = useAct();
  const thisYear = Number(useToday().slice(0, 4));
  const { data, error } = useCall('award.list', { programmeId });
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const year = o.years.find((y) => y >= thisYear) ?? Number(o.periodStart.slice(0, 4));
  const done = () => setEditing(null);
  const remove = (a: Award) =>
    act((v) => call('award.delete', { id: a.id, rowVersion: v ?? a.rowVersion }), {
      done: t('budget.awardDeleted', { name: `${t(`source.${a.stream}` as MessageKey)} ${a.year}` }),
      conflict: 'delete',
      then: () => setConfirming(null),
    });
  return (
    <>
      <div className="filter-bar">
        <span className="spacer" />
        {editing !== 'new' && <button type="button" className="primary" onClick={() => setEditing('new')}>{t('budget.newAward')}</button>}
      </div>
      {editing === 'new' && <AwardForm programmeId={programmeId} initial={empty(year)} onDone={done} />}
      {error && <p className="error-box" role="alert">{error}</p>}
      {data && data.length === 0 && <p className="muted">{t('budget.noAwards')}</p>}
      {data && data.length > 0 && (
        <table className="table" aria-label={t('budget.tab.awards')}>
          <thead>
            <tr>
              <th scope="col">{t('field.stream')}</th>
              <th scope="col">{t('field.year')}</th>
              <th scope="col" className="num">{t('field.amountCents')}</th>
              <th scope="col">{t('field.paymentDates')}</th>
              <th scope="col">{t('field.spendBy')}</th>
              <th scope="col">{t('field.route')}</th>
              <th scope="col"><span className="sr-only">{t('budget.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => {
              const name = `${t(`source.${a.stream}` as MessageKey)} ${a.year}`;
              return [
                <tr key={a.id}>
                  <td>
                    {t(`source.${a.stream}` as MessageKey)}
                    {a.reference && <div className="muted small">{a.reference}</div>}
                  </td>
                  <td>{a.year}</td>
                  <td className="num"><Money cents={a.amountCents} /></td>
                  <td>
                    {a.paymentDates.map((d, i) => (
                      <span key={d} className="nowrap">
                        {formatDate(d)}
                        {i < a.paymentDates.length - 1 ? ', ' : ''}
                      </span>
                    ))}
                  </td>
                  <td className="nowrap">{formatDate(a.spendBy)}</td>
                  <td>{t(`route.${a.route}` as MessageKey)}</td>
                  <td className="actions-cell">
                    <div className="row-actions">
                    <button type="button" aria-label={`${t('action.edit')}: ${name}`} onClick={() => setEditing(a.id)}>{t('action.edit')}</button>
                    {confirming === a.id ? (
                      <span className="confirm" role="group" aria-label={t('budget.confirmDeleteGroup')}>
                        {t('budget.deleteLineConfirm')}{' '}
                        <button type="button" className="danger" onClick={() => void remove(a)}>{t('budget.confirmDelete')}</button>
                        <button type="button" onClick={() => setConfirming(null)}>{t('action.cancel')}</button>
                      </span>
                    ) : (
                      <button type="button" className="danger" aria-label={`${t('action.delete')}: ${name}`} onClick={() => setConfirming(a.id)}>{t('action.delete')}</button>
                    )}
                    </div>
                  </td>
                </tr>,
                editing === a.id && (
                  <tr key={`${a.id}-edit`} className="detail-row">
                    <td colSpan={7}>
                      <AwardForm programmeId={programmeId} award={a} initial={fromAward(a)} onDone={done} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>{t('budget.total')}</th>
              <td className="num"><Money cents={data.reduce((s, a) => s + a.amountCents, 0)} /></td>
              <td colSpan={4} />
            </tr>
          </tfoot>
        </table>
      )}
    </>
  );
}
