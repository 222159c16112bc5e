import { ExportError } from '../../errors';
import type { MediaRecord } from '../../storage/exportDb';
import { putAppendedMedia, putMedia } from '../../storage/mediaRecords';
import { ARCHIVE_FILE_NAME } from '../archive/archiveFile';
import { entryEnd } from '../archive/stream/zipFormat';
import type { ZipWorkerClient } from '../archive/stream/zipWorkerClient';
import { sha256OfBlob } from '../checksums/sha256';
import { MediaLayout, zipEntryPath } from '../layout/exportPaths';
import { entryDate, sidecarText } from '../layout/mediaEntries';
import { partLimitBytes } from '../parts/splitSizes';
import type { JobContext } from './jobContext';
import { stagedMediaName } from './stagedMediaName';

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
 * Which of the job's files are in its ZIPs: those `isIn` says are (their entries end by the saved
 * offset). A kept file not in one (stopped before its append, or recorded past the offset because
 * the job's save was lost) is appended again from its staged copy, or downloaded again when that
 * copy is gone. Returns the names the files in the ZIPs took, for the files still to come.
 */
export async function appendedFiles(ctx: JobContext, records: MediaRecord[], isIn: (zip: NonNullable<MediaRecord['zip']>) => boolean): Promise<MediaLayout> {
  const layout = new MediaLayout(ctx.job.request.platform);
  const appended: MediaRecord[] = [];
  for (const record of records) {
    if (record.state !== 'kept') continue;
    if (record.zip && isIn(record.zip)) {
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
  // In the order they were written, so names repeat as they were handed out.
  const order = (record: MediaRecord) => [record.zip!.part ?? 0, record.zip!.file.offset] as const;
  appended.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
  for (const record of appended) layout.reserve(record.zip!.paths);
  return layout;
}

/**
 * Appends a kept file and its sidecar to the ZIP open in the worker and returns their entries,
 * saving nothing: the caller saves them with the ZIP's new end, then removes the staged copy.
 */
export async function appendMediaEntries(
  ctx: JobContext,
  client: ZipWorkerClient,
  layout: MediaLayout,
  record: MediaRecord,
): Promise<{ sha256: string; zip: NonNullable<MediaRecord['zip']> }> {
  const { job } = ctx;
  if (!record.format) throw new ExportError('internal', `The downloaded file of ${record.mediaId} has no known format; resume the export.`);
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
  const file = await client.appendStaged(stagedName, { name: zipEntryPath(job.id, paths.file), modified });
  const text = sidecarText(job, record, file.size, sha256, now);
  const sidecar = await client.appendBytes({ name: zipEntryPath(job.id, paths.sidecar), modified, deflate: true }, new TextEncoder().encode(text));
  return { sha256, zip: { paths, file, sidecar } };
}

/** Opens the job's ZIP in the worker where the last appended entry ended, cutting off anything after it. */
export async function openStreamedArchive(ctx: JobContext, records: MediaRecord[]): Promise<StreamedArchive> {
  const { job } = ctx;
  const offset = job.zipOffset ?? 0;
  const layout = await appendedFiles(ctx, records, (zip) => entryEnd(zip.sidecar) <= offset);
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
    try {
      Object.assign(record, await appendMediaEntries(ctx, client, layout, record));
      job.zipOffset = entryEnd(record.zip!.sidecar);
      await putAppendedMedia(record, job.zipOffset);
    } catch (error) {
      broken = error;
      throw error;
    }
    // The ZIP holds it now: the staged copy would only double the disk the export takes.
    await ctx.services.staging.removeStagedFile(job.id, stagedMediaName(record));
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
