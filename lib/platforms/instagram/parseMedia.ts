import { urlWithoutSignature } from '../shared/sourceUrl';
import type { MediaItem, Post } from '../types';
import { asArray, asNumber, asObject, asObjects, asString, type JsonObject } from '../shared/jsonReaders';
import { ORIGIN } from './constants';
import { asId, listedId, mediaPk, rawMediaId } from './json';
import { allVersions, bestImage, bestVideo, formatHint } from './mediaUrls';

/** Where a media item was listed: its own post, the current stories, or a highlight. */
export type MediaSource =
  | { section: 'post' }
  | { section: 'story' }
  | { section: 'highlight'; highlightId: string; title?: string };

const VIDEO = 2;
const CAROUSEL = 8;
/** Stands in for the id of a media sent without any, so its files are still exported (`missing_id` says so). */
const NO_ID = 'no-id';

function unsignedUrl(url: string | undefined): string | undefined {
  return url ? urlWithoutSignature(url) : undefined;
}

/** The files of one v1 media: itself, or each carousel child in display order. */
export function extractMediaItems(media: unknown): MediaItem[] {
  const object = asObject(media);
  return object ? collectMedia(object).items : [];
}

/** A v1 media as a Post. None is left out for its id: one that is no pk is kept as sent, a missing one is NO_ID. */
export function toPost(media: JsonObject, source: MediaSource = { section: 'post' }): Post {
  const { items, idsAsSent } = collectMedia(media);
  const metadata: Record<string, unknown> = { ...postFacts(media), ...sourceFacts(media, source) };
  const missing = items.filter((item) => item.unavailable).map((item) => item.id);
  if (listedId(media) === undefined) metadata.missing_id = true;
  if (missing.length > 0) metadata.missing_media = missing;
  if (idsAsSent.length > 0) metadata.media_ids_as_sent = idsAsSent;
  const id = listedId(media);
  return {
    id: id ?? NO_ID,
    ...listingIdOf(id, source),
    platform: 'instagram',
    kind: postKind(media, source),
    publishedAt: publishedAt(media),
    caption: captionOf(media),
    permalink: permalink(media, source),
    metadata: withoutUndefined(metadata),
    media: items,
  };
}

/** A post without an id is never taken for another; a story item saved in two highlights is listed in each. */
function listingIdOf(id: string | undefined, source: MediaSource): Pick<Post, 'listingId'> {
  if (id === undefined) return { listingId: null };
  return source.section === 'highlight' ? { listingId: `${source.highlightId}/${id}` } : {};
}

/** A carousel child's id whose pk is missing or no pk, with the id it was sent under (if any). */
interface IdAsSent {
  id: string;
  as_sent: string;
}

interface CollectedMedia {
  /** Every file, those without a usable URL included (as `unavailable`), so none goes missing unreported. */
  items: MediaItem[];
  idsAsSent: IdAsSent[];
}

function collectMedia(media: JsonObject): CollectedMedia {
  const postId = listedId(media) ?? NO_ID;
  const caption = captionOf(media);
  const postTime = publishedAt(media);
  const children = asObjects(media.carousel_media);
  const nodes = children.length > 0 ? children : [media];
  const items: MediaItem[] = [];
  const idsAsSent: IdAsSent[] = [];
  nodes.forEach((node, index) => {
    let id = postId;
    if (children.length > 0) {
      // Its place names a child for sure; an id that is no pk could be anything (a path, another post's pk).
      const pk = mediaPk(node);
      id = pk ?? `${postId}_${index + 1}`;
      const asSent = rawMediaId(node);
      if (!pk && asSent !== undefined) idsAsSent.push({ id, as_sent: asSent });
    }
    const isVideo = asNumber(node.media_type) === VIDEO || asObjects(node.video_versions).length > 0;
    const version = isVideo ? bestVideo(node) : bestImage(node);
    const listed = {
      id,
      postId,
      kind: isVideo ? 'video' : 'image',
      publishedAt: asNumber(node.taken_at) === undefined ? postTime : publishedAt(node),
      caption,
    } as const;
    if (!version) {
      items.push({ ...listed, url: '', unavailable: { message: noAddressMessage(isVideo) } });
      return;
    }
    const variants = allVersions(node, isVideo).filter((other) => other.url !== version.url);
    items.push({
      ...listed,
      url: version.url,
      width: version.width,
      height: version.height,
      formatHint: formatHint(version.url),
      ...(variants.length > 0 ? { variants } : {}),
    });
  });
  return { items, idsAsSent };
}

