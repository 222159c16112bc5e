/** The fake's own record of YouTube channels; routes render it into InnerTube's JSON shapes. */

import type { YouTubeVisibility } from '../types';

export type YtKind = 'video' | 'short' | 'live';

export type YtVisibility = YouTubeVisibility;

/** Thumbnail names i.ytimg.com knows (docs/platforms.md, "YouTube: thumbnails"); which exist differs per video. */
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
  visibility: YtVisibility;
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
  /** The Google account that signs in to act as this channel (for a brand account, the person managing it). */
  owner: YtUser;
  /**
   * Set for a brand account: the id the web client sends as X-Goog-PageId (ytcfg DELEGATED_SESSION_ID)
   * to act as this channel instead of its owner's personal identity.
   */
  brandPageId?: string;
  /** Newest first, as each tab lists them (private and unlisted ones among them, which the tabs leave out). */
  videos: YtVideo[];
  shorts: YtVideo[];
  lives: YtVideo[];
  terminated: boolean;
}

export type YtTab = 'videos' | 'shorts' | 'streams';

/** What a channel tab lists: its public uploads of that kind, whoever looks. */
export function tabVideos(channel: YtChannel, tab: YtTab): YtVideo[] {
  const videos = tab === 'videos' ? channel.videos : tab === 'shorts' ? channel.shorts : channel.lives;
  return videos.filter((video) => video.visibility === 'public');
}

/** Every upload of the channel, whoever may see it: Videos, Shorts, Live, each newest first. */
export function allVideos(channel: YtChannel): YtVideo[] {
  return [...channel.videos, ...channel.shorts, ...channel.lives];
}

/** The uploads playlist (UU…): every upload newest first; only the channel itself sees its private and unlisted ones. */
export function playlistVideos(channel: YtChannel, asOwner: boolean): YtVideo[] {
  return allVideos(channel)
    .filter((video) => asOwner || video.visibility === 'public')
    .sort((a, b) => b.publishedAt - a.publishedAt);
}
