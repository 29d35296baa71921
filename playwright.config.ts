import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

// Debian's Chromium where it is installed (our machines cannot download Playwright's own).
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  // Artifacts apart from the reports: Playwright empties its outputDir at the start of a run.
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    // The tests (npm test).
    { name: 'e2e', testIgnore: /screenshot\.spec\.ts$/ },
    // The README picture (npm run screenshot): made by the same fixtures, but not a test.
    { name: 'readme', testMatch: /screenshot\.spec\.ts$/ },
  ],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
