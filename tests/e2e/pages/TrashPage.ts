import { expect, type Locator, type Page } from '@playwright/test';

/** "Prullenbak": deleted items with a "Terugzetten" button each. */
export class TrashPage {
  readonly heading: Locator;
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Prullenbak' });
    this.table = page.getByRole('table', { name: 'Prullenbak' });
  }
  row(label: string): Locator {
    return this.table.getByRole('row').filter({ hasText: label });
  }
  async restore(label: string): Promise<void> {
    await expect(this.heading).toBeVisible();
    await this.row(label).getByRole('button', { name: /^Terugzetten/ }).click();
  }
}
