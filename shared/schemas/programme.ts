import { z } from 'zod';
import { choice, cents, id, isoDate, longText, requiredText, rowVersion, storedVersion } from './fields';
import { t } from '../i18n/nl';

export const PROGRAMME_STATUSES = ['concept', 'lopend', 'afgerond'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

const programmeFields = {
  name: requiredText(200),
  periodStart: isoDate(),
  periodEnd: isoDate(),
  status: choice(PROGRAMME_STATUSES),
  analysis: longText(),
  requestedCents: cents().nullable(),
  awardedCents: cents().nullable(),
  notes: longText(),
  // Roles of partners; left out of an update means "unchanged".
  contactSchoolId: id().nullable().optional(),
  contactMunicipalityId: id().nullable().optional(),
};

const periodInOrder = (p: { periodStart: string; periodEnd: string }) => p.periodEnd >= p.periodStart;
const periodIssue = { error: t('val.endBeforeStart'), path: ['periodEnd'] };

export const ProgrammeInput = z.strictObject(programmeFields).refine(periodInOrder, periodIssue);
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

export const ProgrammeUpdate = z.strictObject({ id: id(), rowVersion: rowVersion(), ...programmeFields }).refine(periodInOrder, periodIssue);
export type ProgrammeUpdate = z.infer<typeof ProgrammeUpdate>;

export const Programme = z.object({
  id: z.string(),
  ...programmeFields,
  name: z.string(),
  contactSchoolId: z.string().nullable(),
  contactMunicipalityId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rowVersion: storedVersion(),
});
export type Programme = z.infer<typeof Programme>;
