/**
 * What the core knows outside any workspace: the data folder, the user's settings, the recent
 * files and which workspace is open. One instance per process (desktop shell, browser host, test).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorkspaceFile, openWorkspaceFile, type Workspace } from './db/workspace-file';
import { UserError } from './errors';
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
    this.settings = this.loadSettings();
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

  async open(file: string): Promise<Workspace> {
    const ws = openWorkspaceFile(file); // throws before the current one is closed
    await this.setCurrent(ws);
    return ws;
  }

  async create(file: string, region: RegionRef, meta: Record<string, string> = {}): Promise<Workspace> {
    const ws = createWorkspaceFile(file, region, meta);
    await this.setCurrent(ws);
    return ws;
  }

  private async setCurrent(ws: Workspace): Promise<void> {
    if (this.current && this.current.path !== ws.path) await this.current.close();
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
      return null; // the start screen will show it as a recent file with its problem
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
