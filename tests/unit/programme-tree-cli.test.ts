import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main';
import { pinToday } from './helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-cli-tree-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('regieboek tree', () => {
  it('prints the example programme as nested JSON, with activity 2.2.1 and its sub-activities', async () => {
    const file = path.join(dir, 'demo.regieboek');
    pinToday(WRITTEN_ON); // the example as written (demo/calendar.ts)
    expect((await run(['demo', '--db', file])).code).toBe(0);
    const before = fs.statSync(file).mtimeMs;
    const r = await run(['tree', '--db', file, '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as {
      programmes: { name: string; lines: { code: string; measures: { code: string; shape: string; activities: { code: string; name: string; subActivities: { number: string }[] }[] }[] }[] }[];
    };
    const current = data.programmes.find((p) => p.name.includes('2024-2028'))!;
    expect(current.lines.map((l) => l.code)).toEqual(['1', '2', '3', '4']);
    const measures = current.lines.flatMap((l) => l.measures);
    const activities = measures.flatMap((m) => m.activities);
    expect(measures).toHaveLength(12);
    expect(activities).toHaveLength(27);
    // The plan's own structure: 1.3 is itself its activity, 3.3 stands directly under line 3.
    expect(measures.filter((m) => m.shape !== 'measure').map((m) => [m.code, m.shape, m.activities.map((a) => a.code)])).toEqual([
      ['1.3', 'single', ['1.3']],
      ['3.3', 'activity', ['3.3']],
    ]);
    // Natural order inside line 2: 2.1, 2.2, then 2a.
    expect(current.lines[1]!.measures.map((m) => m.code)).toEqual(['2.1', '2.2', '2a']);
    const dossier = activities.find((a) => a.code === '2.2.1')!;
    expect(dossier.name).toBe('Digitaal Doorstroom Dossier');
    expect(dossier.subActivities.map((s) => s.number)).toEqual(['1', '2', '3']);
    // Reading does not write.
    expect(fs.statSync(file).mtimeMs).toBe(before);

    // As text, an item that is its own activity is one line with its shape, its sub-activities below it.
    const text = (await run(['tree', '--db', file])).out.split('\n');
    const at = text.findIndex((l) => l.trim() === '3.3 Spreekuur jeugdarts bij ziekteverzuim (activiteit)');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]!.trim()).toBe('1 Afspraken over het spreekuur');
    expect(text.some((l) => l.trim() === '1.3 Regionale overstapmonitor (maatregel = activiteit)')).toBe(true);
  });

  it('says in Dutch that --db is needed', async () => {
    const r = await run(['tree']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--db');
  });
});
