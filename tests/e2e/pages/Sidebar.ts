import type { Locator, Page } from '@playwright/test';

/** The navigation on the left ("Hoofdmenu"). */
export class Sidebar {
  readonly nav: Locator;
  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  }
  link(name: 'Start' | "Programma's" | 'Begroting' | 'Geschiedenis' | 'Prullenbak' | 'Instellingen' | 'Help'): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }
  async goTo(name: Parameters<Sidebar['link']>[0]): Promise<void> {
    await this.link(name).click();
  }
}
