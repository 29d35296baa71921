import { ApiError } from '../api';
import { t } from '../i18n';

/** Any failure as the core's error: an ApiError as it is, anything else as an internal error in Dutch. */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({ code: 'internal', message: t('err.internal', { detail: e instanceof Error ? e.message : String(e) }) });
}

/** The Dutch message of a failure, for the screens (the one place that turns an error into text). */
export const messageOf = (e: unknown): string => asApiError(e).message;

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
