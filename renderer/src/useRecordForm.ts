import { useEffect, useRef, useState } from 'react';

/**
 * A form over a loaded record: filled when the record arrives, and filled again when it changes
 * (an undo, a change in another window) as long as the user has no edits of their own.
 *
 * `based` is the record as it was when the form was filled: its rowVersion goes with the save, so a
 * colleague's change made in the meantime is refused instead of overwritten (issue 10), even when the
 * record reloaded while the user was typing. After a save call `saved()`; after "Nieuwste versie
 * laden" `reset()` (the user's edits go, the form follows the stored record again).
 */
export function useRecordForm<D, F>(record: D | undefined, toForm: (record: D) => F, blank: F) {
  const [form, setForm] = useState<F>(() => (record === undefined ? blank : toForm(record)));
  const [initial, setInitial] = useState<F>(form);
  const [based, setBased] = useState<D | undefined>(record);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const edited = useRef(dirty);
  edited.current = dirty;
  const fill = useRef(toForm);
  fill.current = toForm;
  const latest = useRef(record);
  latest.current = record;
  const formRef = useRef(form);
  formRef.current = form;

  const refill = (r: D) => {
    const f = fill.current(r);
    setForm(f);
    setInitial(f);
    setBased(r);
  };
  useEffect(() => {
    if (record === undefined || edited.current) return;
    refill(record);
  }, [record]);

  return {
    form,
    setForm,
    dirty,
    based,
    /** The form as it is on screen is saved: not dirty, and it follows the record again. */
    saved() {
      edited.current = false;
      setInitial(formRef.current);
    },
    /** Forget the user's edits and show the stored record (which reloads after a conflict). */
    reset() {
      edited.current = false;
      if (latest.current !== undefined) refill(latest.current);
      else setForm(initial);
    },
  };
}
