/**
 * `regieboek demo --scale N` (issue 13): the example region N times over, each copy with its own
 * measures, money, indicators and monitoring, so per-measure figures at scale are realistic.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedExample } from '../../electron/core/demo/seed';
import { scaleExample } from '../../electron/core/demo/scale';
import { budgetOverview } from '../../electron/core/db/queries/budget';
import { cli, makeCore, tempDir } from './helpers';

const COPIED = ['programme_line', 'measure', 'activity', 'sub_activity', 'award', 'budget_line', 'spend', 'indicator', 'target', 'measurement', 'monitoring_round', 'monitoring_interview', 'monitoring_answer', 'monitoring_action'];

describe('demo --scale', () => {
  it('copies the records of the running programme with their own ids, codes, money and history; partners stay shared', async () => {
    const { app } = await makeCore();
    const ws = app.requireWorkspace();
    await seedExample(ws.db);
    const { sqlite } = ws;
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const programmeId = (sqlite.prepare("SELECT id FROM programme WHERE status = 'lopend'").get() as { id: string }).id;
    const before = Object.fromEntries([...COPIED, 'organisation', 'contact', 'programme', 'change'].map((tb) => [tb, count(tb)]));
    const money = (await budgetOverview(ws.db, programmeId))!.total;
    const withMoney = () => (sqlite.prepare('SELECT count(DISTINCT coalesce(b.measure_id, a.measure_id)) AS n FROM budget_line b LEFT JOIN activity a ON a.id = b.activity_id').get() as { n: number }).n;
    const measuresWithMoney = withMoney();

    expect(scaleExample(sqlite, 3)).toBeGreaterThan(0);
    for (const tb of COPIED) expect(count(tb), tb).toBe(3 * before[tb]!);
    for (const tb of ['organisation', 'contact', 'programme']) expect(count(tb), tb).toBe(before[tb]);
    expect(count('change')).toBeGreaterThan(2 * before.change!);
    expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // Codes stay unique: copy 2 of line "1" is line "5".
    expect(sqlite.prepare('SELECT code, count(*) AS n FROM activity GROUP BY code HAVING n > 1').all()).toEqual([]);
    expect(sqlite.prepare('SELECT code FROM programme_line ORDER BY CAST(code AS INTEGER)').all().map((r) => (r as { code: string }).code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    // Each copy's money sits on its own measures: three times the measures with budget lines, three times the totals.
    expect(measuresWithMoney).toBeGreaterThan(0);
    expect(withMoney()).toBe(3 * measuresWithMoney);
    const scaled = (await budgetOverview(ws.db, programmeId))!.total;
    expect(scaled.plannedCents).toBe(3 * money.plannedCents);
    expect(scaled.realisedCents).toBe(3 * money.realisedCents);
    // Monitoring interviews point at their own copy's measures, never at the first copy's.
    const copies = "substr(i.id, 29) IN ('00000001', '00000002')";
    expect(sqlite.prepare(`SELECT count(*) AS n FROM monitoring_interview i WHERE ${copies}`).get()).toEqual({ n: 2 * before.monitoring_interview! });
    const foreign = `SELECT count(*) AS n FROM monitoring_interview i JOIN measure m ON m.id = i.measure_id JOIN monitoring_round r ON r.id = i.round_id
      WHERE ${copies} AND (substr(m.id, 29) <> substr(i.id, 29) OR substr(r.id, 29) <> substr(i.id, 29))`;
    expect(sqlite.prepare(foreign).get()).toEqual({ n: 0 });
    // The search index holds the copies too.
    const search = sqlite.prepare("SELECT count(*) AS n FROM search_doc WHERE kind = 'activity'").get();
    expect(search).toEqual({ n: count('activity') });
  });

  it('the CLI refuses a scale that is not a number, in Dutch', async () => {
    const file = path.join(tempDir(), 'groot.regieboek');
    const r = await cli('demo', '--db', file, '--scale', 'veel');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/--scale "veel" is geen geldig aantal/);
  });
});
