/**
 * Personal data in a workbook someone sends: rows that hold data about individual young people
 * (names, BSN, birth dates, addresses). Regieboek stores aggregates only, so such a file is refused.
 * Every row of every sheet is looked at. This is the one function the import calls
 * (`personalDataIn`), so the privacy guard of the privacy issue can take its place.
 */
import { norm } from './norm';

/** Column titles that mean data about one young person. */
const PERSONAL = [
  /\bbsn\b/,
  /burger ?service ?nummer/,
  /\bsofi ?nummer\b/,
  /onderwijs ?nummer/,
  /\b(leerling|student|deelnemer|jongere)s? ?(nummer|nr)\b/,
  /geboorte ?(datum|dag|jaar|plaats)/,
  /\bgeb ?(datum|dat)\b/,
  /\b(date of birth|dob|birth ?date)\b/,
  /\bnaam (van de |v d )?(leerling|jongere|student|deelnemer|kind|ouder|verzorger)s?\b/,
  /\b(leerling|jongere|student|deelnemer|kind)s? ?naam\b/,
  /\b(voornaam|voornamen|achternaam|roepnaam|tussenvoegsel|geslachtsnaam|initialen)\b/,
  /\b(woon|huis|post|thuis)?adres\b/,
  /\b(straat|straatnaam|huisnummer|postcode)\b/,
  /\b(telefoon|mobiel|e ?mail)(nummer|adres)? (leerling|jongere|ouder|ouders|verzorger)\b/,
];

/** Words without which no title below can match: a cheap first look before normalising. */
const MAYBE = /bsn|burger|sofi|nummer|nr|geb|birth|dob|naam|voornam|initialen|tussenvoegsel|adres|straat|postcode|telefoon|mobiel|mail/i;

/** A text that reads as the title of a column of personal data ("Geboortedatum", "Naam leerling"). */
export function personalDataHint(text: string): boolean {
  if (text.length > 80 || !MAYBE.test(text)) return false;
  const n = norm(text);
  return n.length > 0 && n.length <= 60 && PERSONAL.some((re) => re.test(n));
}

/** The Dutch citizen service number's check (elfproef): 9 digits, weights 9..2 and -1. */
export function isBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

const BSN_WORD = /\b(bsn|burger ?service ?nummer|sofi ?nummer)\b/;
const NINE_DIGITS = /(?<![\d.])(\d{3}[. ]?\d{3}[. ]?\d{3}|\d{4}[. ]?\d{2}[. ]?\d{3})(?![\d.])/g;

export interface PersonalHit {
  row: number;
  col: number;
  text: string;
}

/**
 * Where a sheet holds personal data: a column title of personal data in the sheet's header rows
 * (down to the first row with two or more filled cells), two or more such titles in any later row
 * (a list of young people pasted further down), or a BSN (passing the elfproef) next to the word BSN.
 * One data value such as "Adres" or a programme called "Postcode-aanpak" is not a title row.
 */
export function personalDataIn(rows: readonly { r: number; cells: readonly string[] }[]): PersonalHit[] {
  const scan = personalDataScan();
  for (const row of rows) scan.row(row);
  return scan.hits;
}

/** personalDataIn one row at a time (a reader need not keep a whole sheet's texts). */
export function personalDataScan(): { row(row: { r: number; cells: readonly string[] }): void; readonly hits: PersonalHit[] } {
  const hits: PersonalHit[] = [];
  let inHeader = true;
  const scanRow = (row: { r: number; cells: readonly string[] }) => {
    const titles: PersonalHit[] = [];
    let filled = 0;
    let bsnWord: boolean | null = null;
    row.cells.forEach((s, c) => {
      if (!s || !s.trim()) return;
      filled++;
      if (s.length <= 60 && personalDataHint(s)) titles.push({ row: row.r, col: c, text: s.trim() });
      if (!/\d{3}/.test(s)) return;
      bsnWord ??= row.cells.some((o) => !!o && o.length <= 80 && /bsn|burger|sofi/i.test(o) && BSN_WORD.test(norm(o)));
      if (bsnWord) for (const m of s.matchAll(NINE_DIGITS)) if (isBsn(m[1]!.replace(/[. ]/g, ''))) hits.push({ row: row.r, col: c, text: `…${m[1]!.slice(-3)}` }); // never the number itself in a message
    });
    if (inHeader ? titles.length > 0 : titles.length >= 2) hits.push(...titles);
    if (filled >= 2) inHeader = false;
  };
  return { row: scanRow, hits };
}
