import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import type { AccountInfo, FailedFile, MediaItem, Post } from '../../platforms/types';
import type { MediaRecord } from '../../storage/exportDb';
import { mediaOfJob, postsOfJob } from '../../storage/jobRepository';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import { coalescingStream } from '../archive/coalescingStream';
import { abortableStream } from '../archive/abortableStream';
import { createZipArchiveWriter, type ZipArchiveWriter } from '../archive/zipArchiveWriter';
import { sha256OfBlob } from '../checksums/sha256';
import { SHA256SUMS_NAME, formatSha256Sums, type ChecksumLine } from '../checksums/sha256Sums';
import { formatEntries } from '../formats';
import { MediaLayout, mainJsonName, zipEntryPath, zipFileName, type MediaPaths } from '../layout/exportPaths';
import { buildManifest, type ManifestPart, type MediaOutcome } from '../layout/manifest';
import { entryDate, sidecarText } from './streamedArchive';
import { ensureJobDataKept } from './exportExpired';
import type { JobContext } from './jobContext';
import { stagedMediaName } from './stagedMediaName';
import { recordedOptions } from '../options/exportOptions';
import { accountKey, earlierDeliveries } from '../../storage/deliveredIndex';

// Progress is saved and broadcast at most this often: once per file cost ~19 ms a file.
const SAVE_EVERY_MS = 500;

