import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { useApp } from '../state';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { LoadProblem } from '../components/LoadError';
import { SelectField, TextField } from '../components/Field';
import { t } from '../i18n';
import { formatDateTime } from '../format';
import { go } from '../router';
import { regionLabel } from '../../../shared/regions';
import type { WorkspaceInfo } from '../../../shared/schemas/workspace';
import { NewFromExcel } from './ExchangePage';

export function StartPage() {
  const { workspace, setWorkspace, info } = useApp();
  const { act, busy } = useAct();
  const recent = useCall('workspace.recent');
  const files = useCall('workspace.files');
  const regions = useCall('regions.list');
  const [region, setRegion] = useState('');
  const [fileName, setFileName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  // A workspace in use elsewhere: who has it, and the offer to look without changing anything.
  const [locked, setLocked] = useState<{ path: string; message: string } | null>(null);

  const openedIn = (ws: WorkspaceInfo) => {
    setWorkspace(ws);
    setLocked(null);
    go('programmas');
  };
  const opened = (open: () => Promise<WorkspaceInfo>, path?: string) =>
    act(open, {
      then: openedIn,
      failed: (e) => {
        if (e.error.code === 'locked' && path) setLocked({ path, message: e.message });
      },
      // In use elsewhere: the box below says by whom and offers read-only; any other failure as a notice.
      inline: (e) => e.error.code === 'locked' && !!path,
    });

  const open = (path: string) => opened(() => call('workspace.open', { path }), path);

  async function create(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!region) errs.regionNumber = t('val.region');
    if (!fileName.trim()) errs.fileName = t('val.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    await act(() => call('workspace.create', { regionNumber: Number(region), fileName }), {
      then: openedIn,
      failed: (err) => setErrors(err.fieldErrors()),
      // A message about a field stands at that field; any other as a notice.
      inline: (err) => !!err.field,
    });
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
      <LoadProblem q={recent} />
      <LoadProblem q={files} />
      <LoadProblem q={regions} />
      {locked && (
        <section className="card locked-box" role="alertdialog" aria-labelledby="locked-h" aria-describedby="locked-d">
          <h2 id="locked-h">{t('start.lockedTitle')}</h2>
          <p id="locked-d">{locked.message}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void opened(() => call('workspace.open', { path: locked.path, readOnly: true }))}>
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
          {recent.data && recentList.length === 0 && <p className="muted">{t('start.noRecent')}</p>}
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
            <button type="button" disabled={busy} onClick={() => void opened(() => call('workspace.openExample'))}>
              {t('start.example')}
            </button>
          </section>
          <NewFromExcel busy={busy} />
        </div>
      </div>
    </div>
  );
}
