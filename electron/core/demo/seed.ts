/**
 * The example workspace "Voorbeeldregio": fictional partners, people and figures, written for this
 * project. Later capabilities add their part here so every screen shows meaningful data.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { tracked } from '../history/tracker';
import { seedMoney } from './money';

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
    requestedCents: 436_500_000,
    awardedCents: 421_275_050,
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

export async function seedExample(db: Kysely<Database>): Promise<void> {
  await tracked(db, { user: SEED_USER, action: 'create', label: 'Voorbeeldgegevens aangemaakt' }, async (tr) => {
    const at = tr.at;
    for (const p of examplePrograms) {
      await tr.insert('programme', { id: randomUUID(), ...p, createdAt: at, updatedAt: at, deletedAt: null, deletedIn: null });
    }
  });
  // Money for the running programme, after everything it builds on.
  const running = await db.selectFrom('programme').select('id').where('status', '=', 'lopend').orderBy('periodStart', 'desc').executeTakeFirst();
  if (running) await tracked(db, { user: SEED_USER, action: 'create', label: 'Voorbeeldbegroting aangemaakt' }, (tr) => seedMoney(tr, running.id));
}
