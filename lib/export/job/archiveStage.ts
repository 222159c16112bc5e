import browser from 'webextension-polyfill';
import { ExportError } from '../../errors';
import type { AccountInfo, FailedFile } from '../../platforms/types';
import type { MediaRecord } from '../../storage/exportDb';
import { mediaOfJob } from '../../storage/jobRepository';
import { coalescingStream } from '../archive/coalescingStream';
import { textStream } from '../archive/textStream';
import { abortableStream } from '../archive/abortableStream';
import { createZipArchiveWriter, type ZipArchiveWriter } from '../archive/zipArchiveWriter';
import { sha256OfBlob } from '../checksums/sha256';
import { SHA256SUMS_NAME, formatSha256Sums, type ChecksumLine } from '../checksums/sha256Sums';
import { formatEntries } from '../formats';
import { MediaLayout, mainJsonName, zipEntryPath, type MediaPaths } from '../layout/exportPaths';
import type { ManifestPart, MediaOutcome } from '../layout/manifest';
import { manifestChunks, manifestSource } from '../layout/manifestStream';
import { entryDate, sidecarText } from './streamedArchive';
import { ensureJobDataKept } from './exportExpired';
import type { JobContext } from './jobContext';
import { stagedMediaName } from './stagedMediaName';
import { storedManifestPosts } from './storedManifestPosts';
import type { PartRange } from '../parts/partPlan';
import { recordedOptions } from '../options/exportOptions';
import { accountKey, earlierDeliveries } from '../../storage/deliveredIndex';

// Progress is saved and broadcast at most this often: once per file cost ~19 ms a file.
const SAVE_EVERY_MS = 500;

/**
 * Everything stored for a job's ZIPs, with every kept file's path decided once for all of them.
 * The posts stay in IndexedDB: the text files read them again a batch at a time.
 */
export interface ArchiveSource {
  account: AccountInfo;
  records: MediaRecord[];
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
  const layout = new MediaLayout(job.request.platform);
  const paths = new Map<MediaRecord, MediaPaths>();
  let keptBytes = 0;
  for (const record of records) {
    if (record.state !== 'kept') continue;
    if (!record.format) throw new ExportError('internal', `The downloaded file of ${record.mediaId} has no known format; resume the export.`);
    paths.set(record, layout.pathsFor(record.item, record.format));
    keptBytes += record.bytes ?? 0;
  }
  return { account, records, paths, keptBytes };
}

/** What goes into one ZIP: the whole export, or one part of it. */
export interface ArchiveContent {
  /** The posts by position; all of them when absent. */
  posts?: PartRange;
  records: readonly MediaRecord[];
  failed: readonly FailedFile[];
  part?: ManifestPart;
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
  // Keyed by record: a repeated platform id has a record key of its own (`id#2`).
  const saved = new Map<string, MediaOutcome>();
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
    saved.set(record.mediaId, { status: 'saved', path: paths.file, format: record.format, byteSize: file.size, sha256 });
    checksums.push({ sha256, path: paths.file });
    await fileWritten();
  }
  for (const entry of await metadataFiles(ctx, source.account, content, savedOrFailed(saved), checksums, exportedAt)) {
    // Streamed a post at a time, never one string: a 50 000-post account's JSON is tens of MB.
    await zip.addTextStream(zipEntryPath(job.id, entry.path), textStream(entry.text), exportedAt);
  }
  await zip.close();
}

/** A file's outcome: failed as its record says, or saved as `saved` (keyed by record key) has it. */
export function savedOrFailed(saved: ReadonlyMap<string, MediaOutcome>): (record: MediaRecord) => MediaOutcome | undefined {
  return (record) =>
    record.state === 'failed' && record.failure
      ? { status: 'failed', reason: record.failure.reason, message: record.failure.message }
      : saved.get(record.mediaId);
}

/** A text file of the export, produced piece by piece. */
export interface MetadataFile {
  path: string;
  text: AsyncIterable<string>;
}

async function* whole(text: string): AsyncIterable<string> {
  yield text;
}

/**
 * The files after the media: the main JSON, the format's CSV or index.html, and SHA256SUMS, by
 * their paths relative to the export root, each read from IndexedDB as it is written.
 */
export async function metadataFiles(
  ctx: JobContext,
  account: AccountInfo,
  content: ArchiveContent,
  outcomeOf: (record: MediaRecord) => MediaOutcome | undefined,
  checksums: readonly ChecksumLine[],
  exportedAt: Date,
): Promise<MetadataFile[]> {
  const { job } = ctx;
  const manifest = await manifestSource(
    {
      jobId: job.id,
      exporterVersion: browser.runtime.getManifest().version,
      platform: job.request.platform,
      account,
      options: recordedOptions(job.request, ctx.adapter.mediaTypes),
      exportedAt,
      failed: content.failed,
      sections: job.sections ?? [],
      ...(content.part ? { part: content.part } : {}),
      ...(job.request.onlyNew ? { buildsOn: (await earlierDeliveries(accountKey(job.request.platform, account.id))).filter((earlier) => earlier.jobId !== job.id) } : {}),
    },
    storedManifestPosts(job.id, content.posts, outcomeOf),
  );
  const files: MetadataFile[] = [{ path: mainJsonName(job.request.platform, job.id), text: manifestChunks(manifest) }, ...formatEntries(job.request.format, manifest)];
  // Beside the main JSON, naming files from the export folder: `sha256sum -c SHA256SUMS` run there checks every media file.
  if (job.request.includeMedia) files.push({ path: SHA256SUMS_NAME, text: whole(formatSha256Sums(checksums)) });
  return files;
}
