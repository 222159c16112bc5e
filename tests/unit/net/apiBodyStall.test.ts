import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlatformContext } from '../../../lib/net/platformContext';
import { MemoryNotes } from '../platforms/memoryNotes';

const STALL_MS = 150;

/** A fetch whose body sends a chunk every `everyMs`, `chunks` times, erroring as real fetch does when its signal aborts. */
function slowBodyFetch(chunks: number, everyMs: number): typeof fetch {
  return (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const signal = init!.signal!;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, everyMs));
        if (signal.aborted) return controller.error(new DOMException('The operation was aborted.', 'AbortError'));
        if (sent === chunks) return controller.close();
        sent += 1;
        controller.enqueue(new TextEncoder().encode('<p>part of a large page</p>'));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/html' } });
  }) as typeof fetch;
}

afterEach(() => vi.unstubAllGlobals());

function unpacedInstagram() {
  return createPlatformContext({
    origin: 'https://www.instagram.com',
    pacing: { minDelayMs: 0, maxDelayMs: 0 },
    signal: new AbortController().signal,
    stallTimeoutMs: STALL_MS,
    notes: new MemoryNotes(),
    onPause: async () => undefined,
  });
}

describe('an API answer whose body keeps arriving', () => {
  it('is no stall however long the whole body takes', async () => {
    vi.stubGlobal('fetch', slowBodyFetch(8, STALL_MS / 2));
    const platform = unpacedInstagram();
    const response = await platform.request({ url: 'https://www.instagram.com/star.demo/' });
    expect(response.text.match(/part of a large page/g)).toHaveLength(8);
  });

  it('a body that stops arriving is still a stall', async () => {
    vi.stubGlobal('fetch', slowBodyFetch(2, STALL_MS * 3));
    const platform = unpacedInstagram();
    await expect(platform.request({ url: 'https://www.instagram.com/star.demo/' })).rejects.toMatchObject({ kind: 'network_error' });
  });
});
