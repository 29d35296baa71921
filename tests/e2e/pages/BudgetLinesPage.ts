import { expect, type Locator, type Page } from '@playwright/test';

export interface BudgetLineFields {
  /** The measure's option label ("1.1 Naam"). */
  measure: string;
  year: string;
  costItem: string;
  /** Option labels: "Personeel", "OCW regionale middelen VSV", "A Coördinatie". */
  kind?: string;
  fundingSource?: string;
  category: string;
  planned: string;
}

/** "Nieuwe begrotingsregel" / "Begrotingsregel bewerken". */
export class BudgetLineForm {
  readonly measure: Locator;
  readonly year: Locator;
  readonly costItem: Locator;
  readonly kind: Locator;
  readonly fundingSource: Locator;
  readonly category: Locator;
  readonly planned: Locator;
  readonly save: Locator;
  readonly cancel: Locator;

  constructor(readonly root: Locator) {
    // By role and accessible name: a required field's label ends in an aria-hidden " *".
    this.measure = root.getByRole('combobox', { name: 'Maatregel', exact: true });
    this.year = root.getByRole('textbox', { name: 'Jaar', exact: true });
    this.costItem = root.getByRole('textbox', { name: 'Kostenpost', exact: true });
    this.kind = root.getByRole('combobox', { name: 'Soort', exact: true });
    this.fundingSource = root.getByRole('combobox', { name: 'Financieringsbron', exact: true });
    this.category = root.getByRole('combobox', { name: 'Bestedingscategorie', exact: true });
    this.planned = root.getByRole('textbox', { name: 'Begroot bedrag', exact: true });
    this.save = root.getByRole('button', { name: 'Opslaan', exact: true });
    this.cancel = root.getByRole('button', { name: 'Annuleren', exact: true });
  }

  async fill(f: BudgetLineFields): Promise<void> {
    // The measures arrive with a call after the first render.
    await expect(this.measure.locator('option', { hasText: f.measure })).toHaveCount(1);
    await this.measure.selectOption({ label: f.measure });
    await this.year.fill(f.year);
    await this.costItem.fill(f.costItem);
    if (f.kind !== undefined) await this.kind.selectOption({ label: f.kind });
    if (f.fundingSource !== undefined) await this.fundingSource.selectOption({ label: f.fundingSource });
    await this.category.selectOption({ label: f.category });
    await this.planned.fill(f.planned);
  }
}

/** The form "Besteding toevoegen" / "Besteding bewerken" under an opened budget line. */
export class SpendForm {
  readonly kind: Locator;
  readonly date: Locator;
  readonly amount: Locator;
  readonly description: Locator;
  readonly reference: Locator;
  readonly submit: Locator;

  constructor(readonly root: Locator) {
    this.kind = root.getByRole('combobox', { name: 'Soort', exact: true });
    this.date = root.getByRole('textbox', { name: 'Datum', exact: true });
    this.amount = root.getByRole('textbox', { name: 'Bedrag', exact: true });
    this.description = root.getByRole('textbox', { name: 'Omschrijving', exact: true });
    this.reference = root.getByRole('textbox', { name: 'Kenmerk', exact: true });
    this.submit = root.getByRole('button', { name: 'Besteding toevoegen', exact: true });
  }

  async fill(e: { date: string; amount: string; description: string; reference?: string }): Promise<void> {
    await this.date.fill(e.date);
    await this.amount.fill(e.amount);
    await this.description.fill(e.description);
    await this.reference.fill(e.reference ?? '');
  }
}

/** The tab "Begrotingsregels": filter, the list, the new-line form and each line's spend. */
export class BudgetLinesPage {
  readonly newLine: Locator;
  readonly newForm: BudgetLineForm;
  readonly table: Locator;
  readonly empty: Locator;
  readonly spendForm: SpendForm;

  constructor(readonly page: Page) {
    this.newLine = page.getByRole('button', { name: 'Nieuwe begrotingsregel', exact: true });
    this.newForm = new BudgetLineForm(page.getByRole('form', { name: 'Nieuwe begrotingsregel', exact: true }));
    this.table = page.getByRole('table', { name: 'Begrotingsregels', exact: true });
    this.empty = page.getByText('Nog geen begrotingsregels.', { exact: true });
    this.spendForm = new SpendForm(page.getByRole('form', { name: 'Besteding toevoegen', exact: true }));
  }

  /** A line's row, found by its "Bewerken: <jaar> <kostenpost>" button. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: `Bewerken: ${name}`, exact: true }) });
  }

  /** The rows of lines (without header and total). */
  lineRows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: /^Bewerken: / }) });
  }

  /** "Bestedingen: <jaar> <kostenpost>": opens (or closes) the spend under a line. */
  spendToggle(name: string): Locator {
    return this.page.getByRole('button', { name: `Bestedingen: ${name}`, exact: true });
  }

  /** The spend table of an opened line ("Bestedingen bij "<kostenpost>""). */
  spendTable(costItem: string): Locator {
    return this.page.getByRole('table', { name: `Bestedingen bij "${costItem}"`, exact: true });
  }

  async createLine(f: BudgetLineFields): Promise<void> {
    await this.newLine.click();
    await expect(this.newForm.root).toBeVisible();
    await this.newForm.fill(f);
    await this.newForm.save.click();
    await expect(this.newForm.root).toBeHidden();
    await expect(this.row(`${f.year} ${f.costItem}`)).toBeVisible();
  }

  /** Opens a line's spend (if not open yet). */
  async openSpend(name: string): Promise<void> {
    const toggle = this.spendToggle(name);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** Adds a dated spend entry to the opened line and waits for its row. */
  async addSpend(costItem: string, e: { date: string; amount: string; description: string; reference?: string }): Promise<void> {
    await this.spendForm.fill(e);
    await this.spendForm.submit.click();
    await expect(this.spendTable(costItem).getByRole('row').filter({ has: this.page.getByRole('cell', { name: e.description, exact: true }) })).toHaveCount(1);
    // The form is emptied for the next entry.
    await expect(this.spendForm.amount).toHaveValue('');
  }
}
