import type { AccountInfo, PlatformContext, Post, PostPage } from '../types';
import { asString } from '../shared/jsonReaders';
import { readCollection } from './collections';
import { readMediaDetail } from './mediaDetail';
import { DEFAULT_LISTING_OPTIONS, type ListingOptions } from './constants';
import { decodeCursor, encodeCursor, sectionsAfter, type Cursor } from './cursor';
import { asId } from './json';
import { toPost } from './parseMedia';
import type { CollectionName } from './queries';

const isPhotoSection = (section: CollectionName) => section === 'uploads' || section === 'tagged';

/**
 * One request's worth of listing: the next collection page when no listed item waits for its
 * detail, else the detail of the next waiting item (one post).
 */
export async function fetchPage(
  ctx: PlatformContext,
  account: AccountInfo,
  cursorText: string | null,
  options: ListingOptions = DEFAULT_LISTING_OPTIONS,
): Promise<PostPage> {
  const cursor = decodeCursor(cursorText);
  return cursor.queue.length > 0 ? detailPage(ctx, account, cursor, options) : collectionPage(ctx, account, cursor, options);
}

async function collectionPage(ctx: PlatformContext, account: AccountInfo, cursor: Cursor, options: ListingOptions): Promise<PostPage> {
  const { section } = cursor;
  const page = await readCollection(ctx, account.id, section, cursor.after);
  const expected = isPhotoSection(section) ? 'Photo' : 'Video';
  const nodes = page.media.filter((node) => node.__typename === undefined || asString(node.__typename) === expected);
  const next: Cursor = { ...cursor, after: page.next ?? cursor.after, end: page.next === undefined ? true : undefined, queue: [] };
  if (options.fast && isPhotoSection(section)) {
    const posts = nodes.flatMap((node) => toPost(node, section) ?? []);
    return { posts: withoutOwnUploads(posts, section, account), nextCursor: settle(next, options) };
  }
  const seen = new Set(cursor.seen);
  const ids = [...new Set(nodes.flatMap((node) => asId(node.id) ?? []))].filter((id) => section !== 'reels' || !seen.has(id));
  next.queue = ids;
  // Reels may be listed among the videos too; the reels collection then skips them.
  if (section === 'videos') next.seen = [...cursor.seen, ...ids];
  return { posts: [], nextCursor: settle(next, options) };
}

async function detailPage(ctx: PlatformContext, account: AccountInfo, cursor: Cursor, options: ListingOptions): Promise<PostPage> {
  const [mediaId = '', ...rest] = cursor.queue;
  const media = await readMediaDetail(ctx, account.id, isPhotoSection(cursor.section) ? 'photo' : 'video', mediaId);
  // null: deleted or hidden since it was listed, so there is nothing to export.
  const post = media ? toPost(media, cursor.section) : undefined;
  return { posts: withoutOwnUploads(post ? [post] : [], cursor.section, account), nextCursor: settle({ ...cursor, queue: rest }, options) };
}

/** A photo the user tagged themselves in is one of their uploads, listed there already. */
function withoutOwnUploads(posts: Post[], section: CollectionName, account: AccountInfo): Post[] {
  return section === 'tagged' ? posts.filter((post) => post.metadata.owner_id !== account.id) : posts;
}

/** The cursor to store: a finished collection moves on to the next one, and after the last, null. */
function settle(cursor: Cursor, options: ListingOptions): string | null {
  let current = cursor;
  while (current.queue.length === 0 && current.end) {
    const [following] = sectionsAfter(current.section, (name) => name !== 'tagged' || options.includeTagged);
    if (!following) return null;
    current = { v: 1, section: following, queue: [], seen: current.seen };
  }
  return encodeCursor(current);
}
