/**
 * zip.js writes every header and every 256 KiB chunk separately, and each write to an OPFS file
 * is a round trip to the browser process; the benchmark found the ZIP stage waiting on those.
 * Gathering writes into a few MiB first keeps the number of round trips small and memory bounded.
 */
const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

export function coalescingStream(target: WritableStream<Uint8Array>, chunkBytes = DEFAULT_CHUNK_BYTES): WritableStream<Uint8Array> {
  const writer = target.getWriter();
  let buffer = new Uint8Array(chunkBytes);
  let filled = 0;

  const flush = async () => {
    if (filled === 0) return;
    const full = buffer.subarray(0, filled);
    // The target may keep the chunk it was given; the next writes go to a fresh buffer.
    buffer = new Uint8Array(chunkBytes);
    filled = 0;
    await writer.write(full);
  };

  return new WritableStream<Uint8Array>({
    async write(chunk) {
      let offset = 0;
      while (offset < chunk.byteLength) {
        const take = Math.min(chunkBytes - filled, chunk.byteLength - offset);
        buffer.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === chunkBytes) await flush();
      }
    },
    async close() {
      await flush();
      await writer.close();
    },
    async abort(reason) {
      await writer.abort(reason);
    },
  });
}
