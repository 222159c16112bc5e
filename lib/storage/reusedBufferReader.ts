/**
 * Reads a byte stream into one buffer, again and again, instead of a new ArrayBuffer per chunk.
 * Measured with the built extension (docs/architecture.md, "Storage and memory"): the chunks a
 * default reader hands out are garbage at once, yet the extension's renderer held them by the
 * hundred megabytes while media downloaded, until its garbage collector ran (a 2 GB export grew
 * it by 400-470 MB, and by ~150 MB with BYOB reads). With a BYOB reader the stream fills the
 * buffer it is given, so reading a gigabyte allocates (almost) nothing. Downloads only: in the
 * ZIP worker, BYOB reads of staged Files left a YouTube export's appends waiting for ever.
 */

export interface ReusedBufferReader {
  /** The next bytes: a view that the next read overwrites, so use (or copy) it before reading on. */
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

/** Bytes asked for per read: large enough to keep reads few, small beside a download slot's share. */
export const READ_BUFFER_BYTES = 256 * 1024;

export function reusedBufferReader(stream: ReadableStream<Uint8Array>, bufferBytes = READ_BUFFER_BYTES): ReusedBufferReader {
  let byob: ReadableStreamBYOBReader;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch (error) {
    // Not a byte stream (a body this browser does not stream as bytes): chunks as they come.
    if (!(error instanceof TypeError)) throw error;
    const reader = stream.getReader();
    return { read: () => reader.read(), cancel: (reason) => reader.cancel(reason) };
  }
  let buffer = new ArrayBuffer(bufferBytes);
  return {
    async read() {
      const next = await byob.read(new Uint8Array(buffer));
      // The stream took the buffer over (transferred it); its bytes come back in the view.
      if (next.value) buffer = next.value.buffer as ArrayBuffer;
      return next.done ? { done: true, value: undefined } : { done: false, value: next.value as Uint8Array };
    },
    cancel: (reason) => byob.cancel(reason),
  };
}
