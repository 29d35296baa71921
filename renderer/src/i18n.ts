export { t, fieldLabel } from '../../shared/i18n/nl';
export type { MessageKey } from '../../shared/i18n/nl';
