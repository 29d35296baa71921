/**
 * The privacy guard's question, for every screen at once: the core refused a text that seems to name
 * a young person; api.ts asks here whether it is one before sending the save again.
 */
import { useEffect, useRef, useState } from 'react';
import { setPrivacyConfirmer } from '../api';
import { fieldLabel, t } from '../i18n';
import type { PrivacyConfirm as Item } from '../../../shared/result';

export function PrivacyConfirm() {
  const [asking, setAsking] = useState<{ items: Item[]; answer(yes: boolean): void } | null>(null);
  const no = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setPrivacyConfirmer((items) => new Promise<boolean>((resolve) => setAsking({ items, answer: resolve })));
    return () => setPrivacyConfirmer(null);
  }, []);
  useEffect(() => {
    if (asking) no.current?.focus();
  }, [asking]);

  if (!asking) return null;
  const answer = (yes: boolean) => {
    asking.answer(yes);
    setAsking(null);
  };
  return (
    <div className="overlay">
      <div
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="privacy-confirm-title"
        aria-describedby="privacy-confirm-intro"
        onKeyDown={(e) => e.key === 'Escape' && answer(false)}
      >
        <h2 id="privacy-confirm-title">{t('privacy.confirmTitle')}</h2>
        <p id="privacy-confirm-intro">{t('privacy.confirmIntro')}</p>
        <ul>
          {asking.items.map((i) => (
            <li key={i.key}>
              <strong>{fieldLabel(i.field, i.entity)}</strong>: {i.message}
            </li>
          ))}
        </ul>
        <div className="form-actions">
          <button type="button" ref={no} className="primary" onClick={() => answer(false)}>
            {t('privacy.confirmNo')}
          </button>
          <button type="button" onClick={() => answer(true)}>
            {t('privacy.confirmYes')}
          </button>
        </div>
      </div>
    </div>
  );
}
