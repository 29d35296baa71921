import type { Locator, Page } from '@playwright/test';

/** The tab "Controles": the findings with links to their lines and awards, and the rule settings. */
export class BudgetChecksPage {
  readonly list: Locator;
  readonly none: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Controles', exact: true });
    this.none = page.getByText('De controles vinden niets: de begroting voldoet aan de regels.', { exact: true });
  }

  findings(): Locator {
    return this.list.getByRole('listitem');
  }

  /** The finding whose text contains this. */
  finding(text: string | RegExp): Locator {
    return this.findings().filter({ hasText: text });
  }

  /** "Bekijk de begrotingsregels (n)" in a finding. */
  linesLink(finding: Locator, n: number): Locator {
    return finding.getByRole('link', { name: `Bekijk de begrotingsregels (${n})`, exact: true });
  }

  awardsLink(finding: Locator): Locator {
    return finding.getByRole('link', { name: 'Bekijk de toekenningen', exact: true });
  }
}
