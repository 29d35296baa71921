/**
 * From the blocks of a plan document to its structure: programme lines, measures, activities
 * (also directly under a line, and a measure that is its own activity) and, per activity, the text
 * under each of the eleven questions. Reads the document's structure, not only its styles: heading
 * styles, Word's automatic numbers, typed numbers ("2.2.1. Activiteit 1: …", "Maatregel 4:"),
 * bold question texts and italic sub-questions. A table of contents is skipped.
 *
 * Pure: the same blocks with the same choices (the user's corrections in the preview) always give
 * the same result, so the screen can send its choices and the core recomputes the preview.
 */
import { normaliseLine, normaliseText } from '../../../shared/text';
import { DEFAULT_FIELD, PLAN_FIELDS, QUESTION_NUMBERS, QUESTION_PATTERNS, SUB_QUESTIONS, subQuestionField, type PlanField, type QuestionNo } from '../../../shared/plan/template';
import type { PlanBlock, PlanChoices, PlanItemKind, PlanParagraph, PlanSubActivity } from '../../../shared/schemas/plan';
import { t } from '../../../shared/i18n/nl';

const CODE = String.raw`\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)*`;
const LEADING_CODE = new RegExp(String.raw`^(${CODE})\.?(?:\s+|$)(.*)$`, 'i');
const KEYWORD = new RegExp(String.raw`^(?:(${CODE})\.?\s+)?(programmalijn|maatregel|activiteit)(?:\s+(${CODE}|[^\s:]{1,20}(?=\s*:)))?\.?\s*(?:[:\-–]\s*|\s+(?=\S))(.*)$`, 'i');
/** Regieboek's own export marks answers and questions with these styles: an answer is never read as a heading. */
const ANSWER_STYLE = 'regieboek antwoord';
const QUESTION_STYLE = 'regieboek vraag';
const KIND_OF_KEYWORD: Record<string, PlanItemKind> = { programmalijn: 'line', maatregel: 'measure', activiteit: 'activity' };
/** Export-only overviews (budget, indicators) under an activity: Regieboek's own figures, not answers. */
const REGIEBOEK_SECTION = /^(begroting per jaar|indicatoren en streefwaarden)\b/i;
const ANALYSIS_TITLE = /^(regionale\s+)?(probleem)?analyse\b/i;
const TOC_TITLE = /^(inhoud|inhoudsopgave|inhoudstafel)\s*$/i;
const PAGE_NUMBER_END = /(\t|\.{3,}|…|\s{3,})\s*\d{1,3}\s*$/;

export interface DraftItem {
  key: string;
  blockId: number;
  kind: PlanItemKind;
  code: string;
  name: string;
  parentKey: string | null;
  depth: number;
  /** Structure keyword in the heading ("Maatregel"): kept even without activities below. */
  keyword: boolean;
  description: string[];
  descriptionBlocks: number[];
  /** Activities: question number -> found. */
  found: Set<QuestionNo>;
  /** Per field, the paragraphs placed (in document order) with their block ids. */
  fields: Map<PlanField, { blockId: number; text: string }[]>;
  subActivities: PlanSubActivity[];
  participantRows: { blockId: number; text: string }[];
  /** Tables under question 10, as rows (for indicator and target suggestions), with the line above them. */
  resultTables: { blockId: number; rows: string[][]; before: string }[];
}

export interface Recognised {
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  items: DraftItem[];
  unplaced: { blockId: number; text: string; where: string }[];
  skipped: number;
  /** The text under a "Regionale analyse" heading, for a new programme. */
  analysis: string;
}

const isActivity = (k: PlanItemKind) => k !== 'line' && k !== 'measure';

function newItem(blockId: number, kind: PlanItemKind, code: string, name: string, parentKey: string | null, depth: number, keyword: boolean): DraftItem {
  return { key: `b${blockId}`, blockId, kind, code, name, parentKey, depth, keyword, description: [], descriptionBlocks: [], found: new Set(), fields: new Map(), subActivities: [], participantRows: [], resultTables: [] };
}

