import { expect, type Locator, type Page } from '@playwright/test';

export interface ProgrammeFields {
  name?: string;
  start?: string;
  end?: string;
  status?: string;
  requested?: string;
  awarded?: string;
}

/** "Nieuw programma" and "Programma bewerken". */
export class ProgrammeFormPage {
  readonly name: Locator;
  readonly start: Locator;
  readonly end: Locator;
  readonly status: Locator;
  readonly requested: Locator;
  readonly awarded: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    // By role and accessible name: the labels of required fields end in an aria-hidden " *",
    // which getByLabel(..., { exact: true }) would have to include.
    this.name = page.getByRole('textbox', { name: 'Naam', exact: true });
    this.start = page.getByRole('textbox', { name: 'Startdatum', exact: true });
    this.end = page.getByRole('textbox', { name: 'Einddatum', exact: true });
    this.status = page.getByRole('combobox', { name: 'Status', exact: true });
    this.requested = page.getByRole('textbox', { name: 'Aangevraagd bedrag', exact: true });
    this.awarded = page.getByRole('textbox', { name: 'Toegekend bedrag', exact: true });
    this.save = page.getByRole('button', { name: 'Opslaan' });
  }

  async expectNew(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nieuw programma' })).toBeVisible();
  }

  async expectEdit(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Programma bewerken' })).toBeVisible();
    // The form is filled from the stored programme once it has loaded.
    await expect(this.name).not.toHaveValue('');
  }

  async fill(f: ProgrammeFields): Promise<void> {
    if (f.name !== undefined) await this.name.fill(f.name);
    if (f.start !== undefined) await this.start.fill(f.start);
    if (f.end !== undefined) await this.end.fill(f.end);
    if (f.status !== undefined) await this.status.selectOption({ label: f.status });
    if (f.requested !== undefined) await this.requested.fill(f.requested);
    if (f.awarded !== undefined) await this.awarded.fill(f.awarded);
  }

  /**
   * The error shown inside a field's wrapper (role=alert). The wrapper is the element that holds
   * both the label and the input; found via the input so it does not depend on class names.
   */
  fieldError(field: Locator): Locator {
    return field.locator('xpath=..').getByRole('alert');
  }
}
