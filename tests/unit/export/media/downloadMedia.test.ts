import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { downloadMedia } from '../../../../lib/export/media/downloadMedia';
import type { DownloadMediaOptions } from '../../../../lib/export/media/downloadMedia';
import type { MediaRules } from '../../../../lib/platforms/types';
import { SAMPLES, fakeFetch, fakeResponse, fakeSink, fileOf } from '../../support/fakes';
import type { BodyProbe, FakeResponseInit, FakeSink } from '../../support/fakes';

const RULES: MediaRules = { maxBytes: 1000, formats: ['jpg', 'png', 'mp4', 'mov'] };
const URL_ = 'https://scontent.cdninstagram.com/v/a.jpg?oh=sig';
const NOW = Date.parse('2026-11-24T12:00:00Z');

interface Setup {
  sink: FakeSink;
  probe: BodyProbe;
  sinkOpened: () => number;
  calls: ReturnType<typeof fakeFetch>['calls'];
  run: (extra?: Partial<DownloadMediaOptions>) => Promise<Awaited<ReturnType<typeof downloadMedia>>>;
}

function setup(data: Uint8Array, init: FakeResponseInit): Setup {
  const sink = fakeSink();
  const probe: BodyProbe = { pulls: 0, cancelled: false };
  let opened = 0;
  const { impl, calls } = fakeFetch([() => fakeResponse(data, init, probe)]);
  return {
    sink,
    probe,
    calls,
    sinkOpened: () => opened,
    run: (extra = {}) =>
      downloadMedia({
        url: URL_,
        rules: RULES,
        signal: new AbortController().signal,
        openSink: async () => {
          opened += 1;
          return sink;
        },
        fetchImpl: impl,
        now: () => NOW,
        ...extra,
      }),
  };
}

async function failure(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExportError);
  return error as ExportError;
}

function joined(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

describe('downloadMedia accepts', () => {
  it.each([
    ['a JPG in 7-byte chunks', SAMPLES.jpg, 'image/jpeg', 'jpg', 7],
    ['a PNG in 1-byte chunks', SAMPLES.png, 'image/png', 'png', 1],
    ['an MP4 in one chunk', SAMPLES.mp4Isom, 'video/mp4', 'mp4', 1000],
    ['a MOV', SAMPLES.movFtyp, 'video/quicktime', 'mov', 64],
    ['an MP4 labelled octet-stream', SAMPLES.mp4Mp42, 'application/octet-stream', 'mp4', 64],
    ['an MP4 without a content type', SAMPLES.mp4Mp42, undefined, 'mp4', 64],
    ['a PNG labelled JPEG (same kind: the bytes decide)', SAMPLES.png, 'image/jpeg', 'png', 64],
    ['a MOV labelled MP4', SAMPLES.movMoov, 'video/mp4', 'mov', 64],
    ['an MP4 known by a compatible brand, in 4-byte chunks', SAMPLES.mp4ByCompatibleBrand, 'video/mp4', 'mp4', 4],
  ])('%s', async (_label, head, contentType, format, chunkSize) => {
    const file = fileOf(head, 900);
    const headers: Record<string, string> = { 'content-length': '900' };
    if (contentType) headers['content-type'] = contentType;
    const t = setup(file, { headers, chunkSize });
    await expect(t.run()).resolves.toEqual({ format, bytes: 900, contentType: contentType ?? null });
    expect(joined(t.sink.chunks)).toEqual(file);
    expect(t.sink.closed).toBe(true);
    expect(t.sink.aborted).toBe(false);
  });

  it('reads a byte-stream body (as browsers serve fetch bodies) into one reused buffer, the sniffed head intact', async () => {
    const file = fileOf(SAMPLES.mp4Isom, 1000);
    let at = 0;
    let byobReads = 0;
    const body = new ReadableStream({
      type: 'bytes',
      pull(controller) {
        const request = controller.byobRequest;
        if (at >= file.length) {
          controller.close();
          request?.respond(0);
          return;
        }
        byobReads += 1;
        const view = new Uint8Array(request!.view!.buffer, request!.view!.byteOffset, request!.view!.byteLength);
        const n = Math.min(40, view.length, file.length - at);
        view.set(file.subarray(at, at + n));
        at += n;
        request!.respond(n);
      },
    });
    const sink = fakeSink();
    const result = await downloadMedia({
      url: URL_,
      rules: RULES,
      signal: new AbortController().signal,
      openSink: async () => sink,
      fetchImpl: async () => new Response(body, { headers: { 'content-type': 'video/mp4', 'content-length': '1000' } }),
    });
    expect(result).toEqual({ format: 'mp4', bytes: 1000, contentType: 'video/mp4' });
    expect(byobReads).toBe(25);
    expect(joined(sink.chunks)).toEqual(file);
  });

  it('fetches without cookies, never following a redirect, bypassing the HTTP cache', async () => {
    const t = setup(fileOf(SAMPLES.jpg, 100), { headers: { 'content-type': 'image/jpeg' } });
    await t.run();
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]?.url).toBe(URL_);
    expect(t.calls[0]?.init).toMatchObject({ credentials: 'omit', redirect: 'manual', cache: 'no-store' });
  });

  it('accepts a file exactly at the size limit, and a body shorter than the sniffing window', async () => {
    await expect(setup(fileOf(SAMPLES.jpg, 1000), { headers: { 'content-type': 'image/jpeg' } }).run()).resolves.toMatchObject({ bytes: 1000 });
    await expect(setup(SAMPLES.jpg.subarray(0, 4), { headers: { 'content-type': 'image/jpeg' } }).run()).resolves.toMatchObject({ format: 'jpg', bytes: 4 });
  });

  it('does not hold a compressed body to its Content-Length', async () => {
    const t = setup(fileOf(SAMPLES.jpg, 500), { headers: { 'content-type': 'image/jpeg', 'content-encoding': 'br', 'content-length': '300' } });
    await expect(t.run()).resolves.toMatchObject({ bytes: 500 });
  });
});

