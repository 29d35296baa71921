import { t } from '../i18n';
import { DEFAULT_THRESHOLDS } from '../../../shared/results/types';
import { STATUS_ICON } from './ResultsParts';

export function HelpPage() {
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('help.title')}</h1>
      </header>
      <section className="card prose">
        <h2>{t('help.files.title')}</h2>
        <p>{t('help.files.p')}</p>
        <h2>{t('help.tree.title')}</h2>
        <ul>
          {t('help.tree.items')
            .split('\n')
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
        <h2>{t('help.budget.title')}</h2>
        <ul>
          {t('help.budget.items')
            .split('\n')
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
        <h2>{t('help.history.title')}</h2>
        <ul>
          {t('help.history.items')
            .split('\n')
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
        <h2>{t('help.money.title')}</h2>
        <ul>
          {t('help.money.items')
            .split('\n')
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
        <h2 id="help-status">{t('help.results.title')}</h2>
        <p>{t('help.results.p1')}</p>
        <p>{t('help.results.p2')}</p>
        <p>{t('help.results.p3')}</p>
        <p>{t('help.results.p4')}</p>
        <p>{t('help.results.p5', { attention: DEFAULT_THRESHOLDS.attentionMargin })}</p>
        <ul className="status-rule" aria-label={t('results.statuses')}>
          <li>
            <span aria-hidden="true">{STATUS_ICON.behaald}</span> {t('help.results.li.behaald')}
          </li>
          <li>
            <span aria-hidden="true">{STATUS_ICON.op_koers}</span> {t('help.results.li.opKoers', { onTrack: DEFAULT_THRESHOLDS.onTrackMargin })}
          </li>
          <li>
            <span aria-hidden="true">{STATUS_ICON.aandacht}</span> {t('help.results.li.aandacht', { attention: DEFAULT_THRESHOLDS.attentionMargin })}
          </li>
          <li>
            <span aria-hidden="true">{STATUS_ICON.achter}</span> {t('help.results.li.achter', { attention: DEFAULT_THRESHOLDS.attentionMargin })}
          </li>
          <li>
            <span aria-hidden="true">{STATUS_ICON.geen_gegevens}</span> {t('help.results.li.geen')}
          </li>
        </ul>
        <p>{t('help.results.p6', { onTrack: DEFAULT_THRESHOLDS.onTrackMargin, attention: DEFAULT_THRESHOLDS.attentionMargin })}</p>
        <h2 id="help-monitoring">{t('help.monitoring.title')}</h2>
        <ul>
          {t('help.monitoring.items')
            .split('\n')
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
        <h2>{t('help.privacy.title')}</h2>
        <p>{t('help.privacy.p')}</p>
        <h2>{t('help.keys.title')}</h2>
        <ul>
          {t('help.keys.items')
            .split('\n')
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
      </section>
    </div>
  );
}
