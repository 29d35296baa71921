import { createContext, useContext } from 'react';
import type { AppInfo, WorkspaceInfo } from '../../shared/schemas/workspace';

export interface AppCtx {
  info: AppInfo | null;
  workspace: WorkspaceInfo | null;
  /** Loads everything on screen again (after an undo or redo; writes through useAct do it themselves). */
  refresh(): void;
  setWorkspace(ws: WorkspaceInfo | null): void;
}

export const AppContext = createContext<AppCtx>({ info: null, workspace: null, refresh: () => {}, setWorkspace: () => {} });
export const useApp = () => useContext(AppContext);

/** The core's today (yyyy-mm-dd): screens never read the system date, so they agree with the rules. */
export const useToday = (): string => useContext(AppContext).info?.today ?? '';
