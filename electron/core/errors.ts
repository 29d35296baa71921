import type { ConflictInfo, ErrorCode } from '../../shared/result';
import { t } from '../../shared/i18n/nl';

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

const codeOf = (e: unknown): string => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '');

/** SQLite's "database or disk is full" or the file system's "no space left" (or quota). */
export function isDiskFull(e: unknown): boolean {
  const c = codeOf(e);
  return c === 'SQLITE_FULL' || c === 'ENOSPC' || c === 'EDQUOT';
}

/** SQLite refused a write because the connection or the file is read-only. */
export function isReadOnlyWrite(e: unknown): boolean {
  const c = codeOf(e);
  return c === 'SQLITE_READONLY' || c.startsWith('SQLITE_READONLY_') || c === 'EROFS';
}

/** No permission on the file or folder (or a read-only medium). */
export function isNoPermission(e: unknown): boolean {
  const c = codeOf(e);
  return c === 'EACCES' || c === 'EPERM' || c === 'EROFS' || c === 'SQLITE_PERM' || c === 'SQLITE_AUTH';
}

/**
 * Failures of the machine rather than of Regieboek, turned into the Dutch message a user can act
 * on; null for anything else. Dispatcher and CLI both ask here, so both say the same.
 */
export function knownFailure(e: unknown): UserError | null {
  if (e instanceof UserError) return e;
  if (isDiskFull(e)) return new UserError('disk_full', t('err.diskFull'));
  return null;
}
