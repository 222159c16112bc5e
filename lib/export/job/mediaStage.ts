import { ExportError, toExportError } from '../../errors';
import type { MediaRecord } from '../../storage/exportDb';
import { openStagedFile } from '../../storage/fileStaging';
import { ensureFreeSpace } from '../../storage/freeSpace';
import { mediaOfJob, putMedia } from '../../storage/jobRepository';
import { urlWithoutSignature } from '../layout/sourceUrl';
import { downloadSlots } from '../media/downloadSlots';
import { checkMediaUrl } from '../media/mediaHosts';
import { downloadWithRetry } from '../media/downloadWithRetry';
import type { JobContext } from './jobContext';
import { stagedMediaName } from './stagedMediaName';

// Progress is persisted at most this often; every file's own state is persisted at once.
const SAVE_EVERY_MS = 500;

function tally(ctx: JobContext, records: MediaRecord[]): void {
  const kept = records.filter((r) => r.state === 'kept');
  const failed = records.filter((r) => r.state === 'failed');
  ctx.job.media = { done: kept.length, failed: failed.length, total: records.length };
  ctx.job.bytes = { done: kept.reduce((sum, r) => sum + (r.bytes ?? 0), 0), total: 0 };
  ctx.job.failed = failed.flatMap((r) => (r.failure ? [r.failure] : []));
}

/**
 * Downloads every media file not yet kept, through the extension-wide three slots. A file that
 * fails is recorded with its reason and never stops the export; files kept before a restart are
 * not downloaded again.
 */
export async function runMediaStage(ctx: JobContext): Promise<void> {
  const { job, adapter, platform } = ctx;
  const records = await mediaOfJob(job.id);
  tally(ctx, records);
  await ctx.save();
  let lastSave = Date.now();
  // A full disk fails every file alike: the first one stops the others, which stay pending
  // (not failed) so that resuming after freeing space downloads them.
  const stage = new AbortController();
  const stopStage = () => stage.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', stopStage, { once: true });
  let fatal: ExportError | undefined;

  const download = async (record: MediaRecord) => {
    try {
      // Recorded as failed like any other file, so the failed list names it, but without a request.
      if (record.item.unavailable) throw new ExportError('unavailable', record.item.unavailable.message);
      checkMediaUrl(record.item.url, adapter.site, adapter.label);
      await ensureFreeSpace(0);
      const result = await downloadWithRetry({
        url: record.item.url,
        rules: adapter.mediaRules,
        expectedKind: record.item.kind,
        signal: stage.signal,
        stallTimeoutMs: ctx.settings.stallTimeoutMs,
        slots: downloadSlots,
        openSink: () => openStagedFile(job.id, stagedMediaName(record)),
        refreshUrl: async () => {
          const url = await adapter.refreshMediaUrl(platform, record.item);
          if (url) checkMediaUrl(url, adapter.site, adapter.label);
          return url;
        },
      });
      Object.assign(record, {
        state: 'kept',
        format: result.format,
        bytes: result.bytes,
        downloadedAt: new Date().toISOString(),
        item: { ...record.item, url: result.url },
      } satisfies Partial<MediaRecord>);
    } catch (error) {
      const failure = toExportError(error);
      if (failure.kind === 'cancelled') return;
      if (failure.kind === 'quota_exceeded') {
        fatal ??= failure;
        stage.abort(failure);
        return;
      }
      Object.assign(record, {
        state: 'failed',
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
    tally(ctx, records);
    if (Date.now() - lastSave >= SAVE_EVERY_MS) {
      lastSave = Date.now();
      await ctx.save();
    }
  };

  try {
    await Promise.all(records.filter((r) => r.state === 'pending').map(download));
  } finally {
    ctx.signal.removeEventListener('abort', stopStage);
  }
  await ctx.save();
  if (fatal) throw fatal;
  ctx.signal.throwIfAborted();
}
