/**
 * A channel's uploads playlist (`browse` {"browseId":"VLUU<channel id without UC>"}), as the web
 * client's playlist page gets it: playlistVideoRenderer items in a playlistVideoListRenderer, 100
 * a page (yt-dlp _tab.py `_playlist_entries`; YouTube.js PlaylistVideo). The channel itself sees
 * every upload, its private and unlisted ones marked by a privacy badge (yt-dlp `_extract_badges`:
 * icon PRIVACY_UNLISTED / PRIVACY_PRIVATE); anyone else sees the public ones only.
 */
import type { Reply } from '../server/reply';
import { continuationItem, gridThumbnail, publishedLabel } from './grid-items';
import { playlistVideos, type YtChannel, type YtVideo } from './model';
import { durationText, shortViews } from './time-text';
import { encodeToken } from './tokens';
import { actsAsOwner, answer, invalidArgument, type YtCall } from './youtube-call';

const PAGE_SIZE = 100;
const PLAYLIST_ID = /^UU([\w-]{22})$/;

/** Playlist pages are browsed as VL<playlist id>; only uploads playlists exist in the fake. */
export function isPlaylistBrowseId(browseId: string): boolean {
  return browseId.startsWith('VL');
}

const PRIVACY_BADGES = {
  unlisted: { icon: 'PRIVACY_UNLISTED', label: 'Unlisted' },
  private: { icon: 'PRIVACY_PRIVATE', label: 'Private' },
} as const;

function playlistNotFound(call: YtCall): Reply {
  return answer(call, { alerts: [{ alertRenderer: { type: 'ERROR', text: { runs: [{ text: 'The playlist does not exist.' }] } } }] });
}

/** Page 1 of the uploads playlist (`browse` VL<playlist id>): the whole playlist page. */
export function uploadsPlaylist(call: YtCall, browseId: string): Reply {
  const page = uploadsPlaylistPage(call, browseId.slice(2));
  return page ? answer(call, page) : playlistNotFound(call);
}

/**
 * The playlist page's data (also a /playlist?list=UU… page's ytInitialData, which yt-dlp reads),
 * or undefined when no channel has that uploads playlist.
 */
export function uploadsPlaylistPage(call: YtCall, playlistId: string): Record<string, unknown> | undefined {
  const match = PLAYLIST_ID.exec(playlistId);
  const channel = match ? call.store.id(`UC${match[1]}`) : undefined;
  if (!channel || channel.terminated) return undefined;
  const owner = actsAsOwner(call, channel);
  const visible = playlistVideos(channel, owner);
  const title = `Uploads from ${channel.title}`;
  const list = {
    playlistVideoListRenderer: {
      contents: playlistPage(call, channel, 0),
      playlistId,
      isEditable: owner,
      canReorder: owner,
      targetId: playlistId,
    },
  };
  return {
    contents: {
      twoColumnBrowseResultsRenderer: {
        tabs: [{ tabRenderer: { selected: true, content: { sectionListRenderer: { contents: [{ itemSectionRenderer: { contents: [list] } }] } } } }],
      },
    },
    header: {
      pageHeaderRenderer: {
        pageTitle: title,
        content: { pageHeaderViewModel: { title: { dynamicTextViewModel: { text: { content: title } } } } },
      },
    },
    metadata: { playlistMetadataRenderer: { title } },
    sidebar: {
      playlistSidebarRenderer: {
        items: [
          {
            playlistSidebarPrimaryInfoRenderer: {
              title: { runs: [{ text: title }] },
              stats: [{ runs: [{ text: visible.length.toLocaleString('en-US') }, { text: visible.length === 1 ? ' video' : ' videos' }] }],
            },
          },
        ],
      },
    },
    microformat: { microformatDataRenderer: { urlCanonical: `https://www.youtube.com/playlist?list=${playlistId}`, title } },
  };
}

/** A later page: `browse` {continuation}. */
export function uploadsContinuation(call: YtCall, channel: YtChannel, offset: number): Reply {
  if (offset >= playlistVideos(channel, actsAsOwner(call, channel)).length) return invalidArgument();
  return answer(call, {
    onResponseReceivedActions: [{ appendContinuationItemsAction: { continuationItems: playlistPage(call, channel, offset), targetId: `UU${channel.id!.slice(2)}` } }],
  });
}

function playlistPage(call: YtCall, channel: YtChannel, offset: number): Record<string, unknown>[] {
  const owner = actsAsOwner(call, channel);
  const videos = playlistVideos(channel, owner);
  const end = offset + PAGE_SIZE;
  const items = videos.slice(offset, end).map((video, i) => playlistItem(call, channel, video, offset + i, owner));
  if (end < videos.length) {
    const shape = call.options.shape === 'legacy' ? 'renderer' : call.options.continuationShape;
    items.push(continuationItem(encodeToken({ channelId: channel.id!, list: 'uploads', offset: end }), shape, call.options.wrappedContinuations));
  }
  return items;
}

function playlistItem(call: YtCall, channel: YtChannel, video: YtVideo, index: number, owner: boolean): Record<string, unknown> {
  const playlistId = `UU${channel.id!.slice(2)}`;
  const duration = durationText(video.durationSeconds);
  const base = `/@${encodeURIComponent(channel.handle)}`;
  const badge = video.visibility === 'public' ? undefined : PRIVACY_BADGES[video.visibility];
  return {
    playlistVideoRenderer: {
      videoId: video.id,
      thumbnail: { thumbnails: [gridThumbnail(video, 'hqdefault', 168, 94), gridThumbnail(video, 'hqdefault', 336, 188)] },
      title: { runs: [{ text: video.title }], accessibility: { accessibilityData: { label: `${video.title} ${duration}` } } },
      index: { simpleText: String(index + 1) },
      shortBylineText: {
        runs: [{ text: channel.title, navigationEndpoint: { browseEndpoint: { browseId: channel.id, canonicalBaseUrl: base } } }],
      },
      lengthText: { simpleText: duration },
      navigationEndpoint: {
        commandMetadata: { webCommandMetadata: { url: `/watch?v=${video.id}&list=${playlistId}&index=${index + 1}`, webPageType: 'WEB_PAGE_TYPE_WATCH' } },
        watchEndpoint: { videoId: video.id, playlistId, index },
      },
      lengthSeconds: String(video.durationSeconds),
      isPlayable: true,
      thumbnailOverlays: [{ thumbnailOverlayTimeStatusRenderer: { text: { simpleText: duration }, style: video.kind === 'short' ? 'SHORTS' : 'DEFAULT' } }],
      videoInfo: { runs: [{ text: shortViews(video.viewCount) }, { text: ' • ' }, { text: publishedLabel(video, call.nowSeconds) }] },
      ...(badge ? { badges: [{ metadataBadgeRenderer: { icon: { iconType: badge.icon }, style: 'BADGE_STYLE_TYPE_SIMPLE', label: badge.label } }] } : {}),
      ...(owner ? { setVideoId: `${video.id.slice(0, 8)}${String(index).padStart(8, '0')}` } : {}),
    },
  };
}
