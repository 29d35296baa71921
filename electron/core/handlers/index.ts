/**
 * All handlers, grouped per domain. The spread below makes the compiler refuse a contract channel
 * without a handler; assertNoOverlap refuses a channel handled in two groups.
 */
import type { Handlers } from './types';
import { workspaceHandlers } from './workspace';
import { programmeHandlers } from './programmes';
import { historyHandlers } from './history';
import { partnerHandlers } from './partners';
import { treeHandlers } from './tree';
import { budgetHandlers } from './budget';
import { resultHandlers } from './results';
import { monitoringHandlers } from './monitoring';
import { exchangeHandlers } from './exchange';
import { backupHandlers } from './backups';
import { duoHandlers } from './duo';
import { planHandlers } from './plan';

const groups: object[] = [workspaceHandlers, programmeHandlers, partnerHandlers, treeHandlers, budgetHandlers, resultHandlers, monitoringHandlers, historyHandlers, exchangeHandlers, backupHandlers, duoHandlers, planHandlers];

export function assertNoOverlap(list: object[]): void {
  const seen = new Set<string>();
  for (const g of list)
    for (const name of Object.keys(g)) {
      if (seen.has(name)) throw new Error(`Channel ${name} is handled twice`);
      seen.add(name);
    }
}
assertNoOverlap(groups);

export const allHandlers: Handlers = {
  ...workspaceHandlers,
  ...programmeHandlers,
  ...partnerHandlers,
  ...treeHandlers,
  ...budgetHandlers,
  ...resultHandlers,
  ...monitoringHandlers,
  ...historyHandlers,
  ...exchangeHandlers,
  ...backupHandlers,
  ...duoHandlers,
  ...planHandlers,
};
