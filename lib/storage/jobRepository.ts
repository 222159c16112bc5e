import type { IDBPTransaction } from 'idb';
import { urlWithoutSignature } from '../platforms/shared/sourceUrl';
import type { MediaItem, Post } from '../platforms/types';
import type { SectionReport } from '../export/types';
import { openExportDb, type ExportSchema, type JobRecord, type ListingPosition, type MediaRecord, type PostRecord } from './exportDb';

export async function getJob(jobId: string): Promise<JobRecord | undefined> {
  return (await openExportDb()).get('jobs', jobId);
}

export async function putJob(job: JobRecord): Promise<void> {
  await (await openExportDb()).put('jobs', job);
}

export async function listJobs(): Promise<JobRecord[]> {
  const jobs = await (await openExportDb()).getAll('jobs');
  return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

type PageTransaction = IDBPTransaction<ExportSchema, ('jobs' | 'posts' | 'media')[], 'readwrite'>;

/**
 * Whether two items with one id show one file. Without an address to compare, only an item listed
 * again exactly as before (a story kept in a highlight) counts as the same; a different one under
 * a repeated id (two posts both sent without an id) stays a file of its own, failed on its own.
 */
function sameFile(a: MediaItem, b: MediaItem): boolean {
  if (a.unavailable || b.unavailable) {
    return (
      a.unavailable !== undefined &&
      b.unavailable !== undefined &&
      a.postId === b.postId &&
      a.kind === b.kind &&
      a.publishedAt === b.publishedAt &&
      a.caption === b.caption
    );
  }
  // A file listed with sizes to fall back to is stored, once downloaded, under the size it got.
  const addresses = (item: MediaItem) => [item.url, ...(item.fallbacks ?? []).map((size) => size.url)].map(urlWithoutSignature);
  const ofA = addresses(a);
  return addresses(b).some((url) => ofA.includes(url));
}

/**
 * The record key of a media item: its id, unless that id already names a different file (a
 * broken or hostile answer can repeat ids), which then gets `id#2`, `id#3`… so no file is lost.
 * The same file seen again (a story kept in a highlight) keeps its one record.
 */
async function mediaKeyFor(tx: PageTransaction, jobId: string, item: MediaItem): Promise<{ key: string; isNew: boolean }> {
  for (let n = 1; ; n += 1) {
    const key = n === 1 ? item.id : `${item.id}#${n}`;
    const stored = await tx.objectStore('media').get([jobId, key]);
    if (!stored) return { key, isNew: true };
    if (sameFile(stored.item, item)) return { key, isNew: false };
  }
}

/** What one listed page changes: its posts, and the listing state after it. */
export interface ListedPage {
  posts: Post[];
  /** The section the page belongs to, and the scope in which a post is listed once. */
  section: string;
  scope: string;
  /**
   * The listing state after the page, given how many of its posts count for the section: new ones,
   * and those another section of the scope listed first (the same section's again do not count).
   */
  advance(counted: number): { listing: ListingPosition | undefined; finished?: SectionReport };
}

export function listingKey(scope: string, postId: string): string {
  return `${scope}\u0000${postId}`;
}

/**
 * Whether a post listed again under an id already stored shows the same files: a broken or hostile
 * answer can give two different posts one id, and the second must not be taken for the first.
 */
async function showsSameFiles(tx: PageTransaction, jobId: string, earlier: PostRecord, post: Post): Promise<boolean> {
  if (earlier.mediaIds.length !== post.media.length) return false;
  const stored = await Promise.all(earlier.mediaIds.map((mediaId) => tx.objectStore('media').get([jobId, mediaId])));
  return post.media.every((item) => stored.some((record) => record !== undefined && sameFile(record.item, item)));
}

/** Stores the page's posts not listed before in their scope; returns how many count for the section. */
async function storePage(tx: PageTransaction, job: JobRecord, page: ListedPage): Promise<number> {
  let counted = 0;
  for (const post of page.posts) {
    const key = post.listingId === null ? undefined : listingKey(page.scope, post.listingId ?? post.id);
    if (key !== undefined) {
      const earlier = await tx.objectStore('posts').index('byListingKey').get([job.id, key]);
      if (earlier && (await showsSameFiles(tx, job.id, earlier, post))) {
        if (earlier.section !== page.section) counted += 1;
        continue;
      }
    }
    counted += 1;
    const { media, ...rest } = post;
    const mediaIds: string[] = [];
    for (const item of media) {
      const { key: mediaKey, isNew } = await mediaKeyFor(tx, job.id, item);
      mediaIds.push(mediaKey);
      if (isNew) await tx.objectStore('media').put({ jobId: job.id, mediaId: mediaKey, seq: job.nextMediaSeq++, item, state: 'pending' });
    }
    const record: PostRecord = {
      jobId: job.id,
      seq: job.nextPostSeq++,
      section: page.section,
      ...(key === undefined ? {} : { listingKey: key }),
      post: rest,
      mediaIds,
    };
    await tx.objectStore('posts').put(record);
  }
  return counted;
}

/**
 * Stores one listed page and the listing state after it in a single transaction, so a worker that
 * stops between pages resumes from a position whose posts are all stored, never half of them.
 * A post listed again in its scope (a reel the feed listed, a page read again by another
 * strategy) is stored once, and so is a media file seen before (a story kept in a highlight).
 */
export async function appendPage(jobId: string, page: ListedPage): Promise<JobRecord> {
  const db = await openExportDb();
  const tx = db.transaction(['jobs', 'posts', 'media'], 'readwrite');
  const job = await tx.objectStore('jobs').get(jobId);
  if (!job) throw new Error(`Job ${jobId} is gone.`);
  let counted: number;
  try {
    counted = await storePage(tx, job, page);
  } catch (error) {
    // A put that throws synchronously (a value that cannot be cloned) does not abort by itself.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  const { listing, finished } = page.advance(counted);
  job.listing = listing;
  job.metadataDone = listing === undefined;
  if (finished) job.sections = [...(job.sections ?? []), finished];
  job.posts = { done: job.nextPostSeq, total: Math.max(job.posts.total, job.nextPostSeq) };
  job.media = { ...job.media, total: job.nextMediaSeq };
  job.updatedAt = new Date().toISOString();
  await tx.objectStore('jobs').put(job);
  await tx.done;
  return job;
}

/** Whether the job already holds a post with this id in the scope. */
export async function isListedInScope(jobId: string, scope: string, postId: string): Promise<boolean> {
  const db = await openExportDb();
  return (await db.getKeyFromIndex('posts', 'byListingKey', [jobId, listingKey(scope, postId)])) !== undefined;
}

/** How many post and media records the job holds. */
export async function countJobItems(jobId: string): Promise<{ posts: number; media: number }> {
  const db = await openExportDb();
  const [posts, media] = await Promise.all([db.countFromIndex('posts', 'byJob', jobId), db.countFromIndex('media', 'byJob', jobId)]);
  return { posts, media };
}

/** The job's media records in listing order, from sequence number `fromSeq` on. */
export async function mediaOfJob(jobId: string, fromSeq = 0): Promise<MediaRecord[]> {
  const db = await openExportDb();
  return db.getAllFromIndex('media', 'byJobSeq', IDBKeyRange.bound([jobId, fromSeq], [jobId, Infinity]));
}

export async function putMedia(record: MediaRecord): Promise<void> {
  await (await openExportDb()).put('media', record);
}

/** A file appended to the job's streaming ZIP and the ZIP's new end, in one transaction. */
export async function putAppendedMedia(record: MediaRecord, zipOffset: number): Promise<void> {
  const tx = (await openExportDb()).transaction(['media', 'jobs'], 'readwrite');
  const jobs = tx.objectStore('jobs');
  const job = await jobs.get(record.jobId);
  await tx.objectStore('media').put(record);
  if (job) await jobs.put({ ...job, zipOffset });
  await tx.done;
}

/**
 * A split export's post appended to its open part: its files' records and the job's new ZIP end
 * and parts, in one transaction. `changes` runs once the transaction exists, so a save of the
 * job begun after it cannot land before it.
 */
export async function putAppendedPost(jobId: string, records: readonly MediaRecord[], changes: () => Pick<JobRecord, 'zipOffset' | 'parts'>): Promise<void> {
  const tx = (await openExportDb()).transaction(['media', 'jobs'], 'readwrite');
  const { zipOffset, parts } = changes();
  const jobs = tx.objectStore('jobs');
  for (const record of records) await tx.objectStore('media').put(record);
  const job = await jobs.get(jobId);
  if (job) await jobs.put({ ...job, zipOffset, parts });
  await tx.done;
}

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

/** Drops a job's staged posts and media records, keeping the job itself for the history. */
export async function deleteJobItems(jobId: string): Promise<void> {
  const db = await openExportDb();
  const tx = db.transaction(['posts', 'media'], 'readwrite');
  await tx.objectStore('posts').delete(IDBKeyRange.bound([jobId, 0], [jobId, Infinity]));
  // Arrays sort after every string, so this bound covers every media id of the job.
  await tx.objectStore('media').delete(IDBKeyRange.bound([jobId, ''], [jobId, []]));
  await tx.done;
}

/** Forgets a job entirely (the user deleted it from the history): its record and its items. */
export async function deleteJob(jobId: string): Promise<void> {
  await deleteJobItems(jobId);
  await (await openExportDb()).delete('jobs', jobId);
}
