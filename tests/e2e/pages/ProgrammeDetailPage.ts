import { expect, type Locator, type Page } from '@playwright/test';

/** One programme: facts, Bewerken, Verwijderen, and its Geschiedenis. */
export class ProgrammeDetailPage {
  readonly edit: Locator;
  readonly remove: Locator;
  readonly confirmRemove: Locator;
  readonly facts: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.edit = page.getByRole('link', { name: 'Bewerken' });
    this.remove = page.getByRole('button', { name: 'Verwijderen', exact: true });
    this.confirmRemove = page.getByRole('button', { name: 'Ja, verwijderen' });
    this.facts = page.locator('main dl');
    this.history = page.getByRole('region', { name: 'Geschiedenis' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  async expectShown(name: string): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
  }

  /** The value shown for a fact, by its term ("Periode", "Aangevraagd bedrag", ...). */
  fact(term: string): Locator {
    return this.facts.locator('div').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }

  /** A row in the history "Naam: old → new". */
  historyChange(field: string, oldValue: string, newValue: string): Locator {
    return this.history
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: field, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: oldValue, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: newValue, exact: true }) });
  }

  async delete(): Promise<void> {
    await this.remove.click();
    await this.confirmRemove.click();
  }
}
