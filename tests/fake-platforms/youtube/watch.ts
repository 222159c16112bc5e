import type { BudgetEnforcer } from '../budgets/enforcer';
import type { Reply } from '../server/reply';
import type { YouTubePlayerRefusal } from '../types';
import { applyFieldMask, parseFieldMask } from './field-mask';
import type { YtChannel, YtVideo } from './model';
import { longViews, pacificDateText, pacificIso, relativeLabel } from './time-text';
import { actsAsOwner, answer, invalidArgument, type YtCall } from './youtube-call';

const BOT_WALL = 'Sign in to confirm you’re not a bot';
// yt-dlp matches this text with a straight apostrophe (_video.py).
const TRY_AGAIN_LATER = "This content isn't available, try again later.";
const AGE_GATE = 'Sign in to confirm your age. This video may be inappropriate for some users.';
const PRIVATE = 'This video is private';

/**
 * What `player` says instead of the video once YouTube has had enough of a session: the bot wall;
 * the session rate limit (yt-dlp shows it as "Video unavailable. This content isn't available, try
 * again later.", so both the status reason and the error screen carry it); or a captcha screen.
 */
export function playerRefusal(kind: YouTubePlayerRefusal): Record<string, unknown> {
  switch (kind) {
    case 'bot-wall':
      return { status: 'LOGIN_REQUIRED', reason: BOT_WALL, errorScreen: { playerErrorMessageRenderer: { reason: { simpleText: BOT_WALL } } } };
    case 'try-again-later':
      return {
        status: 'UNPLAYABLE',
        reason: TRY_AGAIN_LATER,
        errorScreen: { playerErrorMessageRenderer: { reason: { simpleText: 'Video unavailable' }, subreason: { runs: [{ text: TRY_AGAIN_LATER }] }, icon: { iconType: 'ERROR_OUTLINE' } } },
      };
    case 'captcha':
      return {
        status: 'UNPLAYABLE',
        errorScreen: {
          playerCaptchaViewModel: {
            captchaLoadingMessage: { content: 'Loading…' },
            challengeReason: { content: 'Our systems have detected unusual traffic from your computer network.' },
          },
        },
      };
  }
}

/**
 * Counts player answers; past the budget (a count, or the realistic hourly limit when the fake
 * enforces it) YouTube refuses, the configured way, instead of answering.
 */
export class PlayerBudget {
  private used = 0;

  constructor(
    private readonly limit: number,
    readonly refusal: YouTubePlayerRefusal,
    private readonly enforcer?: BudgetEnforcer,
  ) {}

  take(nowMs: number): boolean {
    this.used++;
    if (this.enforcer?.refuses('player', nowMs)) return false;
    return this.used <= this.limit;
  }
}

function videoOf(call: YtCall): { channel: YtChannel; video: YtVideo } | Reply | undefined {
  const videoId = call.body.videoId;
  if (typeof videoId !== 'string' || !/^[\w-]{11}$/.test(videoId)) return invalidArgument();
  return call.store.video(videoId);
}

const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && 'status' in value;

/** POST /youtubei/v1/player, trimmed by `$fields` when the client sends a mask. */
export function player(call: YtCall, budget: PlayerBudget): Reply {
  const found = videoOf(call);
  if (isReply(found)) return found;
  const full = !budget.take(call.ctx.receivedAt)
    ? { playabilityStatus: playerRefusal(budget.refusal) }
    : !found
      ? { playabilityStatus: { status: 'ERROR', reason: 'This video is unavailable' } }
      : found.video.visibility === 'private' && !actsAsOwner(call, found.channel)
        ? { playabilityStatus: { status: 'LOGIN_REQUIRED', reason: PRIVATE, messages: [PRIVATE] } }
        : playerAnswer(found.channel, found.video);
  const fields = call.ctx.url.searchParams.get('$fields') ?? call.ctx.url.searchParams.get('fields');
  if (!fields) return answer(call, full);
  const mask = parseFieldMask(fields);
  if (!mask) return invalidArgument();
  return answer(call, applyFieldMask(full, mask) as Record<string, unknown>);
}

