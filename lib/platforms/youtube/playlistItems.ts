import { asObject, asObjects, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { VIDEO_ID } from './accountFromUrl';
import { CONTINUATION_ENTRIES, continuationToken } from './continuations';
import { fromLockup, isPublishedText, optional, type GridItems, type GridVideo, type Visibility } from './gridItems';
import { textOf } from './json';
import { platformChanged } from './responses';

const WHERE = 'the uploads playlist';

/**
 * The privacy badge the owner's view of a playlist puts on a private or unlisted video (yt-dlp
 * `_extract_badges`: the icon type, else the English label); none means public.
 */
const PRIVACY_ICONS: Record<string, Visibility> = { PRIVACY_PUBLIC: 'public', PRIVACY_UNLISTED: 'unlisted', PRIVACY_PRIVATE: 'private' };

/**
 * The videos and continuation token of an uploads playlist page: playlistVideoRenderer items (the
 * playlist page's shape, yt-dlp `_playlist_entries`, YouTube.js PlaylistVideo) or video lockups.
 * Like a tab's grid, a shape this code does not know stops the listing with its name.
 */
export function parsePlaylistItems(items: unknown[]): GridItems {
  const result: GridItems = { videos: [] };
  for (const item of asObjects(items)) {
    const key = Object.keys(item)[0] ?? '(empty)';
    const value = asObject(item[key]) ?? {};
    if (CONTINUATION_ENTRIES.has(key)) result.token = continuationToken(value, WHERE);
    else if (key === 'playlistVideoRenderer') result.videos.push(fromPlaylistVideo(value));
    else if (key === 'lockupViewModel') {
      const video = fromLockup(value, 'video');
      if (video) result.videos.push({ ...video, visibility: visibilityOf(dig(value, 'contentImage')) });
    } else throw platformChanged(`${WHERE}: it lists an item of unknown shape “${key}”`);
  }
  const unnamed = result.videos.find((video) => !VIDEO_ID.test(video.id));
  if (unnamed) throw platformChanged(`${WHERE}: a video without a video id`);
  return result;
}

/** videoInfo runs read "1.2K views", " • ", "3 weeks ago" (or "Streamed 3 weeks ago"). */
function fromPlaylistVideo(renderer: JsonObject): GridVideo {
  const info = asObjects(dig(renderer, 'videoInfo', 'runs')).map((run) => (asString(run.text) ?? '').trim());
  const overlays = asObjects(renderer.thumbnailOverlays).map((overlay) => asString(dig(overlay, 'thumbnailOverlayTimeStatusRenderer', 'style')));
  const publishedText = info.find(isPublishedText);
  const kind: GridVideo['kind'] = overlays.includes('SHORTS') ? 'short' : /^Streamed\b/i.test(publishedText ?? '') ? 'live' : 'video';
  return {
    id: asString(renderer.videoId) ?? '',
    kind,
    title: textOf(renderer.title) ?? '',
    visibility: visibilityOf(renderer.badges),
    ...optional({
      publishedText,
      durationText: textOf(renderer.lengthText),
      viewsText: info.find((part) => /\b(views?|watching)$/i.test(part)),
    }),
  };
}

/** The first privacy badge anywhere under `badges` (renderer badges or a lockup's thumbnail badges). */
function visibilityOf(badges: unknown): Visibility {
  let found: Visibility | undefined;
  const visit = (value: unknown): void => {
    if (found) return;
    if (Array.isArray(value)) return value.forEach(visit);
    const object = asObject(value);
    if (!object) return;
    const icon = asString(dig(object, 'icon', 'iconType'));
    const label = (asString(object.label) ?? textOf(object.text) ?? '').toLowerCase();
    found = (icon && PRIVACY_ICONS[icon]) || (label === 'unlisted' ? 'unlisted' : label === 'private' ? 'private' : undefined);
    Object.values(object).forEach(visit);
  };
  visit(badges);
  return found ?? 'public';
}
