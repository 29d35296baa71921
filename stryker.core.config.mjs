// The second pass of npm run mutation: the core's undo and redo planning and the import's dry
// run, with their tests on an in-memory database (vitest.mutation-core.config.mts). The shared
// rules they call are mutated in the first pass (stryker.config.mjs) with the pure tests.
import rules from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...rules,
  vitest: { configFile: 'vitest.mutation-core.config.mts', related: false },
  mutate: [
    // Undo and redo: what a reversal does, when it is refused, each window's stack.
    'electron/core/history/undo.ts',
    // The import's dry run of a workspace workbook: a value as shown (display), what each row
    // changes (planSheet) and whether its references hold (checkRefs). Line 360 hands a partner's
    // input sheet to planInputSheet: the partner route is tested on workspace files (excel-partner*).
    'electron/core/excel/import.ts:71-94',
    'electron/core/excel/import.ts:354-359',
    'electron/core/excel/import.ts:361-508',
  ],
  jsonReporter: { fileName: 'test-results/mutation/mutation-core.json' },
};
