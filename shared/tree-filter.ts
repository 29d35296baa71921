/**
 * Filtering the programme tree by partner, target group and status. A measure stays visible when
 * it matches itself or has matching activities; only matching activities are shown under it.
 */
import type { ProgrammeTree, TreeActivity, TreeLine, TreeMeasure } from './schemas/tree';

export interface TreeFilters {
  partner: string;
  targetGroup: string;
  status: string;
}
export const noFilters: TreeFilters = { partner: '', targetGroup: '', status: '' };

export const isFiltered = (f: TreeFilters) => f.partner !== '' || f.targetGroup !== '' || f.status !== '';

type Filterable = { leadOrganisationId: string | null; executorIds: string[]; targetGroups: string[]; status: string };

export function matches(x: Filterable, f: TreeFilters): boolean {
  if (f.partner && x.leadOrganisationId !== f.partner && !x.executorIds.includes(f.partner)) return false;
  if (f.targetGroup && !x.targetGroups.includes(f.targetGroup)) return false;
  if (f.status && x.status !== f.status) return false;
  return true;
}

export interface FilteredTree {
  lines: { line: TreeLine; measures: { measure: TreeMeasure; activities: TreeActivity[] }[] }[];
  shownActivities: number;
  totalActivities: number;
}

export function filterTree(tree: ProgrammeTree, f: TreeFilters): FilteredTree {
  const on = isFiltered(f);
  let shown = 0;
  let total = 0;
  const lines = tree.lines
    .map((line) => {
      const measures = line.measures
        .map((measure) => {
          total += measure.activities.length;
          const activities = on ? measure.activities.filter((a) => matches(a, f)) : measure.activities;
          return { measure, activities, visible: !on || activities.length > 0 || matches(measure, f) };
        })
        .filter((x) => x.visible)
        .map(({ measure, activities }) => {
          shown += activities.length;
          return { measure, activities };
        });
      return { line, measures };
    })
    .filter((x) => !on || x.measures.length > 0);
  return { lines, shownActivities: shown, totalActivities: total };
}

/** Every target group used in the tree, for the filter's choices. */
export function targetGroupsIn(tree: ProgrammeTree): string[] {
  const all = new Set<string>();
  for (const l of tree.lines) for (const m of l.measures) for (const x of [m, ...m.activities]) x.targetGroups.forEach((g) => all.add(g));
  return [...all].sort((a, b) => a.localeCompare(b, 'nl'));
}
