import { expect, type Locator, type Page } from '@playwright/test';

export interface AwardFields {
  /** The stream's option label, e.g. "OCW regionale middelen VSV". */
  stream: string;
  year: string;
  amount: string;
  paymentDates?: string;
  spendBy?: string;
}

/** The tab "Toekenningen": the list and the form "Nieuwe toekenning". */
export class BudgetAwardsPage {
  readonly newAward: Locator;
  readonly form: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.newAward = page.getByRole('button', { name: 'Nieuwe toekenning', exact: true });
    this.form = page.getByRole('form', { name: 'Nieuwe toekenning', exact: true });
    this.table = page.getByRole('table', { name: 'Toekenningen', exact: true });
  }

  /** The row of an award, found by its "Bewerken: <bron> <jaar>" button. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: `Bewerken: ${name}`, exact: true }) });
  }

  async create(f: AwardFields): Promise<void> {
    await this.newAward.click();
    await expect(this.form).toBeVisible();
    await this.form.getByRole('combobox', { name: 'Geldstroom', exact: true }).selectOption({ label: f.stream });
    await this.form.getByRole('textbox', { name: 'Jaar', exact: true }).fill(f.year);
    await this.form.getByRole('textbox', { name: 'Bedrag', exact: true }).fill(f.amount);
    if (f.paymentDates !== undefined) await this.form.getByRole('textbox', { name: 'Betaaldata', exact: true }).fill(f.paymentDates);
    if (f.spendBy !== undefined) await this.form.getByRole('textbox', { name: 'Besteden vóór', exact: true }).fill(f.spendBy);
    await this.form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(this.form).toBeHidden();
  }
}
