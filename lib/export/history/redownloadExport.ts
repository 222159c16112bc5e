import { ExportError } from '../../errors';
import { getJob } from '../../storage/jobRecords';
import { deliverArchive } from '../delivery/deliverArchive';

/**
 * Hands a kept ZIP to the downloads shelf again. Resolves once the browser accepted the download;
 * the blob: URL stays alive in the background until the download completes.
 */
export async function redownloadExport(jobId: string): Promise<void> {
  const job = await getJob(jobId);
  if (!job || job.stage !== 'done' || !job.fileName) {
    throw new ExportError('invalid_request', 'Only a finished export can be downloaded again.');
  }
  let started!: () => void;
  const accepted = new Promise<void>((resolve) => (started = resolve));
  const delivery = deliverArchive({
    jobId,
    fileName: job.fileName,
    // The user can cancel a re-download on the downloads shelf; nothing here needs to.
    signal: new AbortController().signal,
    onStarted: async () => started(),
  });
  // Failures after the download started show on the downloads shelf.
  delivery.catch(() => undefined);
  await Promise.race([accepted, delivery]);
}
