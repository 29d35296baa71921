import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { compareCodes } from '../../../../shared/natsort';
import type { Contact, Organisation, OrganisationDetail, OrganisationType, PartnerRole } from '../../../../shared/schemas/partner';
import { parseList } from './tree';
import { holdsOneActivity } from '../../../../shared/schemas/tree';

type Db = Kysely<Database>;

const orgColumns = ['id', 'name', 'type', 'brin', 'kvk', 'place', 'notes', 'createdAt', 'updatedAt', 'rowVersion'] as const;

/** The partner (not in the Prullenbak) that has this BRIN or KvK number, other than `exceptId`: one number names one organisation. */
export async function partnerWithNumber(db: Db, field: 'brin' | 'kvk', value: string, exceptId?: string): Promise<{ id: string; name: string } | undefined> {
  if (!value) return undefined;
  let q = db.selectFrom('organisation').select(['id', 'name']).where(field, '=', value).where('deletedAt', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db
    .selectFrom('organisation')
    .select(orgColumns)
    .select((eb) =>
      eb
        .selectFrom('contact')
        .whereRef('contact.organisationId', '=', 'organisation.id')
        .where('contact.deletedAt', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('contactCount'),
    )
    .where('deletedAt', 'is', null)
    .execute();
  return rows
    .map((r) => ({ ...r, type: r.type as OrganisationType, contactCount: Number(r.contactCount ?? 0) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  return (await listOrganisations(db)).find((o) => o.id === id);
}

export async function findContact(db: Db, id: string): Promise<Contact | undefined> {
  return db.selectFrom('contact').select(['id', 'organisationId', 'name', 'function', 'email', 'phone', 'rowVersion']).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
}

/** Where the organisation is penvoerder, uitvoerder, contactschool or contactgemeente. */
export async function rolesOf(db: Db, orgId: string): Promise<PartnerRole[]> {
  const roles: PartnerRole[] = [];
  const programmes = await db
    .selectFrom('programme')
    .select(['id', 'name', 'contactSchoolId', 'contactMunicipalityId'])
    .where('deletedAt', 'is', null)
    .where((eb) => eb.or([eb('contactSchoolId', '=', orgId), eb('contactMunicipalityId', '=', orgId)]))
    .execute();
  for (const p of programmes) {
    const base = { entity: 'programme' as const, id: p.id, programmeId: p.id, code: '', name: p.name };
    if (p.contactSchoolId === orgId) roles.push({ role: 'contact_school', ...base });
    if (p.contactMunicipalityId === orgId) roles.push({ role: 'contact_municipality', ...base });
  }
  const measures = await db.selectFrom('measure').select(['id', 'programmeId', 'code', 'name', 'leadOrganisationId', 'executorIds', 'shape']).where('deletedAt', 'is', null).execute();
  const measureProgramme = new Map(measures.map((m) => [m.id, m.programmeId]));
  const activities = await db.selectFrom('activity').select(['id', 'measureId', 'code', 'name', 'leadOrganisationId', 'executorIds']).where('deletedAt', 'is', null).execute();
  for (const [entity, list] of [
    // An item that is its own activity is listed once, as the activity (its measure row shares the partners).
    ['measure', measures.filter((m) => !holdsOneActivity(m.shape)).map((m) => ({ ...m, programmeId: m.programmeId }))],
    ['activity', activities.filter((a) => measureProgramme.has(a.measureId)).map((a) => ({ ...a, programmeId: measureProgramme.get(a.measureId)! }))],
  ] as const) {
    for (const r of [...list].sort((a, b) => compareCodes(a.code, b.code))) {
      const base = { entity, id: r.id, programmeId: r.programmeId, code: r.code, name: r.name };
      if (r.leadOrganisationId === orgId) roles.push({ role: 'lead', ...base });
      if (parseList(r.executorIds).includes(orgId)) roles.push({ role: 'executor', ...base });
    }
  }
  return roles;
}

export async function organisationDetail(db: Db, id: string): Promise<OrganisationDetail | undefined> {
  const o = await findOrganisation(db, id);
  if (!o) return undefined;
  const contacts = await db
    .selectFrom('contact')
    .select(['id', 'organisationId', 'name', 'function', 'email', 'phone', 'rowVersion'])
    .where('organisationId', '=', id)
    .where('deletedAt', 'is', null)
    .orderBy('name')
    .execute();
  return { ...o, contacts, roles: await rolesOf(db, id) };
}
