/**
 * The only bridge between the page and the core: invoke(channel, input) for contract channels and
 * a subscription to the shell's events. No Node, no ipcRenderer, nothing else reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channels, events } from '../shared/contract';
import { t } from '../shared/i18n/nl';

const allowed = new Set<string>(channels);
const allowedEvents = new Set<string>(events);

contextBridge.exposeInMainWorld('regieboek', {
  invoke(channel: string, input: unknown) {
    if (!allowed.has(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: t('err.unknownChannel', { channel }) } });
    return ipcRenderer.invoke('regieboek:invoke', channel, input);
  },
  onEvent(listener: (name: string, payload: unknown) => void) {
    const wrapped = (_e: unknown, name: string, payload: unknown) => {
      if (allowedEvents.has(name)) listener(name, payload);
    };
    ipcRenderer.on('regieboek:event', wrapped);
    return () => ipcRenderer.removeListener('regieboek:event', wrapped);
  },
});
