import { describe, expect, it } from 'vitest';
import { reusedBufferChunks, reusedBufferReader } from '../../../lib/storage/reusedBufferReader';

function pattern(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (i * 31 + 7) & 0xff;
  return bytes;
}

/** A byte stream (as fetch and Blob bodies are in browsers) that answers BYOB reads into the reader's buffer. */
function byteStream(data: Uint8Array, piece: number, cancelled: { reason?: unknown } = {}): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    type: 'bytes',
    pull(controller) {
      const request = controller.byobRequest;
      if (at >= data.length) {
        controller.close();
        request?.respond(0);
        return;
      }
      if (!request?.view) throw new Error('expected a BYOB read');
      const view = new Uint8Array(request.view.buffer, request.view.byteOffset, request.view.byteLength);
      const n = Math.min(piece, view.length, data.length - at);
      view.set(data.subarray(at, at + n));
      at += n;
      request.respond(n);
    },
    cancel(reason) {
      cancelled.reason = reason ?? 'cancelled';
    },
  });
}

function defaultStream(data: Uint8Array, piece: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= data.length) return controller.close();
      controller.enqueue(data.slice(at, at + piece));
      at += piece;
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>, bufferBytes: number): Promise<{ bytes: Uint8Array; buffers: number[] }> {
  const reader = reusedBufferReader(stream, bufferBytes);
  const parts: Uint8Array[] = [];
  const buffers: number[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffers.push(value.buffer.byteLength);
    parts.push(value.slice());
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, buffers };
}

describe('reusedBufferReader', () => {
  it('reads a byte stream into the one buffer it was given, every byte in order', async () => {
    const data = pattern(100_000);
    const { bytes, buffers } = await readAll(byteStream(data, 3_000), 4_096);
    expect(bytes).toEqual(data);
    expect(buffers.length).toBeGreaterThan(30);
    // Every chunk is a view of a 4 KiB buffer: the reader's own, handed back and forth, never a new one per chunk.
    expect(new Set(buffers)).toEqual(new Set([4_096]));
  });

  it('reads a stream that is not a byte stream chunk by chunk, as it comes', async () => {
    const data = pattern(10_000);
    const { bytes, buffers } = await readAll(defaultStream(data, 1_000), 4_096);
    expect(bytes).toEqual(data);
    expect(buffers).toHaveLength(10);
  });

  it('ends on an empty byte stream', async () => {
    expect((await readAll(byteStream(new Uint8Array(0), 10), 64)).bytes).toHaveLength(0);
  });
});

describe('reusedBufferChunks', () => {
  it('yields views of one buffer, each overwritten by the next read', async () => {
    const data = pattern(20_000);
    const seen: Uint8Array[] = [];
    const views: Uint8Array[] = [];
    for await (const chunk of reusedBufferChunks(byteStream(data, 5_000), 5_000)) {
      seen.push(chunk.slice());
      views.push(chunk);
    }
    expect(seen.map((c) => c.length)).toEqual([5_000, 5_000, 5_000, 5_000]);
    expect(seen.flatMap((c) => [...c])).toEqual([...data]);
    // The earlier views' buffers went back to the stream: only the last one still holds bytes.
    expect(views.slice(0, -1).every((v) => v.byteLength === 0)).toBe(true);
  });

  it('cancels the stream when the consumer stops early', async () => {
    const cancelled: { reason?: unknown } = {};
    for await (const chunk of reusedBufferChunks(byteStream(pattern(50_000), 1_000, cancelled), 1_000)) {
      expect(chunk.length).toBe(1_000);
      break;
    }
    expect(cancelled.reason).toBeDefined();
  });
});
