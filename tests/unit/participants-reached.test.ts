/**
 * Participants reached, kept per built-in participants indicator (issue 13, migration 0015). The
 * budget overview reads each indicator's outcome from participants_reached and applies the rule
 * only where none is kept. The promise: after any writes, what it shows equals the rule applied
 * afresh to every measurement. Broken on purpose: with a trigger dropped it does not.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedExample } from '../../electron/core/demo/seed';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';
import { reachedParticipants } from '../../electron/core/db/queries/budget';
import { addDays } from '../../shared/results/schoolYear';
import { makeCore, pinToday } from './helpers';

async function example() {
  pinToday(WRITTEN_ON);
  const core = await makeCore();
  const ws = core.app.requireWorkspace();
  await seedExample(ws.db);
  const programmeId = (ws.sqlite.prepare("SELECT id FROM programme WHERE status = 'lopend' ORDER BY period_start DESC LIMIT 1").get() as { id: string }).id;
  return { ...core, ws, programmeId };
}

/** What the overview shows, and what the rule gives over every measurement with nothing kept. */
async function keptAndFresh(ws: Awaited<ReturnType<typeof example>>['ws'], programmeId: string) {
  const kept = await reachedParticipants(ws.db, programmeId);
  const saved = ws.sqlite.prepare('SELECT * FROM participants_reached').all();
  ws.sqlite.exec('DELETE FROM participants_reached');
  const fresh = await reachedParticipants(ws.db, programmeId);
  // Put back what was kept, so the next step starts from it (not from a fresh fill).
  ws.sqlite.exec('DELETE FROM participants_reached');
  const put = ws.sqlite.prepare('INSERT INTO participants_reached (indicator_id, per_year) VALUES (@indicator_id, @per_year)');
  for (const r of saved) put.run(r);
  return { kept: Object.fromEntries([...kept].sort()), fresh: Object.fromEntries([...fresh].sort()) };
}

const measure = (indicatorId: string, date: string, value: number, provisional: boolean) => ({
  indicatorId, date, period: null, value, numerator: null, denominator: null, categories: null,
  status: provisional ? ('voorlopig' as const) : ('definitief' as const), source: 'Registratie', explanation: 'Geteld door de school.', parts: [],
});

