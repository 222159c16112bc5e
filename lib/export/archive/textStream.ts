/** Text pieces are gathered up to about this many characters before they are encoded and handed on. */
const DEFAULT_CHUNK_CHARS = 64 * 1024;

/**
 * UTF-8 bytes of text produced piece by piece (one post at a time), read only as fast as the
 * consumer takes them, so a file describing 50 000 posts is never one string. Pieces are joined,
 * never cut, so a surrogate pair inside a piece stays whole for the encoder.
 */
export function textStream(pieces: AsyncIterable<string>, chunkChars = DEFAULT_CHUNK_CHARS): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const gathered: string[] = [];
        let chars = 0;
        while (chars < chunkChars) {
          const next = await iterator.next();
          if (next.done) break;
          gathered.push(next.value);
          chars += next.value.length;
        }
        if (gathered.length > 0) controller.enqueue(encoder.encode(gathered.join('')));
        if (chars < chunkChars) controller.close();
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    // One chunk ahead at most: the producer waits for the ZIP.
    { highWaterMark: 0 },
  );
}
