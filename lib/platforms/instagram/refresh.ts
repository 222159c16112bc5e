import type { MediaItem, PlatformContext } from '../types';
import { asObjects, type JsonObject } from '../shared/jsonReaders';
import { mediaPk } from './json';
import { readMediaInfo } from './mediaInfo';
import { extractMediaItems } from './parseMedia';
import { readReels } from './reelPages';
import { reelOf } from './reelIndex';

/**
 * A fresh signed URL for an item whose URL expired: story items come from their reel again (as
 * the web app reads them), posts from the media endpoint. Null when the item is gone.
 */
export async function refreshMediaUrl(ctx: PlatformContext, item: MediaItem): Promise<string | null> {
  const reelId = reelOf(ctx, item.id);
  const media = (reelId ? await fromReel(ctx, reelId, item.postId) : undefined) ?? (await readMediaInfo(ctx, item.postId));
  if (!media) return null;
  const fresh = extractMediaItems(media).find((candidate) => candidate.id === item.id && candidate.kind === item.kind);
  return fresh?.url ?? null;
}

async function fromReel(ctx: PlatformContext, reelId: string, postId: string): Promise<JsonObject | undefined> {
  const reels = await readReels(ctx, [reelId]);
  return reels.flatMap((reel) => asObjects(reel.items)).find((media) => mediaPk(media) === postId);
}
