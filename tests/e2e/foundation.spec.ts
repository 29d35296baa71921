import { test, expect } from './fixtures';

test('werkbestand maken, programma toevoegen, wijzigen, verwijderen, terugzetten, ongedaan maken en herladen', async ({
  page,
  app,
  programmes,
  programmeForm,
  programmeDetail,
  trash,
  sidebar,
}) => {
  const first = 'Programma VSV Twente 2026-2030';
  const second = 'Regionaal programma VSV Twente';
  const third = 'Tijdelijke naam die ongedaan wordt';

  await test.step('werkbestand maken vanaf het startscherm', async () => {
    await app.createWorkspace('12 Twente', 'VSV Twente e2e');
    await programmes.expectShown();
    await expect(programmes.emptyMessage).toBeVisible();
    await expect(sidebar.nav).toContainText('12 Twente');
  });

  await test.step('programma toevoegen', async () => {
    await programmes.newProgramme.click();
    await programmeForm.expectNew();
    await programmeForm.fill({ name: first, start: '01-08-2026', end: '31-07-2030', status: 'Lopend', requested: '1.234.567,89' });
    await programmeForm.save.click();
    await programmeDetail.expectShown(first);
    await expect(programmeDetail.fact('Aangevraagd bedrag')).toHaveText('€ 1.234.567,89');
    await expect(programmeDetail.fact('Periode')).toContainText('01-08-2026');
    await expect(programmeDetail.fact('Periode')).toContainText('31-07-2030');
    await expect(programmeDetail.fact('Status')).toHaveText('Lopend');
  });

  await test.step('programma bewerken; de Geschiedenis toont oud → nieuw', async () => {
    await programmeDetail.edit.click();
    await programmeForm.expectEdit();
    await expect(programmeForm.name).toHaveValue(first);
    await expect(programmeForm.requested).toHaveValue('1.234.567,89');
    await programmeForm.fill({ name: second });
    await programmeForm.save.click();
    await programmeDetail.expectShown(second);
    await expect(programmeDetail.historyChange('Naam', first, second)).toBeVisible();
  });

  await test.step('verwijderen naar de Prullenbak', async () => {
    await programmeDetail.delete();
    await programmes.expectShown();
    await expect(programmes.emptyMessage).toBeVisible();
    await expect(page.getByRole('status')).toContainText(`Programma "${second}" is naar de Prullenbak verplaatst.`);
  });

  await test.step('terugzetten uit de Prullenbak', async () => {
    await sidebar.goTo('Prullenbak');
    await expect(trash.row(second)).toBeVisible();
    await trash.restore(second);
    await expect(page.getByText('De Prullenbak is leeg.')).toBeVisible();
    await sidebar.goTo("Programma's");
    await expect(programmes.programmeLink(second)).toBeVisible();
  });

  await test.step('opnieuw bewerken en met Ctrl+Z ongedaan maken', async () => {
    await programmes.openProgramme(second);
    await programmeDetail.expectShown(second);
    await programmeDetail.edit.click();
    await programmeForm.expectEdit();
    await programmeForm.fill({ name: third });
    await programmeForm.save.click();
    await programmeDetail.expectShown(third);

    // Ctrl+Z only undoes outside a text field: make sure nothing is focused but the body.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await page.keyboard.press('Control+z');

    await expect(page.getByRole('status')).toContainText('Ongedaan gemaakt');
    await programmeDetail.expectShown(second);
    await expect(programmeDetail.history.getByText('· ongedaan gemaakt')).toBeVisible();
  });

  await test.step('na herladen is alles zoals het was', async () => {
    await page.reload();
    await programmeDetail.expectShown(second);
    await expect(programmeDetail.fact('Aangevraagd bedrag')).toHaveText('€ 1.234.567,89');
    await sidebar.goTo("Programma's");
    await programmes.expectShown();
    await expect(programmes.table.getByRole('row')).toHaveCount(2); // header + one programme
    await expect(programmes.programmeLink(second)).toBeVisible();
  });
});
