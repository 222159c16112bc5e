/**
 * An in-memory stand-in for lib/storage/fileStaging (OPFS does not exist in Node), with the same
 * functions: testServices.ts hands it to the engine as its staging. A file appears on close(),
 * as with createWritable(); `staged` lets a test look at or take away what is stored.
 */
import type { ByteSink } from '../../../../lib/storage/byteSink';

export const staged = new Map<string, Map<string, Blob>>();
/** Streams opened and neither closed nor aborted: a job must leave none behind. */
export const openStreams = new Set<string>();

function filesOf(jobId: string): Map<string, Blob> {
  let files = staged.get(jobId);
  if (!files) {
    files = new Map();
    staged.set(jobId, files);
  }
  return files;
}

async function openStagedStream(jobId: string, name: string): Promise<WritableStream<Uint8Array>> {
  const parts: Uint8Array[] = [];
  const key = `${jobId}/${name}`;
  openStreams.add(key);
  return new WritableStream<Uint8Array>({
    write(chunk) {
      parts.push(chunk.slice());
    },
    close() {
      openStreams.delete(key);
      filesOf(jobId).set(name, new Blob(parts as BlobPart[]));
    },
    abort() {
      openStreams.delete(key);
    },
  });
}

export async function openStagedFile(jobId: string, name: string): Promise<ByteSink> {
  const writer = (await openStagedStream(jobId, name)).getWriter();
  return { write: (chunk) => writer.write(chunk), close: () => writer.close(), abort: (reason) => writer.abort(reason) };
}

export async function readStagedFile(jobId: string, name: string): Promise<File | undefined> {
  const blob = staged.get(jobId)?.get(name);
  return blob ? new File([blob], name) : undefined;
}

export async function removeJobFiles(jobId: string): Promise<void> {
  // OPFS refuses to remove a directory while a writable of a file in it is open.
  if ([...openStreams].some((key) => key.startsWith(`${jobId}/`))) throw new DOMException('A file is being written.', 'NoModificationAllowedError');
  staged.delete(jobId);
}

export async function removeStagedFilesExcept(jobId: string, keep: readonly string[]): Promise<void> {
  const files = staged.get(jobId);
  if (!files) return;
  for (const name of [...files.keys()]) if (!keep.includes(name)) files.delete(name);
}

export async function removeStagedFile(jobId: string, name: string): Promise<void> {
  staged.get(jobId)?.delete(name);
}
