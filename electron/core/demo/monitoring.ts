/**
 * The example region's monitoring interviews: two rounds held (answers, attendees, actions in every
 * status, some still open and carried over) and one round in preparation. Names are fictional.
 * The rounds held are written as on calendar.ts's WRITTEN_ON and moved with it; the round in
 * preparation is always about eight weeks after the clock's today, so it lies ahead on any date.
 */
import { randomUUID } from 'node:crypto';
import type { Tracker } from '../history/tracker';
import { editQuestionSet, ensureQuestionSet, setInputStatus } from '../handlers/monitoring';
import { loadQuestionSet } from '../db/queries/monitoring';
import type { ActionStatus } from '../../../shared/monitoring/actions';
import type { DemoCalendar } from './calendar';
import { today } from '../clock';

type Answers = Record<number, string>;

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Answers per question number, for the measures in the example rounds. */
const answersFor: Record<string, (round: number) => Answers> = {
  '2a': (round) => ({
    1: round === 1 ? 'Grotendeels. Het loket is bekend bij de scholen en de gemeenten; de doorlooptijd van aanmelding tot eerste gesprek is nog te lang.' : 'Ja. De doorlooptijd is teruggebracht tot gemiddeld acht werkdagen.',
    2: 'De vaste intakers kennen de opleidingen goed en plaatsen jongeren snel. De korte lijn met leerplicht werkt.',
    3: round === 1 ? 'Aanmeldingen via de gemeenten komen laat binnen; een gezamenlijk aanmeldformulier ontbreekt nog.' : 'De terugkoppeling aan de verwijzer na plaatsing gebeurt nog niet altijd.',
    4: 'Ja, het loket draait sinds de start van het schooljaar op alle drie de locaties.',
    5: 'Goed met ROC Voorbeeldstad en het Vakcollege; met het Groencollege zijn de afspraken nog in ontwikkeling.',
    6: round === 1 ? 'Tot nu toe zijn ruim 180 jongeren aangemeld; ongeveer tweederde is binnen zes weken geplaatst. Zie de feiten hiernaast.' : 'Zie de feiten hiernaast; het aandeel plaatsingen binnen zes weken is gestegen.',
    7: 'Per aanmelding registreren we datum, route en resultaat in de aanmeldmonitor; elk kwartaal maakt het Doorstroompunt een overzicht.',
    8: 'Ja, binnen de begroting. De personele inzet is iets hoger dan gepland, de materiële kosten lager.',
    9: 'Na afloop van het programma moet de financiering van de intakers structureel worden geregeld.',
    10: round === 1 ? 'Nee.' : 'Mogelijk een vierde locatie in Heidebeek; dat vraagt een aanpassing van het plan.',
    11: 'Dat elke jongere van 16 jaar en ouder zonder plek binnen zes weken een passend aanbod heeft.',
    12: 'Nee.',
  }),
  '3.1': (round) => ({
    1: 'Redelijk. De aanpak werkt goed op de colleges die al langer meedoen; op de nieuwe locaties kost de invoering meer tijd.',
    2: 'Snelle huisbezoeken na drie dagen ongeoorloofd verzuim en het wekelijkse verzuimoverleg met leerplicht.',
    3: 'De registratie van verzuim in het studentvolgsysteem is niet overal even volledig.',
    4: round === 1 ? 'Grotendeels; de start op het Groencollege is een half jaar opgeschoven.' : 'Ja, inmiddels doen alle colleges mee.',
    5: 'Intensief met leerplicht en het Doorstroompunt; de samenwerking met het vo bij de overdracht kan sterker.',
    6: 'Zie de feiten: het bereik ligt op koers, het verzuim in het eerste leerjaar daalt licht.',
    7: 'Verzuimcijfers uit het studentvolgsysteem per kwartaal en de uitkomst van elk huisbezoek (verbeterd, geen verbetering, ander traject, uitgeschreven).',
    8: 'Ja.',
    9: 'Nee, niet tijdens het programma.',
    10: 'Nee.',
    11: 'Minder uitval in het eerste leerjaar, vooral op niveau 2.',
    12: round === 2 ? 'Graag aandacht voor de privacyafspraken bij het delen van verzuimgegevens.' : '',
  }),
  '4.1': (round) => ({
    1: 'Ja. De plusvoorziening heeft een vaste plek gekregen en de wachtlijst is korter geworden.',
    2: 'Het gecombineerde aanbod van onderwijs, zorg en werk op één plek; jongeren haken minder vaak af.',
    3: 'De doorstroom naar een reguliere opleiding of werk na het traject duurt soms lang.',
    4: 'Ja.',
    5: round === 1 ? 'Goed met de jeugdhulp en de gemeente; de GGZ sluit nog niet altijd aan bij het casusoverleg.' : 'Goed; de GGZ neemt nu vast deel aan het casusoverleg.',
    6: 'Zie de feiten hiernaast. Het bereik ligt iets onder de planning omdat trajecten langer duren.',
    7: 'Per traject de start, de duur en de uitstroom; halfjaarlijks een overzicht aan de stuurgroep.',
    8: round === 1 ? 'Ja.' : 'Grotendeels; de inzet van de GGZ valt hoger uit dan begroot. Zie de feiten.',
    9: 'De bijdrage van de gemeenten na 2028 is nog niet zeker.',
    10: 'Nee.',
    11: 'Dat de plusvoorziening na het programma wordt voortgezet met bijdragen van gemeenten en scholen.',
    12: 'Nee.',
  }),
};

