import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { RANGE_BYTES, downloadMedia } from '../../../../lib/export/media/downloadMedia';
import type { MediaRules } from '../../../../lib/platforms/types';
import { SAMPLES, fakeSink, fileOf } from '../../support/fakes';

const RULES: MediaRules = { maxBytes: 100 * 2 ** 20, formats: ['jpg', 'mp4'] };
const URL_ = 'https://scontent.cdninstagram.com/v/a.mp4?oh=sig';
const VIDEO = fileOf(SAMPLES.mp4Isom, 2 * RANGE_BYTES + 12_345);

interface Served {
  /** What the server answers to the nth request, given the range asked for. */
  answer(request: number, start: number, end: number): Response;
}

/** A CDN edge that serves byte ranges of `file`, as the platforms' media hosts do. */
function rangedFile(file: Uint8Array): Served {
  return {
    answer: (_request, start, end) => {
      const last = Math.min(end, file.length - 1);
      return new Response(file.slice(start, last + 1), {
        status: 206,
        headers: { 'content-type': 'video/mp4', 'content-range': `bytes ${start}-${last}/${file.length}`, 'content-length': String(last + 1 - start) },
      });
    },
  };
}

function run(served: Served) {
  const ranges: string[] = [];
  const sink = fakeSink();
  const fetchImpl = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range') ?? '';
    ranges.push(range);
    const [, start, end] = /^bytes=(\d+)-(\d+)$/.exec(range)!;
    return served.answer(ranges.length, Number(start), Number(end));
  }) as typeof fetch;
  const result = downloadMedia({ url: URL_, rules: RULES, signal: new AbortController().signal, openSink: async () => sink, fetchImpl });
  return { result, ranges, sink };
}

async function failure(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ExportError);
  return error as ExportError;
}

describe('downloadMedia in ranges', () => {
  it('asks for the file a range at a time and writes every byte once, in order', async () => {
    const { result, ranges, sink } = run(rangedFile(VIDEO));
    expect(await result).toMatchObject({ format: 'mp4', bytes: VIDEO.length });
    expect(ranges).toEqual([
      `bytes=0-${RANGE_BYTES - 1}`,
      `bytes=${RANGE_BYTES}-${2 * RANGE_BYTES - 1}`,
      `bytes=${2 * RANGE_BYTES}-${3 * RANGE_BYTES - 1}`,
    ]);
    expect(sink.closed).toBe(true);
    expect(sink.written).toBe(VIDEO.length);
    expect(Buffer.concat(sink.chunks).equals(Buffer.from(VIDEO))).toBe(true);
  });

  it('takes the whole file from a server that ignores ranges (200)', async () => {
    const small = fileOf(SAMPLES.jpg, 5000);
    const { result, ranges, sink } = run({
      answer: () => new Response(small.slice(), { status: 200, headers: { 'content-type': 'image/jpeg', 'content-length': String(small.length) } }),
    });
    expect(await result).toMatchObject({ format: 'jpg', bytes: 5000 });
    expect(ranges).toHaveLength(1);
    expect(sink.written).toBe(5000);
  });

  it.each([
    ['a file of another length', (start: number, end: number) => rangedFile(fileOf(SAMPLES.mp4Isom, VIDEO.length + 1)).answer(2, start, end), /another range or a changed file/],
    ['another range than asked', (start: number, end: number) => rangedFile(VIDEO).answer(2, start + 1, end), /another range or a changed file/],
    ['the whole file (200)', () => new Response(VIDEO.slice(), { status: 200, headers: { 'content-type': 'video/mp4' } }), /stopped sending ranges/],
  ])('gives a later range that brings %s up as a network error, to be downloaded again', async (_what, second, message) => {
    const edge = rangedFile(VIDEO);
    const { result, sink } = run({ answer: (request, start, end) => (request === 2 ? second(start, end) : edge.answer(request, start, end)) });
    const error = await failure(result);
    expect(error.kind).toBe('network_error');
    expect(error.message).toMatch(message);
    expect(sink.aborted).toBe(true);
    expect(sink.closed).toBe(false);
  });

  it('refuses a range that ends early, before asking for the next', async () => {
    const edge = rangedFile(VIDEO);
    const { result, ranges, sink } = run({
      answer: (request, start, end) => {
        const whole = edge.answer(request, start, end);
        if (request !== 1) return whole;
        // The headers promise the range; the connection closes a megabyte short of it.
        return new Response(VIDEO.slice(0, RANGE_BYTES - 2 ** 20), { status: 206, headers: whole.headers });
      },
    });
    const error = await failure(result);
    expect(error.kind).toBe('network_error');
    expect(error.message).toMatch(/stopped early/);
    expect(ranges).toHaveLength(1);
    expect(sink.aborted).toBe(true);
  });

  it('passes an expired link on a later range up as expired, for a fresh link', async () => {
    const edge = rangedFile(VIDEO);
    const { result } = run({ answer: (request, start, end) => (request === 3 ? new Response('', { status: 403 }) : edge.answer(request, start, end)) });
    expect((await failure(result)).kind).toBe('expired_url');
  });
});
