import { useCall } from '../useLoad';
import { t, type MessageKey } from '../i18n';
import { formatCents, formatDate } from '../format';
import { href } from '../router';

export function ProgrammeList() {
  const { data, error, loading } = useCall('programme.list');
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('programme.list.title')}</h1>
        <a className="button primary" href={href('programmas', 'nieuw')}>
          {t('programme.new')}
        </a>
      </header>
      {error && <p className="error-box">{error}</p>}
      {!loading && data && data.length === 0 && <p className="muted">{t('programme.list.empty')}</p>}
      {data && data.length > 0 && (
        <table className="table" aria-label={t('programme.list.title')}>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('programme.period')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col" className="num">
                {t('field.awardedCents')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={href('programmas', p.id)}>{p.name}</a>
                </td>
                <td>
                  {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}
                </td>
                <td>
                  <span className={`badge badge-${p.status}`}>{t(`status.${p.status}` as MessageKey)}</span>
                </td>
                <td className="num">{p.awardedCents === null ? '—' : formatCents(p.awardedCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
