import { useState, type FormEvent } from 'react';
import { t } from './i18n';
import { useUnsavedChanges } from './useUnsavedChanges';

/**
 * State of a small inline form (a contact, a sub-activity): the values, a setter per field, the
 * field errors, and a submit that checks the name and shows what the core refused. Leaving the page
 * with typed changes asks "Wijzigingen opslaan?" as the big forms do.
 */
export function useInlineForm<F extends { name: string }>(initial: F, onSave: (f: F) => Promise<Record<string, string> | null>) {
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof F) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  /** True when saved; false: the errors are shown and the user stays. */
  async function save(): Promise<boolean> {
    if (!f.name.trim()) {
      setErrors({ name: t('val.required') });
      return false;
    }
    const refused = await onSave(f);
    setErrors(refused ?? {});
    if (refused) return false;
    unsaved.saved();
    return true;
  }
  const unsaved = useUnsavedChanges(JSON.stringify(f) !== JSON.stringify(initial), save);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await save();
  }
  return { f, set, errors, submit };
}
