/**
 * The one entry into the core: validate the input against the contract, run the handler, wrap the
 * outcome in a Result. Electron's IPC and the browser host are thin transports over this.
 */
import { z } from 'zod';
import { contract, isChannel, type Channel, type Out } from '../../shared/contract';
import { fail, ok, type AppError, type FieldIssue, type Result } from '../../shared/result';
import { fieldLabel, t } from '../../shared/i18n/nl';
import { allHandlers } from './handlers';
import type { Handlers, HandlerContext } from './handlers/types';
import { ConflictError, UserError, isReadOnlyWrite, knownFailure } from './errors';
import { unknownFields } from '../../shared/schemas/locale';
import type { AppState } from './app-state';

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const field = i.path.join('.');
    let message = i.message;
    if (i.code === 'unrecognized_keys') message = unknownFields(i.keys);
    return { field, message };
  });
}

/** "Einddatum: de einddatum ligt vóór de startdatum." */
export function describeIssues(issues: FieldIssue[], scope?: string): string {
  return issues.map((i) => (i.field ? `${fieldLabel(i.field, scope)}: ${i.message}` : capitalise(i.message))).join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function invalidInput(error: z.ZodError, scope?: string): AppError {
  const issues = issuesOf(error);
  return { code: 'invalid_input', message: describeIssues(issues, scope), field: issues[0]?.field || undefined, issues };
}

/** Who is calling: the window (or CLI run) whose undo stack a change belongs to. */
export interface CallMeta {
  session?: string;
}

export type Dispatch = (channel: string, rawInput: unknown, meta?: CallMeta) => Promise<Result<unknown>>;

/** A session id as the transports pass it on: short, plain characters (anything else gets the default). */
export const isSessionId = (s: unknown): s is string => typeof s === 'string' && /^[A-Za-z0-9_.:-]{1,80}$/.test(s);

export interface DispatcherOptions {
  handlers?: Handlers;
  /** The session of calls that name none (one window, one CLI run, one test). */
  session?: string;
  /** Where unexpected errors are reported (stderr by default). */
  log?: (message: string, error: unknown) => void;
}

export function createDispatcher(app: AppState, opts: DispatcherOptions = {}): Dispatch {
  const handlers = opts.handlers ?? allHandlers;
  const log = opts.log ?? ((m, e) => console.error(m, e));

  const defaultSession = opts.session ?? 'main';

  return async function dispatch(channel, rawInput, meta) {
    if (!isChannel(channel)) return fail({ code: 'unknown_channel', message: t('err.unknownChannel', { channel: String(channel) }) });
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    const scope = channel.split('.')[0];
    if (!parsed.success) return fail(invalidInput(parsed.error, scope));
    const ctx: HandlerContext = {
      app,
      db: () => app.requireWorkspace().db,
      session: isSessionId(meta?.session) ? meta.session : defaultSession,
      get user() {
        return app.userName;
      },
    };
    try {
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown> | unknown;
      const value = await handler(parsed.data, ctx);
      // The output is checked too: a handler that breaks the contract fails loudly here, not in a screen.
      return ok(spec.output.parse(value) as Out<Channel>);
    } catch (e) {
      if (e instanceof ConflictError) return fail({ code: e.code, message: e.message, conflict: e.conflict });
      if (e instanceof UserError) return fail({ code: e.code, message: e.message, field: e.field });
      if (e instanceof z.ZodError) return fail(invalidInput(e, scope));
      // A write on a workspace opened read-only: the reason the banner gives, not SQLite's English.
      const readOnly = app.workspace?.readOnly;
      if (readOnly && isReadOnlyWrite(e)) return fail({ code: 'read_only', message: readOnly });
      const known = knownFailure(e);
      if (known) return fail({ code: known.code, message: known.message });
      log(`[regieboek] ${channel} failed`, e);
      return fail({ code: 'internal', message: t('err.internal', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };
}
