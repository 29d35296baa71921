import { defineConfig } from 'vitest/config';

// The core's undo and import-planning tests, for the second mutation pass (stryker.core.config.mjs):
// each works on an in-memory database with the migrations applied, no files.
export default defineConfig({
  test: {
    include: ['tests/unit/history-undo-plan.test.ts', 'tests/unit/excel-plan-rows.test.ts'],
    environment: 'node',
    // Stryker runs these tests once per mutant: without isolation the modules they import are
    // loaded once per worker instead of once per run, about twice as fast. Safe here: the code
    // mutated keeps no state between runs (the import's cache of the file read lies outside the
    // mutated lines and holds the file's cells only).
    isolate: false,
  },
});
