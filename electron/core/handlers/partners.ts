import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { handlers } from './types';
import { tracked } from '../history/tracker';
import { entityName } from '../history/entities';
import { UserError } from '../errors';
import { fieldLabel, t } from '../../../shared/i18n/nl';
import { findContact, findOrganisation, listOrganisations, organisationDetail, partnerWithNumber } from '../db/queries/partners';

const notFound = (entity: string) => new UserError('not_found', t('err.notFound', { entity: entityName(entity) }));

async function must<T>(p: Promise<T | undefined>, entity: string): Promise<T> {
  const v = await p;
  if (!v) throw notFound(entity);
  return v;
}

const meta = (ctx: { user: string; session: string }, action: string, entity: string, name: string) => ({
  user: ctx.user,
  session: ctx.session,
  action,
  label: t(`label.${action}` as 'label.create', { entity: entityName(entity), name }),
});

/**
 * A BRIN or KvK number names one organisation: a second partner with the same number in this
 * workspace is refused, naming the partner that has it (checked in the write's own transaction).
 */
async function refuseDuplicateNumbers(db: Kysely<Database>, input: { brin: string; kvk: string }, selfId?: string): Promise<void> {
  for (const field of ['brin', 'kvk'] as const) {
    const value = input[field];
    const other = await partnerWithNumber(db, field, value, selfId);
    if (other) throw new UserError('invalid_input', `${fieldLabel(field)}: ${t(`partner.duplicate.${field}`, { value, name: other.name })}`, field);
  }
}

export const partnerHandlers = handlers({
  'organisation.list': (_, ctx) => listOrganisations(ctx.db()),

  'organisation.get': ({ id }, ctx) => must(organisationDetail(ctx.db(), id), 'organisation'),

  'organisation.create': async (input, ctx) => {
    const db = ctx.db();
    const id = randomUUID();
    await tracked(db, meta(ctx, 'create', 'organisation', input.name), async (tr) => {
      await refuseDuplicateNumbers(tr.trx, input);
      await tr.insert('organisation', { id, ...input, createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null });
    });
    return must(findOrganisation(db, id), 'organisation');
  },

  'organisation.update': async ({ id, rowVersion, ...patch }, ctx) => {
    const db = ctx.db();
    const before = await must(findOrganisation(db, id), 'organisation');
    await tracked(db, meta(ctx, 'update', 'organisation', before.name), async (tr) => {
      await refuseDuplicateNumbers(tr.trx, patch, id);
      await tr.update('organisation', id, patch, { rowVersion });
    });
    return must(findOrganisation(db, id), 'organisation');
  },

  // Measures and activities keep the id; while the partner is in the Prullenbak they show no name.
  'organisation.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findOrganisation(db, id), 'organisation');
    await tracked(db, meta(ctx, 'delete', 'organisation', before.name), (tr) => tr.trash('organisation', id, { rowVersion }));
    return null;
  },

  'contact.create': async ({ organisationId, ...input }, ctx) => {
    const db = ctx.db();
    await must(findOrganisation(db, organisationId), 'organisation');
    const id = randomUUID();
    await tracked(db, meta(ctx, 'create', 'contact', input.name), (tr) =>
      tr.insert('contact', { id, organisationId, ...input, createdAt: tr.at, updatedAt: tr.at, deletedAt: null, deletedIn: null }),
    );
    return must(findContact(db, id), 'contact');
  },

  'contact.update': async ({ id, rowVersion, ...patch }, ctx) => {
    const db = ctx.db();
    const before = await must(findContact(db, id), 'contact');
    await tracked(db, meta(ctx, 'update', 'contact', before.name), (tr) => tr.update('contact', id, patch, { rowVersion }));
    return must(findContact(db, id), 'contact');
  },

  'contact.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await must(findContact(db, id), 'contact');
    await tracked(db, meta(ctx, 'delete', 'contact', before.name), (tr) => tr.trash('contact', id, { rowVersion }));
    return null;
  },
});
