import type { MediaItem, Post } from '../types';
import { asNumber, asString, dig, digFirst, type JsonObject } from '../shared/jsonReaders';
import { ORIGIN } from './constants';
import { asId } from './json';
import { bestVideo, formatHint, fullImage, imageVersions, videoVersions } from './mediaUrls';
import { renditionLines, renditionSize } from './renditionSize';
import { MEDIA_FIELDS, type CollectionName } from './queries';

const KINDS: Record<CollectionName, string> = { uploads: 'image', tagged: 'image', videos: 'video', reels: 'reel' };

/**
 * One photo or video as a Post of its own (a Facebook media item is its own permalink). Undefined
 * when the node has no id, so nothing could refer to it. A video without any playable file (a
 * photo without its image) keeps its metadata, names itself in `missing_media` and lists its file
 * as unavailable, so the export reports it as failed.
 */
export function toPost(media: JsonObject, collection: CollectionName): Post | undefined {
  const id = asId(dig(media, ...MEDIA_FIELDS.id));
  if (!id) return undefined;
  const isVideo = collection === 'videos' || collection === 'reels' || dig(media, ...MEDIA_FIELDS.typename) === 'Video';
  const seconds = digFirst(media, MEDIA_FIELDS.times, asNumber);
  const publishedAt = isoFromUnix(seconds ?? 0);
  const caption = digFirst(media, MEDIA_FIELDS.caption, (value) => (typeof value === 'string' ? value : undefined)) ?? null;
  const file: ChosenFile | undefined = isVideo ? videoFile(media) : fullImage(media);
  const metadata: Record<string, unknown> = {
    collection,
    owner_id: asId(dig(media, ...MEDIA_FIELDS.ownerId)),
    owner_name: asString(dig(media, ...MEDIA_FIELDS.ownerName)),
    accessibility_caption: asString(dig(media, ...MEDIA_FIELDS.accessibilityCaption)),
    duration_seconds: asNumber(dig(media, ...MEDIA_FIELDS.duration)),
    // The file's size again, for the posts CSV, whose columns are the metadata (one file per post here).
    width: file?.width,
    height: file?.height,
    original_width: asNumber(dig(media, ...MEDIA_FIELDS.originalWidth)),
    original_height: asNumber(dig(media, ...MEDIA_FIELDS.originalHeight)),
    video_quality: file?.quality,
    // Fast mode lists photos without their dates: the file is then named 1970-01-01.
    date_unknown: seconds === undefined ? true : undefined,
    missing_media: file ? undefined : [id],
  };
  const listed = { id, postId: id, kind: isVideo ? 'video' : 'image', publishedAt, caption } as const;
  const duration = isVideo ? asNumber(dig(media, ...MEDIA_FIELDS.duration)) : undefined;
  const item: MediaItem = file
    ? { ...listed, url: file.url, width: file.width, height: file.height, durationSeconds: duration, formatHint: formatHint(file.url), ...variantsOf(media, file, isVideo) }
    : { ...listed, url: '', unavailable: { message: noAddressMessage(isVideo) } };
  const permalink = digFirst(media, MEDIA_FIELDS.permalink, asString) ?? defaultPermalink(id, collection);
  return {
    id,
    platform: 'facebook',
    // The videos collection lists reels too; their permalink tells them apart.
    kind: /\/reel\//.test(permalink) ? 'reel' : KINDS[collection],
    publishedAt,
    caption,
    permalink,
    metadata: Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)),
    media: [item],
  };
}

/**
 * A listed item the media viewer did not return (`currMedia: null`): not a deletion to pass over
 * in silence (docs/platforms.md, "Facebook: what changed in late 2026") but a post of its own whose file is listed as
 * unavailable, so the export names it among the failed.
 */
export function notReturnedPost(id: string, collection: CollectionName): Post {
  const isVideo = collection === 'videos' || collection === 'reels';
  const publishedAt = isoFromUnix(0);
  const message = `Facebook listed this ${isVideo ? 'video' : 'photo'} but did not return it when asked for it: it may have been deleted or hidden since it was listed.`;
  return {
    id,
    platform: 'facebook',
    kind: KINDS[collection],
    publishedAt,
    caption: null,
    permalink: defaultPermalink(id, collection),
    metadata: { collection, date_unknown: true, missing_media: [id] },
    media: [{ id, postId: id, kind: isVideo ? 'video' : 'image', url: '', publishedAt, caption: null, unavailable: { message, reason: 'not_returned' } }],
  };
}

/**
 * The file's other sizes, for the export's quality to choose from: the photo's other image, or the
 * video's other playable files (SD beside HD), each sized by the rendition its URL names; a file of
 * unknown size is left out, as the quality could only guess at it.
 */
function variantsOf(media: JsonObject, file: ChosenFile, isVideo: boolean): Pick<MediaItem, 'variants'> {
  const others = isVideo
    ? videoVersions(media).flatMap((version) => {
        const size = renditionSize(renditionLines(version.url), file.width, file.height);
        return size ? [{ url: version.url, ...size }] : [];
      })
    : imageVersions(media);
  const variants = others.filter((version) => version.url !== file.url);
  return variants.length > 0 ? { variants } : {};
}

function noAddressMessage(isVideo: boolean): string {
  return isVideo
    ? 'Facebook listed this video but gave no address to download it from: it offered no file that plays.'
    : 'Facebook listed this photo but gave no address to download it from.';
}

interface ChosenFile {
  url: string;
  width?: number;
  height?: number;
  quality?: string;
}

/**
 * The video's size as its node gives it (`width`/`height`: the delivered rendition's, 720p for a
 * 1080p upload; else the upload's `original_*`, which the metadata keeps too). The progressive
 * files carry no size of their own.
 */
function videoFile(media: JsonObject): ChosenFile | undefined {
  const video = bestVideo(media);
  const width = asNumber(dig(media, ...MEDIA_FIELDS.width)) ?? asNumber(dig(media, ...MEDIA_FIELDS.originalWidth));
  const height = asNumber(dig(media, ...MEDIA_FIELDS.height)) ?? asNumber(dig(media, ...MEDIA_FIELDS.originalHeight));
  return video && { url: video.url, quality: video.quality, width, height };
}

function defaultPermalink(id: string, collection: CollectionName): string {
  if (collection === 'reels') return `${ORIGIN}/reel/${id}`;
  if (collection === 'videos') return `${ORIGIN}/watch/?v=${id}`;
  return `${ORIGIN}/photo/?fbid=${id}`;
}

function isoFromUnix(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}
