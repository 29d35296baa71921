import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main';
import { RESULT_STATUSES } from '../../shared/results/types';
import { clockForFile, makeCore } from './helpers';
import { WRITTEN_ON } from '../../electron/core/demo/calendar';
import ExcelJS from 'exceljs';
import { STATUS_ICON, worstStatus } from '../../shared/results/symbols';
import { t } from '../../shared/i18n/nl';
import type { ResultStatus } from '../../shared/results/types';

// Statuses depend on the date: these tests fix the core's clock on the example's own day.
clockForFile(WRITTEN_ON);

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

interface CliMeasurement {
  period: string;
  date: string;
  value: number | null;
  status: string;
  counts: boolean;
}
interface CliIndicator {
  id: string;
  programme: string;
  activity: string | null;
  measure: string;
  indicator: string;
  parent: string | null;
  direction: string;
  baseline: unknown;
  targets: { current: boolean; reason?: string; period: string }[];
  measurements: CliMeasurement[];
  latest: { period: string; date: string; value: number | null; status: string } | null;
  status: string;
  basis: string | null;
}

// One example workspace for both tests (made once: seeding it is the slow part). Its own folder,
// not tempDir(), which is emptied after each test.
let dir = '';
let file = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-results-cli-'));
  file = path.join(dir, 'demo.sqlite');
  expect((await run(['demo', '--db', file])).code).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function demoResults() {
  process.env.REGIEBOEK_TODAY = '2026-11-23';
  const r = await run(['results', '--db', file, '--json']);
  expect(r.code).toBe(0);
  return { file, indicators: (JSON.parse(r.out) as { indicators: CliIndicator[] }).indicators };
}

