/**
 * Text lengths (issue 14, point 2): every stored text has a maximum far below Excel's 32,767
 * characters per cell, the same at every boundary (IPC/forms through the contract, Excel columns
 * through the same schemas), refused with the length and the maximum; and an export never fails
 * on an older text that is longer than a cell: it is cut with a note, and reading it back keeps
 * the stored text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { sql } from 'kysely';
import { contract } from '../../shared/contract';
import { SpendInput } from '../../shared/schemas/budget';
import { TEXT_MAX, maxLengthOf } from '../../shared/schemas/fields';
import { recordKinds, exportPartner, exportSteering, planImport } from '../../electron/core/excel';
import { inputSections } from '../../electron/core/excel/partner-inputs';
import { CUT_MARK } from '../../electron/core/excel/cells';
import { EXCEL_MAX_TEXT, textMax } from '../../electron/core/excel/text-limits';
import { runCli } from '../../electron/core/cli/main';
import { emptyWorkspace, exampleWorkspace, exportOf, load } from './excel-helpers';
import { makeCore, programmeInput, tempDir } from './helpers';

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every text leaf of a schema, with its path. */
function textLeaves(s: z.ZodType, p: string, out: { path: string; schema: z.ZodType }[]): void {
  const d = defOf(s);
  if (d.type === 'string') out.push({ path: p, schema: s });
  else if (d.type === 'object') for (const [k, v] of Object.entries(d.shape!)) textLeaves(v, `${p}.${k}`, out);
  else if (d.type === 'array') textLeaves(d.element!, `${p}[]`, out);
  else if (d.type === 'pipe') textLeaves(d.in!, p, out);
  else if (d.type === 'union') d.options!.forEach((o, i) => textLeaves(o, `${p}|${i}`, out));
  else if (d.type === 'record') textLeaves(d.valueType!, `${p}{}`, out);
  else if (d.innerType) textLeaves(d.innerType, p, out);
}

