/**
 * Every tracked kind of record, once. History, the Prullenbak and undo work from this list, so a
 * new table gets them by adding an entry here (and the two trash columns to the table).
 */
import type { Database } from '../db/schema';
import { t, type MessageKey } from '../../../shared/i18n/nl';

export interface EntityDef {
  table: keyof Database & string;
  /** Catalogue key of the Dutch name ("Programma"). */
  nameKey: MessageKey;
  /** What identifies a row to a person, for labels in history and the Prullenbak. */
  label: (row: Record<string, unknown>) => string;
  /** Rows that go to the Prullenbak with this one, and come back with it. */
  children: { entity: string; foreignKey: string }[];
}

export const entities: Record<string, EntityDef> = {
  programme: { table: 'programme', nameKey: 'entity.programme', label: (r) => String(r.name), children: [] },
};

export function entityDef(entity: string): EntityDef {
  const def = entities[entity];
  if (!def) throw new Error(`Unknown entity ${entity}`);
  return def;
}

export function entityName(entity: string): string {
  const def = entities[entity];
  return def ? t(def.nameKey) : entity;
}