describe('regieboek results', () => {
  it('prints every indicator of the example region with baseline, targets, each measurement with its period and date apart, the latest value and the status', async () => {
    const { file, indicators } = await demoResults();
    for (const i of indicators) expect(Object.keys(i)).toEqual(expect.arrayContaining(['activity', 'indicator', 'direction', 'baseline', 'targets', 'measurements', 'latest', 'status']));
    expect(new Set(indicators.map((i) => i.status))).toEqual(new Set(RESULT_STATUSES));
    expect(new Set(indicators.map((i) => i.direction))).toEqual(new Set(['hoger', 'lager', 'bandbreedte']));
    // Every measurement, and every latest value, has its period and its date, each in its own form.
    const all = indicators.flatMap((i) => [...i.measurements, ...(i.latest ? [i.latest] : [])]);
    expect(all.length).toBeGreaterThan(100);
    for (const m of all) {
      expect(m.period).toMatch(/^\d{4}\/\d{4}$/);
      expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // A November figure is about the school year that ended before it.
    const vsv = indicators.find((i) => i.indicator === 'VSV-percentage vmbo-gediplomeerden' && i.activity?.startsWith('2.2.1'))!;
    expect(vsv.latest).toMatchObject({ period: '2025/2026', date: '2026-11-01', status: 'voorlopig' });
    expect(vsv.measurements.map((m) => [m.period, m.date, m.status, m.counts])).toEqual([
      ['2024/2025', '2025-11-01', 'voorlopig', false],
      ['2024/2025', '2025-11-01', 'definitief', true],
      ['2025/2026', '2026-11-01', 'voorlopig', true],
    ]);
    // The linked pair, and the part without a baseline: its status comes from the target alone.
    const ddd = indicators.find((i) => i.indicator === 'Overstappers met een ingevuld DDD')!;
    expect(ddd).toMatchObject({ parent: 'Overstappers in beeld op 1 juni', status: 'aandacht', basis: 'streefwaarde', latest: { period: '2024/2025', date: '2025-06-01' } });
    // Every activity shows 1-3 cards; a "waarvan" part is shown on its parent's card.
    const perActivity = new Map<string, number>();
    for (const i of indicators) if (i.activity && !i.parent) perActivity.set(i.activity, (perActivity.get(i.activity) ?? 0) + 1);
    expect(perActivity.size).toBe(27);
    expect([...perActivity.values()].every((n) => n >= 1 && n <= 3)).toBe(true);
    // The revised target keeps the earlier one, with the reason on the revision.
    const wait = indicators.find((i) => i.indicator === 'Wachttijd tot eerste gesprek')!;
    expect(wait.targets.filter((x) => !x.current)).toHaveLength(1);
    expect(wait.targets.find((x) => x.reason)?.reason).toMatch(/Personeelstekort/);

    const text = await run(['results', '--db', file]);
    expect(text.out).toMatch(/Doe-dagen in het mbo \| Leerlingen vmbo 4 met twee doe-dagen \| Behaald \| 90,53% over 2025\/2026 \(gemeten 01-02-2026\)/);
    expect(text.out).toMatch(/Digitaal Doorstroom Dossier \| VSV-percentage vmbo-gediplomeerden \| \S+ \| [\d,]+% over 2025\/2026 \(gemeten 01-11-2026\)/);
  });

  it('the screens, the facts panel, the steering workbook and the CLI show the same status for every indicator of the example region', async () => {
    const { file, indicators } = await demoResults();
    const { call } = await makeCore({ workspace: false });
    await call('workspace.open', { path: file });
    const cli = new Map(indicators.map((i) => [i.id, i]));
    const seen = new Set<string>();
    const agree = (id: string, status: string, latest: { period: string; date: string } | null, where: string) => {
      const c = cli.get(id);
      expect(c, `${where}: ${id}`).toBeDefined();
      expect([where, status, latest?.period ?? null, latest?.date ?? null]).toEqual([where, c!.status, c!.latest?.period ?? null, c!.latest?.date ?? null]);
      seen.add(id);
    };
    for (const p of await call('programme.list')) {
      const r = await call('results.forProgramme', { programmeId: p.id });
      for (const m of r.measures) {
        for (const v of m.indicators) {
          agree(v.id, v.evaluation.status, v.evaluation.latest, 'Resultaten (programma)');
          const one = await call('indicator.get', { id: v.id });
          agree(one.id, one.evaluation.status, one.evaluation.latest, 'Indicator');
        }
        for (const a of m.activities) {
          for (const v of a.indicators) agree(v.id, v.evaluation.status, v.evaluation.latest, 'Resultaten (programma)');
          for (const v of (await call('results.forActivity', { activityId: a.id })).indicators) agree(v.id, v.evaluation.status, v.evaluation.latest, 'Resultaten (activiteit)');
        }
        // The facts panel of a monitoring input on the same day.
        const facts = await call('monitoring.facts', { measureId: m.id, asOf: '2026-11-23', partnerId: null });
        for (const f of facts.results.items) agree(f.indicatorId, f.status, f.latestDate ? { period: f.period!, date: f.latestDate } : null, 'Feitenpaneel');
      }
    }
    // Every indicator the CLI lists was seen on a screen.
    expect(seen).toEqual(new Set(cli.keys()));

    // The steering workbook (regieboek export --kind steering): the Resultaten sheet has a row per
    // indicator with the same status, period and date; the Overzicht sheet's status of a measure is
    // the worst of its indicators' statuses as the CLI gives them.
    const out = path.join(dir, 'stuurgroep.xlsx');
    expect((await run(['export', '--db', file, '--kind', 'steering', '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const text = (s: string) => `${STATUS_ICON[s as ResultStatus]} ${t(`resultStatus.${s as ResultStatus}`)}`;
    const key = (...parts: (string | null)[]) => parts.map((x) => x ?? '').join(' | ');
    const byKey = new Map<string, CliIndicator>();
    for (const i of indicators) byKey.set(key(i.programme, i.measure, i.activity, i.indicator), i);
    expect(byKey.size).toBe(indicators.length);
    const sheet = wb.getWorksheet('Resultaten')!;
    const head = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const at = (name: string) => head.indexOf(name) + 1;
    for (const name of ['Programma', 'Code', 'Maatregel', 'Indicator', 'Over periode', 'Meetdatum laatste waarde', 'Status']) expect(head, name).toContain(name);
    const rowsSeen = new Set<string>();
    for (let r = 2; r <= sheet.actualRowCount; r++) {
      const row = sheet.getRow(r);
      const cell = (name: string) => row.getCell(at(name)).value;
      const k = key(String(cell('Programma')), `${String(cell('Code') ?? '')} ${String(cell('Maatregel'))}`.trim(), String(cell('Activiteit') ?? '') || null, String(cell('Indicator')));
      const c = byKey.get(k);
      expect(c, `Stuurgroeprapportage, rij ${r}: ${k}`).toBeDefined();
      const date = cell('Meetdatum laatste waarde');
      expect([k, cell('Status'), cell('Over periode') || null, date instanceof Date ? date.toISOString().slice(0, 10) : null]).toEqual([k, text(c!.status), c!.latest?.period ?? null, c!.latest?.date ?? null]);
      rowsSeen.add(k);
    }
    expect(rowsSeen).toEqual(new Set(byKey.keys()));
    // The "waarvan" pair: the part right under its parent, named as its part, and the two together
    // in one sentence on the parent's row, as on the results card.
    const rowOf = (name: string) => [...Array(sheet.actualRowCount).keys()].map((i) => i + 1).filter((r) => sheet.getRow(r).getCell(at('Indicator')).value === name);
    const [parentRow] = rowOf('Overstappers in beeld op 1 juni');
    expect(rowOf('Overstappers met een ingevuld DDD')).toEqual([parentRow! + 1]);
    expect(sheet.getRow(parentRow! + 1).getCell(at('Onderdeel van')).value).toBe('Overstappers in beeld op 1 juni');
    expect(sheet.getRow(parentRow!).getCell(at('Samen')).value).toMatch(/^[\d,]+% in beeld, waarvan [\d,]+% met een ingevuld DDD$/);
    const overview = wb.getWorksheet('Overzicht')!;
    const oh = (overview.getRow(1).values as unknown[]).slice(1).map(String);
    const perMeasure = new Map<string, ResultStatus[]>();
    for (const i of indicators) perMeasure.set(key(i.programme, i.measure), [...(perMeasure.get(key(i.programme, i.measure)) ?? []), i.status as ResultStatus]);
    let measures = 0;
    for (let r = 2; r <= overview.actualRowCount; r++) {
      const row = overview.getRow(r);
      const cell = (name: string) => row.getCell(oh.indexOf(name) + 1).value;
      const statuses = perMeasure.get(key(String(cell('Programma')), `${String(cell('Code') ?? '')} ${String(cell('Maatregel'))}`.trim()));
      if (!statuses) continue;
      expect(cell('Resultaatstatus'), `Overzicht, rij ${r}`).toBe(text(worstStatus(statuses)));
      measures++;
    }
    expect(measures).toBe(perMeasure.size);
  });
});
