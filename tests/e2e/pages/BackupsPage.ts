import { expect, type Locator, type Page } from '@playwright/test';

/** "Reservekopieën": the workspace's backups, restore with confirmation, "Opslaan als kopie". */
export class BackupsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly makeNow: Locator;
  readonly saveCopy: Locator;
  readonly confirmBox: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Reservekopieën' });
    this.table = page.getByRole('table', { name: 'Reservekopieën' });
    this.makeNow = page.getByRole('button', { name: 'Nu een reservekopie maken' });
    this.saveCopy = page.getByRole('button', { name: 'Opslaan als kopie' });
    this.confirmBox = page.getByRole('alertdialog', { name: 'Reservekopie terugzetten?' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Reservekopieën', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Rows whose reason column says `reason` ("Handmatig", "Dagelijks", "Vóór terugzetten", …). */
  rows(reason: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: reason, exact: true }) });
  }

  async startRestore(reason: string): Promise<void> {
    await this.rows(reason).first().getByRole('button', { name: /^Terugzetten/ }).click();
    await expect(this.confirmBox).toBeVisible();
  }
}
