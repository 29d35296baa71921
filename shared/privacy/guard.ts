/**
 * The privacy guard: finds data about individual young people in a text. Regieboek stores
 * aggregated figures only, so the core refuses a BSN or a birth date on every write path, and asks
 * for confirmation when a text seems to name a young person. Pure (no Node, no DOM): the forms use it
 * to warn while typing, the core to refuse, the Excel and plan imports per cell, the Privacycontrole
 * to scan what is stored. The patterns are listed in `PATTERNS` and in docs/PRIVACY.md; the corpus
 * test (tests/unit/privacy-guard.test.ts) holds them to zero false positives and negatives.
 */

export type FindingKind = 'bsn' | 'birthDate' | 'address' | 'personName';
/** refuse: never stored. confirm: stored only after the user said it is not a young person. */
export type Severity = 'refuse' | 'confirm';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** What was found, masked so a message or a scan list never repeats it ("…333"). */
  masked: string;
  /** Where in the text (UTF-16 offsets), for highlighting and redaction. */
  start: number;
  end: number;
}

export interface ScanOptions {
  /**
   * A field about a professional (a contact's name, function, e-mail or phone; an attendee; an
   * action's owner): names and addresses there are the professional's own, so only a BSN or a birth
   * date is looked for.
   */
  professional?: boolean;
}

/** The documented list of what the guard looks for (docs/PRIVACY.md explains each with examples). */
export const PATTERNS: readonly { id: string; kind: FindingKind; severity: Severity; what: string }[] = [
  { id: 'bsn-elfproef', kind: 'bsn', severity: 'refuse', what: '9 cijfers die de elfproef halen: 111222333, 111 222 333, 111.222.333, 111-222-333, 1112.22.333 (niet als bedrag: na €, of met ,00 erachter; niet als deel van een langer getal of van een code met letters)' },
  { id: 'bsn-keyword', kind: 'bsn', severity: 'refuse', what: 'BSN, burgerservicenummer of sofinummer gevolgd door 8 of 9 cijfers, ook zonder geldige elfproef' },
  { id: 'birthdate', kind: 'birthDate', severity: 'refuse', what: 'een datum (12-03-2008, 12/3/08, 2008-03-12, 12 maart 2008) direct na geboren, geb., geboortedatum, geb.datum, DOB of date of birth (ertussen alleen op, te, in, is, was, d.d. of een plaatsnaam), of direct ervoor' },
  { id: 'address', kind: 'address', severity: 'refuse', what: 'straat + huisnummer + postcode (Dorpsstraat 12, 1234 AB) binnen 80 tekens van woont, woonachtig, woonadres, thuisadres, huisadres, verblijft of van een genoemde jongere' },
  { id: 'person-label', kind: 'personName', severity: 'confirm', what: 'naam, voornaam of achternaam van de leerling/student/jongere/cliënt gevolgd door : en tekst' },
  { id: 'person-colon', kind: 'personName', severity: 'confirm', what: 'leerling/student/jongere/cliënt (enkelvoud) gevolgd door : en een woord met een hoofdletter (leerling: Jan)' },
  { id: 'person-name', kind: 'personName', severity: 'confirm', what: 'leerling/student/jongere/cliënt (enkelvoud) gevolgd door een naam van twee of meer delen met hoofdletters, voorletters of tussenvoegsels (jongere P. de Vries, student Mo El Amrani); niet als het laatste deel een gewoon zelfstandig naamwoord is (Netwerk, Systeem, Programma …) of het eerste een onderwijssoort (Havo, Mbo …)' },
  { id: 'person-age', kind: 'personName', severity: 'confirm', what: 'leerling/student/jongere/cliënt gevolgd door één naam en een leeftijd: jongere Fatima (17)' },
];

// ---------------------------------------------------------------------------------------------
// BSN

/** The elfproef of the BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0). */
export function elfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum !== 0 && sum % 11 === 0;
}

