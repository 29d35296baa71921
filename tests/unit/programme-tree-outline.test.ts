/**
 * The programme page asks for its tree in parts (issue 13): tree.outline gives lines and measures
 * with counts, tree.activities the activities of the measures the user opens. Together they must
 * show exactly what the whole tree (tree.get) filtered by the shared rule (filterTree) shows, for
 * every partner, target group and status in the example region, and trashed items count nowhere.
 */
import { describe, expect, it } from 'vitest';
import { seedExample } from '../../electron/core/demo/seed';
import { filterTree, noFilters, targetGroupsIn, type TreeFilters } from '../../shared/tree-filter';
import { ITEM_STATUSES, holdsOneActivity } from '../../shared/schemas/tree';
import { makeCore } from './helpers';

describe('the programme tree in parts', () => {
  it('outline + activities of the open measures = the whole tree filtered, for every filter value', async () => {
    const { app, call, versionOf } = await makeCore();
    const ws = app.requireWorkspace();
    await seedExample(ws.db);
    const programmeId = (ws.sqlite.prepare("SELECT id FROM programme WHERE status = 'lopend'").get() as { id: string }).id;
    // One activity in the Prullenbak: it must not be counted or listed.
    const full0 = await call('tree.get', { programmeId });
    const gone = full0.lines[0]!.measures.find((m) => m.activities.length > 1)!.activities[0]!;
    await call('activity.delete', { id: gone.id, rowVersion: versionOf('activity', gone.id) });
    const full = await call('tree.get', { programmeId });

    const outline = await call('tree.outline', { programmeId });
    expect(outline.targetGroups).toEqual(targetGroupsIn(full));
    // No activity rows in the outline: counts only.
    expect(JSON.stringify(outline)).not.toContain(full.lines[0]!.measures[0]!.activities[0]!.name);

    const orgs = await call('organisation.list');
    const filters: TreeFilters[] = [
      noFilters,
      ...orgs.map((o) => ({ ...noFilters, partner: o.id })),
      ...outline.targetGroups.map((g) => ({ ...noFilters, targetGroup: g })),
      ...ITEM_STATUSES.map((s) => ({ ...noFilters, status: s })),
      { partner: orgs[0]!.id, targetGroup: outline.targetGroups[0]!, status: 'lopend' },
    ];
    let shownSomewhere = 0;
    for (const f of filters) {
      const input = { programmeId, ...(f.partner ? { partnerId: f.partner } : {}), ...(f.targetGroup ? { targetGroup: f.targetGroup } : {}), ...(f.status ? { status: f.status as 'lopend' } : {}) };
      const want = filterTree(full, f);
      const got = await call('tree.outline', input);
      expect(got.lines.map((l) => [l.id, l.measures.map((m) => m.id)]), JSON.stringify(f)).toEqual(want.lines.map((l) => [l.line.id, l.measures.map((m) => m.measure.id)]));
      expect([got.shownActivities, got.totalActivities]).toEqual([want.shownActivities, want.totalActivities]);
      const measureIds = got.lines.flatMap((l) => l.measures.filter((m) => !holdsOneActivity(m.shape)).map((m) => m.id));
      const rows = await call('tree.activities', { ...input, measureIds });
      const wantRows = want.lines.flatMap((l) => l.measures.filter((m) => !holdsOneActivity(m.measure.shape)).flatMap((m) => m.activities.map((a) => [m.measure.id, a.id, a.code, a.subActivities.length])));
      expect(rows.map((a) => [a.measureId, a.id, a.code, a.subCount])).toEqual(wantRows);
      for (const l of got.lines)
        for (const m of l.measures) {
          const w = want.lines.flatMap((x) => x.measures).find((x) => x.measure.id === m.id)!;
          expect([m.activityCount, m.shownCount]).toEqual([w.measure.activities.length, w.activities.length]);
          if (holdsOneActivity(m.shape)) expect(m.own?.id).toBe(w.measure.activities[0]?.id);
        }
      shownSomewhere += rows.length > 0 && rows.length < outline.totalActivities ? 1 : 0;
    }
    // The filters did narrow the tree, so the comparison above was not between two full trees.
    expect(shownSomewhere).toBeGreaterThan(3);
    expect(outline.totalActivities).toBe(full.lines.flatMap((l) => l.measures).reduce((n, m) => n + m.activities.length, 0));
    expect((await call('tree.activities', { programmeId, measureIds: [full.lines[0]!.measures[0]!.id] })).map((a) => a.id)).not.toContain(gone.id);
  }, 60_000);

  it('answers a programme that does not exist with the Dutch not-found message', async () => {
    const { fail } = await makeCore();
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await fail('tree.outline', { programmeId: missing }))).toMatchObject({ code: 'not_found', message: 'Programma bestaat niet (meer). Vernieuw het scherm.' });
    expect((await fail('tree.activities', { programmeId: missing, measureIds: [] }))).toMatchObject({ code: 'not_found', message: 'Programma bestaat niet (meer). Vernieuw het scherm.' });
  });
});
