/**
 * Search everything by code, name or text. A workspace holds hundreds of records, not millions, so
 * matching in memory on folded text (no case, no accents) is simple and fast enough.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { foldForSearch } from '../../../../shared/text';
import { compareCodes } from '../../../../shared/natsort';
import { holdsOneActivity, SEARCH_KINDS, type SearchHit, type SearchResult } from '../../../../shared/schemas/tree';

type Db = Kysely<Database>;
const PER_GROUP = 25;

interface Candidate {
  hit: Omit<SearchHit, 'snippet'>;
  texts: string[];
}

function snippetOf(text: string, term: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const at = foldForSearch(flat).indexOf(term);
  if (at < 0) return '';
  const from = Math.max(0, at - 60);
  const to = Math.min(flat.length, at + term.length + 80);
  return (from > 0 ? '…' : '') + flat.slice(from, to).trim() + (to < flat.length ? '…' : '');
}

/** Lower is better: an exact code first, then codes that start with the query, names, then text. */
function rank(c: Candidate, q: string, terms: string[]): number | null {
  const code = foldForSearch(c.hit.code);
  const name = foldForSearch(c.hit.name);
  const all = [code, name, ...c.texts.map(foldForSearch)].join('\n');
  if (!terms.every((t) => all.includes(t))) return null;
  if (code && code === q) return 0;
  if (code && code.startsWith(q)) return 1;
  if (terms.every((t) => `${code} ${name}`.includes(t))) return 2;
  return 3;
}

export async function searchAll(db: Db, query: string): Promise<SearchResult> {
  const q = foldForSearch(query.trim().replace(/\s+/g, ' '));
  if (q.length < 2) return { groups: [], total: 0 };
  const terms = q.split(' ');

  const programmes = new Map((await db.selectFrom('programme').select(['id', 'name']).where('deletedAt', 'is', null).execute()).map((p) => [p.id, p.name]));
  const lines = await db.selectFrom('programmeLine').selectAll().where('deletedAt', 'is', null).execute();
  const measures = (await db.selectFrom('measure').selectAll().where('deletedAt', 'is', null).execute()).filter((m) => programmes.has(m.programmeId));
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const activities = (await db.selectFrom('activity').selectAll().where('deletedAt', 'is', null).execute()).filter((a) => measureById.has(a.measureId));
  const activityById = new Map(activities.map((a) => [a.id, a]));
  const subs = (await db.selectFrom('subActivity').selectAll().where('deletedAt', 'is', null).execute()).filter((s) => activityById.has(s.activityId));
  const orgs = await db.selectFrom('organisation').selectAll().where('deletedAt', 'is', null).execute();
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const contacts = (await db.selectFrom('contact').selectAll().where('deletedAt', 'is', null).execute()).filter((c) => orgById.has(c.organisationId));

  const coded = (code: string, name: string) => [code, name].filter(Boolean).join(' ');
  const lineById = new Map(lines.map((l) => [l.id, l]));
  // An item that is its own activity is found once, as the activity, placed by its line.
  const placeOf = (m: (typeof measures)[number]) => {
    const l = m.lineId ? lineById.get(m.lineId) : undefined;
    return l && !l.deletedAt ? coded(l.code, l.name) : programmes.get(m.programmeId)!;
  };
  const candidates: Candidate[] = [
    ...lines
      .filter((l) => programmes.has(l.programmeId))
      .map((l) => ({
        hit: { kind: 'programmeLine' as const, id: l.id, code: l.code, name: l.name, context: programmes.get(l.programmeId)!, route: ['programmas', l.programmeId] },
        texts: [l.description],
      })),
    ...measures.filter((m) => !holdsOneActivity(m.shape)).map((m) => ({
      hit: { kind: 'measure' as const, id: m.id, code: m.code, name: m.name, context: programmes.get(m.programmeId)!, route: ['maatregelen', m.id] },
      texts: [m.description, m.targetGroups],
    })),
    ...activities.map((a) => {
      const m = measureById.get(a.measureId)!;
      const texts = [
        a.description,
        a.aim,
        a.durationNote,
        a.subActivitiesDuration,
        a.targetGroups,
        a.targetGroupNeed,
        a.lookBackEarlier,
        a.lookBackAimReached,
        a.resultsGeneral,
        a.resultsPerSubActivity,
        a.resultsVsvContribution,
        a.resultsResponsible,
        a.measurementMoments,
        a.indicatorsMonitoring,
        a.organisationStructure,
        a.sustainabilityHow,
        a.sustainabilityWho,
        a.sustainabilityFrom,
      ];
      const context = holdsOneActivity(m.shape) ? placeOf(m) : coded(m.code, m.name);
      return { hit: { kind: 'activity' as const, id: a.id, code: a.code, name: a.name, context, route: ['activiteiten', a.id] }, texts };
    }),
    ...subs.map((s) => {
      const a = activityById.get(s.activityId)!;
      return {
        hit: { kind: 'subActivity' as const, id: s.id, code: s.number, name: s.name, context: coded(a.code, a.name), route: ['activiteiten', a.id] },
        texts: [s.period, s.intendedResult],
      };
    }),
    ...orgs.map((o) => ({
      hit: { kind: 'organisation' as const, id: o.id, code: o.brin || o.kvk, name: o.name, context: o.place, route: ['partners', o.id] },
      texts: [o.notes, o.place],
    })),
    ...contacts.map((c) => ({
      hit: { kind: 'contact' as const, id: c.id, code: '', name: c.name, context: orgById.get(c.organisationId)!.name, route: ['partners', c.organisationId] },
      texts: [c.function, c.email, c.phone],
    })),
  ];

  const ranked = candidates
    .map((c) => ({ c, r: rank(c, q, terms) }))
    .filter((x): x is { c: Candidate; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || compareCodes(a.c.hit.code, b.c.hit.code) || a.c.hit.name.localeCompare(b.c.hit.name, 'nl'));

  const groups = SEARCH_KINDS.map((kind) => ({
    kind,
    hits: ranked
      .filter((x) => x.c.hit.kind === kind)
      .slice(0, PER_GROUP)
      .map(({ c, r }) => {
        // Show where the text matched when code and name do not explain the hit.
        const text = r >= 3 ? (c.texts.find((tx) => foldForSearch(tx).includes(terms[0]!)) ?? '') : '';
        return { ...c.hit, snippet: text ? snippetOf(text.startsWith('[') ? JSON.parse(text).join(', ') : text, terms[0]!) : '' };
      }),
  })).filter((g) => g.hits.length > 0);
  return { groups, total: ranked.length };
}
