import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Code that falls back to the app's own data folder (migration backups of a file opened without
// one) writes into this run's scratch folder, never into the user's; tests/unit/global-setup.ts removes it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regieboek-unit-data-'));

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // A guard against hangs, not a speed check: the suite runs beside other work on 2 cores.
    testTimeout: 60_000,
    env: { REGIEBOEK_DATA_DIR: dataDir },
    globalSetup: ['tests/unit/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
