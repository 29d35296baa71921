import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main';
import { sha, tempDir } from './helpers';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('regieboek CLI', () => {
  it('init makes a workspace for a real region and refuses region 77 in Dutch', async () => {
    const dir = tempDir();
    const ok = await cli('init', '--db', path.join(dir, 'a.sqlite'), '--region', '10');
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain('10 IJssel-Vecht');
    const bad = await cli('init', '--db', path.join(dir, 'b.sqlite'), '--region', '77');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Regio "77" bestaat niet');
    expect(fs.existsSync(path.join(dir, 'b.sqlite'))).toBe(false);
  });

  it('demo then info --json gives the region, schema version and counts', async () => {
    const file = path.join(tempDir(), 'x.sqlite');
    expect((await cli('demo', '--db', file)).code).toBe(0);
    const r = await cli('info', '--db', file, '--json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out);
    expect(info.region.name).toBe('Voorbeeldregio');
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.counts.programme).toBeGreaterThanOrEqual(2);
    // demo again replaces the example, and only the example
    expect((await cli('demo', '--db', file)).code).toBe(0);
  });

  it('check reports a healthy file and exits 1 on a file that is not a workspace, without touching it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.sqlite');
    await cli('init', '--db', file, '--region', '3');
    const good = await cli('check', '--db', file);
    expect(good).toMatchObject({ code: 0 });
    expect(good.out).toMatch(/In orde/);
    const txt = path.join(dir, 'notitie.txt');
    fs.writeFileSync(txt, 'geen database');
    const before = sha(txt);
    for (const cmd of ['check', 'info', 'demo']) {
      const r = await cli(cmd, '--db', txt);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/geen Regieboek-werkbestand/);
    }
    expect(sha(txt)).toBe(before);
  });

  it('explains missing and unknown options and commands in Dutch', async () => {
    expect(await cli('info')).toMatchObject({ code: 1, err: expect.stringContaining('--db BESTAND') });
    expect(await cli('init', '--db', path.join(tempDir(), 'z.sqlite'))).toMatchObject({ code: 1, err: expect.stringContaining('--region NN') });
    expect(await cli('wissen', '--db', 'x')).toMatchObject({ code: 1, err: expect.stringContaining('Onbekende opdracht "wissen"') });
    expect(await cli('info', '--db', 'x', '--kleur')).toMatchObject({ code: 1, err: expect.stringContaining('Onbekende of onvolledige optie') });
    expect((await cli('--help')).out).toContain('Gebruik: regieboek');
  });
});
