/**
 * OPFS files opened for positional writes in a dedicated worker (the only place
 * createSyncAccessHandle exists; not in a service worker, not on a page). The streaming ZIP
 * writes through one (docs/architecture.md, "Storage and memory").
 */
import { jobDirectory } from './fileStaging';

/** The part of FileSystemSyncAccessHandle used here; TypeScript's DOM library does not declare it. */
export interface SyncAccessHandle {
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}

type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncAccessHandle> };

export interface SyncAccessFile {
  write(bytes: Uint8Array, at: number): void;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}

// A worker that was replaced (its service worker stopped) may still hold the handle for a moment.
const LOCKED_TRIES = 20;
const LOCKED_WAIT_MS = 250;

/** The handle's sync access, waiting a while for a replaced worker to let go of it. */
export async function accessHandle(file: FileSystemFileHandle): Promise<SyncAccessHandle> {
  const handle = file as SyncFileHandle;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await handle.createSyncAccessHandle();
    } catch (error) {
      const locked = error instanceof DOMException && error.name === 'NoModificationAllowedError';
      if (!locked || attempt === LOCKED_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, LOCKED_WAIT_MS));
    }
  }
}

/** Opens (creating it if needed) a file of the job's folder for writing at explicit offsets. */
export async function openSyncAccessFile(jobId: string, name: string): Promise<SyncAccessFile> {
  const dir = await jobDirectory(jobId, true);
  const access = await accessHandle(await dir.getFileHandle(name, { create: true }));
  return {
    write(bytes, at) {
      let written = 0;
      while (written < bytes.length) {
        const n = access.write(bytes.subarray(written), { at: at + written });
        if (n <= 0) throw new DOMException('The ZIP could not be written.', 'InvalidStateError');
        written += n;
      }
    },
    truncate: (size) => access.truncate(size),
    getSize: () => access.getSize(),
    flush: () => access.flush(),
    close: () => access.close(),
  };
}
