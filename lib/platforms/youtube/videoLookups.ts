import type { PlatformContext } from '../types';
import { asNumber, asObjects, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { PLAYER_FIELDS } from './constants';
import { callInnertube } from './innertube';
import { textOf } from './json';

/** What one small `player` call tells about a video. */
export interface PlayerFacts {
  /** "Sign in to confirm you’re not a bot": YouTube refuses player answers for a while. */
  botWall: boolean;
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
 * LOGIN_REQUIRED also answers age-restricted videos ("…confirm your age"), which is only that
 * video's gate; the bot wall is told apart by its reason.
 */
function parsePlayer(body: JsonObject): PlayerFacts {
  const status = asString(dig(body, 'playabilityStatus', 'status'));
  const reason = asString(dig(body, 'playabilityStatus', 'reason')) ?? '';
  const micro = dig(body, 'microformat', 'playerMicroformatRenderer');
  const details = dig(body, 'videoDetails');
  return {
    botWall: status === 'LOGIN_REQUIRED' && /not a bot/i.test(reason),
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
