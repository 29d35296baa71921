/**
 * The results overview's bulk path (issue 13): programmeResults loads a whole programme's
 * indicators, targets and measurements in a few queries and judges each indicator without building
 * its full view. It must say exactly what the per-indicator path (indicator.get, the indicator's
 * own screen) says: status, latest value, the target compared, the counted measurement's numbers
 * and every attention reason, for every indicator of the example region and of three copies of it.
 */
import { describe, expect, it } from 'vitest';
import { seedExample } from '../../electron/core/demo/seed';
import { scaleExample } from '../../electron/core/demo/scale';
import { indicatorView, programmeResults, programmesResults, programmeViews, type IndicatorResult } from '../../electron/core/db/queries/results';
import { buildSteeringWorkbook, steeringSheets, type SteeringContext } from '../../electron/core/excel/steering';
import { newWorkbook } from '../../electron/core/excel/workspace-book';
import { workspaceRegion } from '../../electron/core/excel/info';
import type { WorkbookWriter } from '../../electron/core/excel/xlsx/writer';
import type { IndicatorView } from '../../shared/schemas/results';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';
import { makeCore, pinToday } from './helpers';

async function compareAll(scale: number, today: string) {
  pinToday(WRITTEN_ON);
  const { app } = await makeCore();
  const ws = app.requireWorkspace();
  await seedExample(ws.db);
  if (scale > 1) scaleExample(ws.sqlite, scale);
  pinToday(today);
  let compared = 0;
  const kinds = new Set<string>();
  for (const p of await ws.db.selectFrom('programme').select('id').execute()) {
    const bulk = (await programmeResults(ws.db, p.id))!;
    const full = (await programmeViews(ws.db, p.id))!;
    // The same tree, the same counts and the same attention list as from full views.
    const ids = (r: typeof bulk | typeof full) => r.measures.map((m) => [m.id, m.counts, m.indicators.map((v) => v.id), m.activities.map((a) => [a.id, a.counts, a.indicators.map((v) => v.id)])]);
    expect(ids(bulk)).toEqual(ids(full));
    expect(bulk.counts).toEqual(full.counts);
    expect(bulk.attention).toEqual(full.attention);
    for (const m of bulk.measures)
      for (const v of [...m.indicators, ...m.activities.flatMap((a) => a.indicators)]) {
        // The per-indicator path: its own queries, its full view.
        const one = (await indicatorView(ws.db, v.id))!;
        expect(v.evaluation, v.name).toEqual(one.evaluation);
        expect(v.attention, v.name).toEqual(one.attention);
        expect(v.target, v.name).toEqual(one.targets.find((x) => x.id === one.evaluation.targetId) ?? null);
        const counted = one.measurements.find((x) => x.counts && one.evaluation.latest && x.date === one.evaluation.latest.date && x.period === one.evaluation.latest.period);
        expect(v.counted, v.name).toEqual(counted ? { numerator: counted.numerator, denominator: counted.denominator } : null);
        expect({ ...v, evaluation: undefined, attention: undefined, target: undefined, counted: undefined }).toMatchObject({
          id: one.id, name: one.name, unit: one.unit, parentId: one.parentId, phrase: one.phrase, virtual: one.virtual, baselineValue: one.baselineValue, baselineDate: one.baselineDate,
        });
        for (const a of v.attention) kinds.add(a.kind);
        kinds.add(v.evaluation.status);
        compared++;
      }
  }
  return { compared, kinds };
}

describe('programmeResults (bulk) agrees with the per-indicator views', () => {
  it('every indicator of the example region, on two days', async () => {
    for (const today of [WRITTEN_ON, '2027-03-01']) {
      const { compared, kinds } = await compareAll(1, today);
      expect(compared).toBeGreaterThan(50);
      // The example exercises every status and every attention reason, so each comparison means something.
      expect([...kinds].sort()).toEqual(['aandacht', 'achter', 'behaald', 'categorieen', 'geen_gegevens', 'gemist', 'op_koers', 'voorlopig']);
    }
  });

  it('every indicator of three copies of the example region', async () => {
    const { compared } = await compareAll(3, WRITTEN_ON);
    expect(compared).toBeGreaterThan(150);
  });
});

/** What the steering sheets read of an indicator, taken from its full view as the sheets did before the bulk path. */
function fromView(v: IndicatorView): IndicatorResult {
  const latest = v.evaluation.latest;
  const c = v.measurements.find((x) => x.counts && latest && x.date === latest.date && x.period === latest.period);
  return { ...v, target: v.targets.find((x) => x.id === v.evaluation.targetId) ?? null, counted: c ? { numerator: c.numerator, denominator: c.denominator } : null };
}

const cells = (wb: WorkbookWriter) => wb.sheets.map((s) => ({ name: s.name, rows: s.rows.filter(Boolean).map((r) => r.values) }));

describe('steering workbook on the bulk path', () => {
  it('has exactly the cells it had from full views (example region, three copies, a second region beside them)', async () => {
    pinToday(WRITTEN_ON);
    const { app } = await makeCore();
    const ws = app.requireWorkspace();
    await seedExample(ws.db);
    const at = '2026-11-23T10:00:00.000Z';
    // The example, three copies of its running programme, then a second example region beside it
    // (two programmes with results: the workbook loads all programmes in one pass).
    const steps = [async () => {}, async () => void scaleExample(ws.sqlite, 3), () => seedExample(ws.db)];
    for (const [i, step] of steps.entries()) {
      await step();
      const scale = i === 0 ? 1 : 3;
      const ours = await buildSteeringWorkbook(ws.db, { user: 'Test', source: 'x', at });
      // The reference: the same sheet builders fed from every indicator's full view.
      const wb = newWorkbook(at);
      const ctx: SteeringContext = {
        db: ws.db,
        wb,
        region: (await workspaceRegion(ws.db)).label,
        at,
        user: 'Test',
        results: async (id) => {
          const r = await programmeViews(ws.db, id);
          return r && { ...r, measures: r.measures.map((m) => ({ ...m, indicators: m.indicators.map(fromView), activities: m.activities.map((a) => ({ ...a, indicators: a.indicators.map(fromView) })) })) };
        },
      };
      for (const s of steeringSheets) await s.build(wb.addSheet(s.title), ctx);
      const results = cells(ours).find((s) => s.name === steeringSheets.find((x) => x.name === 'results')!.title)!;
      expect(results.rows.length).toBeGreaterThan(50 * scale);
      expect(cells(ours)).toEqual(cells(wb));
    }
  });
});

describe('programmesResults', () => {
  it('gives each programme what programmeResults gives it alone', async () => {
    pinToday(WRITTEN_ON);
    const { app } = await makeCore();
    const ws = app.requireWorkspace();
    await seedExample(ws.db);
    await seedExample(ws.db);
    const ids = (await ws.db.selectFrom('programme').select('id').execute()).map((p) => p.id);
    const all = await programmesResults(ws.db, [...ids, 'geen-programma']);
    expect([...all.keys()].sort()).toEqual([...ids].sort());
    let withIndicators = 0;
    for (const id of ids) {
      const one = await programmeResults(ws.db, id);
      expect(all.get(id)).toEqual(one);
      if (Object.values(one!.counts).some((n) => n > 0)) withIndicators++;
    }
    expect(withIndicators).toBe(2);
  });
});