function thumbnailList(video: YtVideo) {
  const sizes: [string, number, number][] = [['default', 120, 90], ['mqdefault', 320, 180], ['hqdefault', 480, 360], ['sddefault', 640, 480], ['maxresdefault', 1280, 720]];
  return sizes.filter(([name]) => video.thumbnails.has(name as never)).map(([name, width, height]) => ({ url: `https://i.ytimg.com/vi/${video.id}/${name}.jpg`, width, height }));
}

function playerAnswer(channel: YtChannel, video: YtVideo): Record<string, unknown> {
  const details = {
    videoId: video.id,
    title: video.title,
    lengthSeconds: String(video.durationSeconds),
    channelId: channel.id,
    shortDescription: video.description,
    thumbnail: { thumbnails: thumbnailList(video) },
    viewCount: String(video.viewCount),
    author: channel.title,
    isPrivate: video.visibility === 'private',
    isLiveContent: video.kind === 'live',
  };
  if (video.ageRestricted) {
    return { playabilityStatus: { status: 'LOGIN_REQUIRED', reason: AGE_GATE, desktopLegacyAgeGateReason: 1 }, videoDetails: details };
  }
  const publishDate = pacificIso(video.publishedAt);
  return {
    playabilityStatus: { status: 'OK', playableInEmbed: true },
    videoDetails: details,
    microformat: {
      playerMicroformatRenderer: {
        thumbnail: { thumbnails: thumbnailList(video).slice(-1) },
        title: { simpleText: video.title },
        description: { simpleText: video.description },
        lengthSeconds: String(video.durationSeconds),
        ownerProfileUrl: `http://www.youtube.com/@${channel.handle}`,
        externalChannelId: channel.id,
        isFamilySafe: true,
        isUnlisted: video.visibility === 'unlisted',
        viewCount: String(video.viewCount),
        category: 'People & Blogs',
        publishDate,
        ownerChannelName: channel.title,
        uploadDate: publishDate,
        ...(video.kind === 'live'
          ? { liveBroadcastDetails: { isLiveNow: false, startTimestamp: publishDate, endTimestamp: pacificIso(video.publishedAt + video.durationSeconds) } }
          : {}),
      },
    },
  };
}

/** POST /youtubei/v1/next: the watch page's primary and secondary info (the fallback for dates and uploaders). */
export function next(call: YtCall): Reply {
  const found = videoOf(call);
  if (isReply(found)) return found;
  if (!found || (found.video.visibility === 'private' && !actsAsOwner(call, found.channel))) {
    return answer(call, { contents: { twoColumnWatchNextResults: { results: { results: { contents: [] } } } } });
  }
  const { channel, video } = found;
  const prefix = video.kind === 'live' ? 'Streamed live on ' : '';
  const base = `/@${encodeURIComponent(channel.handle)}`;
  const browseEndpoint = { browseId: channel.id, canonicalBaseUrl: base };
  return answer(call, {
    contents: {
      twoColumnWatchNextResults: {
        results: {
          results: {
            contents: [
              {
                videoPrimaryInfoRenderer: {
                  title: { runs: [{ text: video.title }] },
                  viewCount: { videoViewCountRenderer: { viewCount: { simpleText: longViews(video.viewCount) } } },
                  dateText: { simpleText: `${prefix}${pacificDateText(video.publishedAt)}` },
                  relativeDateText: { simpleText: relativeLabel(video.publishedAt, call.nowSeconds) },
                },
              },
              {
                videoSecondaryInfoRenderer: {
                  owner: {
                    videoOwnerRenderer: {
                      title: { runs: [{ text: channel.title, navigationEndpoint: { browseEndpoint } }] },
                      navigationEndpoint: { commandMetadata: { webCommandMetadata: { url: base, webPageType: 'WEB_PAGE_TYPE_CHANNEL' } }, browseEndpoint },
                      subscriberCountText: { simpleText: `${channel.subscriberCount.toLocaleString('en-US')} subscribers` },
                    },
                  },
                  attributedDescription: { content: video.description },
                },
              },
            ],
          },
        },
      },
    },
    currentVideoEndpoint: { watchEndpoint: { videoId: video.id } },
  });
}
