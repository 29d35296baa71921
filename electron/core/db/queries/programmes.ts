import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Programme } from '../../../../shared/schemas/programme';

const columns = ['id', 'name', 'periodStart', 'periodEnd', 'status', 'analysis', 'requestedCents', 'awardedCents', 'notes', 'contactSchoolId', 'contactMunicipalityId', 'createdAt', 'updatedAt', 'rowVersion'] as const;

function toProgramme(r: Pick<Database['programme'], (typeof columns)[number]>): Programme {
  return { ...r, status: r.status as Programme['status'] };
}

export async function listProgrammes(db: Kysely<Database>): Promise<Programme[]> {
  const rows = await db.selectFrom('programme').select(columns).where('deletedAt', 'is', null).orderBy('periodStart', 'desc').orderBy('name').execute();
  return rows.map(toProgramme);
}

export async function findProgramme(db: Kysely<Database>, id: string): Promise<Programme | undefined> {
  const r = await db.selectFrom('programme').select(columns).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  return r && toProgramme(r);
}
