import { toExportError } from '../../errors';
import { mediaOfJob } from '../../storage/mediaRecords';
import type { JobContext } from './jobContext';
import { startMediaDownloads, type MediaDownloads } from './mediaStage';
import type { PartedExport } from './partDeliveries';
import { runMetadataStage } from './metadataStage';

/**
 * Lists the account's posts while the media of those already listed download: the listing is
 * paced (seconds between pages), and the three download slots need not wait for its last page.
 * A listing that fails stops the downloads with it; what was kept stays kept, and resuming the
 * job carries on with both. Returns the downloads still running once the listing is complete.
 */
export async function listWhileDownloading(ctx: JobContext, parted?: PartedExport): Promise<MediaDownloads> {
  const downloads = await startMediaDownloads(ctx, parted);
  try {
    await runMetadataStage(ctx, async (firstMediaSeq) => downloads.add(await mediaOfJob(ctx.job.id, firstMediaSeq)));
  } catch (error) {
    ctx.stop(toExportError(error));
    // Nothing may still be writing a staged file once the job is failed, cancelled or cleaned up.
    await downloads.finish().catch(() => undefined);
    throw error;
  }
  return downloads;
}
