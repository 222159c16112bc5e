import type { JobContext } from './jobContext';
import { runUploadStage } from './uploadStage';

/** One ZIP to hand to Downloads, with what a stopped worker left of its delivery. */
export interface DeliveryTarget {
  /** Its file in the job's folder; the whole-export ZIP when absent. */
  file?: string;
  fileName: string;
  bytes: number;
  downloadId?: number;
  deliveryStartedAt?: string;
}

type DeliveryChanges = Pick<DeliveryTarget, 'downloadId' | 'deliveryStartedAt'>;

/**
 * Hands a ZIP to Downloads once and resolves when the download completes. A download started
 * before a worker stop is waited for, not started again; one that lost its blob: URL is.
 */
export async function deliverOnce(ctx: JobContext, target: DeliveryTarget, save: (changes: DeliveryChanges) => Promise<void>): Promise<void> {
  const { job, signal } = ctx;
  let { downloadId } = target;
  if (downloadId === undefined && target.deliveryStartedAt !== undefined) {
    downloadId = await ctx.services.delivery.findStartedDownload(target.fileName, target.deliveryStartedAt);
    if (downloadId !== undefined) await save({ downloadId });
  }
  if (downloadId !== undefined) {
    try {
      await ctx.services.delivery.waitForDownload(downloadId, signal);
      return;
    } catch (error) {
      // A worker restart can lose the blob: URL under an unfinished download; hand it over again.
      if (signal.aborted) throw error;
    }
  }
  // The browser writes a copy of the ZIP into the downloads folder.
  await ctx.services.ensureFreeSpace(target.bytes);
  await save({ deliveryStartedAt: new Date().toISOString() });
  await ctx.services.delivery.deliverArchive({
    jobId: job.id,
    ...(target.file ? { file: target.file } : {}),
    fileName: target.fileName,
    signal,
    onStarted: (id) => save({ downloadId: id }),
  });
}

export async function runDeliveryStage(ctx: JobContext): Promise<void> {
  const { job } = ctx;
  if (!job.fileName) throw new Error('The archive stage did not name the ZIP.');
  if (job.request.saveTo) {
    await runUploadStage(ctx, job.request.saveTo);
    return;
  }
  await deliverOnce(
    ctx,
    { fileName: job.fileName, bytes: job.zipBytes ?? 0, downloadId: job.downloadId, deliveryStartedAt: job.deliveryStartedAt },
    (changes) => ctx.save(changes),
  );
}
