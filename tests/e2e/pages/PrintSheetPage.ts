import { expect, type Locator, type Page } from '@playwright/test';
import { ActivitySectionsView } from './ActivityPage';

/**
 * The printable Activiteitenblad (#/afdrukken/activiteit/ID). window.print() is replaced by a
 * recorder, so a test can see that "Afdrukken" asked for the print dialog without opening one.
 */
export class PrintSheetPage extends ActivitySectionsView {
  readonly print: Locator;
  readonly back: Locator;

  constructor(page: Page) {
    super(page);
    this.print = page.getByRole('button', { name: 'Afdrukken', exact: true });
    this.back = page.getByRole('link', { name: 'Terug naar het scherm', exact: true });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async expectShown(title: string): Promise<void> {
    await expect(this.page).toHaveURL(/#\/afdrukken\/activiteit\//);
    await expect(this.heading(title)).toBeVisible();
    await expect(this.page.getByText('Activiteitenblad', { exact: true })).toBeVisible();
  }

  /** Replaces window.print in the current document by a counter. */
  async stubPrint(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __printCalls: number; print: () => void };
      w.__printCalls = 0;
      w.print = () => {
        w.__printCalls++;
      };
    });
  }

  /** How often window.print was called since stubPrint(). */
  printCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __printCalls?: number }).__printCalls ?? -1);
  }
}
