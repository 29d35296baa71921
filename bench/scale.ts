/**
 * Bench (d): a big region. For each scale (default 1, 10, 20, 80 times the example region, made with
 * `regieboek demo --scale N`), the browser host is started on that workspace and every channel the
 * main screens call is timed through the host's own path (POST /api/invoke: HTTP, JSON, zod, the
 * handler, the answer back), each next to a raw better-sqlite3 query on the same file in the same
 * run that computes the same figures (read-only connection, prepared once, `.all()`).
 *
 * The reference travels the same road: a bare node:http server in this process runs the raw query
 * and answers it as JSON, and is called with the same fetch, so both sides pay HTTP, JSON.stringify
 * and JSON.parse and the ratio is what Regieboek itself adds (zod, the handler's own work). The
 * query's own time is printed next to it ("SQL alleen").
 *
 * Per channel: BENCH_RUNS_SCALE runs (default 15) after two warm-up calls; median, p95, the raw
 * median, the ratio and the answer's size in bytes. BENCH_SCALES="1,10" picks other scales,
 * BENCH_CASES="tree,budget" only the channels whose name starts so.
 * Targets (issue 13, at 80×): median under 100 ms, at most 3× the reference; at every scale no
 * answer over 1 MB.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CLI_JS, ROOT, E2E_TODAY, makeDataDir, startHost, type RunningHost } from '../tests/e2e/host';
import { median, report, type BenchRow } from './util';
import { contextKey } from '../electron/core/db/queries/results';
import { DEFAULT_THRESHOLDS } from '../shared/results/types';

const RUNS = Number(process.env.BENCH_RUNS_SCALE ?? 15);
const WARMUP = 2;
const SCALES = (process.env.BENCH_SCALES ?? '1,10,20,80').split(',').map(Number);

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

async function invoke(host: RunningHost, channel: string, input: unknown): Promise<{ ms: number; bytes: number; value: unknown }> {
  const t0 = performance.now();
  const res = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Regieboek-Token': host.token },
    body: JSON.stringify({ channel, input }),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  const r = JSON.parse(text) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return { ms, bytes: Buffer.byteLength(text), value: r.value };
}

/**
 * The reference's server, in its own process like the browser host: POST {i} runs case i's raw
 * query on a read-only connection and answers its rows as JSON (the query's own time in a header).
 */
