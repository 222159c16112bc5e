import type { JobRecord } from '../../storage/exportDb';
import { accountKey, rememberDelivered } from '../../storage/deliveredIndex';
import { mediaOfJob } from '../../storage/mediaRecords';
import { postsOfJob } from '../../storage/postRecords';

/**
 * Remembers the posts a finished export delivered whole, every file kept (a post whose file
 * failed is not, so "Only new" brings it again), for the account's next "Only new" export.
 * Exports without media deliver no files and are not remembered.
 */
export async function rememberJobDelivery(job: JobRecord): Promise<void> {
  if (!job.request.includeMedia || !job.account) return;
  const kept = new Set((await mediaOfJob(job.id)).filter((record) => record.state === 'kept').map((record) => record.mediaId));
  const delivered: { postId: string; caption: string | null }[] = [];
  for await (const record of postsOfJob(job.id)) {
    const postId = record.post.listingId === undefined ? record.post.id : record.post.listingId;
    if (postId === null || !record.mediaIds.every((mediaId) => kept.has(mediaId))) continue;
    delivered.push({ postId, caption: record.post.caption });
  }
  await rememberDelivered(accountKey(job.request.platform, job.account.id), { jobId: job.id, exportedAt: job.finishedAt ?? new Date().toISOString() }, delivered);
}
