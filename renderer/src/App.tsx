import { ErrorBoundary } from './components/ErrorBoundary';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { call, onAppEvent } from './api';
import { queryClient } from './query';
import { useCall } from './useLoad';
import { messageOf } from './components/errors';
import { AppContext } from './state';
import { NotifyProvider, Toasts, useNotify } from './notify';
import { go, href, useRoute } from './router';
import { t, type MessageKey } from './i18n';
import { regionLabel } from '../../shared/regions';
import type { AppInfo, WorkspaceInfo } from '../../shared/schemas/workspace';
import { StartPage } from './pages/StartPage';
import { ProgrammeList } from './pages/ProgrammeList';
import { ProgrammeDetail } from './pages/ProgrammeDetail';
import { SearchDialog } from './components/SearchDialog';
import { AskProvider, useAsk } from './components/ChoiceDialog';
import { PrivacyConfirm } from './components/PrivacyConfirm';

// Each area's screens load when first opened (code split per page), so the first screen comes quickly.
const ProgrammeForm = lazy(() => import('./pages/ProgrammeForm').then((m) => ({ default: m.ProgrammeForm })));
const PrivacyPage = lazy(() => import('./pages/PrivacyPage').then((m) => ({ default: m.PrivacyPage })));
const TrashPage = lazy(() => import('./pages/TrashPage').then((m) => ({ default: m.TrashPage })));
const HistoryPage = lazy(() => import('./pages/HistoryPage').then((m) => ({ default: m.HistoryPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const HelpPage = lazy(() => import('./pages/HelpPage').then((m) => ({ default: m.HelpPage })));
const ResultsOverview = lazy(() => import('./pages/ResultsOverview').then((m) => ({ default: m.ResultsOverview })));
const ResultsActivity = lazy(() => import('./pages/ResultsActivity').then((m) => ({ default: m.ResultsActivity })));
const ResultsIndicator = lazy(() => import('./pages/ResultsActivity').then((m) => ({ default: m.ResultsIndicator })));
const ResultsIndicatorForm = lazy(() => import('./pages/ResultsIndicatorForm').then((m) => ({ default: m.ResultsIndicatorForm })));
const ResultsRegionFigures = lazy(() => import('./pages/ResultsRegionFigures').then((m) => ({ default: m.ResultsRegionFigures })));
const DuoImport = lazy(() => import('./pages/DuoImport').then((m) => ({ default: m.DuoImport })));
const LineForm = lazy(() => import('./pages/LineForm').then((m) => ({ default: m.LineForm })));
const MeasureDetail = lazy(() => import('./pages/MeasureDetail').then((m) => ({ default: m.MeasureDetail })));
const MeasureForm = lazy(() => import('./pages/MeasureForm').then((m) => ({ default: m.MeasureForm })));
const ActivityDetail = lazy(() => import('./pages/ActivityDetail').then((m) => ({ default: m.ActivityDetail })));
const ActivityForm = lazy(() => import('./pages/ActivityForm').then((m) => ({ default: m.ActivityForm })));
const PartnerList = lazy(() => import('./pages/PartnerList').then((m) => ({ default: m.PartnerList })));
const PartnerDetail = lazy(() => import('./pages/PartnerDetail').then((m) => ({ default: m.PartnerDetail })));
const PartnerForm = lazy(() => import('./pages/PartnerForm').then((m) => ({ default: m.PartnerForm })));
const ActivitySheet = lazy(() => import('./pages/PrintSheet').then((m) => ({ default: m.ActivitySheet })));
const MeasureSheet = lazy(() => import('./pages/PrintSheet').then((m) => ({ default: m.MeasureSheet })));
const MonitoringRoundForm = lazy(() => import('./pages/MonitoringRounds').then((m) => ({ default: m.MonitoringRoundForm })));
const MonitoringRounds = lazy(() => import('./pages/MonitoringRounds').then((m) => ({ default: m.MonitoringRounds })));
const MonitoringRound = lazy(() => import('./pages/MonitoringRound').then((m) => ({ default: m.MonitoringRound })));
const MonitoringInput = lazy(() => import('./pages/MonitoringInput').then((m) => ({ default: m.MonitoringInput })));
const MonitoringActions = lazy(() => import('./pages/MonitoringActions').then((m) => ({ default: m.MonitoringActions })));
const MonitoringQuestions = lazy(() => import('./pages/MonitoringQuestions').then((m) => ({ default: m.MonitoringQuestions })));
const InputSheet = lazy(() => import('./pages/MonitoringPrint').then((m) => ({ default: m.InputSheet })));
const RoundReport = lazy(() => import('./pages/MonitoringPrint').then((m) => ({ default: m.RoundReport })));
const BudgetPage = lazy(() => import('./pages/BudgetPage').then((m) => ({ default: m.BudgetPage })));
const ExchangePage = lazy(() => import('./pages/ExchangePage').then((m) => ({ default: m.ExchangePage })));
const BackupsPage = lazy(() => import('./pages/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const PlanPage = lazy(() => import('./pages/PlanPage').then((m) => ({ default: m.PlanPage })));
import { BackupNotice } from './components/BackupNotice';

/** Areas in the sidebar; those that need a workspace are hidden until one is open. */
const areas: { route: string; key: MessageKey; needsWorkspace: boolean }[] = [
  { route: 'start', key: 'nav.start', needsWorkspace: false },
  { route: 'programmas', key: 'nav.programmes', needsWorkspace: true },
  { route: 'partners', key: 'nav.partners', needsWorkspace: true },
  { route: 'begroting', key: 'nav.budget', needsWorkspace: true },
  { route: 'resultaten', key: 'nav.results', needsWorkspace: true },
  { route: 'vsv-cijfers', key: 'nav.regionFigures', needsWorkspace: true },
  { route: 'monitoring', key: 'nav.monitoring', needsWorkspace: true },
  { route: 'acties', key: 'nav.actions', needsWorkspace: true },
  { route: 'excel', key: 'nav.exchange', needsWorkspace: true },
  { route: 'plan', key: 'nav.plan', needsWorkspace: true },
  { route: 'geschiedenis', key: 'nav.history', needsWorkspace: true },
  { route: 'prullenbak', key: 'nav.trash', needsWorkspace: true },
  { route: 'reservekopieen', key: 'nav.backups', needsWorkspace: true },
  { route: 'privacy', key: 'nav.privacy', needsWorkspace: true },
  { route: 'instellingen', key: 'nav.settings', needsWorkspace: false },
  { route: 'help', key: 'nav.help', needsWorkspace: false },
];

function isTyping(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  return !!e && (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT' || e.isContentEditable);
}

/** Pages below a programme that are not in the sidebar; the sidebar marks their area. */
const areaOf: Record<string, string> = { maatregelen: 'programmas', activiteiten: 'programmas' };

function Screen({ route, hasWorkspace }: { route: string[]; hasWorkspace: boolean }) {
  const [area = hasWorkspace ? 'programmas' : 'start', a, b, c, d] = route;
  if (!hasWorkspace && areas.find((x) => x.route === area)?.needsWorkspace !== false) return <StartPage />;
  switch (area) {
    case 'programmas':
      if (a === 'nieuw') return <ProgrammeForm />;
      if (a && b === 'bewerken') return <ProgrammeForm id={a} />;
      if (a && b === 'lijn' && c) return <LineForm key={c} programmeId={a} id={c === 'nieuw' ? undefined : c} />;
      if (a && b === 'maatregel') return <MeasureForm key={d ?? 'new'} programmeId={a} lineId={d} />;
      // An activity directly under a programme line (d) or the programme: #/programmas/<p>/activiteit/nieuw[/<line>]
      if (a && b === 'activiteit' && c === 'nieuw') return <ActivityForm key={`new-at-${d ?? a}`} programmeId={a} lineId={d} />;
      if (a) return <ProgrammeDetail id={a} />;
      return <ProgrammeList />;
    case 'resultaten':
      // #/resultaten[/<programme>], #/resultaten/activiteit/<id>, #/resultaten/<programme>/indicator/<id>,
      // #/resultaten/nieuw/(activiteit|maatregel)/<id>, #/resultaten/indicator/<id>/bewerken
      if (a === 'activiteit' && b) return <ResultsActivity id={b} />;
      if (a === 'nieuw' && (b === 'activiteit' || b === 'maatregel') && c) return <ResultsIndicatorForm owner={{ kind: b, id: c }} />;
      if (a === 'indicator' && b && c === 'bewerken') return <ResultsIndicatorForm id={b} />;
      if (a && b === 'indicator' && c) return <ResultsIndicator id={c} programmeId={a} />;
      return <ResultsOverview programmeId={a} />;
    case 'vsv-cijfers':
      if (a === 'duo') return <DuoImport />;
      return <ResultsRegionFigures />;
    case 'excel':
      return <ExchangePage />;
    case 'plan':
      return <PlanPage />;
    case 'maatregelen':
      if (a && b === 'bewerken') return <MeasureForm key={a} id={a} />;
      if (a && b === 'activiteit-nieuw') return <ActivityForm key={`new-${a}`} measureId={a} />;
      if (a) return <MeasureDetail id={a} />;
      return <ProgrammeList />;
    case 'activiteiten':
      if (a && b === 'bewerken') return <ActivityForm key={a} id={a} />;
      if (a) return <ActivityDetail id={a} />;
      return <ProgrammeList />;
    case 'partners':
      if (a === 'nieuw') return <PartnerForm />;
      if (a && b === 'bewerken') return <PartnerForm key={a} id={a} />;
      if (a) return <PartnerDetail id={a} />;
      return <PartnerList />;
    case 'monitoring':
      if (a === 'nieuw') return <MonitoringRoundForm />;
      if (a === 'ronde' && b && c === 'bewerken') return <MonitoringRoundForm key={b} id={b} />;
      if (a === 'ronde' && b) return <MonitoringRound key={b} id={b} />;
      if (a === 'input' && b) return <MonitoringInput key={b} id={b} />;
      if (a === 'vragen') return <MonitoringQuestions key={b ?? 'current'} programmeId={b} />;
      return <MonitoringRounds />;
    case 'acties':
      return <MonitoringActions />;
    case 'begroting':
      return <BudgetPage route={route.slice(1)} />;
    case 'prullenbak':
      return <TrashPage />;
    case 'reservekopieen':
      return <BackupsPage />;
    case 'privacy':
      return <PrivacyPage />;
    case 'geschiedenis':
      return <HistoryPage key={`${a ?? ''}/${b ?? ''}`} entity={a} id={b} />;
    case 'instellingen':
      return <SettingsPage />;
    case 'help':
      return <HelpPage />;
    default:
      return <StartPage />;
  }
}

function Shell() {
  const route = useRoute();
  const notify = useNotify();
  const ask = useAsk();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [ready, setReady] = useState(false);
  const [searching, setSearching] = useState(false);
  // After an undo or redo anything on screen may have changed: every load is done again.
  const refresh = useCallback(() => void queryClient.invalidateQueries(), []);
  // Another screen starts at its top, not at the scroll position of the one before.
  const path = route.join('/');
  useEffect(() => {
    // The content scrolls in its own column (the notices have a row of their own below it).
    document.getElementById('main')?.scrollTo(0, 0);
    window.scrollTo(0, 0);
  }, [path]);

  const load = useCallback(async () => {
    const [i, ws] = await Promise.all([call('app.info'), call('workspace.current')]);
    setInfo(i);
    setWorkspace(ws);
    setReady(true);
  }, []);

  useEffect(() => {
    load().catch((e: unknown) => notify(messageOf(e), 'error'));
  }, [load, notify]);

  /**
   * Ctrl+Z / Ctrl+Shift+Z for this window's own changes. A change set of more than 25 records is
   * reversed only after the question naming it and its counts.
   */
  const stepHistory = useCallback(
    async (direction: 'undo' | 'redo') => {
      const channel = direction === 'undo' ? 'history.undo' : 'history.redo';
      try {
        let r = await call(channel, {});
        if (r.status === 'confirm') {
          const answer = await ask({
            title: r.question ?? r.label,
            body: [r.summary],
            choices: [
              { value: 'go', label: t(direction === 'undo' ? 'undo.confirm' : 'redo.confirm'), kind: 'danger' },
              { value: 'cancel', label: t('action.cancel'), cancel: true },
            ],
          });
          if (answer !== 'go') return;
          r = await call(channel, { changeSetId: r.changeSetId });
        }
        notify(t(direction === 'undo' ? 'history.undoDone' : 'history.redoDone', { label: r.label }));
        refresh();
      } catch (e) {
        notify(messageOf(e), 'error');
      }
    },
    [ask, notify, refresh],
  );
  const undo = useCallback(() => stepHistory('undo'), [stepHistory]);
  const redo = useCallback(() => stepHistory('redo'), [stepHistory]);

  // Outside a text field: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo; inside one they stay the browser's own.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target) || !workspace) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, workspace]);

  // What the buttons would undo and redo now, for their titles.
  // Only titles: when they cannot be loaded the buttons simply have none.
  const stack = useCall('history.stack', undefined, { enabled: !!workspace }).data ?? { undo: null, redo: null };

  // Ctrl+K opens the search from anywhere, also from inside a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k' && workspace && !window.location.hash.startsWith('#/afdrukken')) {
        e.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workspace]);

  // Menu actions of the desktop shell.
  useEffect(
    () =>
      onAppEvent((name, payload) => {
        if (name === 'workspace-changed') {
          void load().then(() => {
            // Another file: nothing of the previous one may stay on screen.
            void queryClient.resetQueries();
            go('programmas');
          });
        } else if (name === 'navigate') {
          if (payload === 'undo') void undo();
          else if (payload === 'redo') void redo();
          else if (payload === 'help') go('help');
          else go('start');
        }
      }),
    [load, refresh, undo, redo],
  );

  if (!ready) return <div className="loading" aria-busy="true" />;
  const current = areaOf[route[0] ?? ''] ?? route[0] ?? (workspace ? 'programmas' : 'start');
  const ctx = {
    info,
    workspace,
    refresh,
    setWorkspace: (ws: WorkspaceInfo | null) => {
      setWorkspace(ws);
      // Another file: nothing of the previous one may stay on screen.
      void queryClient.resetQueries();
    },
  };
  // The printable sheets stand alone, without the menu, so what is on screen is what prints.
  if (route[0] === 'afdrukken' && workspace && route[2])
    return (
      <AppContext.Provider value={ctx}>
        <main className="print-main">
          <Suspense fallback={<div aria-busy="true" />}>
          {route[1] === 'maatregel' ? (
            <MeasureSheet id={route[2]} />
          ) : route[1] === 'input' ? (
            <InputSheet id={route[2]} />
          ) : route[1] === 'verslag' ? (
            <RoundReport id={route[2]} />
          ) : (
            <ActivitySheet id={route[2]} />
          )}
          </Suspense>
        </main>
        <Toasts />
      </AppContext.Provider>
    );
  return (
    <AppContext.Provider value={ctx}>
      <div className="layout">
        <nav className="sidebar" aria-label={t('nav.main')}>
          <div className="brand">
            <span className="brand-name">{t('app.name')}</span>
            {workspace && (
              <span className="brand-region" title={workspace.path}>
                {regionLabel(workspace.region)}
              </span>
            )}
          </div>
          <ul>
            {areas
              .filter((a) => !a.needsWorkspace || workspace)
              .map((a) => (
                <li key={a.route}>
                  <a href={href(a.route)} aria-current={current === a.route ? 'page' : undefined}>
                    {t(a.key)}
                  </a>
                </li>
              ))}
          </ul>
          {workspace && (
            <button type="button" className="ghost search-button" onClick={() => setSearching(true)}>
              <span aria-hidden="true">⌕ </span>
              {t('nav.search')}
            </button>
          )}
          {workspace && (
            <div className="sidebar-foot">
              <div className="undo-buttons">
                <button type="button" className="ghost" onClick={() => void undo()} title={stack.undo ? t('undo.buttonTitle', { label: stack.undo }) : t('history.undoHint')}>
                  ↶ {t('action.undo')}
                </button>
                <button type="button" className="ghost" onClick={() => void redo()} title={stack.redo ? t('redo.buttonTitle', { label: stack.redo }) : t('history.redoHint')}>
                  ↷ {t('action.redo')}
                </button>
              </div>
              <div className="file-name" title={workspace.path}>
                {workspace.fileName}
              </div>
            </div>
          )}
        </nav>
        <div className="main-col">
        {/* Focusable: the content scrolls in its own region, which the keyboard must reach (axe). */}
        <main className="main" id="main" tabIndex={0}>
          {workspace && <BackupNotice here={route[0] === 'reservekopieen'} />}
          {workspace?.readOnly && (
            <p className="readonly-banner" role="note">
              {workspace.readOnly}
            </p>
          )}
          <ErrorBoundary key={route.join("/")}>
            <Suspense fallback={<div className="page" aria-busy="true" />}>
              <Screen route={route} hasWorkspace={!!workspace} />
            </Suspense>
          </ErrorBoundary>
        </main>
        <Toasts />
        </div>
        {searching && <SearchDialog onClose={() => setSearching(false)} />}
        <PrivacyConfirm />
      </div>
    </AppContext.Provider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <NotifyProvider>
        <AskProvider>
          <Shell />
        </AskProvider>
      </NotifyProvider>
    </QueryClientProvider>
  );
}
