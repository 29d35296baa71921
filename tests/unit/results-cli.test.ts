import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main';
import { RESULT_STATUSES } from '../../shared/results/types';
import { tempDir } from './helpers';

beforeEach(() => {
  process.env.REGIEBOEK_TODAY = '2026-11-23';
});
afterEach(() => {
  delete process.env.REGIEBOEK_TODAY;
});

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('regieboek results', () => {
  it('prints every indicator of the example region with baseline, targets, latest value and status; every status occurs', async () => {
    const file = path.join(tempDir(), 'demo.sqlite');
    expect((await run(['demo', '--db', file])).code).toBe(0);
    const r = await run(['results', '--db', file, '--json']);
    expect(r.code).toBe(0);
    const { indicators } = JSON.parse(r.out) as { indicators: { activity: string | null; indicator: string; direction: string; baseline: unknown; targets: { current: boolean; reason?: string }[]; latest: unknown; status: string }[] };
    for (const i of indicators) expect(Object.keys(i)).toEqual(expect.arrayContaining(['activity', 'indicator', 'direction', 'baseline', 'targets', 'latest', 'status']));
    expect(new Set(indicators.map((i) => i.status))).toEqual(new Set(RESULT_STATUSES));
    const directions = new Set(indicators.map((i) => i.direction));
    expect(directions).toEqual(new Set(['hoger', 'lager', 'bandbreedte']));
    // Every activity has 1-3 indicators.
    const perActivity = new Map<string, number>();
    for (const i of indicators) if (i.activity) perActivity.set(i.activity, (perActivity.get(i.activity) ?? 0) + 1);
    expect(perActivity.size).toBe(27);
    expect([...perActivity.values()].every((n) => n >= 1 && n <= 3)).toBe(true);
    // The revised target keeps the earlier one, with the reason on the revision.
    const wait = indicators.find((i) => i.indicator === 'Wachttijd tot eerste gesprek')!;
    expect(wait.targets.filter((x) => !x.current)).toHaveLength(1);
    expect(wait.targets.find((x) => x.reason)?.reason).toMatch(/Personeelstekort/);

    const text = await run(['results', '--db', file]);
    expect(text.out).toMatch(/Doe-dagen in het mbo \| Leerlingen vmbo 4 met twee doe-dagen \| Behaald \| 90,53% op 01-02-2026/);
  });
});
