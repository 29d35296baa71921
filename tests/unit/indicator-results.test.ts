/**
 * Kept judgements (issue 13, migration 0014): the results overview reads each indicator's status
 * from indicator_result instead of judging every indicator on every call. Two promises make that
 * safe, and each is tested by breaking it:
 * 1. A judgement kept on a day holds on every later day before nextChange (the same rows judged on
 *    any of those days give the same result), and each reason nextChange lists is needed.
 * 2. After any writes (through the handlers, undo, redo, trash, restore, a day passing) the overview
 *    shows exactly what judging every indicator from its full view shows; with one trigger dropped,
 *    it does not.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seedExample } from '../../electron/core/demo/seed';
import { scaleExample } from '../../electron/core/demo/scale';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';
import {
  changeDays,
  judgeOn,
  measurementValue,
  NO_CHANGE,
  programmeResults,
  programmeRowsForJudging,
  programmeViews,
  toRevision,
  type ChangeReason,
} from '../../electron/core/db/queries/results';
import { addDays } from '../../shared/results/schoolYear';
import { programmeSummary, RESULTS_PAGE, type ProgrammeSummary } from '../../shared/schemas/results';
import { ActivityUpdate } from '../../shared/schemas/tree';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cli, makeCore, pinToday, settledSha, tempDir } from './helpers';

type Core = Awaited<ReturnType<typeof makeCore>>;

async function example(today = WRITTEN_ON) {
  pinToday(WRITTEN_ON);
  const core = await makeCore();
  await seedExample(core.app.requireWorkspace().db);
  pinToday(today);
  const programmeId = (core.app.requireWorkspace().sqlite.prepare("SELECT id FROM programme WHERE status = 'lopend' ORDER BY period_start DESC LIMIT 1").get() as { id: string }).id;
  return { ...core, programmeId };
}

/** What judging every indicator from its full view (no kept judgements) shows on the overview's pages. */
async function oracle(core: Core, programmeId: string): Promise<ProgrammeSummary[]> {
  const full = (await programmeViews(core.app.requireWorkspace().db, programmeId))!;
  const pages = Math.max(1, Math.ceil(full.measures.length / RESULTS_PAGE));
  return Array.from({ length: pages }, (_, page) => programmeSummary(full, { page }));
}

async function overview(core: Core, programmeId: string): Promise<ProgrammeSummary[]> {
  const first = await core.call('results.forProgramme', { programmeId });
  const pages = Math.max(1, Math.ceil(first.measureCount / RESULTS_PAGE));
  const out = [first];
  for (let page = 1; page < pages; page++) out.push(await core.call('results.forProgramme', { programmeId, page }));
  return out;
}

describe('a kept judgement holds until nextChange', () => {
  const startDays = [WRITTEN_ON, '2025-09-15', '2027-03-01'];

  it('judging the same rows on every day before nextChange gives the same result; each reason of changeDays is needed', async () => {
    const { app, programmeId, call } = await example();
    const db = app.requireWorkspace().db;
    // One indicator that only a provisional value turning a year old changes: a programme-long
    // target, moments only at its end, one provisional value well inside it.
    const activityId = (app.requireWorkspace().sqlite.prepare('SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = ? AND a.deleted_at IS NULL LIMIT 1').get(programmeId) as { id: string }).id;
    const p = await call('programme.get', { id: programmeId });
    const ind = await call('indicator.create', {
      activityId, measureId: null, name: 'Voorlopig blijft staan', description: '', unit: 'aantal', freeUnit: '', direction: 'hoger', aggregation: 'niveau', dataSource: '',
      momentKind: 'jaarlijks', momentDates: [p.periodEnd.slice(5)], categories: [], baselineValue: 10, baselineDate: p.periodStart, baselineSource: '', baselineNote: '',
    });
    await call('target.create', { indicatorId: ind.id, schoolYear: null, periodStart: p.periodStart, periodEnd: p.periodEnd, kind: 'exact', value: 20, min: null, max: null, percent: null });
    await call('measurement.create', { indicatorId: ind.id, date: addDays(WRITTEN_ON, -200), period: `${p.periodStart}/${p.periodEnd}`, value: 30, numerator: null, denominator: null, categories: null, status: 'voorlopig', source: '', explanation: '', parts: [] });
    const { ctx, rows } = (await programmeRowsForJudging(db, programmeId))!;
    expect(rows.length).toBeGreaterThan(50);
    // Per reason: an indicator whose judgement changes before the next day of the other reasons
    // (so a nextChange without that reason would keep a wrong judgement).
    const needed = new Set<ChangeReason>();
    let checkedDays = 0;
    for (const start of startDays) {
      for (const x of rows) {
        const on = (day: string) => judgeOn(x, { ...ctx, today: day });
        const first = on(start);
        const days = changeDays(x.row, x.targets.map(toRevision), x.measurements.map(measurementValue), { ...ctx, today: start });
        const next = (without?: ChangeReason) => days.filter((d) => d.reason !== without && d.day > start).reduce((m, d) => (d.day < m ? d.day : m), NO_CHANGE);
        expect(first.validUntil).toBe(next());
        // Every day up to a year and a half on, or up to nextChange.
        const horizon = addDays(start, 550);
        let changedOn: string | null = null;
        for (let d = addDays(start, 1); d <= horizon; d = addDays(d, 1)) {
          const same = JSON.stringify(on(d).result) === JSON.stringify(first.result);
          if (d < first.validUntil) {
            expect(same, `${x.row.name} (${x.row.id}) on ${d}, kept on ${start} until ${first.validUntil}`).toBe(true);
            checkedDays++;
          } else if (!same) {
            changedOn = d;
            break;
          }
        }
        if (changedOn)
          for (const reason of ['meting', 'voorlopig', 'streefwaarde', 'moment'] as const) if (next(reason) > changedOn) needed.add(reason);
      }
    }
    expect(checkedDays).toBeGreaterThan(10_000);
    expect([...needed].sort()).toEqual(['meting', 'moment', 'streefwaarde', 'voorlopig']);
  }, 120_000);
});

