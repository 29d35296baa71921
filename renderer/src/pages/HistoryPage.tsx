import { useCall } from '../useLoad';
import { t } from '../i18n';
import { HistoryList } from '../components/HistoryList';

export function HistoryPage() {
  const { data, error } = useCall('history.recent', { limit: 300 });
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('history.title')}</h1>
      </header>
      <p className="lead">
        {t('history.intro')} {t('history.undoHint')}
      </p>
      {error && <p className="error-box">{error}</p>}
      {data && (
        <section className="card">
          <HistoryList entries={data} showLabel />
        </section>
      )}
    </div>
  );
}