export async function readPosts(jobId: string, media: Map<string, MediaRecord>): Promise<Post[]> {
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

/** Everything stored for a job's ZIPs, with every kept file's path decided once for all of them. */
export interface ArchiveSource {
  account: AccountInfo;
  records: MediaRecord[];
  posts: Post[];
  /** Decided in stored order over the whole export, so a split export names files as one ZIP would. */
  paths: Map<MediaRecord, MediaPaths>;
  keptBytes: number;
}

export async function readArchiveSource(ctx: JobContext): Promise<ArchiveSource> {
  const { job } = ctx;
  const account = job.account;
  if (!account) throw new ExportError('internal', 'The account was not resolved before building the ZIP.');
  await ensureJobDataKept(job);
  const records = await mediaOfJob(job.id);
  const byId = new Map(records.map((r) => [r.mediaId, r]));
  const posts = await readPosts(job.id, byId);
  const layout = new MediaLayout(job.request.platform);
  const paths = new Map<MediaRecord, MediaPaths>();
  let keptBytes = 0;
  for (const record of records) {
    if (record.state !== 'kept') continue;
    if (!record.format) throw new ExportError('internal', `The downloaded file of ${record.mediaId} has no known format; resume the export.`);
    paths.set(record, layout.pathsFor(record.item, record.format));
    keptBytes += record.bytes ?? 0;
  }
  return { account, records, posts, paths, keptBytes };
}

/** What goes into one ZIP: the whole export, or one part of it. */
export interface ArchiveContent {
  posts: readonly Post[];
  records: readonly MediaRecord[];
  failed: readonly FailedFile[];
  part?: ManifestPart;
}

/**
 * Writes the whole ZIP again from the stored posts and staged files: a restart during this stage
 * simply rebuilds it. Entries are added one by one so each file streams from disk to disk.
 */
export async function runArchiveStage(ctx: JobContext): Promise<void> {
  const { job } = ctx;
  const exportedAt = new Date();
  const source = await readArchiveSource(ctx);
  await ctx.services.ensureFreeSpace(source.keptBytes);
  const content = { posts: source.posts, records: source.records, failed: job.failed };
  const progress = archiveProgress(ctx, source.paths.size);
  await writeArchiveFile(ctx, ARCHIVE_FILE_NAME, (zip) => writeArchive(ctx, zip, source, content, exportedAt, progress));

  const archive = await ctx.services.staging.readStagedFile(job.id, ARCHIVE_FILE_NAME);
  if (!archive) throw new ExportError('internal', 'The ZIP was not stored.');
  await ctx.save(
    { zipBytes: archive.size, fileName: zipFileName(job.request.platform, source.account.handle, exportedAt, job.id) },
    1,
  );
}

/** Writes one ZIP into the job's folder; on failure the file is let go, so it can be removed. */
export async function writeArchiveFile(
  ctx: JobContext,
  file: string,
  write: (zip: ZipArchiveWriter) => Promise<void>,
): Promise<void> {
  const output = abortableStream(await ctx.services.staging.openStagedStream(ctx.job.id, file));
  try {
    await write(createZipArchiveWriter(coalescingStream(output.stream), ctx.signal));
  } catch (error) {
    // The old ZIP (or none) stays; nothing may hold the file open once the job failed or was cancelled.
    await output.abort(error);
    throw error;
  }
}

/** Counts written media files over the whole export and saves the job's progress now and then. */
export function archiveProgress(ctx: JobContext, total: number, done = 0): () => Promise<void> {
  let written = done;
  let lastSave = Date.now();
  return async () => {
    written += 1;
    if (Date.now() - lastSave >= SAVE_EVERY_MS) {
      lastSave = Date.now();
      await ctx.save({}, written / (total + 1));
    }
  };
}

export async function writeArchive(
  ctx: JobContext,
  zip: ZipArchiveWriter,
  source: ArchiveSource,
  content: ArchiveContent,
  exportedAt: Date,
  fileWritten: () => Promise<void>,
): Promise<void> {
  const { job } = ctx;
  // Keyed by the stored item itself: ids may repeat across different files.
  const outcomes = new Map<MediaItem, MediaOutcome>();
  const checksums: ChecksumLine[] = [];
  for (const record of content.records) {
    const paths = source.paths.get(record);
    if (record.state !== 'kept' || !paths) continue;
    const file = await ctx.services.staging.readStagedFile(job.id, stagedMediaName(record));
    if (!file || !record.format || file.size !== record.bytes) {
      throw new ExportError('internal', `The downloaded file of ${record.mediaId} is missing from storage; resume the export.`);
    }
    const modified = entryDate(record.item.publishedAt, exportedAt);
    // A file kept by a version that did not hash while downloading is hashed from disk once.
    const sha256 = record.sha256 ?? (await sha256OfBlob(file));
    await zip.addFile(zipEntryPath(job.id, paths.file), file, modified);
    await zip.addText(zipEntryPath(job.id, paths.sidecar), sidecarText(job, record, file.size, sha256, exportedAt), modified);
    outcomes.set(record.item, { status: 'saved', path: paths.file, format: record.format, byteSize: file.size, sha256 });
    checksums.push({ sha256, path: paths.file });
    await fileWritten();
  }
  for (const entry of await metadataFiles(ctx, source.account, content, outcomes, checksums, exportedAt)) {
    await zip.addText(zipEntryPath(job.id, entry.path), entry.text, exportedAt);
  }
  await zip.close();
}

/**
 * The files after the media: the main JSON, the format's CSV or index.html, and SHA256SUMS, by
 * their paths relative to the export root. `outcomes` holds every saved file; failed ones are added.
 */
export async function metadataFiles(
  ctx: JobContext,
  account: AccountInfo,
  content: ArchiveContent,
  outcomes: Map<MediaItem, MediaOutcome>,
  checksums: readonly ChecksumLine[],
  exportedAt: Date,
): Promise<{ path: string; text: string }[]> {
  const { job } = ctx;
  for (const record of content.records) {
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
    posts: content.posts,
    outcomeOf: (item) => outcomes.get(item),
    failed: content.failed,
    sections: job.sections ?? [],
    ...(content.part ? { part: content.part } : {}),
    ...(job.request.onlyNew ? { buildsOn: (await earlierDeliveries(accountKey(job.request.platform, account.id))).filter((earlier) => earlier.jobId !== job.id) } : {}),
  });
  const files = [{ path: mainJsonName(job.request.platform, job.id), text: JSON.stringify(manifest, null, 2) }, ...formatEntries(job.request.format, manifest)];
  // Beside the main JSON, naming files from the export folder: `sha256sum -c SHA256SUMS` run there checks every media file.
  if (job.request.includeMedia) files.push({ path: SHA256SUMS_NAME, text: formatSha256Sums(checksums) });
  return files;
}
