import { useState } from 'react';
import { t } from '../i18n';

/** "Verwijderen", then an explicit confirmation: everything goes to the Prullenbak, never lost. */
export function DeleteButton({ onConfirm, label }: { onConfirm(): unknown; label?: string }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)} aria-label={label}>
        {t('action.delete')}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={t('ui.confirm')}>
      {t('action.toTrash')}{' '}
      <button type="button" className="danger" onClick={() => void onConfirm()}>
        {t('action.confirmDelete')}
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        {t('action.cancel')}
      </button>
    </span>
  );
}