describe('one set of text limits at every boundary', () => {
  it('every text in every channel input refuses 40,000 characters (file contents excepted)', () => {
    const leaves: { path: string; schema: z.ZodType }[] = [];
    for (const [ch, c] of Object.entries(contract)) textLeaves(c.input as z.ZodType, ch, leaves);
    expect(leaves.length).toBeGreaterThan(100);
    // Files cross the bridge as base64 and are limited in megabytes (exchange.ts).
    const accepted = leaves.filter((l) => !l.path.endsWith('.base64') && l.schema.safeParse('a'.repeat(40_000)).success).map((l) => l.path);
    expect(accepted).toEqual([]);
    // And no text field allows more than the long-text maximum.
    const over = leaves.filter((l) => ((l.schema as z.ZodString).maxLength ?? 0) > TEXT_MAX.long && !l.path.endsWith('.base64')).map((l) => l.path);
    expect(over).toEqual([]);
  });

  it('a form (IPC) gets the length and the maximum, in Dutch', async () => {
    const { fail } = await makeCore();
    const e = await fail('programme.create', programmeInput({ name: 'x'.repeat(250), analysis: 'y'.repeat(40_600) }));
    expect(e.message).toContain('Naam: te lang (250 tekens); hooguit 200 tekens.');
    expect(e.message).toContain('Regionale analyse: te lang (40.600 tekens); hooguit 20.000 tekens.');
  });

  it('a limit without a message of its own still says the length found; a file over the bridge says its size in MB', async () => {
    const { dispatch } = await makeCore();
    const name = await dispatch('plan.preview', { file: { fileName: 'x'.repeat(300) + '.docx', base64: 'UEsDBA==' } });
    expect(name.ok).toBe(false);
    if (!name.ok) expect(name.error.message).toBe('Bestandsnaam: te lang (305 tekens); hooguit 255 tekens.');
    // 32 MB of base64 is a file of 24 MB; the bridge takes up to 22,5 MB.
    const big = await dispatch('exchange.plan', { fileName: 'groot.xlsx', base64: 'A'.repeat(32 * 1024 * 1024) });
    expect(big.ok).toBe(false);
    if (!big.ok) {
      expect(big.error.message).toBe('Bestand: het bestand is te groot (24 MB); Regieboek leest bestanden tot 22,5 MB. Sla het op zonder grote afbeeldingen, of splits het in delen.');
      expect(big.error.message).not.toMatch(/\{|base64|tekens/);
    }
  });

  it('Excel columns check the same maximum as the form of the same field', () => {
    const checked: string[] = [];
    for (const k of recordKinds)
      for (const c of k.columns) {
        if ((c.type !== 'text' && c.type !== 'longText') || c.informational) continue;
        expect(c.maxLength, `${k.name}.${c.key}`).toBeDefined();
        expect(c.maxLength!, `${k.name}.${c.key}`).toBeLessThanOrEqual(EXCEL_MAX_TEXT);
        expect(c.maxLength).toBe(textMax(k.name, c));
        checked.push(`${k.name}.${c.key}=${c.maxLength}`);
      }
    // Spot checks against the forms' own schemas.
    expect(checked).toEqual(expect.arrayContaining(['programme.name=200', 'programme.analysis=20000', 'organisation.place=100', 'contact.phone=40', 'spend.description=300', 'activity.durationNote=2000', 'indicator.freeUnit=40', 'monitoringAction.text=2000']));
    const answer = inputSections.find((s) => s.name === 'monitoring')!.columns.find((c) => c.key === 'answer')!;
    expect(answer.maxLength).toBe(20_000);
    const spendDescription = inputSections.find((s) => s.name === 'spend')!.columns.find((c) => c.key === 'description')!;
    expect(spendDescription.maxLength).toBe(300);
    expect(maxLengthOf(SpendInput, 'description')).toBe(300);
    expect(maxLengthOf(SpendInput, 'budgetLineId')).toBe(64);
  });
});

describe('an export never fails on stored data', () => {
  it('a 40,600-character legacy text is cut with a note; reading the file back keeps the stored text', async () => {
    const dir = tempDir();
    const ws = await exampleWorkspace(dir);
    const long = 'Lange regionale analyse. '.repeat(1624); // 40,600 characters
    expect(long.length).toBe(40_600);
    // Older data, written before the limits existed (no boundary lets it in now).
    await sql`UPDATE programme SET analysis = ${long}, notes = ${long} WHERE status = 'lopend'`.execute(ws.db);

    const buf = await exportOf(ws);
    const book = await load(buf);
    const sheet = book.getWorksheet("Programma's")!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const cell = sheet.getRow(3).getCell(header.indexOf('Regionale analyse'));
    expect(String(cell.value).length).toBe(EXCEL_MAX_TEXT);
    expect(String(cell.value).endsWith(CUT_MARK)).toBe(true);
    expect(String(cell.note)).toMatch(/40\.600 tekens lang en een Excel-cel bevat er hooguit 32\.767/);

    // The same file back: nothing changes (the cut text is recognised, the stored text stays).
    const plan = await planImport(ws.db, buf, 'werkbestand.xlsx');
    expect(plan.counts).toMatchObject({ changed: 0, rejected: 0, conflict: 0, new: 0 });
    // Into an empty workspace the cut text cannot stand in for the whole: that row is refused.
    const empty = emptyWorkspace(dir);
    const fresh = await planImport(empty.db, buf, 'werkbestand.xlsx');
    const texts = fresh.rows.flatMap((r) => r.issues.map((i) => i.text)).join('\n');
    expect(texts).toMatch(/Blad "Programma's", rij 3, kolom "Regionale analyse" \(H\): deze tekst is bij het exporteren ingekort/);
    await empty.close();

    // Partner request and steering report too.
    await expect(exportPartner(ws.db, { partner: 'ROC Voorbeeldstad', sections: ['programmes'] }, { user: 'T', source: 'x' })).resolves.toBeInstanceOf(Buffer);
    await expect(exportSteering(ws.db, { user: 'T', source: 'x' })).resolves.toBeInstanceOf(Buffer);
    await ws.close();

    // And the command line exits 0 instead of "Interne fout".
    let err = '';
    const code = await runCli(['export', '--db', path.join(dir, 'voorbeeld.regieboek'), '--kind', 'workspace', '--out', path.join(dir, 'uit.xlsx')], { out: () => {}, err: (s) => (err += s) });
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(fs.statSync(path.join(dir, 'uit.xlsx')).size).toBeGreaterThan(0);
  });
});
