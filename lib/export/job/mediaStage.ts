import { ExportError, toExportError } from '../../errors';
import type { MediaRecord } from '../../storage/exportDb';
import { spaceReservations } from '../../storage/spaceReservations';
import { mediaOfJob, putMedia } from '../../storage/mediaRecords';
import { urlWithoutSignature } from '../../platforms/shared/sourceUrl';
import { hashedSinks, sha256OfBlob } from '../checksums/sha256';
import { compressImage } from '../media/compressImage';
import { downloadSlots } from '../media/downloadSlots';
import { downloadFirstExisting } from '../media/sizeFallbacks';
import { checkMediaUrl } from '../media/mediaHosts';
import { throttleFor } from '../media/tokenBucket';
import type { JobContext } from './jobContext';
import type { JobStaging } from './jobServices';
import { withApiRetries } from './metadataStage';
import { isRetryableFailure } from './retryableFailures';
import { stagedMediaName } from './stagedMediaName';
import type { PartedExport } from './partDeliveries';
import { openStreamedArchive, streamsArchive } from './streamedArchive';
import { openStreamedParts } from './streamedParts';

// Progress is persisted at most this often; every file's own state is persisted at once.
const SAVE_EVERY_MS = 500;

function tally(ctx: JobContext, records: MediaRecord[]): void {
  const kept = records.filter((r) => r.state === 'kept');
  const failed = records.filter((r) => r.state === 'failed');
  ctx.job.media = { done: kept.length, failed: failed.length, total: records.length };
  ctx.job.bytes = { done: kept.reduce((sum, r) => sum + (r.bytes ?? 0), 0), total: 0 };
  ctx.job.failed = failed.flatMap((r) => (r.failure ? [r.failure] : []));
  ctx.job.retryableFailed = failed.filter((r) => r.retryable).length;
}

/**
 * "Compress images": the kept file re-encoded as a smaller JPEG in its place, the original's
 * size and format kept with the record. A file that does not get smaller stays as downloaded.
 */
async function compressKept(staging: JobStaging, jobId: string, record: MediaRecord): Promise<void> {
  const file = await staging.readStagedFile(jobId, stagedMediaName(record));
  if (!file || !record.format) return;
  const compressed = await compressImage(file, record.format);
  if (!compressed) return;
  const sink = await staging.openStagedFile(jobId, stagedMediaName(record));
  try {
    await sink.write(new Uint8Array(await compressed.blob.arrayBuffer()));
    await sink.close();
  } catch (error) {
    await sink.abort(error).catch(() => undefined);
    throw error;
  }
  record.original = { format: record.format, byteSize: file.size, width: compressed.width, height: compressed.height };
  record.format = 'jpg';
  record.bytes = compressed.blob.size;
  // SHA256SUMS and the sidecar describe the file in the ZIP, which is now the re-encoding.
  record.sha256 = await sha256OfBlob(compressed.blob);
}

export interface MediaDownloads {
  /** Queues the pending files among these records (newly listed ones, never one added before). */
  add(records: MediaRecord[]): void;
  /** Waits for every queued file; throws what stopped them (a full disk, the job stopping). */
  finish(): Promise<void>;
}

/**
 * Downloads every media file of the job not yet kept, and those added as later pages are listed,
 * through the extension-wide three slots. A file that fails is recorded with its reason and never
 * stops the export; files kept before a restart are not downloaded again. Kept files go into the
 * streaming ZIP at once, or, split (`parted`), into the part being written once their post settled.
 */
