import type { ListingStrategy, PlatformContext, Post } from '../types';
import { asArray, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { apiUrl, getJson } from './api';
import { REELS_PER_CALL } from './constants';
import { highlightsCursor } from './cursor';
import { toPost, type MediaSource } from './parseMedia';
import { rememberReel } from './reelIndex';
import { platformChanged } from './responses';

const HIGHLIGHT_PREFIX = 'highlight:';

/** The account's current stories: one reel, whose id is the user id. */
export const restStories: ListingStrategy = {
  name: 'rest',
  async fetchPage(ctx, account) {
    const reels = await readReels(ctx, [account.id]);
    return { posts: reels.flatMap((reel) => reelPosts(ctx, reel, { section: 'story' })), nextCursor: null };
  },
};

/** First the highlights tray (ids only), then their items, a few highlights per call. */
export const restHighlights: ListingStrategy = {
  name: 'rest',
  async fetchPage(ctx, account, cursor) {
    const position = highlightsCursor.decode(cursor);
    if (position === undefined) {
      const reelIds = await readTray(ctx, account.id);
      return { posts: [], nextCursor: reelIds.length > 0 ? highlightsCursor.encode({ reelIds }) : null };
    }
    const batch = position.reelIds.slice(0, REELS_PER_CALL);
    const rest = position.reelIds.slice(REELS_PER_CALL);
    const posts: Post[] = [];
    for (const reel of await readReels(ctx, batch)) {
      const reelId = asString(reel.id) ?? '';
      const source: MediaSource = {
        section: 'highlight',
        highlightId: reelId.startsWith(HIGHLIGHT_PREFIX) ? reelId.slice(HIGHLIGHT_PREFIX.length) : reelId,
        title: asString(reel.title),
      };
      posts.push(...reelPosts(ctx, reel, source));
    }
    return { posts, nextCursor: rest.length > 0 ? highlightsCursor.encode({ reelIds: rest }) : null };
  },
};

async function readTray(ctx: PlatformContext, userId: string): Promise<string[]> {
  const body = await getJson(ctx, apiUrl(`/highlights/${userId}/highlights_tray/`), 'highlights');
  const tray = asArray(body.tray);
  if (!tray) throw platformChanged('highlights');
  return asObjects(tray).flatMap((entry) => {
    const id = asString(entry.id) ?? (typeof entry.id === 'number' ? String(entry.id) : undefined);
    if (!id) return [];
    return [id.startsWith(HIGHLIGHT_PREFIX) ? id : HIGHLIGHT_PREFIX + id];
  });
}

/** The requested reels in the order asked; `reels_media` is the list, `reels` the same by id. */
export async function readReels(ctx: PlatformContext, reelIds: readonly string[]): Promise<JsonObject[]> {
  const body = await getJson(ctx, apiUrl('/feed/reels_media/', { reel_ids: reelIds }), 'stories');
  const list = asArray(body.reels_media);
  const byId = asObject(body.reels);
  if (!list && !byId) throw platformChanged('stories');
  const reels = asObjects(list ?? Object.values(byId ?? {}));
  const order = (reel: JsonObject) => {
    const index = reelIds.indexOf(String(reel.id));
    return index === -1 ? reelIds.length : index;
  };
  return [...reels].sort((a, b) => order(a) - order(b));
}

function reelPosts(ctx: PlatformContext, reel: JsonObject, source: MediaSource): Post[] {
  const reelId = String(reel.id ?? '');
  return asObjects(reel.items).map((item) => {
    const withExpiry = item.expiring_at === undefined && reel.expiring_at !== undefined ? { ...item, expiring_at: reel.expiring_at } : item;
    const post = toPost(withExpiry, source);
    if (reelId) for (const media of post.media) rememberReel(ctx, media.id, reelId);
    return post;
  });
}
