import type { ExportError } from '../../errors';
import { isRetryableError, retryDelayFor, type RetryPolicy } from '../../net/retryPolicy';
import type { ExportSettings } from '../exportSettings';

/** Server hiccups (5xx, a dropped or stalled connection) on an API page: a few quick retries. */
const TRANSIENT_POLICY: RetryPolicy = { maxRetries: 3, baseMs: 2000, maxMs: 30_000, factor: 2, jitter: 'equal' };

export interface MetadataRetryState {
  rateLimitWaits: number;
  transientRetries: number;
  /** Temporary blocks met by the whole job so far (persisted with it). */
  temporaryBlocks: number;
}

/**
 * How long to wait before asking for the same page again, or undefined to give up. A rate limit
 * waits long and doubles (the user's account is at stake); a temporary block of the account waits
 * longer still, once per job; anything else retryable waits briefly.
 */
export function metadataRetryDelay(
  error: ExportError,
  state: MetadataRetryState,
  settings: Pick<ExportSettings, 'rateLimitWaitMs' | 'maxRateLimitWaits' | 'temporaryBlockWaitMs'>,
  random: () => number = Math.random,
): { waitMs: number; rateLimited: boolean } | undefined {
  if (error.kind === 'rate_limited' && error.details.temporaryBlock) {
    if (state.temporaryBlocks >= 1) return undefined;
    state.temporaryBlocks += 1;
    return { waitMs: Math.max(error.details.retryAfterMs ?? 0, settings.temporaryBlockWaitMs), rateLimited: true };
  }
  if (error.kind === 'rate_limited') {
    if (state.rateLimitWaits >= settings.maxRateLimitWaits) return undefined;
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