describe('the overview from kept judgements', () => {
  it('shows what full views show, on the first call and from kept judgements, and keeps one judgement per indicator', async () => {
    const core = await example();
    const sqlite = core.app.requireWorkspace().sqlite;
    expect((sqlite.prepare('SELECT count(*) AS n FROM indicator_result').get() as { n: number }).n).toBe(0);
    const want = await oracle(core, core.programmeId);
    expect(await overview(core, core.programmeId)).toEqual(want);
    const kept = (sqlite.prepare('SELECT count(*) AS n FROM indicator_result').get() as { n: number }).n;
    const shown = want.flatMap((p) => p.measures.flatMap((m) => [...m.indicators, ...m.activities.flatMap((a) => a.indicators)])).length;
    expect(kept).toBe(shown);
    expect(sqlite.prepare('SELECT programme_id FROM indicator_result_state').all()).toEqual([{ programme_id: core.programmeId }]);
    // Again, from what was kept (nothing judged: a broken kept row would show).
    expect(await overview(core, core.programmeId)).toEqual(want);
    sqlite.prepare("UPDATE indicator_result SET summary = replace(summary, '\"status\":\"achter\"', '\"status\":\"behaald\"'), status = 'behaald' WHERE status = 'achter'").run();
    expect(await overview(core, core.programmeId)).not.toEqual(want);
  });

  it('a big programme judged at once on its first call (the whole programme read as one set) shows what full views show', async () => {
    const core = await example();
    scaleExample(core.app.requireWorkspace().sqlite, 20);
    const sqlite = core.app.requireWorkspace().sqlite;
    const want = await oracle(core, core.programmeId);
    expect(want.length).toBeGreaterThan(5);
    expect(await overview(core, core.programmeId)).toEqual(want);
    expect((sqlite.prepare('SELECT count(*) AS n FROM indicator_result').get() as { n: number }).n).toBeGreaterThan(1000);
  }, 60_000);

  it('with a trigger dropped, a new measurement leaves a wrong status (the triggers are what keeps it right)', async () => {
    const core = await example();
    const sqlite = core.app.requireWorkspace().sqlite;
    await overview(core, core.programmeId);
    // An indicator whose status a new low value changes.
    const ind = sqlite
      .prepare("SELECT r.indicator_id AS id FROM indicator_result r JOIN indicator i ON i.id = r.indicator_id WHERE r.status IN ('behaald', 'op_koers') AND i.direction = 'hoger' AND i.unit = 'aantal' AND i.builtin IS NULL LIMIT 1")
      .get() as { id: string };
    expect(ind).toBeDefined();
    sqlite.exec('DROP TRIGGER indicator_result_measurement_insert');
    await core.call('measurement.create', { indicatorId: ind.id, date: WRITTEN_ON, period: null, value: 0, numerator: null, denominator: null, categories: null, status: 'definitief', source: '', explanation: 'Gemeten door de school.', parts: [] });
    const want = await oracle(core, core.programmeId);
    expect(await overview(core, core.programmeId)).not.toEqual(want);
  });

  it('a measure moved to another programme outside the screens (an edited file) is judged in its new context, and is not without the measure trigger', async () => {
    const scenario = async (dropTrigger: boolean) => {
      const core = await example();
      const sqlite = core.app.requireWorkspace().sqlite;
      if (dropTrigger) sqlite.exec('DROP TRIGGER indicator_result_measure_change');
      const other = (sqlite.prepare('SELECT id FROM programme WHERE id <> ? AND deleted_at IS NULL ORDER BY period_start LIMIT 1').get(core.programmeId) as { id: string }).id;
      await overview(core, core.programmeId);
      await overview(core, other);
      const m = sqlite.prepare('SELECT DISTINCT a.measure_id AS id FROM indicator_result r JOIN activity a ON a.id = r.owner_id LIMIT 1').get() as { id: string };
      sqlite.prepare('UPDATE measure SET programme_id = ?, line_id = NULL WHERE id = ?').run(other, m.id);
      return {
        shown: [await overview(core, core.programmeId), await overview(core, other)],
        want: [await oracle(core, core.programmeId), await oracle(core, other)],
      };
    };
    const right = await scenario(false);
    expect(right.shown).toEqual(right.want);
    const broken = await scenario(true);
    expect(broken.shown).not.toEqual(broken.want);
  });

  it('a day past a kept judgement\'s nextChange judges it again', async () => {
    const core = await example();
    const sqlite = core.app.requireWorkspace().sqlite;
    await overview(core, core.programmeId);
    const soonest = (sqlite.prepare('SELECT min(valid_until) AS d FROM indicator_result').get() as { d: string }).d;
    expect(soonest < NO_CHANGE).toBe(true);
    pinToday(soonest);
    expect(await overview(core, core.programmeId)).toEqual(await oracle(core, core.programmeId));
    // Broken on purpose: judgements said to hold for ever are shown on a later day, wrongly.
    pinToday(WRITTEN_ON);
    sqlite.exec('DELETE FROM indicator_result; DELETE FROM indicator_result_state');
    await overview(core, core.programmeId);
    sqlite.exec(`UPDATE indicator_result SET valid_until = '${NO_CHANGE}'; UPDATE indicator_result_state SET valid_until = '${NO_CHANGE}'`);
    pinToday('2028-09-01');
    expect(await overview(core, core.programmeId)).not.toEqual(await oracle(core, core.programmeId));
  });
});

