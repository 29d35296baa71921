/**
 * What the core knows outside any workspace: the data folder, the user's settings, the recent
 * files and which workspace is open. One instance per process (desktop shell, browser host, test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFilledWorkspace, createWorkspaceFile, openWorkspaceFile, type OpenOptions, type Workspace } from './db/workspace-file';
import { backupsRoot, findBackup, listBackups, makeBackup, needsDailyBackup, type Backup, type BackupReason } from './files/backups';
import { sweepLeftovers } from './files/recovery';
import { snapshotFile } from './files/snapshot';
import { acquireLock } from './files/lock';
import { inspectFile } from './db/workspace-file';
import { formatDateTime } from '../../shared/dates';
import { UserError, knownFailure } from './errors';
import { t } from '../../shared/i18n/nl';
import type { AppInfo, RecentFile } from '../../shared/schemas/workspace';
import { findRegion, regionLabel, type RegionRef } from '../../shared/regions';
import { nowIso } from './clock';

export const WORKSPACE_EXT = '.regieboek';
const MAX_RECENT = 10;

interface StoredSettings {
  userName: string;
  recent: { path: string; regionLabel: string | null; lastOpened: string }[];
  lastOpened: string | null;
}

export interface AppStateOptions {
  dataDir: string;
  host: AppInfo['host'];
  version?: string;
}

/** Writes a file so that a kill leaves either the old or the new content, never half. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

export class AppState {
  readonly dataDir: string;
  readonly host: AppInfo['host'];
  readonly version: string;
  private settings: StoredSettings;
  private current: Workspace | null = null;

  constructor(opts: AppStateOptions) {
    this.dataDir = path.resolve(opts.dataDir);
    this.host = opts.host;
    this.version = opts.version ?? '0.1.0';
    fs.mkdirSync(this.workspacesDir, { recursive: true });
    // What a killed Regieboek left in the data folder (temporary files, its own stale locks).
    sweepLeftovers(this.workspacesDir);
    this.settings = this.loadSettings();
  }

  /** Where the backups of every workspace opened here are kept. */
  get backupsDir(): string {
    return backupsRoot(this.dataDir);
  }

  private openOptions(readOnly = false): OpenOptions {
    return { user: this.userName, readOnly, backupsRoot: this.backupsDir };
  }

  get workspacesDir(): string {
    return path.join(this.dataDir, 'werkbestanden');
  }

  private get settingsFile(): string {
    return path.join(this.dataDir, 'instellingen.json');
  }

  private loadSettings(): StoredSettings {
    const empty: StoredSettings = { userName: '', recent: [], lastOpened: null };
    try {
      const raw = JSON.parse(fs.readFileSync(this.settingsFile, 'utf8')) as Partial<StoredSettings>;
      return { ...empty, ...raw, recent: Array.isArray(raw.recent) ? raw.recent : [] };
    } catch {
      return empty; // no settings yet, or unreadable: start clean rather than refuse to start
    }
  }

  private saveSettings(): void {
    writeFileAtomic(this.settingsFile, JSON.stringify(this.settings, null, 2));
  }

  get osUserName(): string {
    try {
      return os.userInfo().username;
    } catch {
      return 'onbekend';
    }
  }

  /** Who is written into the history. */
  get userName(): string {
    return this.settings.userName.trim() || this.osUserName;
  }

  getSettings() {
    return { userName: this.settings.userName };
  }

  setSettings(s: { userName: string }) {
    this.settings.userName = s.userName.trim();
    this.saveSettings();
    return this.getSettings();
  }

  get workspace(): Workspace | null {
    return this.current;
  }

  /** The open workspace, or a Dutch error that says to open one. */
  requireWorkspace(): Workspace {
    if (!this.current) throw new UserError('no_workspace', t('err.noWorkspace'));
    return this.current;
  }

  async open(file: string, opts: { readOnly?: boolean } = {}): Promise<Workspace> {
    const abs = path.resolve(file);
    // The same file again: the open connection stays (a second open would only queue behind it).
    if (this.current && this.current.path === abs && !opts.readOnly === !this.current.readOnly) return this.current;
    if (this.current?.path === abs) await this.closeCurrent();
    const ws = openWorkspaceFile(abs, this.openOptions(opts.readOnly)); // throws before the current one is closed
    this.dailyBackup(ws);
    await this.setCurrent(ws);
    return ws;
  }

  async create(file: string, region: RegionRef, meta: Record<string, string> = {}): Promise<Workspace> {
    const ws = createWorkspaceFile(file, region, meta, this.openOptions());
    await this.setCurrent(ws);
    return ws;
  }

  /** A new workspace filled before it appears under its name (example region, from a workbook). */
  async createFilled(file: string, region: RegionRef, meta: Record<string, string>, fill: (ws: Workspace) => Promise<void>): Promise<Workspace> {
    const ws = await createFilledWorkspace(file, region, meta, fill, this.openOptions());
    await this.setCurrent(ws);
    return ws;
  }

  /** The first open of a day makes that day's backup; a failure never stops the opening, and is shown. */
  private dailyBackup(ws: Workspace): void {
    this.lastBackupError = null;
    try {
      if (needsDailyBackup(this.backupsDir, ws.path)) makeBackup(this.backupsDir, ws.sqlite, ws.path, 'dagelijks');
    } catch (e) {
      this.lastBackupError = e;
      this.lastBackupFailure = { path: ws.path, at: nowIso() };
    }
  }

  /** Why the last automatic backup failed, or null. */
  lastBackupError: unknown = null;
  private lastBackupFailure: { path: string; at: string } | null = null;

  /**
   * The notice every screen shows while the open workspace's daily backup failed: what happened,
   * why (the Dutch reason when the machine said why) and what to do. Null when there is nothing to say.
   */
  backupProblem(): { message: string; at: string } | null {
    const failure = this.lastBackupFailure;
    if (this.lastBackupError === null || !failure || this.current?.path !== failure.path) return null;
    const reason = knownFailure(this.lastBackupError)?.message ?? t('backup.dailyFailedUnknown', { dir: this.backupsDir });
    return { message: t('backup.dailyFailed', { reason }), at: failure.at };
  }

  /** A backup of the open workspace now; a successful one ends the notice of a failed daily backup. */
  backup(reason: BackupReason): Backup {
    const ws = this.requireWorkspace();
    const made = makeBackup(this.backupsDir, ws.sqlite, ws.path, reason);
    if (this.lastBackupFailure?.path === ws.path) this.lastBackupError = null;
    return made;
  }

  backups(): Backup[] {
    return listBackups(this.backupsDir, this.requireWorkspace().path);
  }

  /**
   * Replaces the open workspace by one of its backups, never silently: the current state is backed
   * up first ("Vóór terugzetten"), so the restore itself can be undone by restoring that one.
   */
  async restore(file: string): Promise<{ workspace: Workspace; safety: Backup; restored: Backup }> {
    const ws = this.requireWorkspace();
    ws.assertWritable();
    const chosen = findBackup(this.backupsDir, ws.path, file);
    if (inspectFile(chosen.file).kind !== 'ok') throw new UserError('user_error', t('backup.damaged', { date: formatDateTime(chosen.at) }));
    // First a copy of the chosen backup next to the workspace (rotation below may remove old backups).
    const tmp = path.join(path.dirname(ws.path), `.${ws.fileName}.terugzetten-${process.pid}`);
    fs.rmSync(tmp, { force: true });
    snapshotFile(chosen.file, tmp);
    let safety: Backup;
    try {
      safety = makeBackup(this.backupsDir, ws.sqlite, ws.path, 'herstel');
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    // An extra hold on our lock, so no one else can take the file between closing and reopening.
    const hold = ws.state.lock ? acquireLock(ws.path, this.userName) : null;
    try {
      await this.closeCurrent();
      try {
        fs.renameSync(tmp, ws.path);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      for (const s of ['-wal', '-shm']) fs.rmSync(ws.path + s, { force: true }); // belonged to the replaced file
      const reopened = openWorkspaceFile(ws.path, this.openOptions());
      await this.setCurrent(reopened);
      return { workspace: reopened, safety, restored: chosen };
    } catch (e) {
      if (!this.current) await this.open(ws.path).catch(() => null);
      throw e;
    } finally {
      hold?.release();
    }
  }

  private async closeCurrent(): Promise<void> {
    const old = this.current;
    this.current = null;
    await old?.close();
  }

  private async setCurrent(ws: Workspace): Promise<void> {
    if (this.current && this.current !== ws) await this.current.close();
    this.current = ws;
    const region = ws.sqlite.prepare('SELECT number, name FROM region').get() as { number: number; name: string } | undefined;
    const label = region ? regionLabel(region) : null;
    this.settings.recent = [
      { path: ws.path, regionLabel: label, lastOpened: nowIso() },
      ...this.settings.recent.filter((r) => r.path !== ws.path),
    ].slice(0, MAX_RECENT);
    this.settings.lastOpened = ws.path;
    this.saveSettings();
  }

  async close(): Promise<void> {
    if (this.current) await this.current.close();
    this.current = null;
    this.settings.lastOpened = null;
    this.saveSettings();
  }

  /** Reopens the workspace of the last session, if it is still there and openable. */
  async reopenLast(): Promise<Workspace | null> {
    const last = this.settings.lastOpened;
    if (!last || !fs.existsSync(last)) return null;
    try {
      return await this.open(last);
    } catch {
      // In use elsewhere, damaged, gone: the start screen shows it as a recent file with its problem.
      return null;
    }
  }

  recent(): RecentFile[] {
    return this.settings.recent.map((r) => ({ ...r, fileName: path.basename(r.path), exists: fs.existsSync(r.path) }));
  }

  /** Workspace files in the data folder (the browser host's "Openen"). */
  files(): RecentFile[] {
    const known = new Map(this.settings.recent.map((r) => [r.path, r]));
    return fs
      .readdirSync(this.workspacesDir)
      .filter((f) => f.endsWith(WORKSPACE_EXT))
      .sort()
      .map((f) => {
        const p = path.join(this.workspacesDir, f);
        const r = known.get(p);
        return { path: p, fileName: f, regionLabel: r?.regionLabel ?? null, lastOpened: r?.lastOpened ?? '', exists: true };
      });
  }

  fileFor(name: string): string {
    return path.join(this.workspacesDir, name + WORKSPACE_EXT);
  }

  regionOrThrow(n: number): RegionRef {
    const r = n >= 1 ? findRegion(n) : undefined;
    if (!r) throw new UserError('invalid_input', t('val.region'), 'regionNumber');
    return r;
  }

  async shutdown(): Promise<void> {
    if (this.current) await this.current.close();
    this.current = null;
  }
}
