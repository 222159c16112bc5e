import { ExportError } from '../../errors';
import type { MediaRecord, PartRecord } from '../../storage/exportDb';
import { postsWithMediaOfJob } from '../../storage/jobRepository';
import { partArchiveFile } from '../archive/archiveFile';
import { partZipFileName, zipFileName } from '../layout/exportPaths';
import type { ManifestCounts } from '../layout/manifest';
import { announcePart } from '../parts/completedParts';
import { planParts, type PlannedPost } from '../parts/partPlan';
import { archiveProgress, readArchiveSource, writeArchive, writeArchiveFile, type ArchiveSource } from './archiveStage';
import type { JobContext } from './jobContext';
import type { PartDeliveries } from './partDeliveries';
import { storedPost } from './storedManifestPosts';

const textBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/** What the plan needs of each post, in order: small numbers and record keys, never the post's text. */
interface PostShape {
  postId: string;
  textBytes: number;
  mediaIds: string[];
}

/** One pass over the stored posts, a batch at a time. */
async function postShapes(jobId: string): Promise<PostShape[]> {
  const shapes: PostShape[] = [];
  for await (const stored of postsWithMediaOfJob(jobId)) {
    shapes.push({ postId: stored.record.post.id, textBytes: textBytes(storedPost(stored)), mediaIds: stored.media.map((record) => record.mediaId) });
  }
  return shapes;
}

function planJobParts(ctx: JobContext, source: ArchiveSource, shapes: readonly PostShape[], limitBytes: number, exportedAt: Date): PartRecord[] {
  const { job } = ctx;
  const keptBytes = new Map([...source.paths.keys()].map((record) => [record.mediaId, record.bytes ?? 0]));
  const ranges = planParts(
    shapes.map((shape): PlannedPost => ({
      textBytes: shape.textBytes,
      fileBytes: shape.mediaIds.flatMap((id) => (keptBytes.has(id) ? [keptBytes.get(id)!] : [])),
    })),
    limitBytes,
  );
  const zipName = zipFileName(job.request.platform, source.account.handle, exportedAt, job.id);
  return ranges.map(({ start, end }, index) => ({
    number: index + 1,
    start,
    end,
    name: partZipFileName(zipName, index + 1),
    file: partArchiveFile(index + 1),
  }));
}

function totalCounts(ctx: JobContext, source: ArchiveSource, shapes: readonly PostShape[]): ManifestCounts {
  return {
    posts: shapes.length,
    media: shapes.reduce((sum, shape) => sum + shape.mediaIds.length, 0),
    savedFiles: source.paths.size,
    failedFiles: ctx.job.failed.length,
    savedBytes: source.keptBytes,
  };
}

/**
 * Writes a split export as parts that each open alone: a run of whole posts with their media and
 * sidecars, and a main JSON, text files and SHA256SUMS of their own. Each part is handed to
 * Downloads as soon as it is complete. The plan is saved with the job, so after a worker stop the
 * parts already written are neither written nor delivered again.
 */
export async function runPartedArchiveStage(ctx: JobContext, limitBytes: number, deliveries: PartDeliveries): Promise<void> {
  const { job } = ctx;
  const exportedAt = new Date();
  const source = await readArchiveSource(ctx);
  const shapes = await postShapes(job.id);
  if (!job.parts) await ctx.save({ parts: planJobParts(ctx, source, shapes, limitBytes, exportedAt) });
  const parts = job.parts!;
  const names = parts.map((part) => part.name);
  const total = totalCounts(ctx, source, shapes);
  const recordOf = new Map(source.records.map((record) => [record.mediaId, record]));
  const filesOf = (part: PartRecord): MediaRecord[] =>
    shapes.slice(part.start, part.end).flatMap((shape) => shape.mediaIds.flatMap((id) => (recordOf.has(id) ? [recordOf.get(id)!] : [])));
  const writtenBefore = parts.filter((part) => part.size !== undefined).reduce((sum, part) => sum + filesOf(part).filter((r) => source.paths.has(r)).length, 0);
  const fileWritten = archiveProgress(ctx, source.paths.size, writtenBefore);

  for (const part of parts) {
    if (part.size === undefined) {
      const postIds = new Set(shapes.slice(part.start, part.end).map((shape) => shape.postId));
      // In stored order, as the whole-export ZIP has them.
      const inPart = new Set(filesOf(part));
      const ordered = source.records.filter((record) => inPart.has(record));
      await ctx.services.ensureFreeSpace(ordered.reduce((sum, record) => sum + (source.paths.has(record) ? (record.bytes ?? 0) : 0), 0));
      await writeArchiveFile(
        ctx,
        part.file,
        (zip) =>
          writeArchive(
            ctx,
            zip,
            source,
            {
              posts: { start: part.start, end: part.end },
              records: ordered,
              failed: job.failed.filter((failure) => postIds.has(failure.postId)),
              part: { number: part.number, of: parts.length, names, total },
            },
            exportedAt,
            fileWritten,
          ),
      );
      const written = await ctx.services.staging.readStagedFile(job.id, part.file);
      if (!written) throw new ExportError('internal', `Part ${part.number} of the ZIP was not stored.`);
      part.size = written.size;
      await ctx.save({ parts });
      const held = announcePart({ jobId: job.id, number: part.number, of: parts.length, name: part.name, size: written.size });
      deliveries.start(part, held);
    } else {
      deliveries.start(part);
    }
  }
  await ctx.save({ fileName: parts[0]!.name, zipBytes: parts.reduce((sum, part) => sum + (part.size ?? 0), 0), partCount: parts.length }, 1);
}
