import { expect, type Locator, type Page } from '@playwright/test';

/** The error a field shows inside its own wrapper (role=alert), next to the input. */
export function fieldError(field: Locator): Locator {
  return field.locator('xpath=..').getByRole('alert');
}

/** "Monitoringgesprekken" (#/monitoring): rounds in preparation and rounds held. */
export class MonitoringRoundsPage {
  readonly heading: Locator;
  readonly newRound: Locator;
  readonly actionsOverview: Locator;
  readonly upcoming: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Monitoringgesprekken', exact: true });
    this.newRound = page.getByRole('link', { name: 'Nieuwe ronde', exact: true });
    this.actionsOverview = page.getByRole('link', { name: 'Acties en afspraken', exact: true });
    this.upcoming = page.getByRole('region', { name: 'In voorbereiding', exact: true });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Monitoring', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  roundLink(name: string): Locator {
    return this.page.getByRole('heading', { level: 3, name, exact: true }).getByRole('link', { name, exact: true });
  }
}

/** "Nieuwe ronde" (#/monitoring/nieuw). */
export class MonitoringRoundFormPage {
  readonly name: Locator;
  readonly startDate: Locator;
  readonly save: Locator;
  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Naam van de ronde', exact: true });
    this.startDate = page.getByRole('textbox', { name: 'Startdatum', exact: true });
    this.save = page.getByRole('button', { name: 'Opslaan', exact: true });
  }
  measure(label: string): Locator {
    return this.page.getByRole('group', { name: 'Maatregelen in deze ronde', exact: true }).getByRole('checkbox', { name: label, exact: true });
  }
}

/** One round (#/monitoring/ronde/<id>): measures in scope, attendees, agenda, actions. */
export class MonitoringRoundPage {
  readonly scope: Locator;
  readonly agenda: Locator;
  readonly agendaSection: Locator;
  readonly actions: Locator;

  constructor(readonly page: Page) {
    this.scope = page.getByRole('table', { name: 'Maatregelen in deze ronde', exact: true });
    this.agendaSection = page.getByRole('region', { name: 'Agenda: openstaande acties uit eerdere rondes', exact: true });
    this.agenda = this.agendaSection.getByRole('table', { name: 'Agenda: openstaande acties uit eerdere rondes', exact: true });
    this.actions = page.getByRole('table', { name: 'Acties en afspraken uit deze ronde', exact: true });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** The link to the input of a measure ("4.1 Plusvoorziening De Brug"). */
  inputLink(measure: string): Locator {
    return this.scope.getByRole('link', { name: measure, exact: true });
  }
}

/** A row of an action table, found by the action's text. */
export function actionRow(table: Locator, text: string): Locator {
  return table.getByRole('row').filter({ hasText: text });
}

/** The in-place status select of an action row ("Status van actie N wijzigen"). */
export function actionStatus(row: Locator): Locator {
  return row.getByRole('combobox');
}

/** "Input voor monitoringgesprek" (#/monitoring/input/<id>): questions, facts panel, actions. */
export class MonitoringInputPage {
  readonly facts: Locator;
  readonly participants: Locator;
  readonly budget: Locator;
  readonly save: Locator;
  readonly submit: Locator;
  readonly print: Locator;
  readonly addAction: Locator;
  readonly actions: Locator;

  constructor(readonly page: Page) {
    this.facts = page.getByRole('complementary', { name: 'Feiten', exact: true });
    this.participants = this.facts.getByRole('table', { name: 'Deelnemers: beoogd en bereikt', exact: true });
    this.budget = this.facts.getByRole('table', { name: 'Begroting en besteding per jaar', exact: true });
    this.save = page.getByRole('button', { name: 'Antwoorden opslaan', exact: true });
    this.submit = page.getByRole('button', { name: 'Indienen', exact: true });
    this.print = page.getByRole('link', { name: 'Input afdrukken', exact: true });
    this.addAction = page.getByRole('button', { name: '+ Actie toevoegen', exact: true });
    this.actions = page.getByRole('table', { name: 'Acties en afspraken voor deze maatregel', exact: true });
  }

  async expectShown(measure: string): Promise<void> {
    await expect(this.page).toHaveURL(/#\/monitoring\/input\/[^/]+$/);
    await expect(this.page.getByRole('heading', { level: 1, name: measure, exact: true })).toBeVisible();
  }

  /** The answer box of question n ("6. Hoeveel jongeren …"). */
  answer(n: number, question: string): Locator {
    return this.page.getByRole('textbox', { name: `${n}. ${question}`, exact: true });
  }

  /** The facts shown inline at question 6 (reach) or 8 (budget). */
  inlineFacts(kind: 'reach' | 'budget'): Locator {
    return this.page.getByLabel(kind === 'reach' ? 'Feiten bij deze vraag: bereik en resultaten' : 'Feiten bij deze vraag: begroting en besteding', { exact: true });
  }

  /** The row of a school year / calendar year in a facts table. */
  static row(table: Locator, first: string): Locator {
    return table.getByRole('row').filter({ has: table.page().getByRole('cell', { name: first, exact: true }) });
  }

  openActionsList(): Locator {
    return this.facts.locator('ul.fact-actions > li');
  }

  actionForm(): ActionForm {
    return new ActionForm(this.page.getByRole('form', { name: 'Actie toevoegen', exact: true }));
  }
}

export class ActionForm {
  readonly text: Locator;
  readonly ownerName: Locator;
  readonly ownerOrganisation: Locator;
  readonly deadline: Locator;
  readonly status: Locator;
  readonly add: Locator;
  readonly cancel: Locator;
  constructor(readonly root: Locator) {
    this.text = root.getByRole('textbox', { name: 'Actie/Afspraak', exact: true });
    this.ownerName = root.getByRole('textbox', { name: 'Door (persoon)', exact: true });
    this.ownerOrganisation = root.getByRole('combobox', { name: 'Door (organisatie)', exact: true });
    this.deadline = root.getByRole('textbox', { name: 'Deadline', exact: true });
    this.status = root.getByRole('combobox', { name: 'Status', exact: true });
    this.add = root.getByRole('button', { name: 'Actie toevoegen', exact: true });
    this.cancel = root.getByRole('button', { name: 'Annuleren', exact: true });
  }
}

/** The printable input (#/afdrukken/input/<id>); window.print is stubbed by an init script. */
export class MonitoringInputPrintPage {
  readonly print: Locator;
  readonly back: Locator;
  constructor(readonly page: Page) {
    this.print = page.getByRole('button', { name: 'Afdrukken', exact: true });
    this.back = page.getByRole('link', { name: '← Terug naar het scherm', exact: true });
  }
  question(text: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: text, exact: true });
  }
  /** The list item of a question: its heading, inline facts and the answer. */
  item(text: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.question(text) });
  }
  printCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __printCalls?: number }).__printCalls ?? -1);
  }
}

/** "Acties en afspraken" (#/acties). */
export class MonitoringActionsPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly measure: Locator;
  readonly owner: Locator;
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Acties en afspraken', exact: true });
    const filters = page.getByRole('search', { name: 'Acties filteren', exact: true });
    this.status = filters.getByRole('combobox', { name: 'Status', exact: true });
    this.measure = filters.getByRole('combobox', { name: 'Maatregel', exact: true });
    this.owner = filters.getByRole('textbox', { name: 'Door (zoek op naam of organisatie)', exact: true });
    this.table = page.getByRole('table', { name: 'Acties en afspraken', exact: true });
  }
}
