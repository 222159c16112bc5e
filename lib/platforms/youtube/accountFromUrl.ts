import { decodeComponent, pathSegments, urlOnHosts } from '../shared/urlPaths';
import { PAGE_HOSTS } from './constants';

/**
 * How a channel is named between accountFromUrl and resolveAccount (the popup shows it):
 *   `<handle>`          /@handle (without the @, like other platforms' usernames)
 *   `channel/UC…`       /channel/UC…
 *   `c/<name>`, `user/<name>`   legacy custom and user URLs, resolved by YouTube
 *   `video:<id>`        a watch, Shorts or live page: the channel of whoever uploaded it
 */
export type ChannelRef =
  | { type: 'handle'; handle: string }
  | { type: 'channel'; id: string }
  | { type: 'legacy'; path: string }
  | { type: 'video'; videoId: string };

export const CHANNEL_ID = /^UC[\w-]{22}$/;
export const VIDEO_ID = /^[\w-]{11}$/;
const HANDLE = /^[^\s/?#@:]{1,100}$/;
const LEGACY_NAME = /^[\w.-]{1,100}$/;

/** The channel a YouTube page shows, in the string form above; undefined for pages of no channel. */
export function accountFromUrl(url: string): string | undefined {
  const ref = channelRefFromUrl(url);
  return ref && channelRefText(ref);
}

function channelRefText(ref: ChannelRef): string {
  switch (ref.type) {
    case 'handle':
      return ref.handle;
    case 'channel':
      return `channel/${ref.id}`;
    case 'legacy':
      return ref.path;
    case 'video':
      return `video:${ref.videoId}`;
  }
}

function channelRefFromUrl(url: string): ChannelRef | undefined {
  const page = urlOnHosts(url, PAGE_HOSTS);
  if (!page) return undefined;
  const [first = '', second = ''] = pathSegments(page).map(decodeComponent);
  if (first.startsWith('@')) return HANDLE.test(first.slice(1)) ? { type: 'handle', handle: first.slice(1) } : undefined;
  if (first === 'channel') return CHANNEL_ID.test(second) ? { type: 'channel', id: second } : undefined;
  if (first === 'c' || first === 'user') return LEGACY_NAME.test(second) ? { type: 'legacy', path: `${first}/${second}` } : undefined;
  const videoId = first === 'watch' ? page.searchParams.get('v') : ['shorts', 'live'].includes(first) ? second : null;
  return videoId && VIDEO_ID.test(videoId) ? { type: 'video', videoId } : undefined;
}

/** The forms above, a full URL, `@handle` or a bare channel id, as typed or stored. */
export function parseChannelRef(text: string): ChannelRef | undefined {
  const value = text.trim();
  if (/^https?:\/\//i.test(value)) return channelRefFromUrl(value);
  if (CHANNEL_ID.test(value)) return { type: 'channel', id: value };
  const [prefix, rest = ''] = value.split(/[/:](.*)/s);
  if (prefix === 'channel' && CHANNEL_ID.test(rest)) return { type: 'channel', id: rest };
  if ((prefix === 'c' || prefix === 'user') && LEGACY_NAME.test(rest)) return { type: 'legacy', path: `${prefix}/${rest}` };
  if (prefix === 'video' && VIDEO_ID.test(rest)) return { type: 'video', videoId: rest };
  const handle = value.replace(/^@/, '');
  return HANDLE.test(handle) ? { type: 'handle', handle } : undefined;
}