// Nine digits, plain or grouped 3-3-3 (space, dot, hyphen) or 4-2-3 (space, dot), not inside a
// longer number or a code with letters (an id like e111222333ab), not an amount (after € or EUR, or
// followed by a decimal comma).
const BSN_SHAPE = /(?<![\p{L}\d€_]|\d[.,/ -]|[€]\s?|EUR\s?)(\d{9}|\d{3}([ .-])\d{3}\2\d{3}|\d{4}([ .])\d{2}\3\d{3})(?![\p{L}\d_]|[.,/-]\d|,-)/gu;
const BSN_WORD = /\b(?:bsn|burger\s?service\s?nummer|sofi-?\s?nummer)(?:\s*(?:-?nr\.?|-?nummer|is|was|van|:|=|\())*\s*(\d{8,9}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?!\d)/gi;

// Cheap first tests without look-arounds: every BSN_SHAPE match holds one of these digit runs, and
// every BSN_WORD match one of these words. Most texts an import scans (ids, dates, amounts) fail them.
const BSN_SHAPE_HINT = /\d{9}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{4}[ .]\d{2}[ .]\d{3}/;
const BSN_WORD_HINT = /bsn|burger|sofi/i;

function bsns(text: string, out: Finding[]): void {
  if (BSN_SHAPE_HINT.test(text))
    for (const m of text.matchAll(BSN_SHAPE)) {
      const digits = m[1]!.replace(/\D/g, '');
      if (elfproef(digits)) out.push({ kind: 'bsn', severity: 'refuse', masked: `…${digits.slice(-3)}`, start: m.index, end: m.index + m[0].length });
    }
  if (!BSN_WORD_HINT.test(text)) return;
  for (const m of text.matchAll(BSN_WORD)) {
    const digits = m[1]!.replace(/\D/g, '');
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ kind: 'bsn', severity: 'refuse', masked: `…${digits.slice(-3)}`, start, end: start + m[1]!.length });
  }
}

// ---------------------------------------------------------------------------------------------
// Birth dates

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec';
const DATE = `(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+\\d{4})(?![\\d])`;
// Spelled out in both cases: the place-name part uses \p{Lu}, which a case-insensitive flag would break.
const BIRTH_WORD = "(?:[Gg]eboren|[Gg]eb\\.|[Gg]eb\\b|[Gg]eboortedatum|[Gg]eboorte\\s?datum|[Gg]eb\\.?\\s?datum|[Gg]eboortedag|GEBOORTEDATUM|[Dd]\\.?[Oo]\\.?[Bb]\\.?|DOB|[Dd]ate\\s+of\\s+birth|[Bb]irth\\s?date)";
// Between the word and the date only connecting words or a place name: "geboren te Utrecht op".
const BIRTH_GAP = "[\\s:=(]*(?:(?:op|te|in|is|was|d\\.d\\.|dd|\\p{Lu}[\\p{Ll}'’-]+)[\\s:,]+){0,3}";
const BIRTH_AFTER = new RegExp(`(?<![\\p{L}])${BIRTH_WORD}${BIRTH_GAP}(${DATE})`, 'gu');
const BIRTH_BEFORE = new RegExp(`(?<![\\d])(${DATE})\\s*[(,:]?\\s*${BIRTH_WORD}(?![\\p{L}])`, 'gu');

function birthDates(text: string, out: Finding[]): void {
  for (const re of [BIRTH_AFTER, BIRTH_BEFORE])
    for (const m of text.matchAll(re)) {
      const date = m[1]!;
      const start = m.index + m[0].indexOf(date);
      const year = /\d{4}/.exec(date)?.[0] ?? date.slice(-2);
      out.push({ kind: 'birthDate', severity: 'refuse', masked: `…${year}`, start, end: start + date.length });
    }
}

// ---------------------------------------------------------------------------------------------
// Names of young people (soft: asks for confirmation)

