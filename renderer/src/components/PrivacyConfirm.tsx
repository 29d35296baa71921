/**
 * The privacy guard's question, for every screen at once: the core refused a text that seems to name
 * a young person; api.ts asks here (in the shared ChoiceDialog) whether it is one before sending the
 * save again. Renders nothing itself.
 */
import { useEffect } from 'react';
import { setPrivacyConfirmer } from '../api';
import { useAsk } from './ChoiceDialog';
import { fieldLabel, t } from '../i18n';

export function PrivacyConfirm() {
  const ask = useAsk();
  useEffect(() => {
    setPrivacyConfirmer(
      async (items) =>
        (await ask({
          title: t('privacy.confirmTitle'),
          body: [
            t('privacy.confirmIntro'),
            ...items.map((i) => (
              <span key={i.key}>
                <strong>{fieldLabel(i.field, i.entity)}</strong>: {i.message}
              </span>
            )),
          ],
          choices: [
            { value: 'no', label: t('privacy.confirmNo'), kind: 'primary', cancel: true },
            { value: 'yes', label: t('privacy.confirmYes') },
          ],
        })) === 'yes',
    );
    return () => setPrivacyConfirmer(null);
  }, [ask]);
  return null;
}
