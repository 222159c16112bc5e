import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { metadataRetryDelay, type MetadataRetryState } from '../../../../lib/export/job/metadataRetry';

const SETTINGS = { rateLimitWaitMs: 60_000, maxRateLimitWaits: 3, temporaryBlockWaitMs: 900_000 };
const fresh = (): MetadataRetryState => ({ rateLimitWaits: 0, transientRetries: 0, temporaryBlocks: 0 });

describe('metadataRetryDelay', () => {
  it('waits at least the rate-limit wait, doubling each time, then parks until 09:00 the next day', () => {
    const state = fresh();
    const limited = new ExportError('rate_limited', 'slow down');
    const now = new Date(2026, 11, 6, 22, 50).getTime();
    const delays = [1, 2, 3, 4].map(() => metadataRetryDelay(limited, state, SETTINGS, Math.random, now));
    expect(delays.map((delay) => delay?.waitMs).slice(0, 3)).toEqual([60_000, 120_000, 240_000]);
    expect(delays[3]).toEqual({ waitMs: new Date(2026, 11, 7, 9, 0).getTime() - now, rateLimited: true, parked: true });
    // After the rest the pauses grow from the start again.
    expect(metadataRetryDelay(limited, state, SETTINGS, Math.random, now)?.waitMs).toBe(60_000);
  });

  it('honours a longer Retry-After than its own wait', () => {
    const error = new ExportError('rate_limited', 'slow down', { retryAfterMs: 900_000 });
    expect(metadataRetryDelay(error, fresh(), SETTINGS)).toEqual({ waitMs: 900_000, rateLimited: true });
  });

  it('waits out a temporary block for at least 15 minutes, and parks at a second one', () => {
    const state = fresh();
    const blocked = new ExportError('rate_limited', 'You are temporarily blocked.', { temporaryBlock: true });
    const now = new Date(2026, 11, 6, 3, 10).getTime();
    expect(metadataRetryDelay(blocked, state, SETTINGS, Math.random, now)).toEqual({ waitMs: 900_000, rateLimited: true });
    expect(state.temporaryBlocks).toBe(1);
    expect(metadataRetryDelay(blocked, state, SETTINGS, Math.random, now)).toEqual({
      waitMs: new Date(2026, 11, 7, 9, 0).getTime() - now,
      rateLimited: true,
      parked: true,
    });
    expect(state.temporaryBlocks).toBe(0);
  });

  it.each([
    ['a 503', new ExportError('http_error', 'unavailable', { status: 503 })],
    ['a 502', new ExportError('http_error', 'bad gateway', { status: 502 })],
    ['a dropped connection', new ExportError('network_error', 'reset')],
  ])('retries %s briefly, three times at most', (_name, error) => {
    const state = fresh();
    const waits = [1, 2, 3, 4].map(() => metadataRetryDelay(error, state, SETTINGS, () => 0.5)?.waitMs);
    expect(waits.slice(0, 3).every((w) => w !== undefined && w >= 1000 && w <= 30_000)).toBe(true);
    expect(waits[3]).toBeUndefined();
  });

  it.each([
    ['login_required', new ExportError('login_required', 'log in')],
    ['private_account', new ExportError('private_account', 'private')],
    ['checkpoint_required', new ExportError('checkpoint_required', 'checkpoint')],
    ['a 404', new ExportError('http_error', 'not found', { status: 404 })],
    ['platform_changed', new ExportError('platform_changed', 'changed')],
  ])('never retries %s', (_name, error) => {
    expect(metadataRetryDelay(error, fresh(), SETTINGS)).toBeUndefined();
  });
});
