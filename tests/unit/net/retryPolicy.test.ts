import { describe, expect, it, vi } from 'vitest';
import { ExportError } from '../../../lib/errors';
import {
  MAX_RETRY_AFTER_MS,
  backoffDelay,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelayFor,
  sleep,
} from '../../../lib/net/retryPolicy';

const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    [null, undefined],
    ['', undefined],
    ['   ', undefined],
    ['0', 0],
    ['120', 120_000],
    [' 5 ', 5000],
    ['1.5', 1500],
    ['-3', undefined],
    ['soon', undefined],
    ['Tue, 24 Nov 2026 12:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 11:59:00 GMT', 0],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 0],
    ['999999999', MAX_RETRY_AFTER_MS],
    ['Fri, 31 Dec 2100 23:59:59 GMT', MAX_RETRY_AFTER_MS],
  ])('%j → %j ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  const opts = { baseMs: 1000, maxMs: 30_000 };

  it.each([
    [0, 0.5, 'equal', 750],
    [1, 0.5, 'equal', 1500],
    [2, 0.5, 'equal', 3000],
    [3, 0.5, 'equal', 6000],
    [10, 0.5, 'equal', 22_500],
    [0, 0, 'equal', 500],
    [0, 0.999, 'equal', 1000],
    [2, 0, 'full', 0],
    [2, 0.5, 'full', 2000],
    [20, 1, 'full', 30_000],
  ] as const)('attempt %i with random %f and %s jitter → %i ms', (attempt, r, jitter, expected) => {
    expect(backoffDelay(attempt, { ...opts, jitter }, () => r)).toBe(expected);
  });

  it('grows with the attempt and stays within [ceiling/2, ceiling] for equal jitter', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
      for (const r of [0, 0.25, 0.5, 0.75, 1]) {
        const delay = backoffDelay(attempt, opts, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('uses the growth factor', () => {
    expect(backoffDelay(2, { baseMs: 100, maxMs: 1e9, factor: 3, jitter: 'full' }, () => 1)).toBe(900);
  });

  it('clamps a random source that strays out of [0, 1]', () => {
    expect(backoffDelay(0, { ...opts, jitter: 'full' }, () => 7)).toBe(1000);
    expect(backoffDelay(0, { ...opts, jitter: 'full' }, () => -1)).toBe(0);
  });
});

describe('retryDelayFor', () => {
  const policy = { baseMs: 1000, maxMs: 30_000 };
  const random = () => 0.5;

  it.each([
    [429, 60_000, 60_000],
    [503, 60_000, 60_000],
    [429, 100, 750],
    [undefined, 5000, 5000],
    [500, 60_000, 750],
    [502, undefined, 750],
  ])('status %j with Retry-After %j ms waits %i ms', (status, retryAfterMs, expected) => {
    expect(retryDelayFor({ attempt: 0, status, retryAfterMs, policy, random })).toBe(expected);
  });
});

describe('retryability', () => {
  it.each([
    [408, true], [425, true], [429, true], [500, true], [502, true], [503, true], [504, true],
    [200, false], [400, false], [401, false], [403, false], [404, false], [410, false], [501, false],
  ])('status %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it.each([
    [new ExportError('network_error', 'reset'), true],
    [new ExportError('network_error', 'body ended early'), true],
    [new ExportError('rate_limited', 'slow down', { retryAfterMs: 1000 }), true],
    [new ExportError('http_error', '503', { status: 503 }), true],
    [new ExportError('http_error', '404', { status: 404 }), false],
    [new ExportError('http_error', 'no status'), false],
    [new ExportError('not_allowed_type', 'html'), false],
    [new ExportError('too_large', 'big'), false],
    [new ExportError('login_required', 'login'), false],
    [new ExportError('expired_url', '403', { status: 403 }), false],
    [new ExportError('cancelled', 'stop'), false],
    [new ExportError('quota_exceeded', 'disk'), false],
  ])('%s retryable: %s', (error, expected) => {
    expect(isRetryableError(error)).toBe(expected);
  });
});

describe('sleep', () => {
  it('resolves after the delay', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const slept = sleep(1000, new AbortController().signal).then(() => { done = true; });
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await slept;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with an AbortError as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    controller.abort(new Error('custom reason'));
    await expect(slept).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects at once when already aborted', async () => {
    await expect(sleep(10, AbortSignal.abort())).rejects.toBeInstanceOf(DOMException);
    await expect(sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
