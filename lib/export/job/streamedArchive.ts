import { ExportError } from '../../errors';
import type { JobRecord, MediaRecord } from '../../storage/exportDb';
import { putAppendedMedia, putMedia } from '../../storage/jobRepository';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import { entryEnd } from '../archive/stream/zipFormat';
import type { ZipWorkerClient } from '../archive/stream/zipWorkerClient';
import { sha256OfBlob } from '../checksums/sha256';
import { MediaLayout, zipEntryPath } from '../layout/exportPaths';
import { buildSidecar } from '../layout/sidecar';
import { partLimitBytes } from '../parts/splitSizes';
import type { JobContext } from './jobContext';
import { stagedMediaName } from './stagedMediaName';

/** A media file's entries are dated by its post; a post with no usable date, by when it was added. */
export function entryDate(iso: string, fallback: Date): Date {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? fallback : new Date(time);
}

/** The sidecar written beside a kept file, as the ZIP holds it. */
export function sidecarText(job: JobRecord, record: MediaRecord, byteSize: number, sha256: string, fallbackDate: Date): string {
  if (!record.format) throw new ExportError('internal', `The downloaded file of ${record.mediaId} has no known format; resume the export.`);
  const sidecar = buildSidecar({
    platform: job.request.platform,
    item: record.item,
    format: record.format,
    byteSize,
    sha256,
    downloadedAt: new Date(record.downloadedAt ?? fallbackDate),
    ...(record.original ? { original: record.original } : {}),
  });
  return JSON.stringify(sidecar, null, 2);
}

/** Whether this job's ZIP grows while its media download: every export but a split one. */
export function streamsArchive(ctx: JobContext): boolean {
  return partLimitBytes(ctx.job.request, ctx.settings) === undefined;
}

/** The job's streaming ZIP, open in the ZIP worker, with its file names decided so far. */
export interface StreamedArchive {
  client: ZipWorkerClient;
  /**
   * Appends a kept file and its sidecar after those queued before, saves their entries with the
   * ZIP's new end, then removes the staged copy. After a failure every later append fails too:
   * the job stops, and resuming cuts the ZIP back to the last saved end.
   */
  append(record: MediaRecord): Promise<void>;
  release(): Promise<void>;
}

/**
 * Which of the job's files are in the ZIP: those whose entries end by the saved offset. A kept
 * file not in it (stopped before its append, or recorded past the offset because the job's save
 * was lost) is appended again from its staged copy, or downloaded again when that copy is gone.
 */
async function appendedFiles(ctx: JobContext, records: MediaRecord[], offset: number): Promise<MediaRecord[]> {
  const appended: MediaRecord[] = [];
  for (const record of records) {
    if (record.state !== 'kept') continue;
    if (record.zip && entryEnd(record.zip.sidecar) <= offset) {
      appended.push(record);
      continue;
    }
    const recordedPast = record.zip !== undefined;
    delete record.zip;
    const staged = await ctx.services.staging.readStagedFile(ctx.job.id, stagedMediaName(record));
    if (!staged || staged.size !== record.bytes) {
      record.state = 'pending';
      delete record.format;
      delete record.bytes;
      delete record.downloadedAt;
    } else if (!recordedPast) {
      continue;
    }
    await putMedia(record);
  }
  return appended.sort((a, b) => a.zip!.file.offset - b.zip!.file.offset);
}

/** Opens the job's ZIP in the worker where the last appended entry ended, cutting off anything after it. */
export async function openStreamedArchive(ctx: JobContext, records: MediaRecord[]): Promise<StreamedArchive> {
  const { job } = ctx;
  const offset = job.zipOffset ?? 0;
  const layout = new MediaLayout(job.request.platform);
  for (const record of await appendedFiles(ctx, records, offset)) layout.reserve(record.zip!.paths);
  const connection = await ctx.services.connectZipWorker();
  try {
    await connection.client.open(job.id, ARCHIVE_FILE_NAME, offset);
  } catch (error) {
    await connection.release();
    throw error;
  }
  const { client } = connection;
  let queue: Promise<void> = Promise.resolve();
  let broken: unknown;

  const appendNow = async (record: MediaRecord) => {
    if (broken) throw broken;
    if (record.zip || record.state !== 'kept' || !record.format) return;
    const stagedName = stagedMediaName(record);
    const staged = await ctx.services.staging.readStagedFile(job.id, stagedName);
    if (!staged || staged.size !== record.bytes) {
      throw new ExportError('internal', `The downloaded file of ${record.mediaId} is missing from storage; resume the export.`);
    }
    const now = new Date();
    const modified = entryDate(record.item.publishedAt, now).getTime();
    // A file kept by a version that did not hash while downloading is hashed from disk once.
    const sha256 = record.sha256 ?? (await sha256OfBlob(staged));
    const paths = layout.pathsFor(record.item, record.format);
    try {
      const file = await client.appendStaged(stagedName, { name: zipEntryPath(job.id, paths.file), modified });
      const text = sidecarText(job, record, file.size, sha256, now);
      const sidecar = await client.appendBytes({ name: zipEntryPath(job.id, paths.sidecar), modified, deflate: true }, new TextEncoder().encode(text));
      Object.assign(record, { sha256, zip: { paths, file, sidecar } } satisfies Partial<MediaRecord>);
      job.zipOffset = entryEnd(sidecar);
      await putAppendedMedia(record, job.zipOffset);
    } catch (error) {
      broken = error;
      throw error;
    }
    // The ZIP holds it now: the staged copy would only double the disk the export takes.
    await ctx.services.staging.removeStagedFile(job.id, stagedName);
  };

  return {
    client,
    append(record) {
      const done = queue.then(() => appendNow(record));
      queue = done.catch(() => undefined);
      return done;
    },
    async release() {
      await queue;
      await connection.release();
    },
  };
}
