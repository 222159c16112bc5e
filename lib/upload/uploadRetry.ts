import { ExportError, isExportError, type ErrorDetails } from '../errors';
import { parseRetryAfter, sleep as realSleep } from '../net/retryPolicy';

/** The waits between tries every uploader uses: a minute and a half of a dropped network in all. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000];

/**
 * The longest a server's Retry-After holds one try back. Drive and Dropbox ask for seconds; a
 * broken or hostile server asking for days must not park the upload that long, and the job may
 * always be resumed later by hand.
 */
export const MAX_UPLOAD_RETRY_AFTER_MS = 5 * 60 * 1000;

/** The server dropped the upload session (Drive and Dropbox expire theirs after a week): the file starts again. */
export class SessionGone extends Error {}

/**
 * A failure worth another try after a wait: a dropped connection, a provider's rate-limit answer
 * (`rate_limited`), or an HTTP answer that says "later": 5xx, 429, 408, and WebDAV's 423 (the
 * server still holds the lock of a request whose connection was cut, until it notices).
 */
export function isTransientUploadError(error: unknown): error is ExportError {
  if (!isExportError(error)) return false;
  if (error.kind === 'network_error' || error.kind === 'rate_limited') return true;
  const status = error.details.status ?? 0;
  return error.kind === 'http_error' && (status >= 500 || status === 429 || status === 408 || status === 423);
}

/** The details of a failed answer: its status and the wait it asked for (Retry-After in seconds or as an HTTP-date). */
export function answerDetails(response: Response, now: number = Date.now()): ErrorDetails {
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
  return { status: response.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}

/** A request that got no answer: the network dropped, the server went away. */
export function connectionFailed(server: string, error: unknown): ExportError {
  return new ExportError('network_error', `The connection to ${server} failed (${(error as Error).message}).`);
}

export interface UploadRetryOptions {
  signal: AbortSignal;
  /** Waits between tries; their count bounds the tries that move nothing on. */
  delaysMs?: readonly number[];
  /** Bytes the server confirmed so far. */
  progress(): number;
  /**
   * With a provider whose session can expire: who says it (for the message) and how its
   * checkpoint is cleared, so the next try starts a new session. Two restarts in a row at most.
   */
  sessionLost?: { server: string; restart(): Promise<void> };
  /** Tests count the waits instead of sitting them out. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const MAX_SESSION_RESTARTS = 2;

/**
 * Runs `attempt` until it resolves, again after each transient failure (see
 * `isTransientUploadError`) once the server's Retry-After (capped) or the next of the delays has
 * passed. Each try is expected to start by asking the server where it stands. A try that moved the
 * upload on starts the count of tries again: a long upload may meet many drops, a dead server only
 * so many. After the last try the last failure is thrown as it came.
 */
export async function withUploadRetries<T>(options: UploadRetryOptions, attempt: () => Promise<T>): Promise<T> {
  const { signal, sessionLost } = options;
  const delays = options.delaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? realSleep;
  for (let tries = 0, restarts = 0; ; ) {
    const before = options.progress();
    try {
      return await attempt();
    } catch (error) {
      if (signal.aborted) throw error;
      if (options.progress() > before) tries = 0;
      if (error instanceof SessionGone && sessionLost) {
        if (restarts++ >= MAX_SESSION_RESTARTS) throw new ExportError('http_error', `${sessionLost.server} keeps losing the upload session; press Resume to try again.`);
        await sessionLost.restart();
        continue;
      }
      if (!isTransientUploadError(error) || tries >= delays.length) throw error;
      await sleep(Math.min(error.details.retryAfterMs ?? delays[tries]!, MAX_UPLOAD_RETRY_AFTER_MS), signal);
      tries++;
    }
  }
}
