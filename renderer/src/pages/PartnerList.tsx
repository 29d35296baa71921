import { useState } from 'react';
import { useCall } from '../useLoad';
import { t, type MessageKey } from '../i18n';
import { href } from '../router';
import { ORGANISATION_TYPES } from '../../../shared/schemas/partner';

export const orgTypeLabel = (type: string) => t(`orgType.${type}` as MessageKey);

export function PartnerList() {
  const { data, error, loading } = useCall('organisation.list');
  const [type, setType] = useState('');
  const shown = (data ?? []).filter((o) => !type || o.type === type);
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('partner.list.title')}</h1>
        <a className="button primary" href={href('partners', 'nieuw')}>
          {t('partner.new')}
        </a>
      </header>
      <p className="lead">{t('partner.list.intro')}</p>
      {error && <p className="error-box">{error}</p>}
      {!loading && data && data.length === 0 && <p className="muted">{t('partner.list.empty')}</p>}
      {data && data.length > 0 && (
        <>
          <div className="filters">
            <label>
              {t('partner.filterType')}
              <select value={type} onChange={(e) => setType(e.target.value)}>
                <option value="">{t('partner.allTypes')}</option>
                {ORGANISATION_TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {orgTypeLabel(ty)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <table className="table" aria-label={t('partner.list.title')}>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.type')}</th>
                <th scope="col">{t('field.place')}</th>
                <th scope="col">{t('partner.brinKvk')}</th>
                <th scope="col" className="num">
                  {t('partner.contactCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a href={href('partners', o.id)}>{o.name}</a>
                  </td>
                  <td>{orgTypeLabel(o.type)}</td>
                  <td>{o.place || '—'}</td>
                  <td>{o.brin || o.kvk || '—'}</td>
                  <td className="num">{o.contactCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
