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
      'tests/unit/dates-input.test.ts',
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
    // Isolated (each run loads the modules afresh): shared/results/moments.ts keeps a cache of
    // moment windows, which a mutant would leave behind for the next run. The core pass runs
    // without isolation (vitest.mutation-core.config.mts).
  },
});