describe('downloadMedia refuses before writing anything', () => {
  it.each([
    ['a content type the platform does not keep', fileOf(SAMPLES.webp, 100), { headers: { 'content-type': 'image/webp' } }, 'not_allowed_type', /not kept/],
    ['an unknown content type', fileOf(SAMPLES.jpg, 100), { headers: { 'content-type': 'audio/mpeg' } }, 'not_allowed_type', /audio\/mpeg/],
    ['an HTML page with status 200', SAMPLES.html, { headers: { 'content-type': 'text/html; charset=utf-8' } }, 'not_allowed_type', /web page/],
    ['an HTML page labelled as a JPEG', SAMPLES.html, { headers: { 'content-type': 'image/jpeg' } }, 'not_allowed_type', /web page/],
    ['a redirect (opaque, as a browser reports it)', SAMPLES.html, { type: 'opaqueredirect' }, 'not_allowed_host', /elsewhere .*login page/],
    ['a redirect (the 3xx itself)', SAMPLES.html, { status: 302, headers: { location: 'https://www.instagram.com/accounts/login/' } }, 'not_allowed_host', /elsewhere/],
    ['garbage labelled as a JPEG', fileOf(SAMPLES.garbage, 100), { headers: { 'content-type': 'image/jpeg' } }, 'not_allowed_type', /no allowed format/],
    ['JPEG bytes labelled as a video', fileOf(SAMPLES.jpg, 100), { headers: { 'content-type': 'video/mp4' } }, 'not_allowed_type', /labelled the file MP4/],
    ['a GIF the platform does not keep, labelled octet-stream', fileOf(SAMPLES.gif89, 100), { headers: { 'content-type': 'application/octet-stream' } }, 'not_allowed_type', /GIF/],
    ['an empty body', new Uint8Array(0), { headers: { 'content-type': 'image/jpeg' } }, 'not_allowed_type', /no allowed format/],
    ['a Content-Length over the limit', fileOf(SAMPLES.jpg, 100), { headers: { 'content-type': 'image/jpeg', 'content-length': '1001' } }, 'too_large', /larger than/],
    ['403 (expired signature)', SAMPLES.html, { status: 403 }, 'expired_url', /403/],
    ['410', SAMPLES.html, { status: 410 }, 'expired_url', /410/],
    ['404', SAMPLES.html, { status: 404 }, 'http_error', /not found/],
    ['206 partial content', fileOf(SAMPLES.jpg, 100), { status: 206, headers: { 'content-type': 'image/jpeg' } }, 'http_error', /206/],
  ] as const)('%s', async (_label, data, init, kind, message) => {
    const t = setup(data, init);
    const error = await failure(t.run());
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(t.sink.written).toBe(0);
    expect(t.sink.closed).toBe(false);
  });

  it('refuses bytes of the other kind than announced', async () => {
    const t = setup(fileOf(SAMPLES.jpg, 100), { headers: { 'content-type': 'application/octet-stream' } });
    const error = await failure(t.run({ expectedKind: 'video' }));
    expect(error.kind).toBe('not_allowed_type');
    expect(t.sinkOpened()).toBe(0);
  });

  it('does not read the body of a file declared too large', async () => {
    const t = setup(fileOf(SAMPLES.jpg, 5000), { headers: { 'content-type': 'image/jpeg', 'content-length': '5000' } });
    await failure(t.run());
    expect(t.probe.pulls).toBe(0);
    expect(t.probe.cancelled).toBe(true);
    expect(t.sinkOpened()).toBe(0);
  });

  it('holds its slot a moment after cancelling a body, while the browser closes that connection', async () => {
    const t = setup(fileOf(SAMPLES.jpg, 5000), { headers: { 'content-type': 'image/jpeg', 'content-length': '5000' } });
    const started = performance.now();
    await failure(t.run());
    expect(t.probe.cancelled).toBe(true);
    // Timers may fire a millisecond early; the hold is 250 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it.each([
    [429, { 'retry-after': '7' }, 7000],
    [503, { 'retry-after': 'Tue, 24 Nov 2026 12:01:00 GMT' }, 60_000],
    [500, {}, undefined],
  ])('reports %i as a retryable http_error with Retry-After', async (status, headers, retryAfterMs) => {
    const error = await failure(setup(SAMPLES.html, { status, headers }).run());
    expect(error.kind).toBe('http_error');
    expect(error.details).toEqual(retryAfterMs === undefined ? { status } : { status, retryAfterMs });
  });

  it('turns a network failure into a network_error', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await failure(downloadMedia({ url: URL_, rules: RULES, signal: new AbortController().signal, openSink: async () => fakeSink(), fetchImpl }));
    expect(error.kind).toBe('network_error');
  });

  it('reports a fetch aborted by a cancelled job as cancelled, whatever the abort reason', async () => {
    const controller = new AbortController();
    const fetchImpl = (async () => {
      controller.abort(new Error('user pressed cancel'));
      throw controller.signal.reason;
    }) as typeof fetch;
    const error = await failure(downloadMedia({ url: URL_, rules: RULES, signal: controller.signal, openSink: async () => fakeSink(), fetchImpl }));
    expect(error.kind).toBe('cancelled');
  });
});

