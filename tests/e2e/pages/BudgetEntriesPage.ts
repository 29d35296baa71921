import type { Locator, Page } from '@playwright/test';

/** The tab "Bestedingen" as a drill-down: every entry behind a figure, with count and total. */
export class BudgetEntriesPage {
  constructor(readonly page: Page) {}

  /** "Bestedingen: <wat de filter is>", e.g. "Bestedingen: 1.1 Naam · 2026". */
  heading(what: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: `Bestedingen: ${what}`, exact: true });
  }

  table(what: string): Locator {
    return this.page.getByRole('table', { name: `Bestedingen: ${what}`, exact: true });
  }

  /** The rows of entries (between the header and the total), each with a link to its line. */
  entryRows(what: string): Locator {
    return this.table(what).getByRole('row').filter({ has: this.page.getByRole('link') });
  }

  /** The entry with this description. */
  entry(what: string, description: string): Locator {
    return this.entryRows(what).filter({ has: this.page.getByRole('cell', { name: description, exact: true }) });
  }

  /** "3 bestedingen, samen € …". */
  summary(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }
}
