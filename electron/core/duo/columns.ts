/**
 * What a DUO column means, by its header: DUO's own names ("AANTAL VSV ERS", also "AANTAL VSV'ERS",
 * "ONDERWIJSSTRUCTUUR EN LEERJAAR", "RMC-REGIO CODE") and the usual variants. A header set the user
 * mapped by hand is remembered in the workspace (table duo_mapping) under a key of its headers.
 */
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { DUO_FIELDS, DUO_REGION_FIELDS, DUO_REQUIRED, type DuoField, type DuoMapping } from '../../../shared/schemas/duo';

type Db = Kysely<Database> | Transaction<Database>;

/** Lower case, no accents, only letters and digits: "AANTAL VSV’ERS" and "Aantal vsv ers" are the same. */
export const headerNorm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const ALIASES: Record<DuoField, string[]> = {
  schoolYear: ['jaar', 'schooljaar', 'peiljaar', 'convenantjaar', 'meetjaar', 'cohort', 'cohortjaar'],
  onderwijssoort: ['onderwijsstructuurenleerjaar', 'onderwijsstructuur', 'onderwijssoort', 'onderwijstype', 'soortonderwijs', 'onderwijsniveau', 'niveau'],
  students: ['aantaldeelnemers', 'deelnemers', 'aantalleerlingen', 'aantalstudenten', 'totaaldeelnemers', 'aantaldeelnemersvsv'],
  leavers: ['aantalvsvers', 'aantalvsvs', 'vsvers', 'aantalnieuwevsvers', 'nieuwevsvers', 'aantalvoortijdigeschoolverlaters', 'aantalvsv', 'vsv'],
  percentage: ['percentagevsv', 'vsvpercentage', 'percentagevsvers', 'percentage', 'perc', 'vsvperc'],
  nationalNorm: ['landelijkpercentage', 'landelijkgemiddelde', 'landelijkenorm', 'norm', 'vsvnorm'],
  status: ['status', 'voorlopigdefinitief', 'soortcijfers', 'cijfersoort'],
  regionCode: ['rmcregiocode', 'rmccode', 'rmcregionummer', 'rmcregio', 'regiocode', 'regionummer', 'rmcnummer', 'rmcnr'],
  regionName: ['rmcregionaam', 'rmcnaam', 'regionaam', 'regio', 'naamrmcregio'],
  municipality: ['gemeentenaam', 'gemeente', 'woongemeente', 'vestigingsgemeente', 'naamgemeente'],
  brin: ['brinnummer', 'brin', 'brincode', 'instellingscode'],
};

/** The field a header stands for, or null. */
export function fieldOf(header: string): DuoField | null {
  const n = headerNorm(header);
  if (!n) return null;
  for (const f of DUO_FIELDS) if (ALIASES[f].includes(n)) return f;
  return null;
}

/** Identifies a set of headers (same headers in the same order: same mapping). */
export function headerKey(headers: string[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(headers.map(headerNorm))).digest('hex').slice(0, 32);
}

/** Per field the first header that means it. */
export function autoMapping(headers: string[]): DuoMapping {
  const out: DuoMapping = {};
  for (const h of headers) {
    const f = fieldOf(h);
    if (f && !out[f]) out[f] = h;
  }
  return out;
}

export function missingFields(m: DuoMapping): DuoField[] {
  const out: DuoField[] = DUO_REQUIRED.filter((f) => !m[f]);
  if (!DUO_REGION_FIELDS.some((f) => m[f])) out.push('regionCode');
  return out;
}

export async function rememberedMapping(db: Db, key: string): Promise<DuoMapping | null> {
  const r = await db.selectFrom('duoMapping').select('mapping').where('headerKey', '=', key).executeTakeFirst();
  if (!r) return null;
  try {
    return JSON.parse(r.mapping) as DuoMapping;
  } catch {
    return null;
  }
}

export async function rememberMapping(db: Db, key: string, headers: string[], mapping: DuoMapping, at: string): Promise<void> {
  const row = { headerKey: key, headers: JSON.stringify(headers), mapping: JSON.stringify(mapping), updatedAt: at };
  await db.insertInto('duoMapping').values(row).onConflict((oc) => oc.column('headerKey').doUpdateSet({ headers: row.headers, mapping: row.mapping, updatedAt: at })).execute();
}
