import type { MediaTypeChoice, Post } from '../types';

export const MEDIA_TYPES: readonly MediaTypeChoice[] = [
  { id: 'videos', label: 'Videos' },
  { id: 'shorts', label: 'Shorts' },
  { id: 'live', label: 'Live' },
];

/** A YouTube export's files are thumbnails: the video they show decides the type. */
export function mediaTypeOf(post: Post): string {
  if (post.kind === 'short') return 'shorts';
  if (post.kind === 'live') return 'live';
  return 'videos';
}
