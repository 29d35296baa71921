import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../api';
import { useApp } from '../state';
import { useLoad } from '../useLoad';
import { SelectField, TextField } from '../components/Field';
import { t } from '../i18n';
import { formatDateTime } from '../format';
import { go } from '../router';
import { useNotify } from '../notify';
import { regionLabel } from '../../../shared/regions';
import type { WorkspaceInfo } from '../../../shared/schemas/workspace';
import { NewFromExcel } from './ExchangePage';

export function StartPage() {
  const { workspace, setWorkspace, info } = useApp();
  const notify = useNotify();
  const recent = useLoad(() => call('workspace.recent'));
  const files = useLoad(() => call('workspace.files'));
  const regions = useLoad(() => call('regions.list'));
  const [region, setRegion] = useState('');
  const [fileName, setFileName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // A workspace in use elsewhere: who has it, and the offer to look without changing anything.
  const [locked, setLocked] = useState<{ path: string; message: string } | null>(null);

  async function opened(p: Promise<WorkspaceInfo>, path?: string) {
    setBusy(true);
    try {
      setWorkspace(await p);
      setLocked(null);
      go('programmas');
    } catch (e) {
      if (e instanceof ApiError && e.error.code === 'locked' && path) setLocked({ path, message: e.message });
      else notify(e instanceof ApiError ? e.message : String(e), 'error');
    } finally {
      setBusy(false);
    }
  }

  const open = (path: string) => opened(call('workspace.open', { path }), path);

  async function create(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!region) errs.regionNumber = t('val.region');
    if (!fileName.trim()) errs.fileName = t('val.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      setWorkspace(await call('workspace.create', { regionNumber: Number(region), fileName }));
      go('programmas');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      else notify(String(err), 'error');
    } finally {
      setBusy(false);
    }
  }

  const recentList = recent.data ?? [];
  const otherFiles = (files.data ?? []).filter((f) => !recentList.some((r) => r.path === f.path));

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('start.title')}</h1>
      </header>
      <p className="lead">{t('start.intro')}</p>
      {workspace && (
        <p className="current-file">
          {t('start.current')}: <strong>{workspace.fileName}</strong> — {regionLabel(workspace.region)}
        </p>
      )}
      {locked && (
        <section className="card locked-box" role="alertdialog" aria-labelledby="locked-h" aria-describedby="locked-d">
          <h2 id="locked-h">{t('start.lockedTitle')}</h2>
          <p id="locked-d">{locked.message}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void opened(call('workspace.open', { path: locked.path, readOnly: true }))}>
              {t('lock.openReadOnly')}
            </button>
            <button type="button" disabled={busy} onClick={() => setLocked(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </section>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="recent-h">
          <h2 id="recent-h">{t('start.recent')}</h2>
          {recentList.length === 0 && <p className="muted">{t('start.noRecent')}</p>}
          <ul className="file-list">
            {recentList.map((r) => (
              <li key={r.path}>
                <button type="button" className="link-button" disabled={!r.exists || busy} onClick={() => void open(r.path)}>
                  {r.fileName}
                </button>
                <span className="muted small">
                  {r.regionLabel ?? ''} · {r.lastOpened ? formatDateTime(r.lastOpened) : ''} {!r.exists && `· ${t('start.missing')}`}
                </span>
              </li>
            ))}
          </ul>
          {otherFiles.length > 0 && (
            <>
              <h3>{t('start.otherFiles')}</h3>
              <ul className="file-list">
                {otherFiles.map((r) => (
                  <li key={r.path}>
                    <button type="button" className="link-button" disabled={busy} onClick={() => void open(r.path)}>
                      {r.fileName}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {info && <p className="muted small">{t('start.dataDir', { dir: info.dataDir })}</p>}
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="new-h">
            <h2 id="new-h">{t('start.new')}</h2>
            <p className="muted">{t('start.newIntro')}</p>
            <form onSubmit={(e) => void create(e)} noValidate>
              <SelectField
                label={t('start.region')}
                name="regionNumber"
                required
                value={region}
                onChange={setRegion}
                placeholder={t('start.chooseRegion')}
                options={(regions.data ?? []).map((r) => ({ value: String(r.number), label: regionLabel(r) }))}
                error={errors.regionNumber}
              />
              <TextField label={t('start.fileName')} name="fileName" required value={fileName} onChange={setFileName} error={errors.fileName} placeholder={t('start.fileNamePlaceholder')} />
              <button type="submit" className="primary" disabled={busy}>
                {t('start.create')}
              </button>
            </form>
          </section>
          <section className="card" aria-labelledby="ex-h">
            <h2 id="ex-h">{t('start.example')}</h2>
            <p className="muted">{t('start.exampleIntro')}</p>
            <button type="button" disabled={busy} onClick={() => void opened(call('workspace.openExample'))}>
              {t('start.example')}
            </button>
          </section>
          <NewFromExcel busy={busy} />
        </div>
      </div>
    </div>
  );
}
