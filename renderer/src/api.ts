/**
 * The only module that touches the bridge. In the desktop shell it uses the preload's invoke(); in
 * the browser host it posts to /api/invoke with the run's token. Either way the core answers with
 * the same Result envelope, unwrapped here into a value or an ApiError.
 */
import type { Channel, In, Out, AppEvent } from '../../shared/contract';
import type { AppError, ConflictInfo, Result } from '../../shared/result';
import { t } from '../../shared/i18n/nl';

interface DesktopBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    regieboek?: DesktopBridge;
  }
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
  get field(): string | undefined {
    return this.error.field;
  }
  /** Set when the write was based on an older version of the record (someone changed it since). */
  get conflict(): ConflictInfo | undefined {
    return this.error.conflict;
  }
  /** Messages per field, for showing next to each input. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const i of this.error.issues ?? []) if (i.field && !out[i.field]) out[i.field] = i.message;
    // Shown under the field's own label, so a leading "Waarde: " would say the name twice.
    if (this.error.field && !out[this.error.field]) out[this.error.field] = this.error.message.replace(/^[^:"]{1,60}: /, '');
    return out;
  }
}

/**
 * This window's session: its changes form its own undo stack. Kept in sessionStorage, so a reload
 * keeps the stack and a second window (or tab) gets its own. The desktop shell names the window itself.
 */
function webSession(): string {
  try {
    let s = sessionStorage.getItem('regieboek-session');
    if (!s) {
      s = crypto.randomUUID();
      sessionStorage.setItem('regieboek-session', s);
    }
    return s;
  } catch {
    return 'web';
  }
}

function webToken(): string {
  return document.querySelector('meta[name="regieboek-token"]')?.getAttribute('content') ?? '';
}

async function transport(channel: string, input: unknown): Promise<Result<unknown>> {
  if (window.regieboek) return window.regieboek.invoke(channel, input);
  let res: Response;
  try {
    res = await fetch('./api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Regieboek-Token': webToken(), 'X-Regieboek-Session': webSession() },
      body: JSON.stringify({ channel, input }),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: t('err.network') } };
  }
  // The host answers every call with the envelope (also a refusal); plain text only from something in between.
  if (String(res.headers.get('content-type')).startsWith('application/json')) {
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: t('err.network') } };
    }
  }
  return { ok: false, error: { code: 'internal', message: await res.text() } };
}

export async function call<C extends Channel>(channel: C, ...args: Record<never, never> extends In<C> ? [input?: In<C>] : [input: In<C>]): Promise<Out<C>> {
  const result = await transport(channel, args[0] ?? {});
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Out<C>;
}

export function onAppEvent(listener: (name: AppEvent, payload: unknown) => void): () => void {
  return window.regieboek ? window.regieboek.onEvent((n, p) => listener(n as AppEvent, p)) : () => {};
}
