import type { ExportError } from '../errors';

/**
 * A server asking for more than this is treated as asking for this much: a misconfigured
 * Retry-After (or an HTTP-date years ahead) must not park a job for days.
 */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Growth per attempt; 2 doubles the ceiling each time. */
  factor?: number;
  /**
   * 'full' spreads the delay over [0, ceiling]; 'equal' over [ceiling/2, ceiling], so a retry
   * never comes back immediately after a failure.
   */
  jitter?: 'full' | 'equal';
}

export interface RetryPolicy extends BackoffOptions {
  /** Retries after the first attempt, so maxRetries + 1 attempts in all. */
  maxRetries: number;
}

export const MEDIA_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseMs: 1000, maxMs: 30_000, factor: 2, jitter: 'equal' };

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Network failures and truncated bodies (both `network_error`) and transient HTTP answers are
 * worth another try; everything else (wrong type, too large, login, expired URL…) fails the
 * same way again. An expired URL is refreshed by the caller, not retried as is.
 */
export function isRetryableError(error: ExportError): boolean {
  switch (error.kind) {
    case 'network_error':
    case 'rate_limited':
      return true;
    case 'http_error':
      return error.details.status !== undefined && isRetryableStatus(error.details.status);
    default:
      return false;
  }
}

/** Milliseconds to wait from a Retry-After header (delta-seconds or HTTP-date), capped. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Math.round(Number(value) * 1000);
  } else {
    // An HTTP-date names its day and month; Date.parse would also take '-3' as a year.
    const at = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** Exponential backoff with jitter; `attempt` counts retries already made, from 0. */
export function backoffDelay(attempt: number, opts: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * (opts.factor ?? 2) ** Math.max(0, attempt));
  const r = Math.min(Math.max(random(), 0), 1);
  const delay = opts.jitter === 'full' ? ceiling * r : ceiling / 2 + (ceiling / 2) * r;
  return Math.round(delay);
}

export interface RetryDelayInput {
  attempt: number;
  status?: number;
  retryAfterMs?: number;
  policy: BackoffOptions;
  random: () => number;
}

/** Statuses whose Retry-After is a request to slow down (RFC 9110 §10.2.3), not a redirect hint. */
const WAIT_STATUSES = new Set([429, 503]);

/**
 * The wait before the next attempt. For 429 and 503 (or a wait hint without a status, as a
 * rate-limited API error carries) Retry-After is a floor: the backoff may add to it but never
 * undercut what the server asked.
 */
export function retryDelayFor({ attempt, status, retryAfterMs, policy, random }: RetryDelayInput): number {
  const backoff = backoffDelay(attempt, policy, random);
  const honoured = status === undefined || WAIT_STATUSES.has(status) ? (retryAfterMs ?? 0) : 0;
  return Math.max(honoured, backoff);
}

function abortError(signal: AbortSignal): DOMException {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
