/**
 * The privacy guard's corpus: texts as RMC staff type them, each with the expected outcome. True
 * positives in several notations and true negatives that look alike (BRIN, KvK, phone numbers,
 * amounts, meeting dates, school years, codes, school addresses). The test prints the counts of
 * false positives and false negatives; both must be 0.
 */
import { describe, expect, it } from 'vitest';
import { elfproef, excerpt, redact, scanText, worst, type FindingKind, type Severity } from '../../shared/privacy/guard';
import { findingMessage, isTypedText, scanField } from '../../shared/privacy/fields';

type Expect = { text: string; severity: Severity | null; kind?: FindingKind; masked?: string };

const corpus: Expect[] = [
  // BSN in several notations (111222333 and 123456782 pass the elfproef)
  { text: 'Aangemeld: Jan, BSN 111222333, via school.', severity: 'refuse', kind: 'bsn', masked: '…333' },
  { text: 'bsn: 111 222 333', severity: 'refuse', kind: 'bsn', masked: '…333' },
  { text: 'BSN-nummer 111.222.333 doorgegeven', severity: 'refuse', kind: 'bsn' },
  { text: 'nummer 1112.22.333 staat op het formulier', severity: 'refuse', kind: 'bsn' },
  { text: 'P2 Piet Pietersen 123456782', severity: 'refuse', kind: 'bsn', masked: '…782' },
  { text: 'zie dossier 123-456-782 voor de intake', severity: 'refuse', kind: 'bsn' },
  { text: 'Burgerservicenummer is 123456789', severity: 'refuse', kind: 'bsn', masked: '…789' },
  { text: 'sofinummer 12345678', severity: 'refuse', kind: 'bsn' },
  // Birth dates in context
  { text: 'geboren op 12-03-2008 in Utrecht', severity: 'refuse', kind: 'birthDate', masked: '…2008' },
  { text: 'Geboortedatum: 3 maart 2009', severity: 'refuse', kind: 'birthDate', masked: '…2009' },
  { text: 'Ahmed (geb. 01/02/2007) stroomt uit', severity: 'refuse', kind: 'birthDate' },
  { text: 'DOB 2008-11-30, klas 3', severity: 'refuse', kind: 'birthDate' },
  { text: 'geboren te Amersfoort op 5-6-08', severity: 'refuse', kind: 'birthDate' },
  { text: '14-07-2006 (geboortedatum)', severity: 'refuse', kind: 'birthDate' },
  // Home addresses near a person
  { text: 'De jongere woont op Dorpsstraat 12, 1234 AB Utrecht', severity: 'refuse', kind: 'address', masked: '1234 ..' },
  { text: 'thuisadres: Laan van Meerdervoort 100a 2517 AB Den Haag', severity: 'refuse', kind: 'address' },
  // Names of young people (the softer signal)
  { text: 'naam leerling: Jan Jansen', severity: 'confirm', kind: 'personName', masked: 'J… J…' },
  { text: 'Gesprek met leerling Sanne de Vries over haar stage.', severity: 'confirm', kind: 'personName', masked: 'S… V…' },
  { text: 'jongere P. van den Berg is weer ingestroomd', severity: 'confirm', kind: 'personName' },
  { text: 'student Mo El Amrani heeft een BBL-plek', severity: 'confirm', kind: 'personName' },
  { text: 'Leerling: Fatima', severity: 'confirm', kind: 'personName' },
  { text: 'cliënt J.J. Bakker', severity: 'confirm', kind: 'personName' },
  { text: 'jongere Kevin (17) meldt zich bij het loket', severity: 'confirm', kind: 'personName' },
  { text: 'Voornaam van de student = lisa', severity: 'confirm', kind: 'personName' },

  // True negatives that look alike
  { text: 'BRIN 25LP, KvK 12345678', severity: null },
  { text: 'KvK-nummer 30123456, vestigingsnummer 000012345678', severity: null },
  { text: 'Bel 06-12345678 of 0612345678 (mentor)', severity: null },
  { text: 'Telefoon 030 123 4567', severity: null },
  { text: 'Begroting € 123.456.782 over vier jaar', severity: null },
  { text: 'Totaal 111222333,00 euro', severity: null },
  { text: 'Bedrag: 1.111.222.333 (meerjarig)', severity: null },
  { text: 'IBAN NL91ABNA0417164300', severity: null },
  { text: 'Regel a9e0c1d2-5b6f-4c3d-8e7f-e111222333ab in het bestand', severity: null },
  { text: 'Overleg op 12-03-2026 en 3 maart 2027 met het SWV', severity: null },
  { text: 'Het idee is geboren in de werkgroep op 12-03-2024', severity: null },
  { text: 'Schooljaar 2025/2026 en 2026-2027', severity: null },
  { text: 'Maatregel 2.2.1, activiteit 2a en 3.1.4', severity: null },
  { text: 'ROC Midden, Stationsweg 12, 1234 AB Leiden', severity: null },
  { text: 'Locatie van het Jongerenloket: Markt 1, 3511 AA Utrecht', severity: null },
  { text: 'De leerling zelf bepaalt welke informatie in het paspoort komt.', severity: null },
  { text: 'Per student wordt het resultaat genoteerd.', severity: null },
  { text: 'leerlingen Jan Ligthart School en Het Baken', severity: null },
  { text: 'Student Ambassadeurs Netwerk', severity: null },
  { text: 'Elke leerling Havo Noord krijgt een mentor', severity: null },
  { text: 'Jongeren (16-23 jaar) zonder startkwalificatie', severity: null },
  { text: 'Deelnemers: 120 leerlingen, 45 studenten, 12 jongeren', severity: null },
  { text: 'Postcodegebied 3500-3599', severity: null },
  { text: 'Doorstroompunt Utrecht, team VSV', severity: null },
  { text: 'Peildatum 1 oktober 2025; DUO-cijfers van 2024', severity: null },
  { text: 'Projectnummer 2025-0042-17', severity: null },
  { text: 'Rooster: 09:00-12:30, lokaal 1.23', severity: null },
];

