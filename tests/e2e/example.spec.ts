import { test, expect } from './fixtures';

test('Voorbeeldregio openen toont de programma\'s van de voorbeeldregio', async ({ app, programmes, sidebar }) => {
  await app.openExampleRegion();
  await programmes.expectShown();
  await expect(programmes.programmeLink('Regionaal programma VSV 2024-2028')).toBeVisible();
  await expect(sidebar.nav).toContainText('Voorbeeldregio');
});
