import { expect, type Locator, type Page } from '@playwright/test';

/** "DUO-bestand inlezen" (#/vsv-cijfers/duo): the file, the choices and mapping, the figures and the rows. */
export class DuoImportPage {
  readonly heading: Locator;
  readonly file: Locator;
  readonly problems: Locator;
  readonly status: Locator;
  readonly showMapping: Locator;
  readonly figures: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'DUO-bestand inlezen', exact: true });
    this.file = page.getByLabel('DUO-bestand (CSV of .xlsx)');
    this.problems = page.getByRole('alert', { name: 'Wat nog nodig is' });
    this.status = page.getByRole('combobox', { name: 'De cijfers zijn', exact: true });
    this.showMapping = page.getByRole('button', { name: 'Kolommen bekijken of aanpassen', exact: true });
    this.figures = page.getByRole('table', { name: '3. Wat er verandert in de VSV-cijfers' });
    this.rows = page.getByRole('table', { name: /^Rijen van uw regio/ });
  }

  async choose(name: string, bytes: Buffer): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.file.setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  }

  /** The select for one field in the mapping table ("aantal deelnemers"). */
  column(field: string): Locator {
    return this.page.getByRole('combobox', { name: `Kolom voor ${field}`, exact: true });
  }

  figure(text: RegExp): Locator {
    return this.figures.getByRole('row').filter({ hasText: text });
  }

  apply(n: number): Locator {
    return this.page.getByRole('button', { name: n === 1 ? '1 cijfer inlezen' : `${n} cijfers inlezen`, exact: true });
  }
}
