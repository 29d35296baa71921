import path from 'node:path';
import { test, expect } from './fixtures';
import { ROOT } from './host';

// The README picture, not a test: `npm run screenshot` (Playwright project "readme") writes
// docs/screenshot.png; `npm test` does not run it.
test.use({ viewport: { width: 1366, height: 768 } });

test('schermafbeelding van een programma in de voorbeeldregio', async ({ page, app, programmes, programmeDetail }, testInfo) => {
  const name = 'Regionaal programma VSV 2024-2028';
  await app.openExampleRegion();
  await programmes.expectShown();
  await programmes.openProgramme(name);
  await programmeDetail.expectShown(name);
  // Wait until the facts and the history have loaded, so the picture is complete.
  await expect(programmeDetail.fact('Toegekend bedrag')).toContainText('€');
  await expect(programmeDetail.history.getByRole('listitem').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);

  const file = path.join(ROOT, 'docs', 'screenshot.png');
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  await testInfo.attach('screenshot', { path: file, contentType: 'image/png' });
});
