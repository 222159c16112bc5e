import { describe, expect, it } from 'vitest';
import { reusedBufferReader } from '../../../lib/storage/reusedBufferReader';

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