/** The paragraph as a reader sees it: the shown number in front. */
function shown(p: PlanParagraph): string {
  const text = p.text.replace(/\s+$/, '').replace(/^\s+/, '');
  if (!p.num) return text;
  return p.num.bullet ? `- ${text}` : `${p.num.text} ${text}`;
}

const codeDepth = (code: string) => (code ? code.split('.').length : 0);

interface HeadingGuess {
  kind: PlanItemKind;
  code: string;
  name: string;
  depth: number;
  keyword: boolean;
}

/** A heading of the plan's structure, or null. */
function headingOf(p: PlanParagraph): HeadingGuess | null {
  const full = normaliseLine(p.num && !p.num.bullet ? `${p.num.text.replace(/\.$/, '')} ${p.text}` : p.text);
  if (!full || full.length > 200 || p.num?.bullet) return null;
  const k = KEYWORD.exec(full);
  if (k) {
    const lead = k[1] ?? '';
    const own = k[3] ?? '';
    const kind = KIND_OF_KEYWORD[k[2]!.toLowerCase()]!;
    const name = (k[4] ?? '').trim();
    // "Activiteit is gericht op …" is a sentence, not a heading: a keyword heading has a number or a colon.
    if (!lead && !own && !/^(programmalijn|maatregel|activiteit)\s*[:\-–]/i.test(full)) return null;
    if (!name) return null;
    const code = lead || own;
    // "Activiteit 3.3" sits at the measure level (directly under line 3); "Activiteit 1" or "2.2.1. Activiteit 1" under a measure.
    const depth = kind === 'line' ? 1 : kind === 'measure' ? 2 : codeDepth(code) === 2 ? 2 : 3;
    return { kind, code, name, depth, keyword: true };
  }
  const styled = p.headingLevel !== null && p.headingLevel >= 1 && p.headingLevel <= 3;
  const c = LEADING_CODE.exec(full);
  const code = c && c[2] ? c[1]! : '';
  const name = code ? c![2]!.trim() : full;
  if (!styled && !(p.bold && code && full.length <= 150 && !/[.:?]$/.test(full))) return null;
  const depth = code ? codeDepth(code) : p.headingLevel!;
  if (depth < 1 || depth > 3) return null;
  return { kind: depth === 1 ? 'line' : depth === 2 ? 'measure' : 'activity', code, name, depth, keyword: false };
}

interface QuestionGuess {
  no: QuestionNo;
  inline: string;
}

/** A question of the template (by its number and its words), with an answer written on the same line. */
function questionOf(p: PlanParagraph): QuestionGuess | null {
  if (p.num?.bullet) return null;
  let text = normaliseLine(p.text);
  let n: number | null = null;
  if (p.num) n = Number(/^(\d{1,2})/.exec(p.num.text)?.[1] ?? NaN);
  const typed = /^(\d{1,2})\s*[.)]\s*(.*)$/.exec(text);
  if (typed) {
    n = Number(typed[1]);
    text = typed[2]!;
  }
  if (!text) return null;
  const colon = text.indexOf(':');
  const head = colon > 0 && colon < 160 ? text.slice(0, colon) : text;
  const inline = colon > 0 && colon < 160 ? text.slice(colon + 1).trim() : '';
  if (head.length > 250) return null;
  const lower = head.toLowerCase();
  const hit = QUESTION_NUMBERS.find((q) => QUESTION_PATTERNS[q].test(lower));
  if (!hit) return null;
  if (n === hit) return { no: hit, inline };
  // Without its own number, a question looks like one: bold, a heading, a closing colon or question mark, or an inline answer.
  const looks = p.bold || (p.headingLevel !== null && p.headingLevel > 0) || /[?:]$/.test(text) || (!!inline && head.length < 80);
  if (!looks) return null;
  // A numbered line whose number says another question is a list item that happens to start alike.
  if (n !== null && !Number.isNaN(n) && n >= 1 && n <= 11 && !(p.bold || p.headingLevel)) return null;
  return { no: hit, inline };
}

