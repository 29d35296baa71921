/**
 * The Word plan import: three real documents of the fictional plan (automatic numbering, typed
 * numbers, saved through LibreOffice) each place at least 95% of the eleven answers of every
 * activity under the right question (the rate is printed); refusals are Dutch; corrections in the
 * preview are applied; the import is one change set that one undo removes; a newer version shows
 * per record what changes and applies only what is ticked.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { cli, makeCore, tempDir } from './helpers';
import { autoNumberedDocx, libreOfficeDocx, libreOfficeOdt, planHtml, typedDocx } from '../fixtures/plan-docs';
import { readDocx } from '../../electron/core/plan/docx-read';
import { fictionalPlan } from '../fixtures/plan-model';
import { placement } from './plan-placement';
import { emptyChoices } from '../../shared/schemas/plan';
import { ActivityUpdate } from '../../shared/schemas/tree';

const b64 = (buf: Buffer) => buf.toString('base64');
const file = (buf: Buffer, fileName = 'plan.docx') => ({ fileName, base64: b64(buf) });

async function checkVariant(name: string, buf: Buffer, ext = 'docx') {
  const core = await makeCore();
  const plan = fictionalPlan();
  const p = await placement(core.app.workspace!.db, plan, buf, `${name}.${ext}`);
  // The rate is the figure the issue asks for: printed for every variant.
  console.log(`[plan-import] ${name}: ${(p.rate * 100).toFixed(1)}% van de antwoorden onder de juiste vraag (${p.activities} activiteiten; laagste ${p.worst.code || '-'} ${(p.worst.rate * 100).toFixed(1)}%)`);
  if (p.wrong.length) console.log(p.wrong.join('\n'));
  expect(p.worst.rate).toBeGreaterThanOrEqual(0.95);
  expect(p.preview.counts).toMatchObject({ lines: 4, measures: 6, activities: 14 });
  expect(p.preview.items.filter((i) => i.kind === 'single').map((i) => i.code)).toEqual(['1.2']);
  expect(p.preview.items.filter((i) => i.kind === 'activity' && i.depth === 2).map((i) => i.code)).toEqual(['3.2']);
  // The table of contents repeats every heading; none of it became a record or unplaced text.
  expect(p.preview.skipped).toBeGreaterThanOrEqual(20);
  expect(p.preview.unplaced.every((u) => !/Maatregel|Programmalijn|Activiteit/.test(u.text))).toBe(true);
  expect(p.preview.title).toBe(plan.title);
  expect([p.preview.periodStart, p.preview.periodEnd]).toEqual([plan.periodStart, plan.periodEnd]);
  return p;
}

describe('plan import: the three shapes of the fictional plan', () => {
  it('Word automatic numbering (numbers only in numPr) and heading styles', async () => {
    const buf = await autoNumberedDocx(fictionalPlan());
    // The numbers really are not in the text.
    const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:numPr>');
    expect(xml).not.toContain('>1.1.1<');
    await checkVariant('automatische nummering', buf);
  });

  it('typed numbers, bold questions with answers on their line, a typed table of contents', async () => {
    await checkVariant('getypte nummers', await typedDocx(fictionalPlan()));
  });

  it('saved through LibreOffice (soffice --convert-to docx from HTML)', async () => {
    const buf = libreOfficeDocx(planHtml(fictionalPlan()), tempDir());
    await checkVariant('via LibreOffice', buf);
  }, 120_000);

  it('an OpenDocument text (.odt) saved by LibreOffice from the automatically numbered plan: the numbers live in its list styles', async () => {
    const odt = libreOfficeOdt(await autoNumberedDocx(fictionalPlan()), tempDir());
    const content = await (await JSZip.loadAsync(odt)).file('content.xml')!.async('string');
    expect(content).toContain('<text:list ');
    expect(content).not.toContain('>1.1.1<');
    await checkVariant('odt uit LibreOffice', odt, 'odt');
  }, 120_000);
});

/** A small OpenDocument text as LibreOffice writes one made there: chapter numbering (text:outline-style) on text:h, a numbered list, bold, italic, a table. */
async function chapterNumberedOdt(): Promise<Buffer> {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';
  const level = (n: number) => `<text:outline-level-style text:level="${n}" style:num-format="1" text:display-levels="${n}"/>`;
  const styles = `<office:document-styles ${ns}><office:styles>
    <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
    <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
    <text:outline-style style:name="Outline">${level(1)}${level(2)}${level(3)}</text:outline-style>
    <text:list-style style:name="Vragen"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/><text:list-level-style-bullet text:level="2" text:bullet-char="-"/></text:list-style>
  </office:styles></office:document-styles>`;
  const content = `<office:document-content ${ns}><office:automatic-styles>
    <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
    <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-style="italic"/></style:style>
  </office:automatic-styles><office:body><office:text>
    <text:h text:outline-level="1">Goed   kiezen</text:h>
    <text:h text:outline-level="2">Loopbaankeuze</text:h>
    <text:h text:outline-level="3">Kennismakingsweek</text:h>
    <text:list text:style-name="Vragen"><text:list-item><text:p><text:span text:style-name="T1">Naam van de programmalijn</text:span></text:p></text:list-item></text:list>
    <text:p>Goed<text:s text:c="2"/>kiezen<text:tab/>en<text:line-break/>overstappen</text:p>
    <text:list text:style-name="Vragen" text:continue-numbering="true"><text:list-item><text:p><text:span text:style-name="T1">Naam van de activiteit</text:span></text:p>
      <text:list><text:list-item><text:p>een opsomming</text:p></text:list-item></text:list></text:list-item></text:list>
    <text:p text:style-name="P1">Welke doelgroepen?</text:p>
    <table:table><table:table-row><table:table-cell><text:p>Schooljaar</text:p></table:table-cell><table:table-cell><text:p>Aantal</text:p></table:table-cell></table:table-row>
      <table:table-row><table:table-cell><text:p>2026/2027</text:p></table:table-cell><table:table-cell><text:p>40</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1000"/></table:table-row></table:table>
    <text:h text:outline-level="3">Meeloopdagen</text:h>
    <text:h text:outline-level="1">Behoud</text:h>
    <text:h text:outline-level="2" text:is-list-header="true">Zonder nummer</text:h>
  </office:text></office:body></office:document-content>`;
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text');
  zip.file('content.xml', content);
  zip.file('styles.xml', styles);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('plan import: the OpenDocument reader', () => {
  it('counts chapter numbering on headings and list numbers (continued lists, sublists), reads bold, italic, spaces and tables', async () => {
    const { blocks } = await readDocx(await chapterNumberedOdt(), 'plan.odt');
    const shown = blocks.map((b) => (b.kind === 'table' ? ['table', JSON.stringify(b.rows)] : [b.num?.bullet ? '•' : (b.num?.text ?? ''), b.text, b.headingLevel, b.bold, b.italic]));
    expect(shown).toEqual([
      ['1', 'Goed kiezen', 1, false, false],
      ['1.1', 'Loopbaankeuze', 2, false, false],
      ['1.1.1', 'Kennismakingsweek', 3, false, false],
      ['1.', 'Naam van de programmalijn', null, true, false],
      ['', 'Goed  kiezen\ten\noverstappen', null, false, false],
      ['2.', 'Naam van de activiteit', null, true, false],
      ['•', 'een opsomming', null, false, false],
      ['', 'Welke doelgroepen?', null, false, true],
      ['table', '[["Schooljaar","Aantal"],["2026/2027","40"]]'],
      ['1.1.2', 'Meeloopdagen', 3, false, false],
      ['2', 'Behoud', 1, false, false],
      ['', 'Zonder nummer', 2, false, false],
    ]);
  });
});

describe('plan import: refusals in Dutch', () => {
  it('not a docx, an OpenDocument spreadsheet, an encrypted or old .doc, too big, no structure', async () => {
    const core = await makeCore();
    const refuse = async (buf: Buffer, fileName: string) => {
      const e = await core.fail('plan.preview', { file: file(buf, fileName) });
      expect(e.message).not.toMatch(/zip|xml|error|undefined|stack|Cannot|JSZip/i);
      return e.message;
    };
    expect(await refuse(Buffer.from('Dit is gewoon tekst, geen Word-document.'), 'plan.txt')).toContain('geen Word-document');
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    ods.file('content.xml', '<office:document-content/>');
    expect(await refuse(await ods.generateAsync({ type: 'nodebuffer' }), 'plan.ods')).toContain('geen tekstdocument');
    const emptyOdt = new JSZip();
    emptyOdt.file('mimetype', 'application/vnd.oasis.opendocument.text');
    emptyOdt.file('content.xml', '<office:document-content/>');
    expect(await refuse(await emptyOdt.generateAsync({ type: 'nodebuffer' }), 'plan.odt')).toContain('beschadigd');
    const cfb = Buffer.alloc(4096);
    cfb.writeUInt32BE(0xd0cf11e0, 0);
    expect(await refuse(cfb, 'plan.docx')).toContain('wachtwoord');
    const broken = new JSZip();
    broken.file('[Content_Types].xml', '<Types/>');
    broken.file('word/document.xml', '<w:document><w:body><w:p>');
    expect(await refuse(await broken.generateAsync({ type: 'nodebuffer' }), 'kapot.docx')).toContain('beschadigd');
    // Too big: refused before it is unpacked.
    const big = Buffer.alloc(21 * 1024 * 1024);
    big.writeUInt32BE(0x504b0304, 0);
    const r = await core.dispatch('plan.preview', { file: file(big) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("groter dan 20 MB");
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Een notitie zonder kopjes.'), new Paragraph('Nog een alinea.')] }] }));
    const p = await core.call('plan.preview', { file: file(plain, 'notitie.docx') });
    expect(p.issues.join(' ')).toContain('geen maatregel of activiteit herkend');
    const e = await core.fail('plan.import', { file: file(plain, 'notitie.docx'), newProgramme: { name: 'X', periodStart: '2026-01-01', periodEnd: '2026-12-31' } });
    expect(e.message).toContain('geen maatregel of activiteit herkend');
  });
});

describe('plan import: corrections, one change set, undo, again later', () => {
  it('a paragraph moved in the preview lands under its question; the import is one change set that one undo removes', async () => {
    const core = await makeCore();
    const plan = fictionalPlan();
    const stray = { activityCode: '2.1.2', text: 'Ook de ouders weten na het eerste gesprek bij wie zij terechtkunnen.' };
    const buf = await typedDocx(plan, stray);
    const before = await core.call('plan.preview', { file: file(buf) });
    const lost = before.unplaced.find((u) => u.text === stray.text)!;
    expect(lost.where).toContain('Mentorenteam met extra uren');
    const target = before.items.find((i) => i.code === '2.1.2')!;
    const choices = { ...emptyChoices(), moves: { [String(lost.blockId)]: { item: target.blockId, field: 'aim' as const } }, levels: {} };
    const after = await core.call('plan.preview', { file: file(buf), choices });
    expect(after.unplaced.some((u) => u.text === stray.text)).toBe(false);
    expect(after.items.find((i) => i.code === '2.1.2')!.placed.filter((p) => p.field === 'aim').map((p) => p.text)).toContain(stray.text);

    const result = await core.call('plan.import', { file: file(buf), choices, newProgramme: { name: after.title, periodStart: after.periodStart!, periodEnd: after.periodEnd! }, sha256: after.sha256 });
    expect(result.changeSetId).not.toBeNull();
    const tree = await core.call('tree.get', { programmeId: result.programmeId });
    expect(tree.lines.map((l) => l.code)).toEqual(['1', '2', '3', '4']);
    const a = (await core.call('measure.get', { id: tree.lines[1]!.measures[0]!.id })).activities.find((x) => x.code === '2.1.2')!;
    // Placed in document order: the paragraph stood before the question.
    expect(a.aim).toBe(`${stray.text}\n${plan.lines[1]!.measures[0]!.activities[1]!.aim}`);
    const sets = await core.app.workspace!.db.selectFrom('changeSet').selectAll().where('action', '=', 'import').execute();
    expect(sets).toHaveLength(1);
    // One undo removes everything (after the question for a big change set).
    const ask = await core.call('history.undo', {});
    expect(ask.status).toBe('confirm');
    const done = await core.call('history.undo', { changeSetId: result.changeSetId! });
    expect(done.status).toBe('done');
    const list = await core.call('programme.list', {});
    expect(list.some((p) => p.id === result.programmeId)).toBe(false);
    const left = await core.app.workspace!.db.selectFrom('activity').select('id').where('deletedAt', 'is', null).execute();
    expect(left).toHaveLength(0);
  });

  it('a level changed in the preview: a skipped heading takes everything under it along', async () => {
    const core = await makeCore();
    const buf = await typedDocx(fictionalPlan());
    const first = await core.call('plan.preview', { file: file(buf) });
    const line4 = first.items.find((i) => i.kind === 'line' && i.code === '4')!;
    const p = await core.call('plan.preview', { file: file(buf), choices: { ...emptyChoices(), levels: { [String(line4.blockId)]: 'skip' } } });
    expect(p.counts).toMatchObject({ lines: 3, activities: 12 });
  });

  it('again later: an edit made in Regieboek after the preview is not written over; the import is refused and writes nothing', async () => {
    const core = await makeCore();
    const plan = fictionalPlan();
    const buf = await typedDocx(plan);
    const p0 = await core.call('plan.preview', { file: file(buf) });
    const first = await core.call('plan.import', { file: file(buf), newProgramme: { name: p0.title, periodStart: p0.periodStart!, periodEnd: p0.periodEnd! } });
    const newer = fictionalPlan();
    newer.lines[0]!.measures[0]!.activities[0]!.aim = 'Iedere eerstejaars kent na twee weken de mentor en het rooster.';
    const buf2 = await typedDocx(newer);
    const seen = await core.call('plan.preview', { file: file(buf2), programmeId: first.programmeId });
    expect(seen.basis).toMatch(/^[0-9a-f]{64}$/);
    // Meanwhile someone edits the same activity in Regieboek.
    const tree = await core.call('tree.get', { programmeId: first.programmeId });
    const act = await core.call('activity.get', { id: tree.lines[0]!.measures[0]!.activities[0]!.id });
    const form = Object.fromEntries(Object.keys(ActivityUpdate.shape).map((k) => [k, (act as Record<string, unknown>)[k]])) as ActivityUpdate;
    await core.call('activity.update', { ...form, aim: 'In Regieboek aangepast doel.' });
    const id = act.id;
    const sets = async () => (await core.app.workspace!.db.selectFrom('changeSet').select('id').execute()).length;
    const before = await sets();
    const e = await core.fail('plan.import', { file: file(buf2), programmeId: first.programmeId, sha256: seen.sha256, basis: seen.basis });
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('gewijzigd sinds dit voorbeeld');
    expect(await sets()).toBe(before);
    expect((await core.call('activity.get', { id })).aim).toBe('In Regieboek aangepast doel.');
    // A new preview sees the edit and may be applied.
    const fresh = await core.call('plan.preview', { file: file(buf2), programmeId: first.programmeId });
    const r = await core.call('plan.import', { file: file(buf2), programmeId: first.programmeId, sha256: fresh.sha256, basis: fresh.basis });
    expect(r.applied).toBeGreaterThan(0);
  });

  it('split in the preview: a paragraph made an activity starts a new one there, with the questions that follow it', async () => {
    const core = await makeCore();
    const buf = await typedDocx(fictionalPlan());
    const first = await core.call('plan.preview', { file: file(buf) });
    const a = first.items.find((i) => i.code === '1.1.1')!;
    const aim = a.placed.find((x) => x.field === 'aim')!;
    const p = await core.call('plan.preview', { file: file(buf), choices: { ...emptyChoices(), levels: { [String(aim.blockId)]: 'activity' } } });
    expect(p.counts.activities).toBe(15);
    const under = p.items.filter((i) => i.parentKey === a.parentKey);
    expect(under.map((i) => [i.code, i.questions.filter((q) => q.found).map((q) => q.no).join(',')])).toEqual([
      ['1.1.1', '1,2,3,4'],
      ['', '5,6,7,8,9,10,11'],
      ['1.1.2', '1,2,3,4,5,6,7,8,9,10,11'],
      ['1.1.3', '1,2,3,4,5,6,7,8,9,10,11'],
    ]);
    expect(under[1]!.name).toBe(aim.text);
  });

  it('merge in the preview: an activity joined to the one above adds its answers there, without a second name', async () => {
    const core = await makeCore();
    const plan = fictionalPlan();
    const buf = await typedDocx(plan);
    const first = await core.call('plan.preview', { file: file(buf) });
    const second = first.items.find((i) => i.code === '1.1.2')!;
    const p = await core.call('plan.preview', { file: file(buf), choices: { ...emptyChoices(), levels: { [String(second.blockId)]: 'merge' } } });
    expect(p.counts.activities).toBe(13);
    expect(p.items.filter((i) => i.parentKey === second.parentKey).map((i) => i.code)).toEqual(['1.1.1', '1.1.3']);
    const r = await core.call('plan.import', { file: file(buf), choices: { ...emptyChoices(), levels: { [String(second.blockId)]: 'merge' } }, newProgramme: { name: p.title, periodStart: p.periodStart!, periodEnd: p.periodEnd! } });
    const tree = await core.call('tree.get', { programmeId: r.programmeId });
    const a = await core.call('activity.get', { id: tree.lines[0]!.measures[0]!.activities[0]!.id });
    const [one, two] = plan.lines[0]!.measures[0]!.activities;
    expect(a.name).toBe(one!.name);
    expect(a.aim).toBe(`${one!.aim}\n${two!.aim}`);
    // The second activity's sub-activities are numbered on after the first's.
    expect(a.subActivities.map((x) => [x.number, x.name])).toEqual([...one!.subs, ...two!.subs].map((x, i) => [String(i + 1), x[1]]));
  });

  it('again later: a newer version shows new, changed (old -> new) and only in Regieboek, and applies only what is ticked', async () => {
    const core = await makeCore();
    const plan = fictionalPlan();
    const buf = await autoNumberedDocx(plan);
    const p0 = await core.call('plan.preview', { file: file(buf) });
    const first = await core.call('plan.import', { file: file(buf), newProgramme: { name: p0.title, periodStart: p0.periodStart!, periodEnd: p0.periodEnd! } });
    const pid = first.programmeId;
    // The newer version: one aim reworded, one activity gone, one new.
    const newer = fictionalPlan();
    const m11 = newer.lines[0]!.measures[0]!;
    m11.activities[0]!.aim = 'Iedere eerstejaars kent na twee weken de mentor en het rooster.';
    const gone = m11.activities.splice(2, 1)[0]!;
    const extra = { ...gone, code: '1.1.3', name: 'Open lessen voor twijfelaars' };
    m11.activities.push(extra);
    const buf2 = await autoNumberedDocx(newer);
    const dry = await core.call('plan.preview', { file: file(buf2), programmeId: pid });
    const changed = dry.items.filter((i) => i.status === 'changed');
    expect(changed.map((i) => i.code)).toEqual(['1.1.1', '1.1.3']);
    expect(changed[0]!.changes).toEqual([expect.objectContaining({ field: 'aim', old: plan.lines[0]!.measures[0]!.activities[0]!.aim, new: m11.activities[0]!.aim })]);
    expect(dry.items.filter((i) => i.status === 'new')).toHaveLength(0);
    expect(dry.items.filter((i) => i.status === 'unchanged').length).toBeGreaterThan(20);
    // Only the aim is ticked: the renamed 1.1.3 stays as it is.
    const r = await core.call('plan.import', { file: file(buf2), programmeId: pid, choices: { ...emptyChoices(), apply: [changed[0]!.key] } });
    expect(r.applied).toBe(1);
    const tree = await core.call('tree.get', { programmeId: pid });
    const acts = tree.lines[0]!.measures[0]!.activities;
    expect(acts.map((a) => a.name)).toEqual(plan.lines[0]!.measures[0]!.activities.map((a) => a.name));
    expect((await core.call('activity.get', { id: acts[0]!.id })).aim).toBe(m11.activities[0]!.aim);
  });
});

describe('plan import: the numbers of questions 8 and 10 are suggestions, never silent records', () => {
  /** Activity 1.1.1 with a vsv sentence and a table of targets per school year (2030/2031 lies after the programme). */
  function planWithResults(countIn2027 = '50') {
    const plan = fictionalPlan();
    const a = plan.lines[0]!.measures[0]!.activities[0]!;
    a.resultsVsvContribution = 'Het vsv-percentage onder eerstejaars mbo niveau 2 daalt van 6,0% (nulmeting schooljaar 2024/2025) naar 4,5% in 2028/2029.';
    a.resultsTable = [
      ['Indicator', '2026/2027', '2027/2028', '2028/2029', '2030/2031'],
      ['Aantal trajecten', '40', countIn2027, '60', '70'],
    ];
    return plan;
  }
  const ownIndicators = (core: Awaited<ReturnType<typeof makeCore>>) =>
    core.app.workspace!.db.selectFrom('indicator').innerJoin('activity', 'activity.id', 'indicator.activityId').select(['indicator.id', 'indicator.name', 'activity.code']).where('indicator.builtin', 'is', null).where('indicator.deletedAt', 'is', null).execute();

  it('offered one by one; an accepted target brings its indicator, in the one change set; a target outside the programme is refused; undo removes them', async () => {
    const core = await makeCore();
    const buf = await autoNumberedDocx(planWithResults());
    const p = await core.call('plan.preview', { file: file(buf) });
    const item = p.items.find((i) => i.code === '1.1.1')!;
    const mine = p.suggestions.filter((s) => s.itemKey === item.key);
    expect(mine.map((s) => [s.kind, s.label])).toEqual([
      ['participants', 'Beoogd aantal deelnemers 2026/2027: 40'],
      ['participants', 'Beoogd aantal deelnemers 2027/2028: 50'],
      ['participants', 'Beoogd aantal deelnemers 2028/2029: 60'],
      ['indicator', 'Indicator "Vsv-percentage onder eerstejaars mbo niveau 2" (percentage, lager is beter; nulmeting 6%, peildatum 31-07-2025)'],
      ['target', 'Streefwaarde 2028/2029: 4,5%'],
      ['indicator', 'Indicator "Aantal trajecten" (aantal, hoger is beter)'],
      ['target', 'Streefwaarde 2026/2027: 40'],
      ['target', 'Streefwaarde 2027/2028: 50'],
      ['target', 'Streefwaarde 2028/2029: 60'],
      ['target', 'Streefwaarde 2030/2031: 70'],
    ]);
    expect(mine.every((s) => !s.accepted)).toBe(true);
    const late = mine.find((s) => s.period === '2030/2031')!;
    expect(late.blocked).toBe('2030/2031 valt buiten de programmaperiode (01-08-2026 t/m 31-07-2029).');
    expect(mine.filter((s) => s.blocked)).toHaveLength(1);
    // Every activity of the plan has its vsv sentence as a suggestion, none accepted.
    expect(p.suggestions.filter((s) => s.kind === 'indicator')).toHaveLength(15);

    const newProgramme = { name: p.title, periodStart: p.periodStart!, periodEnd: p.periodEnd! };
    const target2027 = mine.find((s) => s.kind === 'target' && s.period === '2027/2028')!;
    // Ticking the target takes its indicator along: the preview says so before anything is written.
    const ticked = await core.call('plan.preview', { file: file(buf), choices: { ...emptyChoices(), suggestions: [target2027.id] } });
    expect(ticked.suggestions.filter((s) => s.accepted).map((s) => s.id)).toEqual([target2027.indicatorId, target2027.id]);
    // A refused suggestion that was ticked stops the import, with the reason.
    const e = await core.fail('plan.import', { file: file(buf), newProgramme, choices: { ...emptyChoices(), suggestions: [target2027.id, late.id] } });
    expect(e.message).toContain('Streefwaarde 2030/2031: 70: 2030/2031 valt buiten de programmaperiode');
    expect(await core.call('programme.list', {})).toHaveLength(0);

    const r = await core.call('plan.import', { file: file(buf), newProgramme, choices: { ...emptyChoices(), suggestions: [target2027.id] } });
    const inds = await ownIndicators(core);
    expect(inds.map((i) => [i.code, i.name])).toEqual([['1.1.1', 'Aantal trajecten']]);
    const view = await core.call('indicator.get', { id: inds[0]!.id });
    expect(view.targets.map((x) => [x.period, x.value])).toEqual([['2027/2028', 50]]);
    expect([view.unit, view.direction, view.periodKind, view.momentKind, view.momentDates]).toEqual(['aantal', 'hoger', 'schooljaar', 'halfjaarlijks', ['02-01', '08-01']]);
    const setOf = (table: 'indicator' | 'target', id: string) => core.app.workspace!.db.selectFrom('change').select('changeSetId').where('entity', '=', table).where('entityId', '=', id).executeTakeFirstOrThrow();
    expect((await setOf('indicator', view.id)).changeSetId).toBe(r.changeSetId);
    expect((await setOf('target', view.targets[0]!.id)).changeSetId).toBe(r.changeSetId);
    // Participants were not accepted: none planned.
    const tree = await core.call('tree.get', { programmeId: r.programmeId });
    const act = await core.call('activity.get', { id: tree.lines[0]!.measures[0]!.activities[0]!.id });
    expect(act.plannedParticipants).toEqual([]);

    await core.call('history.undo', { changeSetId: r.changeSetId! });
    expect(await ownIndicators(core)).toHaveLength(0);
    expect(await core.app.workspace!.db.selectFrom('target').select('id').where('deletedAt', 'is', null).execute()).toHaveLength(0);
  });

  it('again later: an indicator Regieboek has gets only its missing targets; a target with another value is not revised silently', async () => {
    const core = await makeCore();
    const buf = await autoNumberedDocx(planWithResults());
    const p = await core.call('plan.preview', { file: file(buf) });
    const ids = p.suggestions.filter((s) => s.kind === 'target' && s.period === '2027/2028' && s.label.endsWith(': 50')).map((s) => s.id);
    const first = await core.call('plan.import', { file: file(buf), newProgramme: { name: p.title, periodStart: p.periodStart!, periodEnd: p.periodEnd! }, choices: { ...emptyChoices(), suggestions: ids } });

    // The same document again: nothing changed, the accepted target is not offered again, the others still are.
    const same = await core.call('plan.preview', { file: file(buf), programmeId: first.programmeId });
    const sameItem = same.items.find((i) => i.code === '1.1.1')!;
    expect(sameItem.status).toBe('unchanged');
    expect(same.suggestions.filter((s) => s.itemKey === sameItem.key && s.label.includes('Aantal trajecten')).map((s) => [s.period, s.blocked !== null])).toEqual([
      ['2026/2027', false],
      ['2028/2029', false],
      ['2030/2031', true],
    ]);

    // The newer version says 55 for 2027/2028: question 10's text changed (the table is part of it); the target is not revised.
    const buf2 = await autoNumberedDocx(planWithResults('55'));
    const dry = await core.call('plan.preview', { file: file(buf2), programmeId: first.programmeId });
    const item = dry.items.find((i) => i.code === '1.1.1')!;
    expect(item.status).toBe('changed');
    expect(item.changes.map((c) => c.field)).toEqual(['indicatorsMonitoring']);
    expect(item.changes[0]!.new).toContain('55');
    const mine = dry.suggestions.filter((s) => s.itemKey === item.key && s.label.includes('Aantal trajecten'));
    expect(mine.map((s) => [s.kind, s.period, s.indicatorId, s.blocked !== null])).toEqual([
      ['target', '2026/2027', null, false],
      ['target', '2027/2028', null, true],
      ['target', '2028/2029', null, false],
      ['target', '2030/2031', null, true],
    ]);
    expect(mine[1]!.blocked).toBe('Regieboek heeft voor 2027/2028 al 50. Een streefwaarde herzien gaat met reden en besluitdatum, op het scherm Resultaten.');
    expect(mine[0]!.label).toBe('Streefwaarde 2026/2027: 40 (bij de bestaande indicator "Aantal trajecten")');

    // Accepting one makes the activity changed, and only that target is added.
    const withTarget = await core.call('plan.preview', { file: file(buf2), programmeId: first.programmeId, choices: { ...emptyChoices(), suggestions: [mine[0]!.id] } });
    const changed = withTarget.items.find((i) => i.code === '1.1.1')!;
    expect(changed.status).toBe('changed');
    expect(changed.changes.map((c) => c.field)).toEqual(['indicatorsMonitoring', 'target']);
    expect(changed.changes.map((c) => [c.label, c.new])[1]).toEqual(['Streefwaarde 2026/2027', 'Aantal trajecten: 40']);
    const r = await core.call('plan.import', { file: file(buf2), programmeId: first.programmeId, choices: { ...emptyChoices(), suggestions: [mine[0]!.id], apply: [changed.key] } });
    expect(r.applied).toBe(1);
    const inds = await ownIndicators(core);
    expect(inds).toHaveLength(1);
    const view = await core.call('indicator.get', { id: inds[0]!.id });
    expect(view.targets.map((x) => [x.period, x.value])).toEqual([
      ['2026/2027', 40],
      ['2027/2028', 50],
    ]);
  });
});

describe('plan import and export on the command line', () => {
  it('plan import --dry-run --json prints the tree with the questions found; without it, one import; plan export writes a .docx', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'regio.regieboek');
    const dataDir = path.join(dir, 'data');
    expect((await cli('init', '--db', db, '--region', '16')).code).toBe(0);
    const docx = path.join(dir, 'plan.docx');
    fs.writeFileSync(docx, await typedDocx(fictionalPlan()));
    const dry = await cli('plan', 'import', '--db', db, '--in', docx, '--dry-run', '--json', '--data-dir', dataDir);
    expect(dry.code).toBe(0);
    const j = JSON.parse(dry.out) as { dryRun: boolean; items: { kind: string; code: string; questions: { no: number; found: boolean }[] }[] };
    expect(j.dryRun).toBe(true);
    expect(j.items.filter((i) => i.questions.length && i.questions.every((q) => q.found))).toHaveLength(14);
    const applied = await cli('plan', 'import', '--db', db, '--in', docx, '--accept-suggestions', '--data-dir', dataDir);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('ingelezen in programma');
    const tree = JSON.parse((await cli('tree', '--db', db, '--json')).out) as { programmes: { id: string; name: string }[] };
    expect(tree.programmes).toHaveLength(1);
    const out = path.join(dir, 'terug.docx');
    const exp = await cli('plan', 'export', '--db', db, '--programme', tree.programmes[0]!.id, '--out', out);
    expect(exp.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const bad = await cli('plan', 'import', '--db', db, '--in', path.join(dir, 'bestaat-niet.docx'));
    expect(bad.code).toBe(1);
  });
});

describe('plan import: the privacy guard looks at the document before anything is applied', () => {
  it('a BSN in an answer and a home address in a sub-activity show in the preview at their record and field; the import is refused and writes nothing', async () => {
    const core = await makeCore();
    const plan = fictionalPlan();
    const a = plan.lines[0]!.measures[0]!.activities[0]!;
    a.aim = `${a.aim} Voorbeeld: jongere met BSN 111222333 kreeg een traject.`;
    const b = plan.lines[0]!.measures[0]!.activities[1]!;
    b.subs[0]![3] = 'Huisbezoek: de jongere woont op Dorpsstraat 12, 1234 AB Ergens.';
    const buf = await typedDocx(plan);
    const p = await core.call('plan.preview', { file: file(buf) });
    const item = p.items.find((i) => i.code === a.code)!;
    const privacy = item.issues.filter((i) => i.includes('Regieboek bewaart nooit gegevens over één jongere'));
    expect(privacy).toHaveLength(1);
    expect(privacy[0]).toMatch(new RegExp(`^${a.code.replace(/\./g, '\\.')} .*\\(Doel van de activiteit\\): hier staat een BSN \\(…333\\)\\.`));
    expect(privacy[0]).not.toContain('111222333');
    const sub = p.items.find((i) => i.code === b.code)!.issues.filter((i) => i.includes('Regieboek bewaart nooit'));
    expect(sub).toHaveLength(1);
    expect(sub[0]).toContain('hier staat een woonadres');
    expect(sub[0]).not.toContain('Dorpsstraat 12');
    // No other record is held against the guard.
    expect(p.items.filter((i) => i !== item && i.code !== b.code && i.issues.some((x) => x.includes('jongere')))).toEqual([]);

    const before = await core.app.workspace!.db.selectFrom('activity').select('id').execute();
    const err = await core.fail('plan.import', { file: file(buf), choices: emptyChoices(), newProgramme: { name: p.title, periodStart: p.periodStart!, periodEnd: p.periodEnd! }, sha256: p.sha256 });
    expect(err.message).toContain('hier staat een BSN (…333)');
    expect(await core.app.workspace!.db.selectFrom('activity').select('id').execute()).toEqual(before);
  });
});
