import type { ExportError } from '../../errors';
import { isRetryableError, retryDelayFor, type RetryPolicy } from '../../net/retryPolicy';
import type { ExportSettings } from '../exportSettings';
import { parkedUntil } from './parking';

/** Server hiccups (5xx, a dropped or stalled connection) on an API page: a few quick retries. */
const TRANSIENT_POLICY: RetryPolicy = { maxRetries: 3, baseMs: 2000, maxMs: 30_000, factor: 2, jitter: 'equal' };

export interface MetadataRetryState {
  rateLimitWaits: number;
  transientRetries: number;
  /** Temporary blocks met by the whole job so far (persisted with it). */
  temporaryBlocks: number;
}

export interface RetryDelay {
  waitMs: number;
  /** The platform warned (rate limit, block): the wait is shown and persisted. */
  rateLimited: boolean;
  /** Warned again and again: the job rests until the next morning, unless the user continues it. */
  parked?: boolean;
}

/** Parks the job until the next morning; the warnings start counting afresh after it. */
function park(state: MetadataRetryState, now: number): RetryDelay {
  state.rateLimitWaits = 0;
  state.temporaryBlocks = 0;
  return { waitMs: parkedUntil(new Date(now)).getTime() - now, rateLimited: true, parked: true };
}

/**
 * How long to wait before asking for the same page again, or undefined to give up. A rate limit
 * waits long and doubles (the user's account is at stake); a temporary block of the account waits
 * longer still; after too many rate limits, or a second block, the job parks until the next
 * morning rather than pushing on or ending. Anything else retryable waits briefly.
 */
export function metadataRetryDelay(
  error: ExportError,
  state: MetadataRetryState,
  settings: Pick<ExportSettings, 'rateLimitWaitMs' | 'maxRateLimitWaits' | 'temporaryBlockWaitMs'>,
  random: () => number = Math.random,
  now: number = Date.now(),
): RetryDelay | undefined {
  if (error.kind === 'rate_limited' && error.details.temporaryBlock) {
    if (state.temporaryBlocks >= 1) return park(state, now);
    state.temporaryBlocks += 1;
    return { waitMs: Math.max(error.details.retryAfterMs ?? 0, settings.temporaryBlockWaitMs), rateLimited: true };
  }
  if (error.kind === 'rate_limited') {
    if (state.rateLimitWaits >= settings.maxRateLimitWaits) return park(state, now);
    const waitMs = Math.max(error.details.retryAfterMs ?? 0, settings.rateLimitWaitMs * 2 ** state.rateLimitWaits);
    state.rateLimitWaits += 1;
    return { waitMs, rateLimited: true };
  }
  if (!isRetryableError(error) || state.transientRetries >= TRANSIENT_POLICY.maxRetries) return undefined;
  const waitMs = retryDelayFor({
    attempt: state.transientRetries,
    status: error.details.status,
    retryAfterMs: error.details.retryAfterMs,
    policy: TRANSIENT_POLICY,
    random,
  });
  state.transientRetries += 1;
  return { waitMs, rateLimited: false };
}
