import type { MediaItem, Post } from '../types';
import { ORIGIN, THUMBNAIL_BASE, THUMBNAILS } from './constants';
import type { GridVideo } from './gridItems';
import type { VideoDate } from './publishDates';
import { countFromText, secondsFromDuration } from './textValues';

/**
 * A listed video as a Post. The caption is the title (what the grid and every list show); the
 * description, when the player gave it, is kept in the metadata. Field names follow YouTube's own
 * (camelCase), as Instagram's follow Instagram's.
 */
export function toPost(video: GridVideo, date: VideoDate): Post {
  const facts = date.facts;
  const approximate = date.source === 'relative' || date.source === 'none';
  const metadata: Record<string, unknown> = {
    title: video.title,
    description: facts?.description,
    durationSeconds: facts?.lengthSeconds || secondsFromDuration(video.durationText),
    viewCount: facts?.viewCount ?? countFromText(video.viewsText),
    viewCountText: video.viewsText,
    publishedText: video.publishedText,
    liveNow: video.liveNow,
    // The channel tabs list public uploads only; the uploads playlist says so for each video.
    visibility: video.visibility ?? 'public',
    dateSource: date.source,
    dateApproximate: approximate || undefined,
  };
  return {
    id: video.id,
    platform: 'youtube',
    kind: video.kind,
    publishedAt: date.publishedAt,
    caption: video.title,
    permalink: video.kind === 'short' ? `${ORIGIN}/shorts/${video.id}` : `${ORIGIN}/watch?v=${video.id}`,
    metadata: Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)),
    media: thumbnailItems(video, date.publishedAt, approximate),
  };
}

/**
 * The high and medium thumbnails, by their plain `.jpg` URLs: the grid's own URLs are crops with
 * signed parameters. The high one names its largest size and the smaller ones to fall back to,
 * since only i.ytimg.com's answer tells which sizes a video has; the export's quality may start
 * lower on the ladder.
 */
function thumbnailItems(video: GridVideo, publishedAt: string, dateApproximate: boolean): MediaItem[] {
  return THUMBNAILS.map(({ size, ladder }) => {
    const [largest, ...smaller] = ladder.map(({ name, width, height }) => ({ url: `${THUMBNAIL_BASE}/${video.id}/${name}.jpg`, width, height }));
    return {
      id: `${video.id}_${size}`,
      postId: video.id,
      kind: 'image',
      ...largest!,
      publishedAt,
      caption: video.title,
      formatHint: 'jpg',
      ...(smaller.length > 0 ? { fallbacks: smaller } : {}),
      ...(dateApproximate ? { dateApproximate: true as const } : {}),
    };
  });
}
