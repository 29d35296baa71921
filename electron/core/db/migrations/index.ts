/**
 * Numbered, forward-only migrations, statically imported (no file-system scan, so a bundled app
 * carries them). Each runs in one transaction that also sets PRAGMA user_version.
 * Never edit a migration that has shipped: add the next one.
 */
import { m0001_foundation } from './0001_foundation';
import { m0002_programme_tree } from './0002_programme_tree';
import { m0003_money } from './0003_money';
import { m0004_results } from './0004_results';
import { m0005_monitoring } from './0005_monitoring';
import { m0006_plan_structure } from './0006_plan_structure';
import { m0007_edits } from './0007_edits';
import { m0008_reporting_periods } from './0008_reporting_periods';
import { m0009_duo_import } from './0009_duo_import';
import { m0010_privacy } from './0010_privacy';
import { m0011_search_index } from './0011_search_index';
import { m0012_budget_rollup_indexes } from './0012_budget_rollup_indexes';
import { m0013_budget_line_totals } from './0013_budget_line_totals';
import { m0014_indicator_results } from './0014_indicator_results';
import { m0015_participants_reached } from './0015_participants_reached';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [m0001_foundation, m0002_programme_tree, m0003_money, m0004_results, m0005_monitoring, m0006_plan_structure, m0007_edits, m0008_reporting_periods, m0009_duo_import, m0010_privacy, m0011_search_index, m0012_budget_rollup_indexes, m0013_budget_line_totals, m0014_indicator_results, m0015_participants_reached];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
