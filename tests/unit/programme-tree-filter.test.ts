import { describe, expect, it } from 'vitest';
import { filterTree, noFilters, targetGroupsIn } from '../../shared/tree-filter';
import type { ProgrammeTree, TreeActivity, TreeMeasure } from '../../shared/schemas/tree';

const act = (code: string, o: Partial<TreeActivity> = {}): TreeActivity => ({
  id: code,
  code,
  name: `Activiteit ${code}`,
  status: 'lopend',
  targetGroups: [],
  leadOrganisationId: null,
  executorIds: [],
  startDate: null,
  endDate: null,
  subActivities: [],
  ...o,
});
const measure = (code: string, activities: TreeActivity[], o: Partial<TreeMeasure> = {}): TreeMeasure => ({
  id: code,
  code,
  name: `Maatregel ${code}`,
  status: 'lopend',
  plusvoorziening: false,
  targetGroups: [],
  leadOrganisationId: null,
  executorIds: [],
  shape: 'measure',
  activities,
  ...o,
});

const tree: ProgrammeTree = {
  id: 'p',
  name: 'P',
  periodStart: '2024-08-01',
  periodEnd: '2028-07-31',
  lines: [
    {
      id: 'l1',
      code: '1',
      name: 'Een',
      description: '',
      measures: [
        measure('1.1', [act('1.1.1', { leadOrganisationId: 'roc', targetGroups: ['mbo 1'] }), act('1.1.2', { executorIds: ['gemeente'], status: 'gestopt' })]),
        measure('1.2', [act('1.2.1', { targetGroups: ['vmbo 4'] })], { leadOrganisationId: 'gemeente' }),
      ],
    },
    { id: 'l2', code: '2', name: 'Twee', description: '', measures: [measure('2.1', [act('2.1.1', { targetGroups: ['mbo 1'] })])] },
  ],
};

const codes = (f: ReturnType<typeof filterTree>) => f.lines.flatMap((l) => l.measures.map((m) => `${m.measure.code}:${m.activities.map((a) => a.code).join(',')}`));

describe('filtering the programme tree', () => {
  it('shows everything without filters', () => {
    const r = filterTree(tree, noFilters);
    expect(codes(r)).toEqual(['1.1:1.1.1,1.1.2', '1.2:1.2.1', '2.1:2.1.1']);
    expect([r.shownActivities, r.totalActivities]).toEqual([4, 4]);
  });

  it('filters by partner as penvoerder or uitvoerder, keeping a measure that is itself a match', () => {
    const r = filterTree(tree, { ...noFilters, partner: 'gemeente' });
    // 1.1.2 has gemeente as executor; measure 1.2 has gemeente as lead but none of its activities do.
    expect(codes(r)).toEqual(['1.1:1.1.2', '1.2:']);
    expect(r.shownActivities).toBe(1);
  });

  it('filters by target group and status, and drops lines without matches', () => {
    expect(codes(filterTree(tree, { ...noFilters, targetGroup: 'mbo 1' }))).toEqual(['1.1:1.1.1', '2.1:2.1.1']);
    const stopped = filterTree(tree, { ...noFilters, status: 'gestopt' });
    expect(codes(stopped)).toEqual(['1.1:1.1.2']);
    expect(stopped.lines.map((l) => l.line.code)).toEqual(['1']);
    expect(filterTree(tree, { partner: 'roc', targetGroup: 'vmbo 4', status: '' }).lines).toEqual([]);
  });

  it('lists every target group once, sorted', () => {
    expect(targetGroupsIn(tree)).toEqual(['mbo 1', 'vmbo 4']);
  });
});
