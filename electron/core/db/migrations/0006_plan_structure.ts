import type { Migration } from './index';

/**
 * The plan's own structure (issue 12): a measure can be itself its one activity (`single`), or hold
 * the place of an activity directly under a programme line (`activity`). Both keep their template
 * in one activity row under the measure, so budget, results, monitoring and the Excel exchange keep
 * one code path; existing measures stay ordinary measures with activities.
 */
export const m0006_plan_structure: Migration = {
  version: 6,
  name: 'plan_structure',
  sql: `
    ALTER TABLE measure ADD COLUMN shape TEXT NOT NULL DEFAULT 'measure' CHECK (shape IN ('measure', 'single', 'activity'));
  `,
};
