import { describe, expect, it, vi } from 'vitest';
import { windowOptions, isTrustedSender, isTrustedUrl, DESKTOP_CSP } from '../../electron/security';
import { createInvokeHandler, registerIpc, INVOKE_CHANNEL } from '../../electron/ipc';
import { buildMenuTemplate, type MenuActions } from '../../electron/menu';
import { resolveNativeBinding } from '../../electron/native-binding';
import { guardClose, mayClose, type GuardedWindow } from '../../electron/close-guard';

const INDEX = 'file:///opt/Regieboek/resources/app.asar/dist/renderer/index.html';

describe('Electron shell (plain objects)', () => {
  it('creates windows with isolation, sandbox and no Node', () => {
    const w = windowOptions('/x/preload.cjs').webPreferences!;
    expect(w).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true, preload: '/x/preload.cjs' });
  });

  it('has a strict CSP without inline script or eval', () => {
    expect(DESKTOP_CSP).toContain("default-src 'none'");
    expect(DESKTOP_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('trusts only the top frame of the app page', () => {
    expect(isTrustedSender({ url: INDEX + '#/programmas', parent: null }, INDEX)).toBe(true);
    expect(isTrustedSender({ url: INDEX, parent: {} }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', parent: null }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, INDEX)).toBe(false);
    expect(isTrustedSender(null, INDEX)).toBe(false);
    expect(isTrustedUrl('not a url', INDEX)).toBe(false);
  });

  it('registers one IPC channel that refuses foreign senders before dispatching', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    const handle = vi.fn();
    registerIpc({ handle }, dispatch, INDEX);
    expect(handle).toHaveBeenCalledWith(INVOKE_CHANNEL, expect.any(Function));
    const handler = createInvokeHandler(dispatch, INDEX);
    const refused = await handler({ senderFrame: { url: 'https://evil.example/', parent: null } } as never, 'programme.list', {});
    expect(refused.ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler({ senderFrame: { url: INDEX, parent: null }, sender: { id: 3 } } as never, 'programme.list', {})).toEqual({ ok: true, value: 1 });
    // The window is the session (its own undo stack); the page cannot choose another.
    expect(dispatch).toHaveBeenCalledWith('programme.list', {}, { session: 'venster-3' });
  });

  it('builds the Dutch menu with the file actions', () => {
    const actions = Object.fromEntries(
      ['newWorkspace', 'open', 'openRecent', 'saveCopy', 'savePdf', 'quit', 'undo', 'redo', 'showHelp', 'openDataDir'].map((k) => [k, vi.fn()]),
    ) as unknown as MenuActions;
    const menu = buildMenuTemplate(actions, [{ path: '/d/Twente.regieboek', fileName: 'Twente.regieboek' }], false);
    expect(menu.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    const file = menu[0]!.submenu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    expect(file.map((i) => i.label).filter(Boolean)).toEqual(['Nieuw werkbestand…', 'Openen…', 'Opslaan als kopie…', 'Recente bestanden', 'Opslaan als PDF…', 'Gegevensmap tonen', 'Afsluiten']);
    const recent = file.find((i) => i.label === 'Recente bestanden')!.submenu!;
    recent[0]!.click!();
    expect(actions.openRecent).toHaveBeenCalledWith('/d/Twente.regieboek');
    (file.find((i) => i.label === 'Opslaan als PDF…') as { click: () => void }).click();
    expect(actions.savePdf).toHaveBeenCalled();
    const edit = menu[1]!.submenu as { label?: string; click?: () => void }[];
    edit.find((i) => i.label === 'Ongedaan gemaakte wijziging opnieuw doen')!.click!();
    expect(actions.redo).toHaveBeenCalled();
  });

  it('loads the Electron build of better-sqlite3 from the env, or from resources when packaged', () => {
    expect(resolveNativeBinding(false, '/r', '/cache/b.node')).toBe('/cache/b.node');
    expect(resolveNativeBinding(true, '/r', undefined)).toMatch(/[\\/]r[\\/]native[\\/]better_sqlite3\.node$/);
    expect(resolveNativeBinding(false, '/r', undefined)).toBeNull();
  });

  it('closes the window only after the page agreed (Wijzigingen opslaan?), and then past its beforeunload', async () => {
    let answer: unknown = false;
    const listeners: Record<string, (e: { preventDefault(): void }) => void> = {};
    const win = {
      closed: 0,
      destroyed: false,
      on: (event: string, l: (e: { preventDefault(): void }) => void) => (listeners[event] = l),
      close() {
        this.closed++;
        const e = { prevented: false, preventDefault() { this.prevented = true; } };
        listeners.close!(e);
        if (!e.prevented) this.destroyed = true;
      },
      isDestroyed() {
        return this.destroyed;
      },
      webContents: {
        asked: 0,
        executeJavaScript: vi.fn(async (code: string) => {
          expect(code).toContain('window.regieboekMayClose');
          win.webContents.asked++;
          return answer;
        }),
        on: (event: string, l: (e: { preventDefault(): void }) => void) => (listeners[event] = l),
      },
    };
    guardClose(win as unknown as GuardedWindow);
    const settle = () => new Promise((r) => setTimeout(r, 0));
    // The user clicks the window's close button and chooses Annuleren: the window stays.
    const first = { prevented: false, preventDefault() { this.prevented = true; } };
    listeners.close!(first);
    await settle();
    expect(first.prevented).toBe(true);
    expect(win.webContents.asked).toBe(1);
    expect(win.destroyed).toBe(false);
    // Before agreeing, the page's beforeunload still counts.
    const unload = { prevented: false, preventDefault() { this.prevented = true; } };
    listeners['will-prevent-unload']!(unload);
    expect(unload.prevented).toBe(false);
    // Again, and now Niet opslaan (or Opslaan, saved): the window closes, past the page's beforeunload.
    answer = true;
    listeners.close!({ preventDefault() {} });
    await settle();
    expect(win.destroyed).toBe(true);
    listeners['will-prevent-unload']!(unload);
    expect(unload.prevented).toBe(true);
    // A page that cannot answer does not keep the window open; no window, nothing to ask.
    expect(await mayClose({ ...win, destroyed: false, isDestroyed: () => false, webContents: { ...win.webContents, executeJavaScript: async () => Promise.reject(new Error('gone')) } } as unknown as GuardedWindow)).toBe(true);
    expect(await mayClose(null)).toBe(true);
  });
});
