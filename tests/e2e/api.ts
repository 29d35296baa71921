/** Calls the core of a running host directly, as another window would (same token, own session). */
import type { RunningHost } from './host';

export interface Envelope<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string; field?: string };
}

export async function invoke<T = unknown>(host: RunningHost, channel: string, input: unknown = {}): Promise<Envelope<T>> {
  const res = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Regieboek-Token': host.token, 'X-Regieboek-Session': 'e2e-another-window' },
    body: JSON.stringify({ channel, input }),
  });
  return (await res.json()) as Envelope<T>;
}

/** The value of a call that must succeed. */
export async function value<T>(host: RunningHost, channel: string, input: unknown = {}): Promise<T> {
  const r = await invoke<T>(host, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value as T;
}
