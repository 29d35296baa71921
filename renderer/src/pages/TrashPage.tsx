import { call } from '../api';
import { useCall } from '../useLoad';
import { useAct } from '../useAct';
import { t } from '../i18n';
import { formatDateTime } from '../format';
import { entityLabel } from '../entities';

export function TrashPage() {
  const { act } = useAct();
  const { data, error } = useCall('trash.list');
  const restore = (changeSetId: number, label: string) => act(() => call('trash.restore', { changeSetId }), { done: t('trash.restored', { label }) });

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('trash.title')}</h1>
      </header>
      <p className="lead">{t('trash.intro')}</p>
      {error && <p className="error-box" role="alert">{error}</p>}
      {data && data.length === 0 && <p className="muted">{t('trash.empty')}</p>}
      {data && data.length > 0 && (
        <table className="table" aria-label={t('trash.title')}>
          <thead>
            <tr>
              <th scope="col">{t('field.entity')}</th>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('trash.deletedAt')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">
                <span className="sr-only">{t('action.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((item) => (
              <tr key={item.changeSetId}>
                <td>{entityLabel(item.entity)}</td>
                <td>
                  {item.label}
                  {item.childCount > 0 && <span className="muted small"> {t('trash.children', { n: item.childCount })}</span>}
                </td>
                <td>{formatDateTime(item.deletedAt)}</td>
                <td>{item.user}</td>
                <td className="num">
                  <button type="button" onClick={() => void restore(item.changeSetId, item.label)} aria-label={`${t('action.restore')}: ${item.label}`}>
                    {t('action.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
