import type { PlatformContext } from '../types';

/**
 * Whether YouTube refused `player` earlier in this export (bot wall, "try again later", captcha,
 * 429). Those refusals concern the whole session for up to an hour (yt-dlp's wiki), so after
 * the first one no video asks again: the rest are dated from the grid.
 */
const refused = new WeakMap<PlatformContext, true>();

export function playerRefusedEarlier(ctx: PlatformContext): boolean {
  return refused.has(ctx);
}

export function rememberPlayerRefusal(ctx: PlatformContext): void {
  refused.set(ctx, true);
}
