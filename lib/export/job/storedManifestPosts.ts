import type { Post } from '../../platforms/types';
import type { MediaRecord } from '../../storage/exportDb';
import { postsWithMediaOfJob, type StoredPost } from '../../storage/postRecords';
import { manifestPost, type ManifestPost, type MediaOutcome } from '../layout/manifest';
import type { PartRange } from '../parts/partPlan';

/** A stored post as the platform listed it, its files in display order. */
export function storedPost({ record, media }: StoredPost): Post {
  return { ...record.post, media: media.map((stored) => stored.item) };
}

/**
 * Passes over the job's posts (all, or a range) as the main JSON holds them, read from IndexedDB
 * a batch at a time; `outcomeOf` says what became of each file.
 */
export function storedManifestPosts(
  jobId: string,
  range: PartRange | undefined,
  outcomeOf: (record: MediaRecord) => MediaOutcome | undefined,
): () => AsyncIterable<ManifestPost> {
  return async function* () {
    for await (const stored of postsWithMediaOfJob(jobId, range?.start, range?.end)) {
      yield manifestPost(storedPost(stored), stored.media.map(outcomeOf));
    }
  };
}
