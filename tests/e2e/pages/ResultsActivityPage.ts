import { expect, type Locator, type Page } from '@playwright/test';

/**
 * "Resultaten van <activiteit>" (#/resultaten/activiteit/<id>): one card per indicator, and how
 * a user gets there: the search (Ctrl+K) and the activity's "Resultaten" button.
 */
export class ResultsActivityPage {
  readonly addIndicator: Locator;
  readonly searchDialog: Locator;
  readonly searchInput: Locator;
  readonly searchResults: Locator;

  constructor(readonly page: Page) {
    this.addIndicator = page.getByRole('button', { name: 'Indicator toevoegen', exact: true });
    this.searchDialog = page.getByRole('dialog', { name: 'Zoek in het werkbestand' });
    this.searchInput = this.searchDialog.getByRole('searchbox', { name: 'Zoeken', exact: true });
    this.searchResults = this.searchDialog.getByRole('region', { name: 'Zoekresultaten', exact: true });
  }

  heading(activity: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Resultaten van ${activity}`, exact: true });
  }

  /** Ctrl+K, type, and open the activity "<code> <name>" from the group "Activiteiten". */
  async openActivityViaSearch(query: string, activity: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.searchInput).toBeFocused();
    await this.searchInput.fill(query);
    const group = this.searchResults.getByRole('region', { name: 'Activiteiten', exact: true });
    // A hit's link also holds its context (programme line, measure) after the title.
    await group.getByRole('link').filter({ has: this.page.locator('.hit-title', { hasText: activity }) }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: activity, exact: true })).toBeVisible();
  }

  /** On the activity's own page: the "Resultaten" button. */
  async openResultsOfActivity(activity: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Resultaten van deze activiteit', exact: true }).click();
    await expect(this.heading(activity)).toBeVisible();
  }

  card(indicator: string): IndicatorCard {
    return new IndicatorCard(this.page, this.page.getByRole('region', { name: indicator, exact: true }), indicator);
  }
}

/** One results card (a region named after the indicator). */
export class IndicatorCard {
  readonly status: Locator;
  readonly facts: Locator;
  readonly targets: Locator;
  readonly measurements: Locator;
  readonly chart: Locator;
  readonly addMeasurement: Locator;
  readonly addTarget: Locator;
  readonly historyButton: Locator;
  readonly history: Locator;
  /** "Samen": the targets and the latest values of it and its "waarvan" parts in one sentence. */
  readonly together: Locator;

  constructor(
    readonly page: Page,
    readonly root: Locator,
    readonly indicator: string,
  ) {
    this.status = root.locator(':scope > .rcard-head .rstatus');
    this.facts = root.locator(':scope > .rcard-body dl.rfacts');
    this.targets = root.getByRole('table', { name: `Streefwaarden: ${indicator}`, exact: true });
    this.measurements = root.getByRole('table', { name: `Metingen: ${indicator}`, exact: true });
    this.chart = root.getByRole('img', { name: `Verloop van ${indicator}`, exact: true });
    this.addMeasurement = root.getByRole('button', { name: `Meting invoeren: ${indicator}`, exact: true });
    this.addTarget = root.getByRole('button', { name: `Streefwaarde toevoegen: ${indicator}`, exact: true });
    this.historyButton = root.getByRole('button', { name: `Geschiedenis: ${indicator}`, exact: true });
    this.history = root.getByRole('region', { name: 'Geschiedenis van deze indicator', exact: true });
    this.together = root.getByRole('group', { name: 'Samen', exact: true }).first();
  }

  /** The card of a "waarvan" part, inside this one. */
  part(indicator: string): IndicatorCard {
    return new IndicatorCard(this.page, this.root.getByRole('region', { name: indicator, exact: true }), indicator);
  }

  /** The value shown for a fact ("Nulmeting", "Laatste meting", "Voortgang"). */
  fact(term: string): Locator {
    return this.facts.locator('div').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }

  /** The status badge reads "Status: <status>" to a screen reader, with a symbol beside it. */
  async expectStatus(status: 'Behaald' | 'Op koers' | 'Aandacht' | 'Achter' | 'Geen gegevens'): Promise<void> {
    await expect(this.status).toHaveText(new RegExp(`^Status: \\S+\\s+${status}$`));
  }

  /** The row of a school year in the table of targets. */
  targetRow(schoolYear: string): Locator {
    return this.targets.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: schoolYear, exact: true }) });
  }

  /** The rows of the measurements at a date (dd-mm-jjjj), newest first. */
  measurementRows(date: string): Locator {
    return this.measurements.getByRole('row').filter({ has: this.page.getByRole('cell', { name: date, exact: true }) });
  }

  makeDefinitiveButton(date: string): Locator {
    return this.root.getByRole('button', { name: `Definitief maken: meting ${date}`, exact: true });
  }

  reviseButton(schoolYear: string): Locator {
    return this.root.getByRole('button', { name: `Bijstellen: streefwaarde ${schoolYear}`, exact: true });
  }

  measurementForm(): MeasurementForm {
    return new MeasurementForm(this.root.getByRole('form', { name: 'Meting invoeren', exact: true }));
  }

  definitiveForm(): MeasurementForm {
    return new MeasurementForm(this.root.getByRole('form', { name: 'Definitieve waarde invoeren', exact: true }));
  }

  targetForm(): TargetForm {
    return new TargetForm(this.root.getByRole('form', { name: 'Streefwaarde toevoegen', exact: true }));
  }

  reviseForm(schoolYear: string): ReviseForm {
    return new ReviseForm(this.root.getByRole('form', { name: `Streefwaarde bijstellen ${schoolYear}`, exact: true }));
  }

  async addTargetFor(schoolYear: string, value: string): Promise<void> {
    await this.addTarget.click();
    const form = this.targetForm();
    await form.schoolYear.selectOption({ label: schoolYear });
    await form.value.fill(value);
    await form.save.click();
    await expect(form.root).toBeHidden();
  }
}

/** The error a field shows inside its own wrapper (role=alert), next to the input. */
export function fieldError(field: Locator): Locator {
  return field.locator('xpath=..').getByRole('alert');
}

abstract class SubForm {
  readonly save: Locator;
  readonly cancel: Locator;
  constructor(readonly root: Locator) {
    this.save = root.getByRole('button', { name: 'Opslaan', exact: true });
    this.cancel = root.getByRole('button', { name: 'Annuleren', exact: true });
  }
}

export class MeasurementForm extends SubForm {
  readonly date: Locator;
  /** "Over periode": the period the value is about (by default the one of the measurement moment). */
  readonly period: Locator;
  readonly status: Locator;
  readonly value: Locator;
  readonly source: Locator;
  readonly explanation: Locator;
  constructor(root: Locator) {
    super(root);
    this.date = root.getByRole('textbox', { name: 'Meetdatum', exact: true });
    this.period = root.getByRole('combobox', { name: 'Over periode', exact: true });
    this.status = root.getByRole('combobox', { name: 'Voorlopig of definitief', exact: true });
    this.value = root.getByRole('textbox', { name: 'Waarde', exact: true });
    this.source = root.getByRole('textbox', { name: 'Bron', exact: true });
    this.explanation = root.getByRole('textbox', { name: 'Toelichting', exact: true });
  }

  /** The value of a "waarvan" part, entered with it: "Waarvan <phrase> (%)". */
  part(phrase: string): Locator {
    return this.root.getByRole('textbox', { name: `Waarvan ${phrase} (%)`, exact: true });
  }
}

export class TargetForm extends SubForm {
  readonly schoolYear: Locator;
  readonly kind: Locator;
  readonly value: Locator;
  constructor(root: Locator) {
    super(root);
    this.schoolYear = root.getByRole('combobox', { name: 'Schooljaar', exact: true });
    this.kind = root.getByRole('combobox', { name: 'Soort streefwaarde', exact: true });
    this.value = root.getByRole('textbox', { name: 'Streefwaarde', exact: true });
  }

  /** The target of a "waarvan" part for the same period. */
  part(phrase: string): Locator {
    return this.root.getByRole('textbox', { name: `Waarvan ${phrase}: streefwaarde (%)`, exact: true });
  }
}

export class ReviseForm extends TargetForm {
  readonly reason: Locator;
  readonly decisionDate: Locator;
  constructor(root: Locator) {
    super(root);
    this.reason = root.getByRole('textbox', { name: 'Reden van de wijziging', exact: true });
    this.decisionDate = root.getByRole('textbox', { name: 'Datum besluit stuurgroep', exact: true });
  }
}
