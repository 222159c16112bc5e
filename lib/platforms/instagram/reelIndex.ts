import type { PlatformContext } from '../types';

/**
 * Which reel (a user's current stories, or `highlight:<id>`) listed each story item, so an
 * expired story URL is refreshed by re-reading that reel, as the web app does. It lives only as
 * long as the job's context: after a worker restart the refresh falls back to the media endpoint.
 */
const reels = new WeakMap<PlatformContext, Map<string, string>>();

export function rememberReel(ctx: PlatformContext, mediaId: string, reelId: string): void {
  let index = reels.get(ctx);
  if (!index) {
    index = new Map();
    reels.set(ctx, index);
  }
  index.set(mediaId, reelId);
}

export function reelOf(ctx: PlatformContext, mediaId: string): string | undefined {
  return reels.get(ctx)?.get(mediaId);
}
