import { z } from 'zod';
import { choice, id, longText, optionalText, requiredText, rowVersion, storedVersion } from './fields';
import { t } from '../i18n/nl';

/** Kinds of partner organisation, in the order the screens offer them. */
export const ORGANISATION_TYPES = ['mbo', 'vo', 'vso', 'pro', 'swv', 'gemeente', 'rmc', 'leerplicht', 'uwv', 'zorg', 'justitie', 'bedrijfsleven', 'overig'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

// Empty means "not known"; otherwise the official shapes, so a typo is caught when it is typed.
const brin = () =>
  optionalText(6)
    .transform((s) => s.toUpperCase().replace(/\s/g, ''))
    .refine((s) => s === '' || /^\d{2}[A-Z]{2}(\d{2})?$/.test(s), { error: t('val.brin') });
const kvk = () =>
  optionalText(12)
    .transform((s) => s.replace(/[\s.]/g, ''))
    .refine((s) => s === '' || /^\d{8}$/.test(s), { error: t('val.kvk') });
const email = () => optionalText(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: t('val.email') });

const organisationFields = {
  name: requiredText(200),
  type: choice(ORGANISATION_TYPES),
  brin: brin(),
  kvk: kvk(),
  place: optionalText(100),
  notes: longText(),
};

export const OrganisationInput = z.strictObject(organisationFields);
export type OrganisationInput = z.infer<typeof OrganisationInput>;
export const OrganisationUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...organisationFields });

const contactFields = {
  name: requiredText(200),
  function: optionalText(200),
  email: email(),
  phone: optionalText(40),
};

export const ContactInput = z.strictObject({ organisationId: id(), ...contactFields });
export const ContactUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...contactFields });

export const Contact = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  function: z.string(),
  email: z.string(),
  phone: z.string(),
  rowVersion: storedVersion(),
});
export type Contact = z.infer<typeof Contact>;

/** Where a partner has a role: penvoerder or uitvoerder of a measure or activity, contactschool/-gemeente. */
export const PartnerRole = z.object({
  role: z.enum(['lead', 'executor', 'contact_school', 'contact_municipality']),
  entity: z.enum(['programme', 'measure', 'activity']),
  id: z.string(),
  programmeId: z.string(),
  code: z.string(),
  name: z.string(),
});
export type PartnerRole = z.infer<typeof PartnerRole>;

export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  brin: z.string(),
  kvk: z.string(),
  place: z.string(),
  notes: z.string(),
  contactCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rowVersion: storedVersion(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationDetail = Organisation.extend({ contacts: z.array(Contact), roles: z.array(PartnerRole) });
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;
