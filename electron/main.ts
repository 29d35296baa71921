/**
 * The Electron main process: a thin shell of windows, menus and dialogs. All behaviour lives in the
 * core (electron/core), which this file wires to IPC.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { t } from '../shared/i18n/nl';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppState } from './core/app-state';
import { UserError } from './core/errors';
import { snapshotTo } from './core/files/snapshot';
import { copyName } from './core/handlers/backups';
import { createDispatcher } from './core/dispatch';
import { windowOptions, isTrustedUrl, DESKTOP_CSP } from './security';
import { registerIpc, EVENT_CHANNEL } from './ipc';
import { buildMenuTemplate } from './menu';
import { resolveNativeBinding } from './native-binding';
import { guardClose, mayClose } from './close-guard';

const nativeBinding = resolveNativeBinding(app.isPackaged, process.resourcesPath, process.env.REGIEBOEK_SQLITE_BINDING);
if (nativeBinding) process.env.REGIEBOEK_SQLITE_BINDING = nativeBinding;

const indexFile = path.join(__dirname, 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexFile).toString();
let win: BrowserWindow | null = null;
let state: AppState;

function send(name: string, payload: unknown = null) {
  win?.webContents.send(EVENT_CHANNEL, name, payload);
}

async function openFile(file: string) {
  // Another workspace replaces the screen: a form with unsaved changes asks first.
  if (!(await mayClose(win))) return;
  try {
    await state.open(file);
    send('workspace-changed');
  } catch (e) {
    // In use elsewhere: say by whom, and offer to look without changing anything.
    if (e instanceof UserError && e.code === 'locked' && win) {
      const r = await dialog.showMessageBox(win, { type: 'info', message: e.message, buttons: [t('lock.openReadOnly'), t('action.cancel')], defaultId: 0, cancelId: 1 });
      if (r.response === 0) {
        try {
          await state.open(file, { readOnly: true });
          send('workspace-changed');
        } catch (e2) {
          dialog.showErrorBox(t('shell.openen_mislukt'), e2 instanceof Error ? e2.message : String(e2));
        }
      }
    } else dialog.showErrorBox(t('shell.openen_mislukt'), e instanceof Error ? e.message : String(e));
  }
  refreshMenu();
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

function createWindow() {
  win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs')));
  const contents = win.webContents;
  // No navigation, no new windows, no webviews: the app is one page.
  contents.on('will-navigate', (e, url) => {
    if (!isTrustedUrl(url, indexUrl)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  win.once('ready-to-show', () => win?.show());
  // Closing the window or quitting with unsaved changes in a form: the page asks first.
  guardClose(win);
  void win.loadFile(indexFile);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
      cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] } });
    });
    state = new AppState({ dataDir: app.getPath('userData'), host: 'electron', version: app.getVersion() });
    // Straight into work: the last workspace, else the example region on the very first start.
    const dispatch = createDispatcher(state);
    if (!(await state.reopenLast()) && state.recent().length === 0) await dispatch('workspace.openExample', {});
    registerIpc(ipcMain, dispatch, indexUrl);
    refreshMenu();
    createWindow();
  });

  app.on('window-all-closed', () => {
    void state?.shutdown().finally(() => app.quit());
  });
}
