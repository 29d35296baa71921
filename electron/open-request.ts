/**
 * Which workspace file the operating system asks the app to open: a path in the command line
 * (Windows and Linux file association, "Open with"), from a second start of the app, or macOS's
 * open-file event. Only .regieboek files count; flags (also the ones Chromium adds) are skipped.
 */
import path from 'node:path';
import { WORKSPACE_EXT } from './core/app-state';

/**
 * @param argv the process's argv: the executable first, then (unpackaged) the app folder
 * @param cwd the folder a relative path is relative to (the second instance's own)
 */
export function workspaceFromArgv(argv: readonly string[], isPackaged: boolean, cwd: string): string | null {
  const args = argv.slice(isPackaged ? 1 : 2);
  for (let i = args.length - 1; i >= 0; i--) {
    const a = args[i]!;
    if (a.startsWith('-')) continue;
    if (a.toLowerCase().endsWith(WORKSPACE_EXT)) return path.resolve(cwd, a);
  }
  return null;
}

/** What the first instance receives from a second one (app.requestSingleInstanceLock's data). */
export function openFromSecondInstance(additionalData: unknown, argv: readonly string[], isPackaged: boolean, cwd: string): string | null {
  const d = additionalData as { open?: unknown } | null | undefined;
  if (d && typeof d.open === 'string' && d.open.toLowerCase().endsWith(WORKSPACE_EXT) && path.isAbsolute(d.open)) return d.open;
  return workspaceFromArgv(argv, isPackaged, cwd);
}
