import { expect, type Locator, type Page } from '@playwright/test';

/** Titles of the eleven questions of the standard activity description, in plan order. */
export const SECTION_TITLES = [
  '1. Naam van de programmalijn',
  '2. Naam activiteit',
  '3. Beknopte omschrijving en hoe de activiteit vsv terugdringt',
  '4. Doel van de activiteit',
  '5. Duur en start',
  '6. Deelactiviteiten',
  '7. Duur van de deelactiviteiten',
  '8. Doelgroep(en)',
  '9. Terugblik en analyse',
  '10. Resultaten',
  '11. Borging',
] as const;

/**
 * The sections 1-11 as regions. Shared by the activity page and its printable sheet, which render
 * the same component.
 */
export class ActivitySectionsView {
  constructor(readonly page: Page) {}

  /** Section n (1-11) as a region named by its heading. */
  section(n: number): Locator {
    return this.page.getByRole('region', { name: SECTION_TITLES[n - 1], exact: true });
  }

  async expectAllSections(): Promise<void> {
    for (const title of SECTION_TITLES) await expect(this.page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  }
}

/** One activity: the template sections, sub-activities, Verplaatsen, Afdrukken and its Geschiedenis. */
export class ActivityPage extends ActivitySectionsView {
  readonly crumbs: Locator;
  readonly edit: Locator;
  readonly move: Locator;
  readonly moveForm: Locator;
  readonly moveTarget: Locator;
  readonly print: Locator;
  readonly addSubActivity: Locator;
  readonly subActivityForm: Locator;
  readonly history: Locator;

  constructor(page: Page) {
    super(page);
    this.crumbs = page.getByRole('navigation', { name: 'Kruimelpad' });
    this.edit = page.getByRole('link', { name: 'Bewerken', exact: true });
    this.move = page.getByRole('button', { name: 'Verplaatsen', exact: true });
    this.moveForm = page.getByRole('form', { name: 'Activiteit verplaatsen' });
    this.moveTarget = this.moveForm.getByRole('combobox', { name: 'Verplaatsen naar', exact: true });
    this.print = page.getByRole('link', { name: 'Afdrukken', exact: true });
    this.addSubActivity = page.getByRole('button', { name: 'Deelactiviteit toevoegen', exact: true });
    this.subActivityForm = page.getByRole('form', { name: 'Deelactiviteit' });
    this.history = page.getByRole('region', { name: 'Geschiedenis' });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async expectShown(title: string): Promise<void> {
    await expect(this.heading(title)).toBeVisible();
  }

  /** Adds a sub-activity with the form under section 6. */
  async addSub(f: { number?: string; name: string; period?: string; intendedResult?: string }): Promise<void> {
    await this.addSubActivity.click();
    const form = this.subActivityForm;
    if (f.number !== undefined) await form.getByRole('textbox', { name: 'Nummer', exact: true }).fill(f.number);
    await form.getByRole('textbox', { name: 'Naam', exact: true }).fill(f.name);
    if (f.period !== undefined) await form.getByRole('textbox', { name: 'Periode', exact: true }).fill(f.period);
    if (f.intendedResult !== undefined) await form.getByRole('textbox', { name: 'Beoogd resultaat', exact: true }).fill(f.intendedResult);
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(form).toBeHidden();
  }

  /** Verplaatsen: chooses the target measure by its option label ("2.1 Naam (2 Lijn)"). */
  async moveTo(optionLabel: string): Promise<void> {
    await this.move.click();
    await expect(this.moveTarget.locator('option', { hasText: optionLabel })).toHaveCount(1);
    await this.moveTarget.selectOption({ label: optionLabel });
    await this.moveForm.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await expect(this.moveForm).toBeHidden();
  }

  /**
   * A row "Veld: oud → nieuw" in the Geschiedenis. Values are compared on the whole cell text;
   * a RegExp allows for long values, which the history shortens to 160 characters.
   */
  historyChange(field: string, oldValue: string | RegExp, newValue: string | RegExp): Locator {
    return this.history
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: field, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: oldValue, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: newValue, exact: true }) });
  }
}
