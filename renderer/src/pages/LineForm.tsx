import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { t } from '../i18n';
import { go, href } from '../router';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useRecordForm } from '../useRecordForm';
import { useUnsavedChanges } from '../useUnsavedChanges';
import { LoadError } from '../components/LoadError';
import { TextArea, TextField } from '../components/Field';
import { DeleteButton } from '../components/DeleteButton';
import { coded } from '../components/Status';

/** New programme line (programmeId) or edit (id); deleting a line takes its measures along. */
export function LineForm({ programmeId, id }: { programmeId: string; id?: string }) {
  const { act } = useAct();
  const line = useCall('line.get', { id: id ?? '' }, { enabled: !!id });
  const record = useRecordForm(line.data, (l) => ({ code: l.code, name: l.name, description: l.description }), { code: '', name: '', description: '' });
  const { form, setForm } = record;
  const [errors, setErrors] = useState<Record<string, string>>({});

  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  /** Writes the form; true when saved. */
  async function save(): Promise<boolean> {
    if (!form.name.trim()) {
      setErrors({ name: t('val.required') });
      return false;
    }
    const based = record.based;
    const r = await act((v) => (id ? call('line.update', { id, rowVersion: v ?? based?.rowVersion ?? 0, ...form }) : call('line.create', { programmeId, ...form })), {
      done: t('line.saved'),
      failed: (err) => setErrors(err.fieldErrors()),
      reload: record.reset,
    });
    if (!r.ok) return false;
    record.saved();
    unsaved.saved();
    return true;
  }
  const unsaved = useUnsavedChanges(record.dirty, save);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save()) go('programmas', programmeId);
  }

  async function remove() {
    if (!id) return;
    const based = record.based;
    await act((v) => call('line.delete', { id, rowVersion: v ?? based?.rowVersion ?? 0 }), {
      done: t('line.deleted', { name: coded(form.code, form.name) }),
      conflict: 'delete',
      then: () => {
        unsaved.saved();
        go('programmas', programmeId);
      },
    });
  }

  if (line.error) return <LoadError message={line.error} back={href('programmas', programmeId)} />;
  if (id && !line.data) return <div className="page" aria-busy="true" />;

  return (
    <div className="page">
      <nav className="crumbs" aria-label={t('ui.crumbs')}>
        <a href={href('programmas', programmeId)}>{t('programme.detail')}</a> / <span>{id ? coded(form.code, form.name) : t('line.new')}</span>
      </nav>
      <header className="page-head">
        <h1>{id ? t('line.edit') : t('line.new')}</h1>
        {id && (
          <div className="actions">
            <DeleteButton onConfirm={remove} />
          </div>
        )}
      </header>
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <TextField label={t('field.code')} name="code" value={form.code} onChange={set('code')} error={errors.code} placeholder={t('ph.lineCode')} />
          <TextField label={t('field.name')} name="name" required value={form.name} onChange={set('name')} error={errors.name} />
        </div>
        <TextArea label={t('field.description')} name="description" rows={4} value={form.description} onChange={set('description')} error={errors.description} />
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('action.save')}
          </button>
          <a className="button" href={href('programmas', programmeId)}>
            {t('action.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
