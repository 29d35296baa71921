import { handlers } from './types';
import { historyForEntity, listTrash, recentHistory } from '../history/queries';
import { historyFeed } from '../history/feed';
import { stackState, step } from '../history/undo';
import { withReferenceLabels } from '../history/labels';
import { tracked } from '../history/tracker';
import { entityName } from '../history/entities';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';

export const historyHandlers = handlers({
  'history.forEntity': async ({ entity, id }, ctx) => withReferenceLabels(ctx.db(), await historyForEntity(ctx.db(), entity, id)),

  'history.recent': async ({ limit }, ctx) => withReferenceLabels(ctx.db(), await recentHistory(ctx.db(), limit)),

  'history.feed': (input, ctx) => historyFeed(ctx.db(), input),

  'history.undo': ({ changeSetId }, ctx) => step(ctx.db(), ctx, 'undo', changeSetId),

  'history.redo': ({ changeSetId }, ctx) => step(ctx.db(), ctx, 'redo', changeSetId),

  'history.stack': (_, ctx) => stackState(ctx.db(), ctx.session),

  'trash.list': (_, ctx) => listTrash(ctx.db()),

  'trash.restore': async ({ changeSetId }, ctx) => {
    const db = ctx.db();
    const item = await db.selectFrom('trash').selectAll().where('changeSetId', '=', changeSetId).where('restoredAt', 'is', null).executeTakeFirst();
    if (!item) throw new UserError('not_found', t('err.notInTrash'));
    await tracked(db, { user: ctx.user, session: ctx.session, action: 'restore', label: t('label.restore', { entity: entityName(item.entity), name: item.label }) }, (tr) =>
      tr.restoreTrashed(changeSetId),
    );
    return null;
  },
});
