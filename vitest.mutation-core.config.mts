import { defineConfig } from 'vitest/config';

// The core's undo and import-planning tests, for the second mutation pass (stryker.core.config.mjs):
// each works on an in-memory database with the migrations applied, no files.
export default defineConfig({
  test: {
    include: ['tests/unit/history-undo-plan.test.ts', 'tests/unit/excel-plan-rows.test.ts'],
    environment: 'node',
    // Stryker runs these tests once per mutant: without isolation the modules they import are
    // loaded once per worker instead of once per run (no test here keeps state between tests).
    isolate: false,
  },
});
