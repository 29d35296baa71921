import { randomUUID } from 'node:crypto';
import { handlers } from './types';
import { findProgramme, listProgrammes } from '../db/queries/programmes';
import { tracked } from '../history/tracker';
import { UserError } from '../errors';
import { t } from '../../../shared/i18n/nl';
import type { Programme } from '../../../shared/schemas/programme';
import { assertOrganisations } from './tree';
import { nowIso } from '../clock';

const entity = t('entity.programme');

async function mustFind(db: Parameters<typeof findProgramme>[0], id: string): Promise<Programme> {
  const p = await findProgramme(db, id);
  if (!p) throw new UserError('not_found', t('err.notFound', { entity }));
  return p;
}

export const programmeHandlers = handlers({
  'programme.list': (_, ctx) => listProgrammes(ctx.db()),

  'programme.get': (input, ctx) => mustFind(ctx.db(), input.id),

  'programme.create': async (input, ctx) => {
    const db = ctx.db();
    await assertOrganisations(db, { contactSchoolId: input.contactSchoolId, contactMunicipalityId: input.contactMunicipalityId });
    const at = nowIso();
    const id = randomUUID();
    await tracked(db, { user: ctx.user, session: ctx.session, action: 'create', label: t('label.create', { entity, name: input.name }) }, (tr) =>
      tr.insert('programme', {
        id,
        ...input,
        contactSchoolId: input.contactSchoolId ?? null,
        contactMunicipalityId: input.contactMunicipalityId ?? null,
        createdAt: at, updatedAt: at, deletedAt: null, deletedIn: null }),
    );
    return mustFind(db, id);
  },

  'programme.update': async ({ id, rowVersion, ...patch }, ctx) => {
    const db = ctx.db();
    const before = await mustFind(db, id);
    await assertOrganisations(db, { contactSchoolId: patch.contactSchoolId, contactMunicipalityId: patch.contactMunicipalityId }, [
      before.contactSchoolId,
      before.contactMunicipalityId,
    ]);
    await tracked(db, { user: ctx.user, session: ctx.session, action: 'update', label: t('label.update', { entity, name: before.name }) }, (tr) =>
      tr.update('programme', id, patch, { rowVersion }),
    );
    return mustFind(db, id);
  },

  'programme.delete': async ({ id, rowVersion }, ctx) => {
    const db = ctx.db();
    const before = await mustFind(db, id);
    await tracked(db, { user: ctx.user, session: ctx.session, action: 'delete', label: t('label.delete', { entity, name: before.name }) }, (tr) => tr.trash('programme', id, { rowVersion }));
    return null;
  },
});
