import { ExportError } from '../../errors';
import type { AccountInfo } from '../../platforms/types';
import type { MediaRecord } from '../../storage/exportDb';
import { mediaOfJob } from '../../storage/mediaRecords';
import type { ZipEntryRecord } from '../archive/stream/zipFormat';
import type { ZipWorkerClient } from '../archive/stream/zipWorkerClient';
import type { ChecksumLine } from '../checksums/sha256Sums';
import { zipEntryPath, zipFileName } from '../layout/exportPaths';
import type { MediaOutcome } from '../layout/manifest';
import { textChunks } from '../archive/textStream';
import { metadataFiles, savedOrFailed, type ArchiveContent } from './metadataFiles';
import { ensureJobDataKept } from './exportExpired';
import type { JobContext } from './jobContext';
import { openStreamedArchive } from './streamedArchive';

/**
 * Appends the text files after a ZIP's media (`inZip`, the records whose files it holds) and
 * returns every entry the central directory lists, in file order. A file is `saved` when any of
 * `appended` holds it: in a split export, a file two posts show lives in the part of the first.
 */
export async function appendMetadataEntries(
  ctx: JobContext,
  client: ZipWorkerClient,
  account: AccountInfo,
  content: ArchiveContent,
  appended: readonly MediaRecord[],
  inZip: readonly MediaRecord[],
  exportedAt: Date,
): Promise<ZipEntryRecord[]> {
  const { job } = ctx;
  // Keyed by record: a repeated platform id has a record key of its own (`id#2`).
  const saved = new Map<string, MediaOutcome>();
  for (const record of appended) {
    if (!record.zip || !record.format || !record.sha256) continue;
    const { paths, file } = record.zip;
    saved.set(record.mediaId, { status: 'saved', path: paths.file, format: record.format, byteSize: file.size, sha256: record.sha256 });
  }
  const checksums: ChecksumLine[] = [];
  const entries: ZipEntryRecord[] = [];
  for (const record of [...inZip].sort((a, b) => a.zip!.file.offset - b.zip!.file.offset)) {
    entries.push(record.zip!.file, record.zip!.sidecar);
    checksums.push({ sha256: record.sha256!, path: record.zip!.paths.file });
  }
  for (const file of await metadataFiles(ctx, account, content, savedOrFailed(saved), checksums, exportedAt)) {
    const entry = { name: zipEntryPath(job.id, file.path), modified: exportedAt.getTime(), deflate: true };
    entries.push(await client.appendChunks(entry, textChunks(file.text)));
  }
  return entries;
}

/**
 * The end of a streaming ZIP: the media are in it already (mediaStage.ts appends each file once it
 * is kept), so what is left is the main JSON, the format's files, SHA256SUMS and the central
 * directory. A stop here costs only these: the ZIP is cut back to its last media entry and they
 * are written again.
 */
export async function runStreamedArchiveStage(ctx: JobContext): Promise<void> {
  const { job } = ctx;
  const account = job.account;
  if (!account) throw new ExportError('internal', 'The account was not resolved before building the ZIP.');
  await ensureJobDataKept(job);
  const exportedAt = new Date();
  const records = await mediaOfJob(job.id);
  const archive = await openStreamedArchive(ctx, records);
  try {
    // Kept files a stop left out (their staged copies are still there) go in before the metadata.
    for (const record of records) if (record.state === 'kept' && !record.zip) await archive.append(record);
    const inZip = records.filter((record) => record.zip && record.sha256);
    const entries = await appendMetadataEntries(ctx, archive.client, account, { failed: job.failed }, inZip, inZip, exportedAt);
    const { size } = await archive.client.finish(entries);
    await ctx.save({ zipBytes: size, fileName: zipFileName(job.request.platform, account.handle, exportedAt, job.id) }, 1);
  } finally {
    await archive.release();
  }
}
