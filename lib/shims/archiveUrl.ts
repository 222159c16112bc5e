import { readArchiveFile } from '../export/archive/archiveFile';
import { offscreenClient } from '../messaging/clients';
import { acquireOffscreenDocument } from './offscreenDocument';

/** A blob: URL of a job's ZIP, valid until `release()`. */
export interface ArchiveUrl {
  url: string;
  release(): Promise<void>;
}

/**
 * Chromium's service worker has no URL.createObjectURL, so its offscreen document makes the URL;
 * Firefox's background is a page and makes it itself. Either way the OPFS File is disk-backed, so
 * the URL streams the ZIP from disk.
 */
export function canMakeBlobUrls(scope: { URL: { createObjectURL?: unknown } } = globalThis): boolean {
  return typeof scope.URL.createObjectURL === 'function';
}

/** `file` names a ZIP in the job's folder (a part of a split export); the whole-export ZIP when absent. */
export async function acquireArchiveUrl(jobId: string, file?: string): Promise<ArchiveUrl> {
  if (canMakeBlobUrls()) {
    const url = URL.createObjectURL(await readArchiveFile(jobId, file));
    return { url, release: async () => URL.revokeObjectURL(url) };
  }
  const releaseDocument = await acquireOffscreenDocument();
  try {
    const { url } = await offscreenClient.send('createArchiveUrl', { jobId, ...(file ? { file } : {}) });
    return {
      url,
      release: async () => {
        try {
          await offscreenClient.send('revokeArchiveUrl', { url }).catch(() => undefined);
        } finally {
          await releaseDocument();
        }
      },
    };
  } catch (error) {
    await releaseDocument();
    throw error;
  }
}
