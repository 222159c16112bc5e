import type { Reply } from '../server/reply';
import { continuationItem, gridItem } from './grid-items';
import type { YtChannel, YtTab } from './model';
import { allVideos, tabVideos } from './model';
import { decodeToken, encodeToken, type Position } from './tokens';
import { isPlaylistBrowseId, uploadsContinuation, uploadsPlaylist } from './uploads-playlist';
import { answer, invalidArgument, type YtCall } from './youtube-call';

const PAGE_SIZE: Record<YtTab, number> = { videos: 30, shorts: 48, streams: 30 };

/** The channel tabs the web client shows, with the params its tab links carry. */
const TABS = [
  { tab: 'featured', title: 'Home', params: 'EghmZWF0dXJlZPIGBAoCMgA%3D' },
  { tab: 'videos', title: 'Videos', params: 'EgZ2aWRlb3PyBgQKAjoA' },
  { tab: 'shorts', title: 'Shorts', params: 'EgZzaG9ydHPyBgUKA5oBAA%3D%3D' },
  { tab: 'streams', title: 'Live', params: 'EgdzdHJlYW1z8gYECgJ6AA%3D%3D' },
  { tab: 'playlists', title: 'Playlists', params: 'EglwbGF5bGlzdHPyBgQKAkIA' },
  { tab: 'posts', title: 'Posts', params: 'Egdwb3N0c_IGBAoCSgA%3D' },
] as const;
type TabId = (typeof TABS)[number]['tab'];

const isUploadTab = (tab: TabId): tab is YtTab => tab === 'videos' || tab === 'shorts' || tab === 'streams';
const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** The tab a browse's params ask for (sent URL-encoded by the web client, decoded by others); Home by default. */
function tabFromParams(params: unknown): TabId {
  if (typeof params !== 'string') return 'featured';
  return TABS.find((entry) => decode(entry.params) === decode(params))?.tab ?? 'featured';
}

export function tabFromPath(rest: string): TabId | undefined {
  if (rest === '' || rest === 'featured') return 'featured';
  return TABS.find((entry) => entry.tab === rest)?.tab;
}

/** POST /youtubei/v1/browse: a channel tab's or the uploads playlist's first page, or the next page of a continuation. */
export function browse(call: YtCall): Reply {
  const { body } = call;
  if (typeof body.continuation === 'string') return continuation(call, body.continuation);
  const browseId = typeof body.browseId === 'string' ? body.browseId : '';
  if (isPlaylistBrowseId(browseId)) return uploadsPlaylist(call, browseId);
  if (!/^UC[\w-]{22}$/.test(browseId)) return invalidArgument();
  const channel = call.store.id(browseId);
  if (!channel || channel.terminated) {
    const said = channel ? 'This account has been terminated for a violation of YouTube’s Terms of Service.' : 'This channel does not exist.';
    return answer(call, { alerts: [{ alertRenderer: { type: 'ERROR', text: { simpleText: said } } }] });
  }
  return answer(call, channelPage(call, channel, tabFromParams(body.params)));
}

/** The whole browse answer for a channel tab, also what a channel page's ytInitialData holds. */
export function channelPage(call: YtCall, channel: YtChannel, requested: TabId): Record<string, unknown> {
  const available = TABS.filter((entry) => !isUploadTab(entry.tab) || tabVideos(channel, entry.tab).length > 0);
  // A tab the channel lacks selects Home, as YouTube does.
  const selected = available.some((entry) => entry.tab === requested) ? requested : 'featured';
  const base = `/@${encodeURIComponent(channel.handle)}`;
  const tabs = available.map((entry) => ({
    tabRenderer: {
      endpoint: {
        commandMetadata: { webCommandMetadata: { url: `${base}/${entry.tab}${call.options.tabUrlQuery}`, webPageType: 'WEB_PAGE_TYPE_CHANNEL', rootVe: 3611, apiUrl: '/youtubei/v1/browse' } },
        browseEndpoint: { browseId: channel.id, params: entry.params, canonicalBaseUrl: base },
      },
      title: entry.title,
      ...(entry.tab === selected ? { selected: true, content: tabContent(call, channel, entry.tab) } : {}),
    },
  }));
  return {
    contents: { twoColumnBrowseResultsRenderer: { tabs } },
    header: header(call, channel),
    metadata: {
      channelMetadataRenderer: {
        title: channel.title,
        description: channel.description,
        rssUrl: `https://www.youtube.com/feeds/videos.xml?channel_id=${channel.id}`,
        externalId: channel.id,
        keywords: 'demo export',
        ownerUrls: [`http://www.youtube.com/@${channel.handle}`],
        avatar: { thumbnails: [{ url: `https://yt3.googleusercontent.com/${channel.id}=s900-c-k-c0x00ffffff-no-rj`, width: 900, height: 900 }] },
        channelUrl: `https://www.youtube.com/channel/${channel.id}`,
        isFamilySafe: true,
        vanityChannelUrl: `http://www.youtube.com/@${channel.handle}`,
      },
    },
    microformat: { microformatDataRenderer: { urlCanonical: `https://www.youtube.com/channel/${channel.id}`, title: channel.title } },
  };
}