function noAddressMessage(isVideo: boolean): string {
  return `Instagram listed this ${isVideo ? 'video' : 'photo'} but gave no address to download it from.`;
}

function postKind(media: JsonObject, source: MediaSource): string {
  if (source.section !== 'post') return source.section;
  if (asString(media.product_type) === 'clips') return 'reel';
  const type = asNumber(media.media_type);
  if (type === CAROUSEL || asObjects(media.carousel_media).length > 0) return 'carousel';
  return type === VIDEO ? 'video' : 'image';
}

function postFacts(media: JsonObject): Record<string, unknown> {
  const location = asObject(media.location);
  const isVideo = asNumber(media.media_type) === VIDEO;
  return {
    code: asString(media.code),
    product_type: asString(media.product_type),
    media_type: asNumber(media.media_type),
    like_count: asNumber(media.like_count),
    comment_count: asNumber(media.comment_count),
    location: location && withoutUndefined({ name: asString(location.name), lat: asNumber(location.lat), lng: asNumber(location.lng) }),
    accessibility_caption: asString(media.accessibility_caption),
    video_duration: asNumber(media.video_duration),
    original_width: asNumber(media.original_width),
    original_height: asNumber(media.original_height),
    pinned: isPinned(media),
    owner: asString(asObject(media.user)?.username) ?? asString(asObject(media.owner)?.username),
    carousel_media_count: asNumber(media.carousel_media_count),
    // The cover of a video is kept as a reference only (the export's files are the videos), and
    // without its signature, which expires anyway and must not travel in the export.
    cover_url: isVideo ? unsignedUrl(bestImage(media)?.url) : undefined,
  };
}

function sourceFacts(media: JsonObject, source: MediaSource): Record<string, unknown> {
  if (source.section === 'highlight') return { highlight_id: source.highlightId, highlight_title: source.title };
  if (source.section === 'story') {
    const expiring = asNumber(media.expiring_at);
    return { expiring_at: expiring === undefined ? undefined : isoFromUnix(expiring) };
  }
  return {};
}

function isPinned(media: JsonObject): boolean {
  return (asArray(media.timeline_pinned_user_ids)?.length ?? 0) > 0 || (asArray(media.clips_tab_pinned_user_ids)?.length ?? 0) > 0;
}

function captionOf(media: JsonObject): string | null {
  const caption = asObject(media.caption);
  return typeof caption?.text === 'string' ? caption.text : null;
}

function publishedAt(media: JsonObject): string {
  const expiring = asNumber(media.expiring_at);
  const seconds =
    asNumber(media.taken_at) ?? asNumber(asObject(media.caption)?.created_at) ?? (expiring === undefined ? 0 : expiring - 86_400);
  return isoFromUnix(seconds);
}

function permalink(media: JsonObject, source: MediaSource): string | undefined {
  if (source.section === 'highlight') {
    // Only digits go into the link's path: an id as sent could be `..` or another path altogether.
    const highlightId = asId(source.highlightId);
    return highlightId ? `${ORIGIN}/stories/highlights/${highlightId}/` : undefined;
  }
  const code = asString(media.code);
  if (source.section === 'story') {
    const username = asString(asObject(media.user)?.username);
    const pk = mediaPk(media);
    return username && pk ? `${ORIGIN}/stories/${encodeURIComponent(username)}/${pk}/` : undefined;
  }
  if (!code) return undefined;
  return asString(media.product_type) === 'clips' ? `${ORIGIN}/reel/${code}/` : `${ORIGIN}/p/${code}/`;
}

function isoFromUnix(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
