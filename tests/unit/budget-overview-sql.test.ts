/**
 * The budget overview's rollups are computed in SQL (issue 13). They must give, to the cent, what
 * the shared JavaScript rollup (shared/budget overview(), which the CLI and steering sheets use)
 * gives over the same lines and spend, and what plain SQL sums over the tables give; trashed lines
 * and spend count nowhere.
 */
import { describe, expect, it } from 'vitest';
import { seedExample } from '../../electron/core/demo/seed';
import { scaleExample } from '../../electron/core/demo/scale';
import { budgetFacts, getRules, overviewOf, reachedParticipants } from '../../electron/core/db/queries/budget';
import { budgetMirrorDifferences } from '../../electron/core/db/queries/budget-mirror';
import { measurementValue } from '../../electron/core/db/queries/results';
import { reachedPerYear, sumParticipants } from '../../shared/participants';
import type { MeasurementValue } from '../../shared/results/types';
import { makeCore } from './helpers';

describe('budget overview in SQL', () => {
  it('equals the JavaScript rollup and raw SQL sums to the cent, without trashed lines or spend', async () => {
    const { app, call } = await makeCore();
    const ws = app.requireWorkspace();
    await seedExample(ws.db);
    scaleExample(ws.sqlite, 3);
    const q = ws.sqlite;
    const programmeId = (q.prepare("SELECT id FROM programme WHERE status = 'lopend'").get() as { id: string }).id;
    // Trash one line (with its spend) and one spend entry of another line, the way the Prullenbak does.
    const lines = q.prepare('SELECT bl.id FROM budget_line bl JOIN measure m ON m.id = bl.measure_id WHERE m.programme_id = ? AND bl.id IN (SELECT budget_line_id FROM spend) ORDER BY bl.id').all(programmeId) as { id: string }[];
    q.prepare("UPDATE budget_line SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").run(lines[0]!.id);
    q.prepare("UPDATE spend SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = (SELECT id FROM spend WHERE budget_line_id = ? LIMIT 1)").run(lines[1]!.id);

    // A reached count that is not a whole number must come through the JSON the query builds unchanged.
    q.prepare(
      "UPDATE measurement SET value = 0.1 + 0.2, numerator = NULL, denominator = NULL WHERE id = (SELECT x.id FROM measurement x JOIN indicator i ON i.id = x.indicator_id WHERE i.builtin = 'deelnemers' AND x.deleted_at IS NULL ORDER BY x.id LIMIT 1)",
    ).run();
    // The overview reads the lines' mirror: after these writes it equals a fresh computation, row for row.
    expect(budgetMirrorDifferences(q)).toEqual([]);

    const o = await call('budget.overview', { programmeId });
    const p = q.prepare('SELECT period_start AS s, period_end AS e, awarded_cents AS a FROM programme WHERE id = ?').get(programmeId) as { s: string; e: string; a: number | null };
    const js = overviewOf(await budgetFacts(ws.db, programmeId), await getRules(ws.db, programmeId), { start: p.s, end: p.e }, p.a);
    expect(o.matrix.length).toBeGreaterThan(10);

    const noIds = <T extends { lineIds?: string[] }>(gs: T[]) => gs.map(({ lineIds: _l, ...g }) => g);
    expect(o.total).toEqual(js.o.total);
    expect(o.years).toEqual(js.o.years);
    expect(o.byYear).toEqual(noIds(js.byYear));
    expect(o.byFundingSource).toEqual(noIds(js.byFundingSource));
    expect(o.byCategory).toEqual(noIds(js.byCategory));
    expect(o.byPartner).toEqual(noIds(js.byPartner));
    expect(o.vrijval).toEqual(js.o.vrijval);
    expect([...o.overspentLineIds].sort()).toEqual([...js.o.overspentLineIds].sort());
    expect(await call('budget.checks', { programmeId })).toEqual(js.checks);
    expect(o.matrix).toEqual(js.o.matrix.map((r) => ({ measureId: r.measureId, cells: Object.values(r.cells).map((c) => ({ key: c.key, plannedCents: c.plannedCents, realisedCents: c.realisedCents })) })));
    const figures = new Map(js.o.measures.map((m) => [m.measureId, m]));
    for (const m of o.measures) {
      const { measureId: _m, cofinLineIds, ...f } = figures.get(m.id)!;
      expect(m).toMatchObject(f);
      expect(m.cofinLineCount).toBe(cofinLineIds.length);
    }
    // The co-financing figure links by filter (measure + cofin) to exactly the lines behind it.
    const withCofin = o.measures.find((m) => m.cofinLineCount > 1)!;
    const cofinLines = await call('budgetLine.list', { programmeId, measureId: withCofin.id, cofin: true });
    expect(cofinLines.map((l) => l.id).sort()).toEqual([...figures.get(withCofin.id)!.cofinLineIds].sort());
    expect(cofinLines.reduce((s, l) => s + l.plannedCents, 0)).toBe(withCofin.cofinCents);
    // The Begrotingsregels tab asks a page at a time with the same filter.
    const page = await call('budgetLine.page', { programmeId, measureId: withCofin.id, cofin: true });
    expect([page.total, page.plannedCents]).toEqual([withCofin.cofinLineCount, withCofin.cofinCents]);

    // Raw SQL: planned and realised per measure and year straight from the tables.
    const raw = q
      .prepare(
        `SELECT bl.measure_id AS measureId, bl.year AS key, sum(bl.planned_cents) AS plannedCents,
           sum((SELECT coalesce(sum(s.amount_cents), 0) FROM spend s WHERE s.budget_line_id = bl.id AND s.deleted_at IS NULL)) AS realisedCents
         FROM budget_line bl JOIN measure m ON m.id = bl.measure_id WHERE m.programme_id = ? AND bl.deleted_at IS NULL AND m.deleted_at IS NULL
         GROUP BY bl.measure_id, bl.year ORDER BY bl.measure_id, bl.year`,
      )
      .all(programmeId);
    const cells = o.matrix.flatMap((r) => r.cells.map((c) => ({ measureId: r.measureId, ...c }))).sort((a, b) => a.measureId.localeCompare(b.measureId) || a.key - b.key);
    expect(cells).toEqual(raw);
    expect(cells.reduce((s, c) => s + c.realisedCents, 0)).toBe(o.total.realisedCents);
    expect(cells.some((c) => c.measureId === lines[0]!.id)).toBe(false);

    // The facts' realised sums (from the mirror) equal the spend summed per line straight from the table.
    const rawPerLine = q
      .prepare('SELECT budget_line_id AS lineId, sum(amount_cents) AS cents FROM spend WHERE deleted_at IS NULL GROUP BY budget_line_id')
      .all() as { lineId: string; cents: number }[];
    const facts = await budgetFacts(ws.db, programmeId);
    const live = new Set(facts.lines.map((l) => l.id));
    expect(facts.spend.map((f) => [f.lineId, f.cents]).sort()).toEqual(rawPerLine.filter((r) => live.has(r.lineId)).map((r) => [r.lineId, r.cents]).sort());

    // Reached participants: the shared rule over the measurements read row by row gives what the channel shows.
    const rows = q
      .prepare(
        `SELECT x.id, x.indicator_id AS indicatorId, x.date, x.period_kind AS periodKind, x.period_start AS periodStart, x.period_end AS periodEnd, x.value, x.numerator, x.denominator,
           x.categories, x.status, x.recorded_at AS recordedAt, a.measure_id AS measureId
         FROM measurement x JOIN indicator i ON i.id = x.indicator_id JOIN activity a ON a.id = i.activity_id JOIN measure m ON m.id = a.measure_id
         WHERE i.builtin = 'deelnemers' AND x.deleted_at IS NULL AND i.deleted_at IS NULL AND a.deleted_at IS NULL AND m.deleted_at IS NULL AND m.programme_id = ?`,
      )
      .all(programmeId) as (Parameters<typeof measurementValue>[0] & { indicatorId: string; measureId: string })[];
    const perIndicator = new Map<string, { measureId: string; ms: MeasurementValue[] }>();
    for (const r of rows) {
      const g = perIndicator.get(r.indicatorId) ?? { measureId: r.measureId, ms: [] };
      g.ms.push(measurementValue(r));
      perIndicator.set(r.indicatorId, g);
    }
    const perMeasure = new Map<string, { schoolYear: string; count: number }[][]>();
    for (const g of perIndicator.values()) perMeasure.set(g.measureId, [...(perMeasure.get(g.measureId) ?? []), reachedPerYear(g.ms)]);
    const expected = new Map([...perMeasure].flatMap(([m, ls]) => (sumParticipants(ls).perYear.length ? [[m, sumParticipants(ls).total] as const] : [])));
    expect([...expected.values()].some((v) => !Number.isInteger(v))).toBe(true);
    expect(new Map([...(await reachedParticipants(ws.db, programmeId))].sort())).toEqual(new Map([...expected].sort()));
    for (const m of o.measures) expect(m.reachedParticipants).toBe(expected.get(m.id) ?? null);
  }, 60_000);
});
