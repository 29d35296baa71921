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
import { useConflictGuard } from '../components/ConflictDialog';
import { useUnsavedChanges } from '../useUnsavedChanges';

/** New programme line (programmeId) or edit (id); deleting a line takes its measures along. */
export function LineForm({ programmeId, id }: { programmeId: string; id?: string }) {
  const notify = useNotify();
  const { refresh } = useApp();
  const [form, setForm] = useState({ code: '', name: '', description: '' });
  const [initial, setInitial] = useState(form);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const [rowVersion, setRowVersion] = useState(0);
  const [reloads, setReloads] = useState(0);
  const guarded = useConflictGuard();
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (id)
      call('line.get', { id })
        .then((l) => {
          const f = { code: l.code, name: l.name, description: l.description };
          setForm(f);
          setInitial(f);
          setRowVersion(l.rowVersion);
        })
        .catch((e: unknown) => notify(messageOf(e), 'error'));
  }, [id, reloads, notify]);
  const reload = () => setReloads((n) => n + 1);

  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  /** Writes the form; true when saved. */
  async function save(): Promise<boolean> {
    if (!form.name.trim()) {
      setErrors({ name: t('val.required') });
      return false;
    }
    try {
      const saved = id ? await guarded((v) => call('line.update', { id, rowVersion: v ?? rowVersion, ...form }), { onReload: reload }) : await call('line.create', { programmeId, ...form });
      if (!saved) return false;
      notify(t('line.saved'));
      setInitial(form);
      setRowVersion(saved.rowVersion);
      refresh();
      return true;
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notify(messageOf(err), 'error');
      return false;
    }
  }
  const unsaved = useUnsavedChanges(dirty, save);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!(await save())) return;
    unsaved.saved();
    go('programmas', programmeId);
  }

  async function remove() {
    if (!id) return;
    try {
      const done = await guarded((v) => call('line.delete', { id, rowVersion: v ?? rowVersion }), { onReload: reload, kind: 'delete' });
      if (done === undefined) return;
      notify(t('line.deleted', { name: coded(form.code, form.name) }));
      unsaved.saved();
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
