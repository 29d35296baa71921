/**
 * Search everything by code, name or text, through the FTS5 index of migration 0011 (kept in step
 * by triggers in every writing transaction; trashed records are not in it). Each word of the query
 * must occur, as a word or the start of one, without regard to case or accents; "2.1" finds codes
 * that start with 2.1. SQLite ranks: an exact code first, then codes that start with the query,
 * then BM25 with code and name weighing more than text. Per kind the first PER_GROUP hits are sent,
 * with a snippet of the text when code and name do not explain the hit, and the count of all.
 */
import type { Sqlite } from '../sqlite';
import { foldForSearch } from '../../../../shared/text';
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResult } from '../../../../shared/schemas/tree';

const PER_GROUP = 25;

/** Words of a query as FTS5 phrases: each term's tokens in a row, the last one a prefix. */
export function ftsQuery(query: string): string | null {
  const terms = foldForSearch(query.trim()).split(/\s+/).filter(Boolean);
  const phrases = terms.map((term) => term.match(/[\p{L}\p{N}]+/gu)).filter((tokens): tokens is RegExpMatchArray => !!tokens);
  if (phrases.length === 0) return null;
  return phrases.map((tokens) => `"${tokens.join(' ')}"*`).join(' ');
}

/** Per kind: where a hit sits (context) and the route of its page, for the hits shown only. */
const PLACES: Record<SearchKind, string> = {
  programme: `SELECT p.id, substr(p.period_start, 1, 4) || '-' || substr(p.period_end, 1, 4) AS context, json_array('programmas', p.id) AS route
    FROM programme p WHERE p.id IN (SELECT value FROM json_each(?))`,
  programmeLine: `SELECT l.id, p.name AS context, json_array('programmas', p.id) AS route
    FROM programme_line l JOIN programme p ON p.id = l.programme_id AND p.deleted_at IS NULL WHERE l.id IN (SELECT value FROM json_each(?))`,
  measure: `SELECT m.id, p.name AS context, json_array('maatregelen', m.id) AS route
    FROM measure m JOIN programme p ON p.id = m.programme_id AND p.deleted_at IS NULL WHERE m.id IN (SELECT value FROM json_each(?))`,
  // An item that is its own activity is found once, as the activity, placed by its line.
  activity: `SELECT a.id, CASE WHEN m.shape = 'measure' THEN trim(m.code || ' ' || m.name)
      ELSE coalesce(nullif(trim(coalesce(l.code, '') || ' ' || coalesce(l.name, '')), ''), p.name) END AS context, json_array('activiteiten', a.id) AS route
    FROM activity a JOIN measure m ON m.id = a.measure_id AND m.deleted_at IS NULL JOIN programme p ON p.id = m.programme_id AND p.deleted_at IS NULL
    LEFT JOIN programme_line l ON l.id = m.line_id AND l.deleted_at IS NULL WHERE a.id IN (SELECT value FROM json_each(?))`,
  subActivity: `SELECT s.id, trim(a.code || ' ' || a.name) AS context, json_array('activiteiten', a.id) AS route
    FROM sub_activity s JOIN activity a ON a.id = s.activity_id AND a.deleted_at IS NULL WHERE s.id IN (SELECT value FROM json_each(?))`,
  indicator: `SELECT i.id, trim(coalesce(a.code, m.code) || ' ' || coalesce(a.name, m.name)) AS context,
      json_array('resultaten', coalesce(am.programme_id, m.programme_id), 'indicator', i.id) AS route
    FROM indicator i LEFT JOIN activity a ON a.id = i.activity_id LEFT JOIN measure am ON am.id = a.measure_id LEFT JOIN measure m ON m.id = i.measure_id
    WHERE i.id IN (SELECT value FROM json_each(?)) AND coalesce(am.programme_id, m.programme_id) IS NOT NULL`,
  budgetLine: `SELECT b.id, trim(coalesce(a.code, m.code) || ' ' || coalesce(a.name, m.name)) || ' · ' || b.year AS context,
      json_array('begroting', coalesce(am.programme_id, m.programme_id), 'regels', 'regels=' || b.id) AS route
    FROM budget_line b LEFT JOIN activity a ON a.id = b.activity_id LEFT JOIN measure am ON am.id = a.measure_id LEFT JOIN measure m ON m.id = b.measure_id
    WHERE b.id IN (SELECT value FROM json_each(?)) AND coalesce(am.programme_id, m.programme_id) IS NOT NULL`,
  spend: `SELECT s.id, b.cost_item || ' · ' || s.year AS context,
      json_array('begroting', coalesce(am.programme_id, m.programme_id), 'bestedingen', 'regels=' || b.id) AS route
    FROM spend s JOIN budget_line b ON b.id = s.budget_line_id LEFT JOIN activity a ON a.id = b.activity_id LEFT JOIN measure am ON am.id = a.measure_id
    LEFT JOIN measure m ON m.id = b.measure_id WHERE s.id IN (SELECT value FROM json_each(?)) AND coalesce(am.programme_id, m.programme_id) IS NOT NULL`,
  organisation: `SELECT o.id, o.place AS context, json_array('partners', o.id) AS route FROM organisation o WHERE o.id IN (SELECT value FROM json_each(?))`,
  contact: `SELECT c.id, o.name AS context, json_array('partners', o.id) AS route
    FROM contact c JOIN organisation o ON o.id = c.organisation_id AND o.deleted_at IS NULL WHERE c.id IN (SELECT value FROM json_each(?))`,
  monitoringRound: `SELECT r.id, p.name AS context, json_array('monitoring', 'ronde', r.id) AS route
    FROM monitoring_round r JOIN programme p ON p.id = r.programme_id AND p.deleted_at IS NULL WHERE r.id IN (SELECT value FROM json_each(?))`,
  monitoringAnswer: `SELECT x.id, trim(i.title || ' · ' || r.name, ' ·') AS context, json_array('monitoring', 'input', i.id) AS route
    FROM monitoring_answer x JOIN monitoring_interview i ON i.id = x.interview_id AND i.deleted_at IS NULL
    JOIN monitoring_round r ON r.id = i.round_id AND r.deleted_at IS NULL WHERE x.id IN (SELECT value FROM json_each(?))`,
  monitoringAction: `SELECT x.id, r.name AS context, json_array('acties') AS route
    FROM monitoring_action x JOIN monitoring_round r ON r.id = x.round_id AND r.deleted_at IS NULL WHERE x.id IN (SELECT value FROM json_each(?))`,
};