function isSubQuestion(p: PlanParagraph, q: QuestionNo): PlanField | 'prompt' | null {
  if (!SUB_QUESTIONS[q]) return p.italic && /\?$/.test(p.text.trim()) ? 'prompt' : null;
  const text = normaliseLine(p.text).replace(/^([a-z]|\d{1,2})[.)]\s+/i, '');
  const question = p.italic || (/[?:]$/.test(text) && text.length < 250) || (p.bold && text.length < 250);
  if (!question) return null;
  return subQuestionField(q, text) ?? (p.italic && /\?$/.test(text) ? 'prompt' : null);
}

/** Typed tables of contents: "2.1 Maatregel … 5" lines after an "Inhoud" title, up to the first entry's heading. */
function tocBlocks(blocks: PlanBlock[]): Set<number> {
  const toc = new Set<number>();
  for (const b of blocks) if (b.kind === 'p' && b.toc) toc.add(b.id);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'p' || !TOC_TITLE.test(b.text.trim())) continue;
    toc.add(b.id);
    let first: string | null = null;
    for (let j = i + 1; j < blocks.length && j < i + 400; j++) {
      const e = blocks[j]!;
      if (e.kind !== 'p') break;
      const bare = normaliseLine(e.text.replace(PAGE_NUMBER_END, '')).toLowerCase();
      if (!bare) {
        toc.add(e.id);
        continue;
      }
      if (first === null) first = bare;
      else if (bare === first && !PAGE_NUMBER_END.test(e.text)) break; // the first entry again: the plan itself begins
      if (!PAGE_NUMBER_END.test(e.text) && !e.toc && first !== bare && j > i + 1 && !e.style.startsWith('toc')) {
        // Without page numbers: entries until a heading repeats the first one.
        if (!blocks.slice(j + 1, j + 400).some((x) => x.kind === 'p' && normaliseLine(x.text).toLowerCase() === first)) break;
      }
      toc.add(e.id);
    }
  }
  return toc;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "01-08-2026", "1-8-2026", "2026-08-01", "1 augustus 2026" to ISO; null when none or impossible. */
export function parsePlanDate(s: string): string | null {
  const t1 = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})/.exec(s);
  const t2 = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  const t3 = new RegExp(String.raw`(\d{1,2})\s+(${MONTHS.join('|')})\s+(\d{4})`, 'i').exec(s);
  let y: number, m: number, d: number;
  if (t2) [y, m, d] = [Number(t2[1]), Number(t2[2]), Number(t2[3])];
  else if (t1) [y, m, d] = [Number(t1[3]), Number(t1[2]), Number(t1[1])];
  else if (t3) [y, m, d] = [Number(t3[3]), MONTHS.indexOf(t3[2]!.toLowerCase()) + 1, Number(t3[1])];
  else return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const dt = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(dt.getTime()) && dt.getUTCDate() === d && dt.getUTCMonth() + 1 === m ? iso : null;
}

function coverOf(blocks: PlanBlock[], firstStructure: number): { title: string; periodStart: string | null; periodEnd: string | null; used: number[] } {
  const before = blocks.filter((b): b is PlanParagraph => b.kind === 'p' && b.id < firstStructure && !!b.text.trim());
  const titled = before.find((p) => p.headingLevel === 0) ?? before.find((p) => p.bold || p.headingLevel === 1) ?? before[0];
  let periodStart: string | null = null;
  let periodEnd: string | null = null;
  const used = titled ? [titled.id] : [];
  for (const p of before) {
    const range = /(\S+(?:\s+\S+\s+\d{4})?)\s+(?:t\/m|tot en met|tot|–|-)\s+(\S+(?:\s+\S+\s+\d{4})?)/i;
    const dates = [...p.text.matchAll(/\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[a-z]+\s+\d{4}/gi)].map((m) => parsePlanDate(m[0])).filter(Boolean) as string[];
    if (/periode/i.test(p.text) && dates.length >= 2) {
      [periodStart, periodEnd] = [dates[0]!, dates[1]!];
      used.push(p.id);
      break;
    }
    const years = /periode\D*(20\d\d)\s*[-–/]\s*(20\d\d)/i.exec(p.text) ?? (range.test(p.text) ? null : null);
    if (years) {
      periodStart = `${years[1]}-01-01`;
      periodEnd = `${years[2]}-12-31`;
      used.push(p.id);
      break;
    }
  }
  return { title: titled ? normaliseLine(titled.text) : '', periodStart, periodEnd, used };
}

