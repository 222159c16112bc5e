import type { MediaFormat, MediaItem, MediaKind, PlatformId } from '../../platforms/types';
import { kindOf } from '../media/mediaFormat';
import { urlWithoutSignature } from '../../platforms/shared/sourceUrl';

/** The `{id}.{ext}.meta.json` written beside each media file. */
export interface Sidecar {
  id: string;
  postId: string;
  platform: PlatformId;
  /** What the downloaded bytes are, which may differ from what the platform announced. */
  kind: MediaKind;
  format: MediaFormat;
  downloadedAt: string;
  publishedAt: string;
  /** Present when publishedAt was estimated rather than read from the platform. */
  dateApproximate?: true;
  /** The caption or description exactly as the platform returned it. */
  caption: string | null;
  width?: number;
  height?: number;
  /** A video's length in seconds, when the platform said it. */
  durationSeconds?: number;
  sourceUrl: string;
  byteSize: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  /** "Compress images": this file is a JPEG re-encoding of the original, described here. */
  compressed?: true;
  original?: { format: MediaFormat; byteSize: number; width: number; height: number };
}

export interface SidecarInput {
  platform: PlatformId;
  item: MediaItem;
  format: MediaFormat;
  byteSize: number;
  sha256: string;
  downloadedAt: Date;
  /** The URL the bytes came from, when a refresh replaced the item's own. */
  sourceUrl?: string;
  /** The file as downloaded, when it was compressed. */
  original?: { format: MediaFormat; byteSize: number; width: number; height: number };
}

export function buildSidecar({ platform, item, format, byteSize, sha256, downloadedAt, sourceUrl, original }: SidecarInput): Sidecar {
  return {
    id: item.id,
    postId: item.postId,
    platform,
    kind: kindOf(format),
    format,
    downloadedAt: downloadedAt.toISOString(),
    publishedAt: item.publishedAt,
    caption: item.caption,
    ...(item.dateApproximate ? { dateApproximate: true as const } : {}),
    ...(item.width === undefined ? {} : { width: item.width }),
    ...(item.height === undefined ? {} : { height: item.height }),
    ...(item.durationSeconds === undefined ? {} : { durationSeconds: item.durationSeconds }),
    sourceUrl: urlWithoutSignature(sourceUrl ?? item.url),
    byteSize,
    sha256,
    ...(original ? { compressed: true as const, original } : {}),
  };
}
