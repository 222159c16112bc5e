import { mediaOfJob, putMedia } from '../../storage/mediaRecords';
import type { JobContext } from './jobContext';
import { stagedMediaName } from './stagedMediaName';

/**
 * Puts every kept file whose staged copy is gone or cut short back to pending, and returns how
 * many files are pending now. Without this, the archive stage would fail on the same missing file
 * at every Resume (a split export's last part waits for every post's files to settle).
 */
export async function returnMissingFilesToMedia(ctx: JobContext): Promise<number> {
  let missing = 0;
  for (const record of await mediaOfJob(ctx.job.id)) {
    if (record.state === 'pending') {
      missing += 1;
      continue;
    }
    // A file in the streaming ZIP already has no staged copy any more.
    if (record.state !== 'kept' || record.zip) continue;
    const file = await ctx.services.staging.readStagedFile(ctx.job.id, stagedMediaName(record));
    if (file && file.size === record.bytes) continue;
    const { format: _format, bytes: _bytes, downloadedAt: _at, ...rest } = record;
    await putMedia({ ...rest, state: 'pending' });
    missing += 1;
  }
  return missing;
}
