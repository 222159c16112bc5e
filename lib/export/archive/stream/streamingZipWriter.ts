/**
 * Appends entries to a ZIP at explicit offsets and resumes after a stop. zip.js (which
 * still writes the split parts) writes to a forward-only stream: an entry's sizes go into a data
 * descriptor, and its central directory exists only in the ZipWriter's memory, so an archive cut
 * off by a worker stop cannot be carried on, only rewritten; its `appendZip` copies a *finished*
 * ZIP. Here every entry's sizes and CRC are patched into its local header once its data is
 * written, and the caller keeps the returned record: the ZIP up to the end of the last recorded
 * entry is valid on its own, so resuming is a truncate to that offset, and `finish` writes the
 * central directory from the records.
 */
import { crc32Update } from './crc32';
import type { PositionalFile } from './positionalFile';
import { centralHeader, encodeName, endRecords, localHeader, type ZipEntryRecord } from './zipFormat';

export type { ZipEntryRecord } from './zipFormat';

/** Writes are gathered to this size: each write to an OPFS handle is a call into the browser. */
const WRITE_BYTES = 1024 * 1024;

export type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** Deflates `chunks` (raw DEFLATE, as ZIP method 8 holds it), handing each input chunk to `seen` first. */
async function* deflated(chunks: Chunks, seen: (chunk: Uint8Array) => void): AsyncIterable<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const feeding = (async () => {
    for await (const chunk of chunks) {
      seen(chunk);
      await writer.write(chunk as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  feeding.catch((error: unknown) => writer.abort(error).catch(() => undefined));
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield value;
  }
  await feeding;
}

export class StreamingZipWriter {
  private buffer = new Uint8Array(WRITE_BYTES);
  private filled = 0;
  /** Where the buffered bytes go. */
  private bufferAt: number;

  private constructor(
    private readonly file: PositionalFile,
    private end: number,
  ) {
    this.bufferAt = end;
  }

  /**
   * Opens the ZIP to append after `resumeAt`, the end of the last entry the caller recorded (0 for
   * a new ZIP): whatever lies past it (half an entry, a stale central directory) is cut off.
   */
  static async open(file: PositionalFile, resumeAt: number): Promise<StreamingZipWriter> {
    if (!Number.isSafeInteger(resumeAt) || resumeAt < 0) throw new RangeError(`Not an offset: ${resumeAt}`);
    const size = await file.getSize();
    if (size < resumeAt) throw new RangeError(`The ZIP has ${size} bytes, fewer than the ${resumeAt} recorded.`);
    if (size > resumeAt) await file.truncate(resumeAt);
    return new StreamingZipWriter(file, resumeAt);
  }

  /** The end of the last complete entry: where the next one starts, and what to checkpoint. */
  get offset(): number {
    return this.end;
  }

  /**
   * Writes one entry from its bytes, in order: stored (media do not compress), or deflated for
   * text. When it resolves the entry is complete and durable; if it rejects, the ZIP still ends
   * at `offset` for the next entry or `finish`.
   */
  async append(name: string, modified: number, chunks: Chunks, options: { deflate?: boolean } = {}): Promise<ZipEntryRecord> {
    const encodedName = encodeName(name);
    const offset = this.end;
    const deflate = options.deflate === true;
    const header = localHeader(encodedName, modified, undefined, deflate);
    this.filled = 0;
    this.bufferAt = offset;
    await this.put(header);
    let size = 0;
    let crc32 = 0;
    let written = 0;
    const seen = (chunk: Uint8Array) => {
      crc32 = crc32Update(crc32, chunk);
      size += chunk.length;
    };
    for await (const chunk of deflate ? deflated(chunks, seen) : chunks) {
      if (!deflate) seen(chunk);
      written += chunk.length;
      await this.put(chunk);
    }
    await this.drain();
    const final = deflate ? { size, compressedSize: written, crc32 } : { size, crc32 };
    await this.file.write(localHeader(encodedName, modified, final, deflate), offset);
    await this.file.flush();
    this.end = offset + header.length + written;
    return { name, offset, modified, ...final };
  }

  /**
   * Writes the central directory of `records` (every entry of the ZIP, in order) and the end
   * records after the last entry; returns the ZIP's size. Run again after a stop, it writes the
   * same bytes again.
   */
  async finish(records: AsyncIterable<ZipEntryRecord> | Iterable<ZipEntryRecord>): Promise<number> {
    const start = this.end;
    this.filled = 0;
    this.bufferAt = start;
    let count = 0;
    for await (const record of records) {
      await this.put(centralHeader(record));
      count += 1;
    }
    const directoryEnd = this.bufferAt + this.filled;
    await this.put(endRecords(count, start, directoryEnd - start));
    await this.drain();
    const size = this.bufferAt;
    await this.file.truncate(size);
    await this.file.flush();
    return size;
  }

  private async put(bytes: Uint8Array): Promise<void> {
    if (bytes.length >= WRITE_BYTES) {
      await this.drain();
      await this.file.write(bytes, this.bufferAt);
      this.bufferAt += bytes.length;
      return;
    }
    if (this.filled + bytes.length > WRITE_BYTES) await this.drain();
    this.buffer.set(bytes, this.filled);
    this.filled += bytes.length;
  }

  private async drain(): Promise<void> {
    if (this.filled === 0) return;
    await this.file.write(this.buffer.subarray(0, this.filled), this.bufferAt);
    this.bufferAt += this.filled;
    this.filled = 0;
  }
}
