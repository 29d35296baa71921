/**
 * The Electron main process: a thin shell of windows, menus and dialogs. All behaviour lives in the
 * core (electron/core), which this file wires to IPC. Its contract (window, CSP, protocol, IPC,
 * opening files from the operating system) is tested by loading the bundle under Node with a
 * recording stub of Electron: tests/unit/shell-contract.test.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { t } from '../shared/i18n/nl';
import fs from 'node:fs';
import path from 'node:path';
import { AppState } from './core/app-state';
import { UserError } from './core/errors';
import { snapshotTo } from './core/files/snapshot';
import { copyName } from './core/handlers/backups';
import { createDispatcher, type Dispatch } from './core/dispatch';
import { windowOptions, isTrustedUrl, DESKTOP_CSP } from './security';
import { registerIpc, EVENT_CHANNEL } from './ipc';
import { buildMenuTemplate } from './menu';
import { resolveNativeBinding } from './native-binding';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { openFromSecondInstance, workspaceFromArgv } from './open-request';
import { startUpdates, type UpdaterLike } from './updates';
import { guardClose, mayClose } from './close-guard';

const nativeBinding = resolveNativeBinding(app.isPackaged, process.resourcesPath, process.env.REGIEBOEK_SQLITE_BINDING);
if (nativeBinding) process.env.REGIEBOEK_SQLITE_BINDING = nativeBinding;
// A separate data folder for a test run or a second profile; the default is the user's own.
if (process.env.REGIEBOEK_DATA_DIR) app.setPath('userData', path.resolve(process.env.REGIEBOEK_DATA_DIR));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const indexUrl = APP_INDEX_URL;
let win: BrowserWindow | null = null;
let state: AppState;
let dispatch: Dispatch | null = null;
/** A file the system asked to open before the core was ready (argv, or macOS's open-file). */
let pendingOpen: string | null = workspaceFromArgv(process.argv, app.isPackaged, process.cwd());

function send(name: string, payload: unknown = null) {
  win?.webContents.send(EVENT_CHANNEL, name, payload);
}

/**
 * Every open goes through the core's own channel, like "Openen…" in the screens. A file in use
 * elsewhere: say by whom, and offer to look without changing anything.
 */
async function openFile(file: string): Promise<boolean> {
  // Another workspace replaces the screen: a form with unsaved changes asks first.
  if (!(await mayClose(win))) return false;
  let r = await dispatch!('workspace.open', { path: file });
  if (!r.ok && r.error.code === 'locked') {
    const ask = { type: 'info' as const, message: r.error.message, buttons: [t('lock.openReadOnly'), t('action.cancel')], defaultId: 0, cancelId: 1 };
    const choice = win ? await dialog.showMessageBox(win, ask) : await dialog.showMessageBox(ask);
    if (choice.response !== 0) {
      refreshMenu();
      return false;
    }
    r = await dispatch!('workspace.open', { path: file, readOnly: true });
  }
  if (!r.ok) dialog.showErrorBox(t('shell.openen_mislukt'), `${t('shell.openen_mislukt_bestand', { file: path.basename(file) })}\n\n${r.error.message}`);
  else send('workspace-changed');
  refreshMenu();
  return r.ok;
}

