/** The fake's own record of YouTube channels; routes render it into InnerTube's JSON shapes. */

export type YtKind = 'video' | 'short' | 'live';

/** Thumbnail names i.ytimg.com knows (PLATFORMS.md); which exist differs per video. */
export type ThumbnailName = 'default' | 'mqdefault' | 'hqdefault' | 'sddefault' | 'maxresdefault' | 'hq720' | 'oardefault' | 'frame0';

export interface YtVideo {
  id: string;
  kind: YtKind;
  title: string;
  description: string;
  /** Unix seconds: the publish time the player reports (a finished stream's start). */
  publishedAt: number;
  durationSeconds: number;
  viewCount: number;
  /** The player refuses it without a verified age, so only the watch page dates it. */
  ageRestricted: boolean;
  /** Thumbnail name → bytes of the JPEG; a name not listed answers 404 with the grey image. */
  thumbnails: Map<ThumbnailName, number>;
}

export interface YtUser {
  /** Key of the session in the fake (the channel's handle, or a name for a user without one). */
  key: string;
  accountName: string;
  email: string;
  /** The U of the `_u` SAPISIDHASH form and DATASYNC_ID "<U>||". */
  userSessionId: string;
  /** One value shared by SAPISID, __Secure-1PAPISID and __Secure-3PAPISID, as real sessions have. */
  apisid: string;
  loginInfo: string;
}

export interface YtChannel {
  /** Null for a Google account that never created a channel. */
  id: string | null;
  handle: string;
  /** `c/<name>` and `user/<name>` addresses that still lead to the channel. */
  legacyPaths: string[];
  title: string;
  description: string;
  subscriberCount: number;
  owner: YtUser;
  /** Newest first, as each tab lists them. */
  videos: YtVideo[];
  shorts: YtVideo[];
  lives: YtVideo[];
  terminated: boolean;
}

export type YtTab = 'videos' | 'shorts' | 'streams';

export function tabVideos(channel: YtChannel, tab: YtTab): YtVideo[] {
  return tab === 'videos' ? channel.videos : tab === 'shorts' ? channel.shorts : channel.lives;
}

export function allVideos(channel: YtChannel): YtVideo[] {
  return [...channel.videos, ...channel.shorts, ...channel.lives];
}
