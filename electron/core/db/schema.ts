/**
 * The store's tables as Kysely sees them (camelCase here, snake_case in SQLite via CamelCasePlugin).
 * Nullable columns are `T | null`, never optional.
 */
import type { Generated } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

export interface RegionTable {
  number: number;
  name: string;
  contactMunicipality: string | null;
}

/** Columns every tracked table has, for the Prullenbak. */
export interface Trashable {
  deletedAt: string | null;
  /** The change set that put this row in the Prullenbak (children share their parent's). */
  deletedIn: number | null;
}

export interface ProgrammeTable extends Trashable {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  analysis: string;
  requestedCents: number | null;
  awardedCents: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ChangeSetTable {
  id: Generated<number>;
  at: string;
  user: string;
  action: string;
  label: string;
  source: string | null;
  undoes: number | null;
  undoneBy: number | null;
}

export interface ChangeTable {
  id: Generated<number>;
  changeSetId: number;
  entity: string;
  entityId: string;
  op: string;
  /** JSON: { field: [old, new] } */
  fields: string;
  /** JSON of the whole row where an undo needs it (create, delete). */
  snapshot: string | null;
}

export interface TrashTable {
  changeSetId: number;
  entity: string;
  entityId: string;
  label: string;
  deletedAt: string;
  restoredAt: string | null;
}

export interface Database {
  meta: MetaTable;
  region: RegionTable;
  programme: ProgrammeTable;
  changeSet: ChangeSetTable;
  change: ChangeTable;
  trash: TrashTable;
}
