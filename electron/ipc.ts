/**
 * Binds the dispatcher to ipcMain on one channel. Every call is checked: the sender must be the
 * app's own top-level frame, and the dispatcher validates the input with the contract.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { t } from '../shared/i18n/nl';
import type { Dispatch } from './core/dispatch';
import { isTrustedSender } from './security';
import type { Result } from '../shared/result';

export const INVOKE_CHANNEL = 'regieboek:invoke';
export const EVENT_CHANNEL = 'regieboek:event';

export function createInvokeHandler(dispatch: Dispatch, indexUrl: string) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender?: { id: number } }, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame, indexUrl)) {
      return { ok: false, error: { code: 'internal', message: t('shell.foreignSender') } };
    }
    // Each window has its own undo stack: the session is the window's, never taken from the page.
    return dispatch(String(channel), input, { session: event.sender ? `venster-${event.sender.id}` : undefined });
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, indexUrl: string): void {
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler(dispatch, indexUrl));
}
