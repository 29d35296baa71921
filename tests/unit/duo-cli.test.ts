/** `regieboek duo import`: the same dry run and apply as the screen, JSON for scripts, Dutch on errors. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main';
import { settledSha as sha, tempDir } from './helpers';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const FILE = ['RMC-REGIO CODE;RMC-REGIO NAAM;JAAR;ONDERWIJSSTRUCTUUR EN LEERJAAR;AANTAL DEELNEMERS;AANTAL VSV ERS', '16;Eem en Vallei;2016-2017;MBO niveau 2;3.334;65', '28;Haaglanden;2016-2017;MBO niveau 2;5.000;300'].join('\n');

describe('regieboek duo import', () => {
  it('--dry-run --json prints the plan and writes nothing; without --dry-run it applies; another region exits 1', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'eem.regieboek');
    const data = ['--data-dir', path.join(dir, 'gegevens')];
    expect((await run(['init', '--db', db, '--region', '16'])).code).toBe(0);
    const input = path.join(dir, 'vsv.csv');
    fs.writeFileSync(input, FILE);
    const before = sha(db);

    const dry = await run(['duo', 'import', '--db', db, '--in', input, '--status', 'voorlopig', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.out) as { dryRun: boolean; figures: { schoolYear: string; onderwijssoort: string; students: number; leavers: number; outcome: string }[]; otherRegions: unknown[] };
    expect(plan.dryRun).toBe(true);
    expect(plan.figures.map((f) => [f.schoolYear, f.onderwijssoort, f.students, f.leavers, f.outcome])).toEqual([['2016/2017', 'mbo2', 3334, 65, 'new']]);
    expect(plan.otherRegions).toEqual([{ label: '28 Haaglanden', rows: 1 }]);
    expect(sha(db)).toBe(before);

    // Without a status (none in the file or its name) the dry run says what to choose, and exits 1.
    const noStatus = await run(['duo', 'import', '--db', db, '--in', input, '--dry-run']);
    expect(noStatus.code).toBe(1);
    expect(noStatus.out).toMatch(/voorlopig of definitief/);

    const applied = await run(['duo', 'import', '--db', db, '--in', input, '--status', 'voorlopig', '--json', ...data]);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ dryRun: false, applied: 1 });
    expect(sha(db)).not.toBe(before);
    // The backup made before the apply is kept (it changed something); the refused file below leaves none.
    const backups = () => fs.readdirSync(path.join(dir, 'gegevens', 'reservekopieen'), { recursive: true }).filter((f) => String(f).endsWith('.regieboek'));
    expect(backups()).toHaveLength(1);

    const other = path.join(dir, 'haaglanden.csv');
    fs.writeFileSync(other, FILE.split('\n').filter((l) => !l.startsWith('16;')).join('\n'));
    const afterApply = sha(db);
    const refused = await run(['duo', 'import', '--db', db, '--in', other, '--status', 'voorlopig', ...data]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/geen rijen van regio 16 Eem en Vallei/);
    expect(sha(db)).toBe(afterApply);
    expect(backups()).toHaveLength(1);

    const usage = await run(['duo', '--db', db]);
    expect(usage.code).toBe(1);
    expect(usage.err).toMatch(/regieboek duo import/);
  });
});
