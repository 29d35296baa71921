/**
 * The money in the monitoring facts (planned and realised per calendar year as of the interview's
 * day, optionally a partner's share) against an oracle written here in plain SQL over the example
 * region: every measure, three days, all partners and each partner that carries out an activity.
 */
import { describe, expect, it } from 'vitest';
import { today } from '../../electron/core/clock';
import { makeCore } from './helpers';

interface LineRow { id: string; year: number; planned: number; partner: string | null; activity: string | null }

describe('monitoring facts: money per year as of a day', () => {
  it('equals planned and counted spend from a plain SQL oracle, for every measure, day and partner share', async () => {
    const { call, app } = await makeCore({ workspace: false });
    await call('workspace.openExample');
    const sqlite = app.workspace!.sqlite;
    const measures = sqlite.prepare('SELECT id FROM measure WHERE deleted_at IS NULL').all() as { id: string }[];
    const lineRows = sqlite.prepare(
      'SELECT bl.id, bl.year, bl.planned_cents AS planned, bl.partner_id AS partner, bl.activity_id AS activity FROM budget_line bl WHERE bl.measure_id = ? AND bl.deleted_at IS NULL',
    );
    const spend = sqlite.prepare('SELECT budget_line_id AS line, amount_cents AS cents, date, year FROM spend WHERE deleted_at IS NULL').all() as { line: string; cents: number; date: string | null; year: number }[];
    const activities = sqlite.prepare('SELECT id, lead_organisation_id AS lead, executor_ids AS ex FROM activity WHERE measure_id = ? AND deleted_at IS NULL');
    const y = Number(today().slice(0, 4));
    const days = [today(), `${y - 1}-07-01`, `${y - 2}-03-15`];
    let compared = 0;
    let withSpend = 0;
    for (const { id: measureId } of measures) {
      const acts = activities.all(measureId) as { id: string; lead: string | null; ex: string }[];
      const partners = [null, ...new Set(acts.flatMap((a) => [a.lead, ...(JSON.parse(a.ex) as string[])]).filter((p): p is string => !!p))];
      for (const day of days)
        for (const partnerId of partners) {
          const mine = partnerId ? new Set(acts.filter((a) => a.lead === partnerId || (JSON.parse(a.ex) as string[]).includes(partnerId)).map((a) => a.id)) : null;
          const lines = (lineRows.all(measureId) as LineRow[]).filter((l) => !mine?.size || l.partner === partnerId || (l.activity !== null && mine.has(l.activity)));
          const expected = new Map<number, { year: number; budgetedCents: number; spentCents: number | null }>();
          for (const l of lines) {
            const e = expected.get(l.year) ?? { year: l.year, budgetedCents: 0, spentCents: null };
            e.budgetedCents += l.planned;
            for (const s of spend.filter((s) => s.line === l.id && (s.date ?? `${s.year}-12-31`) <= day))
              e.spentCents = (e.spentCents ?? 0) + s.cents;
            expected.set(l.year, e);
          }
          const facts = await call('monitoring.facts', { measureId, asOf: day, partnerId });
          expect(facts.budget.years).toEqual([...expected.values()].sort((a, b) => a.year - b.year));
          expect(facts.budget.available).toBe(lines.length > 0);
          compared++;
          if (facts.budget.years.some((x) => x.spentCents)) withSpend++;
        }
    }
    // The example really exercises it: many cases, most with spend counted.
    expect(compared).toBeGreaterThan(50);
    expect(withSpend).toBeGreaterThan(compared / 3);
  });
});
