import { useEffect } from 'react';
import { useCall } from '../useLoad';
import { LoadError, LoadProblem } from '../components/LoadError';
import { t, type MessageKey } from '../i18n';
import { go, href } from '../router';
import { TABS, budgetHref, parseFilter, type Tab } from './budgetRoute';
import { BudgetOverviewView, BudgetBreakdown } from './BudgetOverview';
import { BudgetLines } from './BudgetLines';
import { BudgetSpend } from './BudgetSpend';
import { BudgetAwards } from './BudgetAwards';
import { BudgetChecks } from './BudgetChecks';

const tabKey: Record<Tab, MessageKey> = {
  overzicht: 'budget.tab.overview',
  bronnen: 'budget.tab.sources',
  partners: 'budget.tab.partners',
  categorieen: 'budget.tab.categories',
  toekenningen: 'budget.tab.awards',
  regels: 'budget.tab.lines',
  bestedingen: 'budget.tab.spend',
  controles: 'budget.tab.checks',
};

/** The money of one programme: overviews, awards, budget lines with spend, checks. */
export function BudgetPage({ route }: { route: string[] }) {
  const [programmeId, rawTab, ...rest] = route;
  const tab: Tab = (TABS as readonly string[]).includes(rawTab ?? '') ? (rawTab as Tab) : 'overzicht';
  const programmes = useCall('programme.list');
  const list = programmes.data ?? [];

  // Without a programme in the route: the running one (or the newest).
  useEffect(() => {
    if (programmeId || !programmes.data?.length) return;
    const p = programmes.data.find((x) => x.status === 'lopend') ?? programmes.data[0]!;
    window.location.replace(budgetHref(p.id, 'overzicht'));
  }, [programmeId, programmes.data]);

  const overview = useCall('budget.overview', { programmeId: programmeId ?? '' }, { enabled: !!programmeId });
  // The checks read every line; asked for after the overview is on screen, so they never hold it up.
  const checks = useCall('budget.checks', { programmeId: programmeId ?? '' }, { enabled: !!programmeId && !!overview.data });

  if (programmes.data && list.length === 0) return (
    <div className="page">
      <h1>{t('budget.title')}</h1>
      <p className="muted">{t('budget.noProgrammes')}</p>
    </div>
  );
  if (!programmeId) return programmes.error ? <LoadError message={programmes.error} back={href('programmas')} /> : <div className="page" aria-busy="true" />;
  const filter = parseFilter(rest);
  const o = overview.data;
  const checkCount = checks.data?.filter((c) => c.severity !== 'info').length ?? 0;

  return (
    <div className="page page-wide">
      <header className="page-head">
        <h1>{t('budget.title')}</h1>
        <div className="field inline-field">
          <label htmlFor="budget-programme">{t('budget.programme')}</label>
          <select id="budget-programme" value={programmeId} onChange={(e) => go('begroting', e.target.value, tab)}>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </header>
      <nav className="tabs" aria-label={t('budget.tabs')}>
        {TABS.map((x) => (
          <a key={x} href={budgetHref(programmeId, x)} aria-current={x === tab ? 'page' : undefined}>
            {t(tabKey[x])}
            {x === 'controles' && checkCount > 0 && <span className="count-badge" aria-label={`(${checkCount})`}>{checkCount}</span>}
          </a>
        ))}
      </nav>
      <LoadProblem q={programmes} />
      <LoadProblem q={overview} />
      {o && tab === 'overzicht' && <BudgetOverviewView o={o} />}
      {o && tab === 'bronnen' && <BudgetBreakdown o={o} kind="fundingSource" />}
      {o && tab === 'partners' && <BudgetBreakdown o={o} kind="partnerId" />}
      {o && tab === 'categorieen' && <BudgetBreakdown o={o} kind="category" />}
      {o && tab === 'toekenningen' && <BudgetAwards programmeId={programmeId} o={o} />}
      {o && tab === 'regels' && <BudgetLines programmeId={programmeId} filter={filter} o={o} />}
      {o && tab === 'bestedingen' && <BudgetSpend programmeId={programmeId} filter={filter} o={o} />}
      {o && tab === 'controles' && <LoadProblem q={checks} />}
      {o && tab === 'controles' && <BudgetChecks programmeId={programmeId} o={o} checks={checks.data} />}
    </div>
  );
}