/** All matches, numbered per kind in rank order; only the first PER_GROUP of each come back. */
const HITS = `
  WITH hit AS (
    SELECT d.id AS doc, d.kind, d.rec_id AS id, d.code, d.name,
      CASE WHEN lower(d.code) = @q THEN 0 WHEN d.code <> '' AND lower(d.code) LIKE @prefix ESCAPE '\\' THEN 1 ELSE 2 END AS tier,
      bm25(search_fts, 20.0, 10.0, 1.0) AS score
    FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid
    WHERE search_fts MATCH @match
  ), numbered AS (
    SELECT *, row_number() OVER (PARTITION BY kind ORDER BY tier, score) AS n, count(*) OVER (PARTITION BY kind) AS total FROM hit
  )
  SELECT doc, kind, id, code, name, total FROM numbered WHERE n <= ${PER_GROUP} ORDER BY kind, n`;

const SNIPPETS = `SELECT rowid AS doc, snippet(search_fts, 2, '', '', '…', 16) AS snippet FROM search_fts
  WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`;

interface HitRow {
  doc: number;
  kind: SearchKind;
  id: string;
  code: string;
  name: string;
  total: number;
}

export function searchAll(sqlite: Sqlite, query: string): SearchResult {
  const q = foldForSearch(query.trim().replace(/\s+/g, ' '));
  const match = ftsQuery(q);
  if (q.length < 2 || !match) return { groups: [], total: 0 };
  const rows = sqlite.prepare(HITS).all({ q, prefix: q.replace(/[\\%_]/g, (c) => '\\' + c) + '%', match }) as HitRow[];
  const firstTerm = foldForSearch(q.split(' ')[0]!);
  // A snippet only where code and name do not explain the hit.
  const needSnippet = rows.filter((r) => !foldForSearch(`${r.code} ${r.name}`).includes(firstTerm)).map((r) => r.doc);
  const snippets = new Map(
    needSnippet.length ? (sqlite.prepare(SNIPPETS).all(match, JSON.stringify(needSnippet)) as { doc: number; snippet: string }[]).map((s) => [s.doc, s.snippet.replace(/\s+/g, ' ').trim()]) : [],
  );
  let total = 0;
  const groups: SearchResult['groups'] = [];
  for (const kind of SEARCH_KINDS) {
    const ofKind = rows.filter((r) => r.kind === kind);
    if (ofKind.length === 0) continue;
    const places = new Map(
      (sqlite.prepare(PLACES[kind]).all(JSON.stringify(ofKind.map((r) => r.id))) as { id: string; context: string; route: string }[]).map((p) => [p.id, p]),
    );
    const hits: SearchHit[] = [];
    for (const r of ofKind) {
      const place = places.get(r.id);
      if (!place) continue; // under a record that is gone (kept out of the count below as well)
      hits.push({ kind, id: r.id, code: r.code, name: r.name, context: place.context ?? '', snippet: snippets.get(r.doc) ?? '', route: JSON.parse(place.route) as string[] });
    }
    if (hits.length === 0) continue;
    total += ofKind[0]!.total - (ofKind.length - hits.length);
    groups.push({ kind, hits });
  }
  return { groups, total };
}
