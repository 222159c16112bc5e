import type { MediaItem, PlatformContext } from '../types';

/**
 * Thumbnail URLs are not signed and never expire: a 403/410 from i.ytimg.com will not change on a
 * second read of the video, so there is nothing fresher to offer.
 */
export async function refreshMediaUrl(_ctx: PlatformContext, _item: MediaItem): Promise<string | null> {
  return null;
}
