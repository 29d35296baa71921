import type { Locator, Page } from '@playwright/test';

/** The modal question of the shared ChoiceDialog (undo of a big change set, conflicts, unsaved changes). */
export class ChoiceDialog {
  readonly root: Locator;
  readonly title: Locator;
  readonly body: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('alertdialog');
    this.title = this.root.getByRole('heading', { level: 2 });
    this.body = this.root.locator('#choice-body');
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }
}
