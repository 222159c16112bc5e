import type { MediaFormat } from '../types';
import { formatFromUrl } from '../shared/formatHint';
import { asNumber, asObject, asObjects, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { MEDIA_FIELDS } from './queries';

export interface ImageVersion {
  url: string;
  width?: number;
  height?: number;
}

export interface VideoVersion {
  url: string;
  /** 'HD' | 'SD' from progressive_urls, or the legacy field the URL came from. */
  quality: string;
}

/** The full-size image: the media viewer's `image`, or the collection's `viewer_image` (fast mode). */
export function fullImage(media: JsonObject): ImageVersion | undefined {
  for (const path of [MEDIA_FIELDS.image, MEDIA_FIELDS.listedImage]) {
    const image = asObject(dig(media, ...path));
    const url = asString(image?.uri);
    if (url) return { url, width: asNumber(image?.width), height: asNumber(image?.height) };
  }
  return undefined;
}

/** Both sizes Facebook lists of a photo (the media viewer's and the collection's), for the export's quality to choose from. */
export function imageVersions(media: JsonObject): ImageVersion[] {
  return [MEDIA_FIELDS.image, MEDIA_FIELDS.listedImage].flatMap((path) => {
    const image = asObject(dig(media, ...path));
    const url = asString(image?.uri);
    return url ? [{ url, width: asNumber(image?.width), height: asNumber(image?.height) }] : [];
  });
}

const PREFERRED_QUALITIES = ['HD', 'SD'];

/**
 * Every playable progressive (single-file) video, best first: HD, then SD, then any other, skipping
 * entries that carry a failure reason (their URL, if any, does not play); without any, the legacy
 * fields, best first. The HD file is 720p even for 1080p uploads; 1080p exists only as DASH, which
 * is out of scope.
 */
export function videoVersions(media: JsonObject): VideoVersion[] {
  const usable = asObjects(dig(media, ...MEDIA_FIELDS.progressive)).flatMap((entry) => {
    const url = asString(entry.progressive_url);
    const failed = entry.failure_reason !== null && entry.failure_reason !== undefined;
    return url && !failed ? [{ url, quality: asString(asObject(entry.metadata)?.quality) ?? 'unknown' }] : [];
  });
  const rank = (quality: string) => {
    const index = PREFERRED_QUALITIES.indexOf(quality.toUpperCase());
    return index === -1 ? PREFERRED_QUALITIES.length : index;
  };
  if (usable.length > 0) return [...usable].sort((a, b) => rank(a.quality) - rank(b.quality));
  for (const source of [asObject(dig(media, ...MEDIA_FIELDS.legacy)), media]) {
    const legacy = MEDIA_FIELDS.legacyUrls.flatMap((key) => {
      const url = asString(source?.[key]);
      return url ? [{ url, quality: key }] : [];
    });
    if (legacy.length > 0) return legacy.filter((version, index) => legacy.findIndex((other) => other.url === version.url) === index);
  }
  return [];
}

/** The best playable video file (see videoVersions). */
export function bestVideo(media: JsonObject): VideoVersion | undefined {
  return videoVersions(media)[0];
}

/**
 * The format a CDN URL promises: `stp=dst-jpg…` asks the CDN to convert, so it beats the path's
 * extension. Only a hint; the downloaded bytes decide.
 */
export function formatHint(url: string): MediaFormat | undefined {
  return formatFromUrl(url, (parsed) => /(?:^|_)dst-([a-z0-9]+)/i.exec(parsed.searchParams.get('stp') ?? '')?.[1]);
}
