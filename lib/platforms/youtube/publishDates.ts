import { isExportError } from '../../errors';
import type { PlatformContext } from '../types';
import type { GridVideo } from './gridItems';
import { playerRefusedEarlier, rememberPlayerRefusal } from './playerRefusals';
import { dateFromRelativeText, dayFromDateText } from './textValues';
import { nextFacts, playerFacts, type PlayerFacts } from './videoLookups';

export type DateSource = 'player' | 'watch page' | 'relative' | 'none';

export interface VideoDate {
  /** ISO 8601 UTC; empty when nothing dates the video (a Short once lookups stopped). */
  publishedAt: string;
  source: DateSource;
  /** What the player said beyond the date (exact duration, views, description). */
  facts?: PlayerFacts;
}

export interface DateLookup {
  date: VideoDate;
  /** YouTube refused (bot wall, "try again later", captcha, 429, IP flag), now or earlier: no further lookups in this export. */
  refused: boolean;
}

/** Failures that concern the whole export, not this one video. */
const FATAL = new Set(['cancelled', 'login_required']);

/**
 * The exact publish time of one video: `player` (one small, paced call), else the watch page's
 * date line from `next` (age-gated videos answer the player without one). Once YouTube refuses
 * the session, this video and every later one are dated by the grid's relative label ("3 weeks
 * ago") without asking again.
 */
export async function lookUpDate(ctx: PlatformContext, video: GridVideo, now: Date): Promise<DateLookup> {
  if (playerRefusedEarlier(ctx)) return { date: relativeDate(video, now), refused: true };
  let facts: PlayerFacts | undefined;
  try {
    facts = await playerFacts(ctx, video.id);
  } catch (error) {
    if (isRefusal(error)) return refusedNow(ctx, relativeDate(video, now));
  }
  if (facts?.refusal) return refusedNow(ctx, relativeDate(video, now));
  const exact = facts?.publishDate && isoFrom(facts.publishDate);
  if (exact) return { date: { publishedAt: exact, source: 'player', facts }, refused: false };
  try {
    const day = dayFromDateText((await nextFacts(ctx, video.id)).dateText ?? '');
    if (day) return { date: { publishedAt: `${day}T00:00:00.000Z`, source: 'watch page', facts }, refused: false };
  } catch (error) {
    if (isRefusal(error)) return refusedNow(ctx, { ...relativeDate(video, now), facts });
  }
  return { date: { ...relativeDate(video, now), facts }, refused: false };
}

function refusedNow(ctx: PlatformContext, date: VideoDate): DateLookup {
  rememberPlayerRefusal(ctx);
  return { date, refused: true };
}

/** The date the grid's label gives, counted back from `now`; approximate by nature. */
export function relativeDate(video: GridVideo, now: Date): VideoDate {
  const date = video.publishedText ? dateFromRelativeText(video.publishedText, now) : video.liveNow ? now : undefined;
  return date ? { publishedAt: date.toISOString(), source: 'relative' } : { publishedAt: '', source: 'none' };
}

/** Rate limits end the lookups; session loss and cancel end the export; anything else costs one date. */
function isRefusal(error: unknown): boolean {
  if (!isExportError(error) || FATAL.has(error.kind)) throw error;
  return error.kind === 'rate_limited';
}

function isoFrom(value: string): string | undefined {
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
