/**
 * The example workspace "Voorbeeldregio": fictional partners, people and figures, written for this
 * project. Later capabilities add their part here so every screen shows meaningful data. The data
 * is written as on calendar.ts's WRITTEN_ON and moved to the clock's year when seeded.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { tracked, type Tracker } from '../history/tracker';
import { formatDate } from '../../../shared/dates';
import { seedLines, seedOrganisations, type SeedActivity } from './tree-data';
import { seedMoney } from './money';
import { seedResults } from './results-data';
import { seedMonitoring } from './monitoring';
import { DemoCalendar } from './calendar';
import { today } from '../clock';

const SEED_USER = 'Voorbeeldgegevens';

interface SeedProgramme {
  name: string;
  periodStart: string;
  periodEnd: string;
  status: 'concept' | 'lopend' | 'afgerond';
  analysis: string;
  requestedCents: number | null;
  awardedCents: number | null;
  notes: string;
}

export const examplePrograms: SeedProgramme[] = [
  {
    name: 'Regionaal programma VSV 2020-2024',
    periodStart: '2020-08-01',
    periodEnd: '2024-07-31',
    status: 'afgerond',
    analysis:
      'In de Voorbeeldregio daalde het aantal nieuwe voortijdig schoolverlaters in vier jaar van 410 naar 352.\n\nDe uitval concentreert zich in mbo niveau 2 en in de overgang van vmbo naar mbo. Jongeren die zich na de zomer niet melden op hun nieuwe school vormen de grootste groep.',
    requestedCents: 412_000_000,
    awardedCents: 398_450_000,
    notes: 'Eindverantwoording ingediend bij OCW op 30-06-2025.',
  },
  {
    name: 'Regionaal programma VSV 2024-2028',
    periodStart: '2024-08-01',
    periodEnd: '2028-07-31',
    status: 'lopend',
    analysis:
      'Het VSV-percentage in mbo niveau 2 ligt met 7,9% boven het landelijke gemiddelde. Het aantal thuiszitters in het voortgezet onderwijs is gestegen.\n\nSpeerpunten voor deze periode:\n- een sluitende overstap van vo naar mbo;\n- snelle inzet bij verzuim in het eerste leerjaar mbo;\n- een plusvoorziening voor jongeren met problemen op meerdere terreinen.',
    requestedCents: 510_000_000,
    // The sum of its awards per year and source (demo/money.ts): the rule check finds them equal.
    awardedCents: 492_000_000,
    notes: 'Stuurgroep VSV stelt de voortgangsrapportage elk jaar in december vast.',
  },
  {
    name: 'Verkenning aansluiting 2028-2032',
    periodStart: '2028-08-01',
    periodEnd: '2032-07-31',
    status: 'concept',
    analysis: 'Eerste verkenning voor de volgende programmaperiode; wordt in 2027 uitgewerkt.',
    requestedCents: null,
    awardedCents: null,
    notes: '',
  },
];

const SCHOOL_YEARS = ['2024/2025', '2025/2026', '2026/2027', '2027/2028'];
const MOMENTS = [
  'Halfjaarlijks, op 1 februari en 1 augustus.',
  'Jaarlijks op peildatum 1 oktober, met een tussenmeting op 1 maart.',
  'Per kwartaal voor het bereik; de vsv-cijfers jaarlijks bij de voorlopige cijfers van DUO in november.',
];
const pct = (n: number) => n.toLocaleString('nl-NL', { minimumFractionDigits: 1 }) + '%';
const dayAfter = (iso: string) => new Date(Date.parse(iso + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10);

/** The sections the data file leaves out follow from what it gives, so every question is answered. */
function activityTexts(a: SeedActivity, i: number, orgName: (key: string) => string) {
  const lead = orgName(a.lead);
  const team = [a.lead, ...a.executors].map(orgName).join(', ');
  const fullPeriod = a.end === '2028-07-31';
  return {
    durationNote:
      `Start ${formatDate(a.start)}, looptijd tot en met ${formatDate(a.end)}. ` +
      (fullPeriod
        ? 'De activiteit loopt de hele programmaperiode; elk schooljaar wordt de aanpak bijgesteld na de evaluatie in oktober.'
        : 'De activiteit is korter dan de programmaperiode; daarna is de werkwijze opgenomen in de gewone praktijk.'),
    subActivitiesDuration:
      a.subs.length > 1
        ? `De deelactiviteiten volgen het ritme van het schooljaar. Deelactiviteit 1 start als eerste (${a.subs[0]![2]}); de andere bouwen daarop voort en keren elk schooljaar terug.`
        : `Eén deelactiviteit, in de periode ${a.subs[0]![2]}.`,
    targetGroupNeed: a.need,
    plannedParticipants: JSON.stringify(a.participants.flatMap((count, y) => (count > 0 ? [{ schoolYear: SCHOOL_YEARS[y]!, count }] : []))),
    lookBackEarlier: a.lookBack,
    lookBackAimReached: a.aimReached,
    resultsGeneral: a.results,
    resultsPerSubActivity: a.subs.map(([n, name, , result]) => `- ${n} ${name}: ${result}`).join('\n'),
    resultsVsvContribution:
      a.vsv[0] > 0
        ? `Het vsv-percentage onder ${a.targetGroups[0]} daalt van ${pct(a.vsv[0])} (nulmeting schooljaar 2022/2023, peildatum 1 oktober) naar ${pct(a.vsv[1])} in schooljaar 2027/2028.`
        : 'Deze activiteit draagt niet direct bij aan het vsv-percentage; zij verkleint het aantal thuiszitters, de groep met het grootste risico op latere uitval.',
    resultsResponsible: `${lead} is verantwoordelijk voor de resultaten. De projectleider rapporteert twee keer per jaar aan de regiegroep VSV.`,
    measurementMoments: MOMENTS[i % MOMENTS.length]!,
    indicatorsMonitoring:
      `- aantal bereikte deelnemers per schooljaar (streef: ${Math.max(...a.participants)})\n- ${a.indicator}\n\n` +
      'De uitvoerders leveren de cijfers aan bij het Doorstroompunt, dat ze vastlegt in Regieboek en opneemt in de voortgangsrapportage.',
    organisationStructure:
      `Een projectgroep met ${team} komt zes keer per jaar bijeen. ${lead} is verantwoordelijk voor doel, opbrengst, monitoring en evaluatie.\n\n` +
      'De regiegroep VSV bespreekt de voortgang elk half jaar; de stuurgroep VSV stelt in december de jaarrapportage vast.',
    sustainabilityHow: a.borging,
    sustainabilityWho: `Het bestuur van ${lead}, met de stuurgroep VSV als opdrachtgever.`,
    sustainabilityFrom: formatDate(dayAfter(a.end)),
  };
}