describe('downloadMedia while streaming', () => {
  it('cancels the request early and aborts the sink when a body without Content-Length passes the limit', async () => {
    const t = setup(SAMPLES.jpg, { headers: { 'content-type': 'image/jpeg' }, chunkSize: 100, endless: true });
    const error = await failure(t.run());
    expect(error.kind).toBe('too_large');
    expect(t.probe.cancelled).toBe(true);
    expect(t.probe.pulls).toBeLessThanOrEqual(12);
    expect(t.sink.aborted).toBe(true);
    expect(t.sink.closed).toBe(false);
    expect(t.sink.written).toBeLessThanOrEqual(RULES.maxBytes);
  });

  it('reports a body shorter than its Content-Length as a retryable network_error and aborts the sink', async () => {
    const t = setup(fileOf(SAMPLES.jpg, 600), { headers: { 'content-type': 'image/jpeg', 'content-length': '1000' } });
    const error = await failure(t.run());
    expect(error.kind).toBe('network_error');
    expect(error.message).toMatch(/600 of 1000/);
    expect(t.sink.aborted).toBe(true);
    expect(t.sink.closed).toBe(false);
  });

  it('reports a connection that breaks mid-body as a network_error', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 0) controller.error(new TypeError('terminated'));
        else controller.enqueue(fileOf(SAMPLES.jpg, 64));
        sent += 1;
      },
    });
    const sink = fakeSink();
    const fetchImpl = (async () => new Response(body, { headers: { 'content-type': 'image/jpeg' } })) as typeof fetch;
    const error = await failure(downloadMedia({ url: URL_, rules: RULES, signal: new AbortController().signal, openSink: async () => sink, fetchImpl }));
    expect(error.kind).toBe('network_error');
    expect(sink.aborted).toBe(true);
  });

  it('stops as cancelled when the job is cancelled mid-body', async () => {
    const controller = new AbortController();
    const t = setup(SAMPLES.jpg, { headers: { 'content-type': 'image/jpeg' }, chunkSize: 50, endless: true });
    const sink = t.sink;
    const write = sink.write.bind(sink);
    sink.write = async (chunk) => {
      await write(chunk);
      if (sink.chunks.length === 3) controller.abort();
    };
    const error = await failure(t.run({ signal: controller.signal, rules: { ...RULES, maxBytes: 1e9 } }));
    expect(error.kind).toBe('cancelled');
    expect(sink.aborted).toBe(true);
    expect(t.probe.cancelled).toBe(true);
  });

  it('aborts the sink when closing it fails (e.g. the disk is full)', async () => {
    const t = setup(fileOf(SAMPLES.jpg, 100), { headers: { 'content-type': 'image/jpeg' } });
    t.sink.close = async () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const error = await failure(t.run());
    expect(error.kind).toBe('quota_exceeded');
    expect(t.sink.aborted).toBe(true);
  });
});
