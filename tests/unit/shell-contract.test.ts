/**
 * The shell's contract: the bundled main process (dist/main.cjs, as packaged) runs under Node with
 * a recording stub of Electron, and we check what the real app would do. Run `npm run build` first
 * (npm test does).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createElectronStub, loadMain, MAIN_JS, waitFor, type ElectronStub } from './electron-stub';
import { programmeInput, tempDir } from './helpers';
import { createRequire } from 'node:module';
import { nowIso } from '../../electron/core/clock';
import { AppState } from '../../electron/core/app-state';
import { createDispatcher } from '../../electron/core/dispatch';
import { channels } from '../../shared/contract';
import { DESKTOP_CSP } from '../../electron/security';
import { APP_INDEX_URL } from '../../electron/app-protocol';
import { INVOKE_CHANNEL, EVENT_CHANNEL } from '../../electron/ipc';
import { findRegion } from '../../shared/regions';
import type { Result } from '../../shared/result';

const require = createRequire(import.meta.url);

const TRUSTED = { senderFrame: { url: APP_INDEX_URL + '#/programmas', parent: null } };
const running: { stub: ElectronStub; restore: () => void }[] = [];

beforeAll(() => {
  if (!fs.existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} ontbreekt: voer eerst "npm run build" uit.`);
});

afterEach(async () => {
  while (running.length) {
    const { stub, restore } = running.pop()!;
    // Closing the last window closes the workspace and quits, as in the app.
    stub.app.emit('window-all-closed');
    await waitFor(() => stub.quits > 0, 'quit after window-all-closed');
    restore();
  }
});

/** A workspace file made by the core, as an office would have on disk. */
async function workspaceFile(dir: string, name: string, regionNumber: number, programme: string): Promise<string> {
  const app = new AppState({ dataDir: dir, host: 'test' });
  const dispatch = createDispatcher(app, { log: () => {} });
  const ws = await app.create(path.join(dir, `${name}.regieboek`), findRegion(regionNumber)!);
  const r = await dispatch('programme.create', programmeInput({ name: programme }));
  if (!r.ok) throw new Error(r.error.message);
  await app.shutdown();
  return ws.path;
}

/** resources/ of a packaged app: the SQLite module in native/ (here the Node build stands in). */
function resourcesDir(extra: Record<string, string> = {}): string {
  const dir = tempDir('regieboek-resources-');
  fs.mkdirSync(path.join(dir, 'native'));
  fs.copyFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'), path.join(dir, 'native', 'better_sqlite3.node'));
  for (const [name, content] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function start(
  opts: { argv?: string[]; isPackaged?: boolean; resourcesPath?: string; lockGranted?: boolean; updater?: unknown; messageBoxResponse?: number; firstStart?: boolean } = {},
) {
  const userData = tempDir('regieboek-shell-');
  // A returning user whose last file is gone: no example region to seed, so the tests stay quick.
  if (!opts.firstStart) fs.writeFileSync(path.join(userData, 'instellingen.json'), JSON.stringify({ userName: '', recent: [{ path: path.join(userData, 'weg.regieboek'), regionLabel: null, lastOpened: '2026-01-01T00:00:00.000Z' }], lastOpened: null }));
  if (opts.isPackaged && !opts.resourcesPath) opts = { ...opts, resourcesPath: resourcesDir() };
  const stub = createElectronStub({ userData, isPackaged: opts.isPackaged, lockGranted: opts.lockGranted, messageBoxResponse: opts.messageBoxResponse });
  const exe = opts.isPackaged ? '/opt/Regieboek/regieboek' : '/repo/node_modules/electron/dist/electron';
  const argv = opts.argv ?? (opts.isPackaged ? [exe] : [exe, '/repo']);
  const loaded = loadMain(stub, { argv, resourcesPath: opts.resourcesPath, updater: opts.updater });
  running.push({ stub, restore: loaded.restore });
  return { stub, userData, loaded };
}

async function started(s: ReturnType<typeof start>) {
  s.stub.fireReady();
  await waitFor(() => s.stub.windows.length > 0, 'the window');
  return s.stub;
}

async function invoke(stub: ElectronStub, channel: string, input: unknown = {}, event: unknown = TRUSTED): Promise<Result<unknown>> {
  return (await stub.ipcHandlers.get(INVOKE_CHANNEL)!(event as never, channel as never, input as never)) as Result<unknown>;
}

async function currentRegion(stub: ElectronStub): Promise<number | null> {
  const r = await invoke(stub, 'workspace.current');
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { region: { number: number } } | null)?.region.number ?? null;
}

async function programmeNames(stub: ElectronStub): Promise<string[]> {
  const r = await invoke(stub, 'programme.list');
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { name: string }[]).map((p) => p.name);
}

