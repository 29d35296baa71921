import { useState, type FormEvent } from 'react';
import { t } from './i18n';

/**
 * State of a small inline form (a contact, a sub-activity): the values, a setter per field, the
 * field errors, and a submit that checks the name and shows what the core refused.
 */
export function useInlineForm<F extends { name: string }>(initial: F, onSave: (f: F) => Promise<Record<string, string> | null>) {
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof F) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!f.name.trim()) return setErrors({ name: t('val.required') });
    setErrors((await onSave(f)) ?? {});
  }
  return { f, set, errors, submit };
}
