import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, call } from '../api';
import { t } from '../i18n';
import { useApp } from '../state';
import { useNotify } from '../notify';
import { TextField } from '../components/Field';

export function SettingsPage() {
  const { info, refresh } = useApp();
  const notify = useNotify();
  const [userName, setUserName] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    void call('settings.get').then((s) => setUserName(s.userName));
  }, []);
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await call('settings.update', { userName });
      setError(undefined);
      notify(t('settings.saved'));
      refresh();
    } catch (err) {
      if (err instanceof ApiError) setError(err.fieldErrors().userName ?? err.message);
    }
  }
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('settings.title')}</h1>
      </header>
      <form className="form card narrow" onSubmit={(e) => void save(e)} noValidate>
        <TextField label={t('field.userName')} name="userName" value={userName} onChange={setUserName} error={error} hint={t('settings.userNameHelp', { osUser: info?.osUserName ?? '' })} />
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('action.save')}
          </button>
        </div>
      </form>
      {info && (
        <p className="muted small">
          Regieboek {info.version} · schemaversie {info.schemaVersion} · {t('start.dataDir', { dir: info.dataDir })}
        </p>
      )}
    </div>
  );
}
