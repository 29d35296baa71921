import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The tree on a programme's page ("+ Programmalijn toevoegen", "+ Maatregel toevoegen") and the
 * two forms behind those links. The "+ " is aria-hidden, so the links are named without it.
 */
export class ProgrammeTreePage {
  readonly addLine: Locator;
  readonly addMeasure: Locator;
  readonly code: Locator;
  readonly name: Locator;
  readonly line: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.addLine = page.getByRole('link', { name: 'Programmalijn toevoegen', exact: true });
    this.addMeasure = page.getByRole('link', { name: 'Maatregel toevoegen', exact: true });
    this.code = page.getByRole('textbox', { name: 'Code', exact: true });
    this.name = page.getByRole('textbox', { name: 'Naam', exact: true });
    this.line = page.getByRole('combobox', { name: 'Programmalijn', exact: true });
    this.save = page.getByRole('button', { name: 'Opslaan', exact: true });
  }

  /** Adds a programme line from the programme page; back on the programme page afterwards. */
  async createLine(code: string, name: string): Promise<void> {
    await this.addLine.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nieuwe programmalijn', exact: true })).toBeVisible();
    await this.code.fill(code);
    await this.name.fill(name);
    await this.save.click();
    await expect(this.page.getByRole('status')).toContainText('Programmalijn opgeslagen.');
    await expect(this.addMeasure).toBeVisible();
  }

  /** Adds a measure in the given line (its option label, "1 Naam"); ends on the measure's page. */
  async createMeasure(code: string, name: string, lineOption: string): Promise<void> {
    await this.addMeasure.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nieuwe maatregel', exact: true })).toBeVisible();
    await this.code.fill(code);
    await this.name.fill(name);
    // The lines arrive with a call after the first render.
    await expect(this.line.locator('option', { hasText: lineOption })).toHaveCount(1);
    await this.line.selectOption({ label: lineOption });
    await this.save.click();
    await expect(this.page.getByRole('status')).toContainText('Maatregel opgeslagen.');
    await expect(this.page.getByRole('heading', { level: 1, name: `${code} ${name}`, exact: true })).toBeVisible();
  }
}
