import { useState } from 'react';
import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { useApp } from '../state';
import { t } from '../i18n';
import { formatDateTime } from '../format';
import { download } from '../download';
import { formatBytes } from '../../../shared/size';
import type { Backup } from '../../../shared/schemas/backups';

const reasonLabel = (b: Backup) => t(`backup.reason.${b.reason}`);

function countsText(b: Backup): string {
  if (!b.counts) return t('backups.unreadable');
  const c = b.counts;
  return t('backups.counts', { programmes: c.programme ?? 0, measures: c.measure ?? 0, activities: c.activity ?? 0, partners: c.organisation ?? 0 });
}

/** Reservekopieën: the automatic and manual backups of the open workspace, with restore and "Opslaan als kopie". */
export function BackupsPage() {
  const { workspace, setWorkspace } = useApp();
  const { act, busy } = useAct();
  const { data, error } = useCall('backup.list');
  const [confirming, setConfirming] = useState<Backup | null>(null);

  const restore = (b: Backup) =>
    act(() => call('backup.restore', { file: b.file }), {
      done: (r) => t('backups.restored', { date: formatDateTime(b.at), safety: formatDateTime(r.safety.at) }),
      then: (r) => {
        setConfirming(null);
        setWorkspace(r.workspace);
      },
    });

  const readOnly = !!workspace?.readOnly;
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('backups.title')}</h1>
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void act(() => call('backup.create'), { done: (b) => t('backups.made', { size: formatBytes(b.size) }) })}>
            {t('backups.makeNow')}
          </button>
          <button
            type="button"
            disabled={busy}
            title={t('backups.saveCopyHint')}
            onClick={() => void act(() => call('backup.download'), { then: (f) => download(f.fileName, f.base64), done: (f) => t('backups.copyDownloaded', { file: f.fileName }) })}
          >
            {t('backups.saveCopy')}
          </button>
        </div>
      </header>
      <p className="lead">{t('backups.intro')}</p>
      {data && <p className="muted small">{t('backups.policy', { max: formatBytes(data.policy.maxBytes) })}</p>}
      {error && <p className="error-box" role="alert">{error}</p>}
      {confirming && (
        <section className="card confirm-box" role="alertdialog" aria-labelledby="restore-h" aria-describedby="restore-d">
          <h2 id="restore-h">{t('backups.confirmTitle')}</h2>
          <p id="restore-d">{t('backups.confirm', { file: workspace?.fileName ?? '', date: formatDateTime(confirming.at), reason: reasonLabel(confirming) })}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(confirming)}>
              {t('backups.confirmYes')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </section>
      )}
      {data && data.backups.length === 0 && <p className="muted">{t('backups.empty')}</p>}
      {data && data.backups.length > 0 && (
        <table className="table" aria-label={t('backups.title')}>
          <thead>
            <tr>
              <th scope="col">{t('backups.col.at')}</th>
              <th scope="col">{t('backups.col.reason')}</th>
              <th scope="col" className="num">
                {t('backups.col.size')}
              </th>
              <th scope="col">{t('backups.col.counts')}</th>
              <th scope="col">
                <span className="sr-only">{t('backups.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.backups.map((b) => (
              <tr key={b.file}>
                <td>{formatDateTime(b.at)}</td>
                <td>{reasonLabel(b)}</td>
                <td className="num">{formatBytes(b.size)}</td>
                <td>{countsText(b)}</td>
                <td className="num">
                  <button
                    type="button"
                    disabled={busy || readOnly || !b.counts}
                    title={readOnly ? t('backups.readOnlyNoRestore') : undefined}
                    onClick={() => setConfirming(b)}
                    aria-label={`${t('backups.restore')}: ${formatDateTime(b.at)} ${reasonLabel(b)}`}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && <p className="muted small">{t('backups.folder', { dir: data.folder })}</p>}
    </div>
  );
}
