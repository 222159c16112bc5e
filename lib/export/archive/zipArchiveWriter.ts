import { BlobReader, TextReader, ZipWriter, configure } from '@zip.js/zip.js/lib/zip-core-native.js';

// The MV3 service worker has no Worker constructor; zip.js must compress on the calling thread.
configure({ useWebWorkers: false });

/**
 * Writes entries one at a time: zip.js buffers entries that are added concurrently in memory,
 * and a large video must stream from disk straight into the output.
 */
export interface ZipArchiveWriter {
  /** A text entry (JSON, CSV, HTML), deflated. */
  addText(path: string, text: string, modified: Date): Promise<void>;
  /**
   * A text entry read from a stream (the main JSON, CSV, index.html of a large account), deflated
   * as it arrives: its size is unknown up front, so the entry carries ZIP64 sizes in a data descriptor.
   */
  addTextStream(path: string, text: ReadableStream<Uint8Array>, modified: Date): Promise<void>;
  /** A media file, stored as is: JPEG and MP4 do not compress. */
  addFile(path: string, file: Blob, modified: Date): Promise<void>;
  close(): Promise<void>;
}

export function createZipArchiveWriter(output: WritableStream<Uint8Array>, signal: AbortSignal): ZipArchiveWriter {
  const zip = new ZipWriter(output, { signal, keepOrder: true });
  return {
    async addText(path, text, modified) {
      await zip.add(path, new TextReader(text), { level: 6, lastModDate: modified, signal });
    },
    async addTextStream(path, text, modified) {
      await zip.add(path, text, { level: 6, lastModDate: modified, signal });
    },
    async addFile(path, file, modified) {
      await zip.add(path, new BlobReader(file), { level: 0, lastModDate: modified, signal });
    },
    async close() {
      await zip.close();
    },
  };
}
