import { expect, type Locator, type Page } from '@playwright/test';

/** The list "Programma's". */
export class ProgrammesPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly newProgramme: Locator;
  readonly emptyMessage: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: "Programma's" });
    this.table = page.getByRole('table', { name: "Programma's" });
    this.newProgramme = page.getByRole('link', { name: 'Nieuw programma' });
    this.emptyMessage = page.getByText("Er zijn nog geen programma's.");
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  /** The link to a programme in the table (its name). */
  programmeLink(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }

  async openProgramme(name: string): Promise<void> {
    await this.programmeLink(name).click();
  }
}
