import { expect, type Locator, type Page } from '@playwright/test';

/** One measure (#/maatregelen/<id>): Bewerken, Verwijderen with its confirmation, its Geschiedenis. */
export class MeasurePage {
  readonly edit: Locator;
  readonly remove: Locator;
  readonly confirmRemove: Locator;
  readonly history: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.edit = page.getByRole('link', { name: 'Bewerken', exact: true });
    this.remove = page.getByRole('button', { name: 'Verwijderen', exact: true });
    this.confirmRemove = page.getByRole('button', { name: 'Ja, verwijderen', exact: true });
    this.history = page.getByRole('region', { name: 'Geschiedenis', exact: true });
    this.notices = page.locator('.toasts');
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  async open(id: string, name: string): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/maatregelen/${id}`);
    await expect(this.heading(name)).toBeVisible();
  }
}

/** The measure form (#/maatregelen/<id>/bewerken). */
export class MeasureFormPage {
  readonly name: Locator;
  readonly save: Locator;
  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Naam', exact: true });
    this.save = page.getByRole('button', { name: 'Opslaan', exact: true });
  }
}
