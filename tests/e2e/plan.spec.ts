/**
 * The Word plan in the app (issue 15): the user reads a fictional plan document (typed numbers,
 * one paragraph of question 4 of activity 2.1.2 stranded before its question 1), sees the preview
 * with the tree and the eleven questions per activity, moves the stranded paragraph to question 4,
 * imports, finds the text on the activity, and one undo (Ctrl+Z, after the question for a big
 * change set) removes the whole import. Screenshots at 1366x768 in test-results/plan/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { ChoiceDialog } from './pages/ChoiceDialog';
import { PlanPage } from './pages/PlanPage';
import { typedDocx } from '../fixtures/plan-docs';
import { fictionalPlan } from '../fixtures/plan-model';

const STRAY = 'Ook de ouders weten na het eerste gesprek bij wie zij terechtkunnen.';

test('import a plan, move one misplaced paragraph in the preview, import; undo removes it all', async ({ app, page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.createWorkspace('16 Eem en Vallei', 'Plan');
  const dir = testInfo.outputPath();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'Regionaal plan 2026-2029.docx');
  fs.writeFileSync(file, await typedDocx(fictionalPlan(), { activityCode: '2.1.2', text: STRAY }));
  const plan = new PlanPage(page);
  await plan.open();
  await plan.choose(file);
  await expect(plan.summary).toContainText('4 programmalijn(en), 6 maatregel(en), 14 activiteit(en); 154 van de 154 vragen gevonden');
  await expect(plan.item('3.2')).toContainText('Activiteit');
  const shots = path.resolve('test-results/plan');
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'voorbeeld.png') });

  const row = plan.unplacedRow(STRAY);
  await expect(row).toContainText('Mentorenteam met extra uren');
  await row.getByRole('combobox').first().selectOption({ label: '2.1.2 Mentorenteam met extra uren' });
  await row.getByRole('combobox').nth(1).selectOption({ label: '4. Doel van de activiteit' });
  await row.getByRole('button', { name: 'Plaatsen' }).click();
  await expect(plan.unplacedRow(STRAY)).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'verplaatst.png'), fullPage: false });

  await plan.importButton.click();
  await expect(plan.done).toBeVisible();
  // The paragraph is on the activity, under question 4.
  await page.goto(page.url().replace(/#.*$/, '#/programmas'));
  await page.getByRole('link', { name: /Regionaal programma voortijdig schoolverlaten 2026-2029/ }).click();
  await page.getByRole('link', { name: /2\.1\.2 Mentorenteam met extra uren/ }).first().click();
  await expect(page.getByText(STRAY)).toBeVisible();

  // One undo takes the whole import back, after the question for a big change set.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  const dialog = new ChoiceDialog(page);
  await expect(dialog.root).toBeVisible();
  await dialog.button('Ongedaan maken').click();
  await page.goto(page.url().replace(/#.*$/, '#/programmas'));
  await expect(page.getByText('Regionaal programma voortijdig schoolverlaten 2026-2029')).toHaveCount(0);
});
