import path from 'node:path';
import { test, expect } from './fixtures';
import { ROOT } from './host';

// The README screenshot. Every run walks the same path and keeps a copy under test-results/, but
// docs/screenshot.png is written only with UPDATE_SCREENSHOT=1, so ordinary test runs never modify
// the repository:  UPDATE_SCREENSHOT=1 npx playwright test screenshot
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

  const file = process.env.UPDATE_SCREENSHOT === '1' ? path.join(ROOT, 'docs', 'screenshot.png') : testInfo.outputPath('screenshot.png');
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  await testInfo.attach('screenshot', { path: file, contentType: 'image/png' });
});
