import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, call } from '../api';
import { t } from '../i18n';
import { go, href } from '../router';
import { useNotify } from '../notify';
import { useApp } from '../state';
import { TextArea, TextField } from '../components/Field';
import { DeleteButton } from '../components/DeleteButton';
import { coded } from '../components/Status';
import { messageOf } from '../components/errors';

/** New programme line (programmeId) or edit (id); deleting a line takes its measures along. */
export function LineForm({ programmeId, id }: { programmeId: string; id?: string }) {
  const notify = useNotify();
  const { refresh } = useApp();
  const [form, setForm] = useState({ code: '', name: '', description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (id)
      call('line.get', { id })
        .then((l) => setForm({ code: l.code, name: l.name, description: l.description }))
        .catch((e: unknown) => notify(messageOf(e), 'error'));
  }, [id, notify]);

  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.name.trim()) return setErrors({ name: t('val.required') });
    try {
      if (id) await call('line.update', { id, ...form });
      else await call('line.create', { programmeId, ...form });
      notify(t('line.saved'));
      refresh();
      go('programmas', programmeId);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notify(messageOf(err), 'error');
    }
  }

  async function remove() {
    if (!id) return;
    try {
      await call('line.delete', { id });
      notify(t('line.deleted', { name: coded(form.code, form.name) }));
      refresh();
      go('programmas', programmeId);
    } catch (err) {
      notify(messageOf(err), 'error');
    }
  }

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
