import type { CdnFile } from '../media/cdn-catalog';

/** The fake's own record of a Facebook profile; routes render it into the web client's shapes. */

export interface FbPhoto {
  id: string;
  ownerId: string;
  ownerName: string;
  /** Unix seconds. */
  createdTime: number;
  caption: string | null;
  accessibilityCaption: string;
  width: number;
  height: number;
  /** The full-size file (`viewer_image` in collections, `image` in the media viewer). */
  full: CdnFile;
  /** The grid thumbnail a collection edge shows (`image`), its own signed file. */
  thumb: CdnFile;
  /** Listed, but the media viewer answers `currMedia: null` for it. */
  notReturned?: true;
}

export interface FbVideo {
  id: string;
  ownerId: string;
  ownerName: string;
  publishTime: number;
  caption: string | null;
  /** What the videos collection shows as the title. */
  title: string | null;
  width: number;
  height: number;
  durationSeconds: number;
  sd: CdnFile;
  /** Absent for small uploads that never got an HD rendition. */
  hd?: CdnFile;
  /** The HD entry carries a failure reason (its URL is listed but must not be used). */
  hdFailed: boolean;
  thumbnail: CdnFile;
  /** The file a faithful exporter keeps: HD when usable, else SD. */
  best: CdnFile;
}

export interface FbProfile {
  id: string;
  vanity: string;
  name: string;
  /** Newest first, as the collections list them. */
  uploads: FbPhoto[];
  /** Photos of this profile uploaded by others (plus one the profile uploaded itself). */
  tagged: FbPhoto[];
  /** The videos collection; it also lists the newest reel, as real profiles do. */
  videos: FbVideo[];
  reels: FbVideo[];
  /** Its collections are shown to itself only (no fake session is a friend). */
  friendsOnly: boolean;
}
