import { openExportDb, type MediaRecord, type PostRecord } from './exportDb';

/** Up to `count` of the job's posts in the platform's order, from sequence number `fromSeq` on. */
export async function postRecordsFrom(jobId: string, fromSeq: number, count: number): Promise<PostRecord[]> {
  return (await openExportDb()).getAll('posts', IDBKeyRange.bound([jobId, fromSeq], [jobId, Infinity]), count);
}

/** The sequence number from which the posts after the first `position` ones (counted in order) start. */
export async function postSeqAfter(jobId: string, position: number): Promise<number> {
  if (position === 0) return 0;
  let cursor = await (await openExportDb()).transaction('posts').store.openKeyCursor(IDBKeyRange.bound([jobId, 0], [jobId, Infinity]));
  if (cursor && position > 1) cursor = await cursor.advance(position - 1);
  if (!cursor) throw new Error(`Job ${jobId} holds fewer than ${position} posts.`);
  return cursor.key[1] + 1;
}

/** Posts in the platform's order, read page by page so a large account never sits in memory twice. */
export async function* postsOfJob(jobId: string): AsyncGenerator<PostRecord> {
  const db = await openExportDb();
  const batch = 200;
  let from = 0;
  for (;;) {
    const records = await db.getAll('posts', IDBKeyRange.bound([jobId, from], [jobId, Infinity]), batch);
    yield* records;
    if (records.length < batch) return;
    from = records[records.length - 1]!.seq + 1;
  }
}

/** A stored post with its media records, in display order (a record that is gone is left out). */
export interface StoredPost {
  record: PostRecord;
  media: MediaRecord[];
}

/**
 * Posts in the platform's order from position `start` (counted from 0) up to `end`, each with its
 * media records, a batch at a time: never every post of a large account in memory at once.
 */
export async function* postsWithMediaOfJob(jobId: string, start = 0, end = Infinity): AsyncGenerator<StoredPost> {
  const db = await openExportDb();
  const batch = 200;
  let from = 0;
  if (start > 0) {
    // Positions, not sequence numbers: skip with a key cursor instead of reading the posts before.
    let cursor = await db.transaction('posts').store.openKeyCursor(IDBKeyRange.bound([jobId, 0], [jobId, Infinity]));
    if (cursor) cursor = await cursor.advance(start);
    if (!cursor) return;
    from = cursor.key[1];
  }
  let left = end - start;
  while (left > 0) {
    const records = await db.getAll('posts', IDBKeyRange.bound([jobId, from], [jobId, Infinity]), Math.min(batch, left));
    const tx = db.transaction('media');
    const media = await Promise.all(records.map((record) => Promise.all(record.mediaIds.map((mediaId) => tx.store.get([jobId, mediaId])))));
    for (const [index, record] of records.entries()) {
      yield { record, media: media[index]!.filter((stored): stored is MediaRecord => stored !== undefined) };
    }
    if (records.length < batch) return;
    left -= records.length;
    from = records[records.length - 1]!.seq + 1;
  }
}
