import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { t } from '../i18n';
import { useApp } from '../state';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useRecordForm } from '../useRecordForm';
import { LoadProblem } from '../components/LoadError';
import { TextField } from '../components/Field';

export function SettingsPage() {
  const { info } = useApp();
  const { act } = useAct();
  const settings = useCall('settings.get');
  const { form: userName, setForm: setUserName } = useRecordForm(settings.data, (s) => s.userName, '');
  const [error, setError] = useState<string>();
  async function save(e: FormEvent) {
    e.preventDefault();
    await act(() => call('settings.update', { userName }), {
      done: t('settings.saved'),
      then: () => setError(undefined),
      failed: (err) => setError(err.fieldErrors().userName ?? err.message),
      inline: true,
    });
  }
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('settings.title')}</h1>
      </header>
      <LoadProblem q={settings} />
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
