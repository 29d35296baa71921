import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { t } from '../i18n';
import { go, href } from '../router';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useRecordForm } from '../useRecordForm';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { LoadError } from '../components/LoadError';
import { SelectField, TextArea, TextField } from '../components/Field';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../shared/schemas/partner';
import { orgTypeLabel } from './PartnerList';
import { useConfirmNewPartner } from '../components/PartnerPicker';

const empty = { name: '', type: 'mbo', brin: '', kvk: '', place: '', notes: '' };

export function PartnerForm({ id }: { id?: string }) {
  const { act } = useAct();
  const partner = useCall('organisation.get', { id: id ?? '' }, { enabled: !!id });
  const record = useRecordForm(partner.data, (o) => ({ name: o.name, type: o.type as string, brin: o.brin, kvk: o.kvk, place: o.place, notes: o.notes }), empty);
  const { form, setForm } = record;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const all = useCall('organisation.list');
  const confirm = useConfirmNewPartner();

  const set = (k: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  /** Writes the form; the partner as saved, or undefined (refused, or not saved after a conflict). */
  async function save() {
    if (!form.name.trim()) {
      setErrors({ name: t('val.required') });
      return undefined;
    }
    const input = { ...form, type: form.type as OrganisationType };
    const based = record.based;
    const r = await act((v) => (id ? call('organisation.update', { id, rowVersion: v ?? based?.rowVersion ?? 0, ...input }) : call('organisation.create', input)), {
      done: id ? t('partner.saved') : t('partner.created'),
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
    // A new name that (nearly) exists already is asked about first; the same BRIN or KvK the core refuses.
    if (form.name.trim() && (!id || partner.data?.name !== form.name)) {
      const answer = await confirm(form.name, all.data ?? [], { selfId: id });
      if (answer === 'cancel') return;
      if (answer !== 'save') return go('partners', answer);
    }
    const saved = await save();
    if (saved) go('partners', saved.id);
  }

  if (partner.error) return <LoadError message={partner.error} back={href('partners')} />;
  if (id && !partner.data) return <div className="page" aria-busy="true" />;

  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('partners')}>{t('nav.partners')}</a> / <span>{id ? form.name : t('partner.new')}</span>
      </nav>
      <header className="page-head">
        <h1>{id ? t('partner.edit') : t('partner.new')}</h1>
      </header>
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('field.name')} name="name" required value={form.name} onChange={set('name')} error={errors.name} />
        <div className="row">
          <SelectField label={t('field.type')} name="type" value={form.type} onChange={set('type')} options={ORGANISATION_TYPES.map((ty) => ({ value: ty, label: orgTypeLabel(ty) }))} error={errors.type} />
          <TextField label={t('field.place')} name="place" value={form.place} onChange={set('place')} error={errors.place} />
        </div>
        <div className="row">
          <TextField label={t('field.brin')} name="brin" value={form.brin} onChange={set('brin')} error={errors.brin} hint={t('partner.brinHint')} />
          <TextField label={t('field.kvk')} name="kvk" value={form.kvk} onChange={set('kvk')} error={errors.kvk} hint={t('partner.kvkHint')} inputMode="numeric" />
        </div>
        <TextArea label={t('field.notes')} name="notes" rows={3} value={form.notes} onChange={set('notes')} error={errors.notes} />
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('action.save')}
          </button>
          <a className="button" href={id ? href('partners', id) : href('partners')}>
            {t('action.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