describe('a file opened read-only', () => {
  it('the CLI\'s steering export judges without keeping: the file is unchanged to the byte and keeps no judgement', async () => {
    const core = await example();
    const file = core.app.requireWorkspace().path;
    await core.app.close();
    const before = settledSha(file);
    const out = path.join(tempDir(), 'stuurgroep.xlsx');
    const r = await cli('export', '--db', file, '--kind', 'steering', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(settledSha(file)).toBe(before);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM indicator_result').get()).toEqual({ n: 0 });
    db.close();
  });
});

/** Random writes as the screens send them. */
const op = fc.oneof(
  fc.record({ k: fc.constant('measurement' as const), i: fc.nat(), days: fc.integer({ min: -900, max: 400 }), value: fc.integer({ min: 0, max: 3000 }), provisional: fc.boolean() }),
  fc.record({ k: fc.constant('deleteMeasurement' as const), i: fc.nat() }),
  fc.record({ k: fc.constant('target' as const), i: fc.nat(), value: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ k: fc.constant('planned' as const), i: fc.nat(), count: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ k: fc.constant('trash' as const), kind: fc.constantFrom('indicator', 'activity', 'measure'), i: fc.nat() }),
  fc.record({ k: fc.constant('restore' as const), i: fc.nat() }),
  fc.record({ k: fc.constantFrom('undo' as const, 'redo' as const) }),
  fc.record({ k: fc.constant('thresholds' as const), onTrack: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ k: fc.constant('day' as const), days: fc.integer({ min: 1, max: 400 }) }),
);

describe('the overview agrees with full views after random writes, undo, redo, trash, restore and days passing (property)', () => {
  it('every page, the counts and the attention list', async () => {
    const applied = new Map<string, number>();
    const count = (k: string, r: { ok: boolean } | undefined) => void (r?.ok && applied.set(k, (applied.get(k) ?? 0) + 1));
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const core = await example();
        const { call, dispatch, versionOf, programmeId } = core;
        const sqlite = core.app.requireWorkspace().sqlite;
        const live = (sql: string) => sqlite.prepare(sql).all() as { id: string }[];
        const pick = <T>(xs: T[], i: number) => xs[i % Math.max(1, xs.length)];
        let day = WRITTEN_ON;
        // The kept judgements are in use from the start, as in the app.
        await overview(core, programmeId);
        for (const o of ops) {
          switch (o.k) {
            case 'measurement': {
              const ind = pick(live("SELECT id FROM indicator WHERE deleted_at IS NULL AND builtin IS NULL AND parent_id IS NULL AND unit IN ('aantal', 'percentage') ORDER BY id"), o.i);
              if (ind) count(o.k, await dispatch('measurement.create', { indicatorId: ind.id, date: addDays(day, o.days), period: null, value: o.value / 100, numerator: null, denominator: null, categories: null, status: o.provisional ? 'voorlopig' : 'definitief', source: '', explanation: 'Gemeten door de school.', parts: [] }));
              break;
            }
            case 'deleteMeasurement': {
              const m = pick(live('SELECT id FROM measurement WHERE deleted_at IS NULL ORDER BY id'), o.i);
              if (m) count(o.k, await dispatch('measurement.delete', { id: m.id, rowVersion: versionOf('measurement', m.id) }));
              break;
            }
            case 'target': {
              const t = pick(live('SELECT id FROM target WHERE deleted_at IS NULL AND id NOT IN (SELECT supersedes_id FROM target WHERE supersedes_id IS NOT NULL) ORDER BY id'), o.i);
              if (t) count(o.k, await dispatch('target.revise', { id: t.id, rowVersion: versionOf('target', t.id), kind: 'exact', value: o.value / 100, min: null, max: null, percent: null, reason: 'Bijgesteld', decisionDate: day }));
              break;
            }
            case 'planned': {
              const a = pick(live('SELECT id FROM activity WHERE deleted_at IS NULL ORDER BY id'), o.i);
              if (a) {
                const act = await call('activity.get', { id: a.id });
                const years = act.plannedParticipants.length ? act.plannedParticipants : [{ schoolYear: '2025/2026', count: 0 }];
                const { id: _id, rowVersion, ...rest } = act as unknown as Record<string, unknown> & { id: string; rowVersion: number };
                void _id;
                count(o.k, await dispatch('activity.update', { ...pickUpdate(rest), id: a.id, rowVersion, plannedParticipants: o.count ? years.map((y) => ({ ...y, count: o.count })) : [] }));
              }
              break;
            }
            case 'trash': {
              const table = o.kind;
              const r = pick(live(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id`), o.i);
              if (r) count(`trash ${table}`, await dispatch(`${table}.delete`, { id: r.id, rowVersion: versionOf(table, r.id) }));
              break;
            }
            case 'restore': {
              const items = await call('trash.list');
              if (items.length) count(o.k, await dispatch('trash.restore', { changeSetId: pick(items, o.i)!.changeSetId }));
              break;
            }
            case 'undo':
            case 'redo': {
              const r = await dispatch(o.k === 'undo' ? 'history.undo' : 'history.redo', {});
              if (r.ok && (r.value as { status: string }).status === 'confirm') count(o.k, await dispatch(o.k === 'undo' ? 'history.undo' : 'history.redo', { changeSetId: (r.value as { changeSetId: number }).changeSetId }));
              else count(o.k, r);
              break;
            }
            case 'thresholds':
              count(o.k, await dispatch('results.thresholds', { programmeId, onTrackMargin: o.onTrack, attentionMargin: o.onTrack + 10 }));
              break;
            case 'day':
              day = addDays(day, o.days);
              pinToday(day);
              break;
          }
          // Between writes the screen is looked at (so kept judgements are in play for the next write).
          await call('results.forProgramme', { programmeId });
        }
        expect(await overview(core, programmeId)).toEqual(await oracle(core, programmeId));
        // The steering workbook's whole results agree too (the status of each indicator).
        const kept = (await programmeResults(core.app.requireWorkspace().db, programmeId))!;
        const full = (await programmeViews(core.app.requireWorkspace().db, programmeId))!;
        type Judged = { id: string; evaluation: unknown; attention: unknown };
        const statuses = (r: { measures: { indicators: Judged[]; activities: { indicators: Judged[] }[] }[] }) =>
          r.measures.flatMap((m) => [...m.indicators, ...m.activities.flatMap((a) => a.indicators)].map((v) => [v.id, v.evaluation, v.attention]));
        expect(statuses(kept)).toEqual(statuses(full));
      }),
      { numRuns: Number(process.env.RESULT_RUNS ?? 12) },
    );
    // The writes took effect (a property over refused writes would prove nothing).
    console.log('toegepast:', JSON.stringify(Object.fromEntries(applied)));
    expect([...applied.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(Number(process.env.RESULT_RUNS ?? 12) * 2);
  }, 300_000);
});

/** The fields activity.update takes, from what activity.get gives. */
function pickUpdate(a: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set(Object.keys(ActivityUpdate.shape));
  return Object.fromEntries(Object.entries(a).filter(([k]) => keys.has(k)));
}
