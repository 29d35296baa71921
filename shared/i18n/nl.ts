/**
 * The one catalogue of Dutch text, for the core's messages and the screens alike.
 * Placeholders are written {name} and filled by t().
 */
export const nl = {
  // Application
  'app.name': 'Regieboek',
  'app.tagline': 'Het regionale VSV-programma in één bestand',

  // Navigation
  'nav.start': 'Start',
  'nav.programmes': "Programma's",
  'nav.trash': 'Prullenbak',
  'nav.history': 'Geschiedenis',
  'nav.settings': 'Instellingen',
  'nav.help': 'Help',
  'nav.main': 'Hoofdmenu',

  // Generic actions
  'action.save': 'Opslaan',
  'action.cancel': 'Annuleren',
  'action.edit': 'Bewerken',
  'action.delete': 'Verwijderen',
  'action.restore': 'Terugzetten',
  'action.undo': 'Ongedaan maken',
  'action.back': 'Terug',
  'action.new': 'Nieuw',
  'action.open': 'Openen',
  'action.close': 'Sluiten',

  // Start screen
  'start.title': 'Welkom bij Regieboek',
  'start.intro': 'Een werkbestand bevat één regio met haar programma\'s, maatregelen, begroting, resultaten en monitoring. Alles staat lokaal op deze computer.',
  'start.recent': 'Recente bestanden',
  'start.noRecent': 'Nog geen recente bestanden.',
  'start.new': 'Nieuw werkbestand',
  'start.newIntro': 'Kies de regio en een naam voor het bestand.',
  'start.example': 'Voorbeeldregio openen',
  'start.exampleIntro': 'Een fictieve regio met ingevulde gegevens, om Regieboek te leren kennen.',
  'start.region': 'Regio',
  'start.chooseRegion': 'Kies een regio…',
  'start.fileName': 'Bestandsnaam',
  'start.create': 'Werkbestand maken',
  'start.missing': 'niet gevonden',
  'start.current': 'Geopend werkbestand',
  'start.otherFiles': 'Werkbestanden in de gegevensmap',
  'start.dataDir': 'Gegevensmap: {dir}',

  // Programmes
  'programme.list.title': "Programma's",
  'programme.list.empty': 'Er zijn nog geen programma\'s. Voeg het eerste programma toe.',
  'programme.new': 'Nieuw programma',
  'programme.edit': 'Programma bewerken',
  'programme.detail': 'Programma',
  'programme.deleted': 'Programma "{name}" is naar de Prullenbak verplaatst.',
  'programme.saved': 'Programma opgeslagen.',
  'programme.created': 'Programma aangemaakt.',
  'programme.period': 'Periode',
  'programme.amounts': 'Bedragen',

  // Field labels (also used to name fields in error messages)
  'field.name': 'Naam',
  'field.periodStart': 'Startdatum',
  'field.periodEnd': 'Einddatum',
  'field.status': 'Status',
  'field.analysis': 'Regionale analyse',
  'field.requestedCents': 'Aangevraagd bedrag',
  'field.awardedCents': 'Toegekend bedrag',
  'field.notes': 'Notities',
  'field.regionNumber': 'Regio',
  'field.fileName': 'Bestandsnaam',
  'field.path': 'Bestand',
  'field.id': 'Id',
  'field.userName': 'Uw naam',
  'field.entity': 'Soort',

  // Programme status
  'status.concept': 'Concept',
  'status.lopend': 'Lopend',
  'status.afgerond': 'Afgerond',

  // History and trash
  'history.title': 'Geschiedenis',
  'history.intro': 'Elke wijziging in dit werkbestand: wanneer, door wie en wat er veranderde.',
  'history.empty': 'Nog geen wijzigingen.',
  'history.when': 'Wanneer',
  'history.who': 'Wie',
  'history.what': 'Wat',
  'history.undone': 'ongedaan gemaakt',
  'history.op.create': 'Aangemaakt',
  'history.op.update': 'Gewijzigd',
  'history.op.delete': 'Naar Prullenbak',
  'history.op.restore': 'Teruggezet',
  'history.op.purge': 'Verwijderd (ongedaan maken van aanmaken)',
  'history.undoDone': 'Ongedaan gemaakt: {label}',
  'history.nothingToUndo': 'Er is niets om ongedaan te maken.',
  'history.undoHint': 'Ctrl+Z maakt de laatste wijziging ongedaan.',
  'trash.title': 'Prullenbak',
  'trash.intro': 'Verwijderde onderdelen blijven hier bewaard en kunnen met alles wat eronder valt worden teruggezet.',
  'trash.empty': 'De Prullenbak is leeg.',
  'trash.restored': '"{label}" is teruggezet.',
  'trash.deletedAt': 'Verwijderd op',
  'entity.programme': 'Programma',

  'label.create': '{entity} "{name}" aangemaakt',
  'label.update': '{entity} "{name}" gewijzigd',
  'label.delete': '{entity} "{name}" verwijderd',
  'label.restore': '{entity} "{name}" teruggezet',
  'label.undo': 'Ongedaan gemaakt: {label}',

  // Settings
  'settings.title': 'Instellingen',
  'settings.userNameHelp': 'Deze naam komt in de Geschiedenis bij elke wijziging. Leeg laten: de gebruikersnaam van de computer ({osUser}).',
  'settings.saved': 'Instellingen opgeslagen.',

  // Help
  'help.title': 'Help',

  // Generic validation
  'val.required': 'vul dit veld in.',
  'val.tooLong': 'hooguit {max} tekens.',
  'val.notText': 'moet tekst zijn.',
  'val.date': 'geen geldige datum; schrijf dd-mm-jjjj, bijvoorbeeld 31-07-2026.',
  'val.endBeforeStart': 'de einddatum ligt vóór de startdatum.',
  'val.cents': 'een bedrag in hele centen.',
  'val.notNegative': 'mag niet negatief zijn.',
  'val.tooBig': 'het bedrag is te groot (hooguit 11 cijfers voor de komma).',
  'val.choice': 'kies een van de mogelijkheden.',
  'val.number': 'vul een getal in.',
  'val.wholeNumber': 'vul een heel getal in.',
  'val.region': 'kies een regionummer van 01 tot en met 40.',
  'val.unknownField': 'dit veld is onbekend; laat het weg.',
  'val.fixFields': 'Controleer de gemarkeerde velden.',

  // Errors from the core
  'err.noWorkspace': 'Er is geen werkbestand geopend. Open of maak eerst een werkbestand.',
  'err.notFound': '{entity} bestaat niet (meer). Vernieuw het scherm.',
  'err.internal': 'Er ging iets mis in Regieboek. Er is niets half opgeslagen; probeer het opnieuw. Blijft het misgaan, meld dan: {detail}',
  'err.unknownChannel': 'Onbekende opdracht "{channel}".',
  'err.fileMissing': 'Het bestand {path} bestaat niet.',
  'err.fileExists': 'Het bestand {path} bestaat al. Kies een andere naam.',
  'err.notSqlite': '{path} is geen Regieboek-werkbestand (het is geen database). Het bestand is niet gewijzigd.',
  'err.otherDatabase': '{path} is een database van een ander programma, geen Regieboek-werkbestand. Het bestand is niet gewijzigd.',
  'err.damaged': '{path} is beschadigd of onvolledig en kan niet worden geopend. Het bestand is niet gewijzigd. Gebruik een reservekopie.',
  'err.tooNew': '{path} is gemaakt met een nieuwere versie van Regieboek (schemaversie {found}; deze versie kent tot en met {known}). Werk Regieboek bij om het te openen. Het bestand is niet gewijzigd.',
  'err.badFileName': 'Bestandsnaam: gebruik letters, cijfers, spaties, - of _ (hooguit 80 tekens).',
  'err.nothingToUndo': 'Er is niets om ongedaan te maken.',
  'err.notInTrash': 'Dit onderdeel staat niet (meer) in de Prullenbak.',
  'err.network': 'Geen verbinding met Regieboek. Draait `npm run web` nog?',

  // Money (begroting, toekenningen, bestedingen)
  'source.ocw': 'OCW regionale middelen VSV',
  'source.plus': 'Plusvoorzieningmiddelen',
  'source.rmc': 'RMC-middelen',
  'source.cofin_school': 'Cofinanciering scholen',
  'source.cofin_gemeente': 'Cofinanciering gemeenten',
  'source.eigen': 'Eigen middelen',
  'source.overig': 'Overig (RIF, provincie, ESF)',
  'category.A': 'A Coördinatie',
  'category.B': 'B Administratie/Registratie/ICT',
  'category.C': 'C Trajectbegeleiding',
  'category.D': 'D Projecten uitgevallen jongeren',
  'category.E': 'E Projecten preventie',
  'category.F': 'F Versterking leerplicht/kwalificatieplicht',
  'category.G': 'G Reservering',
  'category.H': 'H Anders',
  'costKind.personeel': 'Personeel',
  'costKind.materieel': 'Materieel',
  'costKind.overig': 'Overig',
  'spendKind.entry': 'Besteding',
  'spendKind.correction': 'Correctie',
  'spendKind.year_total': 'Jaartotaal',
  'route.jaarverslag': 'Jaarverslag contactschool',
  'route.sisa': 'SiSa (gemeenten)',
  'route.overig': 'Anders',
  'budget.basis.planned': 'begroot',
  'budget.basis.realised': 'besteed',
  'check.management_pct': '{year}: beheers- en coördinatiekosten {amount} ({basis}) zijn {pct}% van de subsidie {subsidy}; toegestaan is hooguit {max}%.',
  'check.management_max': '{year}: beheers- en coördinatiekosten {amount} ({basis}) zijn meer dan het maximum van {max} per jaar.',
  'check.plus_share': '{year}: naar plusvoorzieningen gaat {amount}, {pct}% van het indicatieve bedrag {indicative}; dat is minder dan {min}%. Leg de reden vast bij de regels van dit programma.',
  'check.plus_share_reason': '{year}: naar plusvoorzieningen gaat {amount}, {pct}% van het indicatieve bedrag {indicative} (minder dan {min}%); de reden is vastgelegd.',
  'check.award_exceeded': '{year}: de begroting op {stream} ({planned}) is {over} hoger dan de toekenning ({awarded}).',
  'check.overspend': '{measure}, {year}: besteed {realised} tegen begroot {planned}; {over} overschreden.',

  // CLI
  'cli.usage': 'Gebruik: regieboek <opdracht> --db BESTAND [opties]\n\nOpdrachten:\n  init --db BESTAND --region NN   nieuw werkbestand voor regio NN (01-40)\n  demo --db BESTAND               maak het voorbeeldwerkbestand (Voorbeeldregio)\n  info --db BESTAND [--json]      regio, schemaversie en aantallen\n  check --db BESTAND              controleer de samenhang en de migratiestatus\n',
  'cli.unknownCommand': 'Onbekende opdracht "{cmd}". Zie regieboek --help.',
  'cli.needDb': 'Geef het werkbestand op met --db BESTAND.',
  'cli.needRegion': 'Geef de regio op met --region NN (01 tot en met 40).',
  'cli.badRegion': 'Regio "{value}" bestaat niet: kies een regionummer van 01 tot en met 40.',
  'cli.badOption': 'Onbekende of onvolledige optie: {detail}',
  'cli.created': 'Werkbestand {path} gemaakt voor regio {region}.',
  'cli.demoCreated': 'Voorbeeldwerkbestand {path} gemaakt.',
  'cli.checkOk': 'In orde: {path} (schemaversie {version}, integriteit ok, geen openstaande migraties).',
  'cli.checkPending': 'Let op: {path} heeft schemaversie {version}; {pending} migratie(s) staan open en worden uitgevoerd bij het openen in Regieboek.',
  'cli.checkBad': 'Integriteitscontrole mislukt voor {path}: {detail}',
  'cli.internal': 'Interne fout: {detail}',
} as const;

export type MessageKey = keyof typeof nl;

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return nl[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The Dutch label of a field, for messages such as "Einddatum: …". */
export function fieldLabel(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  const key = `field.${last}` as MessageKey;
  return key in nl ? nl[key] : last;
}
