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
  contactSchoolId: string | null;
  contactMunicipalityId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrganisationTable extends Trashable {
  id: string;
  name: string;
  type: string;
  brin: string;
  kvk: string;
  place: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ContactTable extends Trashable {
  id: string;
  organisationId: string;
  name: string;
  function: string;
  email: string;
  phone: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProgrammeLineTable extends Trashable {
  id: string;
  programmeId: string;
  code: string;
  name: string;
  description: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface MeasureTable extends Trashable {
  id: string;
  programmeId: string;
  lineId: string | null;
  code: string;
  name: string;
  description: string;
  /** 0 or 1 */
  plusvoorziening: number;
  /** JSON string[] */
  targetGroups: string;
  leadOrganisationId: string | null;
  /** JSON string[] of organisation ids */
  executorIds: string;
  status: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityTable extends Trashable {
  id: string;
  measureId: string;
  code: string;
  name: string;
  status: string;
  description: string;
  aim: string;
  startDate: string | null;
  endDate: string | null;
  durationNote: string;
  subActivitiesDuration: string;
  /** JSON string[] */
  targetGroups: string;
  targetGroupNeed: string;
  /** JSON {schoolYear, count}[] */
  plannedParticipants: string;
  lookBackEarlier: string;
  lookBackAimReached: string;
  resultsGeneral: string;
  resultsPerSubActivity: string;
  resultsVsvContribution: string;
  resultsResponsible: string;
  measurementMoments: string;
  indicatorsMonitoring: string;
  organisationStructure: string;
  sustainabilityHow: string;
  sustainabilityWho: string;
  sustainabilityFrom: string;
  leadOrganisationId: string | null;
  executorIds: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface SubActivityTable extends Trashable {
  id: string;
  activityId: string;
  number: string;
  name: string;
  period: string;
  intendedResult: string;
  sortOrder: number;
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
  organisation: OrganisationTable;
  contact: ContactTable;
  programmeLine: ProgrammeLineTable;
  measure: MeasureTable;
  activity: ActivityTable;
  subActivity: SubActivityTable;
  changeSet: ChangeSetTable;
  change: ChangeTable;
  trash: TrashTable;
}
