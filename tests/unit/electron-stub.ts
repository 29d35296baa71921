/**
 * A recording stand-in for the `electron` module, so the bundled main process (dist/main.cjs) can
 * run under plain Node: every call the shell makes is kept, and the test fires the events the real
 * Electron would (ready, open-file, second-instance). Electron's binary cannot be downloaded on our
 * machines; this is how the shell's contract is checked here.
 */
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const MAIN_JS = path.resolve(__dirname, '..', '..', 'dist', 'main.cjs');

type Fn = (...args: never[]) => unknown;

export class StubWebContents extends EventEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: Fn | null = null;
  setWindowOpenHandler(h: Fn) {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  async printToPDF() {
    return Buffer.from('%PDF-');
  }
  /** Scripts the shell ran in the page, and what the page answers (the test sets it). */
  readonly scripts: string[] = [];
  pageAnswer: unknown = true;
  async executeJavaScript(code: string) {
    this.scripts.push(code);
    return this.pageAnswer;
  }
}

export class StubWindow extends EventEmitter {
  readonly webContents = new StubWebContents();
  loadedUrl: string | null = null;
  shown = false;
  focused = 0;
  restored = 0;
  minimized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  loadFile(file: string) {
    this.loadedUrl = `file-load:${file}`;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.restored++;
    this.minimized = false;
  }
  focus() {
    this.focused++;
  }
  closed = 0;
  destroyed = false;
  /** Like Electron: close() emits 'close', and the window goes unless a listener prevents it. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.closed++;
    this.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export interface StubOptions {
  userData: string;
  isPackaged?: boolean;
  /** false: another instance holds the lock (this start should hand over and quit). */
  lockGranted?: boolean;
  /** What dialog.showMessageBox(Sync) answers (button index). */
  messageBoxResponse?: number;
}

/** Everything the shell did, in order where order matters. */
export function createElectronStub(opts: StubOptions) {
  const log: string[] = [];
  const windows: StubWindow[] = [];
  const ipcHandlers = new Map<string, Fn>();
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const menus: unknown[] = [];
  const errorBoxes: { title: string; content: string }[] = [];
  const messageBoxes: Record<string, unknown>[] = [];
  const session: { permissionRequest?: Fn; permissionCheck?: Fn; headers?: Fn } = {};
  const lockData: unknown[] = [];
  let paths: Record<string, string> = { userData: opts.userData };
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  let isReady = false;
  let quits = 0;

  const app = Object.assign(new EventEmitter(), {
    isPackaged: opts.isPackaged ?? false,
    whenReady: () => ready,
    isReady: () => isReady,
    getPath: (name: string) => paths[name] ?? path.join(opts.userData, name),
    setPath: (name: string, value: string) => {
      paths = { ...paths, [name]: value };
      log.push(`app.setPath:${name}`);
    },
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: (data?: unknown) => {
      lockData.push(data);
      log.push('app.requestSingleInstanceLock');
      return opts.lockGranted ?? true;
    },
    quit: () => {
      quits++;
      log.push('app.quit');
    },
  });

  const BrowserWindow = class extends StubWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      windows.push(this);
      log.push('new BrowserWindow');
      app.emit('web-contents-created', {}, this.webContents);
    }
  };

  const electron = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: Fn) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, fn);
        log.push(`ipcMain.handle:${channel}`);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        if (isReady) throw new Error('registerSchemesAsPrivileged after ready');
        privileged.push(...schemes);
        log.push('protocol.registerSchemesAsPrivileged');
      },
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, fn);
        log.push(`protocol.handle:${scheme}`);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => (session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => (session.permissionCheck = fn),
        webRequest: { onHeadersReceived: (fn: Fn) => (session.headers = fn) },
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: unknown }) => menus.push(menu.template),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
      showMessageBox: async (...args: unknown[]) => {
        messageBoxes.push(args.find((a) => a && typeof a === 'object' && 'message' in (a as object)) as Record<string, unknown>);
        return { response: opts.messageBoxResponse ?? 1 };
      },
      showMessageBoxSync: (...args: unknown[]) => {
        messageBoxes.push(args.find((a) => a && typeof a === 'object' && 'message' in (a as object)) as Record<string, unknown>);
        return opts.messageBoxResponse ?? 0;
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    shell: { openPath: async () => '' },
  };

  return {
    electron,
    app,
    log,
    windows,
    ipcHandlers,
    protocolHandlers,
    privileged,
    menus,
    errorBoxes,
    messageBoxes,
    session,
    lockData,
    get quits() {
      return quits;
    },
    fireReady() {
      isReady = true;
      log.push('ready');
      resolveReady();
    },
  };
}

export type ElectronStub = ReturnType<typeof createElectronStub>;

/**
 * Loads dist/main.cjs afresh with `electron` (and, if given, `electron-updater`) replaced, and
 * with the process's argv and resourcesPath as the real app would have them.
 */
export function loadMain(stub: ElectronStub, env: { argv: string[]; resourcesPath?: string; updater?: unknown }) {
  const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const originalLoad = mod._load;
  const originalArgv = process.argv;
  const proc = process as NodeJS.Process & { resourcesPath?: string };
  const originalResources = proc.resourcesPath;
  const originalBinding = process.env.REGIEBOEK_SQLITE_BINDING;
  const loadedUpdater: unknown[] = [];
  mod._load = function (request, parent, isMain) {
    if (request === 'electron') return stub.electron;
    if (request === 'electron-updater') {
      loadedUpdater.push(request);
      if (!env.updater) throw new Error('electron-updater was loaded although no update is configured');
      return { autoUpdater: env.updater };
    }
    return originalLoad.call(this, request, parent, isMain);
  };
  process.argv = env.argv;
  proc.resourcesPath = env.resourcesPath ?? path.join(path.dirname(MAIN_JS), 'no-resources');
  delete require.cache[MAIN_JS];
  // The unit run's own REGIEBOEK_DATA_DIR (vitest.config.mts) would move the app's data folder.
  const dataDirEnv = process.env.REGIEBOEK_DATA_DIR;
  delete process.env.REGIEBOEK_DATA_DIR;
  try {
    require(MAIN_JS);
  } finally {
    if (dataDirEnv !== undefined) process.env.REGIEBOEK_DATA_DIR = dataDirEnv;
  }
  return {
    loadedUpdater,
    restore() {
      mod._load = originalLoad;
      process.argv = originalArgv;
      proc.resourcesPath = originalResources;
      if (originalBinding === undefined) delete process.env.REGIEBOEK_SQLITE_BINDING;
      else process.env.REGIEBOEK_SQLITE_BINDING = originalBinding;
      delete require.cache[MAIN_JS];
    },
  };
}

export async function waitFor(cond: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
