/**
 * Bench (c): the programme tree and search on a large workspace, through the same dispatcher the
 * screens and the browser host use (in process: no HTTP, no browser).
 *  - Workspace: 1 programme, 4 programme lines, 80 measures, 2,000 activities (every template
 *    text filled with text of realistic length, ~4 kB per activity) and 2 sub-activities each
 *    (4,000). Made with `workspace.create` (createWorkspaceFile) plus direct inserts in one
 *    transaction with better-sqlite3, so no history is written (tree and search do not read it).
 *  - tree: `tree.get { programmeId }` (what the programme page and the Verplaatsen form call).
 *    Reference: better-sqlite3 selecting the same columns of the same lines, measures, activities
 *    and sub-activities (four prepared statements, .all()).
 *  - search: `search.all { query }` for a code, a name word, a word from the texts and two words.
 *    Reference: one better-sqlite3 LIKE query per table over the same columns the search reads
 *    (lines, measures, activities, sub-activities, partners, contacts), every term ANDed.
 * Two warm-up rounds are discarded; measured and reference runs alternate.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppState } from '../electron/core/app-state';
import { createDispatcher } from '../electron/core/dispatch';
import { report, row, timed } from './util';

const RUNS = Number(process.env.BENCH_RUNS_TREE ?? 11);
const WARMUP = 2;
const LINES = 4;
const MEASURES_PER_LINE = 20;
const ACTIVITIES_PER_MEASURE = 25;
const SUBS_PER_ACTIVITY = 2;

/** A small deterministic PRNG, so every run builds the same workspace. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20261123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const WORDS = (
  'jongeren leerlingen school mbo vo overstap doorstroom begeleiding mentor coach gesprek intake dossier ' +
  'ondersteuning zorg gemeente leerplicht regio afspraken netwerk ouders studiekeuze loopbaan praktijk ' +
  'werkgevers arbeidsmarkt opleiding niveau diploma startkwalificatie uitval preventie signalering ' +
  'aanpak monitor resultaten evaluatie scholen partners samenwerking kwetsbare doelgroep schooljaar ' +
  'aanmelding inschrijving traject plaatsing week maand periode team overleg planning kwaliteit'
).split(' ');
// Words the search queries look for; spread thinly, as in a real plan.
const RARE = ['verzuim', 'stage', 'bpv', 'nieuwkomers', 'taalondersteuning', 'huisvesting', 'schulden'];

function sentence(): string {
  const n = 8 + Math.floor(rnd() * 12);
  const ws = Array.from({ length: n }, () => (rnd() < 0.0005 ? pick(RARE) : pick(WORDS)));
  const s = ws.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}
/** Text of about `chars` characters, in paragraphs of three sentences. */
function text(chars: number): string {
  const out: string[] = [];
  let len = 0;
  while (len < chars) {
    const s = sentence();
    out.push(s);
    len += s.length + 1;
  }
  return out.map((s, i) => (i > 0 && i % 3 === 0 ? '\n\n' : i > 0 ? ' ' : '') + s).join('');
}
const title = () => {
  const n = 2 + Math.floor(rnd() * 3);
  const s = Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

async function buildWorkspace(dir: string) {
  const app = new AppState({ dataDir: dir, host: 'test' });
  const dispatch = createDispatcher(app, { log: (m, e) => console.error(m, e) });
  const call = async (channel: string, input: unknown) => {
    const r = await dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  await call('workspace.create', { regionNumber: 28, fileName: 'Groot werkbestand' });
  const sqlite = app.requireWorkspace().sqlite;
  const now = new Date().toISOString();
  const programmeId = randomUUID();
  const counts = { lines: 0, measures: 0, activities: 0, subs: 0, organisations: 0 };

  sqlite.transaction(() => {
    const orgIds: string[] = [];
    const org = sqlite.prepare('INSERT INTO organisation (id, name, type, place, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < 40; i++) {
      const id = randomUUID();
      org.run(id, `${pick(['ROC', 'Lyceum', 'College', 'Gemeente', 'Stichting'])} ${title()} ${i + 1}`, pick(['mbo', 'vo', 'gemeente', 'zorg', 'overig']), pick(['Almelo', 'Enschede', 'Hengelo']), text(120), now, now);
      orgIds.push(id);
      counts.organisations++;
    }
    sqlite
      .prepare('INSERT INTO programme (id, name, period_start, period_end, status, analysis, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(programmeId, 'Regionaal programma VSV 2024-2028 (groot)', '2024-08-01', '2028-07-31', 'lopend', text(1500), now, now);
    const line = sqlite.prepare('INSERT INTO programme_line (id, programme_id, code, name, description, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)');
    const measure = sqlite.prepare(
      'INSERT INTO measure (id, programme_id, line_id, code, name, description, target_groups, lead_organisation_id, executor_ids, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const activity = sqlite.prepare(`INSERT INTO activity (id, measure_id, code, name, status, description, aim, start_date, end_date, duration_note, sub_activities_duration,
      target_groups, target_group_need, planned_participants, look_back_earlier, look_back_aim_reached, results_general, results_per_sub_activity,
      results_vsv_contribution, results_responsible, measurement_moments, indicators_monitoring, organisation_structure, sustainability_how,
      sustainability_who, sustainability_from, lead_organisation_id, executor_ids, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const sub = sqlite.prepare('INSERT INTO sub_activity (id, activity_id, number, name, period, intended_result, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const executors = () => JSON.stringify([...new Set([pick(orgIds), pick(orgIds), pick(orgIds)])]);
    const groups = () => JSON.stringify([...new Set([pick(['vmbo-gediplomeerden', 'mbo niveau 2', 'oud-vsv\'ers', 'vso-leerlingen', 'nieuwkomers']), pick(['entreeopleiding', 'pro-leerlingen', 'jongeren 18-23'])])]);

    for (let l = 1; l <= LINES; l++) {
      const lineId = randomUUID();
      line.run(lineId, programmeId, String(l), title(), text(300), now, now);
      counts.lines++;
      for (let m = 1; m <= MEASURES_PER_LINE; m++) {
        const measureId = randomUUID();
        measure.run(measureId, programmeId, lineId, `${l}.${m}`, title(), text(400), groups(), pick(orgIds), executors(), 'lopend', now, now);
        counts.measures++;
        for (let a = 1; a <= ACTIVITIES_PER_MEASURE; a++) {
          const activityId = randomUUID();
          activity.run(
            activityId,
            measureId,
            `${l}.${m}.${a}`,
            title(),
            pick(['concept', 'lopend', 'lopend', 'afgerond']),
            text(500), // 3. description
            text(200), // 4. aim
            '2024-08-01',
            '2028-07-31',
            text(80),
            text(120),
            groups(),
            text(300), // 8. need
            JSON.stringify([2024, 2025, 2026, 2027].map((y) => ({ schoolYear: `${y}/${y + 1}`, count: 50 + Math.floor(rnd() * 500) }))),
            text(300), // 9.
            text(150),
            text(300), // 10.
            text(250),
            text(200),
            text(80),
            text(120),
            text(200),
            text(200),
            text(250), // 11.
            text(100),
            '01-08-2028',
            pick(orgIds),
            executors(),
            now,
            now,
          );
          counts.activities++;
          for (let s = 1; s <= SUBS_PER_ACTIVITY; s++) {
            sub.run(randomUUID(), activityId, String(s), title(), pick(['september-december, elk schooljaar', 'januari-juni 2025', 'hele schooljaar']), text(150), now, now);
            counts.subs++;
          }
        }
      }
    }
  })();
  return { app, dispatch, call, sqlite, programmeId, counts };
}

const SEARCHED = {
  programme_line: ['code', 'name', 'description'],
  measure: ['code', 'name', 'description', 'target_groups'],
  activity: [
    'code', 'name', 'description', 'aim', 'duration_note', 'sub_activities_duration', 'target_groups', 'target_group_need', 'look_back_earlier',
    'look_back_aim_reached', 'results_general', 'results_per_sub_activity', 'results_vsv_contribution', 'results_responsible',
    'measurement_moments', 'indicators_monitoring', 'organisation_structure', 'sustainability_how', 'sustainability_who', 'sustainability_from',
  ],
  sub_activity: ['number', 'name', 'period', 'intended_result'],
  organisation: ['brin', 'kvk', 'name', 'notes', 'place'],
  contact: ['name', 'function', 'email', 'phone'],
} as const;

const QUERIES = [
  { query: '2.14.7', what: 'code' },
  { query: 'Doorstroom', what: 'veelvoorkomend woord' },
  { query: 'verzuim', what: 'zeldzaam woord uit de teksten' },
  { query: 'stage mentor', what: 'zeldzaam en veelvoorkomend woord' },
];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-bench-tree-'));
  try {
    const t0 = performance.now();
    const { app, dispatch, sqlite, programmeId, counts } = await buildWorkspace(dir);
    const buildMs = performance.now() - t0;
    const fileMb = fs.statSync(app.requireWorkspace().path).size / 1e6;
    process.stderr.write(
      `  werkbestand: ${counts.lines} lijnen, ${counts.measures} maatregelen, ${counts.activities} activiteiten, ${counts.subs} deelactiviteiten, ${counts.organisations} partners; gemaakt in ${buildMs.toFixed(0)} ms, ${fileMb.toFixed(1)} MB\n`,
    );

    // ---- tree.get against the same rows selected raw
    const rawTree = {
      lines: sqlite.prepare('SELECT id, code, name, description, sort_order FROM programme_line WHERE programme_id = ? AND deleted_at IS NULL'),
      measures: sqlite.prepare('SELECT * FROM measure WHERE programme_id = ? AND deleted_at IS NULL'),
      activities: sqlite.prepare(
        `SELECT a.id, a.measure_id, a.code, a.name, a.status, a.target_groups, a.lead_organisation_id, a.executor_ids, a.start_date, a.end_date, a.sort_order
         FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = ? AND m.deleted_at IS NULL AND a.deleted_at IS NULL`,
      ),
      subs: sqlite.prepare(
        `SELECT s.id, s.activity_id, s.number, s.name, s.period, s.intended_result, s.sort_order
         FROM sub_activity s JOIN activity a ON a.id = s.activity_id JOIN measure m ON m.id = a.measure_id
         WHERE m.programme_id = ? AND m.deleted_at IS NULL AND a.deleted_at IS NULL AND s.deleted_at IS NULL`,
      ),
    };
    const raw = () => ({
      lines: rawTree.lines.all(programmeId),
      measures: rawTree.measures.all(programmeId),
      activities: rawTree.activities.all(programmeId),
      subs: rawTree.subs.all(programmeId),
    });

    const treeMs: number[] = [];
    const treeRefMs: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const [ms, r] = await timed(() => dispatch('tree.get', { programmeId }));
      if (!r.ok) throw new Error(`tree.get: ${r.error.message}`);
      const tree = r.value as { lines: { measures: { activities: { subActivities: unknown[] }[] }[] }[] };
      const acts = tree.lines.flatMap((l) => l.measures.flatMap((m) => m.activities));
      if (acts.length !== counts.activities || acts.reduce((n, a) => n + a.subActivities.length, 0) !== counts.subs) throw new Error('tree.get gaf niet alle activiteiten terug');
      const [refMs, rr] = await timed(async () => raw());
      if (rr.activities.length !== counts.activities || rr.subs.length !== counts.subs) throw new Error('referentie telde verkeerd');
      if (i >= WARMUP) {
        treeMs.push(ms);
        treeRefMs.push(refMs);
      }
    }

    // ---- search.all against LIKE queries over the same columns
    const likeStatements = new Map<number, { table: string; stmt: Database.Statement<string[]> }[]>();
    const likeFor = (terms: string[]) => {
      if (!likeStatements.has(terms.length))
        likeStatements.set(
          terms.length,
          Object.entries(SEARCHED).map(([table, cols]) => {
            const hay = cols.map((c) => `coalesce(${c}, '')`).join(` || char(10) || `);
            const where = terms.map(() => `(${hay}) LIKE ?`).join(' AND ');
            return { table, stmt: sqlite.prepare<string[]>(`SELECT id, ${cols.join(', ')} FROM ${table} WHERE deleted_at IS NULL AND ${where}`) };
          }),
        );
      return likeStatements.get(terms.length)!;
    };
    const rawSearch = (q: string) => {
      const terms = q.trim().split(/\s+/);
      return likeFor(terms).reduce((n, { stmt }) => n + stmt.all(...terms.map((t) => `%${t}%`)).length, 0);
    };

    const searchRows = [];
    for (const { query, what } of QUERIES) {
      const ms: number[] = [];
      const refMs: number[] = [];
      let total = 0;
      let rawTotal = 0;
      for (let i = 0; i < RUNS + WARMUP; i++) {
        const [m, r] = await timed(() => dispatch('search.all', { query }));
        if (!r.ok) throw new Error(`search.all: ${r.error.message}`);
        total = (r.value as { total: number }).total;
        const [rm, n] = await timed(async () => rawSearch(query));
        rawTotal = n;
        if (i >= WARMUP) {
          ms.push(m);
          refMs.push(rm);
        }
      }
      if (total === 0) throw new Error(`search.all "${query}" vond niets`);
      process.stderr.write(`  zoeken "${query}" (${what}): ${total} treffers; LIKE-referentie ${rawTotal} rijen\n`);
      searchRows.push(row('boom', `search.all "${query}" (${total} treffers)`, ms, { what: 'better-sqlite3 LIKE op dezelfde kolommen', samples: refMs }));
    }

    await app.shutdown();
    report([
      row('boom', `tree.get (${counts.activities} act., ${counts.subs} deelact.)`, treeMs, { what: 'better-sqlite3 SELECT zelfde kolommen/rijen', samples: treeRefMs }),
      ...searchRows,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
