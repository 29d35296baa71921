/**
 * The plan's numbers as suggestions, never as silent records: planned participants from question 8
 * ("2026/2027: 400", "1e jaar 400", a table per school year) and, from question 10, indicators with
 * their baseline and targets per reporting period ("Het vsv-percentage daalt van 5,0% naar 4,0% in
 * 2028/2029", "Streefcijfers: 2026/2027: 120; 2027/2028: 140", a table with a column per school year).
 * import.ts offers each one to the user to accept.
 *
 * Pure: text in, suggestions out. Only what the plan writes next to a period is read; a figure without
 * a school year or calendar year is no target (the user enters it on the Resultaten screen).
 */
import { normaliseLine } from '../../../shared/text';
import { parsePeriod, periodCode, type Period } from '../../../shared/results/periods';
import { schoolYearOf } from '../../../shared/dates';

export interface FoundTarget {
  period: Period;
  value: number;
}

export interface FoundIndicator {
  name: string;
  unit: 'percentage' | 'aantal';
  direction: 'hoger' | 'lager';
  baselineValue: number | null;
  baselineDate: string | null;
  targets: FoundTarget[];
  /** The line or table row it was read from. */
  source: string;
}

export interface FoundParticipants {
  schoolYear: string;
  count: number;
  source: string;
}

