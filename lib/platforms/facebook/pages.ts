import type { AccountInfo, ListedPosts, ListingStrategy, PlatformContext, Post, PostPage } from '../types';
import { asString } from '../shared/jsonReaders';
import { readCollection } from './collections';
import { readMediaDetail } from './mediaDetail';
import type { ListingOptions } from './constants';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { asId } from './json';
import { notReturnedPost, toPost } from './parseMedia';
import type { CollectionName, Mediaset } from './queries';

const isPhotoSection = (section: CollectionName) => section === 'uploads' || section === 'tagged';

/**
 * A collection read one request at a time: the next collection page when no listed item waits
 * for its detail, else the detail of the next waiting item (one post).
 */
export function collectionStrategy(section: CollectionName, options: ListingOptions): ListingStrategy {
  return {
    name: 'collection',
    async fetchPage(ctx, account, cursorText, listed) {
      const cursor = decodeCursor(cursorText);
      return cursor.queue.length > 0
        ? detailPage(ctx, account, section, cursor)
        : collectionPage(ctx, account, section, cursor, options, listed);
    },
  };
}

async function collectionPage(
  ctx: PlatformContext,
  account: AccountInfo,
  section: CollectionName,
  cursor: Cursor,
  options: ListingOptions,
  listed: ListedPosts,
): Promise<PostPage> {
  const page = await readCollection(ctx, account.id, section, cursor.after);
  const expected = isPhotoSection(section) ? 'Photo' : 'Video';
  const nodes = page.media.filter((node) => node.__typename === undefined || asString(node.__typename) === expected);
  const next: Cursor = { ...cursor, after: page.next ?? cursor.after, end: page.next === undefined ? true : undefined, queue: [] };
  if (options.fast && isPhotoSection(section)) {
    const posts = nodes.flatMap((node) => toPost(node, section) ?? []);
    return { posts: withoutOwnUploads(posts, section, account), nextCursor: settle(next) };
  }
  // Reels may be listed among the videos too: their detail is not read twice. With "Only new", an
  // item an earlier export delivered is left out anyway: its detail call (one per item, Facebook's
  // scarcest budget) is spared, at the price of not seeing a caption edited since.
  const ids = [];
  for (const id of new Set(nodes.flatMap((node) => asId(node.id) ?? []))) if (!listed.deliveredBefore?.(id) && !(await listed.has(id))) ids.push(id);
  return { posts: [], nextCursor: settle({ ...next, queue: ids }) };
}

async function detailPage(ctx: PlatformContext, account: AccountInfo, section: CollectionName, cursor: Cursor): Promise<PostPage> {
  const [mediaId = '', ...rest] = cursor.queue;
  const media = await readMediaDetail(ctx, section, mediaId, mediasetOf(section, account));
  // Not returned is that item's failure, never a silent deletion: it stays listed, its file failed.
  const post = media ? toPost(media, section) : notReturnedPost(mediaId, section);
  return { posts: withoutOwnUploads(post ? [post] : [], section, account), nextCursor: settle({ ...cursor, queue: rest }) };
}

/** Photos are opened within the set they were listed in; videos on their own. */
function mediasetOf(section: CollectionName, account: AccountInfo): Mediaset | null {
  if (section === 'uploads') return { of: 'uploads', uid: account.id };
  return section === 'tagged' ? { of: 'tagged', uid: account.id } : null;
}

/** A photo the user tagged themselves in is one of their uploads, listed there already. */
function withoutOwnUploads(posts: Post[], section: CollectionName, account: AccountInfo): Post[] {
  return section === 'tagged' ? posts.filter((post) => post.metadata.owner_id !== account.id) : posts;
}

/** The cursor to store, or null once the collection is read and no detail waits. */
function settle(cursor: Cursor): string | null {
  return cursor.queue.length === 0 && cursor.end ? null : encodeCursor(cursor);
}
