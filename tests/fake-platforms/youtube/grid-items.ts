import { seeded } from '../instagram/seeded';
import type { YtVideo } from './model';
import { durationText, relativeLabel, shortViews } from './time-text';

/** How the fake writes a tab's items: today's view models, or the renderers before May 2026. */
export type ItemShape = 'lockup' | 'legacy';
export type ContinuationShape = 'renderer' | 'viewModel';

const THUMB = 'https://i.ytimg.com/vi';

/** The grid's thumbnail URLs are signed crops (`sqp`, `rs`), unlike the plain files an exporter asks for. */
export function gridThumbnail(video: YtVideo, name: string, width: number, height: number) {
  const rng = seeded('yt-grid-thumb', video.id, name, width);
  const sqp = `-oaymwE${rng.token(30)}`;
  const rs = `AOn4CL${rng.token(26)}`;
  return { url: `${THUMB}/${video.id}/${name}.jpg?sqp=${sqp}&rs=${rs}`, width, height };
}

function watchCommand(video: YtVideo) {
  const isShort = video.kind === 'short';
  return {
    commandMetadata: {
      webCommandMetadata: {
        url: isShort ? `/shorts/${video.id}` : `/watch?v=${video.id}`,
        webPageType: isShort ? 'WEB_PAGE_TYPE_SHORTS' : 'WEB_PAGE_TYPE_WATCH',
        rootVe: isShort ? 37414 : 3832,
      },
    },
    ...(isShort ? { reelWatchEndpoint: { videoId: video.id, playerParams: '8AEByAMkuAQe', sequenceProvider: 'REEL_WATCH_SEQUENCE_PROVIDER_RPC' } } : { watchEndpoint: { videoId: video.id } }),
  };
}

/** "Streamed 3 weeks ago" for finished streams, "3 weeks ago" for uploads. */
export function publishedLabel(video: YtVideo, nowSeconds: number): string {
  return `${video.kind === 'live' ? 'Streamed ' : ''}${relativeLabel(video.publishedAt, nowSeconds)}`;
}

export function gridItem(video: YtVideo, shape: ItemShape, nowSeconds: number): Record<string, unknown> {
  const content =
    video.kind === 'short'
      ? shape === 'lockup' ? { shortsLockupViewModel: shortsLockup(video) } : { reelItemRenderer: reelItem(video) }
      : shape === 'lockup' ? { lockupViewModel: lockup(video, nowSeconds) } : { videoRenderer: videoRenderer(video, nowSeconds) };
  return { richItemRenderer: { content, trackingParams: seeded('yt-tracking', video.id).token(40) } };
}

function lockup(video: YtVideo, nowSeconds: number) {
  const duration = durationText(video.durationSeconds);
  return {
    contentImage: {
      thumbnailViewModel: {
        image: { sources: [gridThumbnail(video, 'hqdefault', 168, 94), gridThumbnail(video, 'hqdefault', 336, 188)] },
        overlays: [
          { thumbnailBottomOverlayViewModel: { badges: [{ thumbnailBadgeViewModel: { text: duration, badgeStyle: 'THUMBNAIL_OVERLAY_BADGE_STYLE_DEFAULT' } }] } },
          { thumbnailHoverOverlayToggleActionsViewModel: { buttons: [] } },
        ],
      },
    },
    metadata: {
      lockupMetadataViewModel: {
        title: { content: video.title },
        metadata: {
          contentMetadataViewModel: {
            metadataRows: [{ metadataParts: [{ text: { content: shortViews(video.viewCount) } }, { text: { content: publishedLabel(video, nowSeconds) } }] }],
            delimiter: ' • ',
          },
        },
      },
    },
    contentId: video.id,
    contentType: 'LOCKUP_CONTENT_TYPE_VIDEO',
    rendererContext: { commandContext: { onTap: { innertubeCommand: watchCommand(video) } }, accessibilityContext: { label: `${video.title} ${duration}` } },
  };
}

function videoRenderer(video: YtVideo, nowSeconds: number) {
  const duration = durationText(video.durationSeconds);
  return {
    videoId: video.id,
    thumbnail: { thumbnails: [[168, 94], [196, 110], [246, 138], [336, 188]].map(([w, h]) => gridThumbnail(video, 'hqdefault', w!, h!)) },
    title: { runs: [{ text: video.title }], accessibility: { accessibilityData: { label: `${video.title} ${duration} ${shortViews(video.viewCount)}` } } },
    descriptionSnippet: video.description ? { runs: [{ text: video.description.split('\n')[0] }] } : undefined,
    publishedTimeText: { simpleText: publishedLabel(video, nowSeconds) },
    lengthText: { simpleText: duration },
    viewCountText: { simpleText: `${video.viewCount.toLocaleString('en-US')} views` },
    navigationEndpoint: watchCommand(video),
    shortViewCountText: { simpleText: shortViews(video.viewCount) },
    thumbnailOverlays: [{ thumbnailOverlayTimeStatusRenderer: { text: { simpleText: duration }, style: 'DEFAULT' } }],
  };
}

function shortsLockup(video: YtVideo) {
  return {
    entityId: `shorts-shelf-item-${video.id}`,
    accessibilityText: `${video.title}, ${shortViews(video.viewCount)} - play Short`,
    thumbnailViewModel: { thumbnailViewModel: { image: { sources: [gridThumbnail(video, 'oardefault', 405, 720)] } } },
    onTap: { innertubeCommand: watchCommand(video) },
    overlayMetadata: { primaryText: { content: video.title }, secondaryText: { content: shortViews(video.viewCount) } },
  };
}

function reelItem(video: YtVideo) {
  return {
    videoId: video.id,
    headline: { simpleText: video.title },
    thumbnail: { thumbnails: [gridThumbnail(video, 'oar2', 405, 720)] },
    viewCountText: { simpleText: shortViews(video.viewCount) },
    navigationEndpoint: watchCommand(video),
    style: 'REEL_ITEM_STYLE_AVATAR_CIRCLE',
    accessibility: { accessibilityData: { label: `${video.title} - ${video.durationSeconds} seconds - play video` } },
  };
}

/**
 * The entry that ends a page with more to come. Wrapped, its continuationCommand is the second of
 * a commandExecutorCommand's commands, after one that is no continuation (as playlists have been
 * served since 2025: yt-dlp PR #12777, NewPipe and YouTube.js fixes).
 */
export function continuationItem(token: string, shape: ContinuationShape, wrapped = false): Record<string, unknown> {
  const continuation = {
    commandMetadata: { webCommandMetadata: { sendPost: true, apiUrl: '/youtubei/v1/browse' } },
    continuationCommand: { token, request: 'CONTINUATION_REQUEST_TYPE_BROWSE' },
  };
  const command = wrapped
    ? { commandExecutorCommand: { commands: [{ playlistVotingRefreshPopupCommand: { command: {} } }, continuation] } }
    : continuation;
  if (shape === 'viewModel') {
    return { continuationItemViewModel: { continuationCommand: { innertubeCommand: command }, trigger: 'CONTINUATION_TRIGGER_ON_ITEM_SHOWN' } };
  }
  return { continuationItemRenderer: { trigger: 'CONTINUATION_TRIGGER_ON_ITEM_SHOWN', continuationEndpoint: command } };
}
