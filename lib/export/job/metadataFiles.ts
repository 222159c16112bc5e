import browser from 'webextension-polyfill';
import type { AccountInfo, FailedFile } from '../../platforms/types';
import type { MediaRecord } from '../../storage/exportDb';
import { SHA256SUMS_NAME, formatSha256Sums, type ChecksumLine } from '../checksums/sha256Sums';
import { formatEntries } from '../formats';
import { mainJsonName } from '../layout/exportPaths';
import type { ManifestPart, MediaOutcome } from '../layout/manifest';
import { manifestChunks, manifestSource } from '../layout/manifestStream';
import type { JobContext } from './jobContext';
import { storedManifestPosts } from './storedManifestPosts';
import type { PartRange } from '../parts/partPlan';
import { recordedOptions } from '../options/exportOptions';
import { accountKey, earlierDeliveries } from '../../storage/deliveredIndex';

/** What goes into one ZIP: the whole export, or one part of it. */
export interface ArchiveContent {
  /** The posts by position; all of them when absent. */
  posts?: PartRange;
  failed: readonly FailedFile[];
  part?: ManifestPart;
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
