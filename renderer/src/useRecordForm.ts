import { useEffect, useRef, useState } from 'react';

/**
 * A form over a loaded record: filled when the record arrives, and filled again when it changes
 * (an undo, a change in another window) as long as the user has no edits of their own.
 */
export function useRecordForm<D, F>(record: D | undefined, toForm: (record: D) => F, blank: F) {
  const [form, setForm] = useState<F>(() => (record === undefined ? blank : toForm(record)));
  const [initial, setInitial] = useState<F>(form);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const edited = useRef(dirty);
  edited.current = dirty;
  const fill = useRef(toForm);
  fill.current = toForm;
  useEffect(() => {
    if (record === undefined || edited.current) return;
    const f = fill.current(record);
    setForm(f);
    setInitial(f);
  }, [record]);
  return { form, setForm, dirty };
}
