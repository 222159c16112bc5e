import { describe, expect, it } from 'vitest';
import { coalescingStream } from '../../../../lib/export/archive/coalescingStream';

function collector() {
  const writes: Uint8Array[] = [];
  let closed = false;
  const stream = new WritableStream<Uint8Array>({
    write: (chunk) => void writes.push(chunk),
    close: () => void (closed = true),
  });
  return { stream, writes, closed: () => closed };
}

describe('coalescingStream', () => {
  it.each([
    ['many small writes', [3, 3, 3, 3, 3], 8],
    ['one write larger than a chunk', [20], 8],
    ['writes that straddle chunk ends', [5, 7, 9, 1], 8],
    ['nothing at all', [], 8],
  ])('passes %s through unchanged, in chunks of at most the chunk size', async (_name, sizes, chunkBytes) => {
    const out = collector();
    const stream = coalescingStream(out.stream, chunkBytes);
    const writer = stream.getWriter();
    const expected: number[] = [];
    let next = 0;
    for (const size of sizes) {
      const chunk = Uint8Array.from({ length: size }, () => next++ % 256);
      expected.push(...chunk);
      await writer.write(chunk);
    }
    await writer.close();
    const written = out.writes.flatMap((w) => [...w]);
    expect(written).toEqual(expected);
    expect(out.writes.every((w) => w.byteLength <= chunkBytes)).toBe(true);
    expect(out.writes.slice(0, -1).every((w) => w.byteLength === chunkBytes)).toBe(true);
    expect(out.closed()).toBe(true);
  });
});
