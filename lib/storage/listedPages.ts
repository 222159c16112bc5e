import type { IDBPTransaction } from 'idb';
import { urlWithoutSignature } from '../platforms/shared/sourceUrl';
import type { MediaItem, Post } from '../platforms/types';
import type { SectionReport } from '../export/types';
import { openExportDb, type ExportSchema, type JobRecord, type ListingPosition, type PostRecord } from './exportDb';

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
