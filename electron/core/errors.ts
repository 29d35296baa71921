import type { ErrorCode, FieldIssue, PrivacyConfirm } from '../../shared/result';

/** An error the user caused and can fix; its message is Dutch and shown as is. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Per-field messages, and what the user may confirm (the privacy guard's softer signal). */
    readonly details: { issues?: FieldIssue[]; confirm?: PrivacyConfirm[] } = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
}
