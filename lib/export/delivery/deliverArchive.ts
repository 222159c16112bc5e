import browser, { type Downloads } from 'webextension-polyfill';
import { ExportError } from '../../errors';
import { acquireArchiveUrl } from '../../shims/archiveUrl';

function interruptedError(reason: string | undefined): ExportError {
  if (reason === 'FILE_NO_SPACE' || reason === 'FILE_TOO_LARGE') {
    return new ExportError('quota_exceeded', 'The disk is full: free some space, then download the export again.');
  }
  return new ExportError('internal', `The browser stopped the download (${reason ?? 'unknown reason'}).`);
}

/**
 * A download paused this long stops holding the queue: the job fails resumably (its ZIP stays),
 * and the next export runs.
 */
const PAUSED_LIMIT_MS = 10 * 60_000;

/**
 * Resolves when the download completes; rejects when it is interrupted, removed from the shelf,
 * paused too long, or the job is cancelled. Only a resolve means the user has the file.
 */
export function waitForDownload(downloadId: number, signal: AbortSignal, { pausedLimitMs = PAUSED_LIMIT_MS } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    let pausedTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: Error) => {
      clearTimeout(pausedTimer);
      browser.downloads.onChanged.removeListener(onChanged);
      browser.downloads.onErased.removeListener(onErased);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const paused = (isPaused: boolean) => {
      clearTimeout(pausedTimer);
      if (!isPaused) return;
      pausedTimer = setTimeout(
        () => finish(new ExportError('internal', 'The download of the ZIP stayed paused; press Resume to hand it over again.')),
        pausedLimitMs,
      );
    };
    const onChanged = (delta: Downloads.OnChangedDownloadDeltaType) => {
      if (delta.id !== downloadId) return;
      if (delta.state?.current === 'complete') finish();
      else if (delta.state?.current === 'interrupted') finish(interruptedError(delta.error?.current));
      else if (delta.paused) paused(delta.paused.current === true);
    };
    const onErased = (id: number) => {
      if (id === downloadId) finish(new ExportError('internal', 'The ZIP was removed from the downloads before it finished; press Resume to hand it over again.'));
    };
    const onAbort = () => finish(new ExportError('cancelled', 'The export was cancelled.'));
    browser.downloads.onChanged.addListener(onChanged);
    browser.downloads.onErased.addListener(onErased);
    signal.addEventListener('abort', onAbort);
    // The download may have ended before the listener was added (or before a worker restart).
    void browser.downloads.search({ id: downloadId }).then(([item]) => {
      if (!item) finish(new ExportError('internal', 'The ZIP was removed from the downloads before it finished; press Resume to hand it over again.'));
      else if (item.state === 'complete') finish();
      else if (item.state === 'interrupted') finish(interruptedError(item.error));
      else paused(item.paused);
    });
  });
}

/**
 * The id of the ZIP's download this extension started at or after `since` (ISO), if any: a worker
 * stopped between starting it and saving its id must wait for it, not download the ZIP twice.
 */
export async function findStartedDownload(fileName: string, since: string): Promise<number | undefined> {
  const stem = fileName.replace(/\.zip$/, '');
  const items = await browser.downloads.search({ startedAfter: new Date(Date.parse(since) - 1000).toISOString(), orderBy: ['-startTime'] });
  // Chrome may have renamed it `name (1).zip` (conflictAction: 'uniquify').
  const found = items.find((item) => item.byExtensionId === browser.runtime.id && (item.filename.split(/[\\/]/).pop() ?? '').startsWith(stem));
  return found?.id;
}

/**
 * Hands the ZIP to the downloads shelf through a blob: URL kept alive until the download
 * completes (lib/shims/archiveUrl.ts makes it for each browser). `onStarted` persists the download
 * id so a restarted worker waits for the same download instead of starting a second one.
 */
export async function deliverArchive(options: {
  jobId: string;
  /** The ZIP in the job's folder; the whole-export ZIP when absent. */
  file?: string;
  fileName: string;
  signal: AbortSignal;
  onStarted(downloadId: number): Promise<void>;
}): Promise<void> {
  const { url, release } = await acquireArchiveUrl(options.jobId, options.file);
  try {
    const downloadId = await browser.downloads.download({ url, filename: options.fileName, saveAs: false, conflictAction: 'uniquify' });
    await options.onStarted(downloadId);
    await waitForDownload(downloadId, options.signal);
  } finally {
    await release();
  }
}
