import { expect, type Locator, type Page } from '@playwright/test';

/** Ctrl+K: "Zoek in het werkbestand", results grouped per kind. */
export class SearchDialog {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Zoek in het werkbestand' });
    this.input = this.dialog.getByLabel('Zoeken', { exact: true });
    this.results = this.dialog.getByRole('region', { name: 'Zoekresultaten' });
  }

  /** Opens the dialog with Ctrl+K (it takes focus in its input). */
  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  /** The results of one kind: "Activiteiten", "Maatregelen", ... */
  group(kind: string): Locator {
    return this.results.getByRole('region', { name: kind, exact: true });
  }

  /**
   * A hit in a group by its title (code and name). The link also holds the context and a snippet,
   * so its accessible name starts with the title.
   */
  hit(kind: string, title: string): Locator {
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.group(kind).getByRole('link', { name: new RegExp(`^${escaped}(\\s|$)`) });
  }

  async search(query: string): Promise<void> {
    await this.input.fill(query);
  }
}
