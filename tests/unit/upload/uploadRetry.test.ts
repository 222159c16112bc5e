import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../lib/errors';
import {
  answerDetails,
  isTransientUploadError,
  MAX_UPLOAD_RETRY_AFTER_MS,
  SessionGone,
  withUploadRetries,
  type UploadRetryOptions,
} from '../../../lib/upload/uploadRetry';

const NOW = Date.parse('2026-12-07T06:00:00Z');

/** A server answer with the given status and Retry-After header, as the uploaders turn it into an error. */
function answered(status: number, retryAfter?: string): ExportError {
  const response = new Response(null, { status, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } });
  return new ExportError('http_error', `answered ${status}`, answerDetails(response, NOW));
}

/** Retry options whose waits are recorded instead of slept. */
function recording(extra: Partial<UploadRetryOptions> = {}) {
  const waits: number[] = [];
  const options: UploadRetryOptions = {
    signal: new AbortController().signal,
    delaysMs: [10, 20, 30],
    progress: () => 0,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  };
  return { waits, options };
}

/** An attempt that fails with each of `failures` in turn, then resolves with 'done'. */
function failingWith(...failures: unknown[]) {
  let calls = 0;
  const attempt = async () => {
    const failure = failures[calls++];
    if (failure !== undefined) throw failure;
    return 'done';
  };
  return { attempt, calls: () => calls };
}

describe('isTransientUploadError', () => {
  it.each([
    [new ExportError('network_error', 'dropped'), true],
    [new ExportError('rate_limited', 'slow down', { status: 403 }), true],
    [answered(500), true],
    [answered(503), true],
    [answered(429), true],
    [answered(408), true],
    [answered(423), true],
    [answered(404), false],
    [answered(403), false],
    [new ExportError('http_error', 'no status'), false],
    [new ExportError('quota_exceeded', 'full', { status: 507, uploadPause: 'full' }), false],
    [new TypeError('not an export error'), false],
  ])('%s → %s', (error, transient) => {
    expect(isTransientUploadError(error)).toBe(transient);
  });
});

describe('withUploadRetries', () => {
  it('waits the seconds a Retry-After asks for, and the usual delays where none is given', async () => {
    const { waits, options } = recording();
    const { attempt, calls } = failingWith(answered(503, '7'), new ExportError('network_error', 'dropped'));
    await expect(withUploadRetries(options, attempt)).resolves.toBe('done');
    expect(calls()).toBe(3);
    expect(waits).toEqual([7000, 20]);
  });

  it('waits until the HTTP-date a Retry-After names', async () => {
    const { waits, options } = recording();
    const { attempt } = failingWith(answered(429, 'Mon, 07 Dec 2026 06:00:45 GMT'));
    await withUploadRetries(options, attempt);
    expect(waits).toEqual([45_000]);
  });

  it('caps what a broken or hostile server asks for', async () => {
    const { waits, options } = recording();
    const { attempt } = failingWith(answered(429, '999999'), answered(503, 'Fri, 31 Dec 2100 23:59:59 GMT'));
    await withUploadRetries(options, attempt);
    expect(waits).toEqual([MAX_UPLOAD_RETRY_AFTER_MS, MAX_UPLOAD_RETRY_AFTER_MS]);
  });

  it('gives up after the last try with the last failure as it came', async () => {
    const { waits, options } = recording();
    const last = answered(502);
    const { attempt, calls } = failingWith(answered(500), answered(503), answered(504), last);
    await expect(withUploadRetries(options, attempt)).rejects.toBe(last);
    expect(calls()).toBe(4);
    expect(waits).toEqual([10, 20, 30]);
  });

  it('does not try again what would fail the same way', async () => {
    const { waits, options } = recording();
    const refused = answered(403);
    const { attempt, calls } = failingWith(refused);
    await expect(withUploadRetries(options, attempt)).rejects.toBe(refused);
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('starts the count of tries again after a try that moved the upload on', async () => {
    let confirmed = 0;
    const { waits, options } = recording({ delaysMs: [10], progress: () => confirmed });
    let calls = 0;
    const result = await withUploadRetries(options, async () => {
      calls++;
      // Every try sends one more piece before the connection drops, until all five are there.
      if (confirmed === 5) return confirmed;
      confirmed++;
      throw new ExportError('network_error', 'dropped');
    });
    expect(result).toBe(5);
    expect(calls).toBe(6);
    expect(waits).toEqual([10, 10, 10, 10, 10]);
  });

  it('stops at once when the job is stopped during a wait', async () => {
    const stop = new AbortController();
    const options: UploadRetryOptions = { signal: stop.signal, delaysMs: [60_000], progress: () => 0 };
    const { attempt, calls } = failingWith(answered(503));
    const run = withUploadRetries(options, attempt);
    // The real sleep: the wait is a minute, the abort ends it.
    setTimeout(() => stop.abort(new Error('worker stopped')), 10);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls()).toBe(1);
  });

  it('throws the failure of a try the job was stopped in, without a wait', async () => {
    const stop = new AbortController();
    const { waits, options } = recording({ signal: stop.signal });
    const failure = new ExportError('network_error', 'dropped');
    await expect(
      withUploadRetries(options, async () => {
        stop.abort();
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(waits).toEqual([]);
  });

  it('restarts a lost session twice at most, then says the server keeps losing it', async () => {
    let restarts = 0;
    const { options } = recording({ sessionLost: { server: 'Dropbox', restart: async () => void restarts++ } });
    const recovered = failingWith(new SessionGone(), new SessionGone());
    await expect(withUploadRetries(options, recovered.attempt)).resolves.toBe('done');
    expect(restarts).toBe(2);

    const lost = failingWith(new SessionGone(), new SessionGone(), new SessionGone());
    await expect(withUploadRetries(options, lost.attempt)).rejects.toThrow('Dropbox keeps losing the upload session; press Resume to try again.');
    expect(restarts).toBe(4);
  });
});
