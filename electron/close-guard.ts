/**
 * Closing the window, quitting, or opening another workspace from the menu while a form has
 * unsaved changes: the page asks "Wijzigingen opslaan?" (Opslaan / Niet opslaan / Annuleren,
 * renderer/src/useUnsavedChanges.ts) through window.regieboekMayClose(), and the shell closes only
 * when it resolves true. Plain objects, so tests/unit/shell.test.ts can drive it without Electron.
 */

/** The parts of a BrowserWindow this needs. */
export interface GuardedWindow {
  on(event: 'close', listener: (e: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: {
    executeJavaScript(code: string, userGesture?: boolean): Promise<unknown>;
    on(event: 'will-prevent-unload', listener: (e: { preventDefault(): void }) => void): unknown;
  };
}

/** Asks the page; a page that cannot answer (not loaded, crashed) does not keep the window open. */
export async function mayClose(win: GuardedWindow | null): Promise<boolean> {
  if (!win || win.isDestroyed()) return true;
  try {
    return (await win.webContents.executeJavaScript('window.regieboekMayClose ? window.regieboekMayClose() : true', true)) !== false;
  } catch {
    return true;
  }
}

/**
 * Every close of the window waits for the page's answer. Once the user agreed, the page's own
 * beforeunload (kept for the browser tab) must not stop the close again. Returns whether the user
 * already agreed, so the shell's own unload question does not ask a second time.
 */
export function guardClose(win: GuardedWindow): () => boolean {
  let agreed = false;
  let asking = false;
  win.on('close', (e) => {
    if (agreed) return;
    e.preventDefault();
    if (asking) return;
    asking = true;
    void mayClose(win).then((ok) => {
      asking = false;
      if (!ok || win.isDestroyed()) return;
      agreed = true;
      win.close();
    });
  });
  win.webContents.on('will-prevent-unload', (e) => {
    // preventDefault here ignores the page's beforeunload: the user already chose.
    if (agreed) e.preventDefault();
  });
  return () => agreed;
}
