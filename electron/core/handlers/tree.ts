/**
 * The programme itself: programme lines, measures, activities and sub-activities. Each action is
 * one tracked change set, so history, undo and the Prullenbak cover it; a move is an update of
 * the parent id, which the history keeps as old -> new.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { handlers } from './types';
import type { Database } from '../db/schema';
import { tracked, type Tracker } from '../history/tracker';
import { entityDef, entityName } from '../history/entities';
import { UserError } from '../errors';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { programmeSchoolYears } from '../../../shared/participants';
import { findActivity, findLine, findMeasure, findMeasureDetail, inOrder, organisationNames, outlineActivities, programmeOutline, programmeTree } from '../db/queries/tree';
import { findProgramme } from '../db/queries/programmes';
import { searchAll } from '../db/queries/search';
import { moveActivityBudgetLines } from './budget-links';
import { adoptOwnActivity, measureFromActivity, syncOwnActivity } from './own-activity';
import { holdsOneActivity, type ActivityInput, type MeasureShape, type TreeEntity } from '../../../shared/schemas/tree';
import { looseDb } from '../db/loose';

type Db = Kysely<Database>;

const notFound = (entity: string) => new UserError('not_found', t('err.notFound', { entity: entityName(entity) }));

async function must<T>(p: Promise<T | undefined>, entity: string): Promise<T> {
  const v = await p;
  if (!v) throw notFound(entity);
  return v;
}

const coded = (r: { code?: string; number?: string; name: string }) => [r.code ?? r.number, r.name].filter(Boolean).join(' ');

/**
 * New references to partners must point at existing ones. A reference the record already had is
 * kept even when that partner is in the Prullenbak, so editing something else still saves.
 */
export async function assertOrganisations(db: Db, refs: Record<string, string | null | undefined | string[]>, existing: (string | null)[] = []): Promise<void> {
  const names = await organisationNames(db);
  const had = new Set(existing.filter(Boolean));
  for (const [field, v] of Object.entries(refs)) {
    const ids = Array.isArray(v) ? v : v ? [v] : [];
    if (ids.some((id) => !names.has(id) && !had.has(id))) throw new UserError('invalid_input', `${fieldLabel(field)}: ${t('val.unknownOrganisation')}`, field);
  }
}

/** Where codes must be unique: lines and measures per programme, activities per measure, sub-activities per activity. */
const scope: Record<TreeEntity, { parent: string; codeColumn: 'code' | 'number' }> = {
  programmeLine: { parent: 'programmeId', codeColumn: 'code' },
  measure: { parent: 'programmeId', codeColumn: 'code' },
  activity: { parent: 'measureId', codeColumn: 'code' },
  subActivity: { parent: 'activityId', codeColumn: 'number' },
};

type AnyRow = { id: string; name: string; sortOrder: number; [k: string]: unknown };
// The tree tables share their shape for these queries; the scope table above is the allowlist.
async function siblings(db: Db, entity: TreeEntity, parentId: string): Promise<AnyRow[]> {
  const { table } = entityDef(entity);
  return (await looseDb<AnyRow>(db).selectFrom(table).selectAll().where(scope[entity].parent, '=', parentId).where('deletedAt', 'is', null).execute()) as AnyRow[];
}

/** A duplicate code names the item that already has it, on the code field. */
async function assertCodeFree(db: Db, entity: TreeEntity, parentId: string, code: string, exceptId?: string): Promise<void> {
  if (!code) return;
  const col = scope[entity].codeColumn;
  const clash = (await siblings(db, entity, parentId)).find((r) => r.id !== exceptId && String(r[col]).toLowerCase() === code.toLowerCase());
  if (clash)
    throw new UserError(
      'conflict',
      `${fieldLabel(col)}: ${t('val.duplicateCode', { code, entity: entityName(entity).toLowerCase(), name: coded({ name: clash.name, [col]: String(clash[col]) }) })}`,
      col,
    );
}

/** New items go after items the user ordered by hand; otherwise natural code order decides. */
async function nextSortOrder(db: Db, entity: TreeEntity, parentId: string): Promise<number> {
  const max = Math.max(0, ...(await siblings(db, entity, parentId)).map((r) => r.sortOrder));
  return max > 0 ? max + 1 : 0;
}

const meta = (ctx: { user: string; session: string }, action: string, label: string) => ({ user: ctx.user, session: ctx.session, action, label });

