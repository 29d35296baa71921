// Mutation testing of the rules users trust most (npm run mutation; docs/TESTING.md has the
// scores). Stryker plants small bugs in these files, one at a time, and runs the unit tests of
// vitest.mutation.config.mts against each; a bug that no test notices is a surviving mutant.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    // The status of a result, and which target it is held to (values.ts from resolveTarget on).
    'shared/results/status.ts',
    'shared/results/values.ts:117-157',
    'shared/money.ts',
    'shared/natsort.ts',
    'shared/dates.ts',
    'shared/budget/checks.ts',
    'shared/budget/model.ts',
    'shared/monitoring/actions.ts',
    // The privacy guard: which column titles mean data about one young person.
    'electron/core/excel/book.ts:171-203',
  ],
  // Module-level constants (the privacy guard's list of patterns, the collator's options) can only
  // be mutated by reloading every test file per mutant: that would triple the run. Their cases are
  // held by name in the tests instead (excel-cells.test.ts, natsort.test.ts).
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'test-results/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: 85 },
};