export interface Moments {
  kind: 'jaarlijks' | 'halfjaarlijks';
  dates: string[];
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "4,5" -> 4.5, "1.200" -> 1200, "4.5" (with %) -> 4.5. */
export function planNumber(s: string, percent = false): number | null {
  const t = s.trim();
  if (/^\d{1,3}(\.\d{3})+$/.test(t) && !percent) return Number(t.replace(/\./g, ''));
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

const VALUE = String.raw`(\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?)\s*(%|procent\b)?`;
const HEDGE = String.raw`(?:ca\.?\s*|circa\s+|±\s*|minimaal\s+|minstens\s+|ten\s+minste\s+|maximaal\s+|hooguit\s+)?`;

interface YearToken {
  period: Period;
  at: number;
  end: number;
}

/**
 * The periods a line names, with their place: school years ("2026/2027", "schooljaar 2026-2027",
 * "2026/27"), "1e jaar" counted from the first school year, and calendar years where the words say
 * so ("in 2027", "kalenderjaar 2027", or "2027:" at the start of a list item).
 */
export function yearTokens(line: string, firstSchoolYear: number | null): YearToken[] {
  const out: YearToken[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  const add = (p: Period | null, at: number, end: number) => {
    if (!p || !free(at, end)) return;
    taken.push([at, end]);
    out.push({ period: p, at, end });
  };
  for (const m of line.matchAll(/\b(?:schooljaar\s+)?(20\d\d)\s*[/-]\s*(20\d\d|\d\d)\b(?![/-]\d)/gi)) {
    const a = Number(m[1]);
    const b = m[2]!.length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (b === a + 1) add(parsePeriod(`${a}/${b}`), m.index, m.index + m[0].length);
  }
  if (firstSchoolYear !== null)
    for (const m of line.matchAll(/\b([1-9])\s*e\s+(?:school)?jaar\b/gi)) {
      const a = firstSchoolYear + Number(m[1]) - 1;
      add(parsePeriod(`${a}/${a + 1}`), m.index, m.index + m[0].length);
    }
  for (const m of line.matchAll(/\b(?:(?:in|per|eind|einde|ultimo|kalenderjaar)\s+)(20\d\d)\b(?!\s*[/-]\s*\d)/gi)) add(parsePeriod(m[1]!), m.index, m.index + m[0].length);
  for (const m of line.matchAll(/(?:^|[;:•]\s*|-\s+)(20\d\d)\s*:/g)) add(parsePeriod(m[1]!), m.index + m[0].indexOf(m[1]!), m.index + m[0].length - 1);
  return out.sort((a, b) => a.at - b.at);
}

/** A cell that names one period only ("2026/2027", "Streef 2027/2028", "2027", "1e jaar"). */
function yearCell(cell: string, firstSchoolYear: number | null): Period | null {
  const c = normaliseLine(cell);
  if (/^20\d\d$/.test(c)) return parsePeriod(c);
  const tokens = yearTokens(c, firstSchoolYear);
  if (tokens.length !== 1) return null;
  const rest = (c.slice(0, tokens[0]!.at) + c.slice(tokens[0]!.end)).replace(/\b(streef\w*|doel|target|norm|schooljaar|jaar)\b/gi, '').replace(/[\s:()–-]/g, '');
  return rest ? null : tokens[0]!.period;
}

/** A cell that is one figure ("4,5%", "120", "ca. 40 deelnemers"); null when it holds more. */
function valueCell(cell: string): { value: number; percent: boolean } | null {
  const m = new RegExp(String.raw`^\s*${HEDGE}${VALUE}(?:\s+[a-zà-ü'’-]{2,20})?\s*$`, 'i').exec(cell);
  if (!m) return null;
  const value = planNumber(m[1]!, !!m[2]);
  return value === null ? null : { value, percent: !!m[2] };
}

const LOWER = /\b(daal\w*|dal\w*|omlaag|afname|afneemt|afnemen|vermind\w*|verlag\w*|minder|terugdring\w*|terug\s+naar|reduc\w*|hooguit|maximaal)\b/i;
const HIGHER = /\b(stijg\w*|groei\w*|toename|toeneemt|toenemen|verhog\w*|meer|minstens|minimaal|ten\s+minste)\b/i;
const LOWER_IS_BETTER = /vsv|uitval|verzuim|thuiszit|schoolverlat|wachttijd|wachtlijst|zonder\s+startkwalificatie/i;

function directionOf(text: string, name: string, baseline: number | null, targets: FoundTarget[]): 'hoger' | 'lager' {
  if (LOWER.test(text)) return 'lager';
  if (HIGHER.test(text)) return 'hoger';
  const last = targets[targets.length - 1]?.value;
  if (baseline !== null && last !== undefined && last !== baseline) return last < baseline ? 'lager' : 'hoger';
  return LOWER_IS_BETTER.test(name) ? 'lager' : 'hoger';
}

/** A name people recognise: the words before the figures, without articles and list marks. */
function cleanName(s: string): string {
  let n = normaliseLine(s)
    .replace(/^[-•*]\s*/, '')
    .replace(/\((?:[^()]*)\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:streef(?:cijfers?|waarden?|percentages?)|doelen?|targets?)(?:\s+(?:voor|van))?\s*[:\-–]?\s*/i, '')
    .replace(/^(?:het|de|een)\s+/i, '')
    .replace(/[\s:;,.\-–]+$/, '')
    .replace(/\s+(?:in|per|voor|op|van|naar|is|wordt|bedraagt)$/i, '')
    .trim();
  if (n.length > 150) n = n.slice(0, 150).replace(/\s+\S*$/, '');
  return n ? n[0]!.toUpperCase() + n.slice(1) : '';
}

/** "1 februari en 1 augustus" -> half-yearly 02-01, 08-01; one date -> yearly; else null. */
export function momentsOf(text: string): Moments | null {
  const dates = [...text.matchAll(new RegExp(String.raw`\b(\d{1,2})\s+(${MONTHS.join('|')})\b`, 'gi'))]
    .map((m) => `${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(Number(m[1]))}`)
    .filter((d, i, all) => Number(d.slice(3)) >= 1 && Number(d.slice(3)) <= 28 + (d.startsWith('02') ? 0 : 3) && all.indexOf(d) === i);
  if (dates.length === 1) return { kind: 'jaarlijks', dates };
  if (dates.length === 2) return { kind: 'halfjaarlijks', dates: [...dates].sort() };
  return null;
}

/** The day a baseline describes: "peildatum 1 oktober" within its school year, else the end of its period. */
function baselineDay(line: string, p: Period | null): string | null {
  if (!p) return null;
  const m = new RegExp(String.raw`peil(?:datum)?\s+(\d{1,2})\s+(${MONTHS.join('|')})`, 'i').exec(line);
  if (m && p.kind === 'schooljaar') {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const year = Number(p.start.slice(0, 4)) + (month >= 8 ? 0 : 1);
    const iso = `${year}-${pad(month)}-${pad(Number(m[1]))}`;
    if (iso >= p.start && iso <= p.end && !Number.isNaN(Date.parse(iso))) return iso;
  }
  return p.end;
}

/** The text without the periods it names (a name never holds its years). */
const withoutPeriods = (s: string) => s.replace(/\b(?:(?:in|per|eind|einde|schooljaar|kalenderjaar)\s+)?20\d\d(?:\s*[/-]\s*\d{2,4})?\b/gi, ' ').replace(/\b[1-9]\s*e\s+(?:school)?jaar\b/gi, ' ');

const isBaselineYear = (line: string, y: YearToken) => /(nulmeting|uitgangs\w*|peiljaar|baseline|startwaarde)\s*[:(]?\s*$/i.test(line.slice(Math.max(0, y.at - 30), y.at));

/** One line of question 10: "van X naar Y in <periode>" or periods each with a figure. */
function fromLine(raw: string, firstSchoolYear: number | null): FoundIndicator | null {
  const line = normaliseLine(raw);
  const years = yearTokens(line, firstSchoolYear);
  if (!years.length) return null;
  const targets: FoundTarget[] = [];
  let baseline: number | null = null;
  let baselinePeriod: Period | null = null;
  let percent = false;
  const fromTo = new RegExp(String.raw`\bvan\s+${VALUE}(.*?)\bnaar\s+${HEDGE}${VALUE}`, 'i').exec(line);
  if (fromTo) {
    baseline = planNumber(fromTo[1]!, !!fromTo[2]);
    percent = !!fromTo[2] || !!fromTo[5];
  }
  // Periods between "van X" and "naar" belong to the baseline ("van 4,1% (nulmeting 2022/2023) naar 3,0%").
  const naarAt = fromTo ? fromTo.index + fromTo[0].search(/\bnaar\s/i) : -1;
  for (const y of years) {
    if (isBaselineYear(line, y) || (fromTo && y.at > fromTo.index && y.at < naarAt)) {
      baselinePeriod ??= y.period;
      continue;
    }
    // A figure right after the period ("2026/2027: 4,5%"), or right before it ("4,0% in 2028/2029").
    const after = new RegExp(String.raw`^\s*(?:[:=–-]\s*|\s)${HEDGE}${VALUE}(?![\d/.,-]*\d)`, 'i').exec(line.slice(y.end));
    const before = new RegExp(String.raw`${VALUE}\s*(?:in|voor|per|eind|einde|aan\s+het\s+eind(?:e)?\s+van)?\s*(?:het\s+)?$`, 'i').exec(line.slice(0, y.at));
    const sep = after && (/^\s*[:=–-]/.test(line.slice(y.end)) || !!after[2] || line.slice(y.end + after[0].length).trim() === '');
    const hit = sep ? after : before && !/[/-]$/.test(line.slice(0, before.index)) ? before : null;
    if (!hit) continue;
    const value = planNumber(hit[1]!, !!hit[2]);
    if (value === null || (!hit[2] && /^(19|20)\d\d$/.test(hit[1]!))) continue;
    percent ||= !!hit[2];
    if (!targets.some((x) => periodCode(x.period) === periodCode(y.period))) targets.push({ period: y.period, value });
  }
  if (!targets.length) return null;
  // The name: the subject before the verb of "daalt van … naar …", else the words before the first figure.
  const firstFigure = Math.min(years[0]!.at, new RegExp(VALUE).exec(line)?.index ?? line.length);
  const verb = /\s(daalt|dalen|stijgt|stijgen|gaat|neemt|groeit|verbetert|verandert|moet|zal|wordt|blijft|is|bedraagt)\b|\svan\s+\d/i.exec(line);
  const cut = verb && verb.index < firstFigure + 60 ? Math.min(verb.index, fromTo?.index ?? line.length) : firstFigure;
  const name = [line.slice(0, cut), line.slice(0, firstFigure), withoutPeriods(line).replace(new RegExp(VALUE, 'gi'), ' ')].map((s) => cleanName(withoutPeriods(s))).find((n) => n.length >= 4) ?? '';
  if (!name) return null;
  const unit = percent || /percentage|procent|%/i.test(name) ? 'percentage' : 'aantal';
  return {
    name,
    unit,
    direction: directionOf(line, name, baseline, targets),
    baselineValue: baseline,
    baselineDate: baseline === null ? null : baselineDay(line, baselinePeriod),
    targets,
    source: line.slice(0, 200),
  };
}

const BASELINE_HEADER = /nulmeting|uitgangs|baseline|start(waarde|situatie)|huidig/i;
const GENERIC_HEADER = /^(aantal|streef\w*|waarde|percentage|%|doel|resultaat|norm)$/i;

/** A table under question 10: a column per period (rows are indicators), or a row per period (columns are indicators). */
function fromTable(rows: string[][], before: string, firstSchoolYear: number | null): FoundIndicator[] {
  if (rows.length < 2) return [];
  const header = rows[0]!;
  const yearCols = header.map((c, i) => ({ i, period: yearCell(c, firstSchoolYear) })).filter((c): c is { i: number; period: Period } => c.period !== null);
  const out: FoundIndicator[] = [];
  const make = (name: string, cells: { period: Period; cell: string }[], baselineCell: string | null, baselinePeriod: Period | null, source: string) => {
    const targets: FoundTarget[] = [];
    let percent = false;
    for (const { period, cell } of cells) {
      const v = valueCell(cell);
      if (!v) continue;
      percent ||= v.percent;
      if (!targets.some((x) => periodCode(x.period) === periodCode(period))) targets.push({ period, value: v.value });
    }
    const b = baselineCell ? valueCell(baselineCell) : null;
    const clean = cleanName(name);
    if (!targets.length || !clean) return;
    const unit = percent || b?.percent || /percentage|procent|%/i.test(clean) ? 'percentage' : 'aantal';
    out.push({ name: clean, unit, direction: directionOf(clean, clean, b?.value ?? null, targets), baselineValue: b?.value ?? null, baselineDate: b ? (baselinePeriod?.end ?? null) : null, targets, source: source.slice(0, 200) });
  };
  if (yearCols.length) {
    const baseCol = header.findIndex((c) => BASELINE_HEADER.test(c));
    const labelCol = header.findIndex((_, i) => i !== baseCol && !yearCols.some((y) => y.i === i));
    const basePeriod = baseCol >= 0 ? (yearTokens(header[baseCol]!, firstSchoolYear)[0]?.period ?? null) : null;
    for (const r of rows.slice(1)) {
      const label = labelCol >= 0 ? (r[labelCol] ?? '') : before;
      make(label, yearCols.map((y) => ({ period: y.period, cell: r[y.i] ?? '' })), baseCol >= 0 ? (r[baseCol] ?? null) : null, basePeriod, r.join(' | '));
    }
    return out;
  }
  const body = rows.slice(1);
  const periods = body.map((r) => yearCell(r[0] ?? '', firstSchoolYear));
  if (periods.filter(Boolean).length < 1) return [];
  const baseRow = body.findIndex((r) => BASELINE_HEADER.test(r[0] ?? ''));
  for (let c = 1; c < header.length; c++) {
    const h = normaliseLine(header[c] ?? '');
    const name = !h || GENERIC_HEADER.test(h) ? before || h : h;
    const cells = body.flatMap((r, k) => (periods[k] ? [{ period: periods[k]!, cell: r[c] ?? '' }] : []));
    make(name, cells, baseRow >= 0 ? (body[baseRow]![c] ?? null) : null, baseRow >= 0 ? (yearTokens(body[baseRow]![0] ?? '', firstSchoolYear)[0]?.period ?? null) : null, `${h}: ${cells.map((x) => `${periodCode(x.period)} ${x.cell}`).join('; ')}`);
  }
  return out;
}

const PARTICIPANTS = /deelnemer|bereikt\w*\s+(jongeren|leerlingen|studenten)|aantal\s+(jongeren|leerlingen|studenten)\b/i;

export interface ResultsText {
  /** Lines of question 10's answers (table rows excluded: they come as tables). */
  lines: string[];
  tables: { rows: string[][]; before: string }[];
  /** The first school year ("1e jaar"): the activity's start, else the programme's. */
  firstSchoolYear: number | null;
}

/**
 * Indicators with targets from question 10. Indicators about participants ("aantal deelnemers per
 * schooljaar") are planned participants instead: Regieboek counts those with its built-in indicator.
 */
export function resultSuggestions(input: ResultsText): { indicators: FoundIndicator[]; participants: FoundParticipants[] } {
  const found: FoundIndicator[] = [];
  for (const l of input.lines) {
    if (l.includes(' | ')) continue;
    const f = fromLine(l, input.firstSchoolYear);
    if (f) found.push(f);
  }
  for (const tb of input.tables) found.push(...fromTable(tb.rows, tb.before, input.firstSchoolYear));
  const indicators: FoundIndicator[] = [];
  const participants: FoundParticipants[] = [];
  for (const f of found) {
    if (PARTICIPANTS.test(f.name) && f.unit === 'aantal') {
      for (const x of f.targets)
        if (x.period.kind === 'schooljaar' && Number.isInteger(x.value) && !participants.some((p) => p.schoolYear === periodCode(x.period)))
          participants.push({ schoolYear: periodCode(x.period), count: x.value, source: f.source });
      continue;
    }
    // The same indicator named twice (a sentence and a table): one, with the targets of both.
    const same = indicators.find((i) => i.name.toLowerCase() === f.name.toLowerCase() && i.unit === f.unit);
    if (!same) indicators.push(f);
    else {
      for (const x of f.targets) if (!same.targets.some((y) => periodCode(y.period) === periodCode(x.period))) same.targets.push(x);
      if (same.baselineValue === null && f.baselineValue !== null) [same.baselineValue, same.baselineDate] = [f.baselineValue, f.baselineDate];
    }
  }
  for (const i of indicators) i.targets.sort((a, b) => a.period.start.localeCompare(b.period.start));
  return { indicators, participants };
}

/** Planned participants from question 8's lines: "2026/2027: 400", "1e jaar 400", "400 deelnemers in 2026/2027". */
export function participantLines(lines: string[], firstSchoolYear: number | null): FoundParticipants[] {
  const out: FoundParticipants[] = [];
  for (const raw of lines) {
    const text = normaliseLine(raw.replace(/\s*\|\s*/g, ' '));
    for (const y of yearTokens(text, firstSchoolYear)) {
      if (y.period.kind !== 'schooljaar') continue;
      const after = new RegExp(String.raw`^\D{0,25}?${HEDGE}(\d{1,3}(?:\.\d{3})+|\d+)\b(?!\s*%|[/-]\d)`, 'i').exec(text.slice(y.end));
      const before = /(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:deelnemers|jongeren|leerlingen|studenten)?\s*(?:in|per)?\s*$/i.exec(text.slice(0, y.at));
      const hit = after ?? before;
      if (!hit) continue;
      const count = Number(hit[1]!.replace(/\./g, ''));
      const schoolYear = periodCode(y.period);
      if (count > 1_000_000 || out.some((p) => p.schoolYear === schoolYear)) continue;
      out.push({ schoolYear, count, source: text.slice(0, 200) });
    }
  }
  return out;
}

/** The first school year of an activity: of its start date, else of the programme's. */
export const firstSchoolYearOf = (start: string | null): number | null => (start ? Number(schoolYearOf(start).slice(0, 4)) : null);
