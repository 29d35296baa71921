import { ApiError } from '../api';

export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** After a refused save: put the cursor in the first marked field, in the middle of the screen. */
export function focusFirstError(): void {
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, 0);
}
