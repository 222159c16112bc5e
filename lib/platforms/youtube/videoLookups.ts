import type { PlatformContext } from '../types';
import { asNumber, asObject, asObjects, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { PLAYER_FIELDS } from './constants';
import { callInnertube } from './innertube';
import { textOf } from './json';

/**
 * How YouTube refuses `player` to a whole session for a while (docs/platforms.md, "YouTube: errors"; yt-dlp _video.py):
 * "Sign in to confirm you’re not a bot", "This content isn't available, try again later." (the
 * session's video requests are rate-limited for up to an hour), or a captcha screen.
 */
export type PlayerRefusal = 'bot wall' | 'try again later' | 'captcha';

/** What one small `player` call tells about a video. */
export interface PlayerFacts {
  /** Set when YouTube refused the session rather than answering for this video. */
  refusal?: PlayerRefusal;
  /** ISO 8601 with offset ("2025-10-25T08:33:05-07:00"), or a bare day in older answers. */
  publishDate?: string;
  channelId?: string;
  ownerProfileUrl?: string;
  lengthSeconds?: number;
  viewCount?: number;
  description?: string;
}

export async function playerFacts(ctx: PlatformContext, videoId: string): Promise<PlayerFacts> {
  const body = await callInnertube(ctx, {
    endpoint: 'player',
    payload: { videoId, contentCheckOk: true, racyCheckOk: true },
    fields: PLAYER_FIELDS,
    label: 'video details',
  });
  return parsePlayer(body);
}

/**
 * The refusal a playability status stands for, if any. LOGIN_REQUIRED also answers age-restricted
 * videos ("…confirm your age") and UNPLAYABLE removed ones, which concern that video only: the
 * refusals are told apart by their words (in the status or its error screen) or the captcha.
 */
function refusalOf(playability: unknown): PlayerRefusal | undefined {
  const screen = dig(playability, 'errorScreen');
  const message = dig(screen, 'playerErrorMessageRenderer');
  if (asObject(dig(screen, 'playerCaptchaViewModel')) || asObject(dig(message, 'playerCaptchaViewModel'))) return 'captcha';
  const words = [asString(dig(playability, 'reason')), textOf(dig(message, 'reason')), textOf(dig(message, 'subreason'))].join(' ');
  if (/try again later/i.test(words)) return 'try again later';
  if (asString(dig(playability, 'status')) === 'LOGIN_REQUIRED' && /not a bot/i.test(words)) return 'bot wall';
  return undefined;
}

function parsePlayer(body: JsonObject): PlayerFacts {
  const micro = dig(body, 'microformat', 'playerMicroformatRenderer');
  const details = dig(body, 'videoDetails');
  return {
    refusal: refusalOf(dig(body, 'playabilityStatus')),
    publishDate: asString(dig(micro, 'publishDate')) ?? asString(dig(micro, 'uploadDate')),
    channelId: asString(dig(details, 'channelId')) ?? asString(dig(micro, 'externalChannelId')),
    ownerProfileUrl: asString(dig(micro, 'ownerProfileUrl')),
    lengthSeconds: asNumber(dig(details, 'lengthSeconds'), 'digits'),
    viewCount: asNumber(dig(details, 'viewCount'), 'digits'),
    description: typeof dig(details, 'shortDescription') === 'string' ? (dig(details, 'shortDescription') as string) : undefined,
  };
}

/** What the watch page's `next` answer tells: the date line and the uploader. */
export interface NextFacts {
  dateText?: string;
  channelId?: string;
}

export async function nextFacts(ctx: PlatformContext, videoId: string): Promise<NextFacts> {
  const body = await callInnertube(ctx, { endpoint: 'next', payload: { videoId }, label: 'watch page' });
  return parseNext(body);
}

function parseNext(body: JsonObject): NextFacts {
  const contents = asObjects(dig(body, 'contents', 'twoColumnWatchNextResults', 'results', 'results', 'contents'));
  const primary = contents.find((entry) => entry.videoPrimaryInfoRenderer)?.videoPrimaryInfoRenderer;
  const owner = dig(contents.find((entry) => entry.videoSecondaryInfoRenderer)?.videoSecondaryInfoRenderer, 'owner', 'videoOwnerRenderer');
  return {
    dateText: textOf(dig(primary, 'dateText')),
    channelId: asString(dig(owner, 'navigationEndpoint', 'browseEndpoint', 'browseId')),
  };
}