// Singular only: "leerlingen" and "jongeren" speak of groups, which is what Regieboek is for. No
// case-insensitive flag where \p{Lu} is used (with /iu it would match lower case too).
const PERSON = '(?:[Ll]eerlinge?|[Ss]tudente?|[Jj]ongere|[Cc]li[eë]nt)';
// Cheap first tests: a person word in the singular (not "leerlingen"), a word about birth.
const PERSON_HINT = /(?:eerlinge?|tudente?|ongere|li[eë]nt)(?![a-zë])/;
const BIRTH_HINT = /geb|geboor|dob|d\.o\.b|birth/i;
const CAP = "\\p{Lu}[\\p{Ll}'’-]+";
const INITIALS = '(?:\\p{Lu}\\.\\s?){1,3}';
const TUSSEN = "(?:van|de|der|den|het|ten|ter|te|op|in|el|al|da|di|du|le|la|von|bin|ben|'t)";
// A name: a first name or initials, then one or more capitalised parts, tussenvoegsels between.
const NAME = `(?:${INITIALS}|${CAP}\\s+)(?:${TUSSEN}\\s+)*${CAP}(?:\\s+(?:${TUSSEN}\\s+)*${CAP})?`;
const PERSON_LABEL = new RegExp(`(?<![\\p{L}])(?:[Nn]aam|[Vv]oornaam|[Aa]chternaam|[Rr]oepnaam)\\s+(?:van\\s+(?:de|het)\\s+)?${PERSON}\\s*[:=]\\s*([^\\n,;]{2,40})`, 'gu');
const PERSON_COLON = new RegExp(`(?<![\\p{L}])${PERSON}\\s*:\\s*(${CAP}(?:\\s+(?:${TUSSEN}\\s+)*${CAP})*)`, 'gu');
const PERSON_NAME = new RegExp(`(?<![\\p{L}])${PERSON}\\s+(${NAME})(?![\\p{L}])`, 'gu');
const PERSON_AGE = new RegExp(`(?<![\\p{L}])${PERSON}\\s+(${CAP})\\s*\\(\\s*\\d{1,2}(?:\\s*(?:jaar|jr\\.?))?\\s*\\)`, 'gu');

/** Words that make a capitalised phrase a thing, not a person ("Student Ambassadeurs Netwerk"). */
const THING_END = /(?:netwerk|systeem|programma|project|loket|punt|team|raad|dag|week|plan|traject|onderwijs|school|college|centrum|coach|begeleiding|zorg|werk|beleid|aanpak|route|portal|portaal|dossier|monitor|volgsysteem|regeling|fonds|prijs|award|vereniging|platform|academie|campus|lab)$/iu;
const THING_START = /^(?:mbo|havo|vwo|vmbo|pro|vso|entree|niveau|bol|bbl|leerjaar|klas|groep|de|het|een|alle|elke|iedere)$/iu;

function namesLookLikeAPerson(name: string): boolean {
  const parts = name.trim().split(/\s+/);
  const last = parts[parts.length - 1]!.replace(/[.,]$/, '');
  return !THING_END.test(last) && !THING_START.test(parts[0]!.replace(/\.$/, ''));
}

const initialsOf = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .filter((p) => /^\p{Lu}/u.test(p))
    .map((p) => `${p[0]}…`)
    .join(' ') || '…';

function personNames(text: string, out: Finding[]): void {
  const add = (name: string, start: number) => out.push({ kind: 'personName', severity: 'confirm', masked: initialsOf(name), start, end: start + name.length });
  for (const m of text.matchAll(PERSON_LABEL)) {
    const v = m[1]!.trim();
    add(v, m.index + m[0].indexOf(v));
  }
  for (const m of text.matchAll(PERSON_COLON)) if (namesLookLikeAPerson(m[1]!)) add(m[1]!, m.index + m[0].lastIndexOf(m[1]!));
  for (const m of text.matchAll(PERSON_NAME)) if (namesLookLikeAPerson(m[1]!)) add(m[1]!, m.index + m[0].lastIndexOf(m[1]!));
  for (const m of text.matchAll(PERSON_AGE)) add(m[1]!, m.index + m[0].indexOf(m[1]!, m[0].search(/\s/)));
}

