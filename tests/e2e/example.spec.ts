import { test, expect } from './fixtures';
import { MonitoringRoundsPage } from './pages/MonitoringPages';

// The example region moves with the clock (electron/core/demo/calendar.ts): on any date it is a
// programme under way, with figures up to the last months and a monitoring round ahead. The host
// runs on the date of each case (REGIEBOEK_TODAY); the expected values are written out per date.
const CASES = [
  { today: '2027-03-01', nl: '01-03-2027', running: 'Regionaal programma VSV 2024-2028', ended: 'Regionaal programma VSV 2020-2024', next: 'Monitoringgesprekken april 2027', held: 'Monitoringgesprekken juni 2026' },
  { today: '2031-09-01', nl: '01-09-2031', running: 'Regionaal programma VSV 2028-2032', ended: 'Regionaal programma VSV 2024-2028', next: 'Monitoringgesprekken oktober 2031', held: 'Monitoringgesprekken juni 2030' },
];

for (const c of CASES)
  test.describe(`op ${c.nl}`, () => {
    test.use({ today: c.today });

    test(`de voorbeeldregio is op ${c.nl} een lopend programma met een ronde in voorbereiding`, async ({ page, app, programmes, sidebar }) => {
      await app.openExampleRegion();
      await programmes.expectShown();
      await expect(sidebar.nav).toContainText('Voorbeeldregio');
      const row = (name: string) => programmes.table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
      await expect(row(c.running)).toContainText('Lopend');
      await expect(row(c.ended)).toContainText('Afgerond');

      // Results as of the host's today.
      await sidebar.nav.getByRole('link', { name: 'Resultaten', exact: true }).click();
      await expect(page.getByText(`stand op ${c.nl}`).first()).toBeVisible();

      // Monitoring: the round ahead and the rounds held, moved with the clock.
      const rounds = new MonitoringRoundsPage(page);
      await rounds.open();
      await expect(rounds.upcoming.getByRole('link', { name: c.next, exact: true })).toBeVisible();
      await expect(rounds.roundLink(c.held)).toBeVisible();
    });
  });
