import type { AccountInfo, PlatformContext, Post, PostPage } from '../types';
import { asArray, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { apiUrl, getJson } from './api';
import { REELS_PER_CALL } from './constants';
import { encodeCursor, type Cursor } from './cursor';
import { toPost, type MediaSource } from './parseMedia';
import { rememberReel } from './reelIndex';
import { platformChanged } from './responses';

type HighlightsCursor = Extract<Cursor, { section: 'highlights' }>;

const HIGHLIGHT_PREFIX = 'highlight:';

/** The account's current stories (one reel, whose id is the user id). */
export async function storiesPage(ctx: PlatformContext, account: AccountInfo): Promise<PostPage> {
  const reels = await readReels(ctx, [account.id]);
  const posts = reels.flatMap((reel) => reelPosts(ctx, reel, { section: 'story' }));
  return { posts, nextCursor: encodeCursor({ section: 'highlights' }) };
}

/** First the highlights tray (ids only), then their items, a few highlights per call. */
export async function highlightsPage(ctx: PlatformContext, account: AccountInfo, cursor: HighlightsCursor): Promise<PostPage> {
  if (cursor.reelIds === undefined) {
    const reelIds = await readTray(ctx, account.id);
    return { posts: [], nextCursor: reelIds.length > 0 ? encodeCursor({ section: 'highlights', reelIds }) : null };
  }
  const batch = cursor.reelIds.slice(0, REELS_PER_CALL);
  const rest = cursor.reelIds.slice(REELS_PER_CALL);
  const posts = (await readReels(ctx, batch)).flatMap((reel) => highlightPosts(ctx, reel));
  return { posts, nextCursor: rest.length > 0 ? encodeCursor({ section: 'highlights', reelIds: rest }) : null };
}

/** A highlight reel's items, each marked with the highlight it belongs to. */
export function highlightPosts(ctx: PlatformContext, reel: JsonObject): Post[] {
  const reelId = asString(reel.id) ?? '';
  const source: MediaSource = {
    section: 'highlight',
    highlightId: reelId.startsWith(HIGHLIGHT_PREFIX) ? reelId.slice(HIGHLIGHT_PREFIX.length) : reelId,
    title: asString(reel.title),
  };
  return reelPosts(ctx, reel, source);
}

export async function readTray(ctx: PlatformContext, userId: string): Promise<string[]> {
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

/** A reel's items as posts, each remembered with its reel so an expired URL is refreshed from it. */
export function reelPosts(ctx: PlatformContext, reel: JsonObject, source: MediaSource): Post[] {
  const reelId = String(reel.id ?? '');
  return asObjects(reel.items).map((item) => {
    const withExpiry = item.expiring_at === undefined && reel.expiring_at !== undefined ? { ...item, expiring_at: reel.expiring_at } : item;
    const post = toPost(withExpiry, source);
    if (reelId) for (const media of post.media) rememberReel(ctx, media.id, reelId);
    return post;
  });
}
