/** The envelope every call crosses the bridge in: never a thrown error across IPC or HTTP. */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'no_workspace' | 'not_a_workspace' | 'too_new' | 'user_error' | 'internal' | 'unknown_channel' | 'disk_full' | 'read_only' | 'locked';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "periodEnd" or "targets.2.value". */
  field: string;
  message: string;
}

export interface AppError {
  code: ErrorCode;
  /** Dutch, says what to fix and where. */
  message: string;
  /** Set when the error belongs to one field (forms show it next to that field). */
  field?: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });
