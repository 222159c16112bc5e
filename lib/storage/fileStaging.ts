/**
 * Media files and the finished ZIP live in the origin private file system (OPFS), not in
 * IndexedDB: a measurement (docs/architecture.md, "Storage and memory") found an OPFS file written with createWritable() at 92–95 MB of
 * browser memory for a 1 GiB archive against 144–154 MB for IndexedDB Blob chunks, and a File
 * read back from OPFS is disk-backed, so zip.js and the blob: URL stream from disk.
 * createWritable() writes to a swap file that replaces the target only on close(), so a worker
 * stopped mid-download leaves no half file behind.
 */
import type { ByteSink } from './byteSink';

const JOBS_DIR = 'jobs';

export async function jobDirectory(jobId: string, create: boolean): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  const jobs = await root.getDirectoryHandle(JOBS_DIR, { create });
  return jobs.getDirectoryHandle(jobId, { create });
}

/** A stream that replaces the staged file when it closes; abort() keeps the old state. */
export async function openStagedStream(jobId: string, name: string): Promise<FileSystemWritableFileStream> {
  const dir = await jobDirectory(jobId, true);
  const handle = await dir.getFileHandle(name, { create: true });
  return handle.createWritable({ keepExistingData: false });
}

export async function openStagedFile(jobId: string, name: string): Promise<ByteSink> {
  const writable = await openStagedStream(jobId, name);
  return {
    write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>),
    close: () => writable.close(),
    abort: (reason) => writable.abort(reason),
  };
}

/** The handle of a staged file, or undefined when it (or the job's folder) is not there. */
export async function stagedFileHandle(jobId: string, name: string): Promise<FileSystemFileHandle | undefined> {
  try {
    const dir = await jobDirectory(jobId, false);
    return await dir.getFileHandle(name);
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError')) {
      return undefined;
    }
    throw error;
  }
}

/** A disk-backed File of a staged file, or undefined when it was never completed. */
export async function readStagedFile(jobId: string, name: string): Promise<File | undefined> {
  return (await stagedFileHandle(jobId, name))?.getFile();
}

/** Removes one staged file (a delivered part, an uploaded ZIP); one already gone is fine. */
export async function removeStagedFile(jobId: string, name: string): Promise<void> {
  try {
    await (await jobDirectory(jobId, false)).removeEntry(name);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
  }
}

/** Removes every staged file of a job, the ZIP included. */
export async function removeJobFiles(jobId: string): Promise<void> {
  try {
    const root = await navigator.storage.getDirectory();
    const jobs = await root.getDirectoryHandle(JOBS_DIR);
    await jobs.removeEntry(jobId, { recursive: true });
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
  }
}

/** Removes a job's staged files but the ones named in `keep` (the finished ZIP). */
export async function removeStagedFilesExcept(jobId: string, keep: readonly string[]): Promise<void> {
  let dir: FileSystemDirectoryHandle;
  try {
    dir = await jobDirectory(jobId, false);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return;
    throw error;
  }
  const names: string[] = [];
  for await (const name of dir.keys()) if (!keep.includes(name)) names.push(name);
  for (const name of names) await dir.removeEntry(name, { recursive: true });
}
