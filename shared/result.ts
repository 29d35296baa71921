/** The envelope every call crosses the bridge in: never a thrown error across IPC or HTTP. */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'no_workspace' | 'not_a_workspace' | 'too_new' | 'user_error' | 'internal' | 'unknown_channel' | 'disk_full' | 'read_only' | 'locked';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "periodEnd" or "targets.2.value". */
  field: string;
  message: string;
}

/** One field of a stale write: what is stored now and what the user wanted, both as a person reads them. */
export interface ConflictField {
  field: string;
  label: string;
  current: string;
  yours: string;
}

/** A write based on an older version of a record (issue 10): the screen lets the user choose. */
export interface ConflictInfo {
  entity: string;
  id: string;
  /** The version stored now: send it with the write to save the user's values after all. */
  rowVersion: number;
  /** Who made the newest change, and when (ISO), if the history says. */
  by: string | null;
  at: string | null;
  fields: ConflictField[];
}

export interface AppError {
  code: ErrorCode;
  /** Dutch, says what to fix and where. */
  message: string;
  /** Set when the error belongs to one field (forms show it next to that field). */
  field?: string;
  issues?: FieldIssue[];
  /** Set for a stale write (code 'conflict'). */
  conflict?: ConflictInfo;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });
