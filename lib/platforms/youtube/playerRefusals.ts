import type { PlatformContext } from '../types';

/**
 * Whether YouTube refused `player` earlier in this job (bot wall, "try again later", captcha,
 * 429). Those refusals concern the whole session for up to an hour (yt-dlp's wiki), so after the
 * first one no video asks again, also after a worker restart: the rest are dated from the grid.
 */
const NO_DATES = 'youtube.noDates';

export function playerRefusedEarlier(ctx: PlatformContext): boolean {
  return ctx.notes.get(NO_DATES) !== undefined;
}

export function rememberPlayerRefusal(ctx: PlatformContext): void {
  ctx.notes.set(NO_DATES, 'refused');
}
