/**
 * What an uploader reads: one finished file (today the whole ZIP; with split archives, one part).
 * `slice` hands out a Blob, not a stream: Chrome sends a ReadableStream body only over HTTP/2,
 * while a slice of a disk-backed OPFS File goes over any HTTP version with its length known,
 * read from disk as it is sent, never whole into memory.
 */
export interface UploadSource {
  name: string;
  size: number;
  slice(start: number, end: number): Blob;
}

export function fileUploadSource(name: string, file: Blob): UploadSource {
  return { name, size: file.size, slice: (start, end) => file.slice(start, end) };
}
