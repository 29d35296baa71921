/**
 * A form with unsaved changes asks "Wijzigingen opslaan?" (Opslaan / Niet opslaan / Annuleren)
 * before it is left in any way: a link, the sidebar, a breadcrumb, Ctrl+K, the back button (all
 * through the router's leave guard), closing the browser tab (beforeunload) or the desktop window
 * (the shell asks window.regieboekMayClose(), see docs/ARCHITECTURE.md).
 */
import { useEffect, useRef } from 'react';
import { useAsk } from './components/ChoiceDialog';
import { hasLeaveGuard, mayLeave, setLeaveGuard } from './router';
import { t } from './i18n';

declare global {
  interface Window {
    /** For the desktop shell before it closes the window or the app: asks if needed; true means close. */
    regieboekMayClose?: () => Promise<boolean>;
    /** Whether a form on screen has changes that are not saved. */
    regieboekHasUnsavedChanges?: () => boolean;
  }
}
window.regieboekMayClose = mayLeave;
window.regieboekHasUnsavedChanges = hasLeaveGuard;

/**
 * `save` writes the form and resolves true when it was saved (false: refused, the form shows why,
 * and the user stays). Call `saved()` after a save of the form's own, before navigating away.
 */
export function useUnsavedChanges(dirty: boolean, save: () => Promise<boolean>): { saved(): void } {
  const ask = useAsk();
  const saveRef = useRef(save);
  saveRef.current = save;
  const remove = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!dirty) return;
    remove.current = setLeaveGuard(async () => {
      const answer = await ask({
        title: t('unsaved.title'),
        body: [t('unsaved.body')],
        choices: [
          { value: 'save', label: t('action.save'), kind: 'primary', focus: true },
          { value: 'discard', label: t('unsaved.discard'), kind: 'danger' },
          { value: 'cancel', label: t('action.cancel'), cancel: true },
        ],
      });
      if (answer === 'discard') return true;
      if (answer === 'save') return saveRef.current();
      return false;
    });
    return () => {
      remove.current?.();
      remove.current = null;
    };
  }, [dirty, ask]);

  // Closing or reloading the browser tab: the browser's own question (a page may not word it).
  useEffect(() => {
    if (!dirty) return;
    const on = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', on);
    return () => window.removeEventListener('beforeunload', on);
  }, [dirty]);

  return {
    saved() {
      remove.current?.();
      remove.current = null;
    },
  };
}
