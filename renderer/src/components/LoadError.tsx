import type { ReactNode } from 'react';
import { t } from '../i18n';
import type { Load } from '../useLoad';

/** A screen whose data could not be loaded: the core's Dutch message and a way back. */
export function LoadError({ message, back }: { message: string; back: string }) {
  return (
    <div className="page">
      <p className="error-box" role="alert">
        {message}
      </p>
      <a href={back}>{t('action.back')}</a>
    </div>
  );
}

/** A part of a screen that loads on its own: its message when the load failed, never an empty list. */
export function Loaded<T>({ q, children }: { q: Load<T>; children: (data: T) => ReactNode }) {
  if (q.error) return <LoadProblem q={q} />;
  if (q.data === undefined) return <p className="muted small" aria-busy="true" />;
  return <>{children(q.data)}</>;
}

/** Next to a list of choices that could not be loaded (the list stays empty): why. */
export function LoadProblem({ q }: { q: Load<unknown> }) {
  if (!q.error) return null;
  return (
    <p className="error-box" role="alert">
      {q.error}
    </p>
  );
}
