/**
 * The Word plan in the app (issue 15): the user reads a fictional plan document (typed numbers,
 * one paragraph of question 4 of activity 2.1.2 stranded before its question 1), sees the preview
 * with the tree and the eleven questions per activity, moves the stranded paragraph to question 4,
 * imports, finds the text on the activity, and one undo (Ctrl+Z, after the question for a big
 * change set) removes the whole import. Again later, a newer version shows per record what
 * changes and only what the user ticks is read. Screenshots at 1366x768 in test-results/plan/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { ChoiceDialog } from './pages/ChoiceDialog';
import { value } from './api';
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

  // The text per question of one activity, each paragraph with its own move control.
  await plan.item('1.1.1').getByRole('button', { name: 'Tekst per vraag' }).click();
  await expect(plan.item('1.1.1').locator('table.plan-text tr')).not.toHaveCount(0);
  await plan.item('1.1.1').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'tekst-per-vraag.png') });
  await plan.item('1.1.1').getByRole('button', { name: 'Tekst verbergen' }).click();

  const row = plan.unplacedRow(STRAY);
  await expect(row).toContainText('Mentorenteam met extra uren');
  await row.getByRole('combobox').first().selectOption({ label: '2.1.2 Mentorenteam met extra uren' });
  await row.getByRole('combobox').nth(1).selectOption({ label: '4. Doel van de activiteit' });
  await row.getByRole('button', { name: 'Plaatsen' }).click();
  await expect(plan.unplacedRow(STRAY)).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'verplaatst.png'), fullPage: false });

  // Suggestions are taken one by one: ticking a target takes its indicator along; nothing else is ticked.
  const offers = page.getByTestId('suggestions-1.1.1');
  await offers.getByRole('checkbox', { name: 'Streefwaarde 2028/2029: 4%' }).click();
  await expect(offers.getByRole('checkbox', { name: /^Indicator "Vsv-percentage van deze doelgroep"/ })).toBeChecked();
  await expect(offers.getByRole('checkbox', { name: 'Beoogd aantal deelnemers 2026/2027: 40' })).not.toBeChecked();
  await offers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'voorstellen.png') });

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

test('again later: a newer version shows per record what changes; only what is ticked is read', async ({ app, page, host }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.createWorkspace('16 Eem en Vallei', 'Plan opnieuw');
  const plan = fictionalPlan();
  const first = { fileName: 'plan.docx', base64: (await typedDocx(plan)).toString('base64') };
  const p0 = await value<{ title: string; periodStart: string; periodEnd: string }>(host, 'plan.preview', { file: first });
  const done = await value<{ programmeId: string }>(host, 'plan.import', { file: first, newProgramme: { name: p0.title, periodStart: p0.periodStart, periodEnd: p0.periodEnd } });

  // The newer version: the aim of 1.1.1 reworded, a new activity 2.1.3.
  const newer = fictionalPlan();
  const aim = 'Iedere eerstejaars kent na twee weken de mentor en het rooster.';
  newer.lines[0]!.measures[0]!.activities[0]!.aim = aim;
  const m21 = newer.lines[1]!.measures[0]!;
  m21.activities.push({ ...m21.activities[0]!, code: '2.1.3', name: 'Inloopuur voor ouders' });
  const dir = testInfo.outputPath();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'Regionaal plan 2026-2029 versie 2.docx');
  fs.writeFileSync(file, await typedDocx(newer));

  await page.reload();
  const planPage = new PlanPage(page);
  await planPage.open();
  await page.getByLabel('Inlezen in').selectOption({ label: `bestaand programma: ${p0.title} (nieuwere versie)` });
  await planPage.choose(file);
  const changed = planPage.item('1.1.1');
  await expect(changed).toContainText('gewijzigd');
  await expect(changed).toContainText(aim);
  await expect(planPage.item('2.1.3')).toContainText('nieuw');
  await expect(planPage.item('2.1.1')).toContainText('ongewijzigd');
  await changed.scrollIntoViewIfNeeded();
  const shots = path.resolve('test-results/plan');
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'opnieuw.png') });

  // The new activity is not wanted yet: untick it; only the reworded aim is read.
  await page.getByRole('checkbox', { name: 'Inloopuur voor ouders inlezen' }).uncheck();
  await planPage.importButton.click();
  await expect(planPage.done).toBeVisible();
  const tree = await value<{ lines: { code: string; measures: { code: string; activities: { id: string; code: string }[] }[] }[] }>(host, 'tree.get', { programmeId: done.programmeId });
  expect(tree.lines[1]!.measures[0]!.activities.map((a) => a.code)).toEqual(['2.1.1', '2.1.2']);
  const a111 = await value<{ aim: string }>(host, 'activity.get', { id: tree.lines[0]!.measures[0]!.activities[0]!.id });
  expect(a111.aim).toBe(aim);
});