function refreshMenu() {
  const template = buildMenuTemplate(
    {
      newWorkspace: () => send('navigate', 'start/new'),
      open: async () => {
        const r = await dialog.showOpenDialog(win!, {
          title: t('shell.werkbestand_openen'),
          filters: [{ name: t('shell.regieboek_werkbestand'), extensions: ['regieboek', 'sqlite'] }],
          properties: ['openFile'],
        });
        if (!r.canceled && r.filePaths[0]) await openFile(r.filePaths[0]);
      },
      openRecent: (p) => void openFile(p),
      saveCopy: async () => {
        const ws = state.workspace;
        if (!ws) return;
        const r = await dialog.showSaveDialog(win!, { title: t('shell.opslaan_als_kopie'), defaultPath: copyName(ws.fileName) });
        if (r.canceled || !r.filePath) return;
        // The system's dialog already asked before replacing an existing file.
        try {
          snapshotTo(ws.sqlite, r.filePath, { overwrite: true, sourcePath: ws.path });
        } catch (e) {
          dialog.showErrorBox(t('shell.opslaan_als_kopie'), e instanceof UserError ? e.message : t('err.internal', { detail: String(e) }));
        }
      },
      savePdf: async () => {
        if (!win) return;
        const r = await dialog.showSaveDialog(win, { title: t('shell.opslaan_als_pdf'), defaultPath: 'Regieboek.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
        if (r.canceled || !r.filePath) return;
        // Uses the page's print styles, so the open sheet or report comes out as it prints.
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
        await fs.promises.writeFile(r.filePath, pdf);
      },
      quit: () => app.quit(),
      undo: () => send('navigate', 'undo'),
      redo: () => send('navigate', 'redo'),
      showHelp: () => send('navigate', 'help'),
      openDataDir: () => void shell.openPath(state.dataDir),
    },
    state.recent().filter((r) => r.exists),
    process.platform === 'darwin',
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** No navigation, no new windows, no webviews: the app is one page. */
function lockDown(contents: Electron.WebContents) {
  contents.on('will-navigate', (e, url) => {
    if (!isTrustedUrl(url, indexUrl)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (e) => e.preventDefault());
}

function createWindow() {
  const icon = app.isPackaged && process.platform === 'linux' ? path.join(process.resourcesPath, 'icon.png') : undefined;
  const w = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs'), icon));
  win = w;
  // Closing the window or quitting with unsaved changes in a form: the page asks first
  // (Opslaan / Niet opslaan / Annuleren); after that its beforeunload does not stop the close.
  const closeAgreed = guardClose(w);
  // Any other unload the page blocks (beforeunload): the user decides, in Dutch.
  w.webContents.on('will-prevent-unload', (e) => {
    if (closeAgreed()) return;
    const choice = dialog.showMessageBoxSync(w, {
      type: 'warning',
      title: t('shell.sluiten_titel'),
      message: t('shell.sluiten_vraag'),
      detail: t('shell.sluiten_uitleg'),
      buttons: [t('shell.sluiten_niet'), t('shell.sluiten_toch')],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) e.preventDefault(); // preventDefault lets the unload (the close) go ahead
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  void win.loadURL(indexUrl);
}

function focusWindow() {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

/** The file from the system, else the last workspace, else the example region on a first start. */
async function openAtStart() {
  const file = pendingOpen;
  pendingOpen = null;
  if (file && (await openFile(file))) return;
  if (await state.reopenLast()) return;
  if (state.recent().length === 0) await dispatch!('workspace.openExample', {});
}

// The second start hands its file to the first (additionalData survives argv reordering).
if (!app.requestSingleInstanceLock({ open: pendingOpen })) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv, workingDirectory, additionalData) => {
    focusWindow();
    const file = openFromSecondInstance(additionalData, argv, app.isPackaged, workingDirectory);
    if (file && dispatch) void openFile(file);
  });

  // macOS: a double-clicked file, also the one that started the app (then before ready).
  app.on('open-file', (e, file) => {
    e.preventDefault();
    if (dispatch) {
      focusWindow();
      void openFile(file);
    } else pendingOpen = file;
  });

  app.on('web-contents-created', (_e, contents) => lockDown(contents));

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
      cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] } });
    });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, 'renderer'), DESKTOP_CSP));
    state = new AppState({ dataDir: app.getPath('userData'), host: 'electron', version: app.getVersion() });
    dispatch = createDispatcher(state);
    registerIpc(ipcMain, dispatch, indexUrl);
    await openAtStart();
    refreshMenu();
    createWindow();
    void startUpdates({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      env: process.env,
      // Loaded only when updates are configured; a plain require keeps it outside the bundle.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      load: async () => (require('electron-updater') as typeof import('electron-updater')).autoUpdater as unknown as UpdaterLike,
      askRestart: async (version) => {
        const r = await dialog.showMessageBox({
          type: 'info',
          title: t('shell.update_titel'),
          message: t('shell.update_klaar', { version }),
          detail: t('shell.update_uitleg'),
          buttons: [t('shell.update_nu'), t('shell.update_later')],
          defaultId: 0,
          cancelId: 1,
        });
        return r.response === 0;
      },
      log: (m) => console.warn(m),
    });
  });

  app.on('window-all-closed', () => {
    void state?.shutdown().finally(() => app.quit());
  });
}
