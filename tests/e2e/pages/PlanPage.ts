import type { Locator, Page } from '@playwright/test';

/** Plan (Word): export, import with preview. */
export class PlanPage {
  readonly fileInput: Locator;
  readonly summary: Locator;
  readonly importButton: Locator;
  /** The line under the file picker after an import (the toast says it too). */
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.locator('input[type="file"]');
    this.summary = page.getByRole('region', { name: /Voorbeeld van/ }).locator('p').first();
    this.importButton = page.getByRole('button', { name: 'Plan inlezen' });
    this.done = page.locator('p[role="status"]', { hasText: 'Het plan is ingelezen.' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Plan (Word)' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Plan (Word)' }).waitFor();
  }

  async choose(file: string): Promise<void> {
    await this.fileInput.setInputFiles(file);
    await this.summary.waitFor();
  }

  item(code: string): Locator {
    return this.page.getByTestId(`plan-item-${code}`);
  }

  unplacedRow(text: string): Locator {
    return this.page.locator('tr[data-testid^="unplaced-"]', { hasText: text });
  }
}
