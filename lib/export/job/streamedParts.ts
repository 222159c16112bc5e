import { ExportError } from '../../errors';
import type { FailedFile } from '../../platforms/types';
import type { MediaRecord, PartRecord, PostRecord } from '../../storage/exportDb';
import { putAppendedPost, putMedia } from '../../storage/mediaRecords';
import { postRecordsFrom, postSeqAfter, postsWithMediaOfJob } from '../../storage/postRecords';
import { partArchiveFile } from '../archive/archiveFile';
import { entryEnd } from '../archive/stream/zipFormat';
import { partZipFileName, zipFileName } from '../layout/exportPaths';
import type { ManifestCounts, ManifestPart } from '../layout/manifest';
import { announcePart } from '../parts/completedParts';
import { estimatedPostBytes, startsNewPart } from '../parts/partPlan';
import type { JobContext } from './jobContext';
import type { PartDeliveries } from './partDeliveries';
import { stagedMediaName } from './stagedMediaName';
import { appendMediaEntries, appendedFiles } from './streamedArchive';
import { appendMetadataEntries } from './streamedArchiveStage';
import { storedPost } from './storedManifestPosts';

/** Posts read ahead from IndexedDB at a time, waiting for their files to settle. */
const READ_AHEAD = 200;

/** A split export as it grows: whole posts appended in listing order to the part being written. */
export interface StreamedParts {
  /** Files of newly listed posts, whose posts may be appended once the files settle. */
  add(records: readonly MediaRecord[]): void;
  /**
   * Appends every post whose files are all settled (kept or failed), in listing order, up to the
   * first one still waiting. A post that would overflow the part closes it first: the part gets
   * its text files and central directory and goes to Downloads (or the cloud) at once.
   */
  advance(): Promise<void>;
  /** Once every post is listed and settled: appends what is left and closes the last part. */
  closeLast(): Promise<void>;
  /** Waits for what is queued and lets go of the part's file. */
  release(): Promise<void>;
}

const noCounts = (): ManifestCounts => ({ posts: 0, media: 0, savedFiles: 0, failedFiles: 0, savedBytes: 0 });

function addCounts(into: ManifestCounts, counts: ManifestCounts): ManifestCounts {
  for (const key of Object.keys(into) as (keyof ManifestCounts)[]) into[key] += counts[key];
  return into;
}

const textBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/**
 * Opens a split export's part being written (a new one when none is), cut back to the end of its
 * last appended post. Parts complete but not yet delivered (a stop came between) are handed over
 * again; a part is never delivered twice (`PartDeliveries`).
 */
