/**
 * Long money lists one page at a time (issue 13): at 2,000 activities a programme has over 16,000
 * budget lines and 25,000 spend entries, more than a screen should receive or draw. The filter and
 * the order apply to every row (the order is the lists' own, compareLines / compareSpend, taken over
 * the small sort keys of all matching rows); only the page's rows are read in full. Totals are sums
 * in SQL over every matching row, so they stay right to the cent whatever page is shown.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { compareLines, compareSpend, linesQuery, listBudgetLines, listSpend } from './budget';
import type { BudgetFilter, BudgetLinePage, SpendPage } from '../../../../shared/schemas/budget';

type Db = Kysely<Database>;

export interface PageAt {
  offset: number;
  limit: number;
}

/** The ids of one page of rows, in their order, from the sort keys of all matching rows. */
function pageIds<T extends { id: string }>(keys: T[], compare: (a: T, b: T) => number, at: PageAt): string[] {
  return keys
    .sort(compare)
    .slice(at.offset, at.offset + at.limit)
    .map((k) => k.id);
}

/** Rows in the order of `ids`. */
function inOrder<T extends { id: string }>(rows: T[], ids: string[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => !!r);
}

export async function pageBudgetLines(db: Db, f: BudgetFilter, at: PageAt): Promise<BudgetLinePage> {
  const keys = await linesQuery(db, f)
    .leftJoin('activity as a', (j) => j.onRef('a.id', '=', 'bl.activityId').on('a.deletedAt', 'is', null))
    .select(['bl.id', 'm.code as measureCode', 'bl.year', 'a.code as activityCode', 'bl.costItem'])
    .execute();
  // Realised per line from the lines' mirror with their spend totals (migration 0013): a key lookup per line.
  const sums = await linesQuery(db, f)
    .innerJoin('budgetLineTotal as t', 't.id', 'bl.id')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(bl.planned_cents), 0)`.as('planned'),
      sql<number>`coalesce(sum(t.realised_cents), 0)`.as('realised'),
    ])
    .executeTakeFirstOrThrow();
  const ids = pageIds(keys, compareLines, at);
  const lines = ids.length ? inOrder(await listBudgetLines(db, { lineIds: ids }), ids) : [];
  return { lines, total: Number(sums.n), plannedCents: Number(sums.planned), realisedCents: Number(sums.realised), offset: at.offset, limit: at.limit };
}

export async function pageSpend(db: Db, f: BudgetFilter & { budgetLineId?: string }, at: PageAt): Promise<SpendPage> {
  let q = linesQuery(db, f).innerJoin('spend as s', 's.budgetLineId', 'bl.id').where('s.deletedAt', 'is', null);
  if (f.budgetLineId) q = q.where('s.budgetLineId', '=', f.budgetLineId);
  const keys = await q.select(['s.id', 'm.code as measureCode', 's.year', 's.date', 's.description']).execute();
  const sums = await q.select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(s.amount_cents), 0)`.as('amount')]).executeTakeFirstOrThrow();
  const ids = pageIds(keys, compareSpend, at);
  const spend = ids.length ? inOrder(await listSpend(db, { spendIds: ids }), ids) : [];
  return { spend, total: Number(sums.n), amountCents: Number(sums.amount), offset: at.offset, limit: at.limit };
}
