import { expect, type Locator, type Page } from '@playwright/test';

export type BudgetTab = 'Overzicht' | 'Per bron' | 'Per partner' | 'Per categorie' | 'Toekenningen' | 'Begrotingsregels' | 'Bestedingen' | 'Controles';

/** The error shown in a field's wrapper (role=alert), found via the input. */
export function fieldError(field: Locator): Locator {
  return field.locator('xpath=..').getByRole('alert');
}

/**
 * "Begroting" (#/begroting/<programma>/<tab>/<filter>): the tabs and the Overzicht with its
 * measure × year matrix. Every amount in the matrix is a link named "Besteed <wat>: € …" or
 * "Begroot <wat>: € …", with <wat> "1.1 in 2026", "1.1, alle jaren" or "alle maatregelen in 2026".
 */
export class BudgetPage {
  readonly heading: Locator;
  readonly tabs: Locator;
  readonly programme: Locator;
  readonly facts: Locator;
  readonly matrix: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Begroting', exact: true });
    this.tabs = page.getByRole('navigation', { name: 'Onderdelen van de begroting', exact: true });
    this.programme = page.getByRole('combobox', { name: 'Programma', exact: true });
    this.facts = page.locator('main dl').first();
    this.matrix = page.getByRole('table', { name: 'Begroot en besteed per maatregel en jaar', exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.tabs).toBeVisible();
  }

  /** A tab; "Controles" carries a count badge ("Controles (1)") when checks find something. */
  tab(name: BudgetTab): Locator {
    return this.tabs.getByRole('link', { name: name === 'Controles' ? /^Controles( \(\d+\))?$/ : name, exact: name !== 'Controles' });
  }

  async openTab(name: BudgetTab): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-current', 'page');
  }

  /** The realised amount of a matrix cell, as a link to its entries. */
  realised(what: string, amount: string): Locator {
    return this.matrix.getByRole('link', { name: `Besteed ${what}: ${amount}`, exact: true });
  }

  /** The planned amount of a matrix cell, as a link to its budget lines. */
  planned(what: string, amount: string): Locator {
    return this.matrix.getByRole('link', { name: `Begroot ${what}: ${amount}`, exact: true });
  }

  /** The matrix cell that holds the realised link for <what>. */
  cell(what: string): Locator {
    return this.matrix.getByRole('cell').filter({ has: this.page.getByRole('link', { name: new RegExp(`^Besteed ${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) }) });
  }

  /** Asserts one matrix cell: realised, "van" planned, "nog" remaining, and % realised. */
  async expectCell(what: string, a: { planned: string; realised: string; remaining: string; pct: string }): Promise<void> {
    const cell = this.cell(what);
    await expect(cell).toHaveCount(1);
    await expect(cell.getByRole('link', { name: `Besteed ${what}: ${a.realised}`, exact: true })).toHaveText(a.realised);
    await expect(cell.getByRole('link', { name: `Begroot ${what}: ${a.planned}`, exact: true })).toHaveText(a.planned);
    await expect(cell.getByText(`nog ${a.remaining}`, { exact: true })).toBeVisible();
    await expect(cell.getByText(a.pct, { exact: true })).toBeVisible();
  }

  /** The value shown for a fact above the matrix ("Toegekend", "Begroot", "Besteed", "Resterend"). */
  fact(term: string): Locator {
    return this.facts.locator('div').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }
}
