import { t } from '../i18n';

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
