import { describe, expect, it, vi } from 'vitest';
import { windowOptions, isTrustedSender, isTrustedUrl, DESKTOP_CSP } from '../../electron/security';
import { createInvokeHandler, registerIpc, INVOKE_CHANNEL } from '../../electron/ipc';
import { buildMenuTemplate, type MenuActions } from '../../electron/menu';
import { resolveNativeBinding } from '../../electron/native-binding';

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
});
