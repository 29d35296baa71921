import { expect, type Locator, type Page } from '@playwright/test';

/** "Privacycontrole": the result heading, the table of hits and what to do per hit. */
export class PrivacyPage {
  readonly heading: Locator;
  readonly result: Locator;
  readonly hits: Locator;
  readonly rescan: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Privacycontrole', exact: true });
    this.result = page.locator('#privacy-result');
    this.hits = page.getByRole('table', { name: 'Privacycontrole' });
    this.rescan = page.getByRole('button', { name: 'Opnieuw controleren', exact: true });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacycontrole', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  async expectClean(): Promise<void> {
    await expect(this.result).toHaveText(/^Niets gevonden: geen gegevens over individuele jongeren/);
  }

  /** A row of the table by text it contains (the record's name, the field). */
  row(...texts: string[]): Locator {
    let r = this.hits.getByRole('row');
    for (const x of texts) r = r.filter({ hasText: x });
    return r;
  }
}
