import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, type TestContext } from 'vitest';
import { AppState } from '../../electron/core/app-state';
import { createDispatcher } from '../../electron/core/dispatch';
import { setToday } from '../../electron/core/clock';
import { runCli } from '../../electron/core/cli/main';
import type { Channel, In, Out } from '../../shared/contract';
import type { AppError } from '../../shared/result';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Sets the core's clock for a whole test file (call at its top, before other hooks). */
export function clockForFile(iso: string): void {
  beforeAll(() => setToday(iso));
  afterAll(() => setToday(null));
}

declare module 'vitest' {
  interface TaskMeta {
    /** Why this test was skipped; build/scripts/test-summary.mjs prints it. */
    skipReason?: string;
  }
}

/** Skips this test and says why, in the run's output and in the suite's closing summary. */
export function skipBecause(ctx: TestContext, reason: string): never {
  ctx.task.meta.skipReason = reason;
  console.warn(`Overgeslagen: ${reason}`);
  return ctx.skip(reason);
}

/** Sets the core's clock until the end of this test. */
export function pinToday(iso: string): void {
  setToday(iso);
  cleanups.push(() => setToday(null));
}

export function tempDir(prefix = 'regieboek-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A core as the hosts build it, on a fresh data folder, with typed helpers around dispatch. `today`
 * sets the core's clock for this test (else REGIEBOEK_TODAY or the system date, so a test that
 * passes none must hold on any date; CI runs the unit suite under two other dates too).
 */
export async function makeCore(opts: { workspace?: boolean; today?: string } = {}) {
  if (opts.today) pinToday(opts.today);
  const dir = tempDir();
  const app = new AppState({ dataDir: dir, host: 'test' });
  app.setSettings({ userName: 'Testgebruiker' });
  cleanups.push(() => app.shutdown());
  const dispatch = createDispatcher(app, { log: () => {} });
  async function call<C extends Channel>(channel: C, input?: In<C>): Promise<Out<C>> {
    const r = await dispatch(channel, input ?? {});
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as Out<C>;
  }
  async function fail<C extends Channel>(channel: C, input: unknown): Promise<AppError> {
    const r = await dispatch(channel, input);
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error;
  }
  /** The same core called from another window (its own undo stack). */
  function as(session: string) {
    return {
      async call<C extends Channel>(channel: C, input?: In<C>): Promise<Out<C>> {
        const r = await dispatch(channel, input ?? {}, { session });
        if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
        return r.value as Out<C>;
      },
      async fail<C extends Channel>(channel: C, input: unknown): Promise<AppError> {
        const r = await dispatch(channel, input, { session });
        if (r.ok) throw new Error(`${channel} should have failed`);
        return r.error;
      },
    };
  }
  /** The version a screen would load now (what an update or delete sends back). */
  function versionOf(table: string, id: string): number {
    const snake = table.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
    return (app.requireWorkspace().sqlite.prepare(`SELECT row_version AS v FROM ${snake} WHERE id = ?`).get(id) as { v: number }).v;
  }
  if (opts.workspace !== false) await call('workspace.create', { regionNumber: 16, fileName: 'Test' });
  return { app, dir, dispatch, call, fail, as, versionOf };
}

export const programmeInput = (over: Partial<In<'programme.create'>> = {}): In<'programme.create'> => ({
  name: 'Regionaal programma VSV 2026-2029',
  periodStart: '2026-08-01',
  periodEnd: '2029-07-31',
  status: 'lopend',
  analysis: '',
  requestedCents: 123_456_789,
  awardedCents: null,
  notes: '',
  ...over,
});

export function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * The workspace's bytes after everything committed is in the file itself: a closed connection whose
 * statements are not yet garbage-collected keeps its WAL frames until then, which would move them
 * into the file at a random later moment. Checkpointing first makes "unchanged to the byte" exact.
 */
export function settledSha(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return sha(file);
}

/** Runs the `regieboek` command in this process and captures what it prints. */
export async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
