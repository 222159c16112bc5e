import type { ListedPosts, PlatformContext, Post } from '../types';
import { asArray, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { apiUrl, getJson } from './api';
import { asId } from './json';
import { HIGHLIGHT_PREFIX, highlightId } from './graphqlParsers';
import { toPost, type MediaSource } from './parseMedia';
import { rememberReel } from './reelIndex';
import { platformChanged } from './responses';
import { unlessRetired } from './retiredEndpoints';

/** The name reels_media is noted under when retired (refresh.ts asks it under the same). */
export const REELS_MEDIA = 'reels_media';

export interface TrayHighlight {
  /** As reels are asked for: `highlight:<id>`. */
  reelId: string;
  /** The pks of its items, when the tray lists them (`media_ids`). */
  mediaIds?: string[];
}

/** The highlights tray from REST: the account's highlights, with their items' pks where given. */
export async function readTray(ctx: PlatformContext, userId: string): Promise<TrayHighlight[]> {
  const body = await getJson(ctx, apiUrl(`/highlights/${userId}/highlights_tray/`), 'highlights');
  const tray = asArray(body.tray);
  if (!tray) throw platformChanged('highlights');
  return asObjects(tray).flatMap((entry) => {
    const reelId = highlightId(entry.id);
    if (!reelId) return [];
    const mediaIds = asArray(entry.media_ids)?.map((pk) => asId(pk));
    return [mediaIds && mediaIds.length > 0 && mediaIds.every((pk) => pk !== undefined) ? { reelId, mediaIds: mediaIds as string[] } : { reelId }];
  });
}

/**
 * "Only new": whether every item the tray lists for a highlight was delivered before, by its
 * listing id (`<highlight>/<pk>`, see parseMedia), so reading its items again would add nothing.
 * A highlight that gained an item lists its pk, one that lost one is read for nothing new, and one
 * listed without its pks is read.
 */
export function deliveredWhole(highlight: TrayHighlight, listed: ListedPosts): boolean {
  const { mediaIds } = highlight;
  const digits = highlight.reelId.slice(HIGHLIGHT_PREFIX.length);
  return mediaIds !== undefined && listed.deliveredBefore !== undefined && mediaIds.every((pk) => listed.deliveredBefore!(`${digits}/${pk}`));
}

/** The requested reels from REST, in the order asked; `reels_media` is the list, `reels` the same by id. */
export async function readReels(ctx: PlatformContext, reelIds: readonly string[]): Promise<JsonObject[]> {
  // Stories, highlights and refreshes all read reels_media: retired for one, it is for all.
  const body = await unlessRetired(ctx, REELS_MEDIA, 'stories', () => getJson(ctx, apiUrl('/feed/reels_media/', { reel_ids: reelIds }), 'stories'));
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