function tabContent(call: YtCall, channel: YtChannel, tab: TabId): Record<string, unknown> {
  if (!isUploadTab(tab)) return { sectionListRenderer: { contents: [{ itemSectionRenderer: { contents: [] } }] } };
  return {
    richGridRenderer: {
      contents: gridPage(call, { channelId: channel.id!, list: tab, offset: 0 }, channel),
      header: { feedFilterChipBarRenderer: { contents: ['Latest', 'Popular', 'Oldest'].map((text, i) => ({ chipCloudChipRenderer: { text: { simpleText: text }, isSelected: i === 0 } })) } },
      targetId: `browse-feed${channel.id}${tab}`,
    },
  };
}

function gridPage(call: YtCall, position: Position & { list: YtTab }, channel: YtChannel): Record<string, unknown>[] {
  const videos = tabVideos(channel, position.list);
  const end = position.offset + PAGE_SIZE[position.list];
  const items = videos.slice(position.offset, end).map((video) => gridItem(video, call.options.shape, call.nowSeconds));
  const shape = call.options.shape === 'legacy' ? 'renderer' : call.options.continuationShape;
  if (end < videos.length) items.push(continuationItem(encodeToken({ ...position, offset: end }), shape, call.options.wrappedContinuations));
  return items;
}

function continuation(call: YtCall, token: string): Reply {
  const position = decodeToken(token);
  const channel = position && call.store.id(position.channelId);
  if (!position || !channel) return invalidArgument();
  if (position.list === 'uploads') return uploadsContinuation(call, channel, position.offset);
  if (position.offset >= tabVideos(channel, position.list).length) return invalidArgument();
  // Spelled out so the tab (not 'uploads', handled above) is what the grid gets.
  const tabPosition = { ...position, list: position.list };
  return answer(call, {
    onResponseReceivedActions: [
      { appendContinuationItemsAction: { continuationItems: gridPage(call, tabPosition, channel), targetId: `browse-feed${channel.id}${position.list}` } },
    ],
  });
}

function header(call: YtCall, channel: YtChannel): Record<string, unknown> {
  // The header counts what everyone sees: the public uploads.
  const count = allVideos(channel).filter((video) => video.visibility === 'public').length;
  const subscribers = `${channel.subscriberCount.toLocaleString('en-US')} subscribers`;
  if (call.options.shape === 'legacy') {
    return {
      c4TabbedHeaderRenderer: {
        channelId: channel.id,
        title: channel.title,
        channelHandleText: { runs: [{ text: `@${channel.handle}` }] },
        subscriberCountText: { simpleText: subscribers },
        videosCountText: { runs: [{ text: count.toLocaleString('en-US') }, { text: ' videos' }] },
      },
    };
  }
  const row = (...texts: string[]) => ({ metadataParts: texts.map((content) => ({ text: { content } })) });
  return {
    pageHeaderRenderer: {
      pageTitle: channel.title,
      content: {
        pageHeaderViewModel: {
          title: { dynamicTextViewModel: { text: { content: channel.title } } },
          metadata: { contentMetadataViewModel: { metadataRows: [row(`@${channel.handle}`), row(subscribers, `${count.toLocaleString('en-US')} videos`)], delimiter: ' • ' } },
        },
      },
    },
  };
}
