import type { CdnFile } from '../media/cdn-catalog';

/** The fake's own record of an account; routes render it into the platform's JSON shapes. */

export interface IgCandidate {
  width: number;
  height: number;
  file: CdnFile;
}

export interface IgVideoVersion {
  type: 101 | 102 | 103;
  width: number;
  height: number;
  id: string;
  file: CdnFile;
}

/** One photo or video: a single post's media, a carousel child, or a story item. */
export interface IgNode {
  pk: string;
  mediaType: 1 | 2;
  width: number;
  height: number;
  /** Listed as the API lists them: [0] is the best; a larger square crop comes later. */
  candidates: IgCandidate[];
  /** In API order; the best is the largest, not always the first. */
  videoVersions?: IgVideoVersion[];
  /** The file a faithful exporter keeps: candidates[0] for photos, the largest video for videos. */
  best: CdnFile;
  durationSeconds?: number;
  accessibilityCaption: string | null;
  /** Listed without its video's URLs (no `video_versions`), as Instagram sometimes sends a video: no client can fetch it. */
  withheld?: true;
}

export interface IgCaption {
  pk: string;
  text: string;
  createdAt: number;
}

export interface IgLocation {
  pk: number;
  name: string;
  shortName: string;
  address: string;
  city: string;
  lat: number;
  lng: number;
  facebookPlacesId: number;
}

export interface IgPost {
  pk: string;
  code: string;
  takenAt: number;
  mediaType: 1 | 2 | 8;
  productType: 'feed' | 'clips' | 'carousel_container';
  caption: IgCaption | null;
  likeCount: number;
  commentCount: number;
  playCount?: number;
  location?: IgLocation;
  pinned: boolean;
  /** One node for a single photo/video, the children (in display order) for a carousel. */
  nodes: IgNode[];
}

export interface IgStoryItem extends IgNode {
  code: string;
  takenAt: number;
  /** Only current stories expire; archived items in highlights carry no expiry. */
  expiringAt?: number;
}

export interface IgHighlight {
  /** Digits only; the reel id is "highlight:" + id. */
  id: string;
  title: string;
  createdAt: number;
  cover: CdnFile;
  items: IgStoryItem[];
}

export interface IgUser {
  pk: string;
  username: string;
  fullName: string;
  biography: string;
  isPrivate: boolean;
  isVerified: boolean;
  /** Whether the demo (logged-in) user follows this account. */
  followedByDemo: boolean;
  followerCount: number;
  followingCount: number;
  profilePicId: string;
  avatar: { small: CdnFile; hd: CdnFile };
}

export interface IgAccount {
  user: IgUser;
  /** Feed order: pinned posts first, then newest first. */
  feed: IgPost[];
  /**
   * Reels the creator hid from the profile grid: the posts feed never lists them, the Reels tab does
   * (gallery-dl #9555: a reel hidden from the grid is found only from the Reels tab).
   */
  reelsTabOnly: IgPost[];
  stories: IgStoryItem[];
  highlights: IgHighlight[];
}
