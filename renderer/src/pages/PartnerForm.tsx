import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, call } from '../api';
import { t } from '../i18n';
import { go, href } from '../router';
import { useNotify } from '../notify';
import { useApp } from '../state';
import { SelectField, TextArea, TextField } from '../components/Field';
import { messageOf } from '../components/errors';
import { useConflictGuard } from '../components/ConflictDialog';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../shared/schemas/partner';
import { orgTypeLabel } from './PartnerList';

const empty = { name: '', type: 'mbo', brin: '', kvk: '', place: '', notes: '' };

export function PartnerForm({ id }: { id?: string }) {
  const notify = useNotify();
  const { refresh } = useApp();
  const [form, setForm] = useState(empty);
  const [initial, setInitial] = useState(empty);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const [rowVersion, setRowVersion] = useState(0);
  const [reloads, setReloads] = useState(0);
  const guarded = useConflictGuard();
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (id)
      call('organisation.get', { id })
        .then((o) => {
          const f = { name: o.name, type: o.type, brin: o.brin, kvk: o.kvk, place: o.place, notes: o.notes };
          setForm(f);
          setInitial(f);
          setRowVersion(o.rowVersion);
        })
        .catch((e: unknown) => notify(messageOf(e), 'error'));
  }, [id, reloads, notify]);

  const set = (k: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  /** Writes the form; the partner's id when saved. */
  async function save(): Promise<string | undefined> {
    if (!form.name.trim()) {
      setErrors({ name: t('val.required') });
      return undefined;
    }
    const input = { ...form, type: form.type as OrganisationType };
    try {
      const saved = id
        ? await guarded((v) => call('organisation.update', { id, rowVersion: v ?? rowVersion, ...input }), { onReload: () => setReloads((n) => n + 1) })
        : await call('organisation.create', input);
      if (!saved) return undefined;
      notify(id ? t('partner.saved') : t('partner.created'));
      setInitial(form);
      setRowVersion(saved.rowVersion);
      refresh();
      return saved.id;
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notify(messageOf(err), 'error');
      return undefined;
    }
  }
  const unsaved = useUnsavedChanges(dirty, async () => !!(await save()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const savedId = await save();
    if (!savedId) return;
    unsaved.saved();
    go('partners', savedId);
  }

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
