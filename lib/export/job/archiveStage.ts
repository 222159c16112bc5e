import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import type { AccountInfo, MediaItem, Post } from '../../platforms/types';
import type { MediaRecord } from '../../storage/exportDb';
import { openStagedStream, readStagedFile } from '../../storage/fileStaging';
import { ensureFreeSpace } from '../../storage/freeSpace';
import { mediaOfJob, postsOfJob } from '../../storage/jobRepository';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import { coalescingStream } from '../archive/coalescingStream';
import { abortableStream } from '../archive/abortableStream';
import { createZipArchiveWriter, type ZipArchiveWriter } from '../archive/zipArchiveWriter';
import { formatEntries } from '../formats';
import { MediaLayout, mainJsonName, zipEntryPath, zipFileName } from '../layout/exportPaths';
import { buildManifest, type MediaOutcome } from '../layout/manifest';
import { buildSidecar } from '../layout/sidecar';
import { ensureJobDataKept } from './exportExpired';
import type { JobContext } from './jobContext';
import { stagedMediaName } from './stagedMediaName';
import { recordedOptions } from '../options/exportOptions';
import { accountKey, earlierDeliveries } from '../../storage/deliveredIndex';

// Progress is saved and broadcast at most this often: once per file cost ~19 ms a file.
const SAVE_EVERY_MS = 500;

function entryDate(iso: string, fallback: Date): Date {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? fallback : new Date(time);
}

async function readPosts(jobId: string, media: Map<string, MediaRecord>): Promise<Post[]> {
  const posts: Post[] = [];
  for await (const record of postsOfJob(jobId)) {
    const items = record.mediaIds.flatMap((id): MediaItem[] => {
      const stored = media.get(id);
      return stored ? [stored.item] : [];
    });
    posts.push({ ...record.post, media: items });
  }
  return posts;
}

/**
 * Writes the whole ZIP again from the stored posts and staged files: a restart during this stage
 * simply rebuilds it. Entries are added one by one so each file streams from disk to disk.
 */
export async function runArchiveStage(ctx: JobContext): Promise<void> {
  const { job, signal } = ctx;
  const account = job.account;
  if (!account) throw new ExportError('internal', 'The account was not resolved before building the ZIP.');
  await ensureJobDataKept(job);
  const exportedAt = new Date();
  const records = await mediaOfJob(job.id);
  const byId = new Map(records.map((r) => [r.mediaId, r]));
  const posts = await readPosts(job.id, byId);
  await ensureFreeSpace(records.reduce((sum, r) => sum + (r.state === 'kept' ? (r.bytes ?? 0) : 0), 0));
  const output = abortableStream(await openStagedStream(job.id, ARCHIVE_FILE_NAME));
  try {
    await writeArchive(ctx, createZipArchiveWriter(coalescingStream(output.stream), signal), { account, records, posts, exportedAt });
  } catch (error) {
    // The old ZIP (or none) stays; nothing may hold the file open once the job failed or was cancelled.
    await output.abort(error);
    throw error;
  }

  const archive = await readStagedFile(job.id, ARCHIVE_FILE_NAME);
  if (!archive) throw new ExportError('internal', 'The ZIP was not stored.');
  await ctx.save(
    { zipBytes: archive.size, fileName: zipFileName(job.request.platform, account.handle, exportedAt, job.id) },
    1,
  );
}

async function writeArchive(
  ctx: JobContext,
  zip: ZipArchiveWriter,
  { account, records, posts, exportedAt }: { account: AccountInfo; records: MediaRecord[]; posts: Post[]; exportedAt: Date },
): Promise<void> {
  const { job } = ctx;
  const layout = new MediaLayout(job.request.platform);
  // Keyed by the stored item itself: ids may repeat across different files.
  const outcomes = new Map<MediaItem, MediaOutcome>();
  const kept = records.filter((r) => r.state === 'kept');
  let written = 0;
  let lastSave = Date.now();
  for (const record of kept) {
    const file = await readStagedFile(job.id, stagedMediaName(record));
    if (!file || !record.format || file.size !== record.bytes) {
      throw new ExportError('internal', `The downloaded file of ${record.mediaId} is missing from storage; resume the export.`);
    }
    const paths = layout.pathsFor(record.item, record.format);
    const modified = entryDate(record.item.publishedAt, exportedAt);
    await zip.addFile(zipEntryPath(job.id, paths.file), file, modified);
    const sidecar = buildSidecar({
      platform: job.request.platform,
      item: record.item,
      format: record.format,
      byteSize: file.size,
      downloadedAt: new Date(record.downloadedAt ?? exportedAt),
      ...(record.original ? { original: record.original } : {}),
    });
    await zip.addText(zipEntryPath(job.id, paths.sidecar), JSON.stringify(sidecar, null, 2), modified);
    outcomes.set(record.item, { status: 'saved', path: paths.file, format: record.format, byteSize: file.size });
    written += 1;
    if (Date.now() - lastSave >= SAVE_EVERY_MS) {
      lastSave = Date.now();
      await ctx.save({}, written / (kept.length + 1));
    }
  }
  for (const record of records) {
    if (record.state === 'failed' && record.failure) {
      outcomes.set(record.item, { status: 'failed', reason: record.failure.reason, message: record.failure.message });
    }
  }

  const manifest = buildManifest({
    jobId: job.id,
    exporterVersion: browser.runtime.getManifest().version,
    platform: job.request.platform,
    account,
    options: recordedOptions(job.request, ctx.adapter.mediaTypes),
    exportedAt,
    posts,
    outcomeOf: (item) => outcomes.get(item),
    failed: job.failed,
    sections: job.sections ?? [],
    ...(job.request.onlyNew ? { buildsOn: (await earlierDeliveries(accountKey(job.request.platform, account.id))).filter((earlier) => earlier.jobId !== job.id) } : {}),
  });
  await zip.addText(zipEntryPath(job.id, mainJsonName(job.request.platform, job.id)), JSON.stringify(manifest, null, 2), exportedAt);
  for (const entry of formatEntries(job.request.format, manifest)) {
    await zip.addText(zipEntryPath(job.id, entry.path), entry.text, exportedAt);
  }
  await zip.close();
}
