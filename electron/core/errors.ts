import type { ConflictInfo, ErrorCode } from '../../shared/result';

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

/** A write based on an older version of a record: refused, with what is stored now and what the user sent. */
export class ConflictError extends UserError {
  constructor(
    message: string,
    readonly conflict: ConflictInfo,
  ) {
    super('conflict', message);
    this.name = 'ConflictError';
  }
}
