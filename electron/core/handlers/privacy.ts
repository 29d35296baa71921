import { handlers } from './types';
import { confirm } from '../privacy/guard';

export const privacyHandlers = handlers({
  'privacy.confirm': async ({ items }, ctx) => {
    await confirm(
      ctx.db(),
      items.map(({ key, entity, field }) => ({ key, entity, field, message: '' })),
      ctx.user,
    );
    return null;
  },
});