/** Rows of a sub-activity table: columns found by their header, else number, name, period, result. */
function subActivitiesFrom(rows: string[][]): PlanSubActivity[] {
  if (!rows.length) return [];
  const header = rows[0]!.map((c) => c.toLowerCase());
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  let number = col(/^(nr|nummer|no)\b/);
  let name = col(/deelactiviteit|naam|activiteit|omschrijving|wat/);
  let period = col(/periode|duur|wanneer|planning/);
  let result = col(/resultaat/);
  let body = rows.slice(1);
  if (name < 0) {
    body = rows;
    const numeric = rows.every((r) => /^\d{1,3}[a-z]?\.?$/i.test((r[0] ?? '').trim()));
    [number, name, period, result] = numeric ? [0, 1, 2, 3] : [-1, 0, 1, 2];
  }
  return body
    .filter((r) => normaliseLine(r[name] ?? ''))
    .map((r, i) => ({
      number: number >= 0 ? normaliseLine(r[number] ?? '').replace(/\.$/, '') : String(i + 1),
      name: normaliseLine(r[name] ?? ''),
      period: period >= 0 ? normaliseLine(r[period] ?? '') : '',
      intendedResult: result >= 0 ? normaliseText(r[result] ?? '') : '',
    }));
}

export function recognise(blocks: PlanBlock[], choices: PlanChoices): Recognised {
  const toc = tocBlocks(blocks);
  const moved = new Map(Object.entries(choices.moves).map(([k, v]) => [Number(k), v]));
  const levels = new Map(Object.entries(choices.levels).map(([k, v]) => [Number(k), v]));
  const items: DraftItem[] = [];
  const unplaced: Recognised['unplaced'] = [];
  let skipped = 0;

  let line = null as DraftItem | null;
  let measure = null as DraftItem | null;
  let carrier = null as DraftItem | null;
  /** A heading whose text (before any question) is its description. */
  let pending = null as DraftItem | null;
  let question = null as QuestionNo | null;
  let field = null as PlanField | null;
  let section = null as string | null;
  let skipDepth: number | null = null;
  let firstStructure = blocks.length;
  const analysis: string[] = [];
  /** Inside an overview the export adds (budget, indicators): Regieboek's own figures, skipped. */
  let overview = false;
  /** An activity heading the user merged into the one before: its questions add to that activity's answers. */
  let merging = false;

  const where = (id: number) => {
    const near = carrier ?? pending;
    const head = near ? `${near.code ? near.code + ' ' : ''}${near.name}` : section;
    return head ? t('plan.where.under', { n: id + 1, head }) : t('plan.where.before', { n: id + 1 });
  };
  const place = (item: DraftItem, f: PlanField, blockId: number, text: string) => {
    const list = item.fields.get(f) ?? [];
    list.push({ blockId, text });
    item.fields.set(f, list);
  };

  const open = (blockId: number, kind: PlanItemKind, code: string, name: string, depth: number, keyword: boolean) => {
    if (firstStructure === blocks.length) firstStructure = blockId;
    question = null;
    field = null;
    section = null;
    merging = false;
    if (kind === 'line') {
      const it = newItem(blockId, 'line', code, name, null, 1, keyword);
      items.push(it);
      line = it;
      measure = null;
      carrier = null;
      pending = it;
      return;
    }
    if (kind === 'measure' || kind === 'single') {
      const it = newItem(blockId, kind, code, name, line?.key ?? null, 2, keyword);
      items.push(it);
      measure = it;
      carrier = kind === 'single' ? it : null;
      pending = kind === 'single' ? null : it;
      return;
    }
    // An activity: under the open measure when its code belongs there (or has none), else directly under the line.
    const m = measure as DraftItem | null;
    const underMeasure =
      m !== null && m.kind === 'measure' && (depth >= 3 || (!code && depth !== 2) || (!!code && !!m.code && code.toLowerCase().startsWith(m.code.toLowerCase() + '.')));
    const it = newItem(blockId, 'activity', code, name, underMeasure ? m!.key : (line?.key ?? null), underMeasure ? 3 : 2, keyword);
    if (!underMeasure) measure = null;
    items.push(it);
    carrier = it;
    pending = null;
  };

  for (const b of blocks) {
    if (toc.has(b.id)) {
      skipped++;
      continue;
    }
    if (moved.has(b.id)) continue;
    if (b.kind === 'table') {
      if (skipDepth !== null) continue;
      if (overview) {
        skipped++;
        continue;
      }
      if (carrier && field === '__regieboek' as PlanField) {
        skipped++;
        continue;
      }
      if (carrier && question) {
        if (question === 6) carrier.subActivities.push(...(merging ? numberedOn(carrier.subActivities, subActivitiesFrom(b.rows)) : subActivitiesFrom(b.rows)));
        else if (question === 7) {
          // Periods of the sub-activities, matched by number or name.
          for (const s of subActivitiesFrom(b.rows)) {
            const hit = carrier.subActivities.find((x) => (s.number && x.number === s.number) || x.name === s.name);
            if (hit && s.period) hit.period = s.period;
            else place(carrier, 'subActivitiesDuration', b.id, [s.number, s.name, s.period].filter(Boolean).join(' '));
          }
        } else if (question === 8 && (field === 'plannedParticipants' || field === 'targetGroupNeed'))
          for (const r of b.rows) carrier.participantRows.push({ blockId: b.id, text: r.join(' ') });
        else {
          if (question === 10) carrier.resultTables.push({ blockId: b.id, rows: b.rows, before: lineBefore(carrier, b.id) });
          for (const r of b.rows) place(carrier, field ?? DEFAULT_FIELD[question], b.id, r.filter(Boolean).join(' | '));
        }
      } else unplaced.push({ blockId: b.id, text: b.rows.map((r) => r.join(' | ')).join('\n'), where: where(b.id) });
      continue;
    }
    const text = b.text.trim();
    const level = levels.get(b.id);
    if (!text && !level) {
      if (carrier && field && field !== ('__regieboek' as PlanField) && skipDepth === null) place(carrier, field, b.id, '');
      else if (!carrier && pending && skipDepth === null) {
        pending.description.push('');
        pending.descriptionBlocks.push(b.id);
      }
      continue;
    }
    // A heading the user set, or one recognised.
    let heading: HeadingGuess | null = null;
    if (level === 'skip') {
      const h = headingOf(b);
      skipDepth = h?.depth ?? 1;
      skipped++;
      continue;
    }
    if (level === 'merge' && carrier) {
      // The heading goes; what follows belongs to the open activity (its names under questions 1 and 2 are not repeated).
      merging = true;
      skipped++;
      continue;
    }
    if (level && level !== 'text' && level !== 'merge') {
      const h = headingOf(b);
      const name = h?.name ?? normaliseLine(text);
      const kind: PlanItemKind = level;
      heading = { kind, code: h?.code ?? '', name, depth: kind === 'line' ? 1 : kind === 'activity' ? (h?.depth === 2 ? 2 : 3) : 2, keyword: true };
    }
    const plain = b.style === ANSWER_STYLE && !level;
    let q = level || plain ? null : questionOf(b);
    // A sub-question of the open question ("Welke doelgroepen …?" under 8) is not that question again.
    const numbered = (b.num && !b.num.bullet) || /^\s*\d{1,2}\s*[.)]/.test(b.text);
    const subFirst = carrier && question && !level && !plain ? isSubQuestion(b, question) : null;
    if (subFirst && subFirst !== 'prompt' && q && (q.no === question || !numbered)) q = null;
    if (!heading && !level && !plain && b.style !== QUESTION_STYLE) {
      const h = headingOf(b);
      // Inside an activity a question comes first ("Doelgroepen" styled as a heading is question 8), unless the heading names its level.
      if (h && (h.keyword || !q || !(carrier || pending))) heading = h;
    }
    if (skipDepth !== null) {
      if (!heading || heading.depth > skipDepth) {
        skipped++;
        continue;
      }
      skipDepth = null;
    }
    if (heading) {
      overview = false;
      open(b.id, heading.kind, heading.code, heading.name, heading.depth, heading.keyword);
      continue;
    }
    if (!q && (b.bold || b.style === QUESTION_STYLE) && REGIEBOEK_SECTION.test(text) && (carrier || pending)) {
      overview = true;
      skipped++;
      continue;
    }
    if (overview && !q) {
      skipped++;
      continue;
    }
    overview = false;
    // A heading of some other part of the document ("Inleiding", "Bijlage"): its text is not part of an activity.
    if (!q && b.headingLevel !== null && b.headingLevel >= 1 && b.headingLevel <= 2 && !level) {
      line = measure = carrier = pending = null;
      question = field = null;
      section = normaliseLine(text);
      if (ANALYSIS_TITLE.test(section)) {
        section = '__analysis';
        skipped++;
      } else unplaced.push({ blockId: b.id, text: normaliseLine(text), where: t('plan.where.heading', { n: b.id + 1 }) });
      continue;
    }
    if (section === '__analysis' && !carrier && !pending) {
      analysis.push(shown(b));
      continue;
    }
    if (q && !level) {
      // Questions after a measure's heading: the measure is its own activity.
      if (!carrier && pending && pending.kind === 'measure' && !items.some((i) => i.parentKey === pending!.key)) {
        pending.kind = 'single';
        carrier = pending;
        // What stood between the heading and the first question has no question: the user places it.
        for (const [i, d] of pending.description.entries()) if (d) unplaced.push({ blockId: pending.descriptionBlocks[i]!, text: d, where: t('plan.where.under', { n: pending.descriptionBlocks[i]! + 1, head: pending.name }) });
        pending.description = [];
        pending.descriptionBlocks = [];
        pending = null;
      }
      // Questions 1 or 2 again without a heading: the next activity of a plan that only repeats the questions.
      if ((!carrier || (carrier.found.has(q.no) && q.no <= 2 && !merging)) && (q.no <= 2 || !carrier) && (line || measure)) {
        if (firstStructure === blocks.length) firstStructure = b.id;
        const m = measure as DraftItem | null;
        const under = m && m.kind === 'measure' ? m : null;
        const it = newItem(b.id, 'activity', '', '', under ? under.key : ((line as DraftItem | null)?.key ?? null), under ? 3 : 2, false);
        items.push(it);
        carrier = it;
        pending = null;
      }
      if (carrier) {
        question = q.no;
        field = merging && q.no <= 2 && carrier.found.has(q.no) ? ('__regieboek' as PlanField) : DEFAULT_FIELD[q.no];
        carrier.found.add(q.no);
        if (field === ('__regieboek' as PlanField)) continue;
        if (q.inline) place(carrier, field, b.id, q.inline);
        continue;
      }
    }
    if (carrier && question) {
      if (REGIEBOEK_SECTION.test(text) && b.bold) {
        field = '__regieboek' as PlanField;
        skipped++;
        continue;
      }
      if (field === ('__regieboek' as PlanField)) {
        skipped++;
        continue;
      }
      const sub = plain ? null : isSubQuestion(b, question);
      if (sub === 'prompt') continue;
      if (sub) {
        field = sub;
        continue;
      }
      if (question === 6 && field === 'subActivities') {
        const m = /^(\d{1,3}[a-z]?)[.)]?\s+(.*)$/i.exec(shown(b).replace(/^- /, ''));
        carrier.subActivities.push({ number: m ? m[1]! : String(carrier.subActivities.length + 1), name: normaliseLine(m ? m[2]! : text).slice(0, 200), period: '', intendedResult: '' });
        place(carrier, 'subActivities', b.id, text);
        continue;
      }
      if (field === 'plannedParticipants') {
        carrier.participantRows.push({ blockId: b.id, text });
        place(carrier, 'plannedParticipants', b.id, text);
        continue;
      }
      place(carrier, field ?? DEFAULT_FIELD[question], b.id, shown(b));
      continue;
    }
    if (pending) {
      pending.description.push(shown(b));
      pending.descriptionBlocks.push(b.id);
      continue;
    }
    unplaced.push({ blockId: b.id, text: shown(b), where: where(b.id) });
  }

  // Paragraphs the user placed by hand.
  for (const [blockId, move] of moved) {
    const b = blocks[blockId];
    if (!b) continue;
    const text = b.kind === 'p' ? shown(b) : b.rows.map((r) => r.join(' | ')).join('\n');
    const target = move === 'skip' ? null : items.find((i) => i.blockId === move.item && isActivity(i.kind));
    if (move === 'skip') skipped++;
    else if (!target) unplaced.push({ blockId, text, where: t('plan.where.lost', { n: blockId + 1 }) });
    else {
      if (move.field === 'subActivities' && b.kind === 'table') target.subActivities.push(...subActivitiesFrom(b.rows));
      else if (move.field === 'plannedParticipants') target.participantRows.push({ blockId, text });
      else if (PLAN_FIELDS[move.field] === 10 && b.kind === 'table') target.resultTables.push({ blockId, rows: b.rows, before: lineBefore(target, blockId) });
      else if (move.field === 'subActivities') target.subActivities.push({ number: String(target.subActivities.length + 1), name: normaliseLine(text).slice(0, 200), period: '', intendedResult: '' });
      target.found.add(PLAN_FIELDS[move.field]);
      const list = target.fields.get(move.field) ?? [];
      list.push({ blockId, text });
      list.sort((a, c) => a.blockId - c.blockId);
      target.fields.set(move.field, list);
    }
  }

  // Headings without a keyword and without any activity below them were chapters of the document, not lines or measures.
  const hasActivity = (it: DraftItem): boolean => isActivity(it.kind) || items.some((c) => c.parentKey === it.key && hasActivity(c));
  const kept = items.filter((it) => it.keyword || hasActivity(it) || levels.has(it.blockId));
  for (const it of items)
    if (!kept.includes(it) && ANALYSIS_TITLE.test(it.name) && !it.code) {
      analysis.push(...it.description);
      skipped++;
    } else if (!kept.includes(it)) {
      unplaced.push({ blockId: it.blockId, text: `${it.code ? it.code + ' ' : ''}${it.name}`, where: t('plan.where.heading', { n: it.blockId + 1 }) });
      for (const [i, d] of it.description.entries()) if (d) unplaced.push({ blockId: it.descriptionBlocks[i]!, text: d, where: t('plan.where.under', { n: it.descriptionBlocks[i]! + 1, head: it.name }) });
    }
  // The cover (all before the table of contents; without one, the title and period lines) gives the
  // programme its name and period: it is read, not unplaced text.
  const { used, ...cover } = coverOf(blocks, firstStructure);
  const tocStart = toc.size ? Math.min(...toc) : -1;
  const isCover = (id: number) => id < firstStructure && (tocStart >= 0 ? id < tocStart : used.includes(id));
  const placedNowhere = unplaced.filter((u) => !isCover(u.blockId)).sort((a, b) => a.blockId - b.blockId);
  skipped += unplaced.length - placedNowhere.length;
  return { ...cover, items: kept, unplaced: placedNowhere, skipped, analysis: normaliseText(analysis.join('\n')) };
}

/** Sub-activities of a merged activity, numbered on after those already there when their numbers are taken. */
function numberedOn(have: PlanSubActivity[], added: PlanSubActivity[]): PlanSubActivity[] {
  const taken = new Set(have.map((x) => x.number.toLowerCase()));
  if (!added.some((x) => taken.has(x.number.toLowerCase()))) return added;
  return added.map((x, i) => ({ ...x, number: String(have.length + i + 1) }));
}

/** The last line of text placed under question 10 before this block: what a table of figures is about. */
function lineBefore(item: DraftItem, blockId: number): string {
  let best = { blockId: -1, text: '' };
  for (const [f, list] of item.fields) if (PLAN_FIELDS[f] === 10) for (const p of list) if (p.blockId < blockId && p.blockId > best.blockId && p.text.trim() && !p.text.includes(' | ')) best = p;
  return normaliseLine(best.text);
}

/** The text placed under a field, as Regieboek stores it. */
export function fieldText(item: DraftItem, f: PlanField): string {
  return normaliseText((item.fields.get(f) ?? []).map((p) => p.text).join('\n'));
}