async function seedTree(tr: Tracker, cal: DemoCalendar, programmeId: string, orgIds: Map<string, string>, orgNames: Map<string, string>): Promise<void> {
  const stamp = { createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null };
  const org = (key: string) => orgIds.get(key)!;
  const orgName = (key: string) => orgNames.get(key)!;
  let n = 0;
  for (const line of seedLines) {
    const lineId = randomUUID();
    await tr.insert('programmeLine', { id: lineId, programmeId, ...cal.deep({ code: line.code, name: line.name, description: line.description }), sortOrder: 0, ...stamp });
    for (const m of line.measures) {
      const measureId = randomUUID();
      await tr.insert('measure', {
        id: measureId,
        programmeId,
        lineId,
        ...cal.deep({ code: m.code, name: m.name, description: m.description, targetGroups: JSON.stringify(m.targetGroups) }),
        plusvoorziening: m.plus ? 1 : 0,
        leadOrganisationId: org(m.lead),
        executorIds: JSON.stringify(m.executors.map(org)),
        status: m.status,
        shape: m.shape ?? 'measure',
        sortOrder: 0,
        ...stamp,
      });
      for (const a of m.activities) {
        const activityId = randomUUID();
        await tr.insert('activity', {
          id: activityId,
          measureId,
          status: a.status,
          ...cal.deep({
            code: a.code,
            name: a.name,
            description: a.description,
            aim: a.aim,
            startDate: a.start,
            endDate: a.end,
            targetGroups: JSON.stringify(a.targetGroups),
            ...activityTexts(a, n++, orgName),
          }),
          leadOrganisationId: org(a.lead),
          executorIds: JSON.stringify(a.executors.map(org)),
          sortOrder: 0,
          ...stamp,
        });
        for (const [number, name, period, intendedResult] of a.subs)
          await tr.insert('subActivity', { id: randomUUID(), activityId, ...cal.deep({ number, name, period, intendedResult }), sortOrder: 0, ...stamp });
      }
    }
  }
}

/** `session`: the window that asked for the example, so its Ctrl+Z can offer to undo it (after asking). */
export async function seedExample(db: Kysely<Database>, session: string | null = null): Promise<void> {
  const cal = DemoCalendar.on(today());
  await tracked(db, { user: SEED_USER, session, action: 'create', label: 'Voorbeeldgegevens aangemaakt' }, async (tr) => {
    const at = tr.at;
    const stamp = { createdAt: at, updatedAt: at, deletedAt: null, deletedIn: null };
    const orgIds = new Map<string, string>();
    const orgNames = new Map<string, string>();
    for (const o of seedOrganisations) {
      const id = randomUUID();
      orgIds.set(o.key, id);
      orgNames.set(o.key, o.name);
      await tr.insert('organisation', { id, name: o.name, type: o.type, brin: o.brin ?? '', kvk: o.kvk ?? '', place: o.place, notes: o.notes ?? '', ...stamp });
      for (const [name, fn, email, phone] of o.contacts) await tr.insert('contact', { id: randomUUID(), organisationId: id, name, function: fn, email, phone, ...stamp });
    }
    for (const p of examplePrograms) {
      const id = randomUUID();
      // The current programme carries the tree; the others show that a region has several periods.
      const current = p.periodStart === '2024-08-01';
      await tr.insert('programme', {
        id,
        ...cal.deep(p),
        contactSchoolId: current ? orgIds.get('roc')! : null,
        contactMunicipalityId: current ? orgIds.get('gemeente')! : null,
        ...stamp,
      });
      if (current) {
        await seedTree(tr, cal, id, orgIds, orgNames);
        await seedResults(tr, cal, id);
      }
    }
    // Money for the running programme, after everything it builds on (same change set).
    const running = await tr.trx.selectFrom('programme').select('id').where('status', '=', 'lopend').orderBy('periodStart', 'desc').executeTakeFirst();
    if (running) await seedMoney(tr, cal, running.id);
    // Monitoring last: its inputs freeze the facts (participants, results, money) as of each round's date.
    if (running) await seedMonitoring(tr, cal, running.id);
  });
}