describe('desktop shell contract (dist/main.cjs under a recording Electron stub)', () => {
  it('opens one window with the secure preferences, loading the app:// page', async () => {
    const stub = await started(start());
    expect(stub.windows).toHaveLength(1);
    const w = stub.windows[0]!;
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    const preload = (w.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(path.join(path.dirname(MAIN_JS), 'preload.cjs'));
    expect(fs.existsSync(preload)).toBe(true);
    expect(w.loadedUrl).toBe(APP_INDEX_URL);
    expect(w.options.show).toBe(false);
    w.emit('ready-to-show');
    expect(w.shown).toBe(true);
  });

  it('registers app:// as a privileged scheme before ready, and serves only the renderer with the CSP', async () => {
    const s = start();
    expect(s.stub.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(s.stub.log.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(0 + (s.stub.log.indexOf('ready') === -1 ? Infinity : s.stub.log.indexOf('ready')));
    const stub = await started(s);
    const handler = stub.protocolHandlers.get('app')!;
    expect(handler).toBeTypeOf('function');

    const index = await handler(new Request(APP_INDEX_URL));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(await index.text()).toBe(fs.readFileSync(path.join(path.dirname(MAIN_JS), 'renderer', 'index.html'), 'utf8'));
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(fs.readFileSync(path.join(path.dirname(MAIN_JS), 'renderer', 'index.html'), 'utf8'))![1]!;
    const js = await handler(new Request(`app://regieboek/${script}`));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);

    // main.cjs sits one folder above the renderer: none of these may reach it, or any other file.
    for (const url of [
      'app://regieboek/../main.cjs',
      'app://regieboek/%2e%2e/main.cjs',
      'app://regieboek/..%2fmain.cjs',
      'app://regieboek/..%5cmain.cjs',
      'app://regieboek/assets/..%2f..%2fmain.cjs',
      'app://regieboek/%00index.html',
      'app://other/index.html',
      'app://regieboek/nope.html',
      'app://regieboek/' + path.resolve(MAIN_JS).replace(/^\//, ''),
    ]) {
      const r = await handler(new Request(url));
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('require(');
    }
    expect((await handler(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('blocks navigation, new windows, webviews and permissions, and sets the CSP on responses', async () => {
    const stub = await started(start());
    const contents = stub.windows[0]!.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.org/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://regieboek/other.html')).toBe(true);
    expect(navigate(APP_INDEX_URL + '#/programmas')).toBe(false);
    let redirected = false;
    contents.emit('will-redirect', { preventDefault: () => (redirected = true) }, 'https://example.org/');
    expect(redirected).toBe(true);
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    let webview = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webview = true) });
    expect(webview).toBe(true);

    // Any other web contents (a devtools or print view) gets the same rules.
    const other = new (class extends EventEmitter {
      handler: (() => unknown) | null = null;
      setWindowOpenHandler(h: () => unknown) {
        this.handler = h;
      }
    })();
    stub.app.emit('web-contents-created', {}, other);
    expect(other.handler?.()).toEqual({ action: 'deny' });
    expect(other.listenerCount('will-navigate')).toBeGreaterThan(0);

    let granted: boolean | null = null;
    (stub.session.permissionRequest as unknown as (wc: unknown, p: string, cb: (b: boolean) => void) => void)({}, 'media', (b) => (granted = b));
    expect(granted).toBe(false);
    expect((stub.session.permissionCheck as unknown as () => boolean)()).toBe(false);
    let headers: Record<string, string[]> = {};
    (stub.session.headers as unknown as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: { 'X-Test': ['1'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([DESKTOP_CSP]);
  });

  it('closing a page that holds unsaved edits (beforeunload) asks first, in Dutch', async () => {
    for (const [answer, closes] of [
      [0, false],
      [1, true],
    ] as const) {
      const stub = await started(start({ messageBoxResponse: answer }));
      let allowed = false;
      stub.windows[0]!.webContents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) });
      expect(stub.messageBoxes.at(-1)).toMatchObject({
        title: 'Niet-opgeslagen wijzigingen',
        message: 'Er zijn wijzigingen die nog niet zijn opgeslagen.',
        buttons: ['Niet sluiten', 'Sluiten zonder opslaan'],
        defaultId: 0,
        cancelId: 0,
      });
      expect(allowed, `answer ${answer}`).toBe(closes);
    }
  });

  it('closing the window asks the page first (Wijzigingen opslaan?) and closes only when it agrees, without asking twice', async () => {
    for (const agrees of [false, true]) {
      const stub = await started(start({ messageBoxResponse: 0 }));
      const w = stub.windows[0]!;
      w.webContents.pageAnswer = agrees;
      w.close();
      await waitFor(() => w.webContents.scripts.length > 0, 'the page to be asked');
      expect(w.webContents.scripts[0]).toContain('regieboekMayClose');
      await new Promise((r) => setTimeout(r, 20));
      expect(w.closed, `page answers ${agrees}`).toBe(agrees ? 1 : 0);
      if (agrees) {
        // The page's beforeunload after the user agreed: let it go, no second question.
        const boxes = stub.messageBoxes.length;
        let allowed = false;
        w.webContents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) });
        expect(allowed).toBe(true);
        expect(stub.messageBoxes.length).toBe(boxes);
      }
    }
  });

  it('serves every contract channel over one IPC handler that refuses foreign senders', async () => {
    const stub = await started(start());
    expect([...stub.ipcHandlers.keys()]).toEqual([INVOKE_CHANNEL]);
    const foreign = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: APP_INDEX_URL, parent: {} } },
      { senderFrame: { url: 'file:///tmp/index.html', parent: null } },
      { senderFrame: null },
    ];
    for (const channel of channels) {
      for (const event of foreign) {
        const r = await invoke(stub, channel, {}, event);
        expect(r.ok, `${channel} from ${JSON.stringify(event)}`).toBe(false);
        if (!r.ok) expect(r.error.message).toBe('Geweigerd: deze aanvraag komt niet uit het venster van Regieboek.');
      }
      // From the app's own page the call reaches the core: whatever it answers, it knows the channel.
      const r = await invoke(stub, channel, {});
      if (!r.ok) expect(r.error.code, channel).not.toBe('unknown_channel');
    }
    const unknown = await invoke(stub, 'fs.readFile', { path: '/etc/passwd' });
    expect(unknown.ok).toBe(false);
  });

  it('opens the example region on a first start, and sets the Dutch menu', async () => {
    const stub = await started(start({ firstStart: true }));
    const r = await invoke(stub, 'workspace.current');
    expect(r.ok && (r.value as { isExample: boolean }).isExample).toBe(true);
    const menu = stub.menus.at(-1) as { label?: string }[];
    expect(menu.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    expect(stub.errorBoxes).toEqual([]);
  });

  it('opens a workspace given on the command line (packaged: Windows/Linux file association)', async () => {
    const files = tempDir('regieboek-files-');
    const file = await workspaceFile(files, 'Twente', 12, 'Programma uit de verkenner');
    const s = start({ isPackaged: true, argv: ['/opt/Regieboek/regieboek', '--no-sandbox', file] });
    const stub = await started(s);
    expect(await currentRegion(stub)).toBe(12);
    expect(await programmeNames(stub)).toEqual(['Programma uit de verkenner']);
    expect(stub.errorBoxes).toEqual([]);
  });

  it('opens a workspace given after the app folder when started unpackaged (npm start -- file)', async () => {
    const files = tempDir('regieboek-files-');
    const file = await workspaceFile(files, 'Achterhoek', 23, 'Ontwikkelprogramma');
    const stub = await started(start({ argv: ['/repo/node_modules/electron/dist/electron', '/repo', file] }));
    expect(await currentRegion(stub)).toBe(23);
  });

  it("opens the file of macOS's open-file event, before and after ready", async () => {
    const files = tempDir('regieboek-files-');
    const first = await workspaceFile(files, 'Eerste', 12, 'Eerste programma');
    const second = await workspaceFile(files, 'Tweede', 23, 'Tweede programma');
    const s = start();
    let prevented = 0;
    s.stub.app.emit('open-file', { preventDefault: () => prevented++ }, first);
    const stub = await started(s);
    expect(prevented).toBe(1);
    expect(await programmeNames(stub)).toEqual(['Eerste programma']);

    stub.app.emit('open-file', { preventDefault: () => prevented++ }, second);
    await waitFor(() => stub.windows[0]!.webContents.sent.some((m) => m.args[0] === 'workspace-changed'), 'workspace-changed');
    expect(prevented).toBe(2);
    expect(await programmeNames(stub)).toEqual(['Tweede programma']);
    expect(stub.windows[0]!.webContents.sent).toContainEqual({ channel: EVENT_CHANNEL, args: ['workspace-changed', null] });
  });

  it('a second start with a file hands it to the first window, which opens it', async () => {
    const files = tempDir('regieboek-files-');
    const file = await workspaceFile(files, 'Doorgegeven', 12, 'Via tweede start');
    const stub = await started(start({ isPackaged: true, argv: ['/opt/Regieboek/regieboek'] }));
    stub.windows[0]!.minimized = true;
    // argv as Windows passes it: relative to the second instance's folder, with Chromium's flags added.
    stub.app.emit('second-instance', {}, ['C:\\Regieboek\\Regieboek.exe', '--allow-file-access-from-files', 'Doorgegeven.regieboek'], files, {});
    await waitFor(() => stub.windows[0]!.webContents.sent.length > 0, 'workspace-changed');
    expect(await programmeNames(stub)).toEqual(['Via tweede start']);
    const r = await invoke(stub, 'workspace.current');
    expect(r.ok && (r.value as { path: string }).path).toBe(file);
    expect(stub.windows[0]!.restored).toBe(1);
    expect(stub.windows[0]!.focused).toBeGreaterThan(0);

    // The path the second start resolved itself (additionalData) wins over a reordered argv.
    const other = await workspaceFile(files, 'Anders', 23, 'Via additionalData');
    stub.app.emit('second-instance', {}, ['/opt/Regieboek/regieboek', '--original-process-start-time=1'], '/', { open: other });
    await waitFor(() => stub.windows[0]!.webContents.sent.length > 1, 'second workspace-changed');
    expect(await programmeNames(stub)).toEqual(['Via additionalData']);
  });

  it('a second start passes its file along and quits without a window', async () => {
    const files = tempDir('regieboek-files-');
    const s = start({ isPackaged: true, lockGranted: false, argv: ['/opt/Regieboek/regieboek', path.join(files, 'X.regieboek')] });
    expect(s.stub.lockData).toEqual([{ open: path.join(files, 'X.regieboek') }]);
    expect(s.stub.quits).toBe(1);
    s.stub.fireReady();
    await new Promise((r) => setTimeout(r, 50));
    expect(s.stub.windows).toHaveLength(0);
    expect(s.stub.ipcHandlers.size).toBe(0);
    running.pop()!.restore();
  });

  it('a file in use on another computer: says by whom and offers to open it read-only', async () => {
    const files = tempDir('regieboek-files-');
    const file = await workspaceFile(files, 'Gedeeld', 12, 'Op de netwerkschijf');
    const now = nowIso();
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ app: 'regieboek', user: 'J. Collega', host: 'ANDERE-PC', pid: 4242, since: now, heartbeat: now }));
    for (const [answer, opened] of [
      [1, false],
      [0, true],
    ] as const) {
      const stub = await started(start({ isPackaged: true, argv: ['/opt/Regieboek/regieboek', file], messageBoxResponse: answer }));
      expect(stub.messageBoxes[0]!.message).toMatch(/J\. Collega/);
      expect(stub.messageBoxes[0]!.buttons).toEqual(['Alleen-lezen openen', 'Annuleren']);
      expect(stub.errorBoxes).toEqual([]);
      const r = await invoke(stub, 'workspace.current');
      const ws = r.ok ? (r.value as { path: string; readOnly: string | null } | null) : null;
      if (opened) {
        expect(ws?.path).toBe(file);
        expect(ws?.readOnly).toBeTruthy();
      } else expect(ws).toBeNull();
    }
  });

  it('a file that is not a workspace gives a Dutch message and the app still starts', async () => {
    const files = tempDir('regieboek-files-');
    const bad = path.join(files, 'Kapot.regieboek');
    fs.writeFileSync(bad, 'dit is geen SQLite-bestand');
    const stub = await started(start({ isPackaged: true, argv: ['/opt/Regieboek/regieboek', bad] }));
    expect(stub.errorBoxes).toHaveLength(1);
    expect(stub.errorBoxes[0]!.title).toBe('Openen mislukt');
    expect(stub.errorBoxes[0]!.content).toContain('Regieboek kon Kapot.regieboek niet openen.');
    expect(stub.errorBoxes[0]!.content).not.toMatch(/SqliteError|Error:|at \w+ \(/);
    expect(fs.readFileSync(bad, 'utf8')).toBe('dit is geen SQLite-bestand');
    expect(stub.windows).toHaveLength(1);
  });

  it('packaged: loads SQLite from resources/native and sets the Linux window icon', async () => {
    const resources = resourcesDir();
    const file = await workspaceFile(tempDir('regieboek-files-'), 'Natief', 12, 'Gelezen via resources/native');
    const stub = await started(start({ isPackaged: true, resourcesPath: resources, argv: ['/opt/Regieboek/regieboek', file] }));
    expect(process.env.REGIEBOEK_SQLITE_BINDING).toBe(path.join(resources, 'native', 'better_sqlite3.node'));
    expect(await programmeNames(stub)).toEqual(['Gelezen via resources/native']);
    if (process.platform === 'linux') expect(stub.windows[0]!.options.icon).toBe(path.join(resources, 'icon.png'));
  });

  it('never looks for updates without app-update.yml; with it, checks once and asks before restarting', async () => {
    const plain = await started(start({ isPackaged: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect(plain.windows).toHaveLength(1); // and loadMain's stub throws if electron-updater were loaded

    const resources = resourcesDir({ 'app-update.yml': 'provider: generic\nurl: https://updates.example.invalid/regieboek\n' });
    const updater = new (class extends EventEmitter {
      autoDownload = false;
      autoInstallOnAppQuit = false;
      checks = 0;
      installs = 0;
      checkForUpdates() {
        this.checks++;
        return Promise.resolve(null);
      }
      quitAndInstall() {
        this.installs++;
      }
    })();
    const s = start({ isPackaged: true, resourcesPath: resources, updater, messageBoxResponse: 0 });
    const stub = await started(s);
    await waitFor(() => updater.checks === 1, 'the update check');
    expect(s.loaded.loadedUpdater).toEqual(['electron-updater']);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    updater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(stub.errorBoxes).toEqual([]); // offline is normal: nothing shown
    updater.emit('update-downloaded', { version: '0.2.0' });
    await waitFor(() => updater.installs === 1, 'quitAndInstall');
    expect(stub.messageBoxes[0]).toMatchObject({ message: 'Versie 0.2.0 is gedownload.', buttons: ['Nu opnieuw starten', 'Later'] });
  });
});