function serveReferences(cases: Case[]): void {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { i } = JSON.parse(body) as { i: number };
      const t0 = performance.now();
      const value = cases[i]!.reference.run();
      const sqlMs = performance.now() - t0;
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Sql-Ms': sqlMs.toFixed(3) }).end(JSON.stringify({ ok: true, value }));
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`));
}

async function startRawServer(args: string[]): Promise<{ call: (i: number) => Promise<{ ms: number; sqlMs: number }>; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--raw-server', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`reference server ended (${code})`)));
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    call: async (i) => {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ i }) });
      JSON.parse(await res.text());
      return { ms: performance.now() - t0, sqlMs: Number(res.headers.get('x-sql-ms')) };
    },
    stop: async () => {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}

interface Case {
  metric: string;
  channel: string;
  input: unknown;
  /** Runs before each timed call, untimed (workspace.open needs the workspace closed first). */
  before?: () => Promise<void>;
  reference: { what: string; run: () => unknown };
}

function rawQueries(db: Database.Database, ids: { programmeId: string; measureId: string; asOf: string }) {
  const { programmeId, measureId, asOf } = ids;
  // Tree (tree.outline): lines, measures, what the filters and counts read of every activity, the
  // activities that are their measure's own; tree.activities: every activity row of the programme ("Alles openklappen").
  const activityRow = `a.id, a.measure_id, a.code, a.name, a.status, a.target_groups, a.lead_organisation_id, a.executor_ids, a.start_date, a.end_date, a.sort_order,
    (SELECT count(*) FROM sub_activity s WHERE s.activity_id = a.id AND s.deleted_at IS NULL) AS sub_count`;
  const tree = {
    lines: db.prepare('SELECT id, code, name, description, sort_order FROM programme_line WHERE programme_id = ? AND deleted_at IS NULL'),
    measures: db.prepare('SELECT id, line_id, code, name, status, plusvoorziening, target_groups, lead_organisation_id, executor_ids, shape, sort_order FROM measure WHERE programme_id = ? AND deleted_at IS NULL'),
    facts: db.prepare(
      `SELECT a.id, a.measure_id, a.status, a.target_groups, a.lead_organisation_id, a.executor_ids
       FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = ? AND m.deleted_at IS NULL AND a.deleted_at IS NULL`,
    ),
    own: db.prepare(
      `SELECT ${activityRow} FROM activity a JOIN measure m ON m.id = a.measure_id
       WHERE m.programme_id = ? AND m.shape IN ('single', 'activity') AND m.deleted_at IS NULL AND a.deleted_at IS NULL`,
    ),
    activities: db.prepare(`SELECT ${activityRow} FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = ? AND m.deleted_at IS NULL AND a.deleted_at IS NULL`),
  };
  // Budget (budget.overview): one statement over the programme's lines as the channel reads them, from the mirror
  // budget_line_total (migration 0013: each line with its spend already summed, kept by triggers) through its covering
  // indexes: per measure x year and source x year x category x partner each in index order, the breakdowns from the latter, plus
  // the over-spent lines; awards; measures; planned participants; the participants indicator's measurements as JSON per indicator.
  const lines = `SELECT id, measure_id, year, funding_source, category, partner_id, in_kind, cofin, planned_cents, realised_cents FROM budget_line_total
    WHERE programme_id = ? AND deleted_at IS NULL AND measure_deleted_at IS NULL`;
  const sums = 'sum(planned_cents), sum(realised_cents), sum(in_kind * planned_cents), sum(cofin * planned_cents), sum(cofin * in_kind * planned_cents), sum(cofin), count(*)';
  const sumsOfG = 'sum(planned), sum(realised), sum(in_kind), sum(cofin), sum(cofin_in_kind), sum(cofin_lines), sum(n)';
  const budget = [
    db.prepare(`WITH l AS NOT MATERIALIZED (${lines}),
      g AS MATERIALIZED (SELECT funding_source, year, category, partner_id, sum(planned_cents) AS planned, sum(realised_cents) AS realised, sum(in_kind * planned_cents) AS in_kind,
        sum(cofin * planned_cents) AS cofin, sum(cofin * in_kind * planned_cents) AS cofin_in_kind, sum(cofin) AS cofin_lines, count(*) AS n FROM l GROUP BY funding_source, year, category, partner_id)
      SELECT 'm', measure_id, year, ${sums} FROM l GROUP BY measure_id, year
      UNION ALL SELECT 's', funding_source, year, ${sumsOfG} FROM g GROUP BY funding_source, year
      UNION ALL SELECT 'c', category, NULL, ${sumsOfG} FROM g GROUP BY category
      UNION ALL SELECT 'p', partner_id, NULL, ${sumsOfG} FROM g GROUP BY partner_id
      UNION ALL SELECT 'o', id, NULL, planned_cents, realised_cents, 0, 0, 0, 0, 1 FROM l WHERE realised_cents > max(planned_cents, 0)`),
    db.prepare('SELECT id, code, name, plusvoorziening FROM measure WHERE programme_id = ? AND deleted_at IS NULL'),
    db.prepare('SELECT a.measure_id, a.planned_participants FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = ? AND a.deleted_at IS NULL AND m.deleted_at IS NULL'),
    // Participants reached: each built-in indicator's kept outcome (participants_reached, migration 0015), as the channel reads it.
    db.prepare(
      `SELECT i.id, a.measure_id, k.per_year FROM measure m JOIN activity a ON a.measure_id = m.id JOIN indicator i ON i.activity_id = a.id
       LEFT JOIN participants_reached k ON k.indicator_id = i.id
       WHERE i.builtin = 'deelnemers' AND i.deleted_at IS NULL AND a.deleted_at IS NULL AND m.deleted_at IS NULL AND m.programme_id = ?`,
    ),
  ];
  const awards = db.prepare('SELECT year, stream, sum(amount_cents) FROM award WHERE programme_id = ? AND deleted_at IS NULL GROUP BY year, stream');
  // Results: the overview's answer from the kept judgements (indicator_result, migration 0014): the
  // status counts, the first 100 attention reasons and their number, the measures, the first page's
  // activities and indicator summaries. A judgement counts when it holds today in the programme's context.
  const ctxRow = db.prepare(
    `SELECT p.period_start AS start, p.period_end AS end, coalesce(s.on_track_margin, ${DEFAULT_THRESHOLDS.onTrackMargin}) AS onTrack, coalesce(s.attention_margin, ${DEFAULT_THRESHOLDS.attentionMargin}) AS attention
     FROM programme p LEFT JOIN result_settings s ON s.programme_id = p.id AND s.deleted_at IS NULL WHERE p.id = ?`,
  );
  const owners = `SELECT id FROM measure WHERE programme_id = @p AND deleted_at IS NULL UNION ALL SELECT a.id FROM activity a JOIN measure m ON m.id = a.measure_id WHERE m.programme_id = @p AND a.deleted_at IS NULL AND m.deleted_at IS NULL`;
  const holds = `r.owner_id IN (${owners}) AND r.context = @c AND r.as_of <= @d AND r.valid_until > @d`;
  const reasons = `FROM indicator_result r JOIN json_each(r.attention) j WHERE ${holds} AND r.attention <> '[]'`;
  const results = [
    db.prepare(`SELECT r.status, count(*) AS n FROM indicator_result r WHERE ${holds} GROUP BY r.status`),
    db.prepare(
      `SELECT r.indicator_id, r.owner_id, j.value ->> 'kind' AS kind, j.value ->> 'date' AS date, j.value ->> 'detail' AS detail, i.name, a.code, a.name AS activity_name
       FROM indicator_result r JOIN json_each(r.attention) j LEFT JOIN indicator i ON i.id = r.indicator_id LEFT JOIN activity a ON a.id = r.owner_id
       WHERE ${holds} AND r.attention <> '[]' ORDER BY CASE j.value ->> 'kind' WHEN 'achter' THEN 0 WHEN 'gemist' THEN 1 WHEN 'aandacht' THEN 2 WHEN 'categorieen' THEN 3 ELSE 4 END, j.value ->> 'date' LIMIT 100`,
    ),
    db.prepare(`SELECT count(*) AS n ${reasons}`),
    db.prepare('SELECT id, code, name, sort_order, shape FROM measure WHERE programme_id = @p AND deleted_at IS NULL ORDER BY sort_order, code'),
    db.prepare(
      `WITH page AS (SELECT id FROM measure WHERE programme_id = @p AND deleted_at IS NULL ORDER BY sort_order, code LIMIT 40)
       SELECT a.id, a.code, a.name, a.measure_id, a.sort_order FROM activity a WHERE a.measure_id IN (SELECT id FROM page) AND a.deleted_at IS NULL`,
    ),
    db.prepare(
      `WITH page AS (SELECT id FROM measure WHERE programme_id = @p AND deleted_at IS NULL ORDER BY sort_order, code LIMIT 40)
       SELECT r.indicator_id, r.owner_id, r.summary, i.sort_order, i.created_at FROM indicator_result r LEFT JOIN indicator i ON i.id = r.indicator_id
       WHERE (r.owner_id IN (SELECT id FROM page) OR r.owner_id IN (SELECT a.id FROM activity a WHERE a.measure_id IN (SELECT id FROM page) AND a.deleted_at IS NULL))
         AND r.context = @c AND r.as_of <= @d AND r.valid_until > @d`,
    ),
  ];
  const resultsContext = () => {
    const r = ctxRow.get(programmeId) as { start: string; end: string; onTrack: number; attention: number };
    return contextKey({ programme: { id: programmeId, name: '', periodStart: r.start, periodEnd: r.end }, thresholds: { onTrackMargin: r.onTrack, attentionMargin: r.attention } });
  };
  // Monitoring facts of one measure: participants, budget and spend per year, indicators' latest, open actions.
  const facts = [
    db.prepare("SELECT a.id, a.planned_participants FROM activity a WHERE a.measure_id = ? AND a.deleted_at IS NULL"),
    db.prepare(
      `SELECT b.year, sum(b.planned_cents), (SELECT sum(s.amount_cents) FROM spend s JOIN budget_line b2 ON b2.id = s.budget_line_id WHERE b2.year = b.year AND s.deleted_at IS NULL AND s.date <= ?
         AND (b2.measure_id = ? OR b2.activity_id IN (SELECT id FROM activity WHERE measure_id = ?)))
       FROM budget_line b WHERE b.deleted_at IS NULL AND (b.measure_id = ? OR b.activity_id IN (SELECT id FROM activity WHERE measure_id = ?)) GROUP BY b.year`,
    ),
    // Status and target range need every measurement known on the day and every target of the indicator.
    db.prepare(
      `SELECT i.id, i.name, i.unit, i.direction, i.baseline_value,
         (SELECT json_group_array(json_array(x.date, x.period_start, x.period_end, x.value, x.numerator, x.denominator, x.status)) FROM measurement x WHERE x.indicator_id = i.id AND x.deleted_at IS NULL AND x.date <= ?) AS points,
         (SELECT json_group_array(json_array(t.period_start, t.period_end, t.kind, t.value, t.min, t.max)) FROM target t WHERE t.indicator_id = i.id AND t.deleted_at IS NULL) AS targets
       FROM indicator i WHERE i.deleted_at IS NULL AND (i.measure_id = ? OR i.activity_id IN (SELECT id FROM activity WHERE measure_id = ?))`,
    ),
    db.prepare("SELECT * FROM monitoring_action WHERE measure_id = ? AND deleted_at IS NULL AND status IN ('open', 'loopt')"),
  ];
  const search = db.prepare(`
    WITH hit AS (SELECT d.kind, d.rec_id, d.code, d.name, bm25(search_fts, 20.0, 10.0, 1.0) AS score FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH ?),
    numbered AS (SELECT *, row_number() OVER (PARTITION BY kind ORDER BY score) AS n, count(*) OVER (PARTITION BY kind) AS total FROM hit)
    SELECT * FROM numbered WHERE n <= 25`);
  const history = db.prepare(
    `SELECT s.*, (SELECT json_group_array(json_array(c.entity, c.entity_id, c.op, c.fields)) FROM (SELECT * FROM change c WHERE c.change_set_id = s.id LIMIT 20) c) AS changes,
       (SELECT count(*) FROM change c WHERE c.change_set_id = s.id) AS n
     FROM change_set s ORDER BY s.id DESC LIMIT 300`,
  );
  return {
    tree: () => [tree.lines.all(programmeId), tree.measures.all(programmeId), tree.facts.all(programmeId), tree.own.all(programmeId)],
    treeActivities: () => tree.activities.all(programmeId),
    budget: () => [...budget.map((s) => s.all(programmeId)), awards.all(programmeId)],
    results: () => {
      const args = { p: programmeId, c: resultsContext(), d: asOf };
      return results.map((q) => q.all(args)).map((rows, i) => (i === 5 ? rows.map((r) => ({ ...(r as object), summary: JSON.parse((r as { summary: string }).summary) as unknown })) : rows));
    },
    facts: () => [facts[0]!.all(measureId), facts[1]!.all(asOf, measureId, measureId, measureId, measureId), facts[2]!.all(asOf, measureId, measureId), facts[3]!.all(measureId)],
    search: (q: string) => search.all(q),
    history: () => history.all(),
  };
}

/** The channels timed and their references; `host` is absent in the reference server (it only runs the references). */
function buildCases(db: Database.Database, file: string, ids: { programmeId: string; measureId: string; asOf: string }, host?: RunningHost): Case[] {
  const { programmeId, measureId, asOf } = ids;
  const raw = rawQueries(db, { programmeId, measureId, asOf });
  const allMeasureIds = (db.prepare('SELECT id FROM measure WHERE programme_id = ? AND deleted_at IS NULL').all(programmeId) as { id: string }[]).map((m) => m.id);
  const rawOpen = () => {
    const c = new Database(file, { readonly: true });
    const r = [c.pragma('user_version', { simple: true }), c.prepare('SELECT number, name FROM region').get()];
    c.close();
    return r;
  };
  // A count indicator of the programme that takes a plain value (not a "waarvan" part).
  const measured = db
    .prepare(
      `SELECT i.id FROM indicator i JOIN activity a ON a.id = i.activity_id JOIN measure m ON m.id = a.measure_id
       WHERE m.programme_id = ? AND i.deleted_at IS NULL AND i.builtin IS NULL AND i.parent_id IS NULL AND i.unit = 'aantal' ORDER BY i.id LIMIT 1`,
    )
    .get(programmeId) as { id: string } | undefined;
  let written = 0;
  const nextMeasurement = () => ({
    indicatorId: measured!.id, date: asOf, period: null, value: 100 + written++, numerator: null, denominator: null, categories: null,
    status: 'voorlopig', source: 'Bench', explanation: 'Meting van de bench.', parts: [],
  });
  return [
    { metric: 'workspace.open', channel: 'workspace.open', input: { path: file }, before: async () => void (await invoke(host!, 'workspace.close', null)), reference: { what: 'open + user_version + regio', run: rawOpen } },
    { metric: 'tree.outline', channel: 'tree.outline', input: { programmeId }, reference: { what: 'SELECT lijnen, maatregelen, filtervelden activiteiten', run: raw.tree } },
    { metric: 'tree.activities (alles open)', channel: 'tree.activities', input: { programmeId, measureIds: allMeasureIds }, reference: { what: 'SELECT activiteiten + aantal deelact.', run: raw.treeActivities } },
    { metric: 'budget.overview', channel: 'budget.overview', input: { programmeId }, reference: { what: 'spiegel budget_line_total (regels met opgetelde bestedingen): GROUP BY maatregel×jaar, bron×jaar, categorie, partner + bewaarde bereikte deelnemers', run: raw.budget } },
    { metric: 'results.forProgramme', channel: 'results.forProgramme', input: { programmeId }, reference: { what: 'bewaarde oordelen: telling per status, eerste 100 aandachtspunten + aantal, pagina', run: raw.results } },
    // The first call after a write: one new measurement (untimed) judged again, the rest kept.
    {
      metric: 'results.forProgramme na een nieuwe meting',
      channel: 'results.forProgramme',
      input: { programmeId },
      before: async () => void (await invoke(host!, 'measurement.create', nextMeasurement())),
      reference: { what: 'bewaarde oordelen: telling per status, eerste 100 aandachtspunten + aantal, pagina', run: raw.results },
    },
    { metric: 'monitoring.facts', channel: 'monitoring.facts', input: { measureId, asOf, partnerId: null }, reference: { what: 'deelnemers, geld per jaar, metingen en streefwaarden, acties', run: raw.facts } },
    { metric: 'search.all "verzuim"', channel: 'search.all', input: { query: 'verzuim' }, reference: { what: 'FTS5 MATCH + top 25 per soort', run: () => raw.search('"verzuim"*') } },
    { metric: 'search.all "2.1"', channel: 'search.all', input: { query: '2.1' }, reference: { what: 'FTS5 MATCH + top 25 per soort', run: () => raw.search('"2 1"*') } },
    { metric: 'history.recent', channel: 'history.recent', input: { limit: 300 }, reference: { what: 'SELECT 300 wijzigingssets met wijzigingen', run: raw.history } },
  ];
}

async function benchScale(scale: number): Promise<BenchRow[]> {
  const dataDir = makeDataDir('regieboek-bench-scale-');
  const file = path.join(dataDir, 'werkbestanden', `Voorbeeldregio-${scale}x.regieboek`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t0 = performance.now();
  execFileSync(process.execPath, [CLI_JS, 'demo', '--db', file, '--scale', String(scale)], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, REGIEBOEK_TODAY: E2E_TODAY } });
  const seedMs = performance.now() - t0;
  fs.writeFileSync(path.join(dataDir, 'instellingen.json'), JSON.stringify({ userName: '', recent: [], lastOpened: file }));
  const host = await startHost({ dataDir, removeDataDir: true, timeoutMs: 60_000 });
  const db = new Database(file, { readonly: true });
  let rawServer: Awaited<ReturnType<typeof startRawServer>> | undefined;
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const activities = count('SELECT count(*) AS n FROM activity WHERE deleted_at IS NULL');
    process.stderr.write(
      `  ${scale}×: ${activities} activiteiten, ${count('SELECT count(*) AS n FROM indicator')} indicatoren, ${count('SELECT count(*) AS n FROM measurement')} metingen, ` +
        `${count('SELECT count(*) AS n FROM budget_line')} begrotingsregels, ${count('SELECT count(*) AS n FROM spend')} bestedingen, ` +
        `${(fs.statSync(file).size / 1e6).toFixed(1)} MB; gemaakt in ${(seedMs / 1000).toFixed(1)} s\n`,
    );
    const programmeId = (db.prepare("SELECT id FROM programme WHERE status = 'lopend' ORDER BY period_start DESC LIMIT 1").get() as { id: string }).id;
    // The measure with the most activities, as the monitoring input of its interview would load it.
    const measureId = (
      db.prepare('SELECT m.id FROM measure m JOIN activity a ON a.measure_id = m.id WHERE m.programme_id = ? GROUP BY m.id ORDER BY count(*) DESC, m.code LIMIT 1').get(programmeId) as { id: string }
    ).id;
    const asOf = E2E_TODAY;
    const cases = buildCases(db, file, { programmeId, measureId, asOf }, host);
    const rows: BenchRow[] = [];
    rawServer = await startRawServer([file, programmeId, measureId, asOf]);
    const only = process.env.BENCH_CASES?.split(',');
    for (const [ci, c] of cases.entries()) {
      if (only && !only.some((o) => c.metric.startsWith(o))) continue;
      const ms: number[] = [];
      const refMs: number[] = [];
      const sqlMs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS + WARMUP; i++) {
        await c.before?.();
        const r = await invoke(host, c.channel, c.input);
        bytes = r.bytes;
        const ref = await rawServer.call(ci);
        if (i >= WARMUP) {
          ms.push(r.ms);
          refMs.push(ref.ms);
          sqlMs.push(ref.sqlMs);
        }
      }
      const med = median(ms);
      const refMed = median(refMs);
      const sizeOk = bytes <= 1e6;
      const target =
        scale >= 80
          ? { text: '< 100 ms, ≤ 3× referentie, ≤ 1 MB', met: med < 100 && med <= 3 * refMed && sizeOk }
          : { text: 'antwoord ≤ 1 MB', met: sizeOk };
      rows.push({
        bench: `schaal ${scale}× (${activities} act.)`,
        metric: c.metric,
        runs: ms.length,
        medianMs: med,
        minMs: Math.min(...ms),
        maxMs: Math.max(...ms),
        p95Ms: p95(ms),
        bytes,
        reference: { what: `${c.reference.what} (SQL alleen ${median(sqlMs).toFixed(1)} ms)`, medianMs: refMed },
        target,
      });
    }
    return rows;
  } finally {
    await rawServer?.stop();
    db.close();
    await host.stop();
  }
}

/**
 * The last target: from 20x to 80x every channel's median grows at most linearly (4x for 4x
 * the data). One row per channel: the 80x median against the 20x median as its reference.
 */
function growth(rows: BenchRow[], from: number, to: number): BenchRow[] {
  const at = (scale: number) => new Map(rows.filter((r) => r.bench.startsWith(`schaal ${scale}×`)).map((r) => [r.metric, r]));
  const a = at(from);
  const b = at(to);
  return [...b].flatMap(([metric, big]) => {
    const small = a.get(metric);
    if (!small) return [];
    const ratio = big.medianMs / small.medianMs;
    return [{
      bench: `groei ${from}× → ${to}×`,
      metric,
      runs: big.runs,
      medianMs: big.medianMs,
      minMs: big.minMs,
      maxMs: big.maxMs,
      reference: { what: `zelfde kanaal op ${from}×`, medianMs: small.medianMs },
      target: { text: `groei ≤ ${to / from}× (lineair)`, met: ratio <= to / from },
    }];
  });
}

async function main() {
  if (process.argv[2] === '--raw-server') {
    const [file, programmeId, measureId, asOf] = process.argv.slice(3) as [string, string, string, string];
    serveReferences(buildCases(new Database(file, { readonly: true }), file, { programmeId, measureId, asOf }));
    return;
  }
  const rows: BenchRow[] = [];
  for (const scale of SCALES) rows.push(...(await benchScale(scale)));
  report([...rows, ...growth(rows, 20, 80)]);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
