import { z } from 'zod';

/** One confirmation of the privacy guard's softer signal, as the core asked for it (AppError.confirm). */
export const PrivacyConfirmInput = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  entity: z.string().min(1).max(60),
  field: z.string().min(1).max(60),
  message: z.string().max(2000).optional(),
});
