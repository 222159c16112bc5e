import { mediaOfJob } from '../../storage/mediaRecords';
import { ensureJobDataKept } from './exportExpired';
import type { JobContext } from './jobContext';
import type { PartedExport } from './partDeliveries';
import { openStreamedParts } from './streamedParts';

/**
 * The end of a split export: its earlier parts were completed and handed over while the media
 * downloaded (`streamedParts.ts`); what is left is appending any post a stop left out and closing
 * the last part, whose main JSON is the only one that knows every part.
 */
export async function runPartedArchiveStage(ctx: JobContext, { limit, deliveries }: PartedExport): Promise<void> {
  const { job } = ctx;
  await ensureJobDataKept(job);
  const parts = await openStreamedParts(ctx, await mediaOfJob(job.id), limit, deliveries);
  try {
    await parts.closeLast();
  } finally {
    await parts.release();
  }
  const all = job.parts ?? [];
  await ctx.save({ fileName: all[0]?.name, zipBytes: all.reduce((sum, part) => sum + (part.size ?? 0), 0), partCount: all.length }, 1);
}
