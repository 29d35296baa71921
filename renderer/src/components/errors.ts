import { ApiError } from '../api';

export const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** After a refused save: put the cursor in the first marked field, in the middle of the screen. */
export function focusFirstError(): void {
  // The marking arrives with React's next render, which may come after this call: look a few times.
  let tries = 0;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    } else if (++tries < 10) setTimeout(attempt, 30);
  };
  setTimeout(attempt, 0);
}
