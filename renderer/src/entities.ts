import { t, type MessageKey } from './i18n';

/** The Dutch name of a kind of record ("programme" -> "Programma"). */
export function entityLabel(entity: string): string {
  const key = `entity.${entity}` as MessageKey;
  const s = t(key);
  return s === key ? entity : s;
}
