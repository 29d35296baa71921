/**
 * Playwright fixtures: every test gets its own browser host (`node dist/host.cjs --data-dir
 * <fresh temp dir> --port 0`), so tests never share a workspace or settings. The host is stopped
 * and its data folder removed afterwards. Nothing is built here: run `npm run build` first.
 */
import { test as base, expect } from '@playwright/test';
import { E2E_TODAY, startHost, type RunningHost } from './host';
import { StartPage } from './pages/StartPage';
import { ProgrammesPage } from './pages/ProgrammesPage';
import { ProgrammeFormPage } from './pages/ProgrammeFormPage';
import { ProgrammeDetailPage } from './pages/ProgrammeDetailPage';
import { TrashPage } from './pages/TrashPage';
import { Sidebar } from './pages/Sidebar';

interface Fixtures {
  /** The host's date (REGIEBOEK_TODAY); test.use({ today }) sets another. */
  today: string;
  host: RunningHost;
  /** The page, opened on the host's URL (with token) and rendered. */
  app: StartPage;
  programmes: ProgrammesPage;
  programmeForm: ProgrammeFormPage;
  programmeDetail: ProgrammeDetailPage;
  trash: TrashPage;
  sidebar: Sidebar;
}

export const test = base.extend<Fixtures>({
  today: [E2E_TODAY, { option: true }],
  host: async ({ today }, use, testInfo) => {
    const host = await startHost({ today });
    try {
      await use(host);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host-output', { body: host.output(), contentType: 'text/plain' });
      await host.stop();
    }
  },
  app: async ({ page, host }, use) => {
    const start = new StartPage(page, host);
    await start.open();
    await use(start);
  },
  programmes: async ({ page }, use) => use(new ProgrammesPage(page)),
  programmeForm: async ({ page }, use) => use(new ProgrammeFormPage(page)),
  programmeDetail: async ({ page }, use) => use(new ProgrammeDetailPage(page)),
  trash: async ({ page }, use) => use(new TrashPage(page)),
  sidebar: async ({ page }, use) => use(new Sidebar(page)),
});

export { expect };
