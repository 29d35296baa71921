/**
 * The one clock (electron/core/clock.ts) and the example region that moves with it
 * (electron/core/demo/calendar.ts): seeded on any date, the example is a programme under way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { now, setToday, today } from '../../electron/core/clock';
import { DemoCalendar, WRITTEN_ON, yearsSinceWritten } from '../../electron/core/demo/calendar';
import { makeCore } from './helpers';
import { runCli } from '../../electron/core/cli/main';
import { localIsoDate } from '../../shared/dates';

afterEach(() => {
  delete process.env.REGIEBOEK_TODAY;
  setToday(null);
});

describe('the clock', () => {
  it('is the system date unless REGIEBOEK_TODAY or a test sets it; a set parameter wins over the variable', () => {
    const saved = process.env.REGIEBOEK_TODAY;
    delete process.env.REGIEBOEK_TODAY;
    // eslint-disable-next-line no-restricted-syntax -- the system date is what this test compares with
    expect(today()).toBe(localIsoDate(new Date()));
    process.env.REGIEBOEK_TODAY = '2031-09-01';
    expect(today()).toBe('2031-09-01');
    setToday('2027-03-01');
    expect(today()).toBe('2027-03-01');
    setToday(null);
    expect(today()).toBe('2031-09-01');
    if (saved) process.env.REGIEBOEK_TODAY = saved;
  });

  it('now() falls on the set day and keeps running, so stamps within a session stay in order', async () => {
    setToday('2031-09-01');
    const a = now();
    await new Promise((r) => setTimeout(r, 5));
    const b = now();
    expect(localIsoDate(a)).toBe('2031-09-01');
    expect(b.getTime()).toBeGreaterThan(a.getTime());
  });

  it('refuses a REGIEBOEK_TODAY that is no date with a Dutch message that says what to write', async () => {
    process.env.REGIEBOEK_TODAY = '1-3-2027';
    expect(() => today()).toThrow('REGIEBOEK_TODAY is "1-3-2027"; dat is geen datum. Schrijf jjjj-mm-dd');
    process.env.REGIEBOEK_TODAY = '2027-02-30';
    expect(() => today()).toThrow('geen datum');
    const out: string[] = [];
    const code = await runCli(['demo', '--db', '/nonexistent/x.regieboek'], { out: (s) => out.push(s), err: (s) => out.push(s) });
    expect(code).not.toBe(0);
    expect(out.join('')).toContain('REGIEBOEK_TODAY is "2027-02-30"');
    expect(() => setToday('2027-13-01')).toThrow();
  });

  it('is what the core stamps its change sets with', async () => {
    const { call, app } = await makeCore({ today: '2031-09-01' });
    await call('programme.create', { name: 'P', periodStart: '2031-08-01', periodEnd: '2035-07-31', status: 'lopend', analysis: '', requestedCents: null, awardedCents: null, notes: '' });
    const sets = await app.requireWorkspace().db.selectFrom('changeSet').select('at').execute();
    expect(sets.length).toBeGreaterThan(0);
    for (const s of sets) expect(localIsoDate(new Date(s.at))).toBe('2031-09-01');
    expect((await call('app.info')).today).toBe('2031-09-01');
  });
});

describe('the example calendar', () => {
  it('counts whole years since the day the example was written', () => {
    expect(WRITTEN_ON).toBe('2026-11-23');
    expect(yearsSinceWritten('2026-11-23')).toBe(0);
    expect(yearsSinceWritten('2026-11-22')).toBe(-1);
    expect(yearsSinceWritten('2027-11-22')).toBe(0);
    expect(yearsSinceWritten('2027-11-23')).toBe(1);
    expect(yearsSinceWritten('2027-03-01')).toBe(0);
    expect(yearsSinceWritten('2031-09-01')).toBe(4);
    expect(yearsSinceWritten('2024-01-01')).toBe(-3);
  });

  it('moves dates, school years, periods and years in text; leaves other numbers alone', () => {
    const cal = new DemoCalendar(4);
    expect(cal.date('2025-06-12')).toBe('2029-06-12');
    expect(cal.date('2026-11-10T10:00:00.000Z')).toBe('2030-11-10T10:00:00.000Z');
    expect(cal.year(2026)).toBe(2030);
    expect(cal.text('Regionaal programma VSV 2024-2028')).toBe('Regionaal programma VSV 2028-2032');
    expect(cal.text('schooljaar 2024/2025, peildatum 2023-10-01')).toBe('schooljaar 2028/2029, peildatum 2027-10-01');
    expect(cal.text('2026-11-10T10:00:00.000Z')).toBe('2030-11-10T10:00:00.000Z');
    expect(cal.text('Minstens 250 mentoren, 010-555 0201, 99000001, € 2.500, 12000 euro')).toBe('Minstens 250 mentoren, 010-555 0201, 99000001, € 2.500, 12000 euro');
    expect(cal.deep({ a: ['juni 2025', 3], b: { c: '2027-02-01' }, n: 2025 })).toEqual({ a: ['juni 2029', 3], b: { c: '2031-02-01' }, n: 2025 });
    // Ids are never touched, even where a part of one looks like a year.
    const id = '5f1c0e2a-2024-4b1d-9a3e-0c8d2f6b7a11';
    expect(cal.deep({ id, parentId: id, executorIds: [id], note: id })).toEqual({ id, parentId: id, executorIds: [id], note: '5f1c0e2a-2028-4b1d-9a3e-0c8d2f6b7a11' });
    // 29 February exists only in leap years.
    expect(new DemoCalendar(1).date('2028-02-29')).toBe('2029-02-28');
    expect(new DemoCalendar(4).date('2028-02-29')).toBe('2032-02-29');
    expect(new DemoCalendar(1).text('op 2028-02-29')).toBe('op 2029-02-28');
    expect(new DemoCalendar(0).text('2024-2028')).toBe('2024-2028');
    expect(new DemoCalendar(-1).text('2024-2028')).toBe('2023-2027');
  });
});

/** Dates in the example that record what happened: none may lie after today. */
const HAPPENED = [
  ['measurement', 'date'],
  ['measurement', 'recorded_at'],
  ['spend', 'date'],
  ['target', 'decision_date'],
  ['monitoring_action', 'closed_at'],
  ['monitoring_interview', 'submitted_at'],
] as const;

