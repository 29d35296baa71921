/** Partner request input sections (Metingen, Bestedingen): new child records per filled-in row. */
import { describe, expect, it } from 'vitest';
import { makeCore, clockForFile } from './helpers';
import { load, save } from './excel-helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';

// The example as written, on the day it was written (demo/calendar.ts): these tests check its content.
clockForFile(WRITTEN_ON);

const PARTNER = 'ROC Voorbeeldstad';

describe('partner request: measurements and spend (new records per row)', () => {
  it('a partner fills in a measurement and a spend amount with one mistake each; dry run, apply, visible through the channels, undo, again', async () => {
    const core = await makeCore({ workspace: false });
    await core.call('workspace.openExample');
    const out = await core.call('exchange.export', { kind: 'partner', partner: PARTNER, period: '2026/2027', sections: ['activities', 'measurements', 'spend'] });
    expect(out.files).toHaveLength(1);
    const wb = await load(Buffer.from(out.base64, 'base64'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Toelichting', 'Info', 'Activiteiten', 'Metingen', 'Bestedingen']);

    // Metingen: the partner's indicators with a moment in 2026/2027, last value pre-filled, input cells unlocked.
    const m = wb.getWorksheet('Metingen')!;
    const mh = (m.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const mc = (h: string) => mh.indexOf(h);
    expect(m.getColumn(1).hidden).toBe(true);
    let participantsRow = 0;
    let percentRow = 0;
    for (let r = 2; r <= m.actualRowCount; r++) {
      const row = m.getRow(r);
      if (!participantsRow && String(row.getCell(1).value).startsWith('deelnemers:')) participantsRow = r;
      if (!percentRow && row.getCell(mc('Eenheid')).value === 'Percentage') percentRow = r;
    }
    expect(participantsRow).toBeGreaterThan(1);
    expect(percentRow).toBeGreaterThan(1);
    const pr = m.getRow(participantsRow);
    expect(typeof pr.getCell(mc('Laatste waarde')).value).toBe('number');
    expect(pr.getCell(mc('Nieuwe waarde')).protection).toMatchObject({ locked: false });
    expect(pr.getCell(mc('Voorlopig/definitief')).dataValidation).toMatchObject({ type: 'list', formulae: ['"Voorlopig,Definitief"'] });
    expect(pr.getCell(mc('Laatste waarde')).protection?.locked).not.toBe(false);
    const activityId = String(pr.getCell(1).value).slice('deelnemers:'.length);
    const before = await core.call('results.forActivity', { activityId });
    const countBefore = before.indicators.find((i) => i.builtin)!.measurements.length;

    // Bestedingen: the partner's budget lines of 2026 and 2027, planned read-only, amount unlocked.
    const s = wb.getWorksheet('Bestedingen')!;
    const sh = (s.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const sc = (h: string) => sh.indexOf(h);
    expect(s.actualRowCount).toBeGreaterThan(2);
    expect(s.getRow(2).getCell(sc('Begroot')).numFmt).toContain('€');
    expect(s.getRow(2).getCell(sc('Begroot')).protection?.locked).not.toBe(false);
    expect(s.getRow(2).getCell(sc('Bedrag besteed')).protection).toMatchObject({ locked: false });
    const lineId = String(s.getRow(2).getCell(1).value);

    // The partner fills it in: a participants count, a percentage of 140 (the mistake), a spend
    // entry, and a negative amount (the mistake).
    pr.getCell(mc('Nieuwe waarde')).value = 320;
    pr.getCell(mc('Meetdatum')).value = new Date(Date.UTC(2026, 10, 15));
    pr.getCell(mc('Voorlopig/definitief')).value = 'Definitief';
    pr.getCell(mc('Toelichting')).value = 'Telling na de doe-dagen van november.';
    m.getRow(percentRow).getCell(mc('Nieuwe waarde')).value = 140;
    m.getRow(percentRow).getCell(mc('Meetdatum')).value = '01-11-2026';
    s.getRow(2).getCell(sc('Bedrag besteed')).value = 1234.56;
    s.getRow(2).getCell(sc('Datum')).value = '15-10-2026';
    s.getRow(2).getCell(sc('Omschrijving')).value = 'Extra bijeenkomst';
    s.getRow(3).getCell(sc('Bedrag besteed')).value = -50;
    const returned = await save(wb);
    const file = { fileName: 'uitvraag ROC ingevuld.xlsx', base64: returned.toString('base64') };

    const plan = await core.call('exchange.plan', file);
    expect(plan.counts).toMatchObject({ new: 2, rejected: 2, changed: 0, conflict: 0 });
    const rejected = plan.rows.filter((r) => r.status === 'rejected').flatMap((r) => r.issues.map((i) => i.text));
    expect(rejected).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^Blad "Metingen", rij ${percentRow}, kolom "Nieuwe waarde" \\(\\w\\): .*percentage ligt tussen 0 en 100`)),
        expect.stringMatching(/^Blad "Bestedingen", rij 3, kolom "Bedrag besteed" \(\w\): .*negatie/i),
      ]),
    );
    const news = plan.rows.filter((r) => r.status === 'new');
    expect(news.map((r) => r.sheet).sort()).toEqual(['Bestedingen', 'Metingen']);
    expect(news.find((r) => r.sheet === 'Bestedingen')!.changes.map((c) => c.new)).toEqual(expect.arrayContaining(['€ 1.234,56']));

    const overviewOf = async () => {
      const programmes = await core.call('programme.list', {});
      let realised = 0;
      for (const p of programmes) realised += (await core.call('budget.overview', { programmeId: p.id })).total.realisedCents;
      return realised;
    };
    const realisedBefore = await overviewOf();
    const applied = await core.call('exchange.apply', { ...file, sha256: plan.sha256 });
    expect(applied.applied).toBe(2);
    const after = await core.call('results.forActivity', { activityId });
    const builtin = after.indicators.find((i) => i.builtin)!;
    expect(builtin.measurements).toHaveLength(countBefore + 1);
    expect(builtin.measurements.some((x) => x.value === 320 && x.date === '2026-11-15' && x.status === 'definitief')).toBe(true);
    expect(await overviewOf()).toBe(realisedBefore + 123_456);
    const spend = await core.call('spend.list', { programmeId: (await core.call('programme.list', {})).find((p) => p.status === 'lopend')!.id, budgetLineId: lineId });
    expect(spend.some((x) => x.amountCents === 123_456 && x.description === 'Extra bijeenkomst')).toBe(true);

    // The same file again changes nothing.
    const again = await core.call('exchange.plan', file);
    expect(again.counts).toMatchObject({ new: 0, rejected: 2 });

    // Undo restores; applying again makes them anew.
    await core.call('exchange.undoImport');
    expect((await core.call('results.forActivity', { activityId })).indicators.find((i) => i.builtin)!.measurements).toHaveLength(countBefore);
    expect(await overviewOf()).toBe(realisedBefore);
    expect((await core.call('exchange.plan', file)).counts).toMatchObject({ new: 2, rejected: 2 });
  });

  it('a November figure with the period left empty is about the school year before, as its moment says; a period typed in wins', async () => {
    const core = await makeCore({ workspace: false });
    await core.call('workspace.openExample');
    const out = await core.call('exchange.export', { kind: 'partner', partner: PARTNER, period: '2026/2027', sections: ['measurements'] });
    const wb = await load(Buffer.from(out.files[0]!.base64, 'base64'));
    const m = wb.getWorksheet('Metingen')!;
    const mh = (m.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const mc = (h: string) => mh.indexOf(h);
    // Two percentages measured on 1 November, which the sheet says is about 2025/2026.
    const rows: number[] = [];
    for (let r = 2; r <= m.actualRowCount && rows.length < 2; r++)
      if (m.getRow(r).getCell(mc('Eenheid')).value === 'Percentage' && String(m.getRow(r).getCell(mc('Meetmomenten')).value).includes('01-11-2026 (over 2025/2026)')) rows.push(r);
    expect(rows).toHaveLength(2);
    const ids = rows.map((r) => String(m.getRow(r).getCell(1).value));
    for (const [i, r] of rows.entries()) {
      const row = m.getRow(r);
      row.getCell(mc('Nieuwe waarde')).value = 3.1;
      row.getCell(mc('Meetdatum')).value = '01-11-2026';
      row.getCell(mc('Voorlopig/definitief')).value = 'Definitief';
      row.getCell(mc('Toelichting')).value = 'Definitieve cijfers van DUO.';
      if (i === 1) row.getCell(mc('Over periode')).value = '2026/2027';
    }
    const returned = await save(wb);
    const file = { fileName: 'uitvraag ingevuld.xlsx', base64: returned.toString('base64') };
    const plan = await core.call('exchange.plan', file);
    expect(plan.counts).toMatchObject({ new: 2, rejected: 0 });
    await core.call('exchange.apply', { ...file, sha256: plan.sha256 });
    const added = async (id: string) => (await core.call('indicator.get', { id })).measurements.filter((x) => x.date === '2026-11-01' && x.status === 'definitief' && x.computedValue === 3.1);
    expect((await added(ids[0]!)).map((x) => x.period)).toEqual(['2025/2026']);
    expect((await added(ids[1]!)).map((x) => x.period)).toEqual(['2026/2027']);
  });

  it('the export channel takes several partners and returns one file per partner; an unknown one refuses them all', async () => {
    const core = await makeCore({ workspace: false });
    await core.call('workspace.openExample');
    const partners = (await core.call('exchange.export', { kind: 'partner', partner: PARTNER })).files;
    expect(partners).toHaveLength(1);
    const orgs = await core.call('organisation.list', {});
    const two = [PARTNER, orgs.map((o) => o.name).find((n) => n !== PARTNER)!];
    const out = await core.call('exchange.export', { kind: 'partner', partners: two, sections: ['activities', 'spend'] });
    expect(out.files.map((f) => f.fileName)).toEqual(two.map((n) => expect.stringContaining(`Uitvraag ${n}`)));
    for (const [i, f] of out.files.entries()) {
      const wb = await load(Buffer.from(f.base64, 'base64'));
      expect(String(wb.getWorksheet('Toelichting')!.getCell('A1').value)).toContain(two[i]);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Toelichting', 'Info', 'Activiteiten', 'Bestedingen']);
    }
    expect((await core.fail('exchange.export', { kind: 'partner', partners: [PARTNER, 'Onbekend College'] })).message).toMatch(/Onbekend College/);
  });
});
