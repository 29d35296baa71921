/**
 * The plan as a Word document: the example region's plan exported and imported into an empty
 * workspace gives the same tree, codes and texts; the document converts to PDF with LibreOffice
 * without errors, and a PNG of its first activity page is written to test-results/plan/ to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema';
import type { Workspace } from '../../electron/core/db/workspace-file';
import { exportPlan } from '../../electron/core/plan/write';
import { applyPlan, previewPlan } from '../../electron/core/plan/import';
import { findActivity, programmeTree } from '../../electron/core/db/queries/tree';
import { emptyChoices } from '../../shared/schemas/plan';
import { ACTIVITY_LONG_TEXTS } from '../../shared/schemas/tree';
import { clockForFile, tempDir } from './helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';
import { emptyWorkspace, exampleWorkspace } from './excel-helpers';

// The example region's names and years as written (it moves with the clock otherwise).
clockForFile(WRITTEN_ON);

let example: Workspace;
let programmeId: string;
let docx: Buffer;

beforeAll(async () => {
  example = await exampleWorkspace(tempDir());
  const p = await example.db.selectFrom('programme').select('id').where('name', '=', 'Regionaal programma VSV 2024-2028').executeTakeFirstOrThrow();
  programmeId = p.id;
  docx = (await exportPlan(example.db, programmeId)).buffer;
}, 60_000);
afterAll(async () => {
  await example?.close();
});

/** Everything the plan document carries, per item, in plan order. */
async function snapshot(db: Kysely<Database>, id: string) {
  const tree = (await programmeTree(db, id))!;
  const programme = await db.selectFrom('programme').select(['analysis']).where('id', '=', id).executeTakeFirstOrThrow();
  const lines = [];
  for (const l of tree.lines) {
    const measures = [];
    for (const m of l.measures) {
      const row = await db.selectFrom('measure').select('description').where('id', '=', m.id).executeTakeFirstOrThrow();
      const acts = [];
      for (const ta of m.activities) {
        const a = (await findActivity(db, ta.id))!;
        acts.push({
          code: a.code,
          name: a.name,
          startDate: a.startDate,
          endDate: a.endDate,
          targetGroups: a.targetGroups,
          plannedParticipants: a.plannedParticipants,
          sustainabilityFrom: a.sustainabilityFrom,
          texts: Object.fromEntries(ACTIVITY_LONG_TEXTS.map((f) => [f, a[f]])),
          subs: a.subActivities.map((s) => [s.number, s.name, s.period, s.intendedResult]),
        });
      }
      measures.push({ code: m.code, name: m.name, shape: m.shape, description: m.shape === 'measure' ? row.description : '', activities: acts });
    }
    lines.push({ code: l.code, name: l.name, description: l.description, measures });
  }
  return { analysis: programme.analysis, lines };
}

describe('plan export', () => {
  it('round trip: the example region exported and imported into an empty workspace has the same tree, codes and texts', async () => {
    const dir = tempDir();
    const empty = emptyWorkspace(dir);
    try {
      const first = await previewPlan(empty.db, docx, 'plan.docx', emptyChoices(), null);
      // The cover (title, region, period, the day it was made) gives the programme its name and period; nothing is left unplaced.
      expect(first.preview.unplaced.map((u) => u.text)).toEqual([]);
      expect([first.preview.title, first.preview.periodStart, first.preview.periodEnd]).toEqual(['Regionaal programma VSV 2024-2028', '2024-08-01', '2028-07-31']);
      const choices = { ...emptyChoices(), suggestions: first.preview.suggestions.filter((s) => !s.blocked).map((s) => s.id) };
      const p = first.preview;
      const r = await applyPlan(empty.db, docx, 'plan.docx', { user: 'Test', session: 't', programmeId: null, newProgramme: { name: p.title, periodStart: p.periodStart!, periodEnd: p.periodEnd! }, choices });
      const want = await snapshot(example.db, programmeId);
      const got = await snapshot(empty.db, r.programmeId);
      expect(got).toEqual(want);
      const counts = { lines: want.lines.length, measures: want.lines.flatMap((l) => l.measures).length, activities: want.lines.flatMap((l) => l.measures.flatMap((m) => m.activities)).length };
      console.log(`[plan-export] heen en terug: ${counts.lines} programmalijnen, ${counts.measures} maatregelen, ${counts.activities} activiteiten gelijk`);
      const programme = await empty.db.selectFrom('programme').selectAll().where('id', '=', r.programmeId).executeTakeFirstOrThrow();
      expect([programme.name, programme.periodStart, programme.periodEnd]).toEqual(['Regionaal programma VSV 2024-2028', '2024-08-01', '2028-07-31']);
    } finally {
      await empty.close();
    }
  }, 60_000);

  it('converts to PDF with LibreOffice without errors; the first activity page is written as a PNG', () => {
    const dir = tempDir();
    const src = path.join(dir, 'plan.docx');
    fs.writeFileSync(src, docx);
    const res = execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, src], { encoding: 'utf8', stdio: 'pipe', timeout: 180_000 });
    expect(res).not.toMatch(/error/i);
    const pdf = path.join(dir, 'plan.pdf');
    expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').map((p) => p.replace(/\s+/g, ' '));
    // Cover, table of contents, then the plan; page numbers and the header on every page after the cover.
    expect(pages[0]).toMatch(/Regionaal programma VSV 2024- ?2028/);
    expect(pages[1]).toContain('Inhoud');
    expect(pages[1]).toContain('Programmalijn 1: Preventie en loopbaanoriëntatie in het vo');
    const first = pages.findIndex((p) => p.includes('1. Naam van de programmalijn'));
    expect(first).toBeGreaterThan(1);
    expect(pages[first]).toMatch(/Pagina \d+/);
    expect(pages[first]).toContain('Voorbeeldregio');
    for (const q of ['2. Naam activiteit', '3. Beknopte omschrijving', '4. Doel van de activiteit', '5. Duur en start', '6. Deelactiviteiten']) expect(text).toContain(q);
    const out = path.resolve('test-results/plan');
    fs.mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-f', String(first + 1), '-l', String(first + 1), '-png', '-r', '70', '-singlefile', pdf, path.join(out, 'eerste-activiteit')]);
    fs.copyFileSync(pdf, path.join(out, 'plan.pdf'));
    expect(fs.statSync(path.join(out, 'eerste-activiteit.png')).size).toBeGreaterThan(5_000);
  }, 200_000);
});
