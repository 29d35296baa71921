/**
 * Money: awards, budget lines, spend, rule settings and the overviews. Every write is one tracked
 * change set, so history, undo and the Prullenbak cover it; a budget line goes to the Prullenbak
 * together with its spend.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { handlers } from './types';
import type { Database } from '../db/schema';
import { tracked, type Tracker } from '../history/tracker';
import { entityName } from '../history/entities';
import { UserError } from '../errors';
import { fieldLabel, t, type MessageKey } from '../../../shared/i18n/nl';
import { findProgramme } from '../db/queries/programmes';
import { findActivity, findMeasure } from '../db/queries/tree';
import { budgetChecks, budgetOverview, findAward, findBudgetLine, findSpend, getRules, listAwards, listBudgetLines, listSpend } from '../db/queries/budget';
import { pageBudgetLines, pageSpend } from '../db/queries/budget-pages';
import { ownActivityOf } from './own-activity';
import { assertOrganisations } from './tree';
import { RESERVE_CATEGORY } from '../../../shared/budget';
import { formatCents } from '../../../shared/money';
import { formatDate } from '../../../shared/dates';
import type { BudgetLineInput, SpendInput } from '../../../shared/schemas/budget';

type Db = Kysely<Database>;

const notFound = (entity: string) => new UserError('not_found', t('err.notFound', { entity: entityName(entity) }));
async function must<T>(p: Promise<T | undefined>, entity: string): Promise<T> {
  const v = await p;
  if (!v) throw notFound(entity);
  return v;
}
// 'kind' and 'date' are labelled for targets and results in the shared field list; money names its own.
const ownLabels: Record<string, MessageKey> = { kind: 'budget.field.kind', date: 'budget.field.date' };
const labelOf = (field: string) => (ownLabels[field] ? t(ownLabels[field]) : fieldLabel(field));
const fieldError = (field: string, key: MessageKey) => new UserError('invalid_input', `${labelOf(field)}: ${t(key)}`, field);
const meta = (ctx: { user: string; session: string }, action: string, entity: string, name: string) => ({
  user: ctx.user,
  session: ctx.session,
  action,
  label: t(`label.${action}` as MessageKey, { entity: entityName(entity), name }),
});
const stamp = (tr: Tracker) => ({ createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null });
const awardName = (a: { stream: string; year: number }) => `${t(`source.${a.stream}` as MessageKey)} ${a.year}`;
const lineName = (l: { year: number; costItem: string }) => `${l.year} ${l.costItem}`;
const spendName = (s: { date: string | null; year: number; amountCents: number; description: string }) =>
  [s.date ? formatDate(s.date) : String(s.year), s.description, formatCents(s.amountCents)].filter(Boolean).join(' ');

async function mustProgramme(db: Db, id: string) {
  const p = await findProgramme(db, id);
  if (!p) throw new UserError('invalid_input', `${fieldLabel('programmeId')}: ${t('err.notFound', { entity: entityName('programme') })}`, 'programmeId');
  return p;
}

/** Measure, activity and partner of a budget line must exist, and the activity must be the measure's. */
async function lineColumns(db: Db, i: Omit<BudgetLineInput, 'measureId'> & { measureId: string }, keepPartnerId?: string | null) {
  const measure = await findMeasure(db, i.measureId);
  if (!measure) throw new UserError('invalid_input', `${fieldLabel('measureId')}: ${t('err.notFound', { entity: entityName('measure') })}`, 'measureId');
  if (i.activityId) {
    const a = await findActivity(db, i.activityId);
    if (!a) throw new UserError('invalid_input', `${fieldLabel('activityId')}: ${t('err.notFound', { entity: entityName('activity') })}`, 'activityId');
    if (a.measureId !== i.measureId) throw fieldError('activityId', 'val.activityOtherMeasure');
  }
  // A partner already on the line may since have gone to the Prullenbak; keeping it is allowed.
  if (i.partnerId !== keepPartnerId) await assertOrganisations(db, { partnerId: i.partnerId });
  return {
    measureId: i.measureId,
    // An item that is its own activity keeps its money on that activity, so its pages show all of it.
    activityId: i.activityId ?? (await ownActivityOf(db, i.measureId)) ?? null,
    year: i.year,
    costItem: i.costItem,
    kind: i.kind,
    fte: i.fte,
    hours: i.hours,
    fundingSource: i.fundingSource,
    category: i.category,
    management: i.management ? 1 : 0,
    partnerId: i.partnerId,
    inKind: i.inKind ? 1 : 0,
    plannedCents: i.plannedCents,
    notes: i.notes,
  };
}

/** Spend: negative only as a correction or on a reservation line; one year total per line. */
export async function spendColumns(db: Db, lineId: string, i: Omit<SpendInput, 'budgetLineId'>, exceptId?: string) {
  const line = await findBudgetLine(db, lineId);
  if (!line) throw new UserError('invalid_input', `${fieldLabel('budgetLineId')}: ${t('err.notFound', { entity: entityName('budgetLine') })}`, 'budgetLineId');
  if (i.amountCents < 0 && i.kind !== 'correction' && line.category !== RESERVE_CATEGORY) throw fieldError('amountCents', 'val.negativeSpend');
  if (i.kind === 'year_total') {
    const others = await db
      .selectFrom('spend')
      .select('id')
      .where('budgetLineId', '=', lineId)
      .where('kind', '=', 'year_total')
      .where('deletedAt', 'is', null)
      .where('id', '!=', exceptId ?? '')
      .executeTakeFirst();
    if (others) throw fieldError('kind', 'val.yearTotalTwice');
  }
  const date = i.kind === 'year_total' ? null : i.date;
  return {
    budgetLineId: lineId,
    kind: i.kind,
    date,
    year: date ? Number(date.slice(0, 4)) : line.year,
    amountCents: i.amountCents,
    description: i.description,
    reference: i.reference,
  };
}

