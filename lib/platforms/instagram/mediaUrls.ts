import type { MediaFormat } from '../types';
import { formatFromUrl } from '../shared/formatHint';
import { asNumber, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';

interface MediaVersion {
  url: string;
  width?: number;
  height?: number;
}

/**
 * `candidates[0]` is the original. The list may also hold a square crop that is larger in area,
 * so picking by size would export a crop instead of the photo.
 */
export function bestImage(media: JsonObject): MediaVersion | undefined {
  const candidates = asObjects(asObject(media.image_versions2)?.candidates);
  return candidates.map(toVersion).find((version) => version !== undefined);
}

/** Every size Instagram offers of a file (image candidates, or video versions for a video), for the export's quality to choose from. */
export function allVersions(media: JsonObject, isVideo: boolean): MediaVersion[] {
  const entries = isVideo ? asObjects(media.video_versions) : asObjects(asObject(media.image_versions2)?.candidates);
  return entries.flatMap((entry) => toVersion(entry) ?? []);
}

/** The largest progressive video (the web caps these at 720p); equal sizes go to the higher type. */
export function bestVideo(media: JsonObject): MediaVersion | undefined {
  let best: { version: MediaVersion; area: number; type: number } | undefined;
  for (const entry of asObjects(media.video_versions)) {
    const version = toVersion(entry);
    if (!version) continue;
    const area = (version.width ?? 0) * (version.height ?? 0);
    const type = asNumber(entry.type) ?? 0;
    if (!best || area > best.area || (area === best.area && type > best.type)) best = { version, area, type };
  }
  return best?.version;
}

/**
 * The format a CDN URL promises. `stp=dst-jpg…` asks the CDN to convert, so it beats the path's
 * extension (a `.webp` or `.heic` path then serves JPEG). The downloaded bytes have the last word.
 */
export function formatHint(url: string): MediaFormat | undefined {
  return formatFromUrl(url, (parsed) => /(?:^|_)dst-([a-z0-9]+)/i.exec(parsed.searchParams.get('stp') ?? '')?.[1]);
}

function toVersion(entry: JsonObject): MediaVersion | undefined {
  const url = asString(entry.url);
  if (!url) return undefined;
  return { url, width: asNumber(entry.width), height: asNumber(entry.height) };
}
