import { expect, type Locator, type Page } from '@playwright/test';

export interface IndicatorFields {
  name: string;
  unit?: 'Aantal' | 'Percentage' | 'Euro' | 'Dagen' | 'Vrije eenheid';
  direction?: 'Hoger is beter' | 'Lager is beter' | 'Binnen bandbreedte';
  dataSource?: string;
  baselineValue?: string;
  baselineDate?: string;
  baselineSource?: string;
  phrase?: string;
  momentDates?: string;
  /** "Onderdeel van": the indicator this one is a "waarvan" part of. */
  parent?: string;
}

/** "Nieuwe indicator" (#/resultaten/nieuw/activiteit/<id>) and "Indicator bewerken". */
export class ResultsIndicatorFormPage {
  readonly form: Locator;
  readonly name: Locator;
  readonly unit: Locator;
  readonly direction: Locator;
  readonly aggregation: Locator;
  readonly dataSource: Locator;
  readonly baselineValue: Locator;
  readonly baselineDate: Locator;
  readonly baselineSource: Locator;
  readonly phrase: Locator;
  readonly parent: Locator;
  readonly momentDates: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Nieuwe indicator', exact: true });
    this.name = this.form.getByRole('textbox', { name: 'Naam', exact: true });
    this.unit = this.form.getByRole('combobox', { name: 'Eenheid', exact: true });
    this.direction = this.form.getByRole('combobox', { name: 'Richting', exact: true });
    this.aggregation = this.form.getByRole('combobox', { name: 'Optellen', exact: true });
    this.dataSource = this.form.getByRole('textbox', { name: 'Bron', exact: true });
    this.baselineValue = this.form.getByRole('textbox', { name: 'Waarde nulmeting', exact: true });
    this.baselineDate = this.form.getByRole('textbox', { name: 'Datum nulmeting', exact: true });
    this.baselineSource = this.form.getByRole('textbox', { name: 'Bron nulmeting', exact: true });
    this.phrase = this.form.getByRole('textbox', { name: 'Woorden na het getal', exact: true });
    this.parent = this.form.getByRole('combobox', { name: 'Onderdeel van', exact: true });
    this.momentDates = this.form.getByRole('textbox', { name: 'Datums van de meetmomenten', exact: true });
    this.save = this.form.getByRole('button', { name: 'Opslaan', exact: true });
  }

  async expectNew(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nieuwe indicator', exact: true })).toBeVisible();
  }

  async fill(f: IndicatorFields): Promise<void> {
    await this.name.fill(f.name);
    if (f.unit !== undefined) await this.unit.selectOption({ label: f.unit });
    if (f.direction !== undefined) await this.direction.selectOption({ label: f.direction });
    if (f.dataSource !== undefined) await this.dataSource.fill(f.dataSource);
    if (f.baselineValue !== undefined) await this.baselineValue.fill(f.baselineValue);
    if (f.baselineDate !== undefined) await this.baselineDate.fill(f.baselineDate);
    if (f.baselineSource !== undefined) await this.baselineSource.fill(f.baselineSource);
    if (f.phrase !== undefined) await this.phrase.fill(f.phrase);
    if (f.momentDates !== undefined) await this.momentDates.fill(f.momentDates);
    if (f.parent !== undefined) await this.parent.selectOption({ label: f.parent });
  }

  /** "Meetmoment dd-mm gaat over": the period a moment reports on. */
  momentPeriod(moment: string): Locator {
    return this.form.getByRole('combobox', { name: `Meetmoment ${moment} gaat over`, exact: true });
  }
}
