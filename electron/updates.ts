/**
 * Updates through electron-updater, only for an installer built with REGIEBOEK_UPDATE_URL: that
 * build carries resources/app-update.yml (a generic provider: a web folder with latest*.yml and
 * the installers). Without that file the app never looks for updates. A downloaded update is
 * installed when the user agrees, or else at the next quit.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdateOptions {
  isPackaged: boolean;
  resourcesPath: string;
  /** REGIEBOEK_NO_UPDATES=1 switches the check off (tests, offices that roll out themselves). */
  env: Record<string, string | undefined>;
  load: () => Promise<UpdaterLike>;
  /** Asks whether to restart now for the downloaded version. */
  askRestart: (version: string) => Promise<boolean>;
  log: (message: string) => void;
}

export function updatesConfigured(o: Pick<UpdateOptions, 'isPackaged' | 'resourcesPath' | 'env'>): boolean {
  return o.isPackaged && o.env.REGIEBOEK_NO_UPDATES !== '1' && fs.existsSync(path.join(o.resourcesPath, 'app-update.yml'));
}

/** Starts one check when updates are configured; returns whether it did. Never throws. */
export async function startUpdates(o: UpdateOptions): Promise<boolean> {
  if (!updatesConfigured(o)) return false;
  try {
    const updater = await o.load();
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    // Offline is normal for an office: a failed check is logged, never shown.
    updater.on('error', (e) => o.log(`update: ${e.message}`));
    updater.on('update-downloaded', (info) => {
      void o.askRestart(info.version).then((now) => {
        if (now) updater.quitAndInstall();
      });
    });
    await updater.checkForUpdates();
  } catch (e) {
    o.log(`update: ${e instanceof Error ? e.message : String(e)}`);
  }
  return true;
}
