import type { PlatformId } from '../platforms/types';
import { openExportDb, type Delivery } from './exportDb';

/** One account of one platform: what "since last export" is counted per. */
export function accountKey(platform: PlatformId, accountId: string): string {
  return `${platform}:${accountId}`;
}

/** FNV-1a of the caption: enough to tell an edit, without keeping every caption twice. */
export function captionHash(caption: string | null): string {
  if (caption === null) return 'null';
  let hash = 0x811c9dc5;
  for (let i = 0; i < caption.length; i += 1) {
    hash ^= caption.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${caption.length}:${hash.toString(16)}`;
}

/** Every key from [key, ''] on that starts with `key`: arrays sort after every string. */
function rangeOf(key: string): IDBKeyRange {
  return IDBKeyRange.bound([key, ''], [key, []]);
}

/** Remembers that `jobId` delivered these posts of the account (with their captions as delivered). */
export async function rememberDelivered(
  key: string,
  delivery: { jobId: string; exportedAt: string },
  posts: Iterable<{ postId: string; caption: string | null }>,
): Promise<void> {
  const db = await openExportDb();
  const tx = db.transaction(['delivered', 'deliveries'], 'readwrite');
  for (const post of posts) {
    void tx.objectStore('delivered').put({ accountKey: key, postId: post.postId, captionHash: captionHash(post.caption), jobId: delivery.jobId });
  }
  void tx.objectStore('deliveries').put({ accountKey: key, ...delivery });
  await tx.done;
}

/** The posts earlier exports of the account delivered, by listing id, with their caption hash. */
export async function deliveredPosts(key: string): Promise<Map<string, string>> {
  const db = await openExportDb();
  const records = await db.getAll('delivered', rangeOf(key));
  return new Map(records.map((record) => [record.postId, record.captionHash]));
}

/** The earlier exports of the account, oldest first. */
export async function earlierDeliveries(key: string): Promise<Delivery[]> {
  const db = await openExportDb();
  const records = await db.getAll('deliveries', rangeOf(key));
  return records.sort((a, b) => a.exportedAt.localeCompare(b.exportedAt));
}

/** Forgets what every export delivered: the next "Only new" export is a full one. */
export async function forgetDelivered(): Promise<void> {
  const db = await openExportDb();
  const tx = db.transaction(['delivered', 'deliveries'], 'readwrite');
  await Promise.all([tx.objectStore('delivered').clear(), tx.objectStore('deliveries').clear()]);
  await tx.done;
}
