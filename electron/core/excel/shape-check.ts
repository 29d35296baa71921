/**
 * The dry run's check of the plan's own structure: a measure that is its own activity, or an
 * activity directly under a programme line, has exactly one activity after the import. Looks at the
 * store and at the file's measure and activity rows together (the one check that spans two sheets).
 */
import type { Db } from './kinds';
import type { Row } from './sheets';
import { holdsOneActivity } from '../../../shared/schemas/tree';
import { t } from '../../../shared/i18n/nl';

export interface ShapeRow {
  kind: string;
  id: string;
  status: string;
  values: Row;
}

export interface ShapeIssue<R> {
  row: R;
  key: 'shape' | 'measureId';
  message: string;
}

export async function shapeIssues<R extends ShapeRow>(db: Db, rows: R[], activitySheet: string): Promise<ShapeIssue<R>[]> {
  const live = (r: R) => r.status !== 'rejected' && r.status !== 'unchanged' && !!r.id;
  const measureRows = rows.filter((r) => r.kind === 'measure' && live(r));
  const activityRows = rows.filter((r) => r.kind === 'activity' && live(r));
  if (!measureRows.length && !activityRows.length) return [];

  const shape = new Map((await db.selectFrom('measure').select(['id', 'shape']).where('deletedAt', 'is', null).execute()).map((m) => [m.id, m.shape]));
  // A file without the Vorm column (made before it existed) leaves the shape as it is.
  for (const r of measureRows) if (r.values.shape !== undefined) shape.set(r.id, String(r.values.shape ?? 'measure'));
  const placeOf = new Map((await db.selectFrom('activity').select(['id', 'measureId']).where('deletedAt', 'is', null).execute()).map((a) => [a.id, a.measureId]));
  const stored = new Map(placeOf);
  for (const r of activityRows) if (r.values.measureId) placeOf.set(r.id, String(r.values.measureId));

  const count = new Map<string, number>();
  for (const m of placeOf.values()) count.set(m, (count.get(m) ?? 0) + 1);
  const label = (s: string) => t(`shape.${s}` as 'shape.single');
  const out: ShapeIssue<R>[] = [];
  for (const [measureId, s] of shape) {
    if (!holdsOneActivity(s)) continue;
    const n = count.get(measureId) ?? 0;
    if (n === 1) continue;
    const vars = { id: measureId, shape: label(s), measure: label('measure'), sheet: activitySheet, n };
    // Blame the rows of this file that cause it: activities it brings in, else the measure's own row.
    const newcomers = activityRows.filter((r) => placeOf.get(r.id) === measureId && stored.get(r.id) !== measureId);
    const measureRow = measureRows.find((r) => r.id === measureId);
    if (n > 1 && newcomers.length) for (const r of newcomers) out.push({ row: r, key: 'measureId', message: t('xl.plan.shapeManyActivities', vars) });
    else if (measureRow) out.push({ row: measureRow, key: 'shape', message: t(n === 0 ? 'xl.plan.shapeNoActivity' : 'xl.plan.shapeManyActivities', vars) });
    else for (const r of activityRows.filter((a) => stored.get(a.id) === measureId)) out.push({ row: r, key: 'measureId', message: t('xl.plan.shapeNoActivity', vars) });
  }
  return out;
}