// ---------------------------------------------------------------------------------------------
// Home addresses

// A street is capitalised words (with tussenvoegsels: Laan van Meerdervoort), then the number.
const ADDRESS = /\p{Lu}[\p{Ll}.'’-]+(?:\s+(?:\p{Lu}[\p{Ll}.'’-]+|van|de|der|den|het|'t)){0,3}\s+\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z])|-\d{1,4})?\s*,?\s+([1-9]\d{3})\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\d])/gu;
const LIVES = /(?<![\p{L}])(?:woont|wonen|woonachtig|woonadres|thuisadres|huisadres|verblijft|verblijfadres)(?![\p{L}])/iu;
// Every LIVES match holds one of these (same flags, so the same case folding); cheap, no look-behind.
const LIVES_HINT = /wo|adres|verblijf/iu;

function addresses(text: string, out: Finding[], names: Finding[]): void {
  for (const m of text.matchAll(ADDRESS)) {
    const start = m.index;
    const end = start + m[0].length;
    const around = text.slice(Math.max(0, start - 80), Math.min(text.length, end + 80));
    const nearName = names.some((n) => n.end >= start - 80 && n.start <= end + 80);
    if (LIVES.test(around) || nearName) out.push({ kind: 'address', severity: 'refuse', masked: `${m[1]} ..`, start, end });
  }
}

// ---------------------------------------------------------------------------------------------

/** Every finding in a text, in reading order, one per place (the strongest when patterns overlap). */
export function scanText(text: string, opts: ScanOptions = {}): Finding[] {
  if (!text || text.length < 6) return [];
  const found: Finding[] = [];
  // Cheap tests first: most texts have no digits or no person word, and imports scan many cells.
  const digits = /\d/.test(text);
  if (digits && /\d{3}/.test(text)) bsns(text, found);
  if (digits && BIRTH_HINT.test(text)) birthDates(text, found);
  if (!opts.professional && PERSON_HINT.test(text)) {
    const names: Finding[] = [];
    personNames(text, names);
    if (digits) addresses(text, found, names);
    found.push(...names);
  } else if (!opts.professional && digits && LIVES_HINT.test(text) && LIVES.test(text)) addresses(text, found, []);
  found.sort((a, b) => a.start - b.start || (a.severity === b.severity ? b.end - a.end : a.severity === 'refuse' ? -1 : 1));
  const out: Finding[] = [];
  for (const f of found) {
    const prev = out[out.length - 1];
    if (prev && f.start < prev.end) {
      // Overlapping patterns: keep one, the refusing one if either refuses.
      if (prev.severity === 'confirm' && f.severity === 'refuse') out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** The strongest severity among findings, or null when a text is clean. */
export function worst(findings: readonly Finding[]): Severity | null {
  if (findings.some((f) => f.severity === 'refuse')) return 'refuse';
  return findings.length ? 'confirm' : null;
}

/** The text with every finding replaced by its masked form: safe to show in a list of hits. */
export function redact(text: string, findings: readonly Finding[] = scanText(text)): string {
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + `[${f.masked}]`;
    at = f.end;
  }
  return out + text.slice(at);
}

/** A short piece of text around a finding, with every finding in it masked (for the Privacycontrole). */
export function excerpt(text: string, f: Finding, findings: readonly Finding[] = scanText(text), width = 40): string {
  let from = Math.max(0, f.start - width);
  let to = Math.min(text.length, f.end + width);
  // A finding at the edge of the window is taken in whole, so it is masked and never shown in part.
  for (const x of findings)
    if (x.start < to && x.end > from) {
      from = Math.min(from, x.start);
      to = Math.max(to, x.end);
    }
  const inside = findings.filter((x) => x.start >= from && x.end <= to).map((x) => ({ ...x, start: x.start - from, end: x.end - from }));
  return `${from > 0 ? '…' : ''}${redact(text.slice(from, to), inside).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}