export async function openStreamedParts(ctx: JobContext, records: MediaRecord[], limitBytes: number, deliveries: PartDeliveries): Promise<StreamedParts> {
  const { job } = ctx;
  const account = job.account;
  if (!account) throw new ExportError('internal', 'The account was not resolved before building the ZIP.');
  const parts = (job.parts ??= []);
  // Anything after the first open part cannot exist: parts are only ever opened one after another.
  const firstOpen = parts.findIndex((part) => part.size === undefined);
  if (firstOpen >= 0) parts.splice(firstOpen + 1);
  let open: PartRecord | undefined = parts[firstOpen];
  // Planned by a version that wrote every part at the end: none of its posts is in it yet.
  if (open && open.planned === undefined) Object.assign(open, { end: open.start, planned: 0 });
  const offset = open ? (job.zipOffset ?? 0) : 0;
  const complete = new Set(parts.filter((part) => part.size !== undefined).map((part) => part.number));
  const layout = await appendedFiles(ctx, records, (zip) => (zip.part === open?.number ? entryEnd(zip.sidecar) <= offset : complete.has(zip.part ?? 0)));
  for (const part of parts) if (part.size !== undefined) deliveries.start(part);
  const recordOf = new Map(records.map((record) => [record.mediaId, record]));
  const withMedia = job.request.includeMedia;

  const ended = parts.at(-1)?.last === true;
  const connection = ended ? undefined : await ctx.services.connectZipWorker();
  const client = () => {
    if (!connection) throw new ExportError('internal', 'The last part of the export is complete already.');
    return connection.client;
  };
  let released: Promise<void> | undefined;
  const letGo = () => (released ??= connection?.release() ?? Promise.resolve());

  const newPart = async (): Promise<PartRecord> => {
    const number = parts.length + 1;
    const first = parts[0]?.name ?? zipFileName(job.request.platform, account.handle, new Date(), job.id);
    const start = parts.at(-1)?.end ?? 0;
    const part: PartRecord = { number, start, end: start, planned: 0, name: partZipFileName(first, number), file: partArchiveFile(number) };
    parts.push(part);
    await ctx.save({ parts, zipOffset: 0 });
    await client().open(job.id, part.file, 0);
    return part;
  };

  try {
    if (open) await client().open(job.id, open.file, offset);
    else if (!ended) open = await newPart();
  } catch (error) {
    await letGo();
    throw error;
  }

  let position = open?.end ?? parts.at(-1)?.end ?? 0;
  let nextSeq = await postSeqAfter(job.id, position);
  let ahead: PostRecord[] = [];

  /** Writes the part's text files and central directory; the caller lets go of its file, then hands it over. */
  const closePart = async (part: PartRecord, last: boolean): Promise<() => void> => {
    const exportedAt = new Date();
    const counts = noCounts();
    const failed: FailedFile[] = [];
    const failedRecords: MediaRecord[] = [];
    for await (const { record: post } of postsWithMediaOfJob(job.id, part.start, part.end)) {
      counts.posts += 1;
      for (const mediaId of post.mediaIds) {
        const record = recordOf.get(mediaId);
        counts.media += 1;
        if (record?.zip) {
          counts.savedFiles += 1;
          counts.savedBytes += record.zip.file.size;
        } else if (record?.state === 'failed' && record.failure && !failedRecords.includes(record)) {
          failedRecords.push(record);
          failed.push(record.failure);
        }
      }
    }
    counts.failedFiles = failed.length;
    const before = parts.slice(0, part.number - 1);
    const manifestPart: ManifestPart = {
      number: part.number,
      last,
      ...(last ? { of: part.number } : {}),
      names: [...before, part].map((p) => p.name),
      total: addCounts(before.reduce((sum, p) => addCounts(sum, p.counts ?? noCounts()), noCounts()), counts),
    };
    const appended = records.filter((record) => record.zip);
    const inPart = appended.filter((record) => record.zip!.part === part.number);
    const content = { posts: { start: part.start, end: part.end }, failed, part: manifestPart };
    const entries = await appendMetadataEntries(ctx, client(), account, content, appended, inPart, exportedAt);
    const { size } = await client().finish(entries);
    // The part is complete and on its way: a file that failed in it stays failed, as another try
    // could only go into a part of its own or a part written and delivered again.
    for (const record of failedRecords) {
      if (!record.retryable) continue;
      delete record.retryable;
      await putMedia(record);
    }
    Object.assign(part, { size, counts, ...(last ? { last } : {}) });
    delete part.planned;
    await ctx.save({ parts, partCount: parts.length, retryableFailed: records.filter((record) => record.retryable).length });
    const completed = { jobId: job.id, number: part.number, ...(last ? { of: part.number } : {}), name: part.name, size };
    return () => deliveries.start(part, announcePart(completed));
  };

  /** Appends the next post if its files are settled; false when it is not listed yet or still waits. */
  const appendNext = async (): Promise<boolean> => {
    if (ahead.length === 0) ahead = await postRecordsFrom(job.id, nextSeq, READ_AHEAD);
    const post = ahead[0];
    if (!post) return false;
    const media = post.mediaIds.map((mediaId) => recordOf.get(mediaId));
    if (withMedia && media.some((record) => record === undefined || record.state === 'pending')) return false;
    const files = withMedia ? [...new Set(media)].filter((record): record is MediaRecord => record?.state === 'kept' && !record.zip) : [];
    const postBytes = estimatedPostBytes({
      textBytes: textBytes(storedPost({ record: post, media: media.filter((record) => record !== undefined) })),
      fileBytes: files.map((record) => record.bytes ?? 0),
    });
    let part = open!;
    if (startsNewPart(part.planned ?? 0, postBytes, limitBytes)) {
      const handOver = await closePart(part, false);
      // Opening the next part lets go of this one's file, which Downloads can then read.
      part = open = await newPart();
      handOver();
    }
    let zipOffset = job.zipOffset ?? 0;
    for (const record of files) {
      const { sha256, zip } = await appendMediaEntries(ctx, client(), layout, record);
      Object.assign(record, { sha256, zip: { ...zip, part: part.number } } satisfies Partial<MediaRecord>);
      zipOffset = entryEnd(zip.sidecar);
    }
    await putAppendedPost(job.id, files, () => {
      part.end = position + 1;
      part.planned = (part.planned ?? 0) + postBytes;
      job.zipOffset = zipOffset;
      return { zipOffset, parts };
    });
    position += 1;
    nextSeq = post.seq + 1;
    ahead.shift();
    // The part holds them now: their staged copies would only double the disk the export takes.
    for (const record of files) await ctx.services.staging.removeStagedFile(job.id, stagedMediaName(record));
    return true;
  };

  let queue: Promise<void> = Promise.resolve();
  let broken: unknown;
  const queued = (work: () => Promise<void>): Promise<void> => {
    const done = queue.then(async () => {
      if (broken) throw broken;
      try {
        await work();
      } catch (error) {
        // Resuming cuts the part back to its last saved post; nothing more may be written before.
        broken = error;
        throw error;
      }
    });
    queue = done.catch(() => undefined);
    return done;
  };
  const appendSettled = async () => {
    while (open && !ctx.signal.aborted && (await appendNext()));
  };

  return {
    add(listed) {
      for (const record of listed) recordOf.set(record.mediaId, record);
    },
    advance: () => queued(appendSettled),
    closeLast: () =>
      queued(async () => {
        if (!open) return;
        await appendSettled();
        ctx.signal.throwIfAborted();
        ahead = await postRecordsFrom(job.id, nextSeq, 1);
        if (ahead.length > 0) throw new ExportError('internal', 'A post of the export still waits for its files; resume the export.');
        const handOver = await closePart(open, true);
        open = undefined;
        // Downloads can read the last part only once the worker let go of it.
        await letGo();
        handOver();
      }),
    async release() {
      await queue;
      await letGo();
    },
  };
}
