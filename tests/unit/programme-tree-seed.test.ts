import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_LONG_TEXTS } from '../../shared/schemas/tree';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppState } from '../../electron/core/app-state';
import { createDispatcher } from '../../electron/core/dispatch';
import type { Activity } from '../../shared/schemas/tree';
import { setToday } from '../../electron/core/clock';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-seed-'));
const app = new AppState({ dataDir: dir, host: 'test' });
const dispatch = createDispatcher(app, { log: () => {} });
async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

let seconds = 0;
beforeAll(async () => {
  // The example's content as written, on the day it was written (demo/calendar.ts).
  setToday(WRITTEN_ON);
  const t0 = performance.now();
  await call('workspace.openExample');
  seconds = (performance.now() - t0) / 1000;
});
afterAll(async () => {
  setToday(null);
  await app.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
});

const TEXT_FIELDS = [...ACTIVITY_LONG_TEXTS, 'sustainabilityFrom'] as const;

describe('the example region', () => {
  it('is made quickly, in one change set', async () => {
    expect(seconds).toBeLessThan(5);
    const history = await call<{ changeSetId: number }[]>('history.recent', { limit: 1000 });
    expect(new Set(history.map((h) => h.changeSetId)).size).toBe(1);
  });

  it('fills every question of the template for each of its 27 activities, with 2.2.1 among them, and has the plan\'s own structure', async () => {
    const programmes = await call<{ id: string; name: string }[]>('programme.list');
    const current = programmes.find((p) => p.name.includes('2024-2028'))!;
    const tree = await call<{ lines: { code: string; measures: { code: string; shape: string; activities: { id: string; code: string }[] }[] }[] }>('tree.get', { programmeId: current.id });
    expect(tree.lines).toHaveLength(4);
    const ids = tree.lines.flatMap((l) => l.measures.flatMap((m) => m.activities.map((a) => a.id)));
    expect(tree.lines.flatMap((l) => l.measures)).toHaveLength(12);
    expect(ids).toHaveLength(27);
    // One measure that is its own activity (1.3) and one activity directly under a line (3.3).
    const own = tree.lines.flatMap((l) => l.measures.filter((m) => m.shape !== 'measure').map((m) => [l.code, m.code, m.shape, m.activities.map((a) => a.code)]));
    expect(own).toEqual([
      ['1', '1.3', 'single', ['1.3']],
      ['3', '3.3', 'activity', ['3.3']],
    ]);
    const activities = await Promise.all(ids.map((id) => call<Activity>('activity.get', { id })));
    expect(activities.map((a) => a.code)).toContain('2.2.1');
    for (const a of activities) {
      for (const f of TEXT_FIELDS) expect(a[f].trim(), `${a.code} ${f}`).not.toBe('');
      expect(a.lineName, a.code).toBeTruthy();
      expect(a.startDate && a.endDate, a.code).toBeTruthy();
      expect(a.subActivities.length, a.code).toBeGreaterThan(0);
      expect(a.targetGroups.length, a.code).toBeGreaterThan(0);
      expect(a.plannedParticipants.length, a.code).toBeGreaterThan(0);
      expect(a.lead, a.code).not.toBeNull();
      expect(a.warnings, a.code).toEqual([]);
    }
  });

  it('has about twenty partners with contacts, and the contact roles of the programme', async () => {
    const orgs = await call<{ id: string; contactCount: number }[]>('organisation.list');
    expect(orgs.length).toBeGreaterThanOrEqual(20);
    expect(orgs.every((o) => o.contactCount > 0)).toBe(true);
    const programmes = await call<{ name: string; contactSchoolId: string | null; contactMunicipalityId: string | null }[]>('programme.list');
    const current = programmes.find((p) => p.name.includes('2024-2028'))!;
    expect(current.contactSchoolId).not.toBeNull();
    expect(current.contactMunicipalityId).not.toBeNull();
  });
});
