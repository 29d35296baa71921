import type { Migration } from './index';

/**
 * The budget overview at 2,000 activities (issue 13): its rollups read every budget line of a
 * programme and the sum of each line's spend. Two covering indexes let both be answered from the
 * indexes alone, without a table lookup per line or per spend entry:
 * - budget_line_facts: a measure's live lines with every column the rollups and checks group on;
 * - spend_sum_by_line: a line's live spend amounts (the correlated sum per line).
 */
export const m0012_budget_rollup_indexes: Migration = {
  version: 12,
  name: 'budget_rollup_indexes',
  sql: `
    CREATE INDEX budget_line_facts ON budget_line(measure_id, deleted_at, year, funding_source, category, partner_id, in_kind, management, planned_cents, activity_id, id);
    CREATE INDEX spend_sum_by_line ON spend(budget_line_id, deleted_at, amount_cents);
  `,
};
