import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { createDownloadSlots } from '../../../../lib/export/media/downloadSlots';
import { downloadWithRetry } from '../../../../lib/export/media/downloadWithRetry';
import type { DownloadWithRetryOptions } from '../../../../lib/export/media/downloadWithRetry';
import type { MediaRules } from '../../../../lib/platforms/types';
import { SAMPLES, fakeFetch, fakeResponse, fakeSink, fileOf } from '../../support/fakes';
import type { FakeSink } from '../../support/fakes';

const RULES: MediaRules = { maxBytes: 10_000, formats: ['jpg', 'png', 'mp4', 'mov'] };
const OLD_URL = 'https://cdn.example/a.jpg?sig=old';
const NEW_URL = 'https://cdn.example/a.jpg?sig=new';
const POLICY = { maxRetries: 3, baseMs: 1000, maxMs: 30_000, factor: 2, jitter: 'equal' as const };

const good = () => fakeResponse(fileOf(SAMPLES.jpg, 500), { headers: { 'content-type': 'image/jpeg', 'content-length': '500' } });
const status = (code: number, headers: Record<string, string> = {}) => () => fakeResponse(SAMPLES.html, { status: code, headers });
const truncated = () => fakeResponse(fileOf(SAMPLES.jpg, 200), { headers: { 'content-type': 'image/jpeg', 'content-length': '500' } });

function harness(responses: (() => Response)[], extra: Partial<DownloadWithRetryOptions> = {}) {
  const { impl, calls } = fakeFetch(responses);
  const delays: number[] = [];
  const sinks: FakeSink[] = [];
  const run = () =>
    downloadWithRetry({
      url: OLD_URL,
      rules: RULES,
      signal: new AbortController().signal,
      openSink: async () => {
        const sink = fakeSink();
        sinks.push(sink);
        return sink;
      },
      fetchImpl: impl,
      policy: POLICY,
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
      ...extra,
    });
  return { run, calls, delays, sinks };
}

async function failure(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExportError);
  return error as ExportError;
}

describe('downloadWithRetry', () => {
  it.each([
    ['succeeds at once', [good], 1, []],
    ['retries two 503s with growing backoff', [status(503), status(503), good], 3, [750, 1500]],
    ['retries 408, 425, 502 and 504', [status(408), status(425), status(502), status(504)], 4, [750, 1500, 3000]],
    ['honours Retry-After on 429', [status(429, { 'retry-after': '20' }), good], 2, [20_000]],
    ['keeps the backoff when Retry-After asks for less', [status(503, { 'retry-after': '0' }), good], 2, [750]],
    ['retries a truncated body', [truncated, truncated, good], 3, [750, 1500]],
  ])('%s', async (_label, responses, attempts, delays) => {
    const h = harness(responses);
    const outcome = await h.run().then((r) => r, (e: unknown) => e);
    expect(h.calls).toHaveLength(attempts);
    expect(h.delays).toEqual(delays);
    if (!(outcome instanceof ExportError)) expect(outcome).toMatchObject({ attempts, url: OLD_URL, format: 'jpg', bytes: 500 });
  });

  it('gives up after 3 retries (4 attempts) with the last error', async () => {
    const h = harness([status(500)]);
    const error = await failure(h.run());
    expect(error.kind).toBe('http_error');
    expect(error.details.status).toBe(500);
    expect(h.calls).toHaveLength(4);
    expect(h.delays).toEqual([750, 1500, 3000]);
  });

  it('opens a fresh sink for each attempt and aborts every failed one', async () => {
    const h = harness([truncated, truncated, truncated, truncated]);
    expect((await failure(h.run())).kind).toBe('network_error');
    expect(h.sinks).toHaveLength(4);
    expect(h.sinks.every((sink) => sink.aborted && !sink.closed)).toBe(true);
  });

  it.each([
    ['404', status(404), 'http_error'],
    ['an HTML page', () => fakeResponse(SAMPLES.html, { headers: { 'content-type': 'text/html' } }), 'not_allowed_type'],
    ['a file over the limit', () => fakeResponse(SAMPLES.jpg, { headers: { 'content-type': 'image/jpeg', 'content-length': '99999' } }), 'too_large'],
    ['403 without a way to refresh', status(403), 'expired_url'],
  ])('does not retry %s', async (_label, response, kind) => {
    const h = harness([response, good]);
    expect((await failure(h.run())).kind).toBe(kind);
    expect(h.calls).toHaveLength(1);
    expect(h.delays).toEqual([]);
  });

  it('refreshes an expired URL once and downloads from the new one', async () => {
    let refreshes = 0;
    const h = harness([status(403), good], {
      refreshUrl: async () => {
        refreshes += 1;
        return NEW_URL;
      },
    });
    await expect(h.run()).resolves.toMatchObject({ url: NEW_URL, attempts: 2 });
    expect(refreshes).toBe(1);
    expect(h.calls.map((c) => c.url)).toEqual([OLD_URL, NEW_URL]);
    expect(h.delays).toEqual([]);
  });

  it('refreshes only once when the new URL expires too', async () => {
    let refreshes = 0;
    const h = harness([status(410)], {
      refreshUrl: async () => {
        refreshes += 1;
        return `${NEW_URL}${refreshes}`;
      },
    });
    expect((await failure(h.run())).kind).toBe('expired_url');
    expect(refreshes).toBe(1);
    expect(h.calls).toHaveLength(2);
  });

  it('still retries transient failures after a refresh', async () => {
    const h = harness([status(403), status(503), good], { refreshUrl: async () => NEW_URL });
    await expect(h.run()).resolves.toMatchObject({ url: NEW_URL, attempts: 3 });
    expect(h.delays).toEqual([750]);
  });

  it('fails as expired when the platform offers no newer link', async () => {
    const h = harness([status(403)], { refreshUrl: async () => null });
    const error = await failure(h.run());
    expect(error.kind).toBe('expired_url');
    expect(error.message).toMatch(/offers no newer link/);
  });

  it('passes on the error of a failed refresh', async () => {
    const h = harness([status(403)], {
      refreshUrl: async () => {
        throw new ExportError('rate_limited', 'slow down');
      },
    });
    expect((await failure(h.run())).kind).toBe('rate_limited');
  });

  it('stops as cancelled when the job is cancelled during a backoff', async () => {
    const controller = new AbortController();
    const h = harness([status(503), good], {
      signal: controller.signal,
      sleep: async (_ms, signal) => {
        controller.abort();
        signal.throwIfAborted();
      },
    });
    expect((await failure(h.run())).kind).toBe('cancelled');
    expect(h.calls).toHaveLength(1);
  });

  it('gives its slot back while it backs off', async () => {
    const slots = createDownloadSlots(1);
    let wake: () => void = () => undefined;
    const a = harness([status(503), good], {
      slots,
      sleep: () => new Promise<void>((resolve) => { wake = resolve; }),
    });
    const b = harness([good], { slots });
    const first = a.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(b.run()).resolves.toMatchObject({ attempts: 1 });
    expect(slots.activeCount).toBe(0);
    wake();
    await expect(first).resolves.toMatchObject({ attempts: 2 });
  });
});
