import { ExportError } from '../../errors';
import type { MediaItem, PlatformContext } from '../types';
import { asObjects, type JsonObject } from '../shared/jsonReaders';
import { asMediaPk, mediaPk } from './json';
import { readMediaInfo } from './mediaInfo';
import { extractMediaItems } from './parseMedia';
import { readReels } from './reelPages';
import { reelOf } from './reelIndex';

/**
 * A fresh signed URL for an item whose URL expired: story items come from their reel again (as
 * the web app reads them), posts from the media endpoint. Null when the item is gone.
 */
export async function refreshMediaUrl(ctx: PlatformContext, item: MediaItem): Promise<string | null> {
  const pk = asMediaPk(item.postId);
  if (!pk) {
    // A post kept under an id that is no pk (parseMedia) has no endpoint to ask, and its id never goes into a URL.
    throw new ExportError(
      'expired_url',
      'The file’s link expired and cannot be renewed: Instagram sent its post without a numeric media id, the only kind of id the extension sends back to Instagram.',
    );
  }
  const reelId = reelOf(ctx, item.id);
  const media = (reelId ? await fromReel(ctx, reelId, pk) : undefined) ?? (await readMediaInfo(ctx, pk));
  if (!media) return null;
  const fresh = extractMediaItems(media).find((candidate) => candidate.id === item.id && candidate.kind === item.kind);
  return fresh && !fresh.unavailable ? fresh.url : null;
}

async function fromReel(ctx: PlatformContext, reelId: string, postId: string): Promise<JsonObject | undefined> {
  const reels = await readReels(ctx, [reelId]);
  return reels.flatMap((reel) => asObjects(reel.items)).find((media) => mediaPk(media) === postId);
}
