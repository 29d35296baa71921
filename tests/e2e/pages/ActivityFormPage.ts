import { expect, type Locator, type Page } from '@playwright/test';

/** "Nieuwe activiteit" and "Activiteit bewerken": one fieldset per question of the template. */
export class ActivityFormPage {
  readonly code: Locator;
  readonly name: Locator;
  readonly description: Locator;
  readonly targetGroupNeed: Locator;
  readonly participants: Locator;
  readonly sustainabilityHow: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    // By role and accessible name: a required field's label ends in an aria-hidden " *".
    this.code = page.getByRole('textbox', { name: 'Code', exact: true });
    this.name = page.getByRole('textbox', { name: 'Naam', exact: true });
    this.description = page.getByRole('textbox', { name: 'Omschrijving', exact: true });
    this.targetGroupNeed = page.getByRole('textbox', { name: 'Hoe de activiteit aansluit bij de behoefte van de doelgroep', exact: true });
    this.participants = page.getByRole('group', { name: 'Beoogd aantal deelnemers', exact: true });
    this.sustainabilityHow = page.getByRole('textbox', { name: 'Hoe wordt het resultaat geborgd?', exact: true });
    this.save = page.getByRole('button', { name: 'Opslaan', exact: true });
  }

  async expectNew(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit', exact: true })).toBeVisible();
  }

  async expectEdit(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Activiteit bewerken', exact: true })).toBeVisible();
    // The form is filled from the stored activity once it has loaded.
    await expect(this.name).not.toHaveValue('');
  }

  /** The "Aantal" field of planned participants for a school year row (0-based). */
  participantCount(row: number): Locator {
    return this.participants.getByRole('textbox', { name: 'Aantal', exact: true }).nth(row);
  }

  /** The error shown in a field's wrapper (role=alert), found via the input. */
  fieldError(field: Locator): Locator {
    return field.locator('xpath=..').getByRole('alert');
  }
}