describe('participants reached, kept (migration 0015)', () => {
  it('the budget overview reads what it kept, fills what is missing, and equals the rule applied afresh', async () => {
    const { ws, call, programmeId } = await example();
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM participants_reached').get()).toEqual({ n: 0 });
    const first = await call('budget.overview', { programmeId });
    const kept = (ws.sqlite.prepare('SELECT count(*) AS n FROM participants_reached').get() as { n: number }).n;
    expect(kept).toBeGreaterThan(5);
    expect(first.measures.filter((m) => m.reachedParticipants !== null).length).toBeGreaterThan(3);
    expect(await call('budget.overview', { programmeId })).toEqual(first);
    const { kept: k, fresh } = await keptAndFresh(ws, programmeId);
    expect(k).toEqual(fresh);
    // A kept outcome is what is shown: a wrong one shows (so the comparison above means something).
    ws.sqlite.exec(`UPDATE participants_reached SET per_year = '[{"schoolYear":"2025/2026","count":99999}]'`);
    expect(await call('budget.overview', { programmeId })).not.toEqual(first);
  });

  it('with the measurement trigger dropped, a new count leaves the old figure (the triggers keep it right)', async () => {
    for (const drop of [false, true]) {
      const { ws, call, programmeId } = await example();
      await call('budget.overview', { programmeId });
      if (drop) ws.sqlite.exec('DROP TRIGGER participants_reached_measurement_insert');
      const ind = ws.sqlite.prepare("SELECT i.id FROM indicator i JOIN participants_reached k ON k.indicator_id = i.id WHERE i.builtin = 'deelnemers' AND k.per_year <> '[]' LIMIT 1").get() as { id: string };
      await call('measurement.create', measure(ind.id, addDays(WRITTEN_ON, -1), 5000, false));
      const { kept, fresh } = await keptAndFresh(ws, programmeId);
      if (drop) expect(kept).not.toEqual(fresh);
      else expect(kept).toEqual(fresh);
    }
  });

  it('after random counts, deletions, trash, restore, undo and redo the overview equals the rule applied afresh (property)', async () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('count' as const), i: fc.nat(), days: fc.integer({ min: -700, max: 0 }), value: fc.integer({ min: 0, max: 900 }), provisional: fc.boolean() }),
      fc.record({ k: fc.constant('delete' as const), i: fc.nat() }),
      fc.record({ k: fc.constant('trash' as const), kind: fc.constantFrom('indicator', 'activity'), i: fc.nat() }),
      fc.record({ k: fc.constant('restore' as const), i: fc.nat() }),
      fc.record({ k: fc.constantFrom('undo' as const, 'redo' as const) }),
    );
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const { ws, call, dispatch, versionOf, programmeId } = await example();
        const live = (sql: string) => ws.sqlite.prepare(sql).all() as { id: string }[];
        const pick = <T>(xs: T[], i: number) => xs[i % Math.max(1, xs.length)];
        await call('budget.overview', { programmeId });
        for (const o of ops) {
          let r: { ok: boolean } | undefined;
          switch (o.k) {
            case 'count': {
              // A built-in participants indicator, stored or not yet ("deelnemers:<activity>").
              const a = pick(live("SELECT a.id FROM activity a WHERE a.deleted_at IS NULL AND a.planned_participants <> '[]' ORDER BY a.id"), o.i);
              const stored = a && (ws.sqlite.prepare("SELECT id FROM indicator WHERE activity_id = ? AND builtin = 'deelnemers' AND deleted_at IS NULL").get(a.id) as { id: string } | undefined);
              if (a) r = await dispatch('measurement.create', measure(stored ? stored.id : `deelnemers:${a.id}`, addDays(WRITTEN_ON, o.days), o.value, o.provisional));
              break;
            }
            case 'delete': {
              const m = pick(live("SELECT x.id FROM measurement x JOIN indicator i ON i.id = x.indicator_id WHERE i.builtin = 'deelnemers' AND x.deleted_at IS NULL ORDER BY x.id"), o.i);
              if (m) r = await dispatch('measurement.delete', { id: m.id, rowVersion: versionOf('measurement', m.id) });
              break;
            }
            case 'trash': {
              const x = pick(live(o.kind === 'indicator' ? "SELECT id FROM indicator WHERE deleted_at IS NULL AND builtin = 'deelnemers' ORDER BY id" : 'SELECT id FROM activity WHERE deleted_at IS NULL ORDER BY id'), o.i);
              if (x) r = await dispatch(`${o.kind}.delete`, { id: x.id, rowVersion: versionOf(o.kind, x.id) });
              break;
            }
            case 'restore': {
              const items = await call('trash.list');
              if (items.length) r = await dispatch('trash.restore', { changeSetId: pick(items, o.i)!.changeSetId });
              break;
            }
            case 'undo':
            case 'redo': {
              r = await dispatch(o.k === 'undo' ? 'history.undo' : 'history.redo', {});
              if (r.ok && (r as unknown as { value: { status: string } }).value.status === 'confirm')
                r = await dispatch(o.k === 'undo' ? 'history.undo' : 'history.redo', { changeSetId: (r as unknown as { value: { changeSetId: number } }).value.changeSetId });
              break;
            }
          }
          if (r?.ok) applied++;
          await call('budget.overview', { programmeId });
        }
        const { kept, fresh } = await keptAndFresh(ws, programmeId);
        expect(kept).toEqual(fresh);
      }),
      { numRuns: Number(process.env.REACHED_RUNS ?? 10) },
    );
    // The writes took effect (a property over refused writes would prove nothing).
    expect(applied).toBeGreaterThan(10);
  }, 300_000);
});