export async function startMediaDownloads(ctx: JobContext, parted?: PartedExport): Promise<MediaDownloads> {
  const { job, adapter, platform, signal } = ctx;
  const records = await mediaOfJob(job.id);
  tally(ctx, records);
  await ctx.save();
  let lastSave = Date.now();
  const running = new Set<Promise<void>>();
  let fatal: ExportError | undefined;
  // One bucket for the job: the three slots share the speed limit, never three times it.
  const throttle = throttleFor(job.request.speedLimitMBps);
  // Each kept file goes into the ZIP at once, one at a time, while the slots keep downloading.
  const archive = streamsArchive(ctx) ? await openStreamedArchive(ctx, records) : undefined;
  const parts = parted ? await openStreamedParts(ctx, records, parted.limit, parted.deliveries) : undefined;
  const stopWith = (error: unknown) => {
    fatal ??= toExportError(error);
    ctx.stop(fatal);
  };
  // A post goes into its part once all its files settled: those of posts listed before a stop
  // (or with no file), or this file's post once it was the last to settle.
  const advanceParts = async () => {
    await parts?.advance().catch((error: unknown) => (signal.aborted ? undefined : stopWith(error)));
  };
  const appendKept = async (record: MediaRecord) => {
    if (parts) return advanceParts();
    if (!archive || record.state !== 'kept' || record.zip) return;
    // A file cut short by the job stopping stays kept and staged: resuming appends it.
    await archive.append(record).catch((error: unknown) => (signal.aborted ? undefined : stopWith(error)));
  };
  const track = (task: Promise<void>) => {
    const tracked = task.finally(() => running.delete(tracked));
    running.add(tracked);
  };

  const download = async (record: MediaRecord) => {
    try {
      // Recorded as failed like any other file, so the failed list names it, but without a request.
      if (record.item.unavailable) throw new ExportError(record.item.unavailable.reason ?? 'unavailable', record.item.unavailable.message);
      // The reserve alone, before any request; each download then holds its own size.
      await ctx.services.ensureFreeSpace(0);
      const sinks = hashedSinks(() => ctx.services.staging.openStagedFile(job.id, stagedMediaName(record)));
      const fetchSize = (sizeUrl: string) => {
        checkMediaUrl(sizeUrl, adapter.site, adapter.label);
        return ctx.services.downloadWithRetry({
          url: sizeUrl,
          rules: adapter.mediaRules,
          expectedKind: record.item.kind,
          signal,
          stallTimeoutMs: ctx.settings.stallTimeoutMs,
          slots: downloadSlots,
          throttle,
          connectivity: ctx.network.media,
          reserveSpace: (bytes) => spaceReservations.reserve(bytes),
          openSink: sinks.open,
          refreshUrl: async () => {
            // Paced, waited and counted like the listing: a rate limit or block during a refresh waits,
            // and while the job waits out one, no refresh asks the platform again.
            const url = await withApiRetries(ctx, () => adapter.refreshMediaUrl(platform, record.item));
            if (url) checkMediaUrl(url, adapter.site, adapter.label);
            return url;
          },
        });
      };
      // A size the platform never made (404) falls back to the next smaller one the item names.
      const sized = await downloadFirstExisting(record.item, fetchSize);
      const result = sized.result;
      Object.assign(record, {
        state: 'kept',
        format: result.format,
        bytes: result.bytes,
        sha256: sinks.sha256(),
        downloadedAt: new Date().toISOString(),
        item: { ...sized.item, url: result.url },
      } satisfies Partial<MediaRecord>);
      // A compression that fails leaves the file as downloaded, which is still the export's file.
      if (job.request.compressImages) await compressKept(ctx.services.staging, job.id, record).catch(() => undefined);
    } catch (error) {
      const failure = toExportError(error);
      // A file cut short by the job stopping stays pending, so resuming downloads it.
      if (signal.aborted || failure.kind === 'cancelled') return;
      if (failure.kind === 'quota_exceeded') {
        // A full disk fails every file alike: the first one stops the job, listing included.
        fatal ??= failure;
        ctx.stop(failure);
        return;
      }
      Object.assign(record, {
        state: 'failed',
        retryable: isRetryableFailure(failure),
        failure: {
          mediaId: record.item.id,
          postId: record.item.postId,
          url: urlWithoutSignature(record.item.url),
          reason: failure.kind,
          message: failure.message,
        },
      } satisfies Partial<MediaRecord>);
    }
    await putMedia(record);
    await appendKept(record);
    tally(ctx, records);
    if (Date.now() - lastSave >= SAVE_EVERY_MS) {
      lastSave = Date.now();
      await ctx.save();
    }
  };

  const queue = (pending: MediaRecord[]) => {
    for (const record of pending) {
      if (record.state !== 'pending') continue;
      // Only storing the outcome can throw here (IndexedDB itself failing): that stops the job.
      const task = download(record)
        .catch((error: unknown) => {
          fatal ??= toExportError(error);
          ctx.stop(fatal);
        })
        .finally(() => running.delete(task));
      running.add(task);
    }
  };
  // Kept before a stop but not yet in the ZIP: their staged copies go in first.
  for (const record of records) if (record.state === 'kept' && !record.zip && archive) track(appendKept(record));
  if (parts) track(advanceParts());
  queue(records);

  return {
    add(listed) {
      records.push(...listed);
      parts?.add(listed);
      tally(ctx, records);
      queue(listed);
      if (parts) track(advanceParts());
    },
    async finish() {
      try {
        while (running.size > 0) await Promise.all(running);
      } finally {
        // The worker lets go of the ZIP, or the job's folder could not be removed.
        await archive?.release();
        await parts?.release();
      }
      await ctx.save();
      if (fatal) throw fatal;
      signal.throwIfAborted();
    },
  };
}