describe('the example region on any date', () => {
  // Before the day it was written, that day, the last day before it moves a year, and the clock as
  // it is (CI runs the suite on 01-03-2027 and 01-09-2031 too).
  it.each(['2026-08-01', '2026-11-23', '2027-11-22', 'vandaag'])('is a programme under way on %s', async (set) => {
    const { call, app } = await makeCore({ workspace: false, today: set === 'vandaag' ? undefined : set });
    const day = today();
    await call('workspace.openExample');
    const db = app.requireWorkspace().db;

    const programmes = await call('programme.list');
    const running = programmes.filter((p) => p.status === 'lopend');
    expect(running).toHaveLength(1);
    const p = running[0]!;
    expect(p.periodStart <= day && day <= p.periodEnd).toBe(true);
    expect(p.name).toBe(`Regionaal programma VSV ${p.periodStart.slice(0, 4)}-${p.periodEnd.slice(0, 4)}`);
    // The programme before it ended, the next is being explored.
    expect(programmes.find((x) => x.status === 'afgerond')!.periodEnd < day).toBe(true);
    expect(programmes.find((x) => x.status === 'concept')!.periodStart > day).toBe(true);

    for (const [table, column] of HAPPENED) {
      const r = await sql<{ n: number; last: string | null }>`SELECT count(*) AS n, max(substr(${sql.ref(column)}, 1, 10)) AS last FROM ${sql.table(table)}`.execute(db);
      const { n, last } = r.rows[0]!;
      expect(n, `${table}.${column}`).toBeGreaterThan(0);
      expect(last! <= day, `${table}.${column}: ${last} after ${day}`).toBe(true);
    }

    // Results: statuses of every kind but one at least, and something needs attention.
    const results = await call('results.forProgramme', { programmeId: p.id });
    expect(results.today).toBe(day);
    expect(Object.entries(results.counts).filter(([, n]) => n > 0).length).toBeGreaterThanOrEqual(4);
    expect(results.attention.length).toBeGreaterThan(0);

    // Monitoring: a round ahead, rounds held, open and overdue actions.
    const rounds = await call('monitoring.round.list', {});
    expect(rounds.filter((r) => r.upcoming)).toHaveLength(1);
    expect(rounds.filter((r) => r.startDate < day)).toHaveLength(2);
    const { actions } = await call('monitoring.action.list', {});
    expect(actions.some((a) => a.overdue)).toBe(true);
    expect(actions.some((a) => a.status === 'open' && !a.overdue) || actions.some((a) => a.status === 'loopt')).toBe(true);

    // Money: spent in the years behind, budget for the years ahead.
    const o = await call('budget.overview', { programmeId: p.id });
    const year = Number(day.slice(0, 4));
    expect(o.years).toContain(year);
    expect(o.matrix.flatMap((r) => r.cells).some((c) => Number(c.key) < year && c.realisedCents > 0)).toBe(true);
    expect((await call('budget.checks', { programmeId: p.id })).map((c) => c.code).sort()).toEqual(['management_pct', 'overspend']);
  });
});
