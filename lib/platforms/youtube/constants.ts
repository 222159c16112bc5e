import type { MediaFormat } from '../platformDescriptor';

/**
 * Everything YouTube rotates or may change lives here, so a platform change is a one-file fix.
 * Values are those the web client sends (docs/platforms.md, "YouTube: endpoints").
 */

export const ORIGIN = 'https://www.youtube.com';
export const PAGE_HOSTS = ['www.youtube.com', 'youtube.com', 'm.youtube.com'] as const;
/** Where YouTube's thumbnails live; a media URL anywhere else is not fetched. */
export const MEDIA_HOSTS = ['i.ytimg.com'] as const;
export const INNERTUBE_BASE = `${ORIGIN}/youtubei/v1`;
export const THUMBNAIL_BASE = 'https://i.ytimg.com/vi';

export const CLIENT_NAME = 'WEB';
/** The number X-Youtube-Client-Name carries for the WEB client. */
export const CLIENT_NAME_ID = '1';
/** Used only when the page config does not say which version the web client is. */
export const FALLBACK_CLIENT_VERSION = '2.20260708.00.00';
/** English labels ("3 weeks ago", "1.2K views") are the only ones the parsers read. */
export const LANGUAGE = 'en';
export const REGION = 'US';

/** A channel's upload tabs, listed in this order; `params` is what the web client's tab link carries. */
export const TABS = [
  { tab: 'videos', path: '/videos', params: 'EgZ2aWRlb3PyBgQKAjoA', label: 'Videos' },
  { tab: 'shorts', path: '/shorts', params: 'EgZzaG9ydHPyBgUKA5oBAA%3D%3D', label: 'Shorts' },
  { tab: 'streams', path: '/streams', params: 'EgdzdHJlYW1z8gYECgJ6AA%3D%3D', label: 'Live streams' },
] as const;
export type TabName = (typeof TABS)[number]['tab'];

/**
 * What the exact-date lookup asks of `player`: the answer shrinks from ~100 kB to a few hundred
 * bytes. playabilityStatus is kept, error screen included, because the refusals (bot wall, "try
 * again later", captcha) are only visible there.
 */
export const PLAYER_FIELDS =
  'playabilityStatus(status,reason,errorScreen),videoDetails(videoId,channelId,author,lengthSeconds,viewCount,shortDescription),' +
  'microformat(playerMicroformatRenderer(publishDate,uploadDate,ownerProfileUrl,externalChannelId))';

/**
 * The two thumbnails an export keeps, each a ladder of i.ytimg.com's sizes, largest first
 * (docs/platforms.md, "YouTube: thumbnails"). `high` is the largest that exists: maxresdefault is
 * made only for uploads of 720p or more and answers 404 otherwise, so the next size is asked for
 * then (sddefault, then hqdefault, which every processed video has). `medium` is mqdefault alone.
 */
export const THUMBNAILS = [
  {
    size: 'high',
    ladder: [
      { name: 'maxresdefault', width: 1280, height: 720 },
      { name: 'sddefault', width: 640, height: 480 },
      { name: 'hqdefault', width: 480, height: 360 },
    ],
  },
  { size: 'medium', ladder: [{ name: 'mqdefault', width: 320, height: 180 }] },
] as const;

export const MAX_MEDIA_BYTES = 2048 * 1024 * 1024;
/** i.ytimg.com serves a `.jpg` URL as JPEG; its WebP twins live under other URLs we never ask for. */
export const MEDIA_FORMATS: readonly MediaFormat[] = ['jpg'];

/** google.com/sorry flags the whole IP: far longer than a plain 429. */
export const IP_BLOCK_WAIT_MS = 30 * 60_000;