interface SeedAction {
  measure: string;
  text: string;
  ownerName: string;
  org: string | null;
  deadline: string | null;
  status: ActionStatus;
  closedAt?: string;
}

const rounds: {
  name: string;
  start: string;
  end: string | null;
  notes: string;
  measures: { code: string; partner?: string; status: 'concept' | 'ingediend' | 'besproken'; answers: number; round: number }[];
  actions: SeedAction[];
}[] = [
  {
    name: 'Monitoringgesprekken juni 2025',
    start: '2025-06-12',
    end: '2025-06-13',
    notes: 'Gesprekken op het kantoor van het Doorstroompunt.',
    measures: [
      { code: '2a', status: 'besproken', answers: 12, round: 1 },
      { code: '3.1', status: 'besproken', answers: 12, round: 1 },
      { code: '4.1', status: 'besproken', answers: 12, round: 1 },
    ],
    actions: [
      { measure: '2a', text: 'Gezamenlijk aanmeldformulier voor gemeenten en scholen opstellen en verspreiden.', ownerName: 'Coördinator RMC', org: 'rmc', deadline: '2025-09-30', status: 'afgerond', closedAt: '2025-09-22' },
      { measure: '3.1', text: 'Afspraken maken over een vaste definitie van verzuim in het studentvolgsysteem.', ownerName: 'Beleidsadviseur VSV', org: 'roc', deadline: '2025-11-01', status: 'loopt' },
      { measure: '4.1', text: 'GGZ uitnodigen voor het maandelijkse casusoverleg van de plusvoorziening.', ownerName: '', org: 'roc', deadline: '2025-09-01', status: 'afgerond', closedAt: '2025-08-28' },
      { measure: '3.1', text: 'Bijeenkomst voor de verzuimcoaches van alle colleges organiseren om ervaringen uit te wisselen.', ownerName: 'Teamleider leerplicht', org: 'leerplicht', deadline: '2025-10-15', status: 'open' },
      { measure: '2a', text: 'Onderzoeken of een vierde loketlocatie nodig is.', ownerName: 'Programmamanager VSV', org: null, deadline: '2025-12-01', status: 'vervallen', closedAt: '2025-11-20' },
    ],
  },
  {
    name: 'Monitoringgesprekken juni 2026',
    start: '2026-06-18',
    end: null,
    notes: '',
    measures: [
      { code: '2a', status: 'besproken', answers: 12, round: 2 },
      { code: '3.1', status: 'besproken', answers: 12, round: 2 },
      { code: '4.1', status: 'besproken', answers: 12, round: 2 },
    ],
    actions: [
      { measure: '2a', text: 'Terugkoppeling aan de verwijzer na plaatsing opnemen in de werkwijze van het loket.', ownerName: 'Coördinator RMC', org: 'rmc', deadline: '2026-09-01', status: 'open' },
      { measure: '4.1', text: 'Overzicht van de meerkosten GGZ en een voorstel voor dekking aan de stuurgroep voorleggen.', ownerName: 'Projectleider plusvoorziening', org: 'roc', deadline: '2026-10-01', status: 'loopt' },
      { measure: '3.1', text: 'Privacyafspraken over het delen van verzuimgegevens laten toetsen door de functionaris gegevensbescherming.', ownerName: '', org: 'leerplicht', deadline: '2027-02-01', status: 'open' },
      { measure: '4.1', text: 'Uitstroomcijfers per halfjaar aanleveren bij het Doorstroompunt.', ownerName: 'Projectleider plusvoorziening', org: 'roc', deadline: '2026-08-15', status: 'afgerond', closedAt: '2026-08-10' },
    ],
  },
  {
    // In preparation: name and dates follow from the clock (nextRound).
    name: '',
    start: '',
    end: null,
    notes: 'In voorbereiding: input graag uiterlijk twee weken voor het gesprek indienen.',
    measures: [
      { code: '2a', status: 'ingediend', answers: 12, round: 2 },
      { code: '3.1', partner: 'roc', status: 'concept', answers: 5, round: 2 },
      { code: '3.1', partner: 'vakcollege', status: 'concept', answers: 0, round: 2 },
      { code: '4.1', status: 'concept', answers: 0, round: 2 },
    ],
    actions: [],
  },
];

