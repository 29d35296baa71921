/**
 * Long money lists one page at a time (issue 13): budgetLine.page and spend.page give the rows of one
 * page in the lists' own order, with count and sums over every matching row (summed in SQL), and
 * filters that apply to all rows, not to the page.
 */
import { describe, expect, it } from 'vitest';
import { seedExample } from '../../electron/core/demo/seed';
import { scaleExample } from '../../electron/core/demo/scale';
import { makeCore } from './helpers';

async function scaled() {
  const core = await makeCore();
  const ws = core.app.requireWorkspace();
  await seedExample(ws.db);
  scaleExample(ws.sqlite, 3);
  const programmeId = (ws.sqlite.prepare("SELECT id FROM programme WHERE status = 'lopend'").get() as { id: string }).id;
  return { ...core, sqlite: ws.sqlite, programmeId };
}

/** Raw SQL over every live line of live measures of the programme (the reference for the sums). */
const LINES = `FROM budget_line bl JOIN measure m ON m.id = bl.measure_id WHERE bl.deleted_at IS NULL AND m.deleted_at IS NULL AND m.programme_id = ?`;

describe('budget lines and spend, a page at a time', () => {
  it('pages follow the full list in order; count and sums are over every line, equal to raw SQL', async () => {
    const { call, sqlite, programmeId } = await scaled();
    const all = await call('budgetLine.list', { programmeId });
    expect(all.length).toBeGreaterThan(60);
    const limit = 25;
    const first = await call('budgetLine.page', { programmeId, offset: 0, limit });
    const second = await call('budgetLine.page', { programmeId, offset: limit, limit });
    expect(first.lines.map((l) => l.id)).toEqual(all.slice(0, limit).map((l) => l.id));
    // Page 2 holds the next rows, none of page 1's.
    expect(second.lines.map((l) => l.id)).toEqual(all.slice(limit, 2 * limit).map((l) => l.id));
    const pages = [];
    for (let o = 0; o < all.length; o += limit) pages.push(...(await call('budgetLine.page', { programmeId, offset: o, limit })).lines);
    expect(pages.map((l) => l.id)).toEqual(all.map((l) => l.id));
    expect(pages).toEqual(all);

    const raw = sqlite
      .prepare(`SELECT count(*) AS n, sum(bl.planned_cents) AS planned, sum((SELECT coalesce(sum(s.amount_cents), 0) FROM spend s WHERE s.budget_line_id = bl.id AND s.deleted_at IS NULL)) AS realised ${LINES}`)
      .get(programmeId) as { n: number; planned: number; realised: number };
    expect(first.total).toBe(raw.n);
    expect(first.total).toBe(all.length);
    expect(first.plannedCents).toBe(raw.planned);
    expect(first.realisedCents).toBe(raw.realised);
    // The sums do not depend on the page shown.
    expect({ ...second, lines: [], offset: 0 }).toEqual({ ...first, lines: [] });
    // Past the end: no rows, the same totals.
    const beyond = await call('budgetLine.page', { programmeId, offset: all.length + 10, limit });
    expect(beyond.lines).toEqual([]);
    expect(beyond.total).toBe(raw.n);
  });

  it('a filter applies to every line, not the page', async () => {
    const { call, sqlite, programmeId } = await scaled();
    const year = (sqlite.prepare(`SELECT bl.year AS y ${LINES} GROUP BY bl.year ORDER BY count(*) DESC`).get(programmeId) as { y: number }).y;
    const raw = sqlite.prepare(`SELECT count(*) AS n, sum(bl.planned_cents) AS planned ${LINES} AND bl.year = ?`).get(programmeId, year) as { n: number; planned: number };
    const page = await call('budgetLine.page', { programmeId, year, offset: 0, limit: 5 });
    expect(page.lines.length).toBe(Math.min(5, raw.n));
    expect(page.lines.every((l) => l.year === year)).toBe(true);
    expect(page.total).toBe(raw.n);
    expect(page.plannedCents).toBe(raw.planned);
    expect(page.lines.map((l) => l.id)).toEqual((await call('budgetLine.list', { programmeId, year })).slice(0, 5).map((l) => l.id));
  });

  it('spend: pages in the list order, count and amount equal raw SQL over every entry, also filtered', async () => {
    const { call, sqlite, programmeId } = await scaled();
    const all = await call('spend.list', { programmeId });
    expect(all.length).toBeGreaterThan(100);
    const limit = 40;
    const pages = [];
    for (let o = 0; o < all.length; o += limit) pages.push(...(await call('spend.page', { programmeId, offset: o, limit })).spend);
    expect(pages).toEqual(all);
    const second = await call('spend.page', { programmeId, offset: limit, limit });
    expect(second.spend.map((s) => s.id)).toEqual(all.slice(limit, 2 * limit).map((s) => s.id));
    const raw = sqlite.prepare(`SELECT count(*) AS n, sum(s.amount_cents) AS amount ${LINES.replace('WHERE', 'JOIN spend s ON s.budget_line_id = bl.id WHERE s.deleted_at IS NULL AND')}`).get(programmeId) as { n: number; amount: number };
    expect(second.total).toBe(raw.n);
    expect(second.amountCents).toBe(raw.amount);

    const line = all[all.length - 1]!.budgetLineId;
    const one = await call('spend.page', { programmeId, budgetLineId: line, offset: 0, limit: 2 });
    const rawLine = sqlite.prepare('SELECT count(*) AS n, sum(amount_cents) AS amount FROM spend WHERE budget_line_id = ? AND deleted_at IS NULL').get(line) as { n: number; amount: number };
    expect(one.total).toBe(rawLine.n);
    expect(one.amountCents).toBe(rawLine.amount);
    expect(one.spend.every((s) => s.budgetLineId === line)).toBe(true);
  });

  it('refuses a page size over 500 and a negative offset, in Dutch', async () => {
    const { fail, programmeId } = await scaled();
    expect((await fail('budgetLine.page', { programmeId, offset: 0, limit: 501 })).code).toBe('invalid_input');
    const e = await fail('spend.page', { programmeId, offset: -1 });
    expect(e.message).toMatch(/Vanaf rij/);
  });
});
