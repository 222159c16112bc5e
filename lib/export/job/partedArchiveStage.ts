import { ExportError } from '../../errors';
import type { PartRecord } from '../../storage/exportDb';
import { partArchiveFile } from '../archive/archiveFile';
import { partZipFileName, zipFileName } from '../layout/exportPaths';
import type { ManifestCounts } from '../layout/manifest';
import { announcePart } from '../parts/completedParts';
import { planParts } from '../parts/partPlan';
import { archiveProgress, readArchiveSource, writeArchive, writeArchiveFile, type ArchiveSource } from './archiveStage';
import type { JobContext } from './jobContext';
import type { PartDeliveries } from './partDeliveries';

const textBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

function planJobParts(ctx: JobContext, source: ArchiveSource, limitBytes: number, exportedAt: Date): PartRecord[] {
  const { job } = ctx;
  const keptBytes = new Map([...source.paths.keys()].map((record) => [record.item, record.bytes ?? 0]));
  const ranges = planParts(
    source.posts.map((post) => ({
      textBytes: textBytes(post),
      fileBytes: post.media.flatMap((item) => (keptBytes.has(item) ? [keptBytes.get(item)!] : [])),
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

function totalCounts(ctx: JobContext, source: ArchiveSource): ManifestCounts {
  return {
    posts: source.posts.length,
    media: source.posts.reduce((sum, post) => sum + post.media.length, 0),
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
  if (!job.parts) await ctx.save({ parts: planJobParts(ctx, source, limitBytes, exportedAt) });
  const parts = job.parts!;
  const names = parts.map((part) => part.name);
  const total = totalCounts(ctx, source);
  const recordOf = new Map([...source.records].map((record) => [record.item, record]));
  const filesOf = (part: PartRecord) =>
    source.posts.slice(part.start, part.end).flatMap((post) => post.media.flatMap((item) => (recordOf.has(item) ? [recordOf.get(item)!] : [])));
  const writtenBefore = parts.filter((part) => part.size !== undefined).reduce((sum, part) => sum + filesOf(part).filter((r) => source.paths.has(r)).length, 0);
  const fileWritten = archiveProgress(ctx, source.paths.size, writtenBefore);

  for (const part of parts) {
    if (part.size === undefined) {
      const posts = source.posts.slice(part.start, part.end);
      const postIds = new Set(posts.map((post) => post.id));
      // In stored order, as the whole-export ZIP has them.
      const inPart = new Set(filesOf(part));
      const records = source.records.filter((record) => inPart.has(record));
      await ctx.services.ensureFreeSpace(records.reduce((sum, record) => sum + (source.paths.has(record) ? (record.bytes ?? 0) : 0), 0));
      await writeArchiveFile(
        ctx,
        part.file,
        (zip) =>
          writeArchive(
            ctx,
            zip,
            source,
            { posts, records, failed: job.failed.filter((failure) => postIds.has(failure.postId)), part: { number: part.number, of: parts.length, names, total } },
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
