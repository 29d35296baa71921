/**
 * Starts the built browser host (dist/host.cjs) as a child process on a fresh data folder and
 * parses the URL it prints. Shared by the e2e fixture and the benchmarks. Builds nothing: run
 * `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

export const ROOT = path.resolve(__dirname, '..', '..');
export const HOST_JS = path.join(ROOT, 'dist', 'host.cjs');
export const CLI_JS = path.join(ROOT, 'dist', 'cli.cjs');

/**
 * The date the e2e hosts run on unless a test sets another (REGIEBOEK_TODAY for the host): the day
 * the example region was written, so no e2e test depends on the real date.
 */
export const E2E_TODAY = WRITTEN_ON;

export interface RunningHost {
  /** The full URL with ?token=..., as the host printed it. */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  dataDir: string;
  /** The host's today (yyyy-mm-dd). */
  today: string;
  child: ChildProcess;
  /** What the host wrote so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export function assertBuilt(): void {
  if (!fs.existsSync(HOST_JS)) throw new Error(`${HOST_JS} ontbreekt: voer eerst "npm run build" uit.`);
}

export function makeDataDir(prefix = 'regieboek-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Spawns the host and resolves once it printed "Regieboek draait op <url>". */
export function startHost(opts: { dataDir?: string; removeDataDir?: boolean; timeoutMs?: number; today?: string } = {}): Promise<RunningHost> {
  const today = opts.today ?? E2E_TODAY;
  assertBuilt();
  const dataDir = opts.dataDir ?? makeDataDir();
  const removeDataDir = opts.removeDataDir ?? opts.dataDir === undefined;
  const child = spawn(process.execPath, [HOST_JS, '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined, REGIEBOEK_TODAY: today },
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (removeDataDir) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  return new Promise<RunningHost>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().finally(() => reject(new Error(`${why}\n--- uitvoer van de host ---\n${out}`)));
    };
    const timer = setTimeout(() => fail(`De host meldde zich niet binnen ${opts.timeoutMs ?? 15000} ms.`), opts.timeoutMs ?? 15000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /Regieboek draait op (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
        child.off('exit', onEarlyExit);
        const url = new URL(m[1]!);
        resolve({ url: url.href, origin: url.origin, token: url.searchParams.get('token') ?? '', dataDir, today, child, output: () => out, stop });
      }
    };
    const onEarlyExit = (code: number | null, signal: string | null) => fail(`De host stopte voortijdig (code ${code}, signaal ${signal}).`);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', onEarlyExit);
    child.once('error', (e) => fail(`De host kon niet starten: ${e.message}`));
  });
}