const rank = (s: Severity | null) => (s === 'refuse' ? 2 : s === 'confirm' ? 1 : 0);

describe('privacy guard corpus', () => {
  it(`holds ${corpus.length} strings with 0 false positives and 0 false negatives`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const c of corpus) {
      const found = scanText(c.text);
      const got = worst(found);
      if (rank(got) > rank(c.severity)) {
        fp++;
        wrong.push(`false positive: ${JSON.stringify(c.text)} -> ${got} ${found.map((f) => f.kind).join(',')}`);
      } else if (rank(got) < rank(c.severity)) {
        fn++;
        wrong.push(`false negative: ${JSON.stringify(c.text)} -> ${got ?? 'niets'}, verwacht ${c.severity}`);
      } else if (c.kind && !found.some((f) => f.kind === c.kind && f.severity === c.severity && (!c.masked || f.masked === c.masked))) {
        fn++;
        wrong.push(`wrong finding: ${JSON.stringify(c.text)} -> ${JSON.stringify(found)}`);
      }
    }
    const positives = corpus.filter((c) => c.severity).length;
    console.log(`privacy guard corpus: ${corpus.length} strings (${positives} positive, ${corpus.length - positives} negative): ${fp} false positives, ${fn} false negatives`);
    for (const w of wrong) console.log('  ' + w);
    expect({ fp, fn }).toEqual({ fp: 0, fn: 0 });
  });
});

describe('privacy guard parts', () => {
  it('elfproef: accepts valid BSNs and refuses a changed digit and all zeros', () => {
    expect(elfproef('111222333')).toBe(true);
    expect(elfproef('123456782')).toBe(true);
    expect(elfproef('123456789')).toBe(false);
    expect(elfproef('111222334')).toBe(false);
    expect(elfproef('000000000')).toBe(false);
    expect(elfproef('12345678')).toBe(false);
  });

  it('masks what it found in messages, redactions and excerpts', () => {
    const text = 'Intake: naam leerling: Jan Jansen, BSN 111222333, geboren op 12-03-2008.';
    const found = scanText(text);
    expect(found.map((f) => f.kind)).toEqual(['personName', 'bsn', 'birthDate']);
    const red = redact(text, found);
    expect(red).not.toMatch(/111222333|Jansen|12-03-2008/);
    expect(red).toContain('[…333]');
    const ex = excerpt(text, found[1]!, found, 10);
    expect(ex).not.toMatch(/111222333|Jansen|12-03/);
    const msg = findingMessage(found[1]!);
    expect(msg).toContain('een BSN (…333)');
    expect(msg).not.toContain('111222333');
    expect(msg).toMatch(/Regieboek bewaart/);
  });

  it('does not read professionals as persons, but still refuses a BSN there', () => {
    expect(scanField('contact', 'name', 'Jongere coach: Jan Jansen')).toEqual([]);
    expect(scanField('activity', 'description', 'jongere: Jan Jansen')).toHaveLength(1);
    expect(scanField('contact', 'phone', 'BSN 111222333')[0]?.kind).toBe('bsn');
    expect(scanField('monitoringAttendee', 'name', 'Leerling: Jan')).toEqual([]);
  });

  it('offers "Uit de geschiedenis wissen" for typed text only, not for a stored choice, a date, a number or a reference', () => {
    expect(isTypedText('description', 'Gesprek met leerling Sanne')).toBe(true);
    expect(isTypedText('name', 'P2 Piet Pietersen')).toBe(true);
    for (const [field, v] of [
      ['status', 'lopend'],
      ['status', 'in_voorbereiding'],
      ['startDate', '2026-08-01'],
      ['amountCents', '125000'],
      ['measureId', 'Gesprek met leerling Sanne'],
      ['description', '[gewist]'],
      ['description', '  '],
      ['description', null],
    ] as const)
      expect(isTypedText(field, v), `${field} = ${String(v)}`).toBe(false);
  });

  it('never reads ids, references or time stamps', () => {
    expect(scanField('activity', 'measureId', 'BSN 111222333')).toEqual([]);
    expect(scanField('measure', 'executorIds', '["111222333"]')).toEqual([]);
    expect(scanField('activity', 'description', '["BSN 111222333"]')[0]?.kind).toBe('bsn');
  });
});
