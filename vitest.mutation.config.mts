import { defineConfig } from 'vitest/config';

// The unit tests of the pure rules, for mutation testing (stryker.config.mjs): fast, no database,
// no files. Stryker runs them once per mutant that they cover.
export default defineConfig({
  test: {
    include: [
      'tests/unit/results-status.test.ts',
      'tests/unit/money.test.ts',
      'tests/unit/natsort.test.ts',
      'tests/unit/dates.test.ts',
      'tests/unit/budget-checks.test.ts',
      'tests/unit/budget-rollup.test.ts',
      'tests/unit/monitoring-logic.test.ts',
      'tests/unit/excel-cells.test.ts',
      'tests/unit/results-values.test.ts',
      'tests/unit/results-periods.test.ts',
      'tests/unit/results-rules.test.ts',
      'tests/unit/monitoring-questions.test.ts',
      'tests/unit/budget-overview.test.ts',
    ],
    environment: 'node',
    // Stryker runs these tests once per mutant: without isolation the modules they import are
    // loaded once per worker instead of once per run (no test here keeps state between tests).
    isolate: false,
  },
});
