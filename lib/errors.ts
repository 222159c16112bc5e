/**
 * Errors are values with a kind the UI can explain; nothing matches on message text.
 */
export type ErrorKind =
  | 'login_required'
  | 'private_account'
  | 'account_not_found'
  | 'checkpoint_required'
  | 'rate_limited'
  | 'platform_changed'
  /**
   * One endpoint no longer answers this session (Instagram's 302 to `/` from one REST endpoint, a
   * lookup refused with feedback_required) while the session itself is valid: read the same
   * content another way, and do not ask that endpoint again during the job.
   */
  | 'endpoint_retired'
  | 'too_large'
  | 'not_allowed_type'
  | 'not_allowed_host'
  | 'expired_url'
  /** A file the platform listed without any address to download it from; nothing was requested. */
  | 'unavailable'
  /** A listed item the platform did not return when asked for it (Facebook's `currMedia: null`). */
  | 'not_returned'
  | 'http_error'
  | 'network_error'
  | 'quota_exceeded'
  /** The job's listed posts or staged files were removed (retention): it cannot carry on. */
  | 'export_expired'
  | 'cancelled'
  | 'invalid_request'
  | 'internal';

export interface ErrorDetails {
  status?: number;
  /** How long the platform asked us to wait, when it said so. */
  retryAfterMs?: number;
  /**
   * With rate_limited: the platform blocked the account for a while (Facebook's "You're
   * Temporarily Blocked"), which calls for a long wait and, the second time, stopping.
   */
  temporaryBlock?: boolean;
  /**
   * A cloud upload the user must help: the login expired or was revoked (`login`), or the account
   * is full (`full`). The job pauses, keeping what the server holds, until the user presses Continue.
   */
  uploadPause?: 'login' | 'full';
}

export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

export function isExportError(error: unknown): error is ExportError {
  return error instanceof ExportError;
}

/**
 * Runtime messages may quote a URL (fetch does for URLs with credentials); a signed media URL's
 * query is a credential of sorts and must not end up in the export or on screen.
 */
function withoutUrlQueries(message: string): string {
  return message.replace(/(https?:\/\/[^\s?#"']+)[?#][^\s"']*/g, '$1');
}

/** Anything thrown becomes an ExportError so it can be recorded and shown. */
export function toExportError(error: unknown): ExportError {
  if (error instanceof ExportError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new ExportError('cancelled', 'The export was cancelled.');
  }
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new ExportError(
      'quota_exceeded',
      'The browser ran out of storage space. Free some disk space, then resume the export.',
    );
  }
  if (error instanceof TypeError) {
    return new ExportError('network_error', `Network error: ${withoutUrlQueries(error.message)}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ExportError('internal', withoutUrlQueries(message));
}
