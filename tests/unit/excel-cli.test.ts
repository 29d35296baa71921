import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main';
import { content, load, save } from './excel-helpers';
import { sha, tempDir } from './helpers';
import { openWorkspaceFile } from '../../electron/core/db/workspace-file';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('regieboek export / import', () => {
  it('round trip over the example region: export, import into a new workspace, export again; info counts match', async () => {
    const dir = tempDir();
    const src = path.join(dir, 'voorbeeld.regieboek');
    const dst = path.join(dir, 'kopie.regieboek');
    expect((await cli('demo', '--db', src)).code).toBe(0);
    const x1 = path.join(dir, 'werkbestand.xlsx');
    expect(await cli('export', '--db', src, '--kind', 'workspace', '--out', x1)).toMatchObject({ code: 0 });
    const before = sha(src);

    const dry = await cli('import', '--db', dst, '--in', x1, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.out);
    expect(plan).toMatchObject({ dryRun: true, counts: { rejected: 0, unchanged: 1 } });
    expect(plan.counts.new).toBe(plan.rows.length - 1);
    expect(fs.existsSync(dst)).toBe(false);

    const applied = await cli('import', '--db', dst, '--in', x1, '--json');
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ dryRun: false, applied: plan.counts.new });
    const x2 = path.join(dir, 'opnieuw.xlsx');
    expect((await cli('export', '--db', dst, '--kind', 'workspace', '--out', x2)).code).toBe(0);
    expect(await content(fs.readFileSync(x2))).toEqual(await content(fs.readFileSync(x1)));
    const i1 = JSON.parse((await cli('info', '--db', src, '--json')).out);
    const i2 = JSON.parse((await cli('info', '--db', dst, '--json')).out);
    expect(i2.counts).toEqual(i1.counts);
    expect(i2.region).toEqual(i1.region);
    expect(sha(src)).toBe(before);

    // Again: nothing changes.
    const again = JSON.parse((await cli('import', '--db', dst, '--in', x1, '--json')).out);
    expect(again).toMatchObject({ applied: 0, changeSetId: null, counts: { unchanged: plan.rows.length } });
  }, 60_000); // the whole example out and in twice: 13 s alone, over 20 s while the machine runs other suites

  it('several partners at once: --partner more than once or a comma list writes one workbook per partner into the --out folder', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'v.regieboek');
    await cli('demo', '--db', db);
    const ws = openWorkspaceFile(db);
    const names = (await ws.db.selectFrom('organisation').select('name').where('deletedAt', 'is', null).orderBy('name').limit(3).execute()).map((o) => o.name);
    await ws.close();
    expect(names.length).toBe(3);
    const folder = path.join(dir, 'uitvragen');
    const r = await cli('export', '--db', db, '--kind', 'partner', '--partner', names[0]!, '--partner', `${names[1]},${names[2]}`, '--sections', 'activities,measurements,spend', '--out', folder);
    expect(r).toMatchObject({ code: 0 });
    const files = fs.readdirSync(folder).sort();
    expect(files).toHaveLength(3);
    for (const n of names) expect(files.some((f) => f.startsWith(`Uitvraag ${n.replace(/[\\/:*?"<>|]+/g, '-')} `) && f.endsWith('.xlsx'))).toBe(true);
    for (const f of files) {
      const wb = await load(fs.readFileSync(path.join(folder, f)));
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Toelichting', 'Info', 'Activiteiten', 'Metingen', 'Bestedingen']);
    }
    // An unknown partner refuses the whole export; a file as --out for several partners is refused.
    expect(await cli('export', '--db', db, '--kind', 'partner', '--partner', `${names[0]},Onbekend College`, '--out', path.join(dir, 'andere'))).toMatchObject({ code: 1, err: expect.stringContaining('Onbekend College') });
    expect(fs.existsSync(path.join(dir, 'andere'))).toBe(false);
    expect(await cli('export', '--db', db, '--kind', 'partner', '--partner', `${names[0]},${names[1]}`, '--out', path.join(dir, 'x.xlsx'))).toMatchObject({ code: 1, err: expect.stringContaining('map') });
    expect(await cli('export', '--db', db, '--kind', 'partner', '--partner', names[0]!, '--sections', 'geld', '--out', path.join(dir, 'y.xlsx'))).toMatchObject({ code: 1, err: expect.stringContaining('geld') });
  });

  it('steering and partner exports; a refused file exits 1 with a Dutch message and leaves the workspace as it was', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'v.regieboek');
    await cli('demo', '--db', db);
    expect((await cli('export', '--db', db, '--kind', 'steering', '--out', path.join(dir, 's.xlsx'))).code).toBe(0);
    expect(await cli('export', '--db', db, '--kind', 'partner', '--out', path.join(dir, 'p.xlsx'))).toMatchObject({ code: 1, err: expect.stringContaining('--partner') });
    expect((await cli('export', '--db', db, '--kind', 'partner', '--partner', 'ROC Voorbeeldstad', '--out', path.join(dir, 'p.xlsx'))).code).toBe(0);
    expect(await cli('export', '--db', db, '--kind', 'anders', '--out', path.join(dir, 'x.xlsx'))).toMatchObject({ code: 1, err: expect.stringContaining('--kind') });

    const before = sha(db);
    const csv = path.join(dir, 'lijst.xlsx');
    fs.writeFileSync(csv, 'Naam;Aantal\nx;1\n');
    expect(await cli('import', '--db', db, '--in', csv)).toMatchObject({ code: 1, err: expect.stringContaining('tekstbestand (bijvoorbeeld csv)') });
    expect(await cli('import', '--db', db, '--in', path.join(dir, 's.xlsx'))).toMatchObject({ code: 1, err: expect.stringContaining('stuurgroeprapportage') });
    expect(sha(db)).toBe(before);

    // A returned request with a mistake: the dry run lists it and writes an error workbook.
    const wb = await load(fs.readFileSync(path.join(dir, 'p.xlsx')));
    const sheet = wb.getWorksheet('Activiteiten')!;
    const statusCol = (sheet.getRow(1).values as unknown[]).indexOf('Status');
    sheet.getRow(2).getCell(statusCol).value = 'Onbekend';
    const back = path.join(dir, 'terug.xlsx');
    await save(wb, back);
    const errOut = path.join(dir, 'fouten.xlsx');
    const r = await cli('import', '--db', db, '--in', back, '--dry-run', '--errors-out', errOut);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 afgewezen/);
    expect(r.out).toContain('"Onbekend" is geen geldige keuze');
    expect(fs.existsSync(errOut)).toBe(true);
    expect(sha(db)).toBe(before);
  });
});
