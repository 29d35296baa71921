import { t } from '../i18n';
import { href } from '../router';
import { useCall } from '../useLoad';

/**
 * A failed daily backup, on every screen until a backup succeeds: an office that believes it has
 * yesterday's copy and has none finds out too late otherwise.
 */
export function BackupNotice({ here }: { here: boolean }) {
  const problem = useCall('backup.problem');
  if (!problem.data) return null;
  return (
    <div className="backup-notice" role="alert">
      <strong>{t('backup.dailyFailedTitle')}</strong> {problem.data.message}{' '}
      {!here && <a href={href('reservekopieen')}>{t('backup.dailyFailedLink')}</a>}
    </div>
  );
}
