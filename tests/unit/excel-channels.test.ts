import { describe, expect, it } from 'vitest';
import { makeCore, programmeInput } from './helpers';
import { load, save } from './excel-helpers';

describe('exchange channels (what the Excel page calls)', () => {
  it('export as base64, dry run, apply with the reviewed file only, undo the import as a whole', async () => {
    const core = await makeCore();
    await core.call('programme.create', programmeInput());
    const ws = await core.call('exchange.export', { kind: 'workspace' });
    expect(ws.fileName).toMatch(/^Werkbestand 16 Eem en Vallei \d\d-\d\d-\d{4}\.xlsx$/);
    const steering = await core.call('exchange.export', { kind: 'steering' });
    expect(steering.fileName).toMatch(/^Stuurgroeprapportage/);
    expect((await core.fail('exchange.export', { kind: 'partner' })).message).toMatch(/Kies de partner/);
    expect(steering.files).toEqual([{ fileName: steering.fileName, base64: steering.base64 }]);

    // Edit the programme's notes in the exported workbook, as a user would in Excel.
    const wb = await load(Buffer.from(ws.base64, 'base64'));
    const sheet = wb.getWorksheet("Programma's")!;
    const col = (sheet.getRow(1).values as unknown[]).indexOf('Notities');
    sheet.getRow(2).getCell(col).value = 'Aangepast in Excel';
    const edited = { fileName: 'werkbestand.xlsx', base64: (await save(wb)).toString('base64') };

    const plan = await core.call('exchange.plan', edited);
    expect(plan.counts).toMatchObject({ changed: 1, rejected: 0 });
    expect((await core.fail('exchange.apply', { ...edited, sha256: 'anders' })).message).toMatch(/anders dan het bestand van de proefimport/);
    const res = await core.call('exchange.apply', { ...edited, sha256: plan.sha256 });
    expect(res.applied).toBe(1);
    expect((await core.call('programme.list'))[0]!.notes).toBe('Aangepast in Excel');
    const history = await core.call('history.recent', { limit: 10 });
    expect(history[0]).toMatchObject({ source: 'werkbestand.xlsx', action: 'import' });

    const last = await core.call('exchange.lastImport');
    expect(last).toMatchObject({ source: 'werkbestand.xlsx', changes: 1, undoable: true });
    await core.call('exchange.undoImport');
    expect((await core.call('programme.list'))[0]!.notes).toBe('');
    expect(await core.call('exchange.lastImport')).toBeNull();
    expect((await core.fail('exchange.undoImport', {})).message).toMatch(/geen import/);

    // The error workbook for a file with a mistake.
    sheet.getRow(2).getCell(col - 4).value = 'veel';
    const bad = { fileName: 'fout.xlsx', base64: (await save(wb)).toString('base64') };
    const errs = await core.call('exchange.errors', bad);
    expect(errs.fileName).toBe('fout - fouten.xlsx');
    const errWb = await load(Buffer.from(errs.base64, 'base64'));
    expect(errWb.getWorksheet('Fouten')!.rowCount).toBe(2);

    // Not an xlsx: a Dutch message, nothing changed.
    expect((await core.fail('exchange.plan', { fileName: 'x.xlsx', base64: Buffer.from('a;b\n1;2\n').toString('base64') })).message).toMatch(/tekstbestand/);
  });
});

describe('a new workspace from a workspace workbook', () => {
  it('is made for the file region and filled in one import; a file with a rejected row makes none', async () => {
    const src = await makeCore();
    await src.call('programme.create', programmeInput());
    const file = await src.call('exchange.export', { kind: 'workspace' });

    const core = await makeCore({ workspace: false });
    const ws = await core.call('exchange.newWorkspace', { fileName: 'Kopie', file: { fileName: 'w.xlsx', base64: file.base64 } });
    expect(ws.region.number).toBe(16);
    expect(ws.fileName).toBe('Kopie.regieboek');
    expect(await core.call('programme.list')).toHaveLength(1);
    expect((await core.fail('exchange.newWorkspace', { fileName: 'Kopie', file: { fileName: 'w.xlsx', base64: file.base64 } })).message).toMatch(/bestaat al/);

    const wb = await load(Buffer.from(file.base64, 'base64'));
    wb.getWorksheet("Programma's")!.getCell('F2').value = 'veel';
    const bad = { fileName: 'fout.xlsx', base64: (await save(wb)).toString('base64') };
    const err = await core.fail('exchange.newWorkspace', { fileName: 'Fout', file: bad });
    expect(err.message).toMatch(/1 afgewezen regel; er is geen werkbestand gemaakt/);
    expect((await core.call('workspace.files')).map((f) => f.fileName)).not.toContain('Fout.regieboek');
  });
});
