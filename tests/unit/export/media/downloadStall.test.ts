import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { downloadMedia } from '../../../../lib/export/media/downloadMedia';
import type { MediaRules } from '../../../../lib/platforms/types';
import { SAMPLES, fakeSink, fileOf } from '../../support/fakes';

const RULES: MediaRules = { maxBytes: 10_000, formats: ['jpg'] };
const URL_ = 'https://scontent.cdninstagram.com/v/a.jpg?oh=sig';

async function failure(promise: Promise<unknown>): Promise<ExportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExportError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** A fetch whose headers never come: it settles only when its signal aborts, as a real one does. */
const silentServer = ((_url: string, init: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
  })) as typeof fetch;

describe('downloadMedia against a server that stalls', () => {
  it('gives up on headers that do not come, as a retryable network_error', async () => {
    const sink = fakeSink();
    const error = await failure(
      downloadMedia({ url: URL_, rules: RULES, signal: new AbortController().signal, openSink: async () => sink, fetchImpl: silentServer, stallTimeoutMs: 40 }),
    );
    expect(error.kind).toBe('network_error');
    expect(error.message).toMatch(/sent nothing/);
    expect(sink.chunks).toEqual([]);
  });

  it('gives up on a body that stops mid-way and aborts the sink', async () => {
    let pulls = 0;
    const sink = fakeSink();
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls += 1;
          if (pulls === 1) controller.enqueue(fileOf(SAMPLES.jpg, 64));
          else return new Promise<void>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
        },
      });
      return new Response(body, { headers: { 'content-type': 'image/jpeg' } });
    }) as typeof fetch;
    const error = await failure(
      downloadMedia({ url: URL_, rules: RULES, signal: new AbortController().signal, openSink: async () => sink, fetchImpl, stallTimeoutMs: 40 }),
    );
    expect(error.kind).toBe('network_error');
    expect(sink.aborted).toBe(true);
    expect(sink.closed).toBe(false);
  });

  it('still reports a cancelled job as cancelled, not as a stall', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const error = await failure(
      downloadMedia({ url: URL_, rules: RULES, signal: controller.signal, openSink: async () => fakeSink(), fetchImpl: silentServer, stallTimeoutMs: 5_000 }),
    );
    expect(error.kind).toBe('cancelled');
  });
});
