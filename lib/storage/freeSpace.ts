import { ExportError } from '../errors';

/**
 * Room left on the disk before an export stops itself. Chromium does not fail gracefully on a
 * truly full disk (its file-system database hits a fatal check), so the export stops while some
 * space is left, keeping everything, and the user resumes after freeing space.
 */
export const FREE_SPACE_RESERVE_BYTES = 64 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

/** Throws quota_exceeded unless `bytes` more fit while keeping the reserve free. */
export async function ensureFreeSpace(bytes: number): Promise<void> {
  // With unlimitedStorage, Chromium reports quota as usage plus the disk's free space.
  const { quota, usage } = await navigator.storage.estimate();
  if (quota === undefined || usage === undefined) return;
  const missing = bytes + FREE_SPACE_RESERVE_BYTES - (quota - usage);
  if (missing > 0) {
    throw new ExportError(
      'quota_exceeded',
      `The disk is nearly full: free at least ${megabytes(missing)}, then resume the export. Everything downloaded so far is kept.`,
    );
  }
}