function measureColumns(i: { lineId: string | null; code: string; name: string; description: string; plusvoorziening: boolean; targetGroups: string[]; leadOrganisationId: string | null; executorIds: string[]; status: string }) {
  return {
    lineId: i.lineId,
    code: i.code,
    name: i.name,
    description: i.description,
    plusvoorziening: i.plusvoorziening ? 1 : 0,
    targetGroups: JSON.stringify(i.targetGroups),
    leadOrganisationId: i.leadOrganisationId,
    executorIds: JSON.stringify([...new Set(i.executorIds)]),
    status: i.status,
  };
}

function activityColumns(i: Omit<ActivityInput, 'measureId' | 'lineId' | 'programmeId'>) {
  return {
    ...i,
    targetGroups: JSON.stringify(i.targetGroups),
    plannedParticipants: JSON.stringify(i.plannedParticipants.map((p) => ({ schoolYear: p.schoolYear, count: p.count }))),
    executorIds: JSON.stringify([...new Set(i.executorIds)]),
  };
}

/**
 * Planned participants only in the programme's school years: a 2016-2020 programme plans nothing
 * for 2026/2027. Refused with the year and the programme's years named.
 */
async function assertParticipantYears(db: Db, programmeId: string, planned: readonly { schoolYear: string }[]): Promise<void> {
  const p = await db.selectFrom('programme').select(['periodStart', 'periodEnd']).where('id', '=', programmeId).executeTakeFirst();
  if (!p) return;
  const years = programmeSchoolYears(p);
  const i = planned.findIndex((x) => !years.includes(x.schoolYear));
  if (i < 0) return;
  const field = `plannedParticipants.${i}.schoolYear`;
  throw new UserError('invalid_input', `${fieldLabel(field)}: ${t('val.yearOutsideProgramme', { year: planned[i]!.schoolYear, first: years[0] ?? '', last: years[years.length - 1] ?? '' })}`, field);
}

async function assertLineOf(db: Db, lineId: string | null, programmeId: string): Promise<void> {
  if (!lineId) return;
  const line = await findLine(db, lineId);
  if (!line) throw new UserError('invalid_input', `${fieldLabel('lineId')}: ${t('err.notFound', { entity: entityName('programmeLine') })}`, 'lineId');
  if (line.programmeId !== programmeId) throw new UserError('invalid_input', `${fieldLabel('lineId')}: ${t('val.lineOtherProgramme')}`, 'lineId');
}

const stamp = (tr: Tracker) => ({ createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null });

/** A measure that is itself an activity takes no activity under it. */
function assertTakesActivities(m: { code: string; name: string; shape: MeasureShape }): void {
  if (holdsOneActivity(m.shape)) throw new UserError('invalid_input', `${fieldLabel('measureId')}: ${t('shape.noSecondActivity', { name: coded(m) })}`, 'measureId');
}

/** A programme line (its programme with it), or the programme itself for an item without a line. */
async function lineOrProgramme(db: Db, lineId: string | null, programmeId: string | undefined): Promise<{ programmeId: string; lineId: string | null }> {
  if (lineId) {
    const line = await findLine(db, lineId);
    if (!line) throw new UserError('invalid_input', `${fieldLabel('lineId')}: ${t('err.notFound', { entity: entityName('programmeLine') })}`, 'lineId');
    if (programmeId && line.programmeId !== programmeId) throw new UserError('invalid_input', `${fieldLabel('lineId')}: ${t('val.lineOtherProgramme')}`, 'lineId');
    return { programmeId: line.programmeId, lineId };
  }
  const p = await must(findProgramme(db, programmeId ?? ''), 'programme');
  return { programmeId: p.id, lineId: null };
}

/** Monitoring inputs and actions hang on the measure level; an item that has them stays there. */
async function assertHolderEmpty(db: Db, measureId: string): Promise<void> {
  const count = async (table: 'monitoringInterview' | 'monitoringAction') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('measureId', '=', measureId).where('deletedAt', 'is', null).executeTakeFirst())?.n ?? 0);
  const n = (await count('monitoringInterview')) + (await count('monitoringAction'));
  if (n > 0) throw new UserError('conflict', `${fieldLabel('measureId')}: ${t('shape.holderHasMonitoring', { n })}`, 'measureId');
}

