import { asObject, asObjects, asString, dig, type JsonObject } from '../shared/jsonReaders';
import { VIDEO_ID } from './accountFromUrl';
import type { TabName } from './constants';
import { CONTINUATION_ENTRIES, continuationToken } from './continuations';
import { textOf } from './json';
import { platformChanged } from './responses';

/** Who may see an upload; the channel tabs list public ones only. */
export type Visibility = 'public' | 'unlisted' | 'private';

/** One video as a channel tab's grid (or the uploads playlist) shows it: no exact date, no description. */
export interface GridVideo {
  id: string;
  kind: 'video' | 'short' | 'live';
  /** Told by the uploads playlist's privacy badges; the tabs show public uploads only. */
  visibility?: Visibility;
  title: string;
  /** "3 weeks ago", "Streamed 2 weeks ago"; Shorts and running streams have none. */
  publishedText?: string;
  /** The thumbnail badge: "1:07:34". */
  durationText?: string;
  viewsText?: string;
  liveNow?: boolean;
}

export interface GridItems {
  videos: GridVideo[];
  /** The continuation token of the next page, when there is one. */
  token?: string;
}

const KIND: Record<TabName, GridVideo['kind']> = { videos: 'video', shorts: 'short', streams: 'live' };
/** Grid entries that are not uploads of the tab (shelves, banners): known, and left out on purpose. */
const NOT_UPLOADS = new Set(['richSectionRenderer', 'adSlotRenderer']);

type ItemParser = (item: JsonObject, kind: GridVideo['kind']) => GridVideo | undefined;

/** The shapes YouTube has served a channel tab's items in (docs/platforms.md, "YouTube: items"). */
const ITEM_PARSERS: Record<string, ItemParser> = {
  lockupViewModel: fromLockup,
  videoRenderer: fromVideoRenderer,
  shortsLockupViewModel: fromShortsLockup,
  reelItemRenderer: fromReelItem,
};

/**
 * The videos and continuation token of a tab's grid (page 1's `richGridRenderer.contents` or a
 * continuation's `continuationItems`). A shape this code does not know stops the export with its
 * name: skipping it would export a channel with videos silently missing.
 */
export function parseGridItems(items: unknown[], tab: TabName, tabLabel: string): GridItems {
  const result: GridItems = { videos: [] };
  for (const item of asObjects(items)) {
    const key = Object.keys(item)[0] ?? '(empty)';
    const value = asObject(item[key]) ?? {};
    if (key === 'richItemRenderer') {
      const video = fromRichItem(value, KIND[tab], tabLabel);
      if (video) result.videos.push(video);
    } else if (CONTINUATION_ENTRIES.has(key)) {
      result.token = continuationToken(value, `the ${tabLabel} tab`);
    } else if (!NOT_UPLOADS.has(key)) {
      throw platformChanged(`the ${tabLabel} tab: it lists an item of unknown shape “${key}”`);
    }
  }
  return result;
}

function fromRichItem(richItem: JsonObject, kind: GridVideo['kind'], tabLabel: string): GridVideo | undefined {
  const content = asObject(richItem.content) ?? {};
  const key = Object.keys(content)[0] ?? '(empty)';
  const parse = ITEM_PARSERS[key];
  if (!parse) throw platformChanged(`the ${tabLabel} tab: it shows a video in an unknown shape “${key}”`);
  const item = asObject(content[key]) ?? {};
  const video = parse(item, kind);
  if (video !== undefined && !VIDEO_ID.test(video.id)) throw platformChanged(`the ${tabLabel} tab: a “${key}” without a video id`);
  return video;
}

/** Playlists and other non-video lockups can share a grid; only videos are uploads. */
export function fromLockup(lockup: JsonObject, kind: GridVideo['kind']): GridVideo | undefined {
  if (lockup.contentType !== 'LOCKUP_CONTENT_TYPE_VIDEO') return undefined;
  const metadata = asObject(dig(lockup, 'metadata', 'lockupMetadataViewModel')) ?? {};
  const parts = asObjects(dig(metadata, 'metadata', 'contentMetadataViewModel', 'metadataRows')).flatMap((row) =>
    asObjects(row.metadataParts).flatMap((part) => textOf(part.text) ?? []),
  );
  const badges = badgesOf(dig(lockup, 'contentImage', 'thumbnailViewModel', 'overlays'));
  return {
    id: asString(lockup.contentId) ?? '',
    kind,
    title: textOf(metadata.title) ?? '',
    ...optional({
      publishedText: parts.find(isPublishedText),
      durationText: badges.find((badge) => isDuration(badge.text))?.text,
      viewsText: parts.find((part) => /\b(views?|watching)$/i.test(part)),
      liveNow: badges.some((badge) => /_LIVE$/.test(badge.style ?? '')) ? true : undefined,
    }),
  };
}

function fromVideoRenderer(renderer: JsonObject, kind: GridVideo['kind']): GridVideo {
  const overlayStyles = asObjects(renderer.thumbnailOverlays).map((overlay) => dig(overlay, 'thumbnailOverlayTimeStatusRenderer', 'style'));
  return {
    id: asString(renderer.videoId) ?? '',
    kind,
    title: textOf(renderer.title) ?? '',
    ...optional({
      publishedText: textOf(renderer.publishedTimeText),
      durationText: textOf(renderer.lengthText),
      viewsText: textOf(renderer.viewCountText),
      liveNow: overlayStyles.includes('LIVE') ? true : undefined,
    }),
  };
}

function fromShortsLockup(lockup: JsonObject, kind: GridVideo['kind']): GridVideo {
  const id = asString(dig(lockup, 'onTap', 'innertubeCommand', 'reelWatchEndpoint', 'videoId')) ?? asString(lockup.entityId)?.replace(/^shorts-shelf-item-/, '');
  return {
    id: id ?? '',
    kind,
    title: textOf(dig(lockup, 'overlayMetadata', 'primaryText')) ?? '',
    ...optional({ viewsText: textOf(dig(lockup, 'overlayMetadata', 'secondaryText')) }),
  };
}

/** The Shorts item before shortsLockupViewModel (what yt-dlp 2023 reads). */
function fromReelItem(renderer: JsonObject, kind: GridVideo['kind']): GridVideo {
  return {
    id: asString(renderer.videoId) ?? '',
    kind,
    title: textOf(renderer.headline) ?? '',
    ...optional({ viewsText: textOf(renderer.viewCountText) }),
  };
}

interface Badge {
  text: string;
  style?: string;
}

function badgesOf(overlays: unknown): Badge[] {
  const badges: Badge[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    const object = asObject(value);
    if (!object) return;
    const badge = asObject(object.thumbnailBadgeViewModel);
    const text = badge && textOf(badge.text);
    if (text) badges.push({ text, style: asString(badge.badgeStyle) });
    Object.values(object).forEach(visit);
  };
  visit(overlays);
  return badges;
}

export function isPublishedText(text: string): boolean {
  return /\bago$/i.test(text) || /^(Streamed|Premiered|Premieres|Scheduled)\b/i.test(text);
}

function isDuration(text: string): boolean {
  return /^\d+(:\d\d)+$/.test(text.trim());
}

export function optional<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