/** Attendees per measure: [name, organisation key or typed organisation, function]. */
const attendeesFor: Record<string, [string, string, string][]> = {
  '2a': [
    ['Marloes Dijkman', 'Doorstroompunt Voorbeeldregio', 'programmamanager VSV'],
    ['Ruud Achterberg', 'ROC Voorbeeldstad', 'teamleider intake'],
    ['Sanne Oudejans', 'Regionaal Bureau Leerplicht Voorbeeldregio', 'leerplichtambtenaar'],
  ],
  '3.1': [
    ['Marloes Dijkman', 'Doorstroompunt Voorbeeldregio', 'programmamanager VSV'],
    ['Koen Verhagen', 'ROC Voorbeeldstad', 'projectleider verzuim'],
    ['Ilse Brouwers', 'Vakcollege Lindehaven', 'verzuimcoach'],
  ],
  '4.1': [
    ['Marloes Dijkman', 'Doorstroompunt Voorbeeldregio', 'programmamanager VSV'],
    ['Thijs Vermeulen', 'ROC Voorbeeldstad', 'projectleider plusvoorziening'],
    ['Noor el Idrissi', 'Jeugdhulp Voorbeeldregio', 'gedragswetenschapper'],
  ],
};

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** The round in preparation: two days on the first Thursday at least eight weeks after today. */
export function nextRound(day: string): { name: string; start: string; end: string } {
  let start = addDays(day, 56);
  while (new Date(`${start}T00:00:00Z`).getUTCDay() !== 4) start = addDays(start, 1);
  return { name: `Monitoringgesprekken ${MONTHS[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`, start, end: addDays(start, 1) };
}

