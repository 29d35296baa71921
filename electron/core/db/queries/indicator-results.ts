/**
 * Judged indicators kept in the workspace (table indicator_result, migration 0014): written after
 * judging. When a row holds is decided in results.ts (holds, judgeWhatIsStale); the triggers of
 * migration 0014 delete a row whenever a row it was judged from changes. A read-only connection
 * (the CLI) judges without keeping.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

export interface StoredResult {
  indicatorId: string;
  ownerId: string;
  /** What it was judged for besides its rows: rule version, programme period, thresholds. */
  context: string;
  asOf: string;
  /** The first day it may be wrong (results.ts nextChange). */
  validUntil: string;
  status: string;
  /** JSON: the attention reasons, the summary (summaryOf), the whole IndicatorResult. */
  attention: string;
  summary: string;
  result: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain SQL on the connection without plugins
type Raw = Kysely<any>;

const CHUNK = 100;

/** Runs a write of kept figures; on a read-only connection (the CLI) nothing is kept. */
export async function keeping(raw: Raw, write: (db: Raw) => Promise<void>): Promise<void> {
  try {
    if (raw.isTransaction) await write(raw);
    else await raw.transaction().execute(write);
  } catch (e) {
    // Kept judgements only save time: a file opened read-only is judged anew each time.
    if ((e as { code?: string }).code !== 'SQLITE_READONLY') throw e;
  }
}

/** Keeps judgements, replacing older ones. */
export async function keepResults(raw: Raw, rows: StoredResult[]): Promise<void> {
  if (!rows.length) return;
  await keeping(raw, async (db) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values = rows.slice(i, i + CHUNK).map((r) => sql`(${r.indicatorId}, ${r.ownerId}, ${r.context}, ${r.asOf}, ${r.validUntil}, ${r.status}, ${r.attention}, ${r.summary}, ${r.result})`);
      await sql`INSERT OR REPLACE INTO indicator_result (indicator_id, owner_id, context, as_of, valid_until, status, attention, summary, result) VALUES ${sql.join(values)}`.execute(db);
    }
  });
}

/** Is it noted that every indicator of the programme has a judgement that holds today in this context? */
export async function allHold(raw: Raw, programmeId: string, context: string, today: string): Promise<boolean> {
  const r = await sql`SELECT 1 FROM indicator_result_state WHERE programme_id = ${programmeId} AND context = ${context} AND as_of <= ${today} AND valid_until > ${today}`.execute(raw);
  return r.rows.length > 0;
}

/**
 * Notes that every indicator of the programme has a judgement that holds today, until the first day
 * one of them may change (`held`: the holding judgements of its owners).
 */
export async function noteAllHold(raw: Raw, programmeId: string, context: string, today: string, held: RawBuilder<unknown>, never: string): Promise<void> {
  await keeping(raw, async (db) => {
    await sql`INSERT OR REPLACE INTO indicator_result_state (programme_id, context, as_of, valid_until)
      SELECT ${programmeId}, ${context}, ${today}, coalesce(min(r.valid_until), ${never}) FROM indicator_result r WHERE ${held}`.execute(db);
  });
}
