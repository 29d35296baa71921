/**
 * The shell's security rules as plain data and functions, so they can be tested without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const DESKTOP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function windowOptions(preloadPath: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    ...(icon ? { icon } : {}),
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Regieboek',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  };
}

/** The renderer is loaded from this one page (app://regieboek/index.html); any other is foreign. */
export function isTrustedUrl(url: string, indexUrl: string): boolean {
  try {
    const u = new URL(url);
    const i = new URL(indexUrl);
    return u.protocol === i.protocol && u.host === i.host && u.pathname === i.pathname;
  } catch {
    return false;
  }
}

export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/** Only the app's own top-level frame may call the core. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, indexUrl: string): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(frame.url, indexUrl);
}
