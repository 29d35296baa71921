import { useState, type FormEvent } from 'react';
import { QuickAddPartner, partnerOptions } from '../components/PartnerPicker';
import { call } from '../api';
import { t } from '../i18n';
import { go, href } from '../router';
import { useNotify } from '../notify';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useRecordForm } from '../useRecordForm';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { LoadError, LoadProblem } from '../components/LoadError';
import { SelectField, TextArea, TextField } from '../components/Field';
import { centsToInput, parseMoney } from '../../../shared/money';
import { formatDate, parseDateInput, dateError } from '../../../shared/dates';
import { PROGRAMME_STATUSES, type Programme, type ProgrammeInput } from '../../../shared/schemas/programme';

interface FormState {
  name: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  analysis: string;
  requested: string;
  awarded: string;
  notes: string;
  contactSchoolId: string;
  contactMunicipalityId: string;
}

const empty: FormState = { name: '', periodStart: '', periodEnd: '', status: 'concept', analysis: '', requested: '', awarded: '', notes: '', contactSchoolId: '', contactMunicipalityId: '' };

function fromProgramme(p: Programme): FormState {
  return {
    name: p.name,
    periodStart: formatDate(p.periodStart),
    periodEnd: formatDate(p.periodEnd),
    status: p.status,
    analysis: p.analysis,
    requested: centsToInput(p.requestedCents),
    awarded: centsToInput(p.awardedCents),
    notes: p.notes,
    contactSchoolId: p.contactSchoolId ?? '',
    contactMunicipalityId: p.contactMunicipalityId ?? '',
  };
}

/** Checks what can be checked here; the core checks everything again. */
function toInput(f: FormState): { input?: ProgrammeInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!f.name.trim()) errors.name = t('val.required');
  const start = parseDateInput(f.periodStart);
  const end = parseDateInput(f.periodEnd);
  if (!start) errors.periodStart = dateError(f.periodStart);
  if (!end) errors.periodEnd = dateError(f.periodEnd);
  if (start && end && end < start) errors.periodEnd = t('val.endBeforeStart');
  const money = (s: string, field: string): number | null => {
    if (!s.trim()) return null;
    const r = parseMoney(s);
    if (!r.ok) {
      errors[field] = r.message;
      return null;
    }
    return r.cents;
  };
  const requestedCents = money(f.requested, 'requestedCents');
  const awardedCents = money(f.awarded, 'awardedCents');
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      name: f.name,
      periodStart: start!,
      periodEnd: end!,
      status: f.status as ProgrammeInput['status'],
      analysis: f.analysis,
      requestedCents,
      awardedCents,
      notes: f.notes,
      contactSchoolId: f.contactSchoolId || null,
      contactMunicipalityId: f.contactMunicipalityId || null,
    },
  };
}

export function ProgrammeForm({ id }: { id?: string }) {
  const notify = useNotify();
  const { act, busy } = useAct();
  // Reloaded after an undo elsewhere too; the form follows unless the user has unsaved edits.
  const programme = useCall('programme.get', { id: id ?? '' }, { enabled: !!id });
  const record = useRecordForm(programme.data, fromProgramme, empty);
  const { form, setForm } = record;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const orgList = useCall('organisation.list');
  const orgs = partnerOptions(orgList.data ?? []);

  const set = (k: keyof FormState) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  /** Writes the form; the programme as saved, or undefined (refused, or not saved after a conflict). */
  async function save() {
    const { input, errors: errs } = toInput(form);
    setErrors(errs);
    if (!input) {
      notify(t('val.fixFields'), 'error');
      return undefined;
    }
    const based = record.based;
    const r = await act((v) => (id ? call('programme.update', { id, rowVersion: v ?? based?.rowVersion ?? 0, ...input }) : call('programme.create', input)), {
      done: id ? t('programme.saved') : t('programme.created'),
      failed: (err) => setErrors(err.fieldErrors()),
      reload: record.reset,
    });
    if (!r.ok) return undefined;
    record.saved();
    unsaved.saved();
    return r.value;
  }
  const unsaved = useUnsavedChanges(record.dirty, async () => !!(await save()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await save();
    if (saved) go('programmas', saved.id);
  }

  if (programme.error) return <LoadError message={programme.error} back={href('programmas')} />;
  if (id && !programme.data) return <div className="page" aria-busy="true" />;
  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('programmas')}>{t('nav.programmes')}</a> / <span>{id ? form.name : t('programme.new')}</span>
      </nav>
      <header className="page-head">
        <h1>{id ? t('programme.edit') : t('programme.new')}</h1>
      </header>
      <LoadProblem q={orgList} />
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('field.name')} name="name" required value={form.name} onChange={set('name')} error={errors.name} />
        <div className="row">
          <TextField label={t('field.periodStart')} name="periodStart" required value={form.periodStart} onChange={set('periodStart')} error={errors.periodStart} placeholder="dd-mm-jjjj" />
          <TextField label={t('field.periodEnd')} name="periodEnd" required value={form.periodEnd} onChange={set('periodEnd')} error={errors.periodEnd} placeholder="dd-mm-jjjj" />
          <SelectField
            label={t('field.status')}
            name="status"
            value={form.status}
            onChange={set('status')}
            error={errors.status}
            options={PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </div>
        <div className="row">
          <TextField label={t('field.requestedCents')} name="requestedCents" value={form.requested} onChange={set('requested')} error={errors.requestedCents} placeholder="€ 0,00" inputMode="decimal" hint={t('hint.money')} />
          <TextField label={t('field.awardedCents')} name="awardedCents" value={form.awarded} onChange={set('awarded')} error={errors.awardedCents} placeholder="€ 0,00" inputMode="decimal" />
        </div>
        <div className="row">
          <SelectField label={t('field.contactSchoolId')} name="contactSchoolId" value={form.contactSchoolId} onChange={set('contactSchoolId')} options={orgs} placeholder={t('programme.noPartner')} error={errors.contactSchoolId} />
          <SelectField
            label={t('field.contactMunicipalityId')}
            name="contactMunicipalityId"
            value={form.contactMunicipalityId}
            onChange={set('contactMunicipalityId')}
            options={orgs}
            placeholder={t('programme.noPartner')}
            error={errors.contactMunicipalityId}
          />
        </div>
        <QuickAddPartner idPrefix="contact" onAdded={(pid, type) => setForm((f) => (type === 'gemeente' ? { ...f, contactMunicipalityId: pid } : { ...f, contactSchoolId: pid }))} />
        <TextArea label={t('field.analysis')} name="analysis" rows={8} value={form.analysis} onChange={set('analysis')} error={errors.analysis} hint={t('hint.longText')} />
        <TextArea label={t('field.notes')} name="notes" rows={3} value={form.notes} onChange={set('notes')} error={errors.notes} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('action.save')}
          </button>
          <a className="button" href={id ? href('programmas', id) : href('programmas')}>
            {t('action.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
