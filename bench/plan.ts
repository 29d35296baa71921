/**
 * Word plan benchmark: a fictional plan N times the test plan (14 activities each, about 1.5 pages
 * per activity) read into a preview (what every move in the preview screen recomputes), imported
 * into an empty workspace, and exported again; against raw jszip + @xmldom/xmldom reading of the
 * same document.xml and a raw `docx` Packer of as many paragraphs, in the same run. Part of
 * `npm run bench`; for other sizes: node --import tsx bench/plan.ts N ...
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { Document, Packer, Paragraph } from 'docx';
import { createWorkspaceFile } from '../electron/core/db/workspace-file';
import { applyPlan, previewPlan } from '../electron/core/plan/import';
import { exportPlan } from '../electron/core/plan/write';
import { EXAMPLE_REGION } from '../shared/regions';
import { emptyChoices } from '../shared/schemas/plan';
import { autoNumberedDocx } from '../tests/fixtures/plan-docs';
import { fictionalPlan, type FxPlan } from '../tests/fixtures/plan-model';
import { report, row, timed } from './util';

/** The test plan N times, each copy's lines renumbered after the last (1-4, 5-8, ...). */
function scaledPlan(times: number): FxPlan {
  const base = fictionalPlan();
  const lines = [];
  for (let c = 0; c < times; c++) {
    const copy = fictionalPlan();
    for (const l of copy.lines) {
      const n = String(Number(l.code) + c * base.lines.length);
      const recode = (code: string) => code.replace(/^\d+/, n);
      l.code = n;
      for (const m of l.measures) {
        m.code = recode(m.code);
        for (const a of m.activities) a.code = recode(a.code);
      }
      lines.push(l);
    }
  }
  return { ...base, lines };
}

async function run(times: number, runs: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plan-'));
  const plan = scaledPlan(times);
  const activities = plan.lines.flatMap((l) => l.measures.flatMap((m) => m.activities)).length;
  const buf = await autoNumberedDocx(plan);
  const ws = createWorkspaceFile(path.join(dir, 'a.regieboek'), EXAMPLE_REGION);
  const preview: number[] = [];
  const raw: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const [ms, r] = await timed(() => previewPlan(ws.db, buf, 'plan.docx', emptyChoices(), null));
    preview.push(ms);
    found = r.preview.counts.activities;
    const [rawMs] = await timed(async () => {
      const zip = await JSZip.loadAsync(buf);
      const xml = await zip.file('word/document.xml')!.async('string');
      return new DOMParser().parseFromString(xml, 'text/xml').documentElement;
    });
    raw.push(rawMs);
  }
  if (found !== activities) throw new Error(`preview found ${found} of ${activities} activities`);
  const p = (await previewPlan(ws.db, buf, 'plan.docx', emptyChoices(), null)).preview;
  const [applyMs, applied] = await timed(() => applyPlan(ws.db, buf, 'plan.docx', { user: 'bench', session: 'bench', programmeId: null, newProgramme: { name: p.title, periodStart: p.periodStart!, periodEnd: p.periodEnd! }, choices: emptyChoices() }));
  const exportRuns: number[] = [];
  const packRuns: number[] = [];
  let paragraphs = 0;
  for (let i = 0; i < Math.max(1, Math.floor(runs / 2)); i++) {
    const [ms, out] = await timed(() => exportPlan(ws.db, applied.programmeId));
    exportRuns.push(ms);
    paragraphs = ((await (await JSZip.loadAsync(out.buffer)).file('word/document.xml')!.async('string')).match(/<w:p[ >]/g) ?? []).length;
    const [packMs] = await timed(() => Packer.toBuffer(new Document({ sections: [{ children: Array.from({ length: paragraphs }, (_, k) => new Paragraph(`Alinea ${k} met een zin van gewone lengte voor de vergelijking.`)) }] })));
    packRuns.push(packMs);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const label = `plan ×${times} (${activities} act., ${(buf.length / 1024).toFixed(0)} kB)`;
  return [
    row(label, 'voorbeeld (lezen + herkennen)', preview, { what: 'jszip + xmldom document.xml', samples: raw }),
    row(label, 'inlezen (één wijzigingsset)', [applyMs]),
    row(label, `export .docx (${paragraphs} alinea's)`, exportRuns, { what: `docx Packer ${paragraphs} alinea's`, samples: packRuns }),
  ];
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const rows = [];
  for (const n of sizes.length ? sizes : [4]) rows.push(...(await run(n, runs)));
  report(rows);
}
void main();
