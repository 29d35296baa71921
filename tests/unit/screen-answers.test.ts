/**
 * Screens ask for what they show (issue 13): on a region five times the example, the results
 * overview comes as indicator summaries a page of measures at a time, the budget overview without
 * the ids of every line, and each answer stays far below 1 MB.
 */
import { describe, expect, it } from 'vitest';
import { seedExample } from '../../electron/core/demo/seed';
import { scaleExample } from '../../electron/core/demo/scale';
import { RESULTS_ATTENTION, RESULTS_PAGE } from '../../shared/schemas/results';
import { makeCore } from './helpers';

describe('answers of the main screens on a big region', () => {
  it('results overview: summaries, pages of measures, one measure on request; budget without line ids; all small', async () => {
    const { app, call } = await makeCore();
    const ws = app.requireWorkspace();
    await seedExample(ws.db);
    scaleExample(ws.sqlite, 5);
    const programmeId = (ws.sqlite.prepare("SELECT id FROM programme WHERE status = 'lopend'").get() as { id: string }).id;
    const measures = (ws.sqlite.prepare('SELECT count(*) AS n FROM measure WHERE programme_id = ? AND deleted_at IS NULL').get(programmeId) as { n: number }).n;
    expect(measures).toBeGreaterThan(RESULTS_PAGE);

    const first = await call('results.forProgramme', { programmeId });
    expect(first).toMatchObject({ measureCount: measures, page: 0, pageSize: RESULTS_PAGE });
    expect(first.measures).toHaveLength(RESULTS_PAGE);
    const ind = first.measures.flatMap((m) => [...m.indicators, ...m.activities.flatMap((a) => a.indicators)])[0]!;
    expect(ind).not.toHaveProperty('measurements');
    expect(ind).not.toHaveProperty('targets');
    expect(ind.evaluation).toHaveProperty('status');
    expect(first.attention.length).toBeLessThanOrEqual(RESULTS_ATTENTION);
    expect(first.attentionCount).toBeGreaterThanOrEqual(first.attention.length);
    // Counts are over the whole programme, not the page.
    const total = Object.values(first.counts).reduce((a, b) => a + b, 0);
    const onPage = first.measures.reduce((n, m) => n + Object.values(m.counts).reduce((a, b) => a + b, 0), 0);
    expect(total).toBeGreaterThan(onPage);

    const last = await call('results.forProgramme', { programmeId, page: 1 });
    expect(last.measures).toHaveLength(measures - RESULTS_PAGE);
    expect(new Set([...first.measures, ...last.measures].map((m) => m.id)).size).toBe(measures);
    const one = await call('results.forProgramme', { programmeId, measureId: last.measures[3]!.id });
    expect(one.measures.map((m) => m.id)).toEqual([last.measures[3]!.id]);
    // The full view of an indicator is one call away.
    const full = await call('indicator.get', { id: ind.id });
    expect(full).toHaveProperty('measurements');
    expect(full).toHaveProperty('targets');
    expect(full.id).toBe(ind.id);

    const budget = await call('budget.overview', { programmeId });
    expect(budget.matrix[0]!.cells[0]).not.toHaveProperty('lineIds');
    expect(budget.byYear[0]).not.toHaveProperty('lineIds');

    // The programme page: lines and measures with counts, activities only of the measures opened.
    const outline = await call('tree.outline', { programmeId });
    expect(outline.lines.flatMap((l) => l.measures)).toHaveLength(measures);
    expect(outline.lines[0]!.measures[0]).not.toHaveProperty('activities');
    const opened = outline.lines[0]!.measures.find((m) => m.shape === 'measure')!;
    const activities = await call('tree.activities', { programmeId, measureIds: [opened.id] });
    expect(activities).toHaveLength(opened.activityCount);
    expect(new Set(activities.map((a) => a.measureId))).toEqual(new Set([opened.id]));
    // The budget matrix: two sums per cell, and per measure a count of co-financing lines, not their ids.
    expect(Object.keys(budget.matrix[0]!.cells[0]!).sort()).toEqual(['key', 'plannedCents', 'realisedCents']);
    expect(budget.measures[0]).not.toHaveProperty('cofinLineIds');

    const size = (x: unknown) => JSON.stringify(x).length;
    const all = await call('tree.activities', { programmeId, measureIds: outline.lines.flatMap((l) => l.measures.map((m) => m.id)) });
    // Per measure and per activity row a few hundred bytes: 80 times the example stays under 1 MB.
    expect(size(outline) / measures).toBeLessThan(400);
    expect(size(all) / all.length).toBeLessThan(300);
    for (const answer of [first, last, budget, outline, all, await call('search.all', { query: 'verzuim' })]) expect(size(answer)).toBeLessThan(1_000_000);
  }, 60_000);
});
