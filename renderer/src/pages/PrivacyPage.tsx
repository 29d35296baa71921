/**
 * Privacycontrole (#/privacy): everything stored, also the Prullenbak and the history, through the
 * privacy guard's patterns; every hit with what to do about it. Backups are listed apart.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCall } from '../useLoad';
import { href } from '../router';
import { fieldLabel, t } from '../i18n';
import { entityLabel } from '../entities';
import { backupLabel, useErase } from '../useErase';
import type { PrivacyHit } from '../../../shared/schemas/privacy';

function Action({ hit }: { hit: PrivacyHit }) {
  const erase = useErase();
  const field = hit.field === 'label' ? t('erase.labels') : fieldLabel(hit.field, hit.entity);
  if (hit.place === 'data' && hit.route)
    return (
      <a className="button" href={href(...hit.route)}>
        {t('privacy.fix')}
      </a>
    );
  if (hit.place === 'trash' && hit.trashChangeSetId !== null)
    return (
      <button type="button" className="danger" onClick={() => void erase.eraseItem(hit.trashChangeSetId!, `${entityLabel(hit.entity)} ${hit.record}`)}>
        {t('erase.action.item')}
      </button>
    );
  if (hit.place === 'history')
    return (
      <button type="button" className="danger" onClick={() => void erase.eraseField(hit.entity, hit.entityId, hit.field)} aria-label={t('erase.action.fieldAria', { field })}>
        {t('erase.action.field')}
      </button>
    );
  return null;
}

export function PrivacyPage() {
  const client = useQueryClient();
  const { data, error, loading } = useCall('privacy.scan');
  const rescan = () => void client.invalidateQueries({ queryKey: ['privacy.scan'] });
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('privacy.title')}</h1>
        <button type="button" onClick={rescan} disabled={loading}>
          {t('privacy.rescan')}
        </button>
      </header>
      <p className="lead">{t('privacy.intro')}</p>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {data && (
        <section className="card" aria-labelledby="privacy-result" aria-busy={loading}>
          <h2 id="privacy-result" className={data.hits.length ? 'warn-mark' : undefined}>
            {data.hits.length ? t(data.hits.length === 1 ? 'privacy.found.one' : 'privacy.found.other', { n: data.hits.length }) : t('privacy.clean', { records: data.records.toLocaleString('nl-NL'), changes: data.changes.toLocaleString('nl-NL') })}
          </h2>
          {data.confirmed > 0 && <p className="muted small">{t('privacy.confirmedNote', { n: data.confirmed })}</p>}
          {data.hits.length > 0 && (
            <table className="table privacy-table" aria-label={t('privacy.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('privacy.col.place')}</th>
                  <th scope="col">{t('privacy.col.record')}</th>
                  <th scope="col">{t('privacy.col.field')}</th>
                  <th scope="col">{t('privacy.col.found')}</th>
                  <th scope="col">{t('privacy.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {data.hits.map((h) => (
                  <tr key={`${h.place}-${h.entity}-${h.entityId}-${h.field}`}>
                    <td>
                      {t(`privacy.place.${h.place}`)}
                      {h.count > 1 && <div className="muted small">{t('privacy.historyCount', { n: h.count })}</div>}
                    </td>
                    <td>
                      {entityLabel(h.entity)} <strong>{h.record}</strong>
                    </td>
                    <td>{h.field === 'label' ? t('privacy.labelField') : fieldLabel(h.field, h.entity)}</td>
                    <td>
                      <span className={h.severity === 'refuse' ? 'badge badge-danger' : 'badge badge-warning'}>{t(`privacy.kind.${h.kind}`)}</span>
                      <div className="privacy-excerpt">{h.excerpt}</div>
                    </td>
                    <td className="actions-cell">
                      <Action hit={h} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {data && (
        <section className="card" aria-labelledby="privacy-backups">
          <h2 id="privacy-backups">{t('privacy.backups.title')}</h2>
          <p className="muted">{t('privacy.backups.intro')}</p>
          {data.backups.length === 0 ? (
            <p>{t('privacy.backups.none')}</p>
          ) : (
            <ul className="plain">
              {data.backups.map((b) => (
                <li key={b.file}>{backupLabel(b)}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
