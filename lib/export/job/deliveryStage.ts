import { deliverArchive, findStartedDownload, waitForDownload } from '../delivery/deliverArchive';
import { ensureFreeSpace } from '../../storage/freeSpace';
import type { JobContext } from './jobContext';
import { runUploadStage } from './uploadStage';

export async function runDeliveryStage(ctx: JobContext): Promise<void> {
  const { job, signal } = ctx;
  if (!job.fileName) throw new Error('The archive stage did not name the ZIP.');
  if (job.request.saveTo && job.request.saveTo !== 'downloads') {
    await runUploadStage(ctx, job.request.saveTo);
    return;
  }
  if (job.downloadId === undefined && job.deliveryStartedAt !== undefined) {
    const started = await findStartedDownload(job.fileName, job.deliveryStartedAt);
    if (started !== undefined) await ctx.save({ downloadId: started });
  }
  if (job.downloadId !== undefined) {
    try {
      await waitForDownload(job.downloadId, signal);
      return;
    } catch (error) {
      // A worker restart can lose the blob: URL under an unfinished download; hand it over again.
      if (signal.aborted) throw error;
    }
  }
  // The browser writes a copy of the ZIP into the downloads folder.
  await ensureFreeSpace(job.zipBytes ?? 0);
  await ctx.save({ deliveryStartedAt: new Date().toISOString() });
  await deliverArchive({
    jobId: job.id,
    fileName: job.fileName,
    signal,
    onStarted: (downloadId) => ctx.save({ downloadId }),
  });
}
