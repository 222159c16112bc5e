import type { MediaItem, PlatformContext } from '../types';
import { fetchMediaDetail } from './mediaDetail';
import { toPost } from './parseMedia';
import { facebookSession } from './session';

/**
 * A freshly signed URL for an item whose URL expired, read again from the media viewer's query.
 * The item does not say whose profile listed it, so the viewer's own photo set names the request
 * (the detail answers for any visible node). Null when the item is gone.
 */
export async function refreshMediaUrl(ctx: PlatformContext, item: MediaItem): Promise<string | null> {
  const { uid } = await facebookSession(ctx);
  const kind = item.kind === 'video' ? 'video' : 'photo';
  const media = await fetchMediaDetail(ctx, kind, item.id, kind === 'photo' ? { of: 'uploads', uid } : null);
  const fresh = media ? toPost(media, kind === 'video' ? 'videos' : 'uploads')?.media[0] : undefined;
  return fresh && fresh.id === item.id && !fresh.unavailable ? fresh.url : null;
}