export async function seedMonitoring(tr: Tracker, cal: DemoCalendar, programmeId: string): Promise<void> {
  const db = tr.trx;
  const measures = await db.selectFrom('measure').select(['id', 'code', 'name']).where('programmeId', '=', programmeId).where('deletedAt', 'is', null).execute();
  const measureId = new Map(measures.map((m) => [m.code, m.id]));
  const measureTitle = new Map(measures.map((m) => [m.code, `${m.code} ${m.name}`]));
  const orgs = await db.selectFrom('organisation').select(['id', 'name']).where('deletedAt', 'is', null).execute();
  const orgByName = (name: string) => orgs.find((o) => o.name === name)?.id ?? null;
  const orgKey: Record<string, string> = {
    rmc: 'Doorstroompunt Voorbeeldregio',
    roc: 'ROC Voorbeeldstad',
    vakcollege: 'Vakcollege Lindehaven',
    leerplicht: 'Regionaal Bureau Leerplicht Voorbeeldregio',
  };
  if (![...new Set(rounds.flatMap((r) => r.measures.map((m) => m.code)))].every((c) => measureId.has(c))) return;

  // Each round as it happened: the round, its inputs (submitted and discussed where held), its actions.
  const day = today();
  for (const [ri, written] of rounds.entries()) {
    const r = written.start ? cal.deep(written) : { ...written, ...nextRound(day) };
    const stamp = { createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null };
    await ensureQuestionSet(tr, programmeId);
    // Between the two rounds held, the programme reworded question 5 (the first round keeps the old wording).
    if (ri === 1) {
      const { set } = await loadQuestionSet(tr.trx, programmeId);
      const q5 = set.questions.find((q) => q.position === 5 && !q.retired);
      if (q5) await editQuestionSet(tr, programmeId, { kind: 'reword', id: q5.id, questionText: 'Hoe verloopt de samenwerking met de partners uit de regio, en met wie nog niet?' });
    }
    const { set } = await loadQuestionSet(tr.trx, programmeId);
    const active = set.questions.filter((q) => !q.retired).sort((a, b) => a.position - b.position);
    const roundId = randomUUID();
    await tr.insert('monitoringRound', { id: roundId, programmeId, name: r.name, startDate: r.start, endDate: r.end, notes: r.notes, ...stamp });
    for (const [mi, m] of r.measures.entries()) {
      const interviewId = randomUUID();
      await tr.insert('monitoringInterview', {
        id: interviewId,
        roundId,
        measureId: measureId.get(m.code)!,
        partnerId: m.partner ? orgByName(orgKey[m.partner]!) : null,
        title: [measureTitle.get(m.code), m.partner ? orgKey[m.partner] : ''].filter(Boolean).join(' — '),
        status: 'concept',
        submittedAt: null,
        factsSnapshot: null,
        sortOrder: mi,
        ...stamp,
      });
      for (const [ai, [name, org, fn]] of (attendeesFor[m.code] ?? []).entries())
        if (!m.partner || ai === 0 || org === orgKey[m.partner])
          await tr.insert('monitoringAttendee', { id: randomUUID(), interviewId, contactId: null, name, organisationName: org, function: fn, sortOrder: ai, ...stamp });
      const texts = cal.deep(answersFor[m.code]!(m.round));
      for (const q of active.slice(0, m.answers)) {
        const answer = texts[q.position] ?? '';
        if (!answer) continue;
        await tr.insert('monitoringAnswer', {
          id: randomUUID(),
          interviewId,
          questionId: q.id,
          questionText: q.text,
          questionVersion: q.version,
          position: q.position,
          answer,
          status: 'concept',
          ...stamp,
        });
      }
      if (m.status !== 'concept') {
        await setInputStatus(tr, interviewId, 'ingediend');
        // Submitted two weeks before the interview, as the round asks (or today, for a round still ahead).
        const submitted = addDays(r.start, -14);
        if (submitted < day) await tr.update('monitoringInterview', interviewId, { submittedAt: `${submitted}T09:00:00.000Z` });
      }
      if (m.status === 'besproken') await setInputStatus(tr, interviewId, 'besproken');
    }
    for (const [ai, a] of r.actions.entries())
      await tr.insert('monitoringAction', {
        id: randomUUID(),
        roundId,
        measureId: measureId.get(a.measure)!,
        activityId: null,
        indicatorId: null,
        text: a.text,
        ownerName: a.ownerName,
        ownerOrganisationId: a.org ? orgByName(orgKey[a.org]!) : null,
        deadline: a.deadline,
        status: a.status,
        closedAt: a.closedAt ?? null,
        sortOrder: ai,
        ...stamp,
      });
  }
}