export const treeHandlers = handlers({
  'tree.get': async ({ programmeId }, ctx) => must(programmeTree(ctx.db(), programmeId), 'programme'),

  'tree.outline': async ({ programmeId, ...filters }, ctx) => must(programmeOutline(ctx.db(), programmeId, filters), 'programme'),

  'tree.activities': async ({ programmeId, measureIds, ...filters }, ctx) => {
    await must(findProgramme(ctx.db(), programmeId), 'programme');
    return outlineActivities(ctx.db(), programmeId, measureIds, filters);
  },

  'tree.reorder': async ({ entity, ids }, ctx) => {
    const db = ctx.db();
    const { table } = entityDef(entity);
    const rows = (await looseDb<AnyRow>(db).selectFrom(table).selectAll().where('id', 'in', ids).where('deletedAt', 'is', null).execute()) as AnyRow[];
    if (rows.length !== new Set(ids).size) throw notFound(entity);
    const parentKey = (r: AnyRow) => (entity === 'measure' ? `${String(r.programmeId)}|${String(r.lineId)}` : String(r[scope[entity].parent]));
    const parents = new Set(rows.map(parentKey));
    if (parents.size !== 1) throw new UserError('invalid_input', t('val.reorderSiblings'), 'ids');
    // Siblings not named keep their relative order after the named ones.
    const all = (await siblings(db, entity, String(rows[0]![scope[entity].parent]))).filter((r) => parentKey(r) === parentKey(rows[0]!));
    const withCode = (r: AnyRow) => ({ ...r, code: String(r[scope[entity].codeColumn]) });
    const rest = inOrder(all.filter((r) => !ids.includes(r.id)).map(withCode));
    const order = [...ids.map((id) => rows.find((r) => r.id === id)!), ...rest];
    const names = order.slice(0, 4).map((r) => coded(withCode(r)));
    await tracked(db, meta(ctx, 'update', t('label.reorder', { names: names.join(', ') + (order.length > 4 ? ', …' : '') })), async (tr) => {
      for (const [i, r] of order.entries()) await tr.update(entity, r.id, { sortOrder: i + 1 });
    });
    return null;
  },

  // ---- Programme lines

  'line.get': ({ id }, ctx) => must(findLine(ctx.db(), id), 'programmeLine'),

  'line.create': async ({ programmeId, ...input }, ctx) => {
    const db = ctx.db();
    await must(findProgramme(db, programmeId), 'programme');
    await assertCodeFree(db, 'programmeLine', programmeId, input.code);
    const id = randomUUID();
    const sortOrder = await nextSortOrder(db, 'programmeLine', programmeId);
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: entityName('programmeLine'), name: coded(input) })), (tr) =>
      tr.insert('programmeLine', { id, programmeId, ...input, sortOrder, ...stamp(tr) }),
    );
    return must(findLine(db, id), 'programmeLine');
  },

  'line.update': async ({ id, rowVersion, ...patch }, ctx) => {
    const db = ctx.db();
    const before = await must(findLine(db, id), 'programmeLine');
    await assertCodeFree(db, 'programmeLine', before.programmeId, patch.code, id);
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: entityName('programmeLine'), name: coded(before) })), (tr) => tr.update('programmeLine', id, patch, { rowVersion }));
    return must(findLine(db, id), 'programmeLine');
  },

  'line.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findLine(db, id), 'programmeLine');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: entityName('programmeLine'), name: coded(before) })), (tr) => tr.trash('programmeLine', id, { rowVersion }));
    return null;
  },

  // ---- Measures

  'measure.get': ({ id }, ctx) => must(findMeasureDetail(ctx.db(), id), 'measure'),

  'measure.create': async ({ programmeId, ...input }, ctx) => {
    const db = ctx.db();
    await must(findProgramme(db, programmeId), 'programme');
    await assertLineOf(db, input.lineId, programmeId);
    await assertCodeFree(db, 'measure', programmeId, input.code);
    await assertOrganisations(db, { leadOrganisationId: input.leadOrganisationId, executorIds: input.executorIds });
    const id = randomUUID();
    const sortOrder = await nextSortOrder(db, 'measure', programmeId);
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: entityName('measure'), name: coded(input) })), async (tr) => {
      await tr.insert('measure', { id, programmeId, ...measureColumns(input), shape: input.shape, sortOrder, ...stamp(tr) });
      // A measure that is its own activity gets that activity (with an empty template) at once.
      if (holdsOneActivity(input.shape)) await adoptOwnActivity(tr, id);
    });
    return must(findMeasureDetail(db, id), 'measure');
  },

  'measure.update': async ({ id, rowVersion, ...input }, ctx) => {
    const db = ctx.db();
    const before = await must(findMeasure(db, id), 'measure');
    await assertLineOf(db, input.lineId, before.programmeId);
    await assertCodeFree(db, 'measure', before.programmeId, input.code, id);
    await assertOrganisations(db, { leadOrganisationId: input.leadOrganisationId, executorIds: input.executorIds }, [before.leadOrganisationId, ...before.executorIds]);
    const shape: MeasureShape = input.shape ?? before.shape;
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: entityName('measure'), name: coded(before) })), async (tr) => {
      await tr.update('measure', id, { ...measureColumns(input), shape }, { rowVersion });
      if (holdsOneActivity(shape)) await adoptOwnActivity(tr, id);
    });
    return must(findMeasureDetail(db, id), 'measure');
  },

  'measure.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findMeasure(db, id), 'measure');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: entityName('measure'), name: coded(before) })), (tr) => tr.trash('measure', id, { rowVersion }));
    return null;
  },

  // ---- Activities

  'activity.get': ({ id }, ctx) => must(findActivity(ctx.db(), id), 'activity'),

  'activity.create': async ({ measureId, lineId, programmeId, ...input }, ctx) => {
    const db = ctx.db();
    await assertOrganisations(db, { leadOrganisationId: input.leadOrganisationId, executorIds: input.executorIds });
    const id = randomUUID();
    const label = meta(ctx, 'create', t('label.create', { entity: entityName('activity'), name: coded(input) }));
    if (measureId) {
      const measure = await must(findMeasure(db, measureId), 'measure');
      assertTakesActivities(measure);
      await assertParticipantYears(db, measure.programmeId, input.plannedParticipants);
      await assertCodeFree(db, 'activity', measureId, input.code);
      const sortOrder = await nextSortOrder(db, 'activity', measureId);
      await tracked(db, label, (tr) => tr.insert('activity', { id, measureId, ...activityColumns(input), sortOrder, ...stamp(tr) }));
      return must(findActivity(db, id), 'activity');
    }
    // Directly under a programme line (or the programme): the item sits at the measure level, so its
    // code is unique among the measures, and a measure row of shape `activity` holds its place.
    const place = await lineOrProgramme(db, lineId ?? null, programmeId);
    await assertParticipantYears(db, place.programmeId, input.plannedParticipants);
    await assertCodeFree(db, 'measure', place.programmeId, input.code);
    const holder = randomUUID();
    const sortOrder = await nextSortOrder(db, 'measure', place.programmeId);
    const columns = activityColumns(input);
    await tracked(db, label, async (tr) => {
      await tr.insert('measure', { id: holder, programmeId: place.programmeId, lineId: place.lineId, ...measureFromActivity(columns), shape: 'activity', sortOrder, ...stamp(tr) });
      await tr.insert('activity', { id, measureId: holder, ...columns, sortOrder: 0, ...stamp(tr) });
    });
    return must(findActivity(db, id), 'activity');
  },

  'activity.update': async ({ id, rowVersion, ...input }, ctx) => {
    const db = ctx.db();
    const before = await must(findActivity(db, id), 'activity');
    await assertParticipantYears(db, before.programmeId, input.plannedParticipants);
    if (holdsOneActivity(before.measureShape)) await assertCodeFree(db, 'measure', before.programmeId, input.code, before.measureId);
    else await assertCodeFree(db, 'activity', before.measureId, input.code, id);
    await assertOrganisations(db, { leadOrganisationId: input.leadOrganisationId, executorIds: input.executorIds }, [before.leadOrganisationId, ...before.executorIds]);
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: entityName('activity'), name: coded(before) })), async (tr) => {
      await tr.update('activity', id, activityColumns(input), { rowVersion });
      await syncOwnActivity(tr, before.measureId, 'activity');
    });
    return must(findActivity(db, id), 'activity');
  },

  'activity.move': async ({ id, rowVersion, measureId, lineId }, ctx) => {
    const db = ctx.db();
    const before = await must(findActivity(db, id), 'activity');
    const own = holdsOneActivity(before.measureShape);
    const from = own ? (before.lineName ? coded({ code: before.lineCode ?? '', name: before.lineName }) : t('tree.noLine')) : coded({ code: before.measureCode, name: before.measureName });
    if (measureId) {
      const target = await findMeasure(db, measureId);
      if (!target) throw new UserError('invalid_input', `${fieldLabel('measureId')}: ${t('err.notFound', { entity: entityName('measure') })}`, 'measureId');
      if (target.id === before.measureId) return before;
      if (target.programmeId !== before.programmeId) throw new UserError('invalid_input', `${fieldLabel('measureId')}: ${t('val.moveOtherProgramme')}`, 'measureId');
      assertTakesActivities(target);
      await assertCodeFree(db, 'activity', measureId, before.code, id);
      // An item at the measure level that becomes an activity of a measure leaves its holder behind;
      // what hangs on the holder itself (monitoring inputs and actions) would go with it, so ask first.
      if (own) await assertHolderEmpty(db, before.measureId);
      const sortOrder = await nextSortOrder(db, 'activity', measureId);
      await tracked(db, meta(ctx, 'move', t('label.move', { entity: entityName('activity'), name: coded(before), from, to: coded(target) })), async (tr) => {
        await tr.update('activity', id, { measureId, sortOrder }, { rowVersion });
        await moveActivityBudgetLines(tr, id, measureId);
        if (own) await tr.trash('measure', before.measureId);
      });
      return must(findActivity(db, id), 'activity');
    }
    // To a programme line (null: none), as an activity directly under it.
    const place = await lineOrProgramme(db, lineId ?? null, before.programmeId);
    if (place.programmeId !== before.programmeId) throw new UserError('invalid_input', `${fieldLabel('lineId')}: ${t('val.moveOtherProgramme')}`, 'lineId');
    const to = place.lineId ? coded((await findLine(db, place.lineId))!) : t('tree.noLine');
    if (own) {
      if (before.measureShape === 'activity' && before.lineId === place.lineId) return before;
      const sortOrder = before.lineId === place.lineId ? undefined : await nextSortOrder(db, 'measure', place.programmeId);
      await tracked(db, meta(ctx, 'move', t('label.move', { entity: entityName('activity'), name: coded(before), from, to })), async (tr) => {
        await tr.expectVersion('activity', id, { rowVersion });
        await tr.update('measure', before.measureId, { lineId: place.lineId, shape: 'activity', ...(sortOrder === undefined ? {} : { sortOrder }) });
      });
      return must(findActivity(db, id), 'activity');
    }
    await assertCodeFree(db, 'measure', place.programmeId, before.code);
    const holder = randomUUID();
    const sortOrder = await nextSortOrder(db, 'measure', place.programmeId);
    const row = await db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await tracked(db, meta(ctx, 'move', t('label.move', { entity: entityName('activity'), name: coded(before), from, to })), async (tr) => {
      await tr.insert('measure', { id: holder, programmeId: place.programmeId, lineId: place.lineId, ...measureFromActivity(row), shape: 'activity', sortOrder, ...stamp(tr) });
      await tr.update('activity', id, { measureId: holder, sortOrder: 0 }, { rowVersion });
      await moveActivityBudgetLines(tr, id, holder);
    });
    return must(findActivity(db, id), 'activity');
  },

  'activity.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findActivity(db, id), 'activity');
    // An item at the measure level goes to the Prullenbak whole: its holder takes the activity along.
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: entityName('activity'), name: coded(before) })), async (tr) => {
      await tr.expectVersion('activity', id, { rowVersion });
      await (holdsOneActivity(before.measureShape) ? tr.trash('measure', before.measureId) : tr.trash('activity', id));
    });
    return null;
  },

  // ---- Sub-activities

  'subActivity.create': async ({ activityId, ...input }, ctx) => {
    const db = ctx.db();
    await must(findActivity(db, activityId), 'activity');
    await assertCodeFree(db, 'subActivity', activityId, input.number);
    const id = randomUUID();
    const sortOrder = await nextSortOrder(db, 'subActivity', activityId);
    await tracked(db, meta(ctx, 'create', t('label.create', { entity: entityName('subActivity'), name: coded(input) })), (tr) =>
      tr.insert('subActivity', { id, activityId, ...input, sortOrder, ...stamp(tr) }),
    );
    return must(findSub(db, id), 'subActivity');
  },

  'subActivity.update': async ({ id, rowVersion, ...input }, ctx) => {
    const db = ctx.db();
    const before = await must(findSub(db, id), 'subActivity');
    await assertCodeFree(db, 'subActivity', before.activityId, input.number, id);
    await tracked(db, meta(ctx, 'update', t('label.update', { entity: entityName('subActivity'), name: coded(before) })), (tr) => tr.update('subActivity', id, input, { rowVersion }));
    return must(findSub(db, id), 'subActivity');
  },

  'subActivity.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findSub(db, id), 'subActivity');
    await tracked(db, meta(ctx, 'delete', t('label.delete', { entity: entityName('subActivity'), name: coded(before) })), (tr) => tr.trash('subActivity', id, { rowVersion }));
    return null;
  },

  'search.all': ({ query }, ctx) => searchAll(ctx.app.requireWorkspace().sqlite, query),
});

function findSub(db: Db, id: string) {
  return db
    .selectFrom('subActivity')
    .select(['id', 'activityId', 'number', 'name', 'period', 'intendedResult', 'sortOrder', 'rowVersion'])
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}
