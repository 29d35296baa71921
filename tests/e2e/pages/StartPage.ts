import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningHost } from '../host';

/** "Welkom bij Regieboek": recent files, a new workspace, the example region. */
export class StartPage {
  readonly heading: Locator;
  readonly region: Locator;
  readonly fileName: Locator;
  readonly create: Locator;
  readonly openExample: Locator;

  /** Without a host (the desktop app), the page is already open. */
  constructor(
    readonly page: Page,
    readonly host?: RunningHost,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Welkom bij Regieboek' });
    this.region = page.getByRole('combobox', { name: 'Regio', exact: true });
    this.fileName = page.getByRole('textbox', { name: 'Bestandsnaam', exact: true });
    this.create = page.getByRole('button', { name: 'Werkbestand maken' });
    this.openExample = page.getByRole('button', { name: 'Voorbeeldregio openen' });
  }

  async open(): Promise<void> {
    if (this.host) await this.page.goto(this.host.url);
    else await this.page.evaluate(() => (window.location.hash = '#/start'));
    await expect(this.heading).toBeVisible();
  }

  /** Chooses a region by its label (e.g. "23 Twente") and creates the workspace file. */
  async createWorkspace(regionLabel: string, fileName: string): Promise<void> {
    // The options arrive with a call after the first render.
    // (Options of a closed <select> are hidden to getByRole, hence a CSS locator.)
    await expect(this.region.locator('option', { hasText: regionLabel })).toHaveCount(1);
    await this.region.selectOption({ label: regionLabel });
    await this.fileName.fill(fileName);
    await this.create.click();
  }

  /** Builds the example (a few seconds on a slow machine) and waits until its programmes are shown. */
  async openExampleRegion(): Promise<void> {
    await this.openExample.click();
    await expect(this.page.getByRole('heading', { level: 1, name: "Programma's", exact: true })).toBeVisible({ timeout: 20_000 });
  }
}
