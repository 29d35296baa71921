/**
 * Money that follows the programme tree: budget lines on an activity move with the activity to
 * its new measure, in the same change set (so one undo puts both back).
 */
import type { Tracker } from '../history/tracker';

export async function moveActivityBudgetLines(tr: Tracker, activityId: string, measureId: string): Promise<void> {
  const rows = await tr.trx.selectFrom('budgetLine').select('id').where('activityId', '=', activityId).where('deletedAt', 'is', null).execute();
  for (const r of rows) await tr.update('budgetLine', r.id, { measureId });
}
