/**
 * A staged file's bytes as the ZIP worker copies them into the ZIP: read through a sync access
 * handle into one buffer used again and again. Reading the file's stream() allocated a chunk per
 * read that stayed in the renderer until collected (big-export's media stage: +733 MB with it,
 * +232 with reads into one buffer), and BYOB reads of that stream in the worker left a YouTube
 * export's appends waiting for ever (docs/architecture.md, "Storage and memory").
 */
import type { Chunks } from '../export/archive/stream/streamingZipWriter';
import { stagedFileHandle } from './fileStaging';
import { accessHandle } from './syncAccessFile';

const READ_BYTES = 1024 * 1024;

async function* readInPlace(handle: FileSystemFileHandle): AsyncIterable<Uint8Array> {
  // Opened on the first read, so a caller that never reads holds no lock on the file.
  const access = await accessHandle(handle);
  try {
    const buffer = new Uint8Array(READ_BYTES);
    const size = access.getSize();
    for (let at = 0; at < size; ) {
      const n = access.read(buffer.subarray(0, Math.min(READ_BYTES, size - at)), { at });
      if (n <= 0) throw new DOMException('A downloaded file could not be read back from storage.', 'NotReadableError');
      at += n;
      // The ZIP writer copies or writes each chunk before it asks for the next.
      yield buffer.subarray(0, n);
    }
  } finally {
    access.close();
  }
}

/** The staged file's bytes, each chunk overwritten by the next; undefined when the file is not there. */
export async function stagedFileChunks(jobId: string, name: string): Promise<Chunks | undefined> {
  const handle = await stagedFileHandle(jobId, name);
  return handle && readInPlace(handle);
}
