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
        <h2>Werkbestanden</h2>
        <p>
          Een werkbestand is één bestand op deze computer met één regio en alles daaronder: programma's, maatregelen, activiteiten, begroting, resultaten en
          monitoring. Er is geen server en geen internetverbinding nodig. Maak een reservekopie via Bestand › Opslaan als kopie. Bladen, input en verslagen drukt u af met de knop Afdrukken; in het programma op de computer maakt Bestand › Opslaan als PDF… er een PDF-bestand van.
        </p>
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
        <h2>Wijzigingen, Prullenbak en ongedaan maken</h2>
        <ul>
          <li>Elke wijziging wordt bewaard in de Geschiedenis: wanneer, door wie, en welk veld van wat naar wat veranderde.</li>
          <li>Verwijderen verplaatst iets naar de Prullenbak, met alles wat eronder valt. Vanuit de Prullenbak zet u het terug.</li>
          <li>Ctrl+Z (buiten een invoerveld) maakt de laatste wijziging ongedaan. Binnen een invoerveld maakt Ctrl+Z het typen ongedaan.</li>
        </ul>
        <h2>Bedragen en datums</h2>
        <ul>
          <li>Bedragen schrijft u als 1.234,56 of 1234,56; "€ 1.234" mag ook. Dubbelzinnige invoer zoals 1,234 of 12.34 wordt geweigerd.</li>
          <li>Datums schrijft u als dd-mm-jjjj, bijvoorbeeld 31-07-2026.</li>
        </ul>
        <h2 id="help-status">{t('help.results.title')}</h2>
        <p>{t('help.results.p1')}</p>
        <p>{t('help.results.p2')}</p>
        <p>{t('help.results.p3')}</p>
        <p>{t('help.results.p4')}</p>
        <p>{t('help.results.p5')}</p>
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
        <h2>Privacy</h2>
        <p>Regieboek bewaart alleen getallen en gegevens van professionals. Nooit namen, BSN, geboortedatums of andere gegevens van individuele jongeren.</p>
        <h2>Toetsenbord</h2>
        <ul>
          <li>Tab en Shift+Tab gaan langs alle knoppen en velden; Enter opent een koppeling of verstuurt een formulier.</li>
          <li>Ctrl+K opent Zoeken: typ een code (2.2.1), een naam of een woord uit de teksten; pijltjes en Enter openen een resultaat.</li>
          <li>Ctrl+Z: laatste wijziging ongedaan maken.</li>
        </ul>
      </section>
    </div>
  );
}