export const budgetHandlers = handlers({
  'budget.overview': async ({ programmeId }, ctx) => must(budgetOverview(ctx.db(), programmeId), 'programme'),
  'budget.checks': async ({ programmeId }, ctx) => must(budgetChecks(ctx.db(), programmeId), 'programme'),

  'budget.rules.update': async ({ programmeId, ...rules }, ctx) => {
    const db = ctx.db();
    const p = await mustProgramme(db, programmeId);
    const row = { ...rules, checkAwards: rules.checkAwards ? 1 : 0 };
    const exists = await db.selectFrom('budgetRules').select('id').where('id', '=', programmeId).where('deletedAt', 'is', null).executeTakeFirst();
    await tracked(db, meta(ctx, 'update', 'budgetRules', p.name), (tr) =>
      exists ? tr.update('budgetRules', programmeId, row) : tr.insert('budgetRules', { id: programmeId, ...row, ...stamp(tr) }),
    );
    return getRules(db, programmeId);
  },

  'award.list': async ({ programmeId }, ctx) => {
    await mustProgramme(ctx.db(), programmeId);
    return listAwards(ctx.db(), programmeId);
  },

  'award.create': async ({ programmeId, ...i }, ctx) => {
    const db = ctx.db();
    await mustProgramme(db, programmeId);
    const id = randomUUID();
    await tracked(db, meta(ctx, 'create', 'award', awardName(i)), (tr) =>
      tr.insert('award', { id, programmeId, ...i, paymentDates: JSON.stringify(i.paymentDates), ...stamp(tr) }),
    );
    return must(findAward(db, id), 'award');
  },

  'award.update': async ({ id, rowVersion, ...i }, ctx) => {
    const db = ctx.db();
    const before = await must(findAward(db, id), 'award');
    await tracked(db, meta(ctx, 'update', 'award', awardName(before)), (tr) => tr.update('award', id, { ...i, paymentDates: JSON.stringify(i.paymentDates) }, { rowVersion }));
    return must(findAward(db, id), 'award');
  },

  'award.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findAward(db, id), 'award');
    await tracked(db, meta(ctx, 'delete', 'award', awardName(before)), (tr) => tr.trash('award', id, { rowVersion }));
    return null;
  },

  'budgetLine.list': async (filter, ctx) => {
    await mustProgramme(ctx.db(), filter.programmeId);
    return listBudgetLines(ctx.db(), filter);
  },

  'budgetLine.get': async ({ id }, ctx) => must(findBudgetLine(ctx.db(), id), 'budgetLine'),

  'budgetLine.create': async (i, ctx) => {
    const db = ctx.db();
    const cols = await lineColumns(db, i);
    const id = randomUUID();
    await tracked(db, meta(ctx, 'create', 'budgetLine', lineName(i)), (tr) => tr.insert('budgetLine', { id, ...cols, ...stamp(tr) }));
    return must(findBudgetLine(db, id), 'budgetLine');
  },

  'budgetLine.update': async ({ id, rowVersion, ...i }, ctx) => {
    const db = ctx.db();
    const before = await must(findBudgetLine(db, id), 'budgetLine');
    const cols = await lineColumns(db, i, before.partnerId);
    await tracked(db, meta(ctx, 'update', 'budgetLine', lineName(before)), (tr) => tr.update('budgetLine', id, cols, { rowVersion }));
    return must(findBudgetLine(db, id), 'budgetLine');
  },

  'budgetLine.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findBudgetLine(db, id), 'budgetLine');
    await tracked(db, meta(ctx, 'delete', 'budgetLine', lineName(before)), (tr) => tr.trash('budgetLine', id, { rowVersion }));
    return null;
  },

  'spend.list': async (filter, ctx) => {
    await mustProgramme(ctx.db(), filter.programmeId);
    return listSpend(ctx.db(), filter);
  },

  'spend.create': async ({ budgetLineId, ...i }, ctx) => {
    const db = ctx.db();
    const cols = await spendColumns(db, budgetLineId, i);
    const id = randomUUID();
    await tracked(db, meta(ctx, 'create', 'spend', spendName(cols)), (tr) => tr.insert('spend', { id, ...cols, ...stamp(tr) }));
    return must(findSpend(db, id), 'spend');
  },

  'spend.update': async ({ id, rowVersion, ...i }, ctx) => {
    const db = ctx.db();
    const before = await must(findSpend(db, id), 'spend');
    const cols = await spendColumns(db, before.budgetLineId, i, id);
    await tracked(db, meta(ctx, 'update', 'spend', spendName(before)), (tr) => tr.update('spend', id, cols, { rowVersion }));
    return must(findSpend(db, id), 'spend');
  },

  'spend.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findSpend(db, id), 'spend');
    await tracked(db, meta(ctx, 'delete', 'spend', spendName(before)), (tr) => tr.trash('spend', id, { rowVersion }));
    return null;
  },

  // Long lists one page at a time (issue 13): the screens ask for the rows they show.
  'budgetLine.page': async ({ offset, limit, ...filter }, ctx) => {
    await mustProgramme(ctx.db(), filter.programmeId);
    return pageBudgetLines(ctx.db(), filter, { offset, limit });
  },

  'spend.page': async ({ offset, limit, ...filter }, ctx) => {
    await mustProgramme(ctx.db(), filter.programmeId);
    return pageSpend(ctx.db(), filter, { offset, limit });
  },
});
