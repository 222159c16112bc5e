import browser, { type Downloads } from 'webextension-polyfill';
import { ExportError } from '../../errors';
import { offscreenClient } from '../../messaging/clients';
import { ensureOffscreenDocument } from '../../shims/offscreenDocument';

function interruptedError(reason: string | undefined): ExportError {
  if (reason === 'FILE_NO_SPACE' || reason === 'FILE_TOO_LARGE') {
    return new ExportError('quota_exceeded', 'The disk is full: free some space, then download the export again.');
  }
  return new ExportError('internal', `The browser stopped the download (${reason ?? 'unknown reason'}).`);
}

/** Resolves when the download completes; rejects when it is interrupted or the job is cancelled. */
export function waitForDownload(downloadId: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      browser.downloads.onChanged.removeListener(onChanged);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onChanged = (delta: Downloads.OnChangedDownloadDeltaType) => {
      if (delta.id !== downloadId) return;
      if (delta.state?.current === 'complete') finish();
      else if (delta.state?.current === 'interrupted') finish(interruptedError(delta.error?.current));
    };
    const onAbort = () => finish(new ExportError('cancelled', 'The export was cancelled.'));
    browser.downloads.onChanged.addListener(onChanged);
    signal.addEventListener('abort', onAbort);
    // The download may have ended before the listener was added (or before a worker restart).
    void browser.downloads.search({ id: downloadId }).then(([item]) => {
      if (!item) finish(new ExportError('internal', 'The download disappeared from the browser.'));
      else if (item.state === 'complete') finish();
      else if (item.state === 'interrupted') finish(interruptedError(item.error));
    });
  });
}

/**
 * Hands the ZIP to the downloads shelf through a blob: URL that the offscreen document keeps
 * alive until the download completes. `onStarted` persists the download id so a restarted
 * worker waits for the same download instead of starting a second one.
 */
export async function deliverArchive(options: {
  jobId: string;
  fileName: string;
  signal: AbortSignal;
  onStarted(downloadId: number): Promise<void>;
}): Promise<void> {
  await ensureOffscreenDocument();
  const { url } = await offscreenClient.send('createArchiveUrl', { jobId: options.jobId, fileName: options.fileName });
  try {
    const downloadId = await browser.downloads.download({ url, filename: options.fileName, saveAs: false, conflictAction: 'uniquify' });
    await options.onStarted(downloadId);
    await waitForDownload(downloadId, options.signal);
  } finally {
    await offscreenClient.send('revokeArchiveUrl', { url }).catch(() => undefined);
  }
}
