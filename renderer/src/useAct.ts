/**
 * The one way a screen writes: do the write, say what happened, reload what depends on it. A
 * failure is always shown (the core's Dutch message) and stops there: `then` (close a form,
 * navigate away) runs only after a write that succeeded.
 */
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { useNotify } from './notify';
import { asApiError } from './components/errors';
import { useConflictQuestion } from './components/ConflictDialog';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ActOptions<T> {
  /** The notice after success. */
  done?: string | ((value: T) => string);
  /** After success: close a form, go to another page. Never after a failure. */
  then?: (value: T) => void;
  /** After a failure: mark the fields the core named. */
  failed?: (error: ApiError) => void;
  /** The form shows the message itself (in `failed`), so no notice as well; a function decides per error. */
  inline?: boolean | ((error: ApiError) => boolean);
  /**
   * The write carries a record's version (issue 10). When the core refuses it because someone
   * changed the record since, the conflict dialog asks: "Mijn versie opslaan" repeats the write with
   * the version the core named; "Nieuwste versie laden" calls `reload` (a form forgets its edits) and
   * everything reloads; Annuleren leaves the screen as it is. 'delete' words it for a delete.
   */
  conflict?: 'save' | 'delete';
  reload?: () => void;
}

export function useAct() {
  const notify = useNotify();
  const client = useQueryClient();
  const askConflict = useConflictQuestion();
  const [busy, setBusy] = useState(false);
  const act = useCallback(
    async <T>(write: (rowVersion?: number) => Promise<T>, opts: ActOptions<T> = {}): Promise<Outcome<T>> => {
      setBusy(true);
      let value: T;
      try {
        try {
          value = await write();
        } catch (e) {
          const c = e instanceof ApiError ? e.conflict : undefined;
          if (!c) throw e;
          const choice = await askConflict(c, opts.conflict ?? 'save');
          if (choice !== 'mine') {
            if (choice === 'reload') {
              opts.reload?.();
              void client.invalidateQueries();
            }
            return { ok: false, error: e as ApiError };
          }
          value = await write(c.rowVersion);
        }
      } catch (e) {
        const error = asApiError(e);
        opts.failed?.(error);
        const inline = typeof opts.inline === 'function' ? opts.inline(error) : opts.inline;
        if (!inline) notify(error.message, 'error');
        return { ok: false, error };
      } finally {
        setBusy(false);
      }
      if (opts.done) notify(typeof opts.done === 'function' ? opts.done(value) : opts.done);
      // Any write can change what another screen shows (statuses, totals, history): all of it is reloaded.
      void client.invalidateQueries();
      opts.then?.(value);
      return { ok: true, value };
    },
    [notify, client, askConflict],
  );
  return { act, busy };
}
