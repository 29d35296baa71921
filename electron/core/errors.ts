import type { ErrorCode } from '../../shared/result';

/** An error the user caused and can fix; its message is Dutch and shown as is. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
