import { asString, dig, type JsonObject } from '../shared/jsonReaders';
import { decodeComponent, parseUrl, pathSegments } from '../shared/urlPaths';
import { ORIGIN } from './constants';

/** Tab titles as the English web client writes them, for tabs that carry neither address nor identifier. */
const TITLES: Record<string, string> = { home: 'featured', videos: 'videos', shorts: 'shorts', live: 'streams' };
/** Channel addresses whose first two segments name the channel (`/channel/UC…/videos`); `/@h/videos` has one. */
const TWO_SEGMENT_BASES = new Set(['channel', 'c', 'user']);

/**
 * The name of a channel tab ('featured', 'videos', 'shorts', 'streams', 'playlists'…), as yt-dlp
 * tells tabs apart: the segment after the channel in the tab link's path, whatever query string
 * the link carries (`/@h/videos?app=desktop`); else its tabIdentifier; else its English title.
 * Undefined when the tab says none of these.
 */
export function tabNameOf(tab: JsonObject): string | undefined {
  const url = parseUrl(asString(dig(tab, 'endpoint', 'commandMetadata', 'webCommandMetadata', 'url')) ?? '', ORIGIN);
  const segments = url && url.pathname !== '/' ? pathSegments(url).map(decodeComponent) : [];
  if (segments.length > 0) return segments[TWO_SEGMENT_BASES.has(segments[0]!) ? 2 : 1]?.toLowerCase() ?? 'featured';
  const identifier = asString(tab.tabIdentifier);
  if (identifier) return identifier.toLowerCase();
  const title = asString(tab.title)?.trim().toLowerCase();
  return title ? (TITLES[title] ?? title) : undefined;
}
