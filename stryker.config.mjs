// Mutation testing of the rules users trust most (npm run mutation; docs/TESTING.md has the
// scores). Stryker plants small bugs in these files, one at a time, and runs the unit tests of
// vitest.mutation.config.mts against each; a bug that no test notices is a surviving mutant.
// The core's undo and import planning run in a second pass (stryker.core.config.mjs) with their
// in-memory database tests only: here those tests would also run for every mutant of the shared
// rules they happen to call (money, dates), which would double the run.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    // Results: the status of a result, the values that count and the target they are held to,
    // periods, moments, school years, Dutch numbers, the chart axis, linked parts, pasted figures.
    'shared/results/*.ts',
    '!shared/results/types.ts',
    'shared/money.ts',
    'shared/natsort.ts',
    'shared/dates.ts',
    'shared/budget/checks.ts',
    'shared/budget/model.ts',
    'shared/budget/rollup.ts',
    'shared/monitoring/actions.ts',
    'shared/monitoring/questions.ts',
    // The privacy guard on column titles: which titles mean data about one young person.
    'electron/core/excel/privacy.ts:31-35',
    'electron/core/excel/norm.ts',
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
